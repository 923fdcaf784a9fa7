// Rank-size fit against exact Zipf data and an independent least-squares fit.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>

#include "poleaxis/feedback.h"
#include "poleaxis/rank_size.h"

using namespace poleaxis;

TEST(RankSize, ExactZipfDataGivesQOneAndPerfectFit) {
  std::vector<double> p;
  for (int r = 1; r <= 50; ++r) p.push_back(1e6 / r);
  std::shuffle(p.begin(), p.end(), std::mt19937(3));
  const RankSize rs = rank_size(p);
  EXPECT_NEAR(rs.q, 1.0, 1e-12);
  EXPECT_NEAR(rs.r2, 1.0, 1e-12);
  EXPECT_NEAR(std::exp(rs.ln_p1), 1e6, 1e-3);
  EXPECT_NEAR(rs.s2, 2.0, 1e-12);
  EXPECT_NEAR(rs.s4, 1.0 / (1.0 / 2 + 1.0 / 3 + 1.0 / 4), 1e-12);
  double h = 0;
  for (int r = 2; r <= 11; ++r) h += 1.0 / r;
  EXPECT_NEAR(rs.s11, 2.0 / h, 1e-12);
}

TEST(RankSize, QAndR2EqualAnIndependentNormalEquationsFit) {
  std::mt19937 rng(17);
  std::lognormal_distribution<double> pop(10, 1.3);
  std::vector<double> p(400);
  for (double& x : p) x = std::round(pop(rng)) + 1;
  for (int i = 0; i < 30; ++i) p.push_back(0);  // unknown populations are left out
  const RankSize rs = rank_size(p);
  EXPECT_EQ(rs.used, 400u);
  EXPECT_EQ(rs.zero, 30u);
  // Normal equations on raw sums (a different formula from the centred one).
  std::vector<double> s(p.begin(), p.begin() + 400);
  std::sort(s.begin(), s.end(), std::greater<double>());
  double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
  const double n = 400;
  for (int i = 0; i < 400; ++i) {
    const double x = std::log(i + 1.0), y = std::log(s[size_t(i)]);
    sx += x, sy += y, sxx += x * x, sxy += x * y, syy += y * y;
  }
  const double b = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  const double a = (sy - b * sx) / n;
  const double r = (n * sxy - sx * sy) / std::sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
  EXPECT_NEAR(rs.q / -b, 1.0, 1e-9);
  EXPECT_NEAR(rs.ln_p1 / a, 1.0, 1e-9);
  EXPECT_NEAR(rs.r2 / (r * r), 1.0, 1e-9);
}

TEST(RankSize, GiniEqualsTheDoubleSum) {
  const std::vector<double> p{5, 1, 9, 3, 3, 20};
  long double pairs = 0, total = 0;
  for (double a : p) {
    total += a;
    for (double b : p) pairs += std::fabs(a - b);
  }
  const double gini = double(pairs / (2 * p.size() * total));
  EXPECT_NEAR(rank_size(p).gini, gini, 1e-12);
  EXPECT_NEAR(rank_size({4, 4, 4, 4}).gini, 0.0, 1e-15);
}

TEST(RankSize, RefusesNegativeAndTooFewPopulations) {
  try {
    rank_size({10, 5, -3, 2});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.item(), 2);
  }
  EXPECT_THROW(rank_size({10, 0, 0, 5}), InputError);
  EXPECT_TRUE(std::isnan(rank_size({3, 2, 1}).s4));
}
