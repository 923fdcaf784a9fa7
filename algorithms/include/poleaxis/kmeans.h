// k-means (Lloyd) on planar points with k-means++ seeding, reproducible for
// a seed. Iterations follow scikit-learn's "lloyd": assign every point to its
// nearest centre (ties to the lower centre), move centres to their means,
// stop when no label changes or the total squared centre shift is at most
// tol · (mean per-axis variance); a centre left empty takes the point
// farthest from its own centre. Labels are those of the final centres.
#pragma once

#include <cstdint>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/geo_types.h"
#include "poleaxis/parallel.h"

namespace poleaxis {

struct KMeansResult {
  std::vector<int> label;       // 0..k−1
  std::vector<Point> centres;
  double inertia = 0.0;         // sum of squared distances to the centres, m²
  int iterations = 0;
};

// Lloyd iterations from the given centres.
KMeansResult kmeans_from(const std::vector<Point>& xy, std::vector<Point> centres, int max_iter = 300,
                         double tol = 1e-4, Feedback* feedback = nullptr, unsigned workers = worker_count());

// Greedy k-means++ (Arthur & Vassilvitskii 2007, with 2 + ln k candidate
// draws per centre as scikit-learn does) from std::mt19937_64(seed).
std::vector<Point> kmeans_plus_plus(const std::vector<Point>& xy, size_t k, uint64_t seed);

// `restarts` seeded runs (seed, seed + 1, …); the lowest inertia wins.
// Throws InputError when k < 1, k > n or max_iter < 1, or when there are
// fewer than k distinct points.
KMeansResult kmeans(const std::vector<Point>& xy, size_t k, uint64_t seed, int max_iter = 300, int restarts = 10,
                    double tol = 1e-4, Feedback* feedback = nullptr, unsigned workers = worker_count());

}  // namespace poleaxis
