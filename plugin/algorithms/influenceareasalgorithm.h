#pragma once

#include "poleaxisalgorithm.h"

// poleaxis:influenceareas — the study area split among centres: ordinary or
// multiplicatively weighted Voronoi (Reilly/Converse breaking points) or
// Huff dominant centres, with towns and population per area.
class InfluenceAreasAlgorithm : public PoleaxisAlgorithm {
  Q_DECLARE_TR_FUNCTIONS(InfluenceAreasAlgorithm)

 public:
  QString name() const override { return QStringLiteral("influenceareas"); }
  QString displayName() const override;
  QStringList tags() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("service"); }
  QString shortHelpString() const override;
  QString shortDescription() const override;
  InfluenceAreasAlgorithm* createInstance() const override { return new InfluenceAreasAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                      QgsProcessingFeedback* feedback) override;
};
