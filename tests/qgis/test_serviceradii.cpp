// poleaxis:serviceradii through the processing registry on real Jilin data,
// checked against QGIS's own ellipsoidal measures and brute-force counts.
#include <qgsapplication.h>
#include <qgsfeatureiterator.h>
#include <qgsgeometry.h>
#include <qgsprocessing.h>
#include <qgsproject.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cmath>
#include <map>
#include <stdexcept>

#include "qgistest.h"

namespace {

const QString ALG = QStringLiteral("poleaxis:serviceradii");
const QString TEMP = QgsProcessing::TEMPORARY_OUTPUT;
const double kInscribed72 = 72 / (2 * M_PI) * std::sin(2 * M_PI / 72);

QgsVectorLayer* jilinCity() {
  QgsVectorLayer* city = openTestLayer(QStringLiteral("jilin_towns.gpkg"), QStringLiteral("geonameid = 2036502"));
  if (city->featureCount() != 1) throw std::runtime_error("Jilin city not found in the test data");
  return city;
}
QgsVectorLayer* jilinTowns() { return openTestLayer(QStringLiteral("jilin_towns.gpkg")); }
QgsVectorLayer* jilinBoundary() { return openTestLayer(QStringLiteral("jilin_boundary.geojson")); }

std::vector<QgsFeature> features(QgsVectorLayer* layer) {
  if (!layer) throw std::runtime_error("no layer");
  std::vector<QgsFeature> out;
  QgsFeatureIterator it = layer->getFeatures();
  QgsFeature f;
  while (it.nextFeature(f)) out.push_back(f);
  return out;
}

double totalArea(QgsVectorLayer* layer) {
  const QgsDistanceArea measure = wgs84Measure(layer->crs());
  double area = 0;
  for (const QgsFeature& f : features(layer)) area += measure.measureArea(f.geometry());
  return area / 1e6;
}

QgsVectorLayer* memoryPoints(const QString& crs, const QList<QgsGeometry>& geometries) {
  auto* layer = new QgsVectorLayer(QStringLiteral("Point?crs=%1&field=name:string&field=r:double").arg(crs),
                                   QStringLiteral("pts"), QStringLiteral("memory"));
  QgsFeatureList list;
  int i = 0;
  for (const QgsGeometry& g : geometries) {
    QgsFeature f(layer->fields());
    f.setAttributes(QgsAttributes() << QStringLiteral("p%1").arg(i++) << 10.0);
    f.setGeometry(g);
    list << f;
  }
  layer->dataProvider()->addFeatures(list);
  return layer;
}

}  // namespace

TEST(ServiceRadii, HalfHourCircleAroundJilinCityIsAGeodesicCircle) {
  QgsVectorLayer* city = jilinCity();
  ASSERT_EQ(city->featureCount(), 1);
  const QgsPointXY centre = features(city)[0].geometry().asPoint();
  AlgorithmRun run = runAlgorithm(ALG, {{"INPUT", city->id()}, {"RADIUS", 30.0}, {"OUTPUT", TEMP}}, {city});
  ASSERT_TRUE(run.ok) << run.error().toStdString();
  QgsVectorLayer* out = run.layer("OUTPUT");
  ASSERT_TRUE(out);
  ASSERT_EQ(out->featureCount(), 1);
  const QgsFeature circle = features(out)[0];
  EXPECT_EQ(circle.attribute("name_zh").toString(), QString::fromUtf8("吉林"));
  EXPECT_DOUBLE_EQ(circle.attribute("radius_km").toDouble(), 30.0);
  // Every vertex 30 km ± 1 m from the centre, measured by QGIS.
  const QgsDistanceArea measure = wgs84Measure(out->crs());
  int vertices = 0;
  for (auto v = circle.geometry().vertices_begin(); v != circle.geometry().vertices_end(); ++v, ++vertices)
    EXPECT_NEAR(measure.measureLine(centre, QgsPointXY((*v).x(), (*v).y())), 30000.0, 1.0);
  EXPECT_EQ(vertices, 73);
  // Area: QGIS's ellipsoidal measure of the 72-gon vs n/(2π)·sin(2π/n)·πr².
  const double expected = kInscribed72 * M_PI * 30 * 30;
  EXPECT_NEAR(totalArea(out) / expected, 1.0, 1e-4);
  EXPECT_NEAR(circle.attribute("area_km2").toDouble() / expected, 1.0, 1e-4);
  EXPECT_DOUBLE_EQ(run.results.value("CIRCLE_COUNT").toDouble(), 1.0);
}

