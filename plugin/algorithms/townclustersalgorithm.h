#pragma once

#include "poleaxisalgorithm.h"

// poleaxis:townclusters — town groups (城镇群) by DBSCAN, hierarchical
// linkage, k-means++ or gravity-graph Louvain communities, with a polygon,
// lead town and population per group.
class TownClustersAlgorithm : public PoleaxisAlgorithm {
  Q_DECLARE_TR_FUNCTIONS(TownClustersAlgorithm)

 public:
  QString name() const override { return QStringLiteral("townclusters"); }
  QString displayName() const override;
  QStringList tags() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("groups"); }
  QString helpText() const override;
  QString shortDescription() const override;
  TownClustersAlgorithm* createInstance() const override { return new TownClustersAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                      QgsProcessingFeedback* feedback) override;

 private:
  // execute: read and check (readInputs), one call into algorithms/
  // (group: dbscan, linkage, ward_linkage, kmeans or louvain), one writer per
  // output (towns with the silhouette, group polygons, components).
  struct Inputs;
  struct Groups;
  Inputs readInputs(const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  Groups group(const Inputs& in, QgsProcessingFeedback* feedback) const;
  QVariantMap writeTowns(const Inputs& in, const Groups& groups, const QVariantMap& parameters, QgsProcessingContext& context,
                         QgsProcessingFeedback* feedback) const;
  void writeGroups(const Inputs& in, const Groups& groups, const QVariantMap& parameters, QgsProcessingContext& context,
                   QgsProcessingFeedback* feedback, QVariantMap& outputs) const;
};
