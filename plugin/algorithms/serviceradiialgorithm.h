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
  QString helpText() const override;
  QString shortDescription() const override;
  ServiceRadiiAlgorithm* createInstance() const override { return new ServiceRadiiAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                      QgsProcessingFeedback* feedback) override;

 private:
  // execute: read and check (readInputs), one call into algorithms/
  // (computeAreas: service_radii or travel_areas), one writer per output
  // (areas, gaps, demand, components).
  struct Inputs;
  struct Result;
  Inputs readInputs(const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const;
  Result computeAreas(const Inputs& in, QgsProcessingFeedback* feedback) const;
  QVariantMap writeAreas(const Inputs& in, const Result& result, const QVariantMap& parameters, QgsProcessingContext& context,
                         QgsProcessingFeedback* feedback, long& written) const;
  void writeGaps(const Inputs& in, const Result& result, const QVariantMap& parameters, QgsProcessingContext& context,
                 QgsProcessingFeedback* feedback, QVariantMap& outputs) const;
  void writeDemand(const Inputs& in, const Result& result, const QVariantMap& parameters, QgsProcessingContext& context,
                   QgsProcessingFeedback* feedback, QVariantMap& outputs) const;
};
