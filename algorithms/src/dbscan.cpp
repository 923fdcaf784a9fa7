#include "poleaxis/dbscan.h"

#include <atomic>
#include <cmath>
#include <string>

#include "poleaxis/geodesic.h"
#include "poleaxis/sphere_index.h"

namespace poleaxis {

DbscanResult dbscan(const std::vector<Point>& points, double eps_m, double min_points, const std::vector<double>& weights,
                    Feedback* feedback, unsigned workers) {
  if (!(eps_m > 0) || !std::isfinite(eps_m)) throw InputError("eps must be a positive distance");
  if (!(min_points > 0) || !std::isfinite(min_points)) throw InputError("the minimum number of points must be > 0");
  const size_t n = points.size();
  if (!weights.empty() && weights.size() != n) throw InputError("give one weight per point");
  for (size_t i = 0; i < weights.size(); ++i)
    if (!(weights[i] >= 0) || !std::isfinite(weights[i])) throw InputError("weight " + std::to_string(weights[i]) + " is negative or not a number", long(i));

  // Neighbourhoods, in parallel: kd-tree candidates, exact geodesic check.
  const SphereIndex index(points);
  const Geodesic& geod = Geodesic::wgs84();
  std::vector<std::vector<size_t>> neighbours(n);
  DbscanResult out;
  out.is_core.assign(n, 0);
  std::atomic<size_t> done{0};
  ProgressSlice finding(feedback, 0, 80);
  parallel_for(n, workers, [&](size_t i, unsigned) {
    if (i % 1024 == 0) {
      throw_if_canceled(feedback);
      finding.progress(100.0 * double(done) / double(n));
    }
    ++done;
    double weight = 0;
    index.within(index.vector(i), eps_m * SphereIndex::kEllipsoidSlack, [&](size_t j) {
      if (j == i || geod.distance_m(points[i], points[j]) <= eps_m) {
        neighbours[i].push_back(j);
        weight += weights.empty() ? 1.0 : weights[j];
      }
    });
    out.is_core[i] = weight >= min_points;
  });

  // Expansion in index order, depth first, as scikit-learn's dbscan_inner.
  out.label.assign(n, -1);
  std::vector<size_t> stack;
  for (size_t start = 0; start < n; ++start) {
    if (out.label[start] != -1 || !out.is_core[start]) continue;
    size_t i = start;
    while (true) {
      if (out.label[i] == -1) {
        out.label[i] = out.clusters;
        if (out.is_core[i])
          for (size_t j : neighbours[i])
            if (out.label[j] == -1) stack.push_back(j);
      }
      if (stack.empty()) break;
      i = stack.back();
      stack.pop_back();
    }
    ++out.clusters;
    if (start % 4096 == 0) throw_if_canceled(feedback);
  }
  if (feedback) feedback->progress(100);
  return out;
}

}  // namespace poleaxis
