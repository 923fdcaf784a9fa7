// poleaxis:townclusters through the processing registry on Jilin's towns:
// groups found, group polygons and their numbers checked against QGIS's own
// geometry and measures; the bad-input matrix. (Labels are checked against
// scikit-learn, SciPy and NetworkX in tests/core.)
#include <QFile>
#include <QTemporaryDir>
#include <qgsfeatureiterator.h>
#include <qgsprocessing.h>
#include <qgsgeometry.h>
#include <qgsvectordataprovider.h>

#include <QSet>
#include <cmath>
#include <map>

#include "qgistest.h"

namespace {

const QString ALG = QStringLiteral("poleaxis:townclusters");
const QString TEMP = QgsProcessing::TEMPORARY_OUTPUT;

// group_id per town fid.
std::map<qint64, QVariant> groupsOf(QgsVectorLayer* towns) {
  std::map<qint64, QVariant> out;
  QgsFeatureIterator it = towns->getFeatures();
  QgsFeature f;
  while (it.nextFeature(f)) out[f.id()] = f.attribute(QStringLiteral("group_id"));
  return out;
}

qint64 fidOf(QgsVectorLayer* layer, const QString& name) {
  QgsFeatureIterator it = layer->getFeatures(QgsFeatureRequest().setFilterExpression(QStringLiteral("name = '%1'").arg(name)));
  QgsFeature f;
  return it.nextFeature(f) ? f.id() : -1;
}

// Every group polygon is valid, its numbers agree with the towns output.
void checkGroups(const AlgorithmRun& run, int expectedGroups) {
  QgsVectorLayer* towns = run.layer(QStringLiteral("OUTPUT"));
  QgsVectorLayer* groups = run.layer(QStringLiteral("GROUPS"));
  ASSERT_TRUE(towns && groups);
  EXPECT_EQ(groups->featureCount(), expectedGroups);
  std::map<int, int> members;
  for (const auto& [fid, g] : groupsOf(towns))
    if (!g.isNull()) ++members[g.toInt()];
  const QgsDistanceArea measure = wgs84Measure(groups->crs());
  QgsFeatureIterator it = groups->getFeatures();
  QgsFeature f;
  while (it.nextFeature(f)) {
    const int id = f.attribute("group_id").toInt();
    EXPECT_EQ(f.attribute("n_towns").toInt(), members[id]) << "group " << id;
    EXPECT_TRUE(f.geometry().isGeosValid()) << "group " << id;
    const double km2 = measure.measureArea(f.geometry()) / 1e6;
    EXPECT_NEAR(f.attribute("area_km2").toDouble(), km2, 1e-6 * km2 + 1e-9);
    // The lead town belongs to the group and lies in (or on) its polygon.
    const QgsFeature lead = towns->getFeature(f.attribute("lead_fid").toLongLong());
    EXPECT_EQ(lead.attribute("group_id").toInt(), id);
    EXPECT_TRUE(f.geometry().buffer(1e-6, 4).contains(lead.geometry())) << "group " << id;
  }
}

}  // namespace

TEST(TownClusters, DbscanJilinFindsTheJilinCityGroup) {
  QgsVectorLayer* towns = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  AlgorithmRun run = runAlgorithm(ALG, {{"INPUT", towns->id()}, {"METHOD", 0}, {"EPS", 30.0}, {"MIN_POINTS", 2.0},
                                        {"POP_FIELD", "population"}, {"OUTPUT", TEMP}, {"GROUPS", TEMP}},
                                  {towns});
  ASSERT_TRUE(run.ok) << run.error().toStdString();
  const int n = run.results.value("NUM_GROUPS").toInt();
  EXPECT_GE(n, 2);
  checkGroups(run, n);
  QgsVectorLayer* out = run.layer("OUTPUT");
  const std::map<qint64, QVariant> group = groupsOf(out);
  const qint64 jilin = fidOf(out, QStringLiteral("Jilin"));
  ASSERT_GE(jilin, 0);
  // testdata holds one town within 30 km of Jilin city: Kouqian, 24.9 km away.
  const qint64 kouqian = fidOf(out, QStringLiteral("Kouqian"));
  ASSERT_FALSE(group.at(jilin).isNull()) << "Jilin city is in a group";
  EXPECT_EQ(group.at(jilin), group.at(kouqian));
  const double s = run.results.value("SILHOUETTE").toDouble();
  EXPECT_TRUE(s > -1 && s < 1) << s;
  EXPECT_TRUE(run.feedback->all().contains("geodesic"));
}

