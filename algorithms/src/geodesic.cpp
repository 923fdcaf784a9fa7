#include "poleaxis/geodesic.h"

#include <cmath>
#include <vector>

namespace poleaxis {

Geodesic::Geodesic(double a, double f) { geod_init(&geod_, a, f); }

const Geodesic& Geodesic::wgs84() {
  static const Geodesic instance(6378137.0, 1.0 / 298.257223563);
  return instance;
}

double Geodesic::distance_m(Point from, Point to) const {
  double s12 = 0.0;
  geod_inverse(&geod_, from.y, from.x, to.y, to.x, &s12, nullptr, nullptr);
  return s12;
}

Point Geodesic::destination(Point from, double azimuth_deg, double distance_m,
                            bool unroll) const {
  double lat2 = 0.0, lon2 = 0.0;
  geod_gendirect(&geod_, from.y, from.x, azimuth_deg,
                 unroll ? GEOD_LONG_UNROLL : GEOD_NOFLAGS, distance_m, &lat2,
                 &lon2, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr);
  return {lon2, lat2};
}

double Geodesic::ring_area_m2(const Ring& ring) const {
  // geod_polygonarea wants an open ring as two coordinate arrays.
  size_t n = ring.size();
  if (n > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y)
    --n;
  if (n < 3) return 0.0;
  std::vector<double> lats(n), lons(n);
  for (size_t i = 0; i < n; ++i) {
    lats[i] = ring[i].y;
    lons[i] = ring[i].x;
  }
  double area = 0.0;
  geod_polygonarea(&geod_, lats.data(), lons.data(), static_cast<int>(n), &area,
                   nullptr);
  return std::fabs(area);
}

double Geodesic::area_m2(const Polygon& polygon) const {
  double area = 0.0;
  for (size_t i = 0; i < polygon.rings.size(); ++i)
    area += (i == 0 ? 1.0 : -1.0) * ring_area_m2(polygon.rings[i]);
  return area;
}

double Geodesic::area_m2(const MultiPolygon& polygons) const {
  double area = 0.0;
  for (const Polygon& polygon : polygons) area += area_m2(polygon);
  return area;
}

}  // namespace poleaxis
