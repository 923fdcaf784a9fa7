// DBSCAN against a plain all-pairs implementation of scikit-learn's
// algorithm on the same geodesic distances (PROJ directly), and hand cases.
#include <geodesic.h>
#include <gtest/gtest.h>

#include <random>

#include "poleaxis/dbscan.h"
#include "poleaxis/feedback.h"

using namespace poleaxis;

namespace {

// Every pair's geodesic distance, straight from PROJ.
std::vector<double> all_pairs(const std::vector<Point>& p) {
  geod_geodesic g;
  geod_init(&g, 6378137.0, 1 / 298.257223563);
  const size_t n = p.size();
  std::vector<double> d(n * n);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j) geod_inverse(&g, p[i].y, p[i].x, p[j].y, p[j].x, &d[i * n + j], nullptr, nullptr);
  return d;
}

std::vector<int> reference(const std::vector<double>& d, size_t n, double eps, double min_points, const std::vector<double>& w) {
  std::vector<std::vector<size_t>> nb(n);
  std::vector<char> core(n, 0);
  for (size_t i = 0; i < n; ++i) {
    double weight = 0;
    for (size_t j = 0; j < n; ++j)
      if (d[i * n + j] <= eps) {
        nb[i].push_back(j);
        weight += w.empty() ? 1 : w[j];
      }
    core[i] = weight >= min_points;
  }
  std::vector<int> label(n, -1);
  int clusters = 0;
  for (size_t s = 0; s < n; ++s) {
    if (label[s] != -1 || !core[s]) continue;
    std::vector<size_t> queue{s};  // breadth first: clusters are the same sets
    label[s] = clusters;
    for (size_t k = 0; k < queue.size(); ++k)
      if (core[queue[k]])
        for (size_t j : nb[queue[k]])
          if (label[j] == -1) {
            label[j] = clusters;
            queue.push_back(j);
          }
    ++clusters;
  }
  return label;
}

std::vector<int> reference(const std::vector<Point>& p, double eps, double min_points, const std::vector<double>& w) {
  return reference(all_pairs(p), p.size(), eps, min_points, w);
}

}  // namespace

TEST(Dbscan, EqualsAllPairsReferenceOnRandomTownsWithAndWithoutWeights) {
  std::mt19937 rng(12);
  std::uniform_real_distribution<double> lon(124, 130), lat(41, 46);
  std::normal_distribution<double> jitter(0, 0.08);
  std::vector<Point> pts;
  for (int c = 0; c < 12; ++c) {
    const Point centre{lon(rng), lat(rng)};
    for (int k = 0; k < 40; ++k) pts.push_back({centre.x + jitter(rng), centre.y + jitter(rng)});
  }
  for (int k = 0; k < 200; ++k) pts.push_back({lon(rng), lat(rng)});  // scattered noise
  std::uniform_real_distribution<double> wd(0, 3);
  std::vector<double> w(pts.size());
  for (double& x : w) x = std::round(wd(rng));
  for (const std::vector<double>& weights : {std::vector<double>{}, w}) {
    const DbscanResult ours = dbscan(TownSpace(pts, true), 8000, 5, weights);
    const std::vector<int> ref = reference(pts, 8000, 5, weights);
    // Cluster membership of core points is unique; border points may go to
    // either cluster only when two clusters reach them, which the shared
    // index-order expansion settles the same way: labels must be equal.
    EXPECT_EQ(ours.label, ref);
    EXPECT_GT(ours.clusters, 5);
  }
}

TEST(Dbscan, HandCasesAndBadInput) {
  // Three towns 1 km apart and one 50 km away; eps 2 km, min 3.
  const std::vector<Point> pts{{126.0, 44.0}, {126.0125, 44.0}, {126.025, 44.0}, {126.6, 44.0}};
  const DbscanResult r = dbscan(TownSpace(pts, true), 2000, 3);
  EXPECT_EQ(r.label, (std::vector<int>{0, 0, 0, -1}));
  EXPECT_EQ(r.is_core, (std::vector<char>{0, 1, 0, 0}));  // only the middle town has 3 within 2 km
  // A heavy town is a cluster of its own.
  EXPECT_EQ(dbscan(TownSpace(pts, true), 2000, 3, {1, 1, 1, 5}).label[3], 1);
  EXPECT_THROW(dbscan(TownSpace(pts, true), 0, 3), InputError);
  EXPECT_THROW(dbscan(TownSpace(pts, true), 2000, 0), InputError);
  EXPECT_THROW(dbscan(TownSpace(pts, true), 2000, 3, {1, -1, 1, 1}), InputError);
  EXPECT_EQ(dbscan(TownSpace({}, true), 2000, 3).clusters, 0);
}

