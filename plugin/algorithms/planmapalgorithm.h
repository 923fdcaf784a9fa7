#pragma once

#include "poleaxisalgorithm.h"

#include <memory>

class QgsLayoutExporter;
class QgsPrintLayout;
class QgsProject;

// poleaxis:planmap — a printed plan map (PDF, PNG) of the plan's layers.
class PlanMapAlgorithm : public PoleaxisAlgorithm {
  Q_DECLARE_TR_FUNCTIONS(PlanMapAlgorithm)

 public:
  QString name() const override { return QStringLiteral("planmap"); }
  QString displayName() const override;
  QStringList tags() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("plan"); }
  QString helpText() const override;
  QString shortDescription() const override;
  compat::AlgorithmFlags flags() const override;
  PlanMapAlgorithm* createInstance() const override { return new PlanMapAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                      QgsProcessingFeedback* feedback) override;

 private:
  // execute: read and check the layers and texts (readInputs) and the atlas
  // pages (readAtlasPages), lay out each page (preparePage: styled clones,
  // filtered to the page's region, then fillPlanPage in common/), write the
  // PDF and PNGs (exportPages), and in desktop QGIS hand a single-page
  // layout to the project (addToProject).
  struct Inputs;
  Inputs readInputs(const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  void readAtlasPages(Inputs& in, const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  // page −1: the one page of everything.
  void preparePage(Inputs& in, int page, QgsPrintLayout* layout, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  QVariantMap exportPages(Inputs& in, QgsPrintLayout& layout, const QVariantMap& parameters, QgsProcessingContext& context,
                          QgsProcessingFeedback* feedback) const;
  void savePng(QgsLayoutExporter& exporter, const QString& path, int dpi) const;
  void addToProject(Inputs& in, std::unique_ptr<QgsPrintLayout> layout, QgsProject* project, QgsProcessingFeedback* feedback) const;
};
