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
#pragma once

#include <cstddef>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/geo_types.h"
#include "poleaxis/parallel.h"

namespace poleaxis {

struct CircleUnion {
  MultiPolygon shape;
  size_t circles_dropped = 0;  // wholly inside neighbours
  size_t circles_trimmed = 0;  // kept with fewer vertices
  size_t vertices_in = 0;      // vertices of all input circles
  size_t vertices_overlaid = 0;
  size_t holes_filled = 0;
};

// shapes[i] is the lon/lat polygon of the circle of radius radii_m[i] around
// centres[i], as geodesic_circle() builds it.
CircleUnion union_circles(const std::vector<Point>& centres, const std::vector<double>& radii_m,
                          const std::vector<MultiPolygon>& shapes, Feedback* feedback = nullptr,
                          unsigned workers = worker_count());

}  // namespace poleaxis
