#include "poleaxis/dbscan.h"

#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

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

namespace {
// Union-find over point ids that several threads may link at once: a root
// only ever gains a parent by compare-and-swap, always a smaller id, so every
// tree's root is its smallest member — the point scikit-learn's expansion
// would start that cluster from.
class ConcurrentForest {
 public:
  explicit ConcurrentForest(size_t n) : parent_(n) {
    for (size_t i = 0; i < n; ++i) parent_[i].store(uint32_t(i), std::memory_order_relaxed);
  }
  uint32_t find(uint32_t x) {
    while (true) {
      const uint32_t p = parent_[x].load(std::memory_order_relaxed);
      if (p == x) return x;
      const uint32_t g = parent_[p].load(std::memory_order_relaxed);
      if (g != p) parent_[x].store(g, std::memory_order_relaxed);  // halving: g is still an ancestor
      x = g;
    }
  }
  void unite(uint32_t a, uint32_t b) {
    while (true) {
      a = find(a);
      b = find(b);
      if (a == b) return;
      if (a > b) std::swap(a, b);
      uint32_t expected = b;
      if (parent_[b].compare_exchange_weak(expected, a, std::memory_order_acq_rel)) return;
    }
  }

 private:
  std::vector<std::atomic<uint32_t>> parent_;
};
}  // namespace

DbscanResult dbscan(const TownSpace& space, double eps_m, double min_points, const std::vector<double>& weights,
                    Feedback* feedback, unsigned workers) {
  if (!(eps_m > 0) || !std::isfinite(eps_m)) throw InputError("eps must be a positive distance");
  const size_t n = space.size();
  check_weights(weights, n, min_points);
  if (n >= size_t(std::numeric_limits<uint32_t>::max())) throw InputError("too many points");
  // Three passes over radius queries, none storing a neighbourhood: core test
  // (stops counting at min_points), core–core links, border points.
  DbscanResult out;
  out.is_core.assign(n, 0);
  std::atomic<size_t> done{0};
  auto pass = [&](double from, double to, auto&& body) {
    parallel_for(n, workers, [&](size_t i, unsigned) {
      if (i % 2048 == 0) {
        throw_if_canceled(feedback);
        if (feedback) feedback->progress(from + (to - from) * double(done) / double(n));
      }
      ++done;
      body(i);
    });
    done = 0;
  };
  pass(0, 30, [&](size_t i) {
    double weight = 0;
    space.within(i, eps_m, [&](size_t j) {
      weight += weights.empty() ? 1.0 : weights[j];
      return weight >= min_points;
    });
    out.is_core[i] = weight >= min_points;
  });
  ConcurrentForest forest(n);
  pass(30, 75, [&](size_t i) {
    if (!out.is_core[i]) return;
    space.within(i, eps_m, [&](size_t j) {
      if (j < i && out.is_core[j]) forest.unite(uint32_t(i), uint32_t(j));
    });
  });
  // Clusters numbered by their smallest core point; a border point joins the
  // cluster with the smallest such start among its core neighbours.
  std::vector<int> cluster_of_root(n, -1);
  out.label.assign(n, -1);
  for (size_t i = 0; i < n; ++i)
    if (out.is_core[i]) {
      const uint32_t root = forest.find(uint32_t(i));
      if (root == i) cluster_of_root[i] = out.clusters++;
      out.label[i] = cluster_of_root[root];
    }
  pass(75, 100, [&](size_t i) {
    if (out.is_core[i]) return;
    uint32_t best = std::numeric_limits<uint32_t>::max();
    space.within(i, eps_m, [&](size_t j) {
      if (out.is_core[j]) best = std::min(best, forest.find(uint32_t(j)));
    });
    if (best != std::numeric_limits<uint32_t>::max()) out.label[i] = cluster_of_root[best];
  });
  if (feedback) feedback->progress(100);
  return out;
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