TEST(ServiceRadii, CoverageOfJilinTownsEqualsBruteForceGeodesicCount) {
  QgsVectorLayer* city = jilinCity();
  QgsVectorLayer* towns = jilinTowns();
  const QgsPointXY centre = features(city)[0].geometry().asPoint();
  AlgorithmRun run = runAlgorithm(ALG,
                                  {{"INPUT", city->id()}, {"RADIUS", 30.0}, {"DEMAND", towns->id()},
                                   {"DEMAND_POP_FIELD", "population"}, {"OUTPUT", TEMP}, {"DEMAND_OUTPUT", TEMP}},
                                  {city, towns});
  ASSERT_TRUE(run.ok) << run.error().toStdString();
  const QgsDistanceArea measure = wgs84Measure(towns->crs());
  long covered = 0;
  double pop = 0, popAll = 0;
  for (const QgsFeature& f : features(towns)) {
    popAll += f.attribute("population").toDouble();
    if (measure.measureLine(centre, f.geometry().asPoint()) <= 30000.0) {
      ++covered;
      pop += f.attribute("population").toDouble();
    }
  }
  EXPECT_GE(covered, 2);  // Jilin city and at least one neighbouring town
  EXPECT_EQ(run.results.value("DEMAND_COVERED").toLongLong(), covered);
  EXPECT_DOUBLE_EQ(run.results.value("POP_COVERED").toDouble(), pop);
  EXPECT_NEAR(run.results.value("COVERED_PCT").toDouble(), 100.0 * covered / 230.0, 1e-9);
  EXPECT_NEAR(run.results.value("POP_COVERED_PCT").toDouble(), 100.0 * pop / popAll, 1e-9);
  const std::vector<QgsFeature> circles = features(run.layer("OUTPUT"));
  ASSERT_EQ(circles.size(), 1u);
  EXPECT_EQ(circles[0].attribute("n_demand").toLongLong(), covered);
  // The demand layer: n_cover per town, and the distance to Jilin city.
  QgsVectorLayer* demand = run.layer("DEMAND_OUTPUT");
  ASSERT_TRUE(demand);
  ASSERT_EQ(demand->featureCount(), 230);
  for (const QgsFeature& f : features(demand)) {
    const double d = measure.measureLine(centre, f.geometry().asPoint());
    EXPECT_EQ(f.attribute("n_cover").toInt(), d <= 30000.0 ? 1 : 0);
    EXPECT_NEAR(f.attribute("dist_km").toDouble(), d / 1000.0, 1e-5);
  }
}

TEST(ServiceRadii, LevelTableDissolvedByLevelAndClippedToJilinProvince) {
  QgsVectorLayer* towns = jilinTowns();
  QgsVectorLayer* boundary = jilinBoundary();
  const QString table = QStringLiteral("PPLA=50;PPLA2=30;PPLA3=15;PPLA4=8;PPL=8");
  const std::map<QString, double> radius{{"PPLA", 50}, {"PPLA2", 30}, {"PPLA3", 15}, {"PPLA4", 8}, {"PPL", 8}};
  AlgorithmRun run = runAlgorithm(ALG,
                                  {{"INPUT", towns->id()}, {"RADIUS_MODE", 2}, {"LEVEL_FIELD", "feature_code"},
                                   {"LEVEL_TABLE", table}, {"DISSOLVE", 1}, {"STUDY_AREA", boundary->id()},
                                   {"DEMAND", towns->id()}, {"DEMAND_POP_FIELD", "population"},
                                   {"OUTPUT", TEMP}, {"GAPS", TEMP}},
                                  {towns, boundary});
  ASSERT_TRUE(run.ok) << run.error().toStdString();
  QgsVectorLayer* out = run.layer("OUTPUT");
  ASSERT_EQ(out->featureCount(), 5);  // PPL, PPLA, PPLA2, PPLA3, PPLA4
  for (const QgsFeature& f : features(out)) {
    const QString level = f.attribute("level").toString();
    ASSERT_TRUE(radius.count(level)) << level.toStdString();
    EXPECT_DOUBLE_EQ(f.attribute("radius_km").toDouble(), radius.at(level));
    EXPECT_TRUE(f.geometry().isGeosValid()) << level.toStdString();
  }
  // Coverage: each town against every town's own circle, by QGIS's distance.
  const QgsDistanceArea measure = wgs84Measure(towns->crs());
  const std::vector<QgsFeature> all = features(towns);
  long covered = 0;
  for (const QgsFeature& demand : all) {
    bool in = false;
    for (const QgsFeature& centre : all)
      in = in || measure.measureLine(centre.geometry().asPoint(), demand.geometry().asPoint()) <=
                     radius.at(centre.attribute("feature_code").toString()) * 1000.0;
    covered += in;
  }
  EXPECT_EQ(run.results.value("DEMAND_COVERED").toLongLong(), covered);
  EXPECT_EQ(covered, 230);  // every town covers at least itself
  // Covered area and gaps add up to the province, by QGIS's area measure.
  const double province = totalArea(boundary);
  QgsVectorLayer* gaps = run.layer("GAPS");
  ASSERT_TRUE(gaps);
  EXPECT_GT(gaps->featureCount(), 10);
  const double pct = run.results.value("AREA_COVERED_PCT").toDouble();
  EXPECT_NEAR(pct / 100.0 * province + totalArea(gaps), province, 1e-3 * province);
  // Level areas overlap each other, so their sum is at least the covered area.
  EXPECT_GE(totalArea(out), pct / 100.0 * province * (1 - 1e-4));
  double previous = 1e300;
  for (const QgsFeature& f : features(gaps)) {
    EXPECT_LE(f.attribute("area_km2").toDouble(), previous);
    previous = f.attribute("area_km2").toDouble();
    EXPECT_TRUE(f.geometry().isGeosValid());
  }
}

