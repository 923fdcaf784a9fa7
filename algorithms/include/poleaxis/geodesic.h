// Distances, destinations and areas on the WGS 84 ellipsoid (PROJ's
// implementation of Karney's geodesic algorithms). Points are lon/lat degrees.
#pragma once

#include <geodesic.h>

#include "poleaxis/geo_types.h"

namespace poleaxis {

class Geodesic {
 public:
  // The WGS 84 ellipsoid; immutable, safe to share between threads.
  static const Geodesic& wgs84();

  double distance_m(Point from, Point to) const;
  // With unroll the longitude continues past ±180 (no wrap), which keeps a
  // ring around a centre near the antimeridian continuous.
  Point destination(Point from, double azimuth_deg, double distance_m,
                    bool unroll = false) const;
  // Area enclosed by a ring whose edges are taken as geodesics, m², >= 0.
  double ring_area_m2(const Ring& ring) const;
  // Shell minus holes.
  double area_m2(const Polygon& polygon) const;
  double area_m2(const MultiPolygon& polygons) const;

  const geod_geodesic* raw() const { return &geod_; }

 private:
  Geodesic(double a, double f);
  geod_geodesic geod_;
};

// Mean Earth radius (IUGG R1) for spherical cross-checks, metres.
constexpr double kMeanEarthRadiusM = 6371008.8;

}  // namespace poleaxis
