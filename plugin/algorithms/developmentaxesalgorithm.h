#pragma once

#include "poleaxisalgorithm.h"

// poleaxis:developmentaxes — gravity between centres routed over the line
// network: desire lines, edge flows and graded development axes.
class DevelopmentAxesAlgorithm : public PoleaxisAlgorithm {
  Q_DECLARE_TR_FUNCTIONS(DevelopmentAxesAlgorithm)

 public:
  QString name() const override { return QStringLiteral("developmentaxes"); }
  QString displayName() const override;
  QStringList tags() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("axes"); }
  QString shortHelpString() const override;
  QString shortDescription() const override;
  DevelopmentAxesAlgorithm* createInstance() const override { return new DevelopmentAxesAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                      QgsProcessingFeedback* feedback) override;
};
