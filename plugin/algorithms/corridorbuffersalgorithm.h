#pragma once

#include "poleaxisalgorithm.h"

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
  QString shortHelpString() const override;
  QString shortDescription() const override;
  CorridorBuffersAlgorithm* createInstance() const override { return new CorridorBuffersAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                      QgsProcessingFeedback* feedback) override;
};