TEST(ServiceRadii, DissolveAllMatchesAnIndependentUnionOfTheCircles) {
  QgsVectorLayer* towns = jilinTowns();
  AlgorithmRun each = runAlgorithm(ALG, {{"INPUT", towns->id()}, {"RADIUS", 30.0}, {"OUTPUT", TEMP}}, {towns});
  ASSERT_TRUE(each.ok) << each.error().toStdString();
  QVector<QgsGeometry> circles;
  for (const QgsFeature& f : features(each.layer("OUTPUT"))) circles << f.geometry();
  ASSERT_EQ(circles.size(), 230);
  const QgsGeometry reference = QgsGeometry::unaryUnion(circles);  // QGIS/GEOS, every vertex
  AlgorithmRun all = runAlgorithm(ALG, {{"INPUT", towns->id()}, {"RADIUS", 30.0}, {"DISSOLVE", 2}, {"OUTPUT", TEMP}},
                                  {towns});
  ASSERT_TRUE(all.ok) << all.error().toStdString();
  QgsVectorLayer* out = all.layer("OUTPUT");
  ASSERT_EQ(out->featureCount(), 1);
  const QgsGeometry dissolved = features(out)[0].geometry();
  EXPECT_TRUE(dissolved.isGeosValid());
  const QgsDistanceArea measure = wgs84Measure(out->crs());
  const double area = measure.measureArea(reference);
  EXPECT_LT(measure.measureArea(dissolved.symDifference(reference)) / area, 1e-7);
  EXPECT_EQ(features(out)[0].attribute("n_centres").toInt(), 230);
}

TEST(ServiceRadii, ProjectedInputGivesTheSameGroundCirclesInItsOwnCrs) {
  // Jilin city in UTM zone 52N, transformed by QGIS.
  const QgsCoordinateReferenceSystem utmCrs(QStringLiteral("EPSG:32652"));
  QgsGeometry point = features(jilinCity())[0].geometry();
  point.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")), utmCrs,
                                         QgsProject::instance()->transformContext()));
  QgsVectorLayer* utm = memoryPoints(QStringLiteral("EPSG:32652"), {point});
  AlgorithmRun run = runAlgorithm(ALG, {{"INPUT", utm->id()}, {"RADIUS", 30.0}, {"OUTPUT", TEMP}}, {utm});
  ASSERT_TRUE(run.ok) << run.error().toStdString();
  QgsVectorLayer* out = run.layer("OUTPUT");
  EXPECT_EQ(out->crs().authid(), QStringLiteral("EPSG:32652"));
  const QgsDistanceArea measure = wgs84Measure(out->crs());
  const QgsPointXY centre = features(utm)[0].geometry().asPoint();
  const QgsGeometry circle = features(out)[0].geometry();
  for (auto v = circle.vertices_begin(); v != circle.vertices_end(); ++v)
    EXPECT_NEAR(measure.measureLine(centre, QgsPointXY((*v).x(), (*v).y())), 30000.0, 1.0);
  EXPECT_NEAR(totalArea(out) / (kInscribed72 * M_PI * 900), 1.0, 1e-4);
}