TEST(TownClusters, AverageLinkageAndWardRunInTheirFrames) {
  QgsVectorLayer* towns = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  AlgorithmRun average = runAlgorithm(ALG, {{"INPUT", towns->id()}, {"METHOD", 3}, {"CUT_DISTANCE", 30.0}, {"HULL", 1},
                                            {"OUTPUT", TEMP}, {"GROUPS", TEMP}}, {towns});
  ASSERT_TRUE(average.ok) << average.error().toStdString();
  checkGroups(average, average.results.value("NUM_GROUPS").toInt());
  QgsVectorLayer* towns2 = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  AlgorithmRun ward = runAlgorithm(ALG, {{"INPUT", towns2->id()}, {"METHOD", 4}, {"K", 5}, {"OUTPUT", TEMP}, {"GROUPS", TEMP}}, {towns2});
  ASSERT_TRUE(ward.ok) << ward.error().toStdString();
  EXPECT_EQ(ward.results.value("NUM_GROUPS").toInt(), 5);
  EXPECT_TRUE(ward.feedback->all().contains("Working CRS: +proj=aeqd")) << ward.feedback->all().toStdString();
  checkGroups(ward, 5);
}

// A matrix linkage that would not fit in memory is refused before it starts,
// with the size it needs; Ward needs no matrix and runs under the same cap.
// Between the two sizes the matrix is held in float32, with SciPy's labels.
TEST(TownClusters, MatrixLinkageIsRefusedUpFrontWhenMemoryIsShort) {
  // 230 towns: 26,335 pairs × 4 bytes = 105,340 bytes, + 64 per town = 120,060, over 85 % of a 0.1 MB (104,858-byte) cap.
  qputenv("POLEAXIS_MEMORY_LIMIT_MB", "0.1");
  QgsVectorLayer* towns = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  AlgorithmRun average = runAlgorithm(ALG, {{"INPUT", towns->id()}, {"METHOD", 3}, {"K", 3}, {"OUTPUT", TEMP}, {"GROUPS", TEMP}}, {towns});
  QgsVectorLayer* towns2 = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  AlgorithmRun ward = runAlgorithm(ALG, {{"INPUT", towns2->id()}, {"METHOD", 4}, {"K", 3}, {"OUTPUT", TEMP}, {"GROUPS", TEMP}}, {towns2});
  // 0.2 MB (209,715 bytes): float64 needs 225,400 bytes, over 85 %; float32's 120,060 fit.
  qputenv("POLEAXIS_MEMORY_LIMIT_MB", "0.2");
  QgsVectorLayer* towns3 = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  AlgorithmRun single = runAlgorithm(ALG, {{"INPUT", towns3->id()}, {"METHOD", 3}, {"K", 12}, {"OUTPUT", TEMP}, {"GROUPS", TEMP}}, {towns3});
  qunsetenv("POLEAXIS_MEMORY_LIMIT_MB");
  EXPECT_FALSE(average.ok);
  EXPECT_TRUE(average.error().contains(QStringLiteral("METHOD"))) << average.error().toStdString();
  EXPECT_TRUE(average.error().contains(QStringLiteral("even in float32 needs 120 KB"))) << average.error().toStdString();
  EXPECT_TRUE(average.error().contains(QStringLiteral("105 KB of memory is available"))) << average.error().toStdString();
  EXPECT_TRUE(average.error().contains(QStringLiteral("Ward"))) << average.error().toStdString();
  EXPECT_TRUE(ward.ok) << ward.error().toStdString();
  QgsVectorLayer* towns4 = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  AlgorithmRun full = runAlgorithm(ALG, {{"INPUT", towns4->id()}, {"METHOD", 3}, {"K", 12}, {"OUTPUT", TEMP}, {"GROUPS", TEMP}}, {towns4});
  ASSERT_TRUE(full.ok) << full.error().toStdString();
  ASSERT_TRUE(single.ok) << single.error().toStdString();
  EXPECT_TRUE(full.feedback->all().contains(QStringLiteral("Distance matrix: 211 KB"))) << full.feedback->all().toStdString();
  EXPECT_TRUE(single.feedback->all().contains(QStringLiteral("Distance matrix in float32: 105 KB (float64 would need 211 KB"))) << single.feedback->all().toStdString();
  EXPECT_TRUE(single.feedback->all().contains(QStringLiteral("so the merges are those of a float64 run"))) << single.feedback->all().toStdString();
  // Same towns in the same groups (both numbered 1 = most towns).
  const std::map<qint64, QVariant> a = groupsOf(full.layer("OUTPUT")), b = groupsOf(single.layer("OUTPUT"));
  EXPECT_EQ(a.size(), 230u);
  EXPECT_EQ(a, b);
  EXPECT_EQ(full.results.value("NUM_GROUPS").toInt(), 12);
}

