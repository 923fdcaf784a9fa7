// Louvain community detection (Blondel et al. 2008) on a weighted undirected
// graph, as NetworkX's louvain_communities runs it: nodes visited in a
// seeded random order, each moved to the neighbouring community with the
// largest modularity gain, communities then collapsed into nodes, until a
// level improves modularity by no more than `threshold`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "poleaxis/feedback.h"

namespace poleaxis {

struct WeightedEdge {
  size_t u = 0, v = 0;
  double w = 1.0;  // > 0
};

struct Communities {
  std::vector<int> label;  // 0.. in order of each community's first node
  int count = 0;
  double modularity = 0.0;
  int levels = 0;
};

// Newman–Girvan modularity with resolution γ:
// Q = Σ_c [ L_c / m − γ (d_c / 2m)² ], L_c the weight inside c, d_c its degree sum.
double modularity(size_t n, const std::vector<WeightedEdge>& edges, const std::vector<int>& label,
                  double resolution = 1.0);

// Throws InputError for a non-positive weight (item = edge) or resolution.
Communities louvain(size_t n, const std::vector<WeightedEdge>& edges, double resolution = 1.0, uint64_t seed = 0,
                    double threshold = 1e-7, Feedback* feedback = nullptr);

}  // namespace poleaxis
