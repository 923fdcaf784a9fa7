// poleaxis:corridorbuffers against native:buffer + dissolve in the same
// projected CRS, band membership against a brute-force distance, and the
// bad-input matrix.
#include <qgscoordinatetransform.h>
#include <qgsfeatureiterator.h>
#include <qgsprocessing.h>
#include <qgsproject.h>

#include <cmath>

#include "qgistest.h"

namespace {

const QString CORRIDORS = QStringLiteral("poleaxis:corridorbuffers");
const QString TEMP = QgsProcessing::TEMPORARY_OUTPUT;

double areaKm2(QgsVectorLayer* layer, const QString& filterField = QString(), const QVariant& value = QVariant()) {
  const QgsDistanceArea measure = wgs84Measure(layer->crs());
  double area = 0;
  QgsFeatureIterator it = layer->getFeatures();
  QgsFeature f;
  while (it.nextFeature(f))
    if (filterField.isEmpty() || f.attribute(filterField) == value) area += measure.measureArea(f.geometry());
  return area / 1e6;
}

}  // namespace

TEST(CorridorBuffers, AreaMatchesNativeBufferAndDissolveInTheSameCrs) {
  const QString utm = QStringLiteral("EPSG:32652");
  QgsVectorLayer* rail = openTestLayer(QStringLiteral("jilin_rail_lines.gpkg"));
  AlgorithmRun projected = runAlgorithm(QStringLiteral("native:reprojectlayer"), {{"INPUT", rail->id()}, {"TARGET_CRS", utm}, {"OUTPUT", TEMP}}, {rail});
  ASSERT_TRUE(projected.ok) << projected.error().toStdString();
  QgsVectorLayer* inUtm = projected.layer("OUTPUT");
  projected.context->temporaryLayerStore()->takeMapLayer(inUtm);
  for (double km : {5.0, 20.0}) {
    QgsVectorLayer* input = inUtm->clone();
    AlgorithmRun native = runAlgorithm(QStringLiteral("native:buffer"),
                                       {{"INPUT", input->id()}, {"DISTANCE", km * 1000}, {"SEGMENTS", 8}, {"DISSOLVE", true},
                                        {"OUTPUT", TEMP}},
                                       {input});
    ASSERT_TRUE(native.ok) << native.error().toStdString();
    QgsVectorLayer* ours_rail = openTestLayer(QStringLiteral("jilin_rail_lines.gpkg"));
    AlgorithmRun ours = runAlgorithm(CORRIDORS, {{"INPUT", ours_rail->id()}, {"WIDTH", km}, {"SEGMENTS", 8}, {"WORKING_CRS", utm}, {"OUTPUT", TEMP}},
                                     {ours_rail});
    ASSERT_TRUE(ours.ok) << ours.error().toStdString();
    const double expected = areaKm2(native.layer("OUTPUT"));
    EXPECT_NEAR(areaKm2(ours.layer("OUTPUT")) / expected, 1.0, 1e-3) << km << " km";
    QgsFeature f;
    ours.layer("OUTPUT")->getFeatures().nextFeature(f);
    EXPECT_NEAR(f.attribute("area_km2").toDouble() / expected, 1.0, 1e-3);
  }
  delete inUtm;
}

TEST(CorridorBuffers, BandsOfTownsEqualABruteForceDistance) {
  QgsVectorLayer* rail = openTestLayer(QStringLiteral("jilin_rail_lines.gpkg"));
  QgsVectorLayer* towns = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  AlgorithmRun run = runAlgorithm(CORRIDORS,
                                  {{"INPUT", rail->id()}, {"BANDS", "5;10;20"}, {"BAND_STYLE", 0}, {"TOWNS", towns->id()},
                                   {"TOWN_POP_FIELD", "population"}, {"OUTPUT", TEMP}, {"TOWNS_OUTPUT", TEMP}, {"STATS", TEMP}},
                                  {rail, towns});
  ASSERT_TRUE(run.ok) << run.error().toStdString();
  QgsVectorLayer* out = run.layer("OUTPUT");
  EXPECT_EQ(out->featureCount(), 3);  // three rings of the one dissolved corridor
  // Reference distance: in an azimuthal equidistant projection on the town,
  // the distance to the nearest line is the geodesic distance.
  QgsFeatureIterator it = run.layer("TOWNS_OUTPUT")->getFeatures();
  QgsFeature town;
  int checked = 0, inBands = 0;
  long count = 0;
  while (it.nextFeature(town)) {
    if (count++ % 9) continue;
    const QgsPointXY p = town.geometry().asPoint();
    const QgsCoordinateReferenceSystem aeqd = QgsCoordinateReferenceSystem::fromProj(
        QStringLiteral("+proj=aeqd +lat_0=%1 +lon_0=%2 +ellps=WGS84 +units=m").arg(p.y(), 0, 'f', 8).arg(p.x(), 0, 'f', 8));
    const QgsCoordinateTransform ct(rail->crs(), aeqd, QgsProject::instance()->transformContext());
    double best = 1e300;
    QgsFeatureIterator lines = rail->getFeatures();
    QgsFeature line;
    while (lines.nextFeature(line)) {
      QgsGeometry g = line.geometry();
      g.transform(ct);
      best = std::min(best, g.distance(QgsGeometry::fromPointXY(QgsPointXY(0, 0))) / 1000.0);
    }
    const double km = town.attribute("dist_km").toDouble();
    EXPECT_NEAR(km, best, 0.02 + 0.002 * best);
    const QVariant expected = best <= 5 ? QVariant(1) : best <= 10 ? QVariant(2) : best <= 20 ? QVariant(3) : QVariant();
    if (std::fabs(best - 5) > 0.05 && std::fabs(best - 10) > 0.05 && std::fabs(best - 20) > 0.05) {  // not on a band edge
      EXPECT_EQ(town.attribute("band"), expected) << town.attribute("name").toString().toStdString() << " at " << best << " km";
    }
    inBands += !town.attribute("band").isNull();
    ++checked;
  }
  EXPECT_GT(checked, 20);
  EXPECT_GT(inBands, 10);
  // The stats row: the whole network's length, the three rings' area.
  QgsFeature stat;
  run.layer("STATS")->getFeatures().nextFeature(stat);
  EXPECT_NEAR(stat.attribute("area_km2").toDouble(), areaKm2(out), 1e-6 * areaKm2(out));
  EXPECT_GT(stat.attribute("len_km").toDouble(), 5000);  // Jilin's DCW railways: about 5,840 km
  EXPECT_LT(stat.attribute("len_km").toDouble(), 6000);
}

