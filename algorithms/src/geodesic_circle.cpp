#include "poleaxis/geodesic_circle.h"

#include <cmath>
#include <string>

#include "poleaxis/feedback.h"
#include "poleaxis/geodesic.h"
#include "poleaxis/polygon_ops.h"

namespace poleaxis {

Ring geodesic_circle_ring(Point centre, double radius_m, int segments) {
  const Geodesic& geod = Geodesic::wgs84();
  Ring ring(static_cast<size_t>(segments));
  // Decreasing azimuth walks north → west → south → east: counter-clockwise
  // in lon/lat, the orientation GIS shells conventionally have. An ellipsoid
  // of revolution is symmetric about the centre's meridian, so the vertex at
  // azimuth +α mirrors the one at −α: compute one half, reflect the other.
  for (int k = 0; k <= segments / 2; ++k)
    ring[size_t(k)] = geod.destination(centre, -360.0 * k / segments, radius_m, /*unroll=*/true);
  for (int k = segments / 2 + 1; k < segments; ++k) {
    const Point& twin = ring[size_t(segments - k)];
    ring[size_t(k)] = {2.0 * centre.x - twin.x, twin.y};
  }
  ring.push_back(ring.front());
  return ring;
}

bool circle_reaches_pole(Point centre, double radius_m) {
  // A degree of meridian is at least 110.5 km: most circles are settled
  // without a geodesic computation.
  if (radius_m < (90.0 - std::fabs(centre.y)) * 110000.0) return false;
  const Geodesic& geod = Geodesic::wgs84();
  const double to_north = geod.distance_m(centre, {centre.x, 90.0});
  const double to_south = geod.distance_m(centre, {centre.x, -90.0});
  return radius_m >= std::min(to_north, to_south);
}

MultiPolygon wrap_antimeridian(const MultiPolygon& unrolled) {
  const Bounds b = bounds(unrolled);
  if (b.xmin >= -180.0 && b.xmax <= 180.0) return unrolled;
  MultiPolygon out;
  // Cut into 360°-wide windows and shift each piece back by whole turns.
  const int first = static_cast<int>(std::floor((b.xmin + 180.0) / 360.0));
  const int last = static_cast<int>(std::floor((b.xmax + 180.0) / 360.0));
  for (int turn = first; turn <= last; ++turn) {
    const double lo = -180.0 + 360.0 * turn;
    MultiPolygon piece = clip_to_rect(unrolled, lo, -90.0, lo + 360.0, 90.0);
    for (Polygon& p : piece) {
      for (Ring& r : p.rings)
        for (Point& q : r) q.x -= 360.0 * turn;
      out.push_back(std::move(p));
    }
  }
  return out;
}

MultiPolygon lonlat_polygons(const MultiPolygon& transformed) {
  MultiPolygon unrolled;
  bool changed = false;
  for (const Polygon& polygon : transformed) {
    Polygon out;
    for (const Ring& ring : polygon.rings) {
      if (ring.size() < 4) {
        out.rings.push_back(ring);
        continue;
      }
      // A vertex on a pole has no longitude of its own (the transform gives
      // any): in lon/lat the pole is an edge, from the previous vertex's
      // longitude to the next one's.
      auto on_pole = [](const Point& q) { return std::fabs(q.y) >= 90.0 - 1e-9; };
      const size_t m = ring.size() - 1;  // closed: the last vertex repeats the first
      Ring open;
      open.reserve(ring.size() + 4);
      for (size_t k = 0; k < m; ++k) {
        if (!on_pole(ring[k])) {
          open.push_back(ring[k]);
          continue;
        }
        const Point& before = ring[(k + m - 1) % m];
        const Point& after = ring[(k + 1) % m];
        open.push_back({before.x, ring[k].y});
        open.push_back({after.x, ring[k].y});
        changed = true;
      }
      open.push_back(open.front());
      Ring r;
      r.reserve(open.size() + 3);
      r.push_back(open.front());
      double shift = 0;
      for (size_t k = 1; k < open.size(); ++k) {
        // The short way round: a step of more than 180° in longitude crossed ±180.
        const double step = open[k].x - open[k - 1].x;
        if (step > 180.0) shift -= 360.0, changed = true;
        if (step < -180.0) shift += 360.0, changed = true;
        r.push_back({open[k].x + shift, open[k].y});
      }
      if (std::fabs(shift) > 180.0) {
        // The ring closes one turn away from where it began: it goes round a
        // pole. Close it along that pole (its last vertex repeats the first, a turn apart).
        double mean_lat = 0;
        for (const Point& q : ring) mean_lat += q.y;
        const double pole = mean_lat >= 0 ? 90.0 : -90.0;
        const Point end = r.back(), start = r.front();
        r.push_back({end.x, pole});
        r.push_back({start.x, pole});
        r.push_back(start);
      }
      out.rings.push_back(std::move(r));
    }
    unrolled.push_back(std::move(out));
  }
  return changed ? wrap_antimeridian(unrolled) : unrolled;
}

Bounds compact_lonlat_bounds(const std::vector<Point>& points) {
  Bounds b{INFINITY, INFINITY, -INFINITY, -INFINITY};
  if (points.empty()) return b;
  double east_min = INFINITY, east_max = -INFINITY;  // longitudes in [0, 360)
  for (const Point& p : points) {
    b.xmin = std::min(b.xmin, p.x), b.xmax = std::max(b.xmax, p.x);
    b.ymin = std::min(b.ymin, p.y), b.ymax = std::max(b.ymax, p.y);
    const double east = p.x < 0 ? p.x + 360.0 : p.x;
    east_min = std::min(east_min, east), east_max = std::max(east_max, east);
  }
  if (east_max - east_min < b.xmax - b.xmin) b.xmin = east_min, b.xmax = east_max;
  return b;
}

void check_circle(Point centre, double radius_m, int segments) {
  if (!(radius_m > 0.0) || !std::isfinite(radius_m))
    throw InputError("radius must be a positive number of kilometres, got " +
                     std::to_string(radius_m / 1000.0));
  if (segments < 3) throw InputError("a circle needs at least 3 segments");
  if (!(centre.y >= -90.0 && centre.y <= 90.0) || !std::isfinite(centre.x))
    throw InputError("centre latitude " + std::to_string(centre.y) + " is outside [-90, 90]");
  if (circle_reaches_pole(centre, radius_m))
    throw InputError("a circle of " + std::to_string(radius_m / 1000.0) +
                     " km around latitude " + std::to_string(centre.y) +
                     " reaches a pole; use a smaller radius or a polar projected layer");
}

MultiPolygon geodesic_circle(Point centre, double radius_m, int segments) {
  check_circle(centre, radius_m, segments);
  // Normalise the centre's longitude so unrolled rings stay near [-180, 180].
  centre.x = std::remainder(centre.x, 360.0);
  return wrap_antimeridian({Polygon{{geodesic_circle_ring(centre, radius_m, segments)}}});
}

}  // namespace poleaxis
