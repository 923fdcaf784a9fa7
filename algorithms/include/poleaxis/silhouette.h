// Mean silhouette width (Rousseeuw 1987) of a flat clustering:
// s(i) = (b − a) / max(a, b), a the mean distance from i to the rest of its
// group, b the smallest mean distance to another group; s(i) = 0 for a town
// alone in its group. Noise (label < 0) takes no part, as a group or as a point.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/parallel.h"
#include "poleaxis/town_space.h"

namespace poleaxis {

struct Silhouette {
  double score = NAN;  // NaN with fewer than 2 groups or no grouped town in a group of its own
  size_t sampled = 0;  // towns whose s(i) was averaged
  bool exact = true;   // false when a sample stood for all towns
};

// Every clustered town when there are at most sample_limit of them (each
// against all others, O(n²) time, O(n) memory); above, a uniform sample of
// sample_limit towns drawn with std::mt19937_64(seed), each still against all
// towns, as scikit-learn's silhouette_score(sample_size=…) does.
Silhouette silhouette(const TownSpace& space, const std::vector<int>& label, size_t sample_limit = 4000,
                      uint64_t seed = 0, Feedback* feedback = nullptr, unsigned workers = worker_count());

}  // namespace poleaxis
