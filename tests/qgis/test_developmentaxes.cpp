// poleaxis:developmentaxes through the processing registry: geodesic
// distances against QgsDistanceArea, and the bad-input matrix. (Network
// distances and flows are checked against NetworkX in tests/e2e.)
#include <qgsfeatureiterator.h>
#include <qgsprocessing.h>

#include <cmath>

#include "qgistest.h"

namespace {

const QString AXES = QStringLiteral("poleaxis:developmentaxes");
const QString TEMP = QgsProcessing::TEMPORARY_OUTPUT;

QgsVectorLayer* lines(const QList<QgsGeometry>& geometries) {
  auto* layer = new QgsVectorLayer(QStringLiteral("MultiLineString?crs=EPSG:4326&field=class:string"), QStringLiteral("l"),
                                   QStringLiteral("memory"));
  QgsFeatureList list;
  for (const QgsGeometry& g : geometries) {
    QgsFeature f(layer->fields());
    f.setAttributes(QgsAttributes() << QStringLiteral("rail"));
    f.setGeometry(g);
    list << f;
  }
  layer->dataProvider()->addFeatures(list);
  return layer;
}

}  // namespace

TEST(DevelopmentAxes, GeodesicDistancesAndGravityMatchQgis) {
  QgsVectorLayer* towns = openTestLayer(QStringLiteral("jilin_towns.gpkg"), QStringLiteral("population >= 100000"));
  AlgorithmRun run = runAlgorithm(AXES,
                                  {{"CENTRES", towns->id()}, {"MASS_FIELD", "population"}, {"PAIRS", 0}, {"MIN_DISTANCE", 0.0},
                                   {"DESIRE_LINES", TEMP}},
                                  {towns});
  ASSERT_TRUE(run.ok) << run.error().toStdString();
  const long n = towns->featureCount();
  EXPECT_EQ(run.results.value("NUM_PAIRS").toLongLong(), n * (n - 1) / 2);
  const QgsDistanceArea measure = wgs84Measure(towns->crs());
  QgsFeatureIterator it = run.layer("DESIRE_LINES")->getFeatures();
  QgsFeature f;
  double total = 0;
  while (it.nextFeature(f)) {
    const QgsPolylineXY line = f.geometry().asPolyline();
    const double km = measure.measureLine(line.first(), line.last()) / 1000.0;
    EXPECT_NEAR(f.attribute("dist_km").toDouble(), km, 1e-6 * km);
    const QgsFeature a = towns->getFeature(f.attribute("from_fid").toLongLong());
    const QgsFeature b = towns->getFeature(f.attribute("to_fid").toLongLong());
    const double g = a.attribute("population").toDouble() * b.attribute("population").toDouble() / (km * km);
    EXPECT_NEAR(f.attribute("grav").toDouble(), g, 1e-6 * g);
    total += f.attribute("share").toDouble();
  }
  EXPECT_NEAR(total, 100.0, 1e-9);
}

