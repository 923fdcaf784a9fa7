#include "poleaxis/silhouette.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <random>
#include <utility>

namespace poleaxis {

namespace {
constexpr size_t kMinimumSample = 200;

// Sum of the planar distances from (x, y) to count points. On x86-64 a
// four-lane AVX2 copy is chosen at load time where the processor has it.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
double planar_distance_sum(const double* px, const double* py, size_t count, double x, double y) {
  double sum = 0;
#pragma omp simd reduction(+ : sum)
  for (size_t j = 0; j < count; ++j) {
    const double dx = px[j] - x, dy = py[j] - y;
    sum += std::sqrt(dx * dx + dy * dy);
  }
  return sum;
}
}  // namespace

Silhouette silhouette(const TownSpace& space, const std::vector<int>& label, size_t sample_limit, uint64_t seed,
                      Feedback* feedback, unsigned workers, double distance_budget) {
  Silhouette out;
  int groups = 0;
  for (int l : label) groups = std::max(groups, l + 1);
  std::vector<std::vector<size_t>> members(static_cast<size_t>(groups));
  std::vector<size_t> clustered;
  for (size_t i = 0; i < label.size(); ++i)
    if (label[i] >= 0) {
      clustered.push_back(i);
      members[size_t(label[i])].push_back(i);
    }
  std::vector<size_t> nonempty;
  for (size_t c = 0; c < members.size(); ++c)
    if (!members[c].empty()) nonempty.push_back(c);
  if (nonempty.size() < 2 || nonempty.size() >= clustered.size()) return out;

  // A town's own group is its expected cost; the nearest other groups about as much again.
  double own_cost = 0;
  for (size_t c : nonempty) own_cost += double(members[c].size()) * double(members[c].size());
  // A planar distance costs about a fiftieth of an ellipsoidal one.
  own_cost = (space.geographic() ? 2.0 : 0.04) * own_cost / double(clustered.size());
  size_t sample_size = clustered.size();
  if (sample_size > sample_limit) {
    sample_size = std::min(sample_limit, std::max(std::min(sample_limit, kMinimumSample), size_t(distance_budget / own_cost)));
    out.exact = false;
  }
  std::vector<size_t> sample = clustered;
  if (!out.exact) {
    std::mt19937_64 rng(seed);
    std::shuffle(sample.begin(), sample.end(), rng);
    sample.resize(sample_size);
    std::sort(sample.begin(), sample.end());
  }

  // Centroid of each group in the index's frame; bound_scale turns a frame
  // distance into a lower bound in metres.
  const SphereIndex& index = space.index();
  std::vector<Vec3> centroid(members.size(), Vec3{0, 0, 0});
  for (size_t c : nonempty) {
    Vec3 sum{0, 0, 0};
    for (size_t j : members[c]) {
      const Vec3& v = index.vector(j);
      sum = {sum.x + v.x, sum.y + v.y, sum.z + v.z};
    }
    const double k = 1.0 / double(members[c].size());
    centroid[c] = {sum.x * k, sum.y * k, sum.z * k};
  }
  const double bound_scale = space.geographic() ? kMeanEarthRadiusM / SphereIndex::kEllipsoidSlack : 1.0;
  // Planar: each group's coordinates side by side, so a town's distance sum
  // over a group is one loop the compiler vectorises (sqrt included), where
  // reading the members through their indices was most of the run.
  std::vector<double> gx, gy;
  std::vector<size_t> first(members.size() + 1, 0);
  if (!space.geographic()) {
    gx.reserve(clustered.size()), gy.reserve(clustered.size());
    for (size_t c = 0; c < members.size(); ++c) {
      first[c] = gx.size();
      for (size_t j : members[c]) gx.push_back(space.points()[j].x), gy.push_back(space.points()[j].y);
    }
    first[members.size()] = gx.size();
  }
  auto mean_distance = [&](size_t i, size_t c) {
    double sum = 0;
    if (space.geographic()) {
      for (size_t j : members[c]) sum += space.distance_m(i, j);
      return sum;
    }
    return planar_distance_sum(gx.data() + first[c], gy.data() + first[c], first[c + 1] - first[c], space.points()[i].x,
                               space.points()[i].y);
  };

  std::vector<double> s(sample.size(), 0);
  std::vector<std::vector<std::pair<double, size_t>>> order(std::max(1u, workers));
  parallel_for(sample.size(), workers, [&](size_t k, unsigned worker) {
    if (k % 64 == 0) {
      throw_if_canceled(feedback);
      if (feedback && k % 1024 == 0) feedback->progress(100.0 * double(k) / double(sample.size()));
    }
    const size_t i = sample[k];
    const size_t own = size_t(label[i]);
    if (members[own].size() < 2) return;
    const double a = mean_distance(i, own) / double(members[own].size() - 1);
    std::vector<std::pair<double, size_t>>& nearest = order[worker];
    nearest.clear();
    const Vec3& v = index.vector(i);
    for (size_t c : nonempty)
      if (c != own) nearest.push_back({bound_scale * std::sqrt(chord2(v, centroid[c])), c});
    // Groups in order of their bound, taken from a heap as needed: most
    // towns stop after a few groups, so sorting them all was wasted.
    std::make_heap(nearest.begin(), nearest.end(), std::greater<>());
    double b = INFINITY;
    for (auto end = nearest.end(); end != nearest.begin(); --end) {
      std::pop_heap(nearest.begin(), end, std::greater<>());
      const auto& [bound, c] = *(end - 1);
      if (bound >= b) break;
      b = std::min(b, mean_distance(i, c) / double(members[c].size()));
    }
    const double m = std::max(a, b);
    s[k] = m > 0 ? (b - a) / m : 0.0;
  });
  out.sampled = sample.size();
  out.score = std::accumulate(s.begin(), s.end(), 0.0) / double(s.size());
  return out;
}

}  // namespace poleaxis
