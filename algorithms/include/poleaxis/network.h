// A routable network from lines (railways, highways): vertices shared by
// lines are junctions, centres are spliced in where they snap, chains of
// degree-2 vertices are contracted into single edges.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include "poleaxis/line_index.h"

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
  void shortest_paths(size_t source, bool by_minutes, Tree& tree) const;

 private:
  std::vector<NetworkEdge> edges_;
  std::vector<std::vector<size_t>> adjacency_;  // edge indices per node
  std::vector<long> snapped_;
  std::vector<double> snap_m_;
};

}  // namespace poleaxis