TEST(ServiceRadii, FieldTravelAndPowerLawModes) {
  QgsVectorLayer* towns = jilinTowns();
  // Travel time: 45 min at 40 km/h = 30 km.
  AlgorithmRun travel = runAlgorithm(ALG,
                                     {{"INPUT", towns->id()}, {"RADIUS_MODE", 3}, {"TRAVEL_MINUTES", 45.0},
                                      {"SPEED_KMH", 40.0}, {"OUTPUT", TEMP}},
                                     {towns});
  ASSERT_TRUE(travel.ok) << travel.error().toStdString();
  for (const QgsFeature& f : features(travel.layer("OUTPUT"))) EXPECT_DOUBLE_EQ(f.attribute("radius_km").toDouble(), 30.0);

  // Power law on GeoNames population: towns with 0 (unknown) are skipped on request.
  long positive = 0;
  for (const QgsFeature& f : features(towns)) positive += f.attribute("population").toDouble() > 0;
  AlgorithmRun power = runAlgorithm(ALG,
                                    {{"INPUT", towns->id()}, {"RADIUS_MODE", 4}, {"POP_FIELD", "population"},
                                     {"POWER_A", 0.1}, {"POWER_B", 0.5}, {"SKIP_INVALID", true}, {"OUTPUT", TEMP}},
                                    {towns});
  ASSERT_TRUE(power.ok) << power.error().toStdString();
  EXPECT_EQ(power.results.value("CIRCLE_COUNT").toLongLong(), positive);
  EXPECT_TRUE(power.feedback->warnings.join(' ').contains(QStringLiteral("without a valid radius skipped")));
  for (const QgsFeature& f : features(power.layer("OUTPUT")))
    EXPECT_NEAR(f.attribute("radius_km").toDouble(), 0.1 * std::sqrt(f.attribute("population").toDouble()), 1e-9);

  // Radius field (the power-law output's radius_km, read back).
  QgsVectorLayer* withRadius = memoryPoints(QStringLiteral("EPSG:4326"),
                                            {QgsGeometry::fromPointXY({126.56, 43.85}), QgsGeometry::fromPointXY({125.32, 43.88})});
  AlgorithmRun field = runAlgorithm(ALG, {{"INPUT", withRadius->id()}, {"RADIUS_MODE", 1}, {"RADIUS_FIELD", "r"}, {"OUTPUT", TEMP}},
                                    {withRadius});
  ASSERT_TRUE(field.ok) << field.error().toStdString();
  for (const QgsFeature& f : features(field.layer("OUTPUT")))
    EXPECT_NEAR(f.attribute("area_km2").toDouble() / (kInscribed72 * M_PI * 100), 1.0, 1e-4);
}

TEST(ServiceRadii, NullAndEmptyGeometriesAreSkippedAndCounted) {
  QgsVectorLayer* layer = memoryPoints(QStringLiteral("EPSG:4326"),
                                       {QgsGeometry::fromPointXY({126.56, 43.85}), QgsGeometry(),
                                        QgsGeometry::fromWkt(QStringLiteral("POINT EMPTY")),
                                        QgsGeometry::fromPointXY({125.32, 43.88})});
  AlgorithmRun run = runAlgorithm(ALG, {{"INPUT", layer->id()}, {"OUTPUT", TEMP}}, {layer});
  ASSERT_TRUE(run.ok) << run.error().toStdString();
  EXPECT_EQ(run.layer("OUTPUT")->featureCount(), 2);
  // Counted, and the features named.
  const QString warnings = run.feedback->warnings.join(' ');
  EXPECT_TRUE(warnings.contains(QStringLiteral("INPUT: 2 feature(s) without geometry (NULL or empty) take no part")) &&
              warnings.contains(QStringLiteral("feature ids 2, 3")))
      << run.feedback->all().toStdString();
}

TEST(ServiceRadii, CircleAcrossTheAntimeridianIsSplitInGeographicOutput) {
  QgsVectorLayer* layer = memoryPoints(QStringLiteral("EPSG:4326"), {QgsGeometry::fromPointXY({179.9, -17.0})});
  AlgorithmRun run = runAlgorithm(ALG, {{"INPUT", layer->id()}, {"RADIUS", 50.0}, {"OUTPUT", TEMP}}, {layer});
  ASSERT_TRUE(run.ok) << run.error().toStdString();
  const QgsGeometry g = features(run.layer("OUTPUT"))[0].geometry();
  EXPECT_EQ(g.constGet()->partCount(), 2);
  EXPECT_GE(g.boundingBox().xMinimum(), -180.0);
  EXPECT_LE(g.boundingBox().xMaximum(), 180.0);
}

