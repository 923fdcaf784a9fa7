// City-size distribution of a town system: the rank-size (Zipf) rule,
// primacy indices and the Gini coefficient of population.
#pragma once

#include <cstddef>
#include <vector>

namespace poleaxis {

struct RankSize {
  size_t used = 0;              // towns with population > 0
  size_t zero = 0;              // towns with population 0 (unknown in GeoNames), left out
  std::vector<double> sorted;   // used populations, largest first (rank r = index + 1)
  // ln P_r = ln P1 − q·ln r by least squares over all used towns.
  double q = 0.0;
  double ln_p1 = 0.0;           // fitted intercept; exp(ln_p1) is the fitted P1
  double r2 = 0.0;
  // Primacy: S2 = P1/P2, S4 = P1/(P2+P3+P4), S11 = 2·P1/(P2+…+P11); NaN when
  // there are too few towns. The rank-size rule gives S2 = 2, S4 ≈ 0.92, S11 ≈ 0.99.
  double s2 = 0.0, s4 = 0.0, s11 = 0.0;
  // Gini of the used populations: Σ_i Σ_j |P_i − P_j| / (2 n² mean).
  double gini = 0.0;
};

// Throws InputError for a negative population (naming its index) or fewer
// than 3 towns with population > 0.
RankSize rank_size(const std::vector<double>& populations);

}  // namespace poleaxis
