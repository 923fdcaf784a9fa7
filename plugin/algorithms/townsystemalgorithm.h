#pragma once

#include "poleaxisalgorithm.h"

#include <vector>

// poleaxis:townsystem — the whole pole-axis plan in one run: hierarchy and
// poles, town functions, town groups, service circles, corridors, axes,
// influence areas and the printed map, into one styled GeoPackage.
class TownSystemAlgorithm : public PoleaxisAlgorithm {
  Q_DECLARE_TR_FUNCTIONS(TownSystemAlgorithm)

 public:
  QString name() const override { return QStringLiteral("townsystem"); }
  QString displayName() const override;
  QStringList tags() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("plan"); }
  QString helpText() const override;
  QString shortDescription() const override;
  compat::AlgorithmFlags flags() const override;
  TownSystemAlgorithm* createInstance() const override { return new TownSystemAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                      QgsProcessingFeedback* feedback) override;

 private:
  // execute: every input checked first (checkInputs), then the chain's
  // stages, each a run of the other poleaxis algorithms (rankTowns,
  // axesAndBelts, townGroups), one writer for the GeoPackage and one for the
  // plan map.
  struct Run;
  Run checkInputs(const QVariantMap& parameters, QgsProcessingContext& context) const;
  // OUTPUT as a .gpkg path, refused otherwise, with the folders of `files` checked.
  QString outputGeoPackage(const QVariantMap& parameters, const QStringList& files, QgsProcessingContext& context) const;
  void rankTowns(Run& run, const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  void axesAndBelts(Run& run, const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  void townGroups(Run& run, const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  void writeGeoPackage(Run& run, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  QVariantMap drawPlanMap(Run& run, const QVariantMap& parameters, QgsProcessingContext& context) const;
  QString planSummary(const Run& run, const QVariantMap& parameters, QgsProcessingContext& context) const;
  QVariantMap planMapParameters(const QString& gpkg, const QStringList& mapped, int language, const QVariantMap& parameters,
                                QgsProcessingContext& context) const;
  void loadStoredLayers(const QString& gpkg, const QStringList& stored, QgsProcessingContext& context) const;
  // The plan's layers (GeoPackage table, layer, style), and the one writer
  // that stores them with their styles.
  struct PlanLayer;
  std::vector<PlanLayer> planLayersOf(Run& run, QgsProcessingFeedback* feedback) const;
  void storePlanLayers(const std::vector<PlanLayer>& layers, const QString& gpkg, QgsProcessingContext& context,
                       QgsProcessingFeedback* feedback, QStringList& stored, QStringList& mapped) const;
  // REGIONS: the chain for the towns of each region on its own, one
  // GeoPackage whose layers carry a region field, one atlas PDF.
  QVariantMap runAtlas(const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;

 protected:
  QStringList layersWrittenTo(const QString& parameter) const override;

 private:
  // The LINES layers as one memory layer (in the first layer's CRS, owned by
  // the context) with class = the CLASS_FIELD value, else the layer's name.
  QgsVectorLayer* mergedLines(const QList<QgsMapLayer*>& layers, const QString& classField, QgsProcessingContext& context,
                              QgsProcessingFeedback* feedback) const;
};
