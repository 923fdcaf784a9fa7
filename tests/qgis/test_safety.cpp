// A planner's data is safe: every failure leaves an algorithm as a
// QgsProcessingException (also through QgsProcessingAlgRunnerTask, the way
// desktop QGIS runs algorithms, which aborts on any other exception); an
// output that is an input, or a plain .gpkg path onto a GeoPackage holding
// other layers, is refused before anything runs; a failed run removes only
// the files it created; and no output queues a layer that never exists.
#include <gdal.h>
#include <qgsexception.h>
#include <qgsprocessingalgrunnertask.h>
#include <qgsprocessingoutputs.h>
#include <qgsapplication.h>
#include <qgsprocessingregistry.h>
#include <qgsprocessingutils.h>
#include <qgsproject.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cmath>
#include <new>
#include <stdexcept>

#include "conversion.h"
#include "poleaxisalgorithm.h"
#include "qgiscompat.h"
#include "qgistest.h"

namespace {

// Writes one feature into OUTPUT, then fails in the way KIND says.
class FailingAlgorithm : public PoleaxisAlgorithm {
 public:
  enum Kind { Input, Geos, Transform, Cancel, Memory, Anything, Processing, Count };
  QString name() const override { return QStringLiteral("failing"); }
  QString displayName() const override { return QStringLiteral("failing"); }
  QgsProcessingAlgorithm* createInstance() const override { return new FailingAlgorithm(); }

 protected:
  QString helpText() const override { return QStringLiteral("Fails as <b>KIND</b> says."); }
  void initAlgorithm(const QVariantMap&) override {
    addParameter(new QgsProcessingParameterNumber(QStringLiteral("KIND"), QStringLiteral("kind"), compat::NumberType::Integer, 0));
    addParameter(new QgsProcessingParameterFeatureSink(QStringLiteral("OUTPUT"), QStringLiteral("output")));
  }
  QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback*) override {
    QString id;
    QgsFields fields;
    fields.append(compat::field(QStringLiteral("n"), compat::value::Int));
    std::unique_ptr<QgsFeatureSink> sink = createSink(parameters, QStringLiteral("OUTPUT"), context, id, fields, compat::WkbType::Point,
                                                      QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")), true);
    QgsFeature f(fields);
    f.setAttributes(QgsAttributes() << 1);
    f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(126, 44)));
    sink->addFeature(f);
    switch (parameterAsInt(parameters, QStringLiteral("KIND"), context)) {
      case Input: throw poleaxis::InputError("a town at latitude 95", 3);
      case Geos: throw std::runtime_error("buffer failed");
      case Transform: throw QgsCsException(QStringLiteral("latitude out of range"));
      case Cancel: throw poleaxis::Canceled();
      case Memory: throw std::bad_alloc();
      case Anything: throw 42;
      default: throw QgsProcessingException(QStringLiteral("a clear message"));
    }
  }
};

// Runs an algorithm the way desktop QGIS does, on this thread.
class Runner : public QgsProcessingAlgRunnerTask {
 public:
  using QgsProcessingAlgRunnerTask::QgsProcessingAlgRunnerTask;
  bool runNow() { return run(); }
};

int layerCount(const QString& path, QStringList* names = nullptr) {
  GDALDatasetH dataset = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  if (!dataset) return -1;
  const int n = GDALDatasetGetLayerCount(dataset);
  for (int i = 0; names && i < n; ++i) *names << QString::fromUtf8(OGR_L_GetName(GDALDatasetGetLayer(dataset, i)));
  GDALClose(dataset);
  return n;
}

}  // namespace

// Text in attribute tables: thousands separators read as numbers, anything
// else is NaN (never 0 or a prefix: '1,000' once read as 1, 'abc' as 0).
TEST(Safety, HelpLosesItsTagsAndNamesParametersByLabel) {
  FailingAlgorithm prototype;
  std::unique_ptr<QgsProcessingAlgorithm> algorithm(prototype.create());
  EXPECT_EQ(algorithm->shortHelpString(), QStringLiteral("Fails as “kind” (KIND) says."));
}

TEST(Safety, NumbersFromSurveyText) {
  using conversion::numberOrNan;
  EXPECT_EQ(numberOrNan(QVariant(QStringLiteral("1,000"))), 1000.0);
  EXPECT_EQ(numberOrNan(QVariant(QStringLiteral(" 12,345.5 "))), 12345.5);
  EXPECT_EQ(numberOrNan(QVariant(QStringLiteral("-1,234,567"))), -1234567.0);
  EXPECT_EQ(numberOrNan(QVariant(QStringLiteral("29.5"))), 29.5);
  EXPECT_EQ(numberOrNan(QVariant(1e300)), 1e300);
  for (const char* text : {"abc", "1,5", "1,00", "12,3456", "", "inf", "nan", "1e999", "1,000abc"})
    EXPECT_TRUE(std::isnan(numberOrNan(QVariant(QString::fromLatin1(text))))) << text;
  EXPECT_TRUE(std::isnan(numberOrNan(QVariant())));
  EXPECT_TRUE(std::isnan(numberOrNan(QVariant(std::nan("")))));
  EXPECT_EQ(conversion::describeValue(QVariant()), QStringLiteral("NULL"));
  EXPECT_TRUE(conversion::describeValue(QVariant(QStringLiteral("abc"))).contains(QStringLiteral("'abc'")));
  EXPECT_EQ(conversion::describeValue(QVariant(QStringLiteral("1,000"))), QStringLiteral("1,000"));
}

