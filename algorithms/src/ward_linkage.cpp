#include "poleaxis/ward_linkage.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "poleaxis/polygon_ops.h"  // Bounds

namespace poleaxis {

namespace {

// Active cluster centroids bucketed in a uniform grid over the points' frame
// (centroids never leave it: they are convex combinations of the points).
class CentroidGrid {
 public:
  CentroidGrid(const Bounds& frame, const std::vector<Point>& centroid) : frame_(frame), centroid_(centroid) {}

  // Buckets `active` in cells sized for about one cluster per cell.
  void rebuild(const std::vector<uint32_t>& active) {
    const double w = std::max(frame_.xmax - frame_.xmin, 0.0), h = std::max(frame_.ymax - frame_.ymin, 0.0);
    const double count = double(std::max<size_t>(active.size(), 1));
    double cell = std::sqrt(std::max(w * h, 0.0) / count);
    if (!(cell > 0)) cell = std::max(w, h) / count;  // points on a line
    if (!(cell > 0)) cell = 1.0;                     // all points equal
    cell_ = cell;
    cols_ = std::max<long>(1, long(std::floor(w / cell)) + 1);
    rows_ = std::max<long>(1, long(std::floor(h / cell)) + 1);
    cells_.assign(size_t(cols_ * rows_), {});
    slot_.assign(centroid_.size(), {-1, 0});
    for (uint32_t c : active) insert(c);
    built_for_ = active.size();
  }
  size_t built_for() const { return built_for_; }

  void insert(uint32_t c) {
    const long k = cell_of(centroid_[c]);
    slot_[c] = {k, uint32_t(cells_[size_t(k)].size())};
    cells_[size_t(k)].push_back(c);
  }
  void erase(uint32_t c) {
    auto [k, at] = slot_[c];
    std::vector<uint32_t>& bucket = cells_[size_t(k)];
    const uint32_t last = bucket.back();
    bucket[at] = last;
    slot_[last].second = at;
    bucket.pop_back();
    slot_[c] = {-1, 0};
  }

  // visit(c) for every cluster in the cells at Chebyshev ring r around p's
  // cell; false once the ring lies wholly outside the grid.
  template <class Visit>
  bool ring(Point p, long r, Visit&& visit) const {
    const long cx = col(p.x), cy = row(p.y);
    if (cx - r < 0 && cy - r < 0 && cx + r >= cols_ && cy + r >= rows_) return false;
    auto bucket = [&](long x, long y) {
      if (x < 0 || y < 0 || x >= cols_ || y >= rows_) return;
      for (uint32_t c : cells_[size_t(y * cols_ + x)]) visit(c);
    };
    if (r == 0) {
      bucket(cx, cy);
      return true;
    }
    for (long x = cx - r; x <= cx + r; ++x) bucket(x, cy - r), bucket(x, cy + r);
    for (long y = cy - r + 1; y <= cy + r - 1; ++y) bucket(cx - r, y), bucket(cx + r, y);
    return true;
  }
  // Any point in ring r + 1 (or farther) is at least r · cell from p.
  double ring_floor(long r) const { return double(r) * cell_; }

 private:
  long col(double x) const { return std::clamp(long(std::floor((x - frame_.xmin) / cell_)), 0L, cols_ - 1); }
  long row(double y) const { return std::clamp(long(std::floor((y - frame_.ymin) / cell_)), 0L, rows_ - 1); }
  long cell_of(Point p) const { return row(p.y) * cols_ + col(p.x); }

