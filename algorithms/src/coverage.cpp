#include "poleaxis/coverage.h"

#include <algorithm>
#include <atomic>
#include <limits>

#include "poleaxis/geodesic.h"
#include "poleaxis/sphere_index.h"

namespace poleaxis {

Coverage compute_coverage(const std::vector<Point>& centres, const std::vector<double>& radii_m,
                          const std::vector<Point>& points, const std::vector<double>& weights,
                          Feedback* feedback, unsigned workers) {
  Coverage out;
  out.demand.resize(points.size());
  out.demand_per_circle.assign(centres.size(), 0);
  out.weight_per_circle.assign(centres.size(), 0.0);
  const Geodesic& geod = Geodesic::wgs84();
  const SphereIndex index(centres);
  const double max_radius =
      centres.empty() ? 0.0 : *std::max_element(radii_m.begin(), radii_m.end());
  // Per point: the circles containing it; merged single-threaded afterwards so
  // the per-circle sums need no locks and do not depend on thread timing.
  std::vector<std::vector<size_t>> inside(points.size());
  std::atomic<size_t> done{0};

  parallel_for(points.size(), workers, [&](size_t p, unsigned) {
    if (p % 512 == 0) {
      throw_if_canceled(feedback);
      if (feedback) feedback->progress(100.0 * double(done) / double(points.size()));
    }
    ++done;
    DemandCover& cover = out.demand[p];
    if (centres.empty()) return;
    const Vec3 q = unit_vector(points[p]);
    index.within(q, max_radius * SphereIndex::kEllipsoidSlack, [&](size_t c) {
      if (geod.distance_m(centres[c], points[p]) <= radii_m[c]) inside[p].push_back(c);
    });
    std::sort(inside[p].begin(), inside[p].end());
    cover.n_cover = int(inside[p].size());
    // Nearest by chord, then every centre that could be nearer on the
    // ellipsoid, compared exactly (ties: lowest index).
    const size_t guess = index.nearest(q);
    double best = geod.distance_m(centres[guess], points[p]);
    long best_id = long(guess);
    index.within(q, best * SphereIndex::kEllipsoidSlack, [&](size_t c) {
      const double d = geod.distance_m(centres[c], points[p]);
      if (d < best || (d == best && long(c) < best_id)) {
        best = d;
        best_id = long(c);
      }
    });
    cover.nearest = best_id;
    cover.nearest_m = best;
  });

  for (size_t p = 0; p < points.size(); ++p) {
    const double w = weights.empty() ? 1.0 : weights[p];
    out.weight_total += w;
    if (!inside[p].empty()) {
      ++out.covered;
      out.weight_covered += w;
    }
    for (size_t c : inside[p]) {
      ++out.demand_per_circle[c];
      out.weight_per_circle[c] += w;
    }
  }
  if (feedback) feedback->progress(100.0);
  return out;
}

}  // namespace poleaxis
