// Travel-time service areas (the "half-hour economic circle" as half an hour
// of travel, not a circle): what can be reached from each centre within T
// minutes over the line network, plus the reach left off the network.
//
// Method. One network (network.h: noded lines, centres and demand points
// spliced in) and one Dijkstra by minutes per centre, limited to T, run in
// parallel. A centre reaches the network at its snap point after
// a_c = snap km / access speed; the time left there is T − a_c.
//  - Area: the union of geodesic discs. At the centre, radius T·v_a (going
//    straight off the network). Along every edge reached from either end,
//    sample points at most `step` apart, and the exact points where the time
//    runs out; a sample with time r left gets radius max(r·v_a, step/2), so
//    the reached lines themselves are in the area as a band of at least
//    step/2 (step = T·v_a/4, clamped to 0.2–5 km). Nothing that cannot be
//    reached is painted: unlike a surface interpolated between reached
//    nodes (QNEAT3's iso-areas), every point of the area is within its
//    disc's reach of a reached point.
//  - Demand: a point q is covered by centre c when
//      min( d(c, q) / v_a,  a_c + network minutes(c → q's snap) + a_q ) <= T,
//    an exact graph quantity (no polygon test), so it can be checked against
//    any shortest-path library on the same graph.
#pragma once

#include <limits>
#include <memory>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/network.h"
#include "poleaxis/service_radii.h"

namespace poleaxis {

struct TravelAreaRequest {
  std::vector<Point> centres;  // lon/lat
  std::vector<Line> lines;
  std::vector<double> speeds_kmh;  // per line, > 0 (lines without a speed are not travelled)
  NetworkOptions network;          // snapping (of centres and demand) and noding
  double minutes = 30.0;           // T
  double access_kmh = 20.0;        // v_a: off the network
  int segments = 72;               // per disc
  Dissolve dissolve = Dissolve::None;
  std::vector<std::string> groups;  // Dissolve::ByGroup
  bool clip = false;
  MultiPolygon study_area;
  std::vector<Point> demand;           // lon/lat; coverage when not empty
  std::vector<double> demand_weights;  // empty: 1 each
};

struct TravelAreaResult {
  ServiceRadiiResult areas;  // coverage filled by travel time (nearest = fastest centre)
  std::vector<double> demand_minutes;  // fastest time per demand point; infinity when none reaches it within T
  std::vector<double> centre_access_minutes;  // a_c per centre; infinity when it did not snap
  std::unique_ptr<Network> network;    // centres first, then demand points
};

// Throws InputError for minutes or access speed not > 0, a centre whose
// discs cannot be built (item = centre), and what the network builder refuses.
TravelAreaResult travel_areas(const TravelAreaRequest& request, Feedback* feedback = nullptr);

}  // namespace poleaxis