// In float32, a choice its rounding could have swapped is reported: 100 km
// and 100 km + 1 mm round to the same float32 (its step there is 7.8 mm).
TEST(TownClusters, Float32NearTiesAreReported) {
  auto* towns = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:32652"), QStringLiteral("towns"), QStringLiteral("memory"));
  QgsFeatureList features;
  for (double x : {500000.0, 600000.0, 700000.001}) {
    QgsFeature f(towns->fields());
    f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(x, 4800000.0)));
    features << f;
  }
  towns->dataProvider()->addFeatures(features);
  // 3 pairs: float64 needs 3 × 8 + 3 × 64 = 216 bytes, float32 204; the cap's 85 % is 209.
  qputenv("POLEAXIS_MEMORY_LIMIT_MB", QByteArray::number(246.0 / 1048576.0, 'g', 10));
  AlgorithmRun run = runAlgorithm(ALG, {{"INPUT", towns->id()}, {"METHOD", 3}, {"K", 2}, {"OUTPUT", TEMP}}, {towns});
  qunsetenv("POLEAXIS_MEMORY_LIMIT_MB");
  ASSERT_TRUE(run.ok) << run.error().toStdString();
  EXPECT_TRUE(run.feedback->all().contains(QStringLiteral("Distance matrix in float32"))) << run.feedback->all().toStdString();
  EXPECT_TRUE(run.feedback->warnings.join('\n').contains(QStringLiteral("came within rounding of their runner-up"))) << run.feedback->all().toStdString();
  EXPECT_EQ(run.results.value("NUM_GROUPS").toInt(), 2);
}

// The progress bar moves through every phase, writing included: 5,000 towns
// in k-means give values between the clustering (to 70 %) and the polygons
// (from 80 %), never going back.
TEST(TownClusters, ProgressMovesThroughTheWritingAndNeverGoesBack) {
  auto* towns = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:4326&field=population:double"), QStringLiteral("towns"), QStringLiteral("memory"));
  QgsFeatureList features;
  for (int i = 0; i < 5000; ++i) {
    QgsFeature f(towns->fields());
    f.setAttributes(QgsAttributes() << double(1000 + i));
    f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(100.0 + (i % 100) * 0.2, 25.0 + (i / 100) * 0.2)));
    features << f;
  }
  towns->dataProvider()->addFeatures(features);
  auto* feedback = new RecordingFeedback;
  QList<double> progress;
  QObject::connect(feedback, &QgsFeedback::progressChanged, [&](double p) { progress << p; });
  AlgorithmRun run = runAlgorithm(ALG, {{"INPUT", towns->id()}, {"METHOD", 5}, {"K", 8}, {"OUTPUT", TEMP}, {"GROUPS", TEMP}}, {towns}, feedback);
  ASSERT_TRUE(run.ok) << run.error().toStdString();
  ASSERT_FALSE(progress.isEmpty());
  EXPECT_EQ(progress.last(), 100.0);
  int writing = 0;
  for (int i = 0; i < progress.size(); ++i) {
    if (i > 0) {
      EXPECT_GE(progress[i], progress[i - 1]) << "at step " << i;
    }
    if (progress[i] > 70.0 && progress[i] < 80.0) ++writing;
  }
  EXPECT_GE(writing, 3) << "no progress while the towns are written";
}

TEST(TownClusters, KMeansIsReproducibleForASeed) {
  QgsVectorLayer* towns = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  const QVariantMap parameters{{"INPUT", towns->id()}, {"METHOD", 5}, {"K", 6}, {"SEED", 11}, {"OUTPUT", TEMP}, {"GROUPS", TEMP}};
  AlgorithmRun a = runAlgorithm(ALG, parameters, {towns});
  ASSERT_TRUE(a.ok) << a.error().toStdString();
  QgsVectorLayer* again = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  QVariantMap second = parameters;
  second["INPUT"] = again->id();
  AlgorithmRun b = runAlgorithm(ALG, second, {again});
  ASSERT_TRUE(b.ok);
  EXPECT_EQ(groupsOf(a.layer("OUTPUT")), groupsOf(b.layer("OUTPUT")));
  checkGroups(a, 6);
}