// ---- Bad input: a clear error naming the parameter (and feature), nothing written.

TEST(ServiceRadiiBadInput, EmptyLayer) {
  auto* empty = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:4326"), QStringLiteral("empty"), QStringLiteral("memory"));
  expectError(runAlgorithm(ALG, {{"INPUT", empty->id()}, {"OUTPUT", TEMP}}, {empty}), {"INPUT", "no features"});
}

TEST(ServiceRadiiBadInput, NonPointLayer) {
  QgsVectorLayer* boundary = jilinBoundary();
  expectError(runAlgorithm(ALG, {{"INPUT", boundary->id()}, {"OUTPUT", TEMP}}, {boundary}), {"INPUT"});
}

TEST(ServiceRadiiBadInput, RadiusNotPositive) {
  QgsVectorLayer* city = jilinCity();
  expectError(runAlgorithm(ALG, {{"INPUT", city->id()}, {"RADIUS", 0.0}, {"OUTPUT", TEMP}}, {city}), {"RADIUS", "not positive"});
  QgsVectorLayer* city2 = jilinCity();
  expectError(runAlgorithm(ALG, {{"INPUT", city2->id()}, {"RADIUS", -5.0}, {"OUTPUT", TEMP}}, {city2}), {"RADIUS", "-5"});
  QgsVectorLayer* city3 = jilinCity();
  expectError(runAlgorithm(ALG, {{"INPUT", city3->id()}, {"RADIUS_MODE", 3}, {"SPEED_KMH", 0.0}, {"OUTPUT", TEMP}}, {city3}),
              {"SPEED_KMH", "not positive"});
}

TEST(ServiceRadiiBadInput, MissingOrNonNumericField) {
  QgsVectorLayer* towns = jilinTowns();
  expectError(runAlgorithm(ALG, {{"INPUT", towns->id()}, {"RADIUS_MODE", 1}, {"RADIUS_FIELD", "nope"}, {"OUTPUT", TEMP}}, {towns}),
              {"RADIUS_FIELD", "'nope' is not in INPUT"});
  QgsVectorLayer* towns2 = jilinTowns();
  expectError(runAlgorithm(ALG, {{"INPUT", towns2->id()}, {"RADIUS_MODE", 1}, {"RADIUS_FIELD", "name"}, {"OUTPUT", TEMP}}, {towns2}),
              {"RADIUS_FIELD", "not numeric"});
  QgsVectorLayer* towns3 = jilinTowns();
  expectError(runAlgorithm(ALG, {{"INPUT", towns3->id()}, {"RADIUS_MODE", 1}, {"OUTPUT", TEMP}}, {towns3}),
              {"RADIUS_FIELD", "choose a field"});
}

TEST(ServiceRadiiBadInput, NullOrNonPositiveFieldValueNamesTheFeature) {
  QgsVectorLayer* towns = jilinTowns();
  // Power law on GeoNames populations: the first town with population 0.
  AlgorithmRun run = runAlgorithm(ALG, {{"INPUT", towns->id()}, {"RADIUS_MODE", 4}, {"POP_FIELD", "population"}, {"OUTPUT", TEMP}},
                                  {towns});
  QgsFeatureId firstZero = -1;
  for (const QgsFeature& f : features(towns))
    if (f.attribute("population").toDouble() <= 0) {
      firstZero = f.id();
      break;
    }
  expectError(run, {"POP_FIELD", QStringLiteral("feature %1:").arg(firstZero), "population 0 is not positive"});
}

TEST(ServiceRadiiBadInput, MalformedLevelTableAndMissingLevel) {
  QgsVectorLayer* towns = jilinTowns();
  expectError(runAlgorithm(ALG,
                           {{"INPUT", towns->id()}, {"RADIUS_MODE", 2}, {"LEVEL_FIELD", "feature_code"},
                            {"LEVEL_TABLE", "PPLA=50;PPLA2:30"}, {"OUTPUT", TEMP}},
                           {towns}),
              {"LEVEL_TABLE", "entry 2 ('PPLA2:30') has no '='"});
  QgsVectorLayer* towns2 = jilinTowns();
  expectError(runAlgorithm(ALG,
                           {{"INPUT", towns2->id()}, {"RADIUS_MODE", 2}, {"LEVEL_FIELD", "feature_code"},
                            {"LEVEL_TABLE", "PPLA=50;PPLA2=30;PPLA3=15"}, {"OUTPUT", TEMP}},
                           {towns2}),
              {"LEVEL_FIELD", "feature", "is not in the level table"});
  QgsVectorLayer* towns3 = jilinTowns();
  expectError(runAlgorithm(ALG, {{"INPUT", towns3->id()}, {"DISSOLVE", 1}, {"OUTPUT", TEMP}}, {towns3}), {"LEVEL_FIELD"});
}

