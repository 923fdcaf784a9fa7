// Influence areas against hand-worked cases (Converse's breaking point) and a
// brute-force owner search on random centres.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "poleaxis/influence_areas.h"
#include "poleaxis/polygon_ops.h"

using namespace poleaxis;

namespace {

double area(const MultiPolygon& shape) {
  double a = 0;
  for (const Polygon& polygon : shape)
    for (size_t r = 0; r < polygon.rings.size(); ++r) {
      double s = 0;
      const Ring& ring = polygon.rings[r];
      for (size_t k = 0; k + 1 < ring.size(); ++k) s += ring[k].x * ring[k + 1].y - ring[k + 1].x * ring[k].y;
      a += (r == 0 ? 1 : -1) * std::fabs(s) / 2;
    }
  return a;
}

bool inside(const MultiPolygon& shape, Point p) {
  for (const Polygon& polygon : shape)
    if (point_in_polygon(p, polygon)) return true;
  return false;
}

}  // namespace

TEST(InfluenceAreas, TwoCentresBreakAtConversesPoint) {
  // P_A = 1,000,000 and P_B = 250,000, D = 100 km: d_A = D / (1 + √(P_B/P_A)) = 66.667 km.
  const std::vector<Point> centres{{0, 0}, {100000, 0}};
  const std::vector<double> w{std::sqrt(1e6), std::sqrt(2.5e5)};
  const Bounds frame{-300000, -300000, 400000, 300000};
  const InfluenceCells cells = weighted_voronoi_cells(centres, w, frame, 100.0);
  const double dA = 100000.0 / (1 + std::sqrt(2.5e5 / 1e6));
  EXPECT_NEAR(breaking_distance(100000, w[0], w[1]), dA, 1e-6);
  const double slack = 0.001 * 100000;  // 0.1 % of D
  EXPECT_TRUE(inside(cells.cells[0], {dA - slack, 0}));
  EXPECT_FALSE(inside(cells.cells[0], {dA + slack, 0}));
  EXPECT_TRUE(inside(cells.cells[1], {dA + slack, 0}));
  EXPECT_FALSE(inside(cells.cells[1], {dA - slack, 0}));
  // B's area is its Apollonius disc: r = w_B/w_A = 0.5, ρ = r·D/(1 − r²) = 66.667 km, within the chord tolerance.
  const double rho = 0.5 * 100000 / 0.75;
  EXPECT_NEAR(area(cells.cells[1]), M_PI * rho * rho, 2 * M_PI * rho * 100.0);
  EXPECT_NEAR(area(cells.cells[0]) + area(cells.cells[1]), 700000.0 * 600000.0, 1e-6 * 700000.0 * 600000.0);
}

TEST(InfluenceAreas, EqualWeightsGiveOrdinaryVoronoi) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(0, 200000);
  std::vector<Point> centres(150);
  for (Point& p : centres) p = {u(rng), u(rng)};
  const Bounds frame{-10000, -10000, 210000, 210000};
  const InfluenceCells plain = voronoi_cells(centres, frame);
  const InfluenceCells weighted = weighted_voronoi_cells(centres, std::vector<double>(centres.size(), 3.0), frame, 10.0);
  for (size_t i = 0; i < centres.size(); ++i) {
    EXPECT_TRUE(inside(plain.cells[i], centres[i])) << i;
    EXPECT_NEAR(area(plain.cells[i]), area(weighted.cells[i]), 1e-6 * area(plain.cells[i])) << i;
  }
}

