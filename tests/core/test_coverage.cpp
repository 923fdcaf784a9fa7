// Demand coverage against a brute-force geodesic count with PROJ directly.
#include <geodesic.h>
#include <gtest/gtest.h>

#include <random>

#include "poleaxis/coverage.h"

using namespace poleaxis;

TEST(Coverage, CountsAndNearestEqualBruteForce) {
  geod_geodesic g;
  geod_init(&g, 6378137.0, 1 / 298.257223563);
  std::mt19937 rng(1);
  std::uniform_real_distribution<double> lon(124, 130), lat(41, 46), r(5000, 60000), w(0, 1e5);
  std::vector<Point> centres(40), points(3000);
  std::vector<double> radii(centres.size()), weights(points.size());
  for (size_t i = 0; i < centres.size(); ++i) {
    centres[i] = {lon(rng), lat(rng)};
    radii[i] = r(rng);
  }
  for (size_t p = 0; p < points.size(); ++p) {
    points[p] = {lon(rng), lat(rng)};
    weights[p] = w(rng);
  }
  // Points on the rim, just inside and just outside circle 0.
  for (double az : {0.0, 77.0, 200.0}) {
    for (double d : {radii[0] - 0.5, radii[0] + 0.5}) {
      double lat2, lon2;
      geod_direct(&g, centres[0].y, centres[0].x, az, d, &lat2, &lon2, nullptr);
      points.push_back({lon2, lat2});
      weights.push_back(1);
    }
  }
  const Coverage cov = compute_coverage(centres, radii, points, weights);
  size_t covered = 0;
  double weight_covered = 0;
  std::vector<size_t> per_circle(centres.size(), 0);
  for (size_t p = 0; p < points.size(); ++p) {
    int n = 0;
    double best = 1e300;
    long best_id = -1;
    for (size_t c = 0; c < centres.size(); ++c) {
      double s12;
      geod_inverse(&g, centres[c].y, centres[c].x, points[p].y, points[p].x, &s12, nullptr, nullptr);
      if (s12 <= radii[c]) {
        ++n;
        ++per_circle[c];
      }
      if (s12 < best) {
        best = s12;
        best_id = long(c);
      }
    }
    EXPECT_EQ(cov.demand[p].n_cover, n) << "point " << p;
    EXPECT_EQ(cov.demand[p].nearest, best_id) << "point " << p;
    EXPECT_NEAR(cov.demand[p].nearest_m, best, 1e-6);
    if (n) {
      ++covered;
      weight_covered += weights[p];
    }
  }
  EXPECT_EQ(cov.covered, covered);
  EXPECT_NEAR(cov.weight_covered, weight_covered, 1e-6);
  EXPECT_EQ(cov.demand_per_circle, per_circle);
  // The rim points: inside at r − 0.5 m, outside at r + 0.5 m.
  const size_t rim = 3000;
  for (int k = 0; k < 3; ++k) {
    EXPECT_GE(cov.demand[rim + 2 * k].n_cover, 1);
  }
}

TEST(Coverage, NoCentresMeansNothingCovered) {
  const Coverage cov = compute_coverage({}, {}, {{126, 43}}, {});
  EXPECT_EQ(cov.covered, 0u);
  EXPECT_EQ(cov.demand[0].nearest, -1);
  EXPECT_DOUBLE_EQ(cov.weight_total, 1.0);
}
