#pragma once

#include "poleaxisalgorithm.h"

// poleaxis:townfunctions — functional type of each town from its sector
// structure (Nelson or location quotient) and transport hubs from lines.
class TownFunctionsAlgorithm : public PoleaxisAlgorithm {
  Q_DECLARE_TR_FUNCTIONS(TownFunctionsAlgorithm)

 public:
  QString name() const override { return QStringLiteral("townfunctions"); }
  QString displayName() const override;
  QStringList tags() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("poles"); }
  QString helpText() const override;
  QString shortDescription() const override;
  TownFunctionsAlgorithm* createInstance() const override { return new TownFunctionsAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                      QgsProcessingFeedback* feedback) override;

 private:
  // execute: read and check (readInputs), the math in algorithms/
  // (classify: sector_scores, find_transport_hubs), one writer (writeTowns).
  struct Inputs;
  struct Result;
  Inputs readInputs(const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  Result classify(const Inputs& in, QgsProcessingFeedback* feedback) const;
  QVariantMap writeTowns(const Inputs& in, const Result& result, const QVariantMap& parameters, QgsProcessingContext& context,
                         QgsProcessingFeedback* feedback) const;
};
