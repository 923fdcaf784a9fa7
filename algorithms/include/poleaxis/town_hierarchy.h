// Ranking towns into a hierarchy and picking growth poles (增长极): composite
// score → rank → levels (1 = top) → poles.
#pragma once

#include <vector>

#include "poleaxis/composite_score.h"

namespace poleaxis {

enum class Classification { Jenks, Quantile, HeadTail, Fixed };
enum class PoleRule { TopLevel, TopN, ScoreThreshold, Level };

struct HierarchyRequest {
  std::vector<Indicator> indicators;
  Weighting weighting = Weighting::Entropy;
  std::vector<double> custom_weights;
  Normalization normalization = Normalization::MinMax;
  int levels = 4;
  Classification classification = Classification::Jenks;
  std::vector<double> thresholds;  // Fixed: score thresholds, increasing
  PoleRule pole_rule = PoleRule::TopLevel;
  int top_n = 5;
  double score_min = 0.5;
  std::vector<char> forced_pole;  // optional, one per town: a pole whatever its score
  // Levels given per town (1 = top), e.g. from an administrative kind, when
  // towns have no population: then no classification runs, the indicators
  // (optional) only rank towns within their level, and `levels` is the
  // largest given level.
  std::vector<int> given_levels;
  int pole_level = 2;  // PoleRule::Level: every town of this level
};

struct HierarchyResult {
  CompositeScore score;
  // 1 = highest score; equal scores keep the input order (the first town
  // gets the better rank), so results never depend on sorting internals.
  std::vector<int> rank;
  std::vector<int> level;     // 1 = top
  std::vector<char> is_pole;
  std::vector<double> breaks;  // score class upper bounds, ascending: breaks[0] bounds the lowest level
  std::vector<size_t> level_counts;  // [level − 1]
  int levels = 0;                    // head/tail may give fewer than asked
  double gvf = 0.0;                  // goodness of variance fit, 1 − SDCM/SDAM
};

// Throws InputError for bad indicators or weights (see composite_score), fewer
// towns than levels, levels < 2, top N < 1, a given level < 1 (item = town),
// given levels whose count differs from the indicators'.
HierarchyResult town_hierarchy(const HierarchyRequest& request);

}  // namespace poleaxis