TEST(InfluenceAreas, WeightedCellsHoldTheirBruteForceOwners) {
  std::mt19937 rng(9);
  std::uniform_real_distribution<double> u(0, 300000), lw(0, 5);
  std::vector<Point> centres(300);
  std::vector<double> w(centres.size());
  for (size_t i = 0; i < centres.size(); ++i) {
    centres[i] = {u(rng), u(rng)};
    w[i] = std::exp(lw(rng));  // weights over two orders of magnitude
  }
  const Bounds frame{-20000, -20000, 320000, 320000};
  const double tolerance = 50.0;
  const InfluenceCells cells = weighted_voronoi_cells(centres, w, frame, tolerance);
  double total = 0;
  for (const MultiPolygon& c : cells.cells) total += area(c);
  EXPECT_NEAR(total, 340000.0 * 340000.0, 1e-3 * 340000.0 * 340000.0);
  std::uniform_real_distribution<double> q(-20000, 320000);
  int checked = 0;
  for (int s = 0; s < 3000; ++s) {
    const Point x{q(rng), q(rng)};
    size_t best = 0, second = 0;
    double b1 = INFINITY, b2 = INFINITY;
    for (size_t i = 0; i < centres.size(); ++i) {
      const double v = std::hypot(x.x - centres[i].x, x.y - centres[i].y) / w[i];
      if (v < b1) {
        b2 = b1, second = best;
        b1 = v, best = i;
      } else if (v < b2) {
        b2 = v, second = i;
      }
    }
    (void)second;
    // Points near a border (within the tolerance, scaled by the weight) may fall either side.
    if ((b2 - b1) * w[best] < 4 * tolerance) continue;
    ++checked;
    EXPECT_TRUE(inside(cells.cells[best], x)) << "point " << x.x << " " << x.y << " owner " << best;
  }
  EXPECT_GT(checked, 2500);
}

TEST(InfluenceAreas, DuplicatesAndBadWeights) {
  const std::vector<Point> centres{{0, 0}, {1000, 0}, {0, 0}};
  const Bounds frame{-5000, -5000, 5000, 5000};
  const InfluenceCells plain = voronoi_cells(centres, frame);
  EXPECT_EQ(plain.duplicate_of[2], 0);
  EXPECT_TRUE(plain.cells[2].empty());
  EXPECT_NEAR(area(plain.cells[0]), 5500.0 * 10000.0, 1e-3);
  EXPECT_THROW(weighted_voronoi_cells(centres, {1, 0, 1}, frame, 10), InputError);
  EXPECT_THROW(weighted_voronoi_cells(centres, {1, 1, 1}, frame, 0), InputError);
}

// The banded owner query against a scan of every centre, with weights over
// five orders of magnitude, exact ties and a skipped duplicate.
TEST(InfluenceAreas, WeightBandsOwnerEqualsFullScan) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> coord(0, 100000), logw(0, 5);
  std::vector<Point> xy;
  std::vector<double> w;
  for (int i = 0; i < 600; ++i) {
    xy.push_back({coord(rng), coord(rng)});
    w.push_back(std::pow(10.0, logw(rng)));
  }
  xy.push_back(xy[5]), w.push_back(w[5]);      // a duplicate, skipped
  xy.push_back({0, 0}), w.push_back(2.0);      // two centres tie at (1000, 0) …
  xy.push_back({3000, 0}), w.push_back(4.0);   // … d/w = 500 for both
  std::vector<bool> skip(xy.size());
  skip[600] = true;
  const WeightBands bands(xy, w, skip);
  auto scan = [&](Point x) {
    long best = -1;
    double best_v = INFINITY;
    for (size_t j = 0; j < xy.size(); ++j) {
      if (skip[j]) continue;
      const double v = std::hypot(x.x - xy[j].x, x.y - xy[j].y) / w[j];
      if (v < best_v) best_v = v, best = long(j);
    }
    return best;
  };
  for (int t = 0; t < 4000; ++t) {
    const Point x{coord(rng) * 1.2 - 10000, coord(rng) * 1.2 - 10000};
    ASSERT_EQ(bands.owner(x), scan(x)) << x.x << " " << x.y;
  }
  const long tie = scan({1000, 0});
  EXPECT_EQ(bands.owner({1000, 0}), tie);
  EXPECT_EQ(WeightBands({}, {}).owner({0, 0}), -1);
}

// Huff's shares, worked by hand: A = (4, 1), λ = 2, x at 1 km and 2 km:
// 4/1² = 4 and 1/2² = 0.25, so P = 4/4.25 and 0.25/4.25.
TEST(InfluenceAreas, HuffSharesHandWorked) {
  std::vector<double> share;
  huff_shares({0, 0}, {{1000, 0}, {0, 2000}}, {4, 1}, 2.0, 1000.0, share);
  ASSERT_EQ(share.size(), 2u);
  EXPECT_NEAR(share[0], 4.0 / 4.25, 1e-12);
  EXPECT_NEAR(share[1], 0.25 / 4.25, 1e-12);
  // At a centre the 1 km floor applies: d = max(0, 1 km).
  huff_shares({0, 0}, {{0, 0}, {2000, 0}}, {1, 1}, 1.0, 1000.0, share);
  EXPECT_NEAR(share[0], 1.0 / 1.5, 1e-12);
}
