// The kd-tree against brute force on the same unit vectors.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "poleaxis/sphere_index.h"

using namespace poleaxis;

namespace {
std::vector<Point> random_points(size_t n, unsigned seed, double lon0, double lon1, double lat0, double lat1) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> lon(lon0, lon1), lat(lat0, lat1);
  std::vector<Point> pts(n);
  for (Point& p : pts) p = {lon(rng), lat(rng)};
  return pts;
}
}  // namespace

TEST(SphereIndex, WithinEqualsBruteForce) {
  // China-sized cloud with duplicates mixed in.
  std::vector<Point> pts = random_points(5000, 7, 73, 135, 18, 53);
  for (int i = 0; i < 50; ++i) pts.push_back(pts[size_t(i) * 13]);
  const SphereIndex index(pts);
  std::mt19937 rng(3);
  for (int q = 0; q < 200; ++q) {
    const Point query = pts[rng() % pts.size()];
    for (double metres : {1000.0, 30000.0, 250000.0}) {
      std::set<size_t> got, want;
      index.within(query, metres, [&](size_t id) { EXPECT_TRUE(got.insert(id).second); });
      const double limit = chord2_for_distance(metres);
      const Vec3 qv = unit_vector(query);
      for (size_t i = 0; i < pts.size(); ++i)
        if (chord2(unit_vector(pts[i]), qv) <= limit) want.insert(i);
      EXPECT_EQ(got, want) << "query " << q << " radius " << metres;
    }
  }
}

TEST(SphereIndex, NearestEqualsBruteForceWithLowestIdOnTies) {
  std::vector<Point> pts = random_points(3000, 11, -180, 180, -80, 80);
  pts.push_back(pts[10]);  // exact duplicate: the lower id must win
  const SphereIndex index(pts);
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> lon(-180, 180), lat(-85, 85);
  for (int q = 0; q < 500; ++q) {
    const Point query = q == 0 ? pts[10] : Point{lon(rng), lat(rng)};
    const Vec3 qv = unit_vector(query);
    size_t best = 0;
    double best_d2 = 1e9;
    for (size_t i = 0; i < pts.size(); ++i) {
      const double d2 = chord2(unit_vector(pts[i]), qv);
      if (d2 < best_d2) {
        best_d2 = d2;
        best = i;
      }
    }
    EXPECT_EQ(index.nearest(qv), best) << "query " << q;
  }
}

TEST(SphereIndex, EmptyAndSinglePoint) {
  const SphereIndex empty(std::vector<Point>{});
  int calls = 0;
  empty.within(Point{0, 0}, 1e6, [&](size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
  const SphereIndex one(std::vector<Point>{{126.5, 43.8}});
  one.within(Point{126.5, 43.9}, 20000, [&](size_t id) { calls += int(id) + 1; });
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(one.nearest(unit_vector({0, 0})), 0u);
}
