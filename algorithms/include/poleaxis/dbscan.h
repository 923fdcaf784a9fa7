// DBSCAN (Ester et al. 1996) on lon/lat points with geodesic distances, in
// the formulation scikit-learn uses, so labels match it up to renumbering:
// a point's neighbourhood is every point within eps (itself included); a
// point is core when the weights in its neighbourhood sum to at least
// min_points; clusters grow from core points in index order, and a border
// point joins the first cluster that reaches it.
#pragma once

#include <cstddef>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/geo_types.h"
#include "poleaxis/parallel.h"
#include "poleaxis/town_space.h"

namespace poleaxis {

struct DbscanResult {
  std::vector<int> label;  // 0-based cluster, −1 noise
  std::vector<char> is_core;
  int clusters = 0;
};

// eps in metres (geodesic on geographic points, exact on the ellipsoid;
// planar otherwise); weights empty (1 each) or one per point, each >= 0 (a
// town counted as several points). Stores no neighbourhood: radius-query
// passes (core test that stops at min_points, core links by a concurrent
// union-find, border towns), all in parallel, O(n) memory. Throws InputError
// for eps <= 0, min_points <= 0 or a negative weight (item = point).
DbscanResult dbscan(const TownSpace& space, double eps_m, double min_points, const std::vector<double>& weights = {},
                    Feedback* feedback = nullptr, unsigned workers = worker_count());

// The same on neighbourhoods found another way (network distance): each
// point's neighbours within eps, itself included.
DbscanResult dbscan(const std::vector<std::vector<size_t>>& neighbours, double min_points,
                    const std::vector<double>& weights = {}, Feedback* feedback = nullptr);

}  // namespace poleaxis
