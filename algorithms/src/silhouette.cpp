#include "poleaxis/silhouette.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace poleaxis {

Silhouette silhouette(const TownSpace& space, const std::vector<int>& label, size_t sample_limit, uint64_t seed,
                      Feedback* feedback, unsigned workers) {
  Silhouette out;
  std::vector<size_t> clustered;
  int groups = 0;
  for (size_t i = 0; i < label.size(); ++i)
    if (label[i] >= 0) {
      clustered.push_back(i);
      groups = std::max(groups, label[i] + 1);
    }
  std::vector<size_t> size(size_t(groups), 0);
  for (size_t i : clustered) ++size[size_t(label[i])];
  const size_t nonempty = size_t(std::count_if(size.begin(), size.end(), [](size_t s) { return s > 0; }));
  if (nonempty < 2 || nonempty >= clustered.size()) return out;
  std::vector<size_t> sample = clustered;
  if (sample.size() > sample_limit) {
    std::mt19937_64 rng(seed);
    std::shuffle(sample.begin(), sample.end(), rng);
    sample.resize(sample_limit);
    std::sort(sample.begin(), sample.end());
    out.exact = false;
  }
  std::vector<double> s(sample.size(), 0);
  parallel_for(sample.size(), workers, [&](size_t k, unsigned) {
    if (k % 64 == 0) {
      throw_if_canceled(feedback);
      if (feedback && k % 1024 == 0) feedback->progress(100.0 * double(k) / double(sample.size()));
    }
    const size_t i = sample[k];
    const size_t own = size_t(label[i]);
    if (size[own] < 2) return;
    std::vector<double> sum(size.size(), 0);
    for (size_t j : clustered)
      if (j != i) sum[size_t(label[j])] += space.distance_m(i, j);
    const double a = sum[own] / double(size[own] - 1);
    double b = INFINITY;
    for (size_t c = 0; c < size.size(); ++c)
      if (c != own && size[c]) b = std::min(b, sum[c] / double(size[c]));
    const double m = std::max(a, b);
    s[k] = m > 0 ? (b - a) / m : 0.0;
  });
  out.sampled = sample.size();
  out.score = std::accumulate(s.begin(), s.end(), 0.0) / double(s.size());
  return out;
}

}  // namespace poleaxis
