// Class breaks against a brute-force optimum and hand-worked cases.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>

#include "poleaxis/classification.h"
#include "poleaxis/feedback.h"

using namespace poleaxis;

namespace {
// Least total within-class sum of squares over every way to cut sorted values.
double brute_force_optimum(std::vector<double> v, int k) {
  std::sort(v.begin(), v.end());
  const int n = int(v.size());
  double best = std::numeric_limits<double>::max();
  std::vector<int> cuts;
  std::function<void(int, int)> rec = [&](int start, int left) {
    if (left == 1) {
      std::vector<int> cls(n, 0);
      int c = 0;
      for (int i = 0, next = 0; i < n; ++i) {
        if (next < int(cuts.size()) && i == cuts[size_t(next)]) {
          ++c;
          ++next;
        }
        cls[size_t(i)] = c;
      }
      best = std::min(best, within_class_ss(v, cls));
      return;
    }
    for (int cut = start + 1; cut <= n - left + 1; ++cut) {
      cuts.push_back(cut);
      rec(cut, left - 1);
      cuts.pop_back();
    }
  };
  rec(0, k);
  return best;
}
}  // namespace

TEST(Jenks, EqualsTheBruteForceOptimumOnSmallSets) {
  std::mt19937 rng(9);
  for (int trial = 0; trial < 60; ++trial) {
    const int n = 5 + trial % 8, k = 2 + trial % 4;
    if (k > n) continue;
    std::vector<double> v(static_cast<size_t>(n));
    std::uniform_int_distribution<int> small(0, 6);
    std::lognormal_distribution<double> skewed(8, 1.5);
    for (double& x : v) x = trial % 3 == 0 ? small(rng) : skewed(rng);  // with ties, and skewed like populations
    const std::vector<double> breaks = jenks_breaks(v, k);
    ASSERT_EQ(breaks.size(), size_t(k));
    EXPECT_NEAR(within_class_ss(v, classify(v, breaks)), brute_force_optimum(v, k), 1e-9 * (1 + brute_force_optimum(v, k)))
        << "trial " << trial;
  }
}

TEST(Jenks, HandWorkedClustersAndEdgeCases) {
  // Three obvious groups.
  EXPECT_EQ(jenks_breaks({1, 2, 3, 10, 11, 12, 50, 52}, 3), (std::vector<double>{3, 12, 52}));
  EXPECT_EQ(jenks_breaks({5, 1, 3}, 1), (std::vector<double>{5}));
  EXPECT_EQ(jenks_breaks({5, 1, 3}, 3), (std::vector<double>{1, 3, 5}));
  EXPECT_THROW(jenks_breaks({1, 2}, 3), InputError);
  EXPECT_THROW(jenks_breaks({}, 2), InputError);
  EXPECT_THROW(jenks_breaks({1, NAN, 3}, 2), InputError);
}

TEST(Jenks, LargeInputsRunInNLogNAndStayOptimalAgainstAPlainDynamicProgramme) {
  // A plain O(k·n²) programme on 2,000 values as the reference.
  std::mt19937 rng(4);
  std::lognormal_distribution<double> skewed(9, 1.2);
  std::vector<double> v(2000);
  for (double& x : v) x = std::round(skewed(rng));
  std::vector<double> s = v;
  std::sort(s.begin(), s.end());
  const int k = 5;
  const size_t n = s.size();
  std::vector<long double> p1(n + 1, 0), p2(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    p1[i + 1] = p1[i] + s[i];
    p2[i + 1] = p2[i] + (long double)s[i] * s[i];
  }
  auto cost = [&](size_t a, size_t b) { return (p2[b] - p2[a]) - (p1[b] - p1[a]) * (p1[b] - p1[a]) / (b - a); };
  std::vector<std::vector<long double>> d(k, std::vector<long double>(n + 1, 1e300));
  for (size_t l = 1; l <= n; ++l) d[0][l] = cost(0, l);
  for (int c = 1; c < k; ++c)
    for (size_t l = size_t(c) + 1; l <= n; ++l)
      for (size_t a = size_t(c); a < l; ++a) d[size_t(c)][l] = std::min(d[size_t(c)][l], d[size_t(c) - 1][a] + cost(a, l));
  const double ours = within_class_ss(v, classify(v, jenks_breaks(v, k)));
  EXPECT_NEAR(ours, double(d[k - 1][n]), 1e-9 * double(d[k - 1][n]));
}

TEST(Quantile, InterpolatesLikeQgis) {
  // n = 5, k = 4: positions i/4·(n−1) = 1, 2, 3 → values 2, 3, 4.
  EXPECT_EQ(quantile_breaks({5, 1, 4, 2, 3}, 4), (std::vector<double>{2, 3, 4, 5}));
  // n = 4, k = 2: position 1.5 → 2.5.
  EXPECT_EQ(quantile_breaks({1, 2, 3, 4}, 2), (std::vector<double>{2.5, 4}));
}

TEST(HeadTail, SplitsAtMeansWhileTheHeadIsSmall) {
  // 1..10 and 100: mean 14.09, head {100} = 1/11 ≤ 40 % → split; the head
  // has one value, so it stops: breaks {14.09, 100}.
  std::vector<double> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100};
  const std::vector<double> b = head_tail_breaks(v, 4);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_NEAR(b[0], 155.0 / 11.0, 1e-12);
  EXPECT_EQ(b[1], 100);
  // Uniform data: head 50 % > 40 % after the first split → stop there.
  EXPECT_EQ(head_tail_breaks({1, 2, 3, 4}, 4).size(), 2u);
  // A heavy tail: 1/r for r = 1..100 splits several times, capped at 3 classes.
  std::vector<double> zipf;
  for (int r = 1; r <= 100; ++r) zipf.push_back(1000.0 / r);
  EXPECT_EQ(head_tail_breaks(zipf, 3).size(), 3u);
}

TEST(FixedBreaks, ThresholdsMustIncreaseAndStayBelowTheMaximum) {
  EXPECT_EQ(fixed_breaks({0.1, 0.5, 0.9}, {0.2, 0.6}), (std::vector<double>{0.2, 0.6, 0.9}));
  EXPECT_THROW(fixed_breaks({0.1, 0.5, 0.9}, {0.6, 0.2}), InputError);
  EXPECT_THROW(fixed_breaks({0.1, 0.5, 0.9}, {0.95}), InputError);
  EXPECT_EQ(classify({0.1, 0.2, 0.5, 0.9}, {0.2, 0.6, 0.9}), (std::vector<int>{0, 0, 1, 2}));
}

TEST(Jenks, IntegerWeightsEqualRepeatedValues) {
  std::mt19937 rng(21);
  std::uniform_int_distribution<int> value(0, 200), weight(1, 4);
  for (int trial = 0; trial < 40; ++trial) {
    std::vector<double> v, w, repeated;
    for (int i = 0; i < 15; ++i) {
      v.push_back(value(rng));
      w.push_back(weight(rng));
      for (int r = 0; r < int(w.back()); ++r) repeated.push_back(v.back());
    }
    const int k = 2 + trial % 4;
    const std::vector<double> weighted = jenks_breaks(v, w, k);
    // Same least weighted SS as the repeated values' optimum.
    EXPECT_NEAR(within_class_ss(repeated, classify(repeated, weighted)),
                within_class_ss(repeated, classify(repeated, jenks_breaks(repeated, k))), 1e-9)
        << "trial " << trial;
  }
  EXPECT_THROW(jenks_breaks({1, 2, 3}, {1, 0, 1}, 2), InputError);
}
