// Entropy weights and scores worked by hand on a 3-town matrix.
#include <gtest/gtest.h>

#include <cmath>

#include "poleaxis/composite_score.h"
#include "poleaxis/feedback.h"

using namespace poleaxis;

namespace {
// A (benefit) 1, 2, 3 → min-max 0, ½, 1 → p 0, ⅓, ⅔ → e_A = 1 − (⅔ ln 2)/ln 3.
// B (cost) 10, 10, 40 → (40 − x)/30 = 1, 1, 0 → p ½, ½, 0 → e_B = ln 2/ln 3.
std::vector<Indicator> matrix() { return {{"A", {1, 2, 3}, false}, {"B", {10, 10, 40}, true}}; }
const double kEA = 1 - (2.0 / 3.0) * std::log(2.0) / std::log(3.0);
const double kEB = std::log(2.0) / std::log(3.0);
}  // namespace

TEST(EntropyWeights, MatchTheHandWorkedMatrix) {
  const CompositeScore s = composite_score(matrix(), Weighting::Entropy, Normalization::MinMax);
  const double dA = 1 - kEA, dB = 1 - kEB;
  EXPECT_NEAR(s.weights[0].entropy, kEA, 1e-12);
  EXPECT_NEAR(s.weights[1].entropy, kEB, 1e-12);
  EXPECT_NEAR(s.weights[0].weight, dA / (dA + dB), 1e-12);
  EXPECT_NEAR(s.weights[1].weight, dB / (dA + dB), 1e-12);
  EXPECT_NEAR(s.normalized[1][2], 0.0, 1e-15);  // the costliest town
  // Scores: town 1 = w_B·1, town 2 = w_A·½ + w_B·1, town 3 = w_A·1.
  EXPECT_NEAR(s.score[0], s.weights[1].weight, 1e-12);
  EXPECT_NEAR(s.score[1], 0.5 * s.weights[0].weight + s.weights[1].weight, 1e-12);
  EXPECT_NEAR(s.score[2], s.weights[0].weight, 1e-12);
}

TEST(EntropyWeights, ConstantIndicatorGetsWeightZeroNotNan) {
  std::vector<Indicator> m = matrix();
  m.push_back({"C", {7, 7, 7}, false});
  const CompositeScore s = composite_score(m, Weighting::Entropy, Normalization::MinMax);
  EXPECT_TRUE(s.weights[2].constant);
  EXPECT_EQ(s.weights[2].weight, 0.0);
  EXPECT_EQ(s.weights[2].entropy, 1.0);
  EXPECT_NEAR(s.weights[0].weight + s.weights[1].weight, 1.0, 1e-12);
  for (double v : s.score) EXPECT_TRUE(std::isfinite(v));
  // Every indicator constant: nothing to rank by.
  EXPECT_THROW(composite_score({{"C", {7, 7, 7}, false}}, Weighting::Entropy, Normalization::MinMax), InputError);
}

TEST(CompositeScore, EqualCustomAndZScore) {
  const CompositeScore equal = composite_score(matrix(), Weighting::Equal, Normalization::MinMax);
  EXPECT_DOUBLE_EQ(equal.weights[0].weight, 0.5);
  EXPECT_DOUBLE_EQ(equal.score[1], 0.5 * 0.5 + 0.5 * 1.0);

  const CompositeScore custom = composite_score(matrix(), Weighting::Custom, Normalization::MinMax, {3, 1});
  EXPECT_DOUBLE_EQ(custom.weights[0].weight, 0.75);
  EXPECT_THROW(composite_score(matrix(), Weighting::Custom, Normalization::MinMax, {-1, 1}), InputError);
  EXPECT_THROW(composite_score(matrix(), Weighting::Custom, Normalization::MinMax, {0, 0}), InputError);

  // z-scores with population sd: A = (−1, 0, 1)/√(2/3); B (cost) = −(x − 20)/√200.
  const CompositeScore z = composite_score(matrix(), Weighting::Equal, Normalization::ZScore);
  EXPECT_NEAR(z.normalized[0][0], -1 / std::sqrt(2.0 / 3.0), 1e-12);
  EXPECT_NEAR(z.normalized[1][2], -20 / std::sqrt(200.0), 1e-12);
}

TEST(CompositeScore, BadInput) {
  EXPECT_THROW(composite_score({}, Weighting::Entropy, Normalization::MinMax), InputError);
  EXPECT_THROW(composite_score({{"A", {1}, false}}, Weighting::Entropy, Normalization::MinMax), InputError);
  EXPECT_THROW(composite_score({{"A", {1, NAN}, false}}, Weighting::Entropy, Normalization::MinMax), InputError);
}

TEST(ParseWeights, OrderedByIndicatorAndStrict) {
  EXPECT_EQ(parse_weights("gdp=0.3; pop=0.5", {"pop", "gdp"}), (std::vector<double>{0.5, 0.3}));
  EXPECT_THROW(parse_weights("pop=0.5", {"pop", "gdp"}), InputError);          // missing gdp
  EXPECT_THROW(parse_weights("pop=0.5;gdp=x", {"pop", "gdp"}), InputError);    // not a number
  EXPECT_THROW(parse_weights("pop=0.5;area=1", {"pop"}), InputError);          // unknown
  EXPECT_THROW(parse_weights("pop=0.5;pop=0.1", {"pop"}), InputError);         // twice
}
