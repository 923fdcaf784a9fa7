#include "poleaxis/hierarchical.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "poleaxis/geodesic.h"
#include "poleaxis/parallel.h"

namespace poleaxis {

namespace {
// Share of a condensed matrix's pairs held by its rows before row i.
double pairs_done(size_t i, size_t n) {
  const double left = double(n - i) / double(n);
  return 100.0 * (1.0 - left * left);
}
}  // namespace

std::vector<double> geodesic_condensed(const std::vector<Point>& lonlat, Feedback* feedback) {
  const size_t n = lonlat.size();
  std::vector<double> d(n < 2 ? 0 : n * (n - 1) / 2);
  const Geodesic& g = Geodesic::wgs84();
  // Rows are handed out in order, so row i starting means the rows before it
  // are (nearly) done: progress by pairs, steady although rows shrink.
  parallel_for(n, worker_count(), [&](size_t i, unsigned) {
    if (i % 16 == 0) {
      throw_if_canceled(feedback);
      if (feedback) feedback->progress(pairs_done(i, n));
    }
    for (size_t j = i + 1; j < n; ++j) d[condensed_index(n, i, j)] = g.distance_m(lonlat[i], lonlat[j]);
  });
  return d;
}

std::vector<double> euclidean_condensed(const std::vector<Point>& xy) {
  const size_t n = xy.size();
  std::vector<double> d(n < 2 ? 0 : n * (n - 1) / 2);
  // sqrt of the sum of squares, as SciPy's pdist computes it (not hypot).
  parallel_for(n, worker_count(), [&](size_t i, unsigned) {
    double* out = d.data() + (n * i - i * (i + 1) / 2);
    for (size_t j = i + 1; j < n; ++j) {
      const double dx = xy[i].x - xy[j].x, dy = xy[i].y - xy[j].y;
      *out++ = std::sqrt(dx * dx + dy * dy);
    }
  });
  return d;
}

std::vector<Merge> linkage(std::vector<double> D, size_t n, Linkage method, Feedback* feedback) {
  if (D.size() != (n < 2 ? 0 : n * (n - 1) / 2)) throw InputError("the distance matrix does not match the number of points");
  // Row offsets make D[row[i] + j] the (i, j) entry for i < j: the scans
  // below walk a contiguous row for j > x and one strided column for j < x.
  std::vector<size_t> row(n);
  for (size_t i = 0; i < n; ++i) row[i] = n * i - i * (i + 1) / 2 - i - 1;
  auto at = [&](size_t i, size_t j) -> double& { return i < j ? D[row[i] + j] : D[row[j] + i]; };
  // Ascending list of live clusters: ascending scans give SciPy's tie order.
  std::vector<size_t> live(n);
  std::iota(live.begin(), live.end(), 0);
  std::vector<size_t> size(n, 1);
  std::vector<size_t> chain;
  std::vector<Merge> merges;
  merges.reserve(n ? n - 1 : 0);
  for (size_t step = 0; step + 1 < n; ++step) {
    if (step % 64 == 0) {
      throw_if_canceled(feedback);
      // A step scans the live clusters, so the work done goes as the pairs.
      if (feedback) feedback->progress(pairs_done(step, n));
    }
    if (chain.empty()) chain.push_back(live.front());
    size_t x = 0, y = 0;
    double best = 0;
    while (true) {
      x = chain.back();
      // The previous chain element wins ties, which keeps the chain finite.
      y = chain.size() > 1 ? chain[chain.size() - 2] : n;
      best = y < n ? at(x, y) : std::numeric_limits<double>::infinity();
      // Unsigned wrap-around is intended: row[0] is -1 modulo 2^64.
      const size_t line = row[x];
      for (const size_t i : live) {
        if (i == x) continue;
        const double d = i < x ? D[row[i] + x] : D[line + i];
        if (d < best) {
          best = d;
          y = i;
        }
      }
      if (chain.size() > 1 && y == chain[chain.size() - 2]) break;
      chain.push_back(y);
    }
    chain.pop_back();
    chain.pop_back();
    if (x > y) std::swap(x, y);
    merges.push_back({x, y, best});
    const double nx = double(size[x]), ny = double(size[y]);
    for (const size_t i : live) {
      if (i == x || i == y) continue;
      const double dxi = at(x, i), dyi = at(y, i), ni = double(size[i]);
      double& d = at(y, i);
      switch (method) {
        case Linkage::Single: d = std::min(dxi, dyi); break;
        case Linkage::Complete: d = std::max(dxi, dyi); break;
        case Linkage::Average: d = (nx * dxi + ny * dyi) / (nx + ny); break;
        case Linkage::Ward: {
          const double t = 1.0 / (nx + ny + ni);
          d = std::sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * best * best);
          break;
        }
      }
    }
    live.erase(std::lower_bound(live.begin(), live.end(), x));
    size[y] += size[x];
  }
  std::stable_sort(merges.begin(), merges.end(), [](const Merge& a, const Merge& b) { return a.height < b.height; });
  return merges;
}

namespace {

std::vector<int> apply(const std::vector<Merge>& merges, size_t n, size_t count) {
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (size_t m = 0; m < count; ++m) parent[find(merges[m].a)] = find(merges[m].b);
  std::vector<int> label(n, -1), id(n, -1);
  int next = 0;
  for (size_t i = 0; i < n; ++i) {
    const size_t r = find(i);
    if (id[r] < 0) id[r] = next++;
    label[i] = id[r];
  }
  return label;
}

}  // namespace

std::vector<int> cut_at_height(const std::vector<Merge>& merges, size_t n, double height) {
  size_t count = 0;
  while (count < merges.size() && merges[count].height <= height) ++count;
  return apply(merges, n, count);
}

std::vector<int> cut_into(const std::vector<Merge>& merges, size_t n, size_t k) {
  if (k < 1) throw InputError("the number of groups must be at least 1");
  if (k >= n) return apply(merges, n, 0);
  // SciPy's maxclust: the lowest height leaving at most k groups, ties included.
  return cut_at_height(merges, n, merges[n - k - 1].height);
}

}  // namespace poleaxis
