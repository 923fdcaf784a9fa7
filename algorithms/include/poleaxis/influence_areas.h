// Influence areas: the plane split among centres, in planar metres (a
// projected working CRS). Ordinary Voronoi cells come from GEOS (Fortune's
// sweep, n log n). Multiplicatively weighted cells — x belongs to the centre
// with the smallest d(x, i) / w_i — are bounded by Apollonius circles and
// built exactly up to a stated tolerance:
//  - against a heavier (or equal) centre j, i keeps a disc around itself (a
//    half-plane when equal), so the cell is clipped as a convex polygon
//    against the disc's inscribed polygon (chord error <= tolerance; a disc so
//    large that its tangent stays within tolerance over the cell becomes that
//    tangent);
//  - a lighter centre j takes a disc around itself out of the cell (GEOS
//    difference), which can make cells non-convex or give them holes.
// Only centres that can reach the cell are visited: j can take a point of a
// cell of radius R around i only when d(i, j) < (1 + w_j / w_i)·R, searched
// in kd-trees per weight band (powers of two), so the work stays near n log n
// when weights span a few orders of magnitude.
#pragma once

#include <memory>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/geo_types.h"
#include "poleaxis/parallel.h"
#include "poleaxis/polygon_ops.h"
#include "poleaxis/sphere_index.h"

namespace poleaxis {

struct InfluenceCells {
  std::vector<MultiPolygon> cells;  // per centre, unclipped within `frame`
  std::vector<long> duplicate_of;   // −1, or the first centre at the same position (its cell is empty)
};

// Ordinary Voronoi cells within the rectangle `frame` (which must hold every centre).
InfluenceCells voronoi_cells(const std::vector<Point>& xy, const Bounds& frame, Feedback* feedback = nullptr);

// Weighted cells; weights > 0 (InputError naming the centre otherwise);
// tolerance_m > 0 bounds the distance between a drawn border and the true arc.
InfluenceCells weighted_voronoi_cells(const std::vector<Point>& xy, const std::vector<double>& weights,
                                      const Bounds& frame, double tolerance_m, Feedback* feedback = nullptr,
                                      unsigned workers = worker_count());

// Centres grouped by weight in powers of two, each group with its planar
// kd-tree. The weighted owner of a point, argmin_i d(x, i) / w_i, is found by
// visiting only the centres that can beat the best so far: in a band whose
// heaviest weight is W, only those within best · W. Near log n per query when
// weights span a few orders of magnitude (a scan of all n centres otherwise).
class WeightBands {
 public:
  using Band = WeightBand;  // members' indices, heaviest weight, planar kd-tree (x, y, 0)
  // weights > 0; centres with skip[i] (e.g. duplicates) take no part.
  WeightBands(const std::vector<Point>& xy, const std::vector<double>& weights, const std::vector<bool>& skip = {});
  const std::vector<Band>& bands() const { return bands_; }
  // argmin_i hypot(x − xy_i) / w_i, the lowest index on ties; −1 when no centre takes part.
  long owner(Point x) const;

 private:
  std::vector<Point> xy_;  // copies: a band set may outlive its caller's vectors
  std::vector<double> weights_;
  std::vector<Band> bands_;
};

// Huff's (1963) probabilities at x: P_j = (A_j / d_j^λ) / Σ_k (A_k / d_k^λ),
// with d in km, floored at floor_m so that a centre's own place is finite.
void huff_shares(Point x, const std::vector<Point>& centres, const std::vector<double>& attraction, double lambda,
                 double floor_m, std::vector<double>& share);

// Converse's breaking point between A and B, D apart, with weights w:
// d_A = D · w_A / (w_A + w_B)  (= D / (1 + √(P_B/P_A)) for w = √P).
inline double breaking_distance(double D, double w_a, double w_b) { return D * w_a / (w_a + w_b); }

}  // namespace poleaxis
