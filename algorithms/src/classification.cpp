#include "poleaxis/classification.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "poleaxis/feedback.h"

namespace poleaxis {

namespace {

void require_values(const std::vector<double>& values, int classes) {
  if (values.empty()) throw InputError("there are no values to classify");
  for (double v : values)
    if (!std::isfinite(v)) throw InputError("values to classify must be finite numbers");
  if (classes < 1) throw InputError("the number of classes must be at least 1");
  if (size_t(classes) > values.size())
    throw InputError(std::to_string(values.size()) + " values cannot make " + std::to_string(classes) +
                     " classes");
}

// Weighted sum of squares around the weighted mean of sorted[a, b), from
// prefix sums of centred values (small magnitudes keep the subtraction accurate).
struct SegmentCost {
  std::vector<long double> s0, s1, s2;
  SegmentCost(const std::vector<double>& sorted, const std::vector<double>& weights)
      : s0(sorted.size() + 1, 0), s1(sorted.size() + 1, 0), s2(sorted.size() + 1, 0) {
    long double mean = 0, total = 0;
    for (size_t i = 0; i < sorted.size(); ++i) {
      mean += weights[i] * (long double)sorted[i];
      total += weights[i];
    }
    mean /= total;
    for (size_t i = 0; i < sorted.size(); ++i) {
      const long double c = sorted[i] - mean, w = weights[i];
      s0[i + 1] = s0[i] + w;
      s1[i + 1] = s1[i] + w * c;
      s2[i + 1] = s2[i] + w * c * c;
    }
  }
  long double operator()(size_t a, size_t b) const {
    const long double sum = s1[b] - s1[a];
    const long double cost = (s2[b] - s2[a]) - sum * sum / (s0[b] - s0[a]);
    return cost > 0 ? cost : 0;
  }
};

// Jenks on values already sorted ascending, with their weights.
std::vector<double> jenks_sorted(const std::vector<double>& values, const std::vector<double>& weights, int classes);

}  // namespace

std::vector<double> jenks_breaks(std::vector<double> values, int classes) {
  require_values(values, classes);
  std::sort(values.begin(), values.end());
  return jenks_sorted(values, std::vector<double>(values.size(), 1.0), classes);
}

std::vector<double> jenks_breaks(const std::vector<double>& values, const std::vector<double>& weights, int classes) {
  require_values(values, classes);
  if (weights.size() != values.size()) throw InputError("give one weight per value");
  for (double w : weights)
    if (!(w > 0) || !std::isfinite(w)) throw InputError("weights must be > 0");
  std::vector<size_t> order(values.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
  std::vector<double> sorted, sorted_weights;
  for (size_t i : order) {
    sorted.push_back(values[i]);
    sorted_weights.push_back(weights[i]);
  }
  return jenks_sorted(sorted, sorted_weights, classes);
}

namespace {

std::vector<double> jenks_sorted(const std::vector<double>& values, const std::vector<double>& weights, int classes) {
  const size_t n = values.size(), k = size_t(classes);
  const SegmentCost cost(values, weights);
  // best[c][l]: least cost of the first l values in c + 1 classes; split[c][l]:
  // how many of them the first c classes take.
  std::vector<std::vector<long double>> best(k, std::vector<long double>(n + 1, std::numeric_limits<long double>::max()));
  std::vector<std::vector<size_t>> split(k, std::vector<size_t>(n + 1, 0));
  for (size_t l = 1; l <= n; ++l) best[0][l] = cost(0, l);

  // Fills best[c][l] for l in [lo, hi] knowing the optimal split lies in
  // [opt_lo, opt_hi] (it is monotone in l because the cost satisfies the
  // quadrangle inequality).
  struct Frame {
    size_t lo, hi, opt_lo, opt_hi;
  };
  for (size_t c = 1; c < k; ++c) {
    std::vector<Frame> stack{{c + 1, n, c, n - 1}};
    while (!stack.empty()) {
      const Frame f = stack.back();
      stack.pop_back();
      if (f.lo > f.hi) continue;
      const size_t mid = f.lo + (f.hi - f.lo) / 2;
      long double best_cost = std::numeric_limits<long double>::max();
      size_t best_split = f.opt_lo;
      for (size_t a = f.opt_lo; a <= std::min(mid - 1, f.opt_hi); ++a) {
        const long double total = best[c - 1][a] + cost(a, mid);
        if (total < best_cost) {  // strict: the smallest split wins ties
          best_cost = total;
          best_split = a;
        }
      }
      best[c][mid] = best_cost;
      split[c][mid] = best_split;
      if (mid > f.lo) stack.push_back({f.lo, mid - 1, f.opt_lo, best_split});
      stack.push_back({mid + 1, f.hi, best_split, f.opt_hi});
    }
  }
  std::vector<double> breaks(k);
  breaks[k - 1] = values[n - 1];
  size_t l = n;
  for (size_t c = k - 1; c >= 1; --c) {
    l = split[c][l];
    breaks[c - 1] = values[l - 1];
  }
  return breaks;
}

}  // namespace

std::vector<double> quantile_breaks(std::vector<double> values, int classes) {
  require_values(values, classes);
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  std::vector<double> breaks;
  for (int i = 1; i < classes; ++i) {
    const double a = double(i) / classes * double(n - 1);
    const size_t lower = size_t(a);
    const double r = a - double(lower);
    breaks.push_back(lower + 1 < n ? (1 - r) * values[lower] + r * values[lower + 1] : values[lower]);
  }
  breaks.push_back(values[n - 1]);
  return breaks;
}

std::vector<double> head_tail_breaks(std::vector<double> values, int max_classes) {
  return head_tail_breaks(values, std::vector<double>(values.size(), 1.0), max_classes);
}

std::vector<double> head_tail_breaks(const std::vector<double>& values, const std::vector<double>& weights, int max_classes) {
  require_values(values, 1);
  if (max_classes < 1) throw InputError("the number of classes must be at least 1");
  if (weights.size() != values.size()) throw InputError("give one weight per value");
  std::vector<size_t> order(values.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
  std::vector<double> breaks;
  size_t begin = 0;  // the current head is order[begin, n)
  while (int(breaks.size()) + 1 < max_classes) {
    const size_t count = values.size() - begin;
    if (count < 2) break;
    long double sum = 0, weight = 0;
    for (size_t i = begin; i < values.size(); ++i) {
      sum += weights[order[i]] * (long double)values[order[i]];
      weight += weights[order[i]];
    }
    const double mean = double(sum / weight);
    size_t head_begin = begin;
    while (head_begin < values.size() && values[order[head_begin]] <= mean) ++head_begin;
    long double head_weight = 0;
    for (size_t i = head_begin; i < values.size(); ++i) head_weight += weights[order[i]];
    if (head_begin == values.size() || head_begin == begin) break;
    breaks.push_back(mean);
    if (double(head_weight / weight) > 0.4) break;
    begin = head_begin;
  }
  breaks.push_back(values[order.back()]);
  return breaks;
}

std::vector<double> fixed_breaks(const std::vector<double>& values, const std::vector<double>& thresholds) {
  require_values(values, 1);
  const double maximum = *std::max_element(values.begin(), values.end());
  for (size_t i = 0; i < thresholds.size(); ++i) {
    if (!std::isfinite(thresholds[i])) throw InputError("thresholds must be finite numbers");
    if (i && !(thresholds[i] > thresholds[i - 1]))
      throw InputError("thresholds must increase: " + std::to_string(thresholds[i - 1]) + " then " +
                       std::to_string(thresholds[i]));
  }
  if (!thresholds.empty() && thresholds.back() >= maximum)
    throw InputError("threshold " + std::to_string(thresholds.back()) + " is not below the largest value " +
                     std::to_string(maximum) + ", so its class would be empty");
  std::vector<double> breaks = thresholds;
  breaks.push_back(maximum);
  return breaks;
}

std::vector<int> classify(const std::vector<double>& values, const std::vector<double>& breaks) {
  std::vector<int> classes(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    const auto it = std::lower_bound(breaks.begin(), breaks.end(), values[i]);
    classes[i] = int(std::min<size_t>(size_t(it - breaks.begin()), breaks.size() - 1));
  }
  return classes;
}

double within_class_ss(const std::vector<double>& values, const std::vector<int>& classes) {
  const int k = classes.empty() ? 0 : *std::max_element(classes.begin(), classes.end()) + 1;
  std::vector<long double> sum(size_t(k), 0), count(size_t(k), 0);
  for (size_t i = 0; i < values.size(); ++i) {
    sum[size_t(classes[i])] += values[i];
    count[size_t(classes[i])] += 1;
  }
  long double ss = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    const long double d = values[i] - sum[size_t(classes[i])] / count[size_t(classes[i])];
    ss += d * d;
  }
  return double(ss);
}

}  // namespace poleaxis