TEST(TownClusters, LouvainAndNetworkDbscan) {
  QgsVectorLayer* towns = openTestLayer(QStringLiteral("jilin_towns.gpkg"), QStringLiteral("population > 0"));
  AlgorithmRun louvain = runAlgorithm(ALG, {{"INPUT", towns->id()}, {"METHOD", 6}, {"MASS_FIELD", "population"}, {"MAX_LINK_KM", 80.0},
                                            {"OUTPUT", TEMP}, {"GROUPS", TEMP}}, {towns});
  ASSERT_TRUE(louvain.ok) << louvain.error().toStdString();
  EXPECT_GE(louvain.results.value("NUM_GROUPS").toInt(), 2);
  EXPECT_TRUE(louvain.feedback->all().contains("modularity"));
  checkGroups(louvain, louvain.results.value("NUM_GROUPS").toInt());

  QgsVectorLayer* all = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  QgsVectorLayer* rail = openTestLayer(QStringLiteral("jilin_rail_lines.gpkg"));
  AlgorithmRun network = runAlgorithm(ALG, {{"INPUT", all->id()}, {"METHOD", 0}, {"EPS", 30.0}, {"MIN_POINTS", 3.0}, {"LINES", rail->id()},
                                            {"OUTPUT", TEMP}, {"GROUPS", TEMP}}, {all, rail});
  ASSERT_TRUE(network.ok) << network.error().toStdString();
  EXPECT_TRUE(network.feedback->all().contains("km along the lines"));
  // Network distance is never shorter than geodesic: no more grouped towns than geodesic DBSCAN.
  QgsVectorLayer* all2 = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  AlgorithmRun geodesic = runAlgorithm(ALG, {{"INPUT", all2->id()}, {"METHOD", 0}, {"EPS", 30.0}, {"MIN_POINTS", 3.0}, {"OUTPUT", TEMP}}, {all2});
  ASSERT_TRUE(geodesic.ok);
  auto grouped = [](QgsVectorLayer* l) {
    int c = 0;
    for (const auto& [fid, g] : groupsOf(l)) c += !g.isNull();
    return c;
  };
  EXPECT_LE(grouped(network.layer("OUTPUT")), grouped(geodesic.layer("OUTPUT")));
}

TEST(TownClusters, FootprintOfLoneTownsIsADiscInAProjectedLayer) {
  // Three towns 100 km apart in UTM 52N; single linkage at 10 km leaves each alone.
  auto* layer = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:32652&field=name:string&field=pop:double"), QStringLiteral("t"),
                                   QStringLiteral("memory"));
  QgsFeatureList list;
  for (int i = 0; i < 3; ++i) {
    QgsFeature f(layer->fields());
    f.setAttributes(QgsAttributes() << QStringLiteral("镇%1").arg(i) << 1000.0 * (i + 1));
    f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(500000 + 100000 * i, 4800000)));
    list << f;
  }
  layer->dataProvider()->addFeatures(list);
  AlgorithmRun run = runAlgorithm(ALG, {{"INPUT", layer->id()}, {"METHOD", 1}, {"CUT_DISTANCE", 10.0}, {"HULL", 2}, {"FOOTPRINT_KM", 5.0},
                                        {"POP_FIELD", "pop"}, {"OUTPUT", TEMP}, {"GROUPS", TEMP}}, {layer});
  ASSERT_TRUE(run.ok) << run.error().toStdString();
  EXPECT_EQ(run.results.value("NUM_GROUPS").toInt(), 3);
  EXPECT_TRUE(run.results.value("SILHOUETTE").isNull()) << "every town alone: silhouette undefined";
  QgsFeatureIterator it = run.layer("GROUPS")->getFeatures();
  QgsFeature f;
  QSet<QString> leads;
  while (it.nextFeature(f)) {
    // 64-gon of radius 5 km: area 5²·64/2·sin(2π/64) km²; planar area in UTM.
    const double polygon = 25.0 * 32 * std::sin(2 * M_PI / 64);
    EXPECT_NEAR(f.geometry().area() / 1e6, polygon, 1e-6 * polygon);
    leads << f.attribute("lead_name").toString();
  }
  EXPECT_EQ(leads, (QSet<QString>{QStringLiteral("镇0"), QStringLiteral("镇1"), QStringLiteral("镇2")}));
}

