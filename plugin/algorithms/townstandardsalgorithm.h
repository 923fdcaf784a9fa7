#pragma once

#include "poleaxisalgorithm.h"
#include "poleaxis/town_standards.h"

// poleaxis:townstandards — planning targets per town (a small-town plan's
// built-up area, road area per person, green cover, gas, waste treatment…):
// pass/fail and the gap per indicator, a count met, a report and a map layer.
class TownStandardsAlgorithm : public PoleaxisAlgorithm {
  Q_DECLARE_TR_FUNCTIONS(TownStandardsAlgorithm)

 public:
  QString name() const override { return QStringLiteral("townstandards"); }
  QString displayName() const override;
  QStringList tags() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("poles"); }
  QString helpText() const override;
  QString shortDescription() const override;
  TownStandardsAlgorithm* createInstance() const override { return new TownStandardsAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                      QgsProcessingFeedback* feedback) override;

 private:
  // execute: read and check (readInputs), one call into algorithms/
  // (check_standards), one writer per output (writeTowns, writeReport).
  struct Inputs;
  Inputs readInputs(const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  void warnMissing(const Inputs& in, const poleaxis::StandardsResult& result, QgsProcessingFeedback* feedback) const;
  QVariantMap writeTowns(const Inputs& in, const poleaxis::StandardsResult& result, const QVariantMap& parameters,
                         QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  void writeReport(const Inputs& in, const poleaxis::StandardsResult& result, const QVariantMap& parameters,
                   QgsProcessingContext& context, QVariantMap& outputs) const;
};