TEST(DevelopmentAxesBadInput, Matrix) {
  QgsVectorLayer* t1 = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  expectError(runAlgorithm(AXES, {{"CENTRES", t1->id()}, {"MASS_FIELD", "population"}, {"DISTANCE_MODE", 1}, {"DESIRE_LINES", TEMP}}, {t1}),
              {"LINES", "network distances need a line layer"});

  QgsVectorLayer* t2 = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  QgsVectorLayer* r2 = openTestLayer(QStringLiteral("jilin_rail_lines.gpkg"));
  expectError(runAlgorithm(AXES, {{"CENTRES", t2->id()}, {"MASS_FIELD", "population"}, {"LINES", r2->id()}, {"DISTANCE_MODE", 2}, {"DESIRE_LINES", TEMP}},
                           {t2, r2}),
              {"SPEED_FIELD", "need line speeds"});

  QgsVectorLayer* t3 = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  QgsVectorLayer* r3 = openTestLayer(QStringLiteral("jilin_rail_lines.gpkg"));
  expectError(runAlgorithm(AXES, {{"CENTRES", t3->id()}, {"MASS_FIELD", "population"}, {"LINES", r3->id()}, {"DISTANCE_MODE", 2},
                                  {"CLASS_FIELD", "class"}, {"SPEED_TABLE", "rail_hsr=250"}, {"DESIRE_LINES", TEMP}},
                           {t3, r3}),
              {"SPEED_TABLE", "class 'rail'", "DEFAULT_SPEED"});
  QgsVectorLayer* t4 = openTestLayer(QStringLiteral("jilin_towns.gpkg"), QStringLiteral("population >= 100000"));
  QgsVectorLayer* r4 = openTestLayer(QStringLiteral("jilin_rail_lines.gpkg"));
  AlgorithmRun fallback = runAlgorithm(AXES, {{"CENTRES", t4->id()}, {"MASS_FIELD", "population"}, {"LINES", r4->id()}, {"DISTANCE_MODE", 2},
                                              {"CLASS_FIELD", "class"}, {"SPEED_TABLE", "rail_hsr=250"}, {"DEFAULT_SPEED", 100.0},
                                              {"DESIRE_LINES", TEMP}},
                                       {t4, r4});
  EXPECT_TRUE(fallback.ok) << fallback.error().toStdString();

  // Masses: the 181 GeoNames towns with population 0 are skipped and listed.
  QgsVectorLayer* t5 = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  AlgorithmRun skipped = runAlgorithm(AXES, {{"CENTRES", t5->id()}, {"MASS_FIELD", "population"}, {"DESIRE_LINES", TEMP}}, {t5});
  ASSERT_TRUE(skipped.ok) << skipped.error().toStdString();
  EXPECT_TRUE(skipped.feedback->warnings.join(' ').contains(QStringLiteral("181 centre(s) with NULL or mass <= 0 skipped")));
  QgsVectorLayer* t6 = openTestLayer(QStringLiteral("jilin_towns.gpkg"), QStringLiteral("population > 4000000 or population = 0"));
  expectError(runAlgorithm(AXES, {{"CENTRES", t6->id()}, {"MASS_FIELD", "population"}, {"DESIRE_LINES", TEMP}}, {t6}),
              {"MASS_FIELD", "fewer than 2 centres"});

  // Centres far from the network: refused on request, listing ids.
  QgsVectorLayer* t7 = openTestLayer(QStringLiteral("jilin_towns.gpkg"), QStringLiteral("population >= 100000"));
  QgsVectorLayer* r7 = openTestLayer(QStringLiteral("jilin_rail_lines.gpkg"));
  expectError(runAlgorithm(AXES, {{"CENTRES", t7->id()}, {"MASS_FIELD", "population"}, {"LINES", r7->id()}, {"DISTANCE_MODE", 1},
                                  {"SNAP_KM", 0.5}, {"UNSNAPPED", 1}, {"DESIRE_LINES", TEMP}},
                           {t7, r7}),
              {"SNAP_KM", "farther than 0.5 km", "feature ids"});
}

TEST(DevelopmentAxesBadInput, DisconnectedNullAndZeroLengthLines) {
  // Two separate lines, a null geometry and a zero-length line.
  QgsVectorLayer* net = lines({QgsGeometry::fromWkt(QStringLiteral("MULTILINESTRING((126 44, 126.5 44))")),
                               QgsGeometry::fromWkt(QStringLiteral("MULTILINESTRING((128 44, 128.5 44),(128.5 44, 128.5 44.5))")), QgsGeometry(),
                               QgsGeometry::fromWkt(QStringLiteral("MULTILINESTRING((127 44, 127 44))"))});
  auto* centres = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:4326&field=m:double"), QStringLiteral("c"), QStringLiteral("memory"));
  QgsFeatureList list;
  for (const QgsPointXY& p : {QgsPointXY(126, 44), QgsPointXY(126.5, 44), QgsPointXY(128, 44), QgsPointXY(128.5, 44.5)}) {
    QgsFeature f(centres->fields());
    f.setAttributes(QgsAttributes() << 100.0);
    f.setGeometry(QgsGeometry::fromPointXY(p));
    list << f;
  }
  centres->dataProvider()->addFeatures(list);
  AlgorithmRun run = runAlgorithm(AXES, {{"CENTRES", centres->id()}, {"MASS_FIELD", "m"}, {"LINES", net->id()}, {"DISTANCE_MODE", 1},
                                         {"PAIRS", 0}, {"DESIRE_LINES", TEMP}, {"EDGES", TEMP}, {"AXES", TEMP}},
                                  {centres, net});
  ASSERT_TRUE(run.ok) << run.error().toStdString();
  EXPECT_EQ(run.results.value("NUM_PAIRS").toLongLong(), 2);          // within each part
  EXPECT_EQ(run.results.value("UNREACHABLE_PAIRS").toLongLong(), 4);  // across the parts
  EXPECT_TRUE(run.feedback->warnings.join(' ').contains(QStringLiteral("1 feature(s) without geometry and 1 zero-length part(s) ignored")))
      << run.feedback->all().toStdString();
  EXPECT_GT(run.layer("AXES")->featureCount(), 0);
}
