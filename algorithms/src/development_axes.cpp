#include "poleaxis/development_axes.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "poleaxis/classification.h"
#include "poleaxis/geodesic.h"
#include "poleaxis/parallel.h"
#include "poleaxis/sphere_index.h"

namespace poleaxis {

namespace {

// Keeps the n strongest (g, partner) with ties to the lower partner index.
struct TopPartners {
  size_t n;
  std::vector<std::pair<double, size_t>> items;
  void offer(double g, size_t j) {
    auto better = [](const std::pair<double, size_t>& a, const std::pair<double, size_t>& b) {
      return a.first > b.first || (a.first == b.first && a.second < b.second);
    };
    if (items.size() < n) {
      items.emplace_back(g, j);
      std::push_heap(items.begin(), items.end(), better);
    } else if (better({g, j}, items.front())) {
      std::pop_heap(items.begin(), items.end(), better);
      items.back() = {g, j};
      std::push_heap(items.begin(), items.end(), better);
    }
  }
};

}  // namespace

AxesResult development_axes(const AxesRequest& request, Feedback* feedback) {
  const size_t n = request.centres.size();
  if (n < 2) throw InputError("gravity needs at least 2 centres");
  if (request.mass.size() != n) throw InputError("one mass per centre is required");
  if (!request.external.empty() && request.external.size() != n) throw InputError("one external flag per centre is required");
  auto is_external = [&](size_t i) { return !request.external.empty() && request.external[i]; };
  size_t internal = 0;
  for (size_t i = 0; i < n; ++i) internal += is_external(i) ? 0 : 1;
  if (internal == 0) throw InputError("every centre is external; gravity needs centres inside the plan");
  for (size_t i = 0; i < n; ++i)
    if (!(request.mass[i] > 0) || !std::isfinite(request.mass[i]))
      throw InputError("mass " + std::to_string(request.mass[i]) + " is not > 0", long(i));
  if (!(request.exponent >= 0) || !std::isfinite(request.exponent)) throw InputError("exponent b must be >= 0");
  if (!(request.k > 0) || !std::isfinite(request.k)) throw InputError("constant k must be > 0");
  if (!(request.min_distance >= 0) || !std::isfinite(request.min_distance))
    throw InputError("the minimum distance must be >= 0");
  if (request.pairs == PairMode::TopN && request.top_n < 1) throw InputError("top N must be at least 1");
  const bool routed_distance = request.distance != DistanceMode::Geodesic;
  if (routed_distance && request.lines.empty()) throw InputError("network distances need lines");
  const bool minutes = request.distance == DistanceMode::NetworkMinutes;

  AxesResult out;
  if (!request.lines.empty())
    out.network = std::make_unique<Network>(request.lines, request.speeds_kmh, request.centres, request.network);
  std::vector<char> usable(n, 1);
  if (out.network)
    for (size_t i = 0; i < n; ++i)
      if (out.network->snapped()[i] < 0) {
        out.unsnapped.push_back(i);
        if (routed_distance) usable[i] = 0;
      }
  throw_if_canceled(feedback);

  const unsigned workers = worker_count();
  const Geodesic& geod = Geodesic::wgs84();
  auto gravity = [&](size_t i, size_t j, double d) {
    return request.k * request.mass[i] * request.mass[j] / std::pow(std::max(d, request.min_distance), request.exponent);
  };
  // Distances from centre i to every centre: network (one Dijkstra) or geodesic.
  auto distances = [&](size_t i, Network::Tree& tree, std::vector<double>& d, bool by_minutes) {
    d.assign(n, NAN);
    if (routed_distance) {
      out.network->shortest_paths(size_t(out.network->snapped()[i]), by_minutes, tree);
      for (size_t j = 0; j < n; ++j)
        if (usable[j]) d[j] = tree.dist[size_t(out.network->snapped()[j])];
    } else {
      for (size_t j = 0; j < n; ++j) d[j] = geod.distance_m(request.centres[i], request.centres[j]) / 1000.0;
    }
  };

  // Pass 1: which pairs. Unordered pairs (i < j); top N keeps O(n·N).
  std::set<std::pair<size_t, size_t>> chosen;
  std::mutex chosen_mutex;
  std::atomic<size_t> unreachable{0}, colocated{0}, done{0};
  std::vector<Network::Tree> trees(workers);
  std::vector<std::vector<double>> dists(workers);
  ProgressSlice pick(feedback, 0, out.network ? 50 : 95);
  // Geodesic top N with a distance decay: each centre's strongest partners
  // through centres grouped by mass, each group with its spherical kd-tree.
  // A radius r grows until, in every group, even its heaviest member beyond r
  // could not beat the N-th best gravity (G ≤ k·M_i·W / max(r, d_min)^b):
  // near n log n where a scan of every pair is n² (169,000 centres: 1.4·10¹⁰).
  // Geodesic threshold the same way: in a group whose heaviest member weighs
  // W, no partner farther than (k·M_i·W / G_min)^(1/b) km reaches G_min.
  const bool indexed = !routed_distance && request.pairs == PairMode::TopN && request.exponent > 0;
  const bool indexed_threshold = !routed_distance && request.pairs == PairMode::Threshold && request.exponent > 0 &&
                                 request.min_gravity > 0;
  const std::vector<WeightBand> bands = indexed || indexed_threshold ? weight_bands(unit_vectors(request.centres), request.mass)
                                                                     : std::vector<WeightBand>();
  std::atomic<size_t> threshold_pairs{0};
  std::vector<std::vector<uint32_t>> seen_by(workers);
  constexpr double kEarthHalfCircumferenceM = 20037509.0;  // a radius beyond it covers the whole sphere
  const size_t kMaxThresholdPairs = request.max_threshold_pairs;
  parallel_for(n, workers, [&](size_t i, unsigned w) {
    throw_if_canceled(feedback);
    pick.progress(100.0 * double(done++) / double(n));
    if (!usable[i]) return;
    if (indexed) {
      std::vector<uint32_t>& seen = seen_by[w];
      if (seen.empty()) seen.assign(n, 0);
      const uint32_t stamp = uint32_t(i + 1);
      seen[i] = stamp;
      TopPartners top{size_t(std::max(1, request.top_n)), {}};
      std::vector<char> band_done(bands.size(), 0);
      for (double r = 20000.0;; r *= 2.0) {
        bool all_done = true;
        for (size_t b = 0; b < bands.size(); ++b) {
          if (band_done[b]) continue;
          const WeightBand& band = bands[b];
          band.index->within(request.centres[i], r, [&](size_t k) {
            const size_t j = band.members[k];
            if (seen[j] == stamp) return;
            seen[j] = stamp;
            if (is_external(i) && is_external(j)) return;
            const double dij = geod.distance_m(request.centres[i], request.centres[j]) / 1000.0;
            if (dij <= 0 && request.min_distance <= 0) {
              if (j > i) ++colocated;
              return;
            }
            top.offer(gravity(i, j, dij), j);
          });
          // Beyond r (the ellipsoid can be up to 1 % shorter than the sphere) nobody in
          // this band can beat the N-th best: strictly, so that ties are all seen.
          const double beyond_km = r / SphereIndex::kEllipsoidSlack / 1000.0;
          const double bound = request.k * request.mass[i] * band.heaviest / std::pow(std::max(beyond_km, request.min_distance), request.exponent);
          if (r >= kEarthHalfCircumferenceM || (top.items.size() == top.n && top.items.front().first > bound))
            band_done[b] = 1;
          else
            all_done = false;
        }
        if (all_done) break;
      }
      std::vector<std::pair<size_t, size_t>> mine;
      for (const auto& [g, j] : top.items) mine.emplace_back(std::min(i, j), std::max(i, j));
      std::lock_guard<std::mutex> lock(chosen_mutex);
      chosen.insert(mine.begin(), mine.end());
      return;
    }
    if (indexed_threshold) {
      std::vector<std::pair<size_t, size_t>> mine;
      for (const WeightBand& band : bands) {
        // Every pair (i, j) is found from i, whose radius for j's band covers j; kept once, as i < j.
        const double reach_km = std::pow(request.k * request.mass[i] * band.heaviest / request.min_gravity, 1.0 / request.exponent);
        const double radius_m = std::min(kEarthHalfCircumferenceM, reach_km * 1000.0 * SphereIndex::kEllipsoidSlack * (1 + 1e-9));
        band.index->within(request.centres[i], radius_m, [&](size_t k) {
          const size_t j = band.members[k];
          if (j <= i || !usable[j] || (is_external(i) && is_external(j))) return;
          const double dij = geod.distance_m(request.centres[i], request.centres[j]) / 1000.0;
          if (dij <= 0 && request.min_distance <= 0) {
            ++colocated;
            return;
          }
          if (gravity(i, j, dij) >= request.min_gravity) mine.emplace_back(i, j);
        });
      }
      // What no map holds is refused, not computed until memory runs out.
      if ((threshold_pairs += mine.size()) > kMaxThresholdPairs)
        throw TooManyPairs("more than " + std::to_string(kMaxThresholdPairs) + " pairs reach the gravity threshold");
      std::lock_guard<std::mutex> lock(chosen_mutex);
      chosen.insert(mine.begin(), mine.end());
      return;
    }
    std::vector<double>& d = dists[w];
    distances(i, trees[w], d, minutes);
    TopPartners top{size_t(std::max(1, request.top_n)), {}};
    std::vector<std::pair<size_t, size_t>> mine;
    for (size_t j = 0; j < n; ++j) {
      if (j == i || !usable[j] || (is_external(i) && is_external(j))) continue;
      if (!std::isfinite(d[j])) {
        if (j > i) ++unreachable;
        continue;
      }
      if (d[j] <= 0 && request.min_distance <= 0) {
        if (j > i) ++colocated;
        continue;
      }
      const double g = gravity(i, j, d[j]);
      if (request.pairs == PairMode::TopN)
        top.offer(g, j);
      else if (j > i && (request.pairs == PairMode::All || g >= request.min_gravity))
        mine.emplace_back(i, j);
    }
    for (const auto& [g, j] : top.items) mine.emplace_back(std::min(i, j), std::max(i, j));
    if (request.pairs == PairMode::Threshold && (threshold_pairs += mine.size()) > kMaxThresholdPairs)
      throw TooManyPairs("more than " + std::to_string(kMaxThresholdPairs) + " pairs reach the gravity threshold");
    std::lock_guard<std::mutex> lock(chosen_mutex);
    chosen.insert(mine.begin(), mine.end());
  });
  out.unreachable_pairs = unreachable;
  out.colocated_pairs = colocated;

  // Pass 2: gravity of the chosen pairs and, over the network, their flows.
  std::vector<std::vector<size_t>> partners(n);
  for (const auto& [i, j] : chosen) partners[i].push_back(j);
  const size_t edges = out.network ? out.network->edges().size() : 0;
  std::vector<std::vector<double>> flow(workers, std::vector<double>(edges, 0.0));
  std::vector<std::vector<double>> external_flow(workers, std::vector<double>(edges, 0.0));
  // Per edge, the strongest pair over it: (g, i, j), the larger g and then the lower (i, j) winning.
  struct Top {
    double g = -1;
    size_t i = 0, j = 0;
    bool beats(const Top& o) const { return g > o.g || (g == o.g && (i < o.i || (i == o.i && j < o.j))); }
  };
  std::vector<std::vector<Top>> top_pair(workers, std::vector<Top>(edges));
  std::vector<std::vector<GravityPair>> found(workers);
  done = 0;
  ProgressSlice route(feedback, out.network ? 50 : 95, 95);
  parallel_for(n, workers, [&](size_t i, unsigned w) {
    throw_if_canceled(feedback);
    route.progress(100.0 * double(done++) / double(n));
    if (partners[i].empty()) return;
    std::vector<double>& d = dists[w];
    Network::Tree& tree = trees[w];
    if (routed_distance) {
      distances(i, tree, d, minutes);
    } else {  // geodesic: only the partners' distances, not the whole row
      if (d.size() != n) d.assign(n, NAN);
      for (size_t j : partners[i]) d[j] = geod.distance_m(request.centres[i], request.centres[j]) / 1000.0;
    }
    const bool routed = out.network && out.network->snapped()[i] >= 0;
    if (routed && !routed_distance) out.network->shortest_paths(size_t(out.network->snapped()[i]), false, tree);
    std::vector<double> load(routed ? out.network->node_count() : 0, 0.0);
    std::vector<double> external_load(routed ? out.network->node_count() : 0, 0.0);
    for (size_t j : partners[i]) {
      GravityPair p{i, j, d[j], d[j], gravity(i, j, d[j])};
      if (routed && out.network->snapped()[j] >= 0) {
        const size_t node = size_t(out.network->snapped()[j]);
        if (std::isfinite(tree.dist[node])) {
          load[node] += p.g;
          if (is_external(i) || is_external(j)) external_load[node] += p.g;
          // The route, back from j: its km (minutes mode), and the strongest pair per edge.
          const Top mine{p.g, i, j};
          double km = 0;
          for (size_t at = node; tree.pred_edge[at] >= 0;) {
            const size_t e = size_t(tree.pred_edge[at]);
            const NetworkEdge& edge = out.network->edges()[e];
            km += edge.km;
            if (mine.beats(top_pair[w][e])) top_pair[w][e] = mine;
            at = edge.from == at ? edge.to : edge.from;
          }
          if (minutes) p.km = km;  // the km of the fastest route
        }
      }
      found[w].push_back(p);
    }
    if (!routed) return;
    // Every node passes its load to its predecessor edge, farthest first.
    for (auto it = tree.settled.rbegin(); it != tree.settled.rend(); ++it) {
      const size_t v = *it;
      const long e = tree.pred_edge[v];
      if (e < 0 || load[v] == 0) continue;
      const NetworkEdge& edge = out.network->edges()[size_t(e)];
      const size_t u = edge.from == v ? edge.to : edge.from;
      flow[w][size_t(e)] += load[v];
      load[u] += load[v];
      if (external_load[v] != 0) {
        external_flow[w][size_t(e)] += external_load[v];
        external_load[u] += external_load[v];
      }
    }
  });

  for (auto& f : found) out.pairs.insert(out.pairs.end(), f.begin(), f.end());
  std::sort(out.pairs.begin(), out.pairs.end(), [](const GravityPair& a, const GravityPair& b) {
    return a.g > b.g || (a.g == b.g && (a.i < b.i || (a.i == b.i && a.j < b.j)));
  });
  for (const GravityPair& p : out.pairs) out.total_g += p.g;
  out.edge_flow.assign(edges, 0.0);
  out.edge_external_flow.assign(edges, 0.0);
  for (unsigned w = 0; w < workers; ++w)
    for (size_t e = 0; e < edges; ++e) {
      out.edge_flow[e] += flow[w][e];
      out.edge_external_flow[e] += external_flow[w][e];
    }
  // The strongest pair per edge, as an index into the sorted pairs.
  out.edge_top_pair.assign(edges, -1);
  if (edges) {
    std::vector<Top> best(edges);
    for (const auto& tops : top_pair)
      for (size_t e = 0; e < edges; ++e)
        if (tops[e].beats(best[e])) best[e] = tops[e];
    std::map<std::pair<size_t, size_t>, long> index_of;
    for (size_t r = 0; r < out.pairs.size(); ++r) index_of[{out.pairs[r].i, out.pairs[r].j}] = long(r);
    for (size_t e = 0; e < edges; ++e)
      if (best[e].g >= 0) {
        const auto it = index_of.find({std::min(best[e].i, best[e].j), std::max(best[e].i, best[e].j)});
        if (it != index_of.end()) out.edge_top_pair[e] = it->second;
      }
  }

  // Grades: Jenks on the edges that carry flow, each weighted by its length
  // so that how lines happen to be cut into edges does not move the breaks;
  // 1 = strongest.
  out.edge_grade.assign(edges, 0);
  std::vector<double> positive, lengths;
  for (size_t e = 0; e < edges; ++e)
    if (out.edge_flow[e] > 0) {
      positive.push_back(out.edge_flow[e]);
      lengths.push_back(std::max(out.network->edges()[e].km, 1e-6));
    }
  if (!positive.empty()) {
    std::vector<double> distinct = positive;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    const int grades = int(std::min<size_t>(3, distinct.size()));
    out.grade_breaks = request.grading == Grading::Jenks ? jenks_breaks(positive, lengths, grades)
                                                         : head_tail_breaks(positive, lengths, grades);
    const int classes_made = int(out.grade_breaks.size());
    const std::vector<int> classes = classify(out.edge_flow, out.grade_breaks);
    for (size_t e = 0; e < edges; ++e)
      if (out.edge_flow[e] > 0) out.edge_grade[e] = classes_made - classes[e];
  }
  if (feedback) feedback->progress(100);
  return out;
}

}  // namespace poleaxis
