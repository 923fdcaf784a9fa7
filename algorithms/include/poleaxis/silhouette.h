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

// Every clustered town when there are at most sample_limit of them. Above, a
// uniform sample drawn with std::mt19937_64(seed) of at most sample_limit
// towns — fewer (never under min(sample_limit, 200)) when the groups are so
// large that the sample would take more than `distance_budget` ellipsoidal
// distances (a planar distance counts 1/50), about a second on one core —
// each s(i) still exact against all towns (an unbiased estimate of the full
// score, unlike scikit-learn's sample_size, which scores the sample alone).
//
// s(i) is exact without visiting every group: the mean distance from i to a
// group is at least the distance from i to the group's centroid (Jensen; on
// the ellipsoid through unit vectors, chord ≤ arc and the index's ellipsoid
// slack), so groups are tried nearest centroid first and the search stops
// when that bound passes the best mean found.
Silhouette silhouette(const TownSpace& space, const std::vector<int>& label, size_t sample_limit = 4000,
                      uint64_t seed = 0, Feedback* feedback = nullptr, unsigned workers = worker_count(),
                      double distance_budget = 1.5e6);

}  // namespace poleaxis
