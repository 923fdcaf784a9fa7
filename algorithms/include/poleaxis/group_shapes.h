// Shapes around town groups, and colours that keep neighbouring groups apart.
// Coordinates are planar (a projected working CRS); the geodesic footprint of
// lon/lat towns is union_circles() from circle_union.h.
#pragma once

#include <vector>

#include "poleaxis/geo_types.h"

namespace poleaxis {

enum class HullKind { Convex, Concave };

// Convex hull, or GEOS's concave hull with `concavity` in [0, 1] (0: the
// most concave, 1: the convex hull; GEOS's edge-length ratio). Empty when the
// points span no area (fewer than 3, or all on one line).
MultiPolygon group_hull(const std::vector<Point>& xy, HullKind kind, double concavity = 0.3);

// Union of discs of `radius` around the points, `segments` per quarter circle.
MultiPolygon disc_footprint(const std::vector<Point>& xy, double radius, int quarter_segments = 8);

// Greedy colouring (largest degree first, Welsh–Powell): shapes closer than
// `gap` (same units) get different colours 0, 1, …; as few as the order finds.
std::vector<int> colour_neighbours(const std::vector<MultiPolygon>& shapes, double gap);

}  // namespace poleaxis
