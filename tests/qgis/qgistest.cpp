#include "qgistest.h"

#include <qgsapplication.h>
#include <qgsnativealgorithms.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingregistry.h>
#include <qgsprocessingutils.h>
#include <qgsproject.h>

#include <QFile>
#include <QTemporaryDir>

#include "poleaxisprovider.h"

void RecordingFeedback::reportError(const QString& error, bool fatal) {
  errors << error;
  QgsProcessingFeedback::reportError(error, fatal);
}
void RecordingFeedback::pushWarning(const QString& warning) {
  warnings << warning;
  QgsProcessingFeedback::pushWarning(warning);
}
void RecordingFeedback::pushInfo(const QString& info) {
  infos << info;
  QgsProcessingFeedback::pushInfo(info);
}
QString RecordingFeedback::all() const { return (errors + warnings + infos).join('\n'); }

QgsVectorLayer* AlgorithmRun::layer(const QString& output) const {
  return qobject_cast<QgsVectorLayer*>(
      QgsProcessingUtils::mapLayerFromString(results.value(output).toString(), *context));
}

AlgorithmRun runAlgorithm(const QString& id, QVariantMap parameters, const std::vector<QgsVectorLayer*>& layers,
                          RecordingFeedback* feedback) {
  AlgorithmRun run;
  run.context = std::make_unique<QgsProcessingContext>();
  run.context->setProject(QgsProject::instance());
  run.feedback.reset(feedback ? feedback : new RecordingFeedback);
  for (QgsVectorLayer* layer : layers) run.context->temporaryLayerStore()->addMapLayer(layer);
  std::unique_ptr<QgsProcessingAlgorithm> algorithm(QgsApplication::processingRegistry()->createAlgorithmById(id));
  if (!algorithm) {
    run.feedback->errors << QStringLiteral("no algorithm %1").arg(id);
    return run;
  }
  run.results = algorithm->run(parameters, *run.context, run.feedback.get(), &run.ok);
  return run;
}

QString testData(const QString& file) {
  // A private copy per test process: QGIS may open a GeoPackage for update
  // (a subset filter rewrites it), and parallel tests must neither see each
  // other's writes nor change the checkout.
  static QTemporaryDir copies;
  const QString copy = copies.filePath(file);
  if (!QFile::exists(copy)) QFile::copy(QStringLiteral(POLEAXIS_TESTDATA "/") + file, copy);
  return copy;
}

QgsVectorLayer* openTestLayer(const QString& file, const QString& subset) {
  auto* layer = new QgsVectorLayer(testData(file), file, QStringLiteral("ogr"));
  EXPECT_TRUE(layer->isValid()) << file.toStdString();
  if (!subset.isEmpty()) layer->setSubsetString(subset);
  return layer;
}

QgsDistanceArea wgs84Measure(const QgsCoordinateReferenceSystem& crs) {
  QgsDistanceArea measure;
  measure.setSourceCrs(crs, QgsProject::instance()->transformContext());
  measure.setEllipsoid(QStringLiteral("WGS84"));
  return measure;
}

// One QgsApplication for all tests, headless.
int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QgsApplication app(argc, argv, false);
  if (qEnvironmentVariableIsEmpty("QGIS_PREFIX_PATH")) QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
  QgsApplication::initQgis();
  poleaxisregistration::acquire();
  QgsApplication::processingRegistry()->addProvider(new QgsNativeAlgorithms(QgsApplication::processingRegistry()));
  const int result = RUN_ALL_TESTS();
  poleaxisregistration::release();
  QgsApplication::exitQgis();
  return result;
}

void expectError(const AlgorithmRun& run, const QStringList& fragments) {
  EXPECT_FALSE(run.ok);
  for (const QString& fragment : fragments)
    EXPECT_TRUE(run.error().contains(fragment)) << "missing '" << fragment.toStdString() << "' in: " << run.error().toStdString();
}