TEST(Safety, EveryFailureReachesTheDesktopTaskRunnerAsAProcessingException) {
  QTemporaryDir dir;
  for (int kind = 0; kind < FailingAlgorithm::Count; ++kind) {
    SCOPED_TRACE(kind);
    FailingAlgorithm prototype;
    const QString out = dir.filePath(QStringLiteral("out%1.gpkg").arg(kind));
    QgsProcessingContext context;
    RecordingFeedback feedback;
    Runner task(&prototype, {{QStringLiteral("KIND"), kind}, {QStringLiteral("OUTPUT"), out}}, context, &feedback);
    EXPECT_FALSE(task.runNow());  // returns: an escaping exception would abort the process
    EXPECT_FALSE(feedback.errors.isEmpty());
    EXPECT_FALSE(QFile::exists(out)) << "the half-written output is removed";
  }
  // The messages say what happened.
  FailingAlgorithm prototype;
  QgsProcessingContext context;
  for (const auto& [kind, fragment] : std::vector<std::pair<int, QString>>{{FailingAlgorithm::Input, QStringLiteral("latitude 95")},
                                                                          {FailingAlgorithm::Geos, QStringLiteral("Geometry engine error: buffer failed")},
                                                                          {FailingAlgorithm::Cancel, QStringLiteral("Canceled")},
                                                                          {FailingAlgorithm::Memory, QStringLiteral("Out of memory")}}) {
    RecordingFeedback feedback;
    bool ok = true;
    std::unique_ptr<QgsProcessingAlgorithm> algorithm(prototype.create());
    try {
      algorithm->run({{QStringLiteral("KIND"), kind}, {QStringLiteral("OUTPUT"), QStringLiteral("TEMPORARY_OUTPUT")}}, context, &feedback, &ok);
    } catch (const QgsProcessingException& e) {
      feedback.errors << e.what();
    }
    EXPECT_FALSE(ok);
    EXPECT_TRUE(feedback.errors.join(' ').contains(fragment)) << feedback.errors.join(' ').toStdString();
  }
}

TEST(Safety, AnOutputThatIsTheInputIsRefusedAndTheInputKept) {
  const QString towns = testData(QStringLiteral("jilin_towns.gpkg"));
  const AlgorithmRun run = runAlgorithm(QStringLiteral("poleaxis:serviceradii"),
                                        {{QStringLiteral("INPUT"), towns}, {QStringLiteral("RADIUS"), 30}, {QStringLiteral("OUTPUT"), towns}});
  expectError(run, {QStringLiteral("OUTPUT"), QStringLiteral("also the input INPUT")});
  QgsVectorLayer kept(towns, QStringLiteral("kept"), QStringLiteral("ogr"));
  EXPECT_EQ(kept.featureCount(), 230);
  // townsystem into the GeoPackage that holds its towns.
  const AlgorithmRun plan = runAlgorithm(QStringLiteral("poleaxis:townsystem"),
                                         {{QStringLiteral("TOWNS"), towns}, {QStringLiteral("POP_FIELD"), QStringLiteral("population")},
                                          {QStringLiteral("LINES"), testData(QStringLiteral("jilin_rail_lines.gpkg"))},
                                          {QStringLiteral("OUTPUT"), towns}, {QStringLiteral("PDF"), towns + QStringLiteral(".pdf")}});
  expectError(plan, {QStringLiteral("OUTPUT"), QStringLiteral("also the input TOWNS")});
  EXPECT_EQ(QgsVectorLayer(towns, QStringLiteral("kept"), QStringLiteral("ogr")).featureCount(), 230);
  EXPECT_FALSE(QFile::exists(towns + QStringLiteral(".pdf")));
}

