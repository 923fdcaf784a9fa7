// The one routable network builder (developmentaxes, townclusters' network
// distances, serviceradii's travel-time areas, townsystem): lines are noded
// first (line_noding.h: crossings, T-junctions, ends within a tolerance),
// then vertices shared by lines are junctions, centres are spliced in where
// they snap, and chains of degree-2 vertices are contracted into single edges.
// Connected components are counted by length; a centre whose nearest line is
// a small separate piece snaps to the largest component when that is within
// the snap distance.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/line_index.h"
#include "poleaxis/line_noding.h"
#include "poleaxis/parallel.h"

namespace poleaxis {

struct NetworkEdge {
  size_t from = 0, to = 0;
  double km = 0.0;       // geodesic length along the line
  double minutes = NAN;  // km / speed · 60 when the line has a speed
  size_t line = 0;       // the input line it follows
  Polyline shape;        // lon/lat, from `from` to `to`
};

struct NetworkOptions {
  double snap_m = 5000.0;  // centres farther than this from every line stay off the network
  NodingOptions noding;
  // Snap a centre to the largest component (within snap_m) when its nearest
  // line lies in another one.
  bool prefer_largest = true;
};

struct NetworkComponent {
  size_t nodes = 0, edges = 0, centres = 0;
  double km = 0.0;
};

class Network {
 public:
  // speeds_kmh: one per line (NaN: no travel time). After noding, vertices
  // are joined when their coordinates are equal to 1e-9°. Centres within
  // snap_m of a line are spliced into it at the nearest point; snapped[i] is
  // their node (−1: too far), snap_distance_m()[i] the distance.
  // Throws LineError for a bad tolerance or a non-finite vertex (item = line).
  Network(const std::vector<Line>& lines, const std::vector<double>& speeds_kmh, const std::vector<Point>& centres,
          const NetworkOptions& options, Feedback* feedback = nullptr);

  size_t node_count() const { return adjacency_.size(); }
  const std::vector<NetworkEdge>& edges() const { return edges_; }
  const std::vector<long>& snapped() const { return snapped_; }
  const std::vector<double>& snap_distance_m() const { return snap_m_; }

  // What the noding joined; components before noding are in its stats.
  const NodingStats& noding() const { return noding_; }
  // Components by length, largest first; component_of(node) indexes it
  // (kNoComponent for a node without edges: a line that collapsed to a point).
  static constexpr size_t kNoComponent = size_t(-1);
  const std::vector<NetworkComponent>& components() const { return components_; }
  size_t component_of(size_t node) const { return node_component_[node]; }
  double total_km() const { return total_km_; }
  // Share of the network's km in its largest component, percent.
  double largest_share() const { return total_km_ > 0 && !components_.empty() ? 100.0 * components_[0].km / total_km_ : 0.0; }
  // Centres whose nearest line was a separate piece and that were snapped to
  // the largest component instead.
  const std::vector<size_t>& moved_to_largest() const { return moved_to_largest_; }

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
  NodingStats noding_;
  std::vector<NetworkComponent> components_;
  std::vector<size_t> node_component_;
  std::vector<size_t> moved_to_largest_;
  double total_km_ = 0.0;
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
// The same, stored as float32 (see linkage() on a float32 matrix).
std::vector<float> network_condensed_f32(const Network& network, Feedback* feedback = nullptr,
                                         unsigned workers = worker_count());

}  // namespace poleaxis
