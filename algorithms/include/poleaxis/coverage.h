// Which demand points (towns) lie within which service circles. Membership is
// by true geodesic distance, d(centre, point) <= radius, not by the circle's
// polygon (a 72-gon is up to r·(1 − cos 2.5°) ≈ 0.1 % of r inside the circle).
#pragma once

#include <cstddef>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/geo_types.h"
#include "poleaxis/parallel.h"

namespace poleaxis {

struct DemandCover {
  int n_cover = 0;         // circles containing the point (overlap count)
  long nearest = -1;       // nearest centre, covering or not (-1: no centres)
  double nearest_m = 0.0;  // its geodesic distance
};

struct Coverage {
  std::vector<DemandCover> demand;
  std::vector<size_t> demand_per_circle;  // points inside each circle
  std::vector<double> weight_per_circle;  // their summed weight
  size_t covered = 0;                     // points in at least one circle
  double weight_total = 0.0;
  double weight_covered = 0.0;
};

// centres/radii_m: the circles; points/weights: the demand (weights may be
// empty, meaning 1 each). Lon/lat degrees, WGS 84.
Coverage compute_coverage(const std::vector<Point>& centres, const std::vector<double>& radii_m,
                          const std::vector<Point>& points, const std::vector<double>& weights,
                          Feedback* feedback = nullptr, unsigned workers = worker_count());

}  // namespace poleaxis
