#include "poleaxis/dbscan.h"

#include <algorithm>
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

// Cells in the index's frame (planar metres, or unit vectors on the mapped
// sphere) small enough that any two points in one cell are within eps: a
// cell holding min_points makes all its points core without a query, and
// its core points are one cluster without checking a pair (Gunawan's grid
// DBSCAN). Cells are runs of points sorted by cell key.
class CellGrid {
 public:
  CellGrid(const TownSpace& space, double eps_m) {
    const bool geographic = space.geographic();
    dims_ = geographic ? 3 : 2;
    if (geographic) {
      // Ellipsoidal distances exceed those on the mean sphere by less than
      // 0.6 % (SphereIndex::kEllipsoidSlack, 1 %); 2 % more keeps every
      // pair in a cell within eps on the ellipsoid.
      const double angle = eps_m / (1.02 * SphereIndex::kEllipsoidSlack * kMeanEarthRadiusM);
      side_ = (angle >= M_PI ? 2.0 : 2.0 * std::sin(angle / 2.0)) / std::sqrt(3.0);
      // A cell's points may pair with points up to this chord away.
      reach_ = std::sqrt(space.index_bound2(eps_m));
    } else {
      side_ = eps_m / std::sqrt(2.0);
      reach_ = eps_m;
    }
    side_ *= 1.0 - 1e-9;  // rounding in the distance must not undo "within eps"
    const size_t n = space.size();
    std::vector<std::pair<uint64_t, uint32_t>> keyed(n);
    for (size_t i = 0; i < n; ++i) {
      const Vec3& v = space.index().vector(i);
      const long long c[3] = {cell(v.x), cell(v.y), dims_ == 3 ? cell(v.z) : 0};
      for (long long k : c)
        if (k < -kHalf || k >= kHalf) return;  // eps too small for 21-bit cell numbers: no grid
      keyed[i] = {key(c[0], c[1], c[2]), uint32_t(i)};
    }
    std::sort(keyed.begin(), keyed.end());
    order_.resize(n);
    for (size_t i = 0; i < n; ++i) {
      order_[i] = keyed[i].second;
      if (i == 0 || keyed[i].first != keyed[i - 1].first) {
        start_.push_back(uint32_t(i));
        keys_.push_back(keyed[i].first);
      }
    }
    start_.push_back(uint32_t(n));
    // Neighbour cells lie at most this many cells away on each axis.
    span_ = long(std::ceil(reach_ / side_));
    usable_ = span_ <= 4;  // else eps spans too many cells for the stencil to pay
  }
  bool usable() const { return usable_; }
  size_t cells() const { return keys_.size(); }
  // Points of cell c.
  const uint32_t* begin(size_t c) const { return order_.data() + start_[c]; }
  const uint32_t* end(size_t c) const { return order_.data() + start_[c + 1]; }
  // visit(d) for every other cell d > c that may hold a point within eps of c's.
  template <class Visit>
  void later_neighbours(size_t c, Visit&& visit) const {
    long long x, y, z;
    unpack(keys_[c], x, y, z);
    const long dz = dims_ == 3 ? span_ : 0;
    for (long long i = x - span_; i <= x + span_; ++i)
      for (long long j = y - span_; j <= y + span_; ++j)
        for (long long k = z - dz; k <= z + dz; ++k) {
          if (i < -kHalf || j < -kHalf || k < -kHalf || i >= kHalf || j >= kHalf || k >= kHalf) continue;
          const uint64_t other = key(i, j, k);
          if (other <= keys_[c]) continue;
          const auto at = std::lower_bound(keys_.begin(), keys_.end(), other);
          if (at != keys_.end() && *at == other) visit(size_t(at - keys_.begin()));
        }
  }

 private:
  static constexpr long long kHalf = 1LL << 20;
  long long cell(double v) const { return (long long)std::floor(v / side_); }
  static uint64_t key(long long x, long long y, long long z) {
    return (uint64_t(x + kHalf) << 42) | (uint64_t(y + kHalf) << 21) | uint64_t(z + kHalf);
  }
  static void unpack(uint64_t k, long long& x, long long& y, long long& z) {
    x = (long long)(k >> 42) - kHalf, y = (long long)((k >> 21) & ((1u << 21) - 1)) - kHalf, z = (long long)(k & ((1u << 21) - 1)) - kHalf;
  }

  int dims_ = 2;
  double side_ = 1, reach_ = 1;
  long span_ = 0;
  bool usable_ = false;
  std::vector<uint32_t> order_, start_;
  std::vector<uint64_t> keys_;
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
  const CellGrid grid(space, eps_m);
  // A cell whose weights reach min_points: each of its points has the whole
  // cell within eps, so all are core without a query.
  for (size_t c = 0; grid.usable() && c < grid.cells(); ++c) {
    double weight = 0;
    for (const uint32_t* i = grid.begin(c); i != grid.end(c); ++i) weight += weights.empty() ? 1.0 : weights[*i];
    if (weight >= min_points)
      for (const uint32_t* i = grid.begin(c); i != grid.end(c); ++i) out.is_core[*i] = 1;
  }
  pass(0, 30, [&](size_t i) {
    if (out.is_core[i]) return;  // in a dense cell
    double weight = 0;
    space.within(i, eps_m, [&](size_t j) {
      weight += weights.empty() ? 1.0 : weights[j];
      return weight >= min_points;
    });
    out.is_core[i] = weight >= min_points;
  });
  ConcurrentForest forest(n);
  if (grid.usable()) {
    // Core points of one cell are within eps of each other; across cells
    // one core pair within eps joins the two, and a pair of cells already
    // joined needs no look. Components equal those of every core pair.
    // Each cell's first core point, its representative.
    constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
    std::vector<uint32_t> firstCore(grid.cells(), kNone);
    for (size_t c = 0; c < grid.cells(); ++c)
      for (const uint32_t* i = grid.begin(c); i != grid.end(c) && firstCore[c] == kNone; ++i)
        if (out.is_core[*i]) firstCore[c] = *i;
    parallel_for(grid.cells(), workers, [&](size_t c, unsigned) {
      if (c % 1024 == 0) {
        throw_if_canceled(feedback);
        if (feedback) feedback->progress(30 + 45 * double(c) / double(grid.cells()));
      }
      const uint32_t first = firstCore[c];
      if (first == kNone) return;
      for (const uint32_t* i = grid.begin(c); i != grid.end(c); ++i)
        if (out.is_core[*i] && *i != first) forest.unite(first, *i);
      grid.later_neighbours(c, [&](size_t d) {
        if (firstCore[d] == kNone || forest.find(first) == forest.find(firstCore[d])) return;
        for (const uint32_t* i = grid.begin(c); i != grid.end(c); ++i) {
          if (!out.is_core[*i]) continue;
          for (const uint32_t* j = grid.begin(d); j != grid.end(d); ++j)
            if (out.is_core[*j] && space.distance_m(*i, *j) <= eps_m) {
              forest.unite(*i, *j);
              return;
            }
        }
      });
    });
  } else {
    pass(30, 75, [&](size_t i) {
      if (!out.is_core[i]) return;
      space.within(i, eps_m, [&](size_t j) {
        if (j < i && out.is_core[j]) forest.unite(uint32_t(i), uint32_t(j));
      });
    });
  }
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
