// Polygon overlay on plain types (GEOS underneath). Coordinates are planar:
// lon/lat degrees are fine for the small, short-edged shapes the planning
// algorithms build; areas are measured separately (Geodesic::area_m2).
#pragma once

#include "poleaxis/feedback.h"
#include "poleaxis/geo_types.h"
#include "poleaxis/parallel.h"

namespace poleaxis {

// Union of many polygons, cascaded over spatially sorted chunks on several
// threads. Reports progress and honours cancel between chunks.
MultiPolygon union_all(const std::vector<Polygon>& polygons, Feedback* feedback = nullptr,
                       unsigned workers = worker_count());

MultiPolygon intersection(const MultiPolygon& a, const MultiPolygon& b);
MultiPolygon difference(const MultiPolygon& a, const MultiPolygon& b);
MultiPolygon clip_to_rect(const MultiPolygon& a, double xmin, double ymin, double xmax,
                          double ymax);
// Repairs self-intersections and dissolves overlapping parts.
MultiPolygon make_valid(const MultiPolygon& a);

// Planar even-odd test; points on the boundary may go either way.
bool point_in_ring(Point p, const Ring& ring);
bool point_in_polygon(Point p, const Polygon& polygon);
bool point_in_polygons(Point p, const MultiPolygon& polygons);

// Axis-aligned bounds of every ring.
struct Bounds {
  double xmin, ymin, xmax, ymax;
};
Bounds bounds(const MultiPolygon& polygons);

}  // namespace poleaxis

namespace poleaxis {
// Each shape intersected with one mask, in parallel: shapes wholly inside
// are returned unchanged, wholly outside as empty (a prepared-geometry test
// before any overlay).
// Joins polylines that meet end to end into the longest continuous ones
// (GEOS line merge); lon/lat in, lon/lat out.
std::vector<std::vector<Point>> line_merge(const std::vector<std::vector<Point>>& lines);

std::vector<MultiPolygon> clip_each(const std::vector<MultiPolygon>& shapes,
                                    const MultiPolygon& mask, Feedback* feedback = nullptr,
                                    unsigned workers = worker_count());
}  // namespace poleaxis
