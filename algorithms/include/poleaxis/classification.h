// Splitting values into classes: Jenks natural breaks (exact), quantiles,
// head/tail breaks and fixed thresholds. Breaks are class upper bounds in
// ascending order, the last being the maximum; a value v is in the first
// class whose break is >= v (QGIS's graduated-renderer convention).
#pragma once

#include <vector>

namespace poleaxis {

// Optimal k-class partition: minimum total within-class sum of squares, for
// any n (no sampling). Dynamic programme over sorted values with the
// divide-and-conquer optimisation, O(k·n log n) time and O(k·n) memory;
// costs come from centred long-double prefix sums. Ties go to the smallest
// split index, as in QgsClassificationJenks, so breaks match QGIS wherever
// QGIS does not sample (n <= 3000). Needs 1 <= k <= n.
std::vector<double> jenks_breaks(std::vector<double> values, int classes);
// The same with a weight (> 0) per value: minimises Σ w·(x − class mean_w)².
// Integer weights give the breaks of the values repeated that many times.
std::vector<double> jenks_breaks(const std::vector<double>& values, const std::vector<double>& weights, int classes);

// Breaks at the i/k quantiles with linear interpolation (QGIS's Quantile).
std::vector<double> quantile_breaks(std::vector<double> values, int classes);

// Head/tail breaks (Jiang 2013): split at the mean, keep splitting the part
// above it while that head holds at most 40 % of what was split, until
// `max_classes` classes. Returns fewer classes when the data stop earlier.
std::vector<double> head_tail_breaks(std::vector<double> values, int max_classes);
// The same with weights (> 0): weighted means, and the head's share counted in weight.
std::vector<double> head_tail_breaks(const std::vector<double>& values, const std::vector<double>& weights, int max_classes);

// Thresholds (strictly increasing) plus the maximum as the last break;
// thresholds at or above the maximum are refused.
std::vector<double> fixed_breaks(const std::vector<double>& values, const std::vector<double>& thresholds);

// Class index (0 = lowest) of every value.
std::vector<int> classify(const std::vector<double>& values, const std::vector<double>& breaks);

// Total within-class sum of squares of a classification (for reports and tests).
double within_class_ss(const std::vector<double>& values, const std::vector<int>& classes);

}  // namespace poleaxis
