#pragma once

#include "poleaxisalgorithm.h"

// poleaxis:townhierarchy — composite centrality score, levels and growth
// poles, with a rank-size report.
class TownHierarchyAlgorithm : public PoleaxisAlgorithm {
  Q_DECLARE_TR_FUNCTIONS(TownHierarchyAlgorithm)

 public:
  QString name() const override { return QStringLiteral("townhierarchy"); }
  QString displayName() const override;
  QStringList tags() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("poles"); }
  QString helpText() const override;
  QString shortDescription() const override;
  TownHierarchyAlgorithm* createInstance() const override { return new TownHierarchyAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                      QgsProcessingFeedback* feedback) override;

 private:
  // execute: read and check (readInputs), one call into algorithms/ (rank:
  // town_hierarchy, then rank_size), one writer per output (towns, report).
  struct Inputs;
  struct Result;
  Inputs readInputs(const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  Result rank(const Inputs& in, QgsProcessingFeedback* feedback) const;
  QVariantMap writeTowns(const Inputs& in, const Result& result, const QVariantMap& parameters, QgsProcessingContext& context,
                         QgsProcessingFeedback* feedback) const;
  void summarise(const Result& result, QgsProcessingFeedback* feedback, QVariantMap& outputs) const;
  void writeReport(const Inputs& in, const Result& result, const QVariantMap& parameters, QgsProcessingContext& context,
                   QVariantMap& outputs) const;
};
