#include "poleaxis/dbscan.h"

#include <cmath>
#include <string>

namespace poleaxis {

namespace {
void check_weights(const std::vector<double>& weights, size_t n, double min_points) {
  if (!(min_points > 0) || !std::isfinite(min_points)) throw InputError("the minimum number of points must be > 0");
  if (!weights.empty() && weights.size() != n) throw InputError("give one weight per point");
  for (size_t i = 0; i < weights.size(); ++i)
    if (!(weights[i] >= 0) || !std::isfinite(weights[i]))
      throw InputError("weight " + std::to_string(weights[i]) + " is negative or not a number", long(i));
}
}  // namespace

DbscanResult dbscan(const TownSpace& space, double eps_m, double min_points, const std::vector<double>& weights,
                    Feedback* feedback, unsigned workers) {
  if (!(eps_m > 0) || !std::isfinite(eps_m)) throw InputError("eps must be a positive distance");
  check_weights(weights, space.size(), min_points);
  ProgressSlice finding(feedback, 0, 80);
  const std::vector<std::vector<size_t>> neighbours = neighbourhoods(space, eps_m, &finding, workers);
  ProgressSlice expanding(feedback, 80, 100);
  return dbscan(neighbours, min_points, weights, &expanding);
}

DbscanResult dbscan(const std::vector<std::vector<size_t>>& neighbours, double min_points,
                    const std::vector<double>& weights, Feedback* feedback) {
  const size_t n = neighbours.size();
  check_weights(weights, n, min_points);
  DbscanResult out;
  out.is_core.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    double weight = 0;
    for (size_t j : neighbours[i]) weight += weights.empty() ? 1.0 : weights[j];
    out.is_core[i] = weight >= min_points;
  }
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