TEST(CorridorBuffers, ClassTableDissolveByClassAndNone) {
  QgsVectorLayer* rail = openTestLayer(QStringLiteral("guizhou_rail_lines.gpkg"));
  AlgorithmRun byClass = runAlgorithm(CORRIDORS, {{"INPUT", rail->id()}, {"WIDTH_MODE", 2}, {"CLASS_FIELD", "class"}, {"WIDTH_TABLE", "rail=5"},
                                                  {"DISSOLVE", 1}, {"OUTPUT", TEMP}},
                                      {rail});
  ASSERT_TRUE(byClass.ok) << byClass.error().toStdString();
  EXPECT_EQ(byClass.layer("OUTPUT")->featureCount(), 1);  // one class: rail
  QgsVectorLayer* rail2 = openTestLayer(QStringLiteral("guizhou_rail_lines.gpkg"));
  AlgorithmRun none = runAlgorithm(CORRIDORS, {{"INPUT", rail2->id()}, {"WIDTH", 3.0}, {"DISSOLVE", 0}, {"OUTPUT", TEMP}}, {rail2});
  ASSERT_TRUE(none.ok) << none.error().toStdString();
  EXPECT_EQ(none.layer("OUTPUT")->featureCount(), rail2->featureCount());
}

TEST(CorridorBuffersBadInput, Matrix) {
  QgsVectorLayer* r1 = openTestLayer(QStringLiteral("jilin_rail_lines.gpkg"));
  expectError(runAlgorithm(CORRIDORS, {{"INPUT", r1->id()}, {"WIDTH_MODE", 2}, {"CLASS_FIELD", "class"}, {"WIDTH_TABLE", "expressway=5"}, {"OUTPUT", TEMP}}, {r1}),
              {"WIDTH_TABLE", "class 'rail'", "DEFAULT_WIDTH"});
  QgsVectorLayer* r2 = openTestLayer(QStringLiteral("jilin_rail_lines.gpkg"));
  AlgorithmRun fallback = runAlgorithm(CORRIDORS, {{"INPUT", r2->id()}, {"WIDTH_MODE", 2}, {"CLASS_FIELD", "class"}, {"WIDTH_TABLE", "expressway=5"},
                                                   {"DEFAULT_WIDTH", 4.0}, {"OUTPUT", TEMP}},
                                       {r2});
  EXPECT_TRUE(fallback.ok) << fallback.error().toStdString();
  QgsVectorLayer* r3 = openTestLayer(QStringLiteral("jilin_rail_lines.gpkg"));
  expectError(runAlgorithm(CORRIDORS, {{"INPUT", r3->id()}, {"WIDTH", 0.0}, {"OUTPUT", TEMP}}, {r3}), {"WIDTH", "not positive"});
  QgsVectorLayer* r4 = openTestLayer(QStringLiteral("jilin_rail_lines.gpkg"));
  expectError(runAlgorithm(CORRIDORS, {{"INPUT", r4->id()}, {"BANDS", "10;5"}, {"OUTPUT", TEMP}}, {r4}), {"BANDS", "increase"});
  QgsVectorLayer* r5 = openTestLayer(QStringLiteral("jilin_rail_lines.gpkg"));
  expectError(runAlgorithm(CORRIDORS, {{"INPUT", r5->id()}, {"WORKING_CRS", "EPSG:4326"}, {"OUTPUT", TEMP}}, {r5}), {"WORKING_CRS", "geographic"});
  auto* empty = new QgsVectorLayer(QStringLiteral("LineString?crs=EPSG:4326"), QStringLiteral("e"), QStringLiteral("memory"));
  expectError(runAlgorithm(CORRIDORS, {{"INPUT", empty->id()}, {"OUTPUT", TEMP}}, {empty}), {"INPUT", "no features"});
  auto* degenerate = new QgsVectorLayer(QStringLiteral("LineString?crs=EPSG:4326"), QStringLiteral("d"), QStringLiteral("memory"));
  QgsFeature zero;
  zero.setGeometry(QgsGeometry::fromWkt(QStringLiteral("LINESTRING(126 44, 126 44)")));
  degenerate->dataProvider()->addFeature(zero);
  expectError(runAlgorithm(CORRIDORS, {{"INPUT", degenerate->id()}, {"OUTPUT", TEMP}}, {degenerate}), {"INPUT", "no line with a length"});
}