TEST(Dbscan, QueryPassesEqualExpansionOverStoredNeighbourhoodsOnPlanarPointsForAnyWorkerCount) {
  // Overlapping planar clusters: many border towns reached by two clusters,
  // which the union-find passes must give to the cluster the index-order
  // expansion reaches first, whatever the threads do.
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> xy(0, 200000);
  std::normal_distribution<double> jitter(0, 6000);
  std::vector<Point> pts;
  for (int c = 0; c < 30; ++c) {
    const Point centre{xy(rng), xy(rng)};
    for (int k = 0; k < 60; ++k) pts.push_back({centre.x + jitter(rng), centre.y + jitter(rng)});
  }
  for (int k = 0; k < 500; ++k) pts.push_back({xy(rng), xy(rng)});
  const TownSpace space(pts, false);
  for (double min_points : {3.0, 8.0, 20.0}) {
    const DbscanResult stored = dbscan(neighbourhoods(space, 4000), min_points);
    for (unsigned workers : {1u, 2u, 8u}) {
      const DbscanResult ours = dbscan(space, 4000, min_points, {}, nullptr, workers);
      EXPECT_EQ(ours.label, stored.label) << "min " << min_points << ", " << workers << " workers";
      EXPECT_EQ(ours.is_core, stored.is_core);
      EXPECT_EQ(ours.clusters, stored.clusters);
    }
    EXPECT_GT(stored.clusters, 3);
  }
}

TEST(Dbscan, DenseCellsAndTheirLinksEqualTheReferences) {
  // Crowded towns, duplicates and tight clusters: most grid cells reach
  // min_points (their towns are core without a query) and most core links
  // are inside cells or between cells already joined.
  std::mt19937 rng(21);
  std::uniform_real_distribution<double> lon(120, 132), lat(38, 48);
  std::normal_distribution<double> tight(0, 0.03);
  std::vector<Point> geo;
  for (int c = 0; c < 25; ++c) {
    const Point centre{lon(rng), lat(rng)};
    for (int k = 0; k < 80; ++k) geo.push_back({centre.x + tight(rng), centre.y + tight(rng)});
    for (int k = 0; k < 5; ++k) geo.push_back(centre);  // one town five times
  }
  for (int k = 0; k < 300; ++k) geo.push_back({lon(rng), lat(rng)});
  std::uniform_real_distribution<double> wd(0, 3);
  std::vector<double> w(geo.size());
  for (double& x : w) x = std::round(wd(rng));
  const std::vector<double> d = all_pairs(geo);
  for (double eps : {3000.0, 6000.0})
    for (double min_points : {3.0, 6.0, 15.0})
      for (const std::vector<double>& weights : {std::vector<double>{}, w})
        EXPECT_EQ(dbscan(TownSpace(geo, true), eps, min_points, weights).label, reference(d, geo.size(), eps, min_points, weights))
            << "geographic, eps " << eps << ", min " << min_points << (weights.empty() ? "" : ", weighted");

  // Planar, against DBSCAN over stored neighbourhoods; and an eps so small
  // against the coordinates (metres across 20,000 km) that no grid is used.
  std::normal_distribution<double> jitter(0, 1500);
  std::uniform_real_distribution<double> xy(0, 300000);
  std::vector<Point> flat;
  for (int c = 0; c < 40; ++c) {
    const Point centre{xy(rng), xy(rng)};
    for (int k = 0; k < 70; ++k) flat.push_back({centre.x + jitter(rng), centre.y + jitter(rng)});
  }
  for (int k = 0; k < 400; ++k) flat.push_back({xy(rng), xy(rng)});
  const TownSpace plane(flat, false);
  for (double min_points : {4.0, 12.0})
    for (unsigned workers : {1u, 2u, 8u}) {
      const DbscanResult ours = dbscan(plane, 2500, min_points, {}, nullptr, workers);
      const DbscanResult stored = dbscan(neighbourhoods(plane, 2500), min_points);
      EXPECT_EQ(ours.label, stored.label) << "planar, min " << min_points << ", " << workers << " workers";
      EXPECT_EQ(ours.is_core, stored.is_core);
    }
  std::vector<Point> wide{{0, 0}, {3, 0}, {6, 0}, {2e7, 1e7}, {2e7 + 2, 1e7}, {2e7 + 4, 1e7}};
  const TownSpace far(wide, false);
  EXPECT_EQ(dbscan(far, 5, 3).label, dbscan(neighbourhoods(far, 5), 3).label);
  EXPECT_EQ(dbscan(far, 5, 3).clusters, 2);
}
