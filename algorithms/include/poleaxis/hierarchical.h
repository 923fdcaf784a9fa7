// Agglomerative hierarchical clustering with single, complete, average or
// Ward linkage, by the nearest-neighbour-chain algorithm (Müllner 2011) with
// Lance-Williams updates, as SciPy's linkage computes it; flat clusters are
// cut at a height (SciPy fcluster 'distance') or into k groups ('maxclust').
// Works on a condensed distance matrix: O(n²) memory, so for n up to a few
// tens of thousands; in float32 the matrix takes half the memory.
#pragma once

#include <cstddef>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/geo_types.h"
#include "poleaxis/parallel.h"
#include "poleaxis/town_space.h"

namespace poleaxis {

enum class Linkage { Single, Complete, Average, Ward };

struct Merge {
  size_t a = 0, b = 0;  // matrix slots merged (the cluster lives on in b)
  double height = 0.0;
};

// Pair (i, j), i < j, of n points in a condensed matrix (SciPy's order).
inline size_t condensed_index(size_t n, size_t i, size_t j) { return n * i - i * (i + 1) / 2 + (j - i - 1); }

// A condensed matrix of n(n−1)/2 entries, each `fill` (for double and float).
template <class T>
std::vector<T> condensed_matrix(size_t n, T fill = T(0));
extern template std::vector<double> condensed_matrix<double>(size_t, double);
extern template std::vector<float> condensed_matrix<float>(size_t, float);

// Geodesic (WGS 84) distances in metres between lon/lat points; planar
// Euclidean distances between projected points (Ward needs these).
std::vector<double> geodesic_condensed(const std::vector<Point>& lonlat, Feedback* feedback = nullptr);
std::vector<double> euclidean_condensed(const std::vector<Point>& xy);
// The same distances (computed in double) stored as float32.
std::vector<float> geodesic_condensed_f32(const std::vector<Point>& lonlat, Feedback* feedback = nullptr);
std::vector<float> euclidean_condensed_f32(const std::vector<Point>& xy);

// The n − 1 merges, lowest first. Consumes the matrix.
std::vector<Merge> linkage(std::vector<double> condensed, size_t n, Linkage method, Feedback* feedback = nullptr);

// How far a float32 run can be trusted to repeat the float64 one.
struct LinkageCheck {
  size_t decisions = 0;   // nearest-neighbour choices made
  size_t near_ties = 0;   // of them, choices float32 rounding could have swapped
};

// Single, complete or average linkage on a float32 matrix (Ward needs
// float64). Distances are rounded once to float32 (2^-24 relative, 6 cm at
// 1,000 km); updates are computed in double and stored rounded. Every
// nearest-neighbour choice is checked against the rounding its entries can
// carry: a choice whose runner-up lies within that bound (a near tie; exact
// ties at zero excepted, as zero is exact) is counted in `check`. With no
// near ties, the merges are those of the float64 run (SciPy's), and the
// heights agree to float32 precision; with near ties, the merges at those
// choices may be taken in the other order than a float64 run would.
std::vector<Merge> linkage(std::vector<float> condensed, size_t n, Linkage method, Feedback* feedback = nullptr,
                           LinkageCheck* check = nullptr);

// Single linkage without a distance matrix: the minimum spanning tree by
// Borůvka's algorithm, each round finding every point's nearest point in
// another component with a kd-tree that skips subtrees wholly inside the
// point's own component — O(n log n)-ish time, O(n) memory. Exact: ties are
// broken by (distance, lower index, higher index) so the tree is unique, and
// its edges cut at any height give SciPy's single-linkage clusters.
std::vector<Merge> single_linkage(const TownSpace& space, Feedback* feedback = nullptr,
                                  unsigned workers = worker_count());

// Flat clusters numbered 0, 1, … in order of their first point.
std::vector<int> cut_at_height(const std::vector<Merge>& merges, size_t n, double height);
std::vector<int> cut_into(const std::vector<Merge>& merges, size_t n, size_t k);

}  // namespace poleaxis
