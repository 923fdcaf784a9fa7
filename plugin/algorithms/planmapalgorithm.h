#pragma once

#include "poleaxisalgorithm.h"

// poleaxis:planmap — a printed plan map (PDF, PNG) of the plan's layers.
class PlanMapAlgorithm : public PoleaxisAlgorithm {
  Q_DECLARE_TR_FUNCTIONS(PlanMapAlgorithm)

 public:
  QString name() const override { return QStringLiteral("planmap"); }
  QString displayName() const override;
  QStringList tags() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("plan"); }
  QString shortHelpString() const override;
  QString shortDescription() const override;
  compat::AlgorithmFlags flags() const override;
  PlanMapAlgorithm* createInstance() const override { return new PlanMapAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                      QgsProcessingFeedback* feedback) override;
};