TEST(ServiceRadiiBadInput, CircleReachingThePoleAndMultipoints) {
  QgsVectorLayer* polar = memoryPoints(QStringLiteral("EPSG:4326"),
                                       {QgsGeometry::fromPointXY({10, 60}), QgsGeometry::fromPointXY({10, 89.9})});
  const QgsFeatureId polarId = features(polar)[1].id();
  expectError(runAlgorithm(ALG, {{"INPUT", polar->id()}, {"RADIUS", 30.0}, {"OUTPUT", TEMP}}, {polar}),
              {"INPUT", QStringLiteral("feature %1").arg(polarId), "reaches a pole"});

  auto* multi = new QgsVectorLayer(QStringLiteral("MultiPoint?crs=EPSG:4326"), QStringLiteral("m"), QStringLiteral("memory"));
  QgsFeature f;
  f.setGeometry(QgsGeometry::fromWkt(QStringLiteral("MULTIPOINT((126 43),(127 44))")));
  multi->dataProvider()->addFeature(f);
  expectError(runAlgorithm(ALG, {{"INPUT", multi->id()}, {"OUTPUT", TEMP}}, {multi}), {"INPUT", "multipoint with 2 parts"});
}

TEST(ServiceRadiiBadInput, UnwritableOutputLeavesNothingBehind) {
  QgsVectorLayer* city = jilinCity();
  const QString path = QStringLiteral("/proc/poleaxis-no-such-dir/out.gpkg");
  expectError(runAlgorithm(ALG, {{"INPUT", city->id()}, {"OUTPUT", path}}, {city}), {"OUTPUT", "does not exist"});
  // A good OUTPUT with an unwritable GAPS: refused before OUTPUT is written.
  QTemporaryDir dir;
  const QString good = dir.filePath(QStringLiteral("circles.gpkg"));
  QgsVectorLayer* city2 = jilinCity();
  QgsVectorLayer* boundary = jilinBoundary();
  expectError(runAlgorithm(ALG, {{"INPUT", city2->id()}, {"STUDY_AREA", boundary->id()}, {"OUTPUT", good}, {"GAPS", path}},
                           {city2, boundary}),
              {"GAPS", "does not exist"});
  EXPECT_FALSE(QFile::exists(good));
  EXPECT_FALSE(QFile::exists(path));
}

TEST(ServiceRadiiBadInput, CanceledRunWritesNothing) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("canceled.gpkg"));
  QgsVectorLayer* towns = jilinTowns();
  auto* feedback = new RecordingFeedback;
  feedback->cancel();
  AlgorithmRun run = runAlgorithm(ALG, {{"INPUT", towns->id()}, {"DISSOLVE", 2}, {"OUTPUT", path}}, {towns}, feedback);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.error().contains(QStringLiteral("Canceled"))) << run.error().toStdString();
  EXPECT_FALSE(QFile::exists(path));
}

TEST(ServiceRadii, ChineseFileNamesInAndOut) {
  QTemporaryDir dir;
  const QString inDir = dir.filePath(QString::fromUtf8("吉林 城镇"));
  ASSERT_TRUE(QDir().mkpath(inDir));
  const QString input = inDir + QString::fromUtf8("/城镇.gpkg");
  ASSERT_TRUE(QFile::copy(testData(QStringLiteral("jilin_towns.gpkg")), input));
  const QString output = dir.filePath(QString::fromUtf8("服务圈_30公里.gpkg"));
  AlgorithmRun run = runAlgorithm(ALG, {{"INPUT", input}, {"RADIUS", 30.0}, {"DISSOLVE", 2}, {"OUTPUT", output}});
  ASSERT_TRUE(run.ok) << run.error().toStdString();
  QgsVectorLayer written(output, QStringLiteral("out"), QStringLiteral("ogr"));
  ASSERT_TRUE(written.isValid());
  EXPECT_EQ(written.featureCount(), 1);
}
