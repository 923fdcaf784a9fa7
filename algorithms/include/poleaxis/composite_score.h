// A town's composite centrality score from several indicators (population,
// GDP, revenue, built-up area, access...), each a benefit (more is better)
// or a cost (less is better).
#pragma once

#include <string>
#include <vector>

namespace poleaxis {

enum class Weighting { Entropy, Equal, Custom };
enum class Normalization { MinMax, ZScore };

struct Indicator {
  std::string name;
  std::vector<double> values;  // one per town, finite
  bool cost = false;
};

struct IndicatorWeight {
  std::string name;
  bool cost = false;
  bool constant = false;  // every town has the same value: carries no information
  double entropy = 1.0;   // e_j (entropy weighting; 1 for a constant indicator)
  double weight = 0.0;    // w_j, the weights sum to 1
};

struct CompositeScore {
  std::vector<IndicatorWeight> weights;
  std::vector<std::vector<double>> normalized;  // [indicator][town]
  std::vector<double> score;                    // Σ_j w_j·x'_ij
};

// Normalisation:
//   min-max  x' = (x − min)/(max − min) (benefit), (max − x)/(max − min) (cost);
//   z-score  x' = ±(x − mean)/sd (population sd), sign − for costs.
//   A constant indicator normalises to 0.
// Weights:
//   entropy  p_ij = x'_ij / Σ_i x'_ij on min-max values, e_j = −Σ_i p_ij ln p_ij / ln n
//            (0·ln 0 = 0), d_j = 1 − e_j, w_j = d_j / Σ d_j; a constant
//            indicator gets e_j = 1, w_j = 0;
//   equal    1/m for each of the m indicators that are not constant;
//   custom   as given (>= 0), rescaled to sum 1.
// Throws InputError: no indicator, towns < 2, value counts differ, NaN,
// negative custom weight, weights summing to 0, every indicator constant.
CompositeScore composite_score(const std::vector<Indicator>& indicators, Weighting weighting,
                               Normalization normalization, const std::vector<double>& custom_weights = {});

// Parses "pop=0.5;gdp=0.3;..." into weights in the order of `names`.
// Throws InputError naming a missing, unknown, repeated or non-numeric entry.
std::vector<double> parse_weights(const std::string& text, const std::vector<std::string>& names);

}  // namespace poleaxis
