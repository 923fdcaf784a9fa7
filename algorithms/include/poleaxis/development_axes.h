// Development axes (发展轴) from the gravity model: the pull between centres,
// G_ij = k·M_i·M_j / d_ij^b, routed over the line network to find which lines
// carry it.
#pragma once

#include <memory>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/network.h"

namespace poleaxis {

enum class DistanceMode { Geodesic, NetworkKm, NetworkMinutes };
enum class PairMode { All, TopN, Threshold };
enum class Grading { Jenks, HeadTail };

// More pairs reach the gravity threshold than AxesRequest::max_threshold_pairs.
class TooManyPairs : public InputError {
 public:
  using InputError::InputError;
};

struct AxesRequest {
  std::vector<Point> centres;  // lon/lat
  std::vector<double> mass;    // > 0
  // Per centre (empty: none): a centre outside the plan (a metropolis that
  // pulls on it). External centres pair only with internal ones.
  std::vector<char> external;
  DistanceMode distance = DistanceMode::Geodesic;
  double exponent = 2.0;
  double k = 1.0;
  // Pairs closer than this (km, or minutes in minutes mode) count at this
  // distance: towns a few km apart are one agglomeration, and without a floor
  // G = k·M·M/d^b lets them outweigh every axis. 0: no floor (pairs at
  // distance 0 are then left out).
  double min_distance = 10.0;
  PairMode pairs = PairMode::TopN;
  int top_n = 3;
  double min_gravity = 0.0;
  // Threshold mode: more pairs than this reaching min_gravity is refused
  // (InputError), not computed until memory runs out.
  size_t max_threshold_pairs = 10000000;
  // The network (optional in geodesic mode: flows are routed when given).
  std::vector<Line> lines;
  std::vector<double> speeds_kmh;  // per line, for minutes
  NetworkOptions network;          // snapping and noding
  // Grades 1–3 of the edges with flow, weighted by edge length: Jenks
  // natural breaks, or head/tail breaks (suited to heavy-tailed flows).
  Grading grading = Grading::Jenks;
};

struct GravityPair {
  size_t i = 0, j = 0;  // i < j
  double d = 0.0;       // km, or minutes in minutes mode (before the floor)
  double km = 0.0;      // the distance in km (network km on the route when routed, else geodesic)
  double g = 0.0;
};

struct AxesResult {
  std::vector<GravityPair> pairs;  // strongest first; rank = index + 1
  double total_g = 0.0;
  std::unique_ptr<Network> network;  // when lines were given
  std::vector<double> edge_flow;     // per network edge: Σ G of pairs routed over it
  std::vector<double> edge_external_flow;  // the part of edge_flow from pairs with an external centre
  std::vector<long> edge_top_pair;   // per edge: index into pairs of the strongest pair routed over it, −1: none
  std::vector<int> edge_grade;       // 1 (strongest) … 3, length-weighted; 0 for no flow
  std::vector<double> grade_breaks;  // flow upper bounds, ascending
  std::vector<size_t> unsnapped;     // centres farther than network.snap_m from every line
  size_t unreachable_pairs = 0;      // no path: different network components
  size_t colocated_pairs = 0;        // distance 0 with no floor: left out (G would be infinite)
};

// Throws InputError: fewer than 2 centres, fewer than 1 internal centre, a mass that is not > 0 (item =
// centre), exponent < 0, k <= 0, min distance < 0, top N < 1, network modes
// without lines.
// Centres beyond network.snap_m are left out of network modes and listed.
AxesResult development_axes(const AxesRequest& request, Feedback* feedback = nullptr);

}  // namespace poleaxis
