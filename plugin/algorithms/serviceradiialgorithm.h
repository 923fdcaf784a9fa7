#pragma once

#include "poleaxisalgorithm.h"

// poleaxis:serviceradii — geodesic service circles around centres, dissolved
// and clipped on request, with the gaps they leave and the demand they cover.
class ServiceRadiiAlgorithm : public PoleaxisAlgorithm {
  Q_DECLARE_TR_FUNCTIONS(ServiceRadiiAlgorithm)

 public:
  QString name() const override { return QStringLiteral("serviceradii"); }
  QString displayName() const override;
  QStringList tags() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("service"); }
  QString shortHelpString() const override;
  QString shortDescription() const override;
  ServiceRadiiAlgorithm* createInstance() const override { return new ServiceRadiiAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                      QgsProcessingFeedback* feedback) override;
};
