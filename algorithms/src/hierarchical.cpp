#include "poleaxis/hierarchical.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <type_traits>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "poleaxis/geodesic.h"
#include "poleaxis/parallel.h"

namespace poleaxis {

// Its memory is asked for in huge pages where the system allows (Linux THP
// in madvise mode): the merge loop reads one column entry per row, each in
// another 4 KB page, and with 2 MB pages far fewer of those reads miss the TLB.
template <class T>
std::vector<T> condensed_matrix(size_t n, T fill) {
  const size_t count = n < 2 ? 0 : n * (n - 1) / 2;
  std::vector<T> d;
  d.reserve(count);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  const size_t page = 4096, bytes = count * sizeof(T);
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(d.data()) + page - 1) / page * page;
  const uintptr_t end = (reinterpret_cast<uintptr_t>(d.data()) + bytes) / page * page;
  if (bytes >= (size_t(64) << 20) && end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
  d.resize(count, fill);
  return d;
}
template std::vector<double> condensed_matrix<double>(size_t, double);
template std::vector<float> condensed_matrix<float>(size_t, float);

namespace {
// Share of a condensed matrix's pairs held by its rows before row i.
double pairs_done(size_t i, size_t n) {
  const double left = double(n - i) / double(n);
  return 100.0 * (1.0 - left * left);
}

template <class T>
std::vector<T> geodesic_condensed_as(const std::vector<Point>& lonlat, Feedback* feedback) {
  const size_t n = lonlat.size();
  std::vector<T> d = condensed_matrix<T>(n);
  const Geodesic& g = Geodesic::wgs84();
  // Rows are handed out in order, so row i starting means the rows before it
  // are (nearly) done: progress by pairs, steady although rows shrink.
  parallel_for(n, worker_count(), [&](size_t i, unsigned) {
    if (i % 16 == 0) {
      throw_if_canceled(feedback);
      if (feedback) feedback->progress(pairs_done(i, n));
    }
    T* out = d.data() + (n * i - i * (i + 1) / 2);
    for (size_t j = i + 1; j < n; ++j) *out++ = T(g.distance_m(lonlat[i], lonlat[j]));
  });
  return d;
}

template <class T>
std::vector<T> euclidean_condensed_as(const std::vector<Point>& xy) {
  const size_t n = xy.size();
  std::vector<T> d = condensed_matrix<T>(n);
  // sqrt of the sum of squares, as SciPy's pdist computes it (not hypot).
  parallel_for(n, worker_count(), [&](size_t i, unsigned) {
    T* out = d.data() + (n * i - i * (i + 1) / 2);
    for (size_t j = i + 1; j < n; ++j) {
      const double dx = xy[i].x - xy[j].x, dy = xy[i].y - xy[j].y;
      *out++ = T(std::sqrt(dx * dx + dy * dy));
    }
  });
  return d;
}

// Relative gap between a float32 run's and a float64 run's value of an entry
// whose history took `updates` Lance-Williams steps: each float32 rounding
// adds at most 2^-24, min/max and weighted means never enlarge a relative
// error, and the double arithmetic adds a few 2^-53.
constexpr double kFloatStep = 0x1p-24 + 0x1p-50;

template <class T>
std::vector<Merge> linkage_as(std::vector<T> D, size_t n, Linkage method, Feedback* feedback, LinkageCheck* check) {
  constexpr bool kSingle = std::is_same_v<T, float>;
  if (D.size() != (n < 2 ? 0 : n * (n - 1) / 2)) throw InputError("the distance matrix does not match the number of points");
  if (kSingle && method == Linkage::Ward) throw InputError("Ward linkage needs a float64 matrix (or the matrix-free ward_linkage)");
  // Row offsets make D[row[i] + j] the (i, j) entry for i < j: the scans
  // below walk a contiguous row for j > x and one strided column for j < x.
  std::vector<size_t> row(n);
  for (size_t i = 0; i < n; ++i) row[i] = n * i - i * (i + 1) / 2 - i - 1;
  auto at = [&](size_t i, size_t j) -> T& { return i < j ? D[row[i] + j] : D[row[j] + i]; };
  // Ascending list of live clusters: ascending scans give SciPy's tie order.
  std::vector<size_t> live(n);
  std::iota(live.begin(), live.end(), 0);
  std::vector<size_t> size(n, 1);
  // Merge-tree depth of each cluster: bounds how many roundings an entry of
  // a float32 matrix has been through (average linkage; min and max only
  // ever copy a rounded distance, so for them every entry is one rounding).
  std::vector<uint32_t> depth(kSingle ? n : 0, 0);
  uint32_t deepest = 0;
  LinkageCheck tally;
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
      T bestT = y < n ? at(x, y) : std::numeric_limits<T>::infinity();
      T second = std::numeric_limits<T>::infinity();  // float32: the runner-up, to see whether rounding could swap them
      // Unsigned wrap-around is intended: row[0] is -1 modulo 2^64.
      const size_t line = row[x];
      for (const size_t i : live) {
        if (i == x) continue;
        const T d = i < x ? D[row[i] + x] : D[line + i];
        if constexpr (kSingle) {
          if (d < bestT) {
            second = bestT;
            bestT = d;
            y = i;
          } else if (d < second && i != y) {
            second = d;
          }
        } else if (d < bestT) {
          bestT = d;
          y = i;
        }
      }
      if constexpr (kSingle) {
        ++tally.decisions;
        // Zero is exact in both precisions, so a tie at zero falls the same way.
        if (second > 0 || bestT > 0) {
          const double updates = method == Linkage::Average ? double(depth[x]) + double(deepest) + 1.0 : 1.0;
          const double e = updates * kFloatStep;
          if (double(second) * (1.0 - e) <= double(bestT) * (1.0 + e)) ++tally.near_ties;
        }
      }
      best = double(bestT);
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
      const double dxi = double(at(x, i)), dyi = double(at(y, i)), ni = double(size[i]);
      T& d = at(y, i);
      switch (method) {
        case Linkage::Single: d = T(std::min(dxi, dyi)); break;
        case Linkage::Complete: d = T(std::max(dxi, dyi)); break;
        case Linkage::Average: d = T((nx * dxi + ny * dyi) / (nx + ny)); break;
        case Linkage::Ward: {
          const double t = 1.0 / (nx + ny + ni);
          d = T(std::sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * best * best));
          break;
        }
      }
    }
    if constexpr (kSingle) {
      depth[y] = std::max(depth[x], depth[y]) + 1;
      deepest = std::max(deepest, depth[y]);
    }
    live.erase(std::lower_bound(live.begin(), live.end(), x));
    size[y] += size[x];
  }
  std::stable_sort(merges.begin(), merges.end(), [](const Merge& a, const Merge& b) { return a.height < b.height; });
  if (check) *check = tally;
  return merges;
}

}  // namespace

std::vector<double> geodesic_condensed(const std::vector<Point>& lonlat, Feedback* feedback) {
  return geodesic_condensed_as<double>(lonlat, feedback);
}
std::vector<float> geodesic_condensed_f32(const std::vector<Point>& lonlat, Feedback* feedback) {
  return geodesic_condensed_as<float>(lonlat, feedback);
}
std::vector<double> euclidean_condensed(const std::vector<Point>& xy) { return euclidean_condensed_as<double>(xy); }
std::vector<float> euclidean_condensed_f32(const std::vector<Point>& xy) { return euclidean_condensed_as<float>(xy); }

std::vector<Merge> linkage(std::vector<double> condensed, size_t n, Linkage method, Feedback* feedback) {
  return linkage_as<double>(std::move(condensed), n, method, feedback, nullptr);
}
std::vector<Merge> linkage(std::vector<float> condensed, size_t n, Linkage method, Feedback* feedback, LinkageCheck* check) {
  return linkage_as<float>(std::move(condensed), n, method, feedback, check);
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
