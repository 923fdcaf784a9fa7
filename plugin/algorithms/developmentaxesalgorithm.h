#pragma once

#include "poleaxisalgorithm.h"
#include "poleaxis/development_axes.h"

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
  QString helpText() const override;
  QString shortDescription() const override;
  DevelopmentAxesAlgorithm* createInstance() const override { return new DevelopmentAxesAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                      QgsProcessingFeedback* feedback) override;

 private:
  // execute: read and check (readInputs), one call into algorithms/
  // (computeAxes: development_axes), one writer per output (desire lines,
  // edges, axes, components).
  struct Inputs;
  Inputs readInputs(const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  poleaxis::AxesResult computeAxes(const Inputs& in, QgsProcessingFeedback* feedback) const;
  QVariantMap writeDesireLines(const Inputs& in, const poleaxis::AxesResult& result, const QVariantMap& parameters,
                               QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  void writeEdges(const Inputs& in, const poleaxis::AxesResult& result, const QVariantMap& parameters, QgsProcessingContext& context,
                  QgsProcessingFeedback* feedback, QVariantMap& outputs) const;
  void writeAxes(const Inputs& in, const poleaxis::AxesResult& result, const QVariantMap& parameters, QgsProcessingContext& context,
                 QgsProcessingFeedback* feedback, QVariantMap& outputs) const;
  // An edge's route name: its line's NAME_FIELD, else the strongest pair routed over it.
  QString edgeName(const Inputs& in, const poleaxis::AxesResult& result, size_t e) const;
};
