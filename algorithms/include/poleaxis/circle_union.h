// Union of many geodesic circles, faster than a plain polygon union because
// it feeds the overlay only what can reach the union's boundary.
//
// Method. Circle j's polygon contains the geodesic disc of radius
// r_j·cos(π/n_j) (its inscribed disc), which we test conservatively on the
// mean sphere with SphereIndex::kEllipsoidSlack. For each circle i:
//  - a vertex is covered when it lies in a neighbour's inscribed disc;
//  - a run of consecutive vertices covered by the same neighbour j (at most
//    40° of arc) is replaced by its chord: the dropped sliver lies between an
//    arc and a chord that are both inside j's convex disc, so inside j;
//  - a circle whose every vertex and edge is covered this way is dropped.
// The union U' of the trimmed circles contains every boundary point of the
// true union U, so each hole of U' lies wholly inside U or wholly outside
// it; a hole is filled when a point inside it lies in any original circle.
// Circles the argument does not cover safely — radius over 100 km, latitude
// beyond ±75°, split at the antimeridian — go to the union whole and are never
// used to cover others.
//
// Speed. Coverage is decided on vertices placed without geod_direct: mapping
// the ellipsoid onto the sphere by lon/lat scales distances by R/M north-south
// and R/N east-west, so vertex k maps to the great-circle point at angle
// (r/M·cos α_k, r/N·sin α_k) in the centre's north/east frame. Its distance
// from the exact vertex stays below approx_vertex_error_m(r) (checked against
// geod_direct in the tests), which every coverage test subtracts. Exact
// vertices are then computed only for circles that are kept.
#pragma once

#include <cstddef>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/geo_types.h"
#include "poleaxis/parallel.h"
#include "poleaxis/sphere_index.h"

namespace poleaxis {

struct CircleUnion {
  MultiPolygon shape;
  size_t circles_dropped = 0;  // wholly inside neighbours
  size_t circles_trimmed = 0;  // kept with fewer vertices
  size_t vertices_in = 0;      // vertices of all input circles
  size_t vertices_overlaid = 0;
  size_t holes_filled = 0;
};

// Circles of radii_m[i] around centres[i] with `segments` vertices, as
// geodesic_circle() builds them. When the caller has built them already it
// may pass them as `shapes` (same order) to save the work.
CircleUnion union_circles(const std::vector<Point>& centres, const std::vector<double>& radii_m,
                          int segments, const std::vector<MultiPolygon>* shapes = nullptr,
                          Feedback* feedback = nullptr, unsigned workers = worker_count());

// Vertex k of the circle of radius_m around centre as a unit vector of the
// lon/lat-mapped sphere, without geod_direct (see above); within
// approx_vertex_error_m(radius_m) of unit_vector(geodesic_circle_ring()[k]).
void approx_circle_vectors(Point centre, double radius_m, int segments, std::vector<Vec3>& out);
// 2·10⁻⁹·r² metres: 2.5 times the largest error seen for |lat| <= 75°.
inline double approx_vertex_error_m(double radius_m) { return 2e-9 * radius_m * radius_m; }

}  // namespace poleaxis
