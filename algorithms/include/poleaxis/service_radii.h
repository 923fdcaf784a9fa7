// Service circles around centres (Jilin's "half-hour economic circle"): true
// geodesic circles, optionally dissolved, clipped to a study area with the
// uncovered gaps, and the demand (towns) they cover.
#pragma once

#include <string>
#include <vector>

#include "poleaxis/circle_union.h"
#include "poleaxis/coverage.h"
#include "poleaxis/feedback.h"
#include "poleaxis/geo_types.h"

namespace poleaxis {

enum class Dissolve { None, ByGroup, All };

// A geodesic disc: a piece of a centre's reach.
struct Disc {
  Point centre;  // lon/lat
  double radius_m = 0.0;
};

struct ServiceRadiiRequest {
  std::vector<Point> centres;  // lon/lat, WGS 84
  std::vector<double> radii_km;
  std::vector<std::string> groups;  // one per centre; used by Dissolve::ByGroup
  int segments = 72;
  Dissolve dissolve = Dissolve::None;
  bool clip = false;
  MultiPolygon study_area;  // lon/lat; used when clip is set
  bool with_demand = false;
  std::vector<Point> demand;           // lon/lat
  std::vector<double> demand_weights;  // empty: 1 each
  // When given (one list per centre), a centre's area is the union of its
  // discs instead of one circle of radii_km (travel-time areas); with_demand
  // must then be false: the caller measures coverage its own way.
  std::vector<std::vector<Disc>> reach;
};

struct ServiceArea {
  MultiPolygon shape;  // lon/lat; empty when clipped away entirely
  double area_km2 = 0.0;
  std::vector<size_t> centres;  // indices into the request
  std::string group;            // Dissolve::ByGroup only
};

struct ServiceRadiiResult {
  // None: one per centre, in order; ByGroup: one per group, in order of first
  // appearance; All: one.
  std::vector<ServiceArea> areas;
  std::vector<Polygon> gaps;  // study area not covered, largest first
  std::vector<double> gap_area_km2;
  double study_area_km2 = 0.0;
  double covered_area_km2 = 0.0;  // union of circles (within the study area if clipped)
  Coverage coverage;              // filled when with_demand
  CircleUnion union_stats;        // of the overall union, when one was built
};

// Throws InputError (item = centre index) for an unusable centre or radius,
// Canceled when feedback asks.
ServiceRadiiResult service_radii(const ServiceRadiiRequest& request, Feedback* feedback = nullptr);

}  // namespace poleaxis