TEST(TownClustersBadInput, Matrix) {
  QgsVectorLayer* t1 = openTestLayer(QStringLiteral("jilin_towns.gpkg"), QStringLiteral("population >= 100000"));
  const long n = t1->featureCount();
  expectError(runAlgorithm(ALG, {{"INPUT", t1->id()}, {"METHOD", 5}, {"K", int(n + 1)}, {"OUTPUT", TEMP}}, {t1}),
              {"K", QStringLiteral("only %1 towns").arg(n)});
  QgsVectorLayer* t2 = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  expectError(runAlgorithm(ALG, {{"INPUT", t2->id()}, {"METHOD", 0}, {"EPS", 0.0}, {"OUTPUT", TEMP}}, {t2}), {"EPS", "must be > 0"});
  QgsVectorLayer* t3 = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  expectError(runAlgorithm(ALG, {{"INPUT", t3->id()}, {"METHOD", 5}, {"OUTPUT", TEMP}}, {t3}), {"K", "k-means needs"});
  // A NULL weight is refused naming the feature.
  auto* t4 = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:4326&field=w:double"), QStringLiteral("w"), QStringLiteral("memory"));
  QgsFeatureList weighted;
  for (int i = 0; i < 3; ++i) {
    QgsFeature f(t4->fields());
    f.setAttributes(QgsAttributes() << (i == 1 ? QVariant() : QVariant(2.0)));
    f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(126.5 + 0.01 * i, 43.8)));
    weighted << f;
  }
  t4->dataProvider()->addFeatures(weighted);
  expectError(runAlgorithm(ALG, {{"INPUT", t4->id()}, {"METHOD", 0}, {"WEIGHT_FIELD", "w"}, {"OUTPUT", TEMP}}, {t4}),
              {"WEIGHT_FIELD", "feature 2", "NULL"});
  QgsVectorLayer* t5 = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  QgsVectorLayer* r5 = openTestLayer(QStringLiteral("jilin_rail_lines.gpkg"));
  expectError(runAlgorithm(ALG, {{"INPUT", t5->id()}, {"METHOD", 4}, {"LINES", r5->id()}, {"OUTPUT", TEMP}}, {t5, r5}),
              {"LINES", "Ward and k-means"});
  // All towns at one place: k-means cannot make 2 groups.
  auto* same = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:4326"), QStringLiteral("same"), QStringLiteral("memory"));
  QgsFeatureList list;
  for (int i = 0; i < 4; ++i) {
    QgsFeature f(same->fields());
    f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(126.5, 43.8)));
    list << f;
  }
  same->dataProvider()->addFeatures(list);
  expectError(runAlgorithm(ALG, {{"INPUT", same->id()}, {"METHOD", 5}, {"K", 2}, {"OUTPUT", TEMP}}, {same}), {"K", "distinct"});
  auto* one = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:4326"), QStringLiteral("one"), QStringLiteral("memory"));
  QgsFeature f(one->fields());
  f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(126.5, 43.8)));
  one->dataProvider()->addFeature(f);
  expectError(runAlgorithm(ALG, {{"INPUT", one->id()}, {"OUTPUT", TEMP}}, {one}), {"INPUT", "at least 2"});
}

namespace {
// Cancels once the towns are grouped: the silhouette then runs on its own
// thread while the towns are written, and both must stop.
class CancelAfterGrouping : public RecordingFeedback {
 public:
  void pushInfo(const QString& info) override {
    RecordingFeedback::pushInfo(info);
    if (info.contains(QStringLiteral("group(s);"))) cancel();
  }
};
}  // namespace

TEST(TownClustersBadInput, CancelWhileScoringAndWritingLeavesNoFile) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("canceled.gpkg"));
  QgsVectorLayer* towns = openTestLayer(QStringLiteral("jilin_towns.gpkg"));
  AlgorithmRun run = runAlgorithm(ALG, {{"INPUT", towns->id()}, {"METHOD", 3}, {"CUT_DISTANCE", 30.0}, {"OUTPUT", path}},
                                  {towns}, new CancelAfterGrouping);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.error().contains(QStringLiteral("Canceled"))) << run.error().toStdString();
  EXPECT_FALSE(run.feedback->all().contains(QStringLiteral("Silhouette score"))) << "the score is not reported after a cancel";
  EXPECT_FALSE(QFile::exists(path));
}
