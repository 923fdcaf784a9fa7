#pragma once

#include "poleaxisalgorithm.h"

#include <memory>

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
  // execute: read and check the layers and texts (readInputs), lay out the
  // page (buildPlanLayout in common/), write PDF and PNG (exportPages), and
  // in desktop QGIS hand the layout to the project (addToProject).
  struct Inputs;
  Inputs readInputs(const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  QVariantMap exportPages(QgsPrintLayout& layout, const QVariantMap& parameters, QgsProcessingContext& context,
                          QgsProcessingFeedback* feedback) const;
  void addToProject(Inputs& in, std::unique_ptr<QgsPrintLayout> layout, QgsProject* project, QgsProcessingFeedback* feedback) const;
};
