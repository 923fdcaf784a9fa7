// A routable network from lines (railways, highways): vertices shared by
// lines are junctions, centres are spliced in where they snap, chains of
// degree-2 vertices are contracted into single edges.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/line_index.h"
#include "poleaxis/parallel.h"

namespace poleaxis {

struct NetworkEdge {
  size_t from = 0, to = 0;
  double km = 0.0;       // geodesic length along the line
  double minutes = NAN;  // km / speed · 60 when the line has a speed
  size_t line = 0;       // the input line it follows
  Polyline shape;        // lon/lat, from `from` to `to`
};

class Network {
 public:
  // speeds_kmh: one per line (NaN: no travel time). Vertices are joined when
  // their coordinates are equal to 1e-9°. Centres within snap_m of a line are
  // spliced into it at the nearest point; snapped[i] is their node (−1: too
  // far), snap_m_out[i] the distance.
  Network(const std::vector<Line>& lines, const std::vector<double>& speeds_kmh, const std::vector<Point>& centres,
          double snap_m);

  size_t node_count() const { return adjacency_.size(); }
  const std::vector<NetworkEdge>& edges() const { return edges_; }
  const std::vector<long>& snapped() const { return snapped_; }
  const std::vector<double>& snap_distance_m() const { return snap_m_; }

  struct Tree {
    std::vector<double> dist;      // per node; infinity when unreachable
    std::vector<long> pred_edge;   // edge used to reach the node, −1 at the source / unreached
    std::vector<size_t> settled;   // nodes in the order they were settled
  };
  // Dijkstra by km or minutes. Among equal tentative distances the node
  // pushed first is settled first, and a path is only replaced by a strictly
  // shorter one, as NetworkX's dijkstra does.
  // Nodes farther than `limit` are left unsettled (distance infinity or a
  // tentative value above the limit).
  void shortest_paths(size_t source, bool by_minutes, Tree& tree,
                      double limit = std::numeric_limits<double>::infinity()) const;

 private:
  std::vector<NetworkEdge> edges_;
  std::vector<std::vector<size_t>> adjacency_;  // edge indices per node
  std::vector<long> snapped_;
  std::vector<double> snap_m_;
};

// Network distances between the centres a Network was built with, for
// clustering: each centre's neighbours within `km` (itself included; an
// unsnapped centre has only itself), or the condensed matrix in metres with
// kUnreachableM between centres that no path joins (or that did not snap).
constexpr double kUnreachableM = 1e12;
std::vector<std::vector<size_t>> network_neighbourhoods(const Network& network, double km, Feedback* feedback = nullptr,
                                                        unsigned workers = worker_count());
std::vector<double> network_condensed(const Network& network, Feedback* feedback = nullptr,
                                      unsigned workers = worker_count());

}  // namespace poleaxis
