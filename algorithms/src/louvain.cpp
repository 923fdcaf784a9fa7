#include "poleaxis/louvain.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <unordered_map>

namespace poleaxis {

namespace {

// Adjacency with self loops kept apart (they count inside a community but
// are not a neighbour to move towards).
struct Graph {
  std::vector<std::vector<std::pair<size_t, double>>> adjacency;
  std::vector<double> self_loop;
  std::vector<double> degree;
  double total = 0;  // 2m
};

Graph make_graph(size_t n, const std::vector<WeightedEdge>& edges) {
  Graph g;
  g.adjacency.resize(n);
  g.self_loop.assign(n, 0);
  g.degree.assign(n, 0);
  for (const WeightedEdge& e : edges) {
    if (e.u == e.v) {
      g.self_loop[e.u] += e.w;
      g.degree[e.u] += 2 * e.w;
    } else {
      g.adjacency[e.u].push_back({e.v, e.w});
      g.adjacency[e.v].push_back({e.u, e.w});
      g.degree[e.u] += e.w;
      g.degree[e.v] += e.w;
    }
  }
  g.total = std::accumulate(g.degree.begin(), g.degree.end(), 0.0);
  return g;
}

// One level of local moves; community per node, renumbered 0..; true when any node moved.
bool move_nodes(const Graph& g, double resolution, std::mt19937_64& rng, std::vector<size_t>& community,
                Feedback* feedback) {
  const size_t n = g.adjacency.size();
  community.resize(n);
  std::iota(community.begin(), community.end(), 0);
  std::vector<double> tot = g.degree;
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<double> link(n, 0);
  std::vector<size_t> touched;
  const double two_m = g.total;
  bool moved_any = false;
  for (bool improved = true; improved;) {
    improved = false;
    throw_if_canceled(feedback);
    for (size_t u : order) {
      const size_t own = community[u];
      const double k = g.degree[u];
      touched.clear();
      for (const auto& [v, w] : g.adjacency[u]) {
        const size_t c = community[v];
        if (link[c] == 0) touched.push_back(c);
        link[c] += w;
      }
      tot[own] -= k;
      const double remove_gain = link[own] - resolution * tot[own] * k / two_m;
      size_t best = own;
      double best_gain = 0;
      for (size_t c : touched) {
        const double gain = link[c] - resolution * tot[c] * k / two_m - remove_gain;
        if (gain > best_gain) {
          best_gain = gain;
          best = c;
        }
      }
      for (size_t c : touched) link[c] = 0;
      tot[best] += k;
      if (best != own) {
        community[u] = best;
        improved = moved_any = true;
      }
    }
  }
  std::vector<long> id(n, -1);
  size_t next = 0;
  for (size_t& c : community) {
    if (id[c] < 0) id[c] = long(next++);
    c = size_t(id[c]);
  }
  return moved_any;
}

Graph collapse(const Graph& g, const std::vector<size_t>& community, size_t count) {
  std::vector<WeightedEdge> edges;
  std::vector<std::unordered_map<size_t, double>> between(count);
  std::vector<double> inside(count, 0);
  for (size_t u = 0; u < g.adjacency.size(); ++u) {
    inside[community[u]] += g.self_loop[u];
    for (const auto& [v, w] : g.adjacency[u]) {
      if (v < u) continue;
      const size_t a = community[u], b = community[v];
      if (a == b) inside[a] += w;
      else between[std::min(a, b)][std::max(a, b)] += w;
    }
  }
  for (size_t a = 0; a < count; ++a) {
    if (inside[a] > 0) edges.push_back({a, a, inside[a]});
    for (const auto& [b, w] : between[a]) edges.push_back({a, b, w});
  }
  return make_graph(count, edges);
}

}  // namespace

double modularity(size_t n, const std::vector<WeightedEdge>& edges, const std::vector<int>& label, double resolution) {
  double m = 0;
  int groups = 0;
  for (int l : label) groups = std::max(groups, l + 1);
  std::vector<double> inside(size_t(groups), 0), degree(size_t(groups), 0);
  for (const WeightedEdge& e : edges) {
    m += e.w;
    const int a = label[e.u], b = label[e.v];
    degree[size_t(a)] += e.w;
    degree[size_t(b)] += e.w;
    if (a == b) inside[size_t(a)] += e.w;
  }
  (void)n;
  if (m <= 0) return 0;
  double q = 0;
  for (size_t c = 0; c < size_t(groups); ++c) q += inside[c] / m - resolution * (degree[c] / (2 * m)) * (degree[c] / (2 * m));
  return q;
}

Communities louvain(size_t n, const std::vector<WeightedEdge>& edges, double resolution, uint64_t seed,
                    double threshold, Feedback* feedback) {
  if (!(resolution > 0) || !std::isfinite(resolution)) throw InputError("the resolution must be > 0");
  for (size_t e = 0; e < edges.size(); ++e) {
    if (!(edges[e].w > 0) || !std::isfinite(edges[e].w)) throw InputError("edge weights must be > 0", long(e));
    if (edges[e].u >= n || edges[e].v >= n) throw InputError("an edge names a node that does not exist", long(e));
  }
  Communities out;
  out.label.resize(n);
  std::iota(out.label.begin(), out.label.end(), 0);
  out.count = int(n);
  out.modularity = modularity(n, edges, out.label, resolution);
  if (edges.empty()) return out;
  std::mt19937_64 rng(seed);
  Graph g = make_graph(n, edges);
  std::vector<size_t> node_of(n);  // each town's node in the current level
  std::iota(node_of.begin(), node_of.end(), 0);
  std::vector<size_t> community;
  while (true) {
    if (feedback) feedback->progress(std::min(95.0, 20.0 * out.levels));
    if (!move_nodes(g, resolution, rng, community, feedback)) break;
    std::vector<int> label(n);
    for (size_t i = 0; i < n; ++i) label[i] = int(community[node_of[i]]);
    const double q = modularity(n, edges, label, resolution);
    const size_t count = size_t(*std::max_element(community.begin(), community.end()) + 1);
    const bool enough = q - out.modularity <= threshold;
    if (q > out.modularity) {
      out.label = label;
      out.modularity = q;
      ++out.levels;
    }
    if (enough) break;
    for (size_t i = 0; i < n; ++i) node_of[i] = community[node_of[i]];
    g = collapse(g, community, count);
  }
  // Renumber in order of each community's first town.
  std::vector<int> id(n, -1);
  out.count = 0;
  for (int& l : out.label) {
    if (id[size_t(l)] < 0) id[size_t(l)] = out.count++;
    l = id[size_t(l)];
  }
  if (feedback) feedback->progress(100);
  return out;
}

}  // namespace poleaxis
