#pragma once

#include "poleaxisalgorithm.h"

#include <map>
#include <utility>
#include <vector>

#include "poleaxis/corridor_buffers.h"

// poleaxis:corridorbuffers — corridors along rail/highway lines by class
// widths or bands, dissolved, with the towns along them (town belts).
class CorridorBuffersAlgorithm : public PoleaxisAlgorithm {
  Q_DECLARE_TR_FUNCTIONS(CorridorBuffersAlgorithm)

 public:
  QString name() const override { return QStringLiteral("corridorbuffers"); }
  QString displayName() const override;
  QStringList tags() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("axes"); }
  QString helpText() const override;
  QString shortDescription() const override;
  CorridorBuffersAlgorithm* createInstance() const override { return new CorridorBuffersAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                      QgsProcessingFeedback* feedback) override;

 private:
  // execute: read and check (readInputs), one call into algorithms/
  // (buffer: corridor_buffers), one writer per output (corridors, towns, stats).
  struct Inputs;
  Inputs readInputs(const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  std::vector<poleaxis::CorridorPiece> buffer(const Inputs& in, QgsProcessingFeedback* feedback) const;
  QVariantMap writeCorridors(const Inputs& in, const std::vector<poleaxis::CorridorPiece>& pieces, const QVariantMap& parameters,
                             QgsProcessingContext& context, QgsProcessingFeedback* feedback, std::map<QString, double>& areaOf) const;
  bool writeTowns(const Inputs& in, const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback,
                  QVariantMap& outputs, std::map<QString, std::pair<long, double>>& townsOf) const;
  void writeStats(const Inputs& in, std::map<QString, double>& areaOf, std::map<QString, std::pair<long, double>>& townsOf,
                  bool withTowns, const QVariantMap& parameters, QgsProcessingContext& context, QVariantMap& outputs) const;
};
