#include "poleaxis/network.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <queue>
#include <unordered_map>

#include "point_key.h"
#include "poleaxis/geodesic.h"
#include "poleaxis/hierarchical.h"

namespace poleaxis {

namespace {

// A raw edge between consecutive points of a part.
struct RawEdge {
  size_t a, b;
  size_t line;
  Polyline shape;
};

Point along(Point a, Point b, double t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

double length_km(const Polyline& shape) {
  const Geodesic& g = Geodesic::wgs84();
  double m = 0;
  for (size_t i = 0; i + 1 < shape.size(); ++i) m += g.distance_m(shape[i], shape[i + 1]);
  return m / 1000.0;
}

}  // namespace

Network::Network(const std::vector<Line>& input, const std::vector<double>& speeds_kmh,
                 const std::vector<Point>& centres, const NetworkOptions& options, Feedback* feedback) {
  const double snap_m = options.snap_m;
  ProgressSlice noding_progress(feedback, 0, 60);
  NodedLines noded = node_lines(input, options.noding, &noding_progress);
  noding_ = noded.stats;
  const std::vector<Line>& lines = noded.lines;

  std::unordered_map<PointKey, size_t, PointKeyHash> node_of;
  std::vector<char> keep;  // node must survive contraction (centre or junction)
  auto node = [&](Point p) {
    auto it = node_of.emplace(key_of(p), node_of.size()).first;
    if (it->second == keep.size()) keep.push_back(0);
    return it->second;
  };

  // Where each centre splices in: (line, part, segment) → sorted (t, centre).
  snapped_.assign(centres.size(), -1);
  snap_m_.assign(centres.size(), NAN);
  std::map<std::tuple<size_t, size_t, size_t>, std::vector<std::pair<double, size_t>>> splices;
  const LineIndex index(lines);
  // The largest piece by length, and an index over its parts alone, for
  // centres whose nearest line is a separate piece.
  const PartComponents pieces = part_components(lines);
  std::vector<double> piece_km(pieces.count, 0.0);
  for (size_t l = 0; l < lines.size(); ++l)
    for (size_t p = 0; p < lines[l].size(); ++p) piece_km[pieces.component[pieces.offset[l] + p]] += length_km(lines[l][p]);
  const size_t largest = size_t(std::max_element(piece_km.begin(), piece_km.end()) - piece_km.begin());
  std::vector<Line> main_parts;
  std::vector<std::pair<size_t, size_t>> main_part_of;
  std::unique_ptr<LineIndex> main_index;
  throw_if_canceled(feedback);
  for (size_t c = 0; c < centres.size(); ++c) {
    LineIndex::Nearest near = index.nearest(centres[c]);
    if (near.line < 0) continue;
    if (options.prefer_largest && pieces.count > 1 &&
        pieces.component[pieces.offset[size_t(near.line)] + near.part] != largest) {
      if (!main_index) {
        for (size_t l = 0; l < lines.size(); ++l)
          for (size_t p = 0; p < lines[l].size(); ++p)
            if (pieces.component[pieces.offset[l] + p] == largest) {
              main_parts.push_back({lines[l][p]});
              main_part_of.emplace_back(l, p);
            }
        main_index = std::make_unique<LineIndex>(main_parts);
      }
      LineIndex::Nearest main = main_index->nearest(centres[c]);
      if (main.line >= 0 && main.metres <= snap_m) {
        const auto [l, p] = main_part_of[size_t(main.line)];
        main.line = long(l);
        main.part = p;
        near = main;
        moved_to_largest_.push_back(c);
      }
    }
    snap_m_[c] = near.metres;
    if (near.metres <= snap_m) splices[{size_t(near.line), near.part, near.segment}].push_back({near.t, c});
  }

  // A vertex that occurs more than once (in two lines, or twice in one) is a
  // junction: the lines are cut there. Every other interior vertex is shape.
  std::unordered_map<PointKey, uint32_t, PointKeyHash> occurrences;
  for (const Line& line : lines)
    for (const Polyline& part : line)
      for (const Point& v : part) ++occurrences[key_of(v)];
  auto junction = [&](Point v) { return occurrences[key_of(v)] > 1; };

  std::vector<RawEdge> raw;
  for (size_t l = 0; l < lines.size(); ++l)
    for (size_t p = 0; p < lines[l].size(); ++p) {
      const Polyline& part = lines[l][p];
      if (part.size() < 2) continue;
      Polyline shape{part[0]};
      size_t from = node(part[0]);
      auto close_at = [&](Point at, size_t to) {
        shape.push_back(at);
        if (to != from) raw.push_back({from, to, l, shape});
        shape = {at};
        from = to;
      };
      for (size_t s = 0; s + 1 < part.size(); ++s) {
        auto it = splices.find({l, p, s});
        if (it != splices.end()) {
          std::sort(it->second.begin(), it->second.end());
          for (const auto& [t, c] : it->second) {
            const Point at = t <= 0 ? part[s] : t >= 1 ? part[s + 1] : along(part[s], part[s + 1], t);
            const size_t n = node(at);
            keep[n] = 1;
            snapped_[c] = long(n);
            if (n != from) close_at(at, n);
          }
        }
        if (s + 2 < part.size()) {
          if (junction(part[s + 1]))
            close_at(part[s + 1], node(part[s + 1]));
          else
            shape.push_back(part[s + 1]);
        }
      }
      close_at(part.back(), node(part.back()));
    }

  // Contract chains of degree-2 nodes that join two edges of one line.
  const size_t nodes = keep.size();
  std::vector<std::vector<size_t>> incident(nodes);
  for (size_t e = 0; e < raw.size(); ++e) {
    incident[raw[e].a].push_back(e);
    incident[raw[e].b].push_back(e);
  }
  auto passes_through = [&](size_t n) {
    return !keep[n] && incident[n].size() == 2 && raw[incident[n][0]].line == raw[incident[n][1]].line &&
           incident[n][0] != incident[n][1];
  };
  std::vector<long> new_id(nodes, -1);
  size_t next_id = 0;
  auto id_of = [&](size_t n) {
    if (new_id[n] < 0) new_id[n] = long(next_id++);
    return size_t(new_id[n]);
  };
  std::vector<char> used(raw.size(), 0);
  auto walk = [&](size_t start, size_t first_edge) {
    // From a kept node along first_edge until the next kept node.
    NetworkEdge out;
    out.from = id_of(start);
    out.line = raw[first_edge].line;
    size_t at = start, e = first_edge;
    out.shape = {};
    while (true) {
      used[e] = 1;
      const RawEdge& r = raw[e];
      Polyline piece = r.shape;
      if (r.a != at) std::reverse(piece.begin(), piece.end());
      out.shape.insert(out.shape.end(), out.shape.empty() ? piece.begin() : piece.begin() + 1, piece.end());
      at = r.a == at ? r.b : r.a;
      if (!passes_through(at) || at == start) break;
      e = incident[at][0] == e ? incident[at][1] : incident[at][0];
      if (used[e]) break;
    }
    out.to = id_of(at);
    out.km = length_km(out.shape);
    const double speed = out.line < speeds_kmh.size() ? speeds_kmh[out.line] : NAN;
    out.minutes = speed > 0 ? out.km / speed * 60.0 : NAN;
    edges_.push_back(std::move(out));
  };
  for (size_t n = 0; n < nodes; ++n)
    if (!passes_through(n))
      for (size_t e : incident[n])
        if (!used[e]) walk(n, e);
  for (size_t e = 0; e < raw.size(); ++e)  // loops made only of pass-through nodes
    if (!used[e]) {
      keep[raw[e].a] = 1;
      walk(raw[e].a, e);
    }
  for (long& s : snapped_)
    if (s >= 0) s = long(id_of(size_t(s)));
  adjacency_.assign(next_id, {});
  for (size_t e = 0; e < edges_.size(); ++e) {
    adjacency_[edges_[e].from].push_back(e);
    if (edges_[e].to != edges_[e].from) adjacency_[edges_[e].to].push_back(e);
  }

  // Components by breadth-first search, then numbered by length.
  std::vector<long> raw_component(next_id, -1);
  std::vector<NetworkComponent> found;
  for (size_t start = 0; start < next_id; ++start) {
    if (raw_component[start] >= 0 || adjacency_[start].empty()) continue;
    const long id = long(found.size());
    found.emplace_back();
    std::vector<size_t> stack{start};
    raw_component[start] = id;
    while (!stack.empty()) {
      const size_t u = stack.back();
      stack.pop_back();
      ++found[size_t(id)].nodes;
      for (size_t e : adjacency_[u]) {
        const size_t v = edges_[e].from == u ? edges_[e].to : edges_[e].from;
        if (raw_component[v] < 0) {
          raw_component[v] = id;
          stack.push_back(v);
        }
      }
    }
  }
  for (const NetworkEdge& edge : edges_) {
    NetworkComponent& c = found[size_t(raw_component[edge.from])];
    ++c.edges;
    c.km += edge.km;
    total_km_ += edge.km;
  }
  for (long s : snapped_)
    if (s >= 0 && raw_component[size_t(s)] >= 0) ++found[size_t(raw_component[size_t(s)])].centres;
  std::vector<size_t> order(found.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return found[a].km > found[b].km; });
  std::vector<size_t> rank(found.size());
  for (size_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = r;
    components_.push_back(found[order[r]]);
  }
  node_component_.assign(next_id, kNoComponent);
  for (size_t n = 0; n < next_id; ++n)
    if (raw_component[n] >= 0) node_component_[n] = rank[size_t(raw_component[n])];
  if (feedback) feedback->progress(100);
}

void Network::shortest_paths(size_t source, bool by_minutes, Tree& tree, double limit) const {
  const double inf = std::numeric_limits<double>::infinity();
  tree.dist.assign(node_count(), inf);
  tree.pred_edge.assign(node_count(), -1);
  tree.settled.clear();
  std::vector<char> done(node_count(), 0);
  // (distance, push order, node): equal distances leave in push order.
  using Item = std::tuple<double, uint64_t, size_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
  uint64_t pushes = 0;
  tree.dist[source] = 0;
  heap.emplace(0.0, pushes++, source);
  while (!heap.empty()) {
    const auto [d, order, u] = heap.top();
    heap.pop();
    if (done[u]) continue;
    if (d > limit) break;
    done[u] = 1;
    tree.settled.push_back(u);
    for (size_t e : adjacency_[u]) {
      const NetworkEdge& edge = edges_[e];
      const double w = by_minutes ? edge.minutes : edge.km;
      if (!(w >= 0)) continue;  // no speed: not travelled in time mode
      const size_t v = edge.from == u ? edge.to : edge.from;
      if (done[v]) continue;
      const double nd = d + w;
      if (nd < tree.dist[v]) {
        tree.dist[v] = nd;
        tree.pred_edge[v] = long(e);
        heap.emplace(nd, pushes++, v);
      }
    }
  }
}

namespace {
// Centres per node, so a tree's settled nodes give the centres they hold.
std::vector<std::vector<size_t>> centres_by_node(const Network& network) {
  std::vector<std::vector<size_t>> out(network.node_count());
  for (size_t c = 0; c < network.snapped().size(); ++c)
    if (network.snapped()[c] >= 0) out[size_t(network.snapped()[c])].push_back(c);
  return out;
}
}  // namespace

std::vector<std::vector<size_t>> network_neighbourhoods(const Network& network, double km, Feedback* feedback,
                                                        unsigned workers) {
  const size_t n = network.snapped().size();
  const std::vector<std::vector<size_t>> at = centres_by_node(network);
  std::vector<std::vector<size_t>> out(n);
  parallel_for(n, workers, [&](size_t i, unsigned) {
    if (i % 64 == 0) {
      throw_if_canceled(feedback);
      if (feedback) feedback->progress(100.0 * double(i) / double(n));
    }
    if (network.snapped()[i] < 0) {
      out[i] = {i};
      return;
    }
    Network::Tree tree;
    network.shortest_paths(size_t(network.snapped()[i]), false, tree, km);
    for (size_t node : tree.settled)
      for (size_t j : at[node]) out[i].push_back(j);
    std::sort(out[i].begin(), out[i].end());
  });
  return out;
}

namespace {
template <class T>
std::vector<T> network_condensed_as(const Network& network, Feedback* feedback, unsigned workers) {
  const size_t n = network.snapped().size();
  std::vector<T> d = condensed_matrix<T>(n, T(kUnreachableM));
  parallel_for(n, workers, [&](size_t i, unsigned) {
    if (i % 64 == 0) {
      throw_if_canceled(feedback);
      if (feedback) feedback->progress(100.0 * double(i) / double(n));
    }
    if (network.snapped()[i] < 0) return;
    Network::Tree tree;
    network.shortest_paths(size_t(network.snapped()[i]), false, tree);
    for (size_t j = i + 1; j < n; ++j)
      if (network.snapped()[j] >= 0 && std::isfinite(tree.dist[size_t(network.snapped()[j])]))
        d[n * i - i * (i + 1) / 2 + (j - i - 1)] = T(tree.dist[size_t(network.snapped()[j])] * 1000.0);
  });
  return d;
}
}  // namespace

std::vector<double> network_condensed(const Network& network, Feedback* feedback, unsigned workers) {
  return network_condensed_as<double>(network, feedback, workers);
}
std::vector<float> network_condensed_f32(const Network& network, Feedback* feedback, unsigned workers) {
  return network_condensed_as<float>(network, feedback, workers);
}

}  // namespace poleaxis
