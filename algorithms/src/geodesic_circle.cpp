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
