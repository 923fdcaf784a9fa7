// The town groups of a city-region plan ("one circle, many points"): the
// circle group of the central city and the belt groups along the axes. The
// towns in neither are left to clustering.
//  - Circle: every town whose geodesic distance (WGS 84) to the central city
//    is at most circle_km (to 1 mm), the central city itself excepted.
//  - Belts: a town lies in the belt of every axis within belt_km of it
//    (geodesic distance to the axis line); a town may lie in the circle and
//    in belts at once, as in the plans.
#pragma once

#include <cstddef>
#include <vector>

#include "poleaxis/geo_types.h"
#include "poleaxis/line_index.h"

namespace poleaxis {

struct PlanGroupsRequest {
  std::vector<Point> towns;  // lon/lat
  long central = -1;         // index into towns; -1: no circle
  double circle_km = 30.0;   // <= 0: no circle group
  // Per town, the circle's members when the circle is not a distance (a
  // travel time over the network); empty: by circle_km.
  std::vector<char> circle_members;
  std::vector<Line> axes;    // lon/lat; one entry per belt
  double belt_km = 10.0;     // <= 0: no belts
};

struct PlanGroups {
  std::vector<char> in_circle;             // per town
  std::vector<double> central_km;          // per town, geodesic km to the central city (NaN without one)
  std::vector<std::vector<size_t>> belts;  // per town, the axes whose belt holds it, ascending
  std::vector<size_t> belt_size;           // per axis, towns in its belt
  size_t circle_size = 0;
};

// Throws InputError for a central index out of range or a non-finite distance.
PlanGroups plan_groups(const PlanGroupsRequest& request);

// A belt's polygon: the band of belt_km either side of its axis (lon/lat),
// as geodesic 36-gon discs every belt_km / 4 along it: the band's edge lies
// between 98.8 % of belt_km (the inscribed 36-gon, cos 5°, times the scallop
// between discs, √(1 − 1/64)) and belt_km.
MultiPolygon belt_band(const Line& axis, double belt_km);

}  // namespace poleaxis
