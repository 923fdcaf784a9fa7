// Shared helpers for the headless QGIS tests: one QgsApplication for the
// process, running algorithms through the processing registry, test data.
#pragma once

#include <gtest/gtest.h>
#include <qgsdistancearea.h>
#include <qgsprocessingcontext.h>
#include <qgsprocessingfeedback.h>
#include <qgsvectorlayer.h>

#include <QStringList>
#include <QVariantMap>
#include <memory>

// Collects what an algorithm tells its feedback.
class RecordingFeedback : public QgsProcessingFeedback {
 public:
  void reportError(const QString& error, bool fatal = false) override;
  void pushWarning(const QString& warning) override;
  void pushInfo(const QString& info) override;
  QStringList errors, warnings, infos;
  QString all() const;
};

struct AlgorithmRun {
  bool ok = false;
  QVariantMap results;
  std::unique_ptr<QgsProcessingContext> context;
  std::unique_ptr<RecordingFeedback> feedback;
  QString error() const { return feedback->errors.join('\n'); }
  // An output layer (TEMPORARY_OUTPUT or a file) of this run.
  QgsVectorLayer* layer(const QString& output) const;
};

// Runs an algorithm by id. Layers passed as QgsVectorLayer* are put into the
// run's context so the parameter can refer to them.
AlgorithmRun runAlgorithm(const QString& id, QVariantMap parameters,
                          const std::vector<QgsVectorLayer*>& layers = {},
                          RecordingFeedback* feedback = nullptr);

// The run failed and its error names every fragment.
void expectError(const AlgorithmRun& run, const QStringList& fragments);

// A private copy of a file from testdata/, e.g. "jilin_towns.gpkg".
QString testData(const QString& file);
// Opens a testdata layer; `subset` is an optional OGR SQL filter. Caller owns.
QgsVectorLayer* openTestLayer(const QString& file, const QString& subset = QString());

// Ellipsoidal (WGS 84) distances and areas from QGIS itself: the independent
// reference for what algorithms/ computes with PROJ.
QgsDistanceArea wgs84Measure(const QgsCoordinateReferenceSystem& crs);