TEST(Safety, APlainGpkgPathNeverReplacesOtherLayers) {
  QTemporaryDir dir;
  const QString project = dir.filePath(QStringLiteral("规划项目.gpkg"));
  QFile::copy(testData(QStringLiteral("jilin_towns.gpkg")), project);  // holds the layer jilin_towns
  const QString centres = testData(QStringLiteral("jilin_towns.gpkg"));
  const AlgorithmRun refused = runAlgorithm(QStringLiteral("poleaxis:serviceradii"),
                                            {{QStringLiteral("INPUT"), centres}, {QStringLiteral("RADIUS"), 30}, {QStringLiteral("OUTPUT"), project}});
  expectError(refused, {QStringLiteral("OUTPUT"), QStringLiteral("other layers (jilin_towns)"), QStringLiteral("layername=")});
  QStringList names;
  EXPECT_EQ(layerCount(project, &names), 1);
  // A new layer inside it is added beside the planner's.
  const AlgorithmRun added = runAlgorithm(
      QStringLiteral("poleaxis:serviceradii"),
      {{QStringLiteral("INPUT"), centres}, {QStringLiteral("RADIUS"), 30}, {QStringLiteral("OUTPUT"), project + QStringLiteral("|layername=circles")}});
  ASSERT_TRUE(added.ok) << added.error().toStdString();
  names.clear();
  EXPECT_EQ(layerCount(project, &names), 2);
  EXPECT_TRUE(names.contains(QStringLiteral("jilin_towns")) && names.contains(QStringLiteral("circles")));
  // A run's own earlier output (one layer named after the file) is overwritten as usual.
  const QString own = dir.filePath(QStringLiteral("circles.gpkg"));
  for (int i = 0; i < 2; ++i) {
    const AlgorithmRun again = runAlgorithm(QStringLiteral("poleaxis:serviceradii"),
                                            {{QStringLiteral("INPUT"), centres}, {QStringLiteral("RADIUS"), 30}, {QStringLiteral("OUTPUT"), own}});
    EXPECT_TRUE(again.ok) << again.error().toStdString();
  }
}

TEST(Safety, AFailedRunRemovesOnlyWhatItCreatedRelativePathsToo) {
  QTemporaryDir dir;
  FailingAlgorithm prototype;
  // An output that existed before (the run's own earlier result) stays.
  const QString before = dir.filePath(QStringLiteral("before.gpkg"));
  const AlgorithmRun earlier = runAlgorithm(QStringLiteral("poleaxis:serviceradii"),
                                            {{QStringLiteral("INPUT"), testData(QStringLiteral("jilin_towns.gpkg"))},
                                             {QStringLiteral("RADIUS"), 30}, {QStringLiteral("OUTPUT"), before}});
  ASSERT_TRUE(earlier.ok);
  QgsProcessingContext context;
  RecordingFeedback feedback;
  Runner keep(&prototype, {{QStringLiteral("KIND"), int(FailingAlgorithm::Geos)}, {QStringLiteral("OUTPUT"), before}}, context, &feedback);
  EXPECT_FALSE(keep.runNow());
  EXPECT_TRUE(QFile::exists(before));
  // A relative path the run created is removed.
  const QString cwd = QDir::currentPath();
  QDir::setCurrent(dir.path());
  Runner relative(&prototype, {{QStringLiteral("KIND"), int(FailingAlgorithm::Geos)}, {QStringLiteral("OUTPUT"), QStringLiteral("relative.gpkg")}},
                  context, &feedback);
  EXPECT_FALSE(relative.runNow());
  EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("relative.gpkg"))));
  QDir::setCurrent(cwd);
}

TEST(Safety, TemporaryOutputsQueueOnlyLayersThatExist) {
  // The desktop dialog passes output definitions with a destination project.
  QgsProcessingContext context;
  context.setProject(QgsProject::instance());
  RecordingFeedback feedback;
  auto temporary = [] { return QVariant::fromValue(QgsProcessingOutputLayerDefinition(QgsProcessing::TEMPORARY_OUTPUT, QgsProject::instance())); };
  std::unique_ptr<QgsProcessingAlgorithm> algorithm(
      QgsApplication::processingRegistry()->createAlgorithmById(QStringLiteral("poleaxis:serviceradii")));
  bool ok = false;
  algorithm->run({{QStringLiteral("INPUT"), testData(QStringLiteral("jilin_towns.gpkg"))}, {QStringLiteral("RADIUS"), 30},
                  {QStringLiteral("DEMAND"), testData(QStringLiteral("jilin_towns.gpkg"))}, {QStringLiteral("OUTPUT"), temporary()},
                  {QStringLiteral("GAPS"), temporary()}, {QStringLiteral("DEMAND_OUTPUT"), temporary()}},
                 context, &feedback, &ok);
  ASSERT_TRUE(ok) << feedback.all().toStdString();
  const auto queued = context.layersToLoadOnCompletion();
  EXPECT_EQ(queued.size(), 2);  // circles and demand coverage; no gaps without a study area
  for (auto it = queued.constBegin(); it != queued.constEnd(); ++it)
    EXPECT_NE(QgsProcessingUtils::mapLayerFromString(it.key(), context), nullptr) << it.key().toStdString() << " never exists";
}