  Bounds frame_;
  const std::vector<Point>& centroid_;
  double cell_ = 1.0;
  long cols_ = 1, rows_ = 1;
  std::vector<std::vector<uint32_t>> cells_;
  std::vector<std::pair<long, uint32_t>> slot_;  // cell and position of each active cluster
  size_t built_for_ = 0;
};

}  // namespace

std::vector<Merge> ward_linkage(const std::vector<Point>& xy, Feedback* feedback) {
  const size_t n = xy.size();
  if (n > size_t(std::numeric_limits<uint32_t>::max())) throw InputError("too many points for Ward linkage");
  Bounds frame{INFINITY, INFINITY, -INFINITY, -INFINITY};
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(xy[i].x) || !std::isfinite(xy[i].y)) throw InputError("a coordinate is not finite", long(i));
    frame.xmin = std::min(frame.xmin, xy[i].x), frame.xmax = std::max(frame.xmax, xy[i].x);
    frame.ymin = std::min(frame.ymin, xy[i].y), frame.ymax = std::max(frame.ymax, xy[i].y);
  }
  std::vector<Merge> merges;
  if (n < 2) return merges;
  merges.reserve(n - 1);
  std::vector<Point> centroid(xy);
  std::vector<double> size(n, 1.0);
  std::vector<uint8_t> alive(n, 1);
  std::vector<uint32_t> active(n);
  for (size_t i = 0; i < n; ++i) active[i] = uint32_t(i);
  CentroidGrid grid(frame, centroid);
  grid.rebuild(active);
  size_t live = n, lowest = 0;  // lowest live slot: where SciPy starts an empty chain

  auto ward = [&](uint32_t a, uint32_t b) {
    const double dx = centroid[a].x - centroid[b].x, dy = centroid[a].y - centroid[b].y;
    return std::sqrt(2.0 * size[a] * size[b] / (size[a] + size[b])) * std::sqrt(dx * dx + dy * dy);
  };
  // The nearest active cluster to x; `previous` (the chain's element before
  // x) wins ties, then the lowest slot.
  auto nearest = [&](uint32_t x, long previous, double& best) {
    long found = previous;
    best = previous >= 0 ? ward(x, uint32_t(previous)) : INFINITY;
    const double floor_factor = std::sqrt(2.0 * size[x] / (size[x] + 1.0)) * (1.0 - 1e-12);
    for (long r = 0;; ++r) {
      const bool inside = grid.ring(centroid[x], r, [&](uint32_t c) {
        if (c == x) return;
        const double d = ward(x, c);
        // As an ascending scan with a strict < would: the lowest slot among
        // the nearest, unless the chain's previous cluster is among them.
        if (d < best || (d == best && found != previous && long(c) < found)) {
          best = d;
          found = long(c);
        }
      });
      if (!inside || floor_factor * grid.ring_floor(r) > best) break;
    }
    return uint32_t(found);
  };

  std::vector<uint32_t> chain;
  for (size_t step = 0; step + 1 < n; ++step) {
    if (step % 256 == 0) {
      throw_if_canceled(feedback);
      if (feedback) feedback->progress(100.0 * double(step) / double(n - 1));
    }
    if (chain.empty()) {
      while (!alive[lowest]) ++lowest;
      chain.push_back(uint32_t(lowest));
    }
    uint32_t x = 0, y = 0;
    double best = 0;
    while (true) {
      x = chain.back();
      const long previous = chain.size() > 1 ? long(chain[chain.size() - 2]) : -1;
      y = nearest(x, previous, best);
      if (long(y) == previous) break;
      chain.push_back(y);
    }
    chain.pop_back();
    chain.pop_back();
    if (x > y) std::swap(x, y);
    merges.push_back({x, y, best});
    // The merged cluster lives on in the higher slot y.
    grid.erase(x);
    grid.erase(y);
    const double sx = size[x], sy = size[y];
    centroid[y] = {(sx * centroid[x].x + sy * centroid[y].x) / (sx + sy), (sx * centroid[x].y + sy * centroid[y].y) / (sx + sy)};
    size[y] = sx + sy;
    alive[x] = 0;
    --live;
    grid.insert(y);
    if (live * 4 < grid.built_for() && live > 1) {
      active.clear();
      for (size_t i = 0; i < n; ++i)
        if (alive[i]) active.push_back(uint32_t(i));
      grid.rebuild(active);
    }
  }
  std::stable_sort(merges.begin(), merges.end(), [](const Merge& a, const Merge& b) { return a.height < b.height; });
  if (feedback) feedback->progress(100);
  return merges;
}

}  // namespace poleaxis
