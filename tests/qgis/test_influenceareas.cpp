// poleaxis:influenceareas bad-input matrix and projected-layer areas. (Cells
// are checked against qgis:voronoipolygons and Converse's breaking point in
// tests/e2e, and against brute force in tests/core.)
#include <qgsfeatureiterator.h>
#include <qgsprocessing.h>

#include "qgistest.h"

namespace {
const QString ALG = QStringLiteral("poleaxis:influenceareas");
const QString TEMP = QgsProcessing::TEMPORARY_OUTPUT;

QgsVectorLayer* centres(const QList<QVariant>& masses) {
  auto* layer = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:4326&field=name:string&field=m:double"), QStringLiteral("c"),
                                   QStringLiteral("memory"));
  QgsFeatureList list;
  for (int i = 0; i < masses.size(); ++i) {
    QgsFeature f(layer->fields());
    f.setAttributes(QgsAttributes() << QStringLiteral("中心%1").arg(i) << masses[i]);
    f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(125.0 + 0.5 * i, 44.0 + 0.2 * (i % 2))));
    list << f;
  }
  layer->dataProvider()->addFeatures(list);
  return layer;
}
}  // namespace

TEST(InfluenceAreas, AreasTileTheExtentAndNameTheirCentres) {
  QgsVectorLayer* c = centres({1e5, 4e5, 9e5, 1e5});
  AlgorithmRun run = runAlgorithm(ALG, {{"CENTRES", c->id()}, {"MASS_FIELD", "m"}, {"METHOD", 1}, {"MARGIN_KM", 30.0}, {"OUTPUT", TEMP}}, {c});
  ASSERT_TRUE(run.ok) << run.error().toStdString();
  QgsVectorLayer* out = run.layer("OUTPUT");
  ASSERT_EQ(out->featureCount(), 4);
  const QgsDistanceArea measure = wgs84Measure(out->crs());
  double sum = 0, union_area = 0;
  QVector<QgsGeometry> parts;
  QgsFeatureIterator it = out->getFeatures();
  QgsFeature f;
  while (it.nextFeature(f)) {
    EXPECT_TRUE(f.geometry().isGeosValid());
    EXPECT_TRUE(f.attribute("name").toString().startsWith(QStringLiteral("中心")));
    sum += f.attribute("area_km2").toDouble();
    parts << f.geometry();
  }
  union_area = measure.measureArea(QgsGeometry::unaryUnion(parts)) / 1e6;
  EXPECT_NEAR(sum, union_area, 1e-3 * union_area) << "areas do not overlap";
}

TEST(InfluenceAreasBadInput, Matrix) {
  QgsVectorLayer* c1 = centres({1.0, 2.0});
  expectError(runAlgorithm(ALG, {{"CENTRES", c1->id()}, {"METHOD", 1}, {"OUTPUT", TEMP}}, {c1}), {"MASS_FIELD", "need a mass"});
  QgsVectorLayer* c2 = centres({1.0, QVariant(), 3.0});
  expectError(runAlgorithm(ALG, {{"CENTRES", c2->id()}, {"MASS_FIELD", "m"}, {"METHOD", 2}, {"OUTPUT", TEMP}}, {c2}),
              {"MASS_FIELD", "feature 2", "NULL"});
  QgsVectorLayer* c3 = centres({1.0, 2.0});
  expectError(runAlgorithm(ALG, {{"CENTRES", c3->id()}, {"METHOD", 0}, {"PROBABILITY_RASTER", TEMP}, {"OUTPUT", TEMP}}, {c3}),
              {"PROBABILITY_RASTER", "Huff"});
  QgsVectorLayer* c4 = centres({1.0, 2.0});
  expectError(runAlgorithm(ALG, {{"CENTRES", c4->id()}, {"MASS_FIELD", "m"}, {"METHOD", 2}, {"PROBABILITY_CENTRE", 99},
                                 {"PROBABILITY_RASTER", TEMP}, {"OUTPUT", TEMP}}, {c4}),
              {"PROBABILITY_CENTRE", "99"});
  QgsVectorLayer* c5 = centres({1.0, -2.0});
  expectError(runAlgorithm(ALG, {{"CENTRES", c5->id()}, {"MASS_FIELD", "m"}, {"METHOD", 1}, {"OUTPUT", TEMP}}, {c5}), {"MASS_FIELD", "feature 2"});
  QgsVectorLayer* c6 = centres({1.0, 2.0});
  expectError(runAlgorithm(ALG, {{"CENTRES", c6->id()}, {"TOLERANCE_KM", 0.0}, {"OUTPUT", TEMP}}, {c6}), {"TOLERANCE_KM"});
}
