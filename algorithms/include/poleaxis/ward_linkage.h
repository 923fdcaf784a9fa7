// Ward linkage on planar points without a distance matrix (O(n) memory).
// Ward's merge cost depends only on the clusters' centroids and sizes:
//   d(A, B) = sqrt(2 |A| |B| / (|A| + |B|)) · ‖c_A − c_B‖,
// the height SciPy's linkage(X, 'ward') reports (for two points, their
// distance). Ward is reducible, so the nearest-neighbour chain (Müllner 2011)
// gives the exact hierarchy; each nearest-cluster query searches a uniform
// grid over the active centroids ring by ring and stops once no farther ring
// can beat the best: any B is at least sqrt(2|A| / (|A| + 1)) · ‖c_A − c_B‖
// away (the factor grows with |B|). The grid is rebuilt coarser as clusters
// merge. Ties go as in the matrix version (and SciPy): the chain's previous
// cluster first, then the lowest slot; the merged cluster lives on in the
// higher slot, and merges are returned stably sorted by height.
#pragma once

#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/geo_types.h"
#include "poleaxis/hierarchical.h"

namespace poleaxis {

// xy: planar coordinates in metres (finite). The n − 1 merges, lowest first.
std::vector<Merge> ward_linkage(const std::vector<Point>& xy, Feedback* feedback = nullptr);

}  // namespace poleaxis
