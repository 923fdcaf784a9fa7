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
  QString helpText() const override;
  QString shortDescription() const override;
  InfluenceAreasAlgorithm* createInstance() const override { return new InfluenceAreasAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                      QgsProcessingFeedback* feedback) override;

 private:
  // execute: read and check (readInputs), the cells in algorithms/
  // (computeAreas: voronoi_cells or weighted_voronoi_cells, clip_each), the
  // towns per area (countTowns: WeightBands, huff_shares), one writer per
  // output (areas, probability raster).
  struct Inputs;
  struct Result;
  Inputs readInputs(const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  Result computeAreas(const Inputs& in, QgsProcessingFeedback* feedback) const;
  void countTowns(const Inputs& in, Result& result, const QVariantMap& parameters, QgsProcessingContext& context,
                  QgsProcessingFeedback* feedback) const;
  QVariantMap writeAreas(const Inputs& in, const Result& result, const QVariantMap& parameters, QgsProcessingContext& context,
                         QgsProcessingFeedback* feedback) const;
  void writeProbabilityRaster(const Inputs& in, const QVariantMap& parameters, QgsProcessingContext& context,
                              QgsProcessingFeedback* feedback, QVariantMap& outputs) const;
};
