#include "poleaxis/kmeans.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <utility>

namespace poleaxis {

namespace {

double squared(Point a, Point b) {
  const double dx = a.x - b.x, dy = a.y - b.y;
  return dx * dx + dy * dy;
}

// Labels and distances to the nearest centre; true when any label changed.
bool assign(const std::vector<Point>& xy, const std::vector<Point>& centres, std::vector<int>& label,
            std::vector<double>& d2, unsigned workers) {
  const size_t n = xy.size(), chunk = 4096;
  std::vector<char> changed((n + chunk - 1) / chunk, 0);
  parallel_for(changed.size(), workers, [&](size_t c, unsigned) {
    for (size_t i = c * chunk; i < std::min(n, (c + 1) * chunk); ++i) {
      int best = 0;
      double best_d2 = squared(xy[i], centres[0]);
      for (size_t j = 1; j < centres.size(); ++j) {
        const double d = squared(xy[i], centres[j]);
        if (d < best_d2) {
          best_d2 = d;
          best = int(j);
        }
      }
      if (label[i] != best) changed[c] = 1;
      label[i] = best;
      d2[i] = best_d2;
    }
  });
  return std::any_of(changed.begin(), changed.end(), [](char c) { return c != 0; });
}

double mean_variance(const std::vector<Point>& xy) {
  double mx = 0, my = 0;
  for (const Point& p : xy) {
    mx += p.x;
    my += p.y;
  }
  mx /= double(xy.size());
  my /= double(xy.size());
  double vx = 0, vy = 0;
  for (const Point& p : xy) {
    vx += (p.x - mx) * (p.x - mx);
    vy += (p.y - my) * (p.y - my);
  }
  return (vx + vy) / (2.0 * double(xy.size()));
}

}  // namespace

KMeansResult kmeans_from(const std::vector<Point>& xy, std::vector<Point> centres, int max_iter, double tol,
                         Feedback* feedback, unsigned workers) {
  const size_t n = xy.size(), k = centres.size();
  if (k < 1 || k > n) throw InputError("k must be between 1 and the number of points");
  if (max_iter < 1) throw InputError("the number of iterations must be at least 1");
  const double shift_limit = tol * mean_variance(xy);
  KMeansResult out;
  out.label.assign(n, -1);
  std::vector<double> d2(n);
  assign(xy, centres, out.label, d2, workers);
  for (out.iterations = 1; out.iterations <= max_iter; ++out.iterations) {
    throw_if_canceled(feedback);
    if (feedback) feedback->progress(100.0 * out.iterations / max_iter);
    std::vector<double> sx(k, 0), sy(k, 0);
    std::vector<size_t> count(k, 0);
    for (size_t i = 0; i < n; ++i) {
      sx[size_t(out.label[i])] += xy[i].x;
      sy[size_t(out.label[i])] += xy[i].y;
      ++count[size_t(out.label[i])];
    }
    // Empty centres take the points farthest from their centres, farthest first.
    std::vector<size_t> empty;
    for (size_t j = 0; j < k; ++j)
      if (!count[j]) empty.push_back(j);
    if (!empty.empty()) {
      std::vector<size_t> far(n);
      std::iota(far.begin(), far.end(), 0);
      std::partial_sort(far.begin(), far.begin() + long(empty.size()), far.end(),
                        [&](size_t a, size_t b) { return d2[a] > d2[b] || (d2[a] == d2[b] && a < b); });
      for (size_t e = 0; e < empty.size(); ++e) {
        const size_t i = far[e], from = size_t(out.label[i]);
        if (count[from] <= 1) continue;
        sx[from] -= xy[i].x;
        sy[from] -= xy[i].y;
        --count[from];
        sx[empty[e]] = xy[i].x;
        sy[empty[e]] = xy[i].y;
        count[empty[e]] = 1;
      }
    }
    double shift = 0;
    for (size_t j = 0; j < k; ++j) {
      if (!count[j]) continue;
      const Point moved{sx[j] / double(count[j]), sy[j] / double(count[j])};
      shift += squared(moved, centres[j]);
      centres[j] = moved;
    }
    const bool changed = assign(xy, centres, out.label, d2, workers);
    if (!changed || shift <= shift_limit) break;
  }
  out.iterations = std::min(out.iterations, max_iter);
  out.centres = std::move(centres);
  out.inertia = std::accumulate(d2.begin(), d2.end(), 0.0);
  return out;
}

std::vector<Point> kmeans_plus_plus(const std::vector<Point>& xy, size_t k, uint64_t seed) {
  const size_t n = xy.size();
  std::mt19937_64 rng(seed);
  const size_t trials = 2 + size_t(std::log(double(k)));
  std::vector<Point> centres{xy[std::uniform_int_distribution<size_t>(0, n - 1)(rng)]};
  std::vector<double> closest(n);
  for (size_t i = 0; i < n; ++i) closest[i] = squared(xy[i], centres[0]);
  double potential = std::accumulate(closest.begin(), closest.end(), 0.0);
  std::vector<double> cumulative(n), candidate(n), best_closest(n);
  while (centres.size() < k) {
    std::partial_sum(closest.begin(), closest.end(), cumulative.begin());
    std::uniform_real_distribution<double> draw(0.0, potential);
    double best_potential = std::numeric_limits<double>::infinity();
    size_t best = 0;
    for (size_t t = 0; t < trials; ++t) {
      const size_t c = std::min<size_t>(n - 1, size_t(std::lower_bound(cumulative.begin(), cumulative.end(), draw(rng)) - cumulative.begin()));
      double sum = 0;
      for (size_t i = 0; i < n; ++i) sum += candidate[i] = std::min(closest[i], squared(xy[i], xy[c]));
      if (sum < best_potential) {
        best_potential = sum;
        best = c;
        best_closest.swap(candidate);
      }
    }
    centres.push_back(xy[best]);
    closest.swap(best_closest);
    potential = best_potential;
  }
  return centres;
}

KMeansResult kmeans(const std::vector<Point>& xy, size_t k, uint64_t seed, int max_iter, int restarts, double tol,
                    Feedback* feedback, unsigned workers) {
  const size_t n = xy.size();
  if (k < 1) throw InputError("k must be at least 1");
  if (k > n) throw InputError("k = " + std::to_string(k) + " is more than the " + std::to_string(n) + " points");
  if (restarts < 1) throw InputError("the number of restarts must be at least 1");
  std::set<std::pair<double, double>> distinct;
  for (const Point& p : xy) {
    distinct.insert({p.x, p.y});
    if (distinct.size() >= k) break;
  }
  if (distinct.size() < k)
    throw InputError("only " + std::to_string(distinct.size()) + " distinct positions for k = " + std::to_string(k));
  KMeansResult best;
  best.inertia = std::numeric_limits<double>::infinity();
  for (int r = 0; r < restarts; ++r) {
    ProgressSlice slice(feedback, 100.0 * r / restarts, 100.0 * (r + 1) / restarts);
    KMeansResult run = kmeans_from(xy, kmeans_plus_plus(xy, k, seed + uint64_t(r)), max_iter, tol, &slice, workers);
    if (run.inertia < best.inertia) best = std::move(run);
  }
  return best;
}

}  // namespace poleaxis
