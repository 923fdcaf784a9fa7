#include "poleaxis/travel_areas.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <string>

#include "poleaxis/geodesic.h"
#include "poleaxis/parallel.h"

namespace poleaxis {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Point along(Point a, Point b, double t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

// The discs of one centre's reach (see the header).
std::vector<Disc> reach_of(const Network& net, const TravelAreaRequest& request, size_t centre, double access_minutes,
                           const Network::Tree& tree) {
  const double T = request.minutes, v = request.access_kmh;
  const double step_km = std::clamp(T * v / 60.0 / 4.0, 0.2, 5.0);
  const double floor_m = step_km * 500.0;
  std::vector<Disc> out{{request.centres[centre], T * v / 60.0 * 1000.0}};
  const double left_at_network = T - access_minutes;
  if (!(left_at_network > 0)) return out;
  auto left_at = [&](size_t node) {
    return tree.dist[node] <= left_at_network ? left_at_network - tree.dist[node] : -kInf;
  };
  auto add = [&](Point p, double minutes_left) {
    if (minutes_left >= 0) out.push_back({p, std::max(minutes_left * v / 60.0 * 1000.0, floor_m)});
  };
  const Geodesic& g = Geodesic::wgs84();
  for (const NetworkEdge& edge : net.edges()) {
    if (!(edge.minutes >= 0) || edge.km <= 0) continue;
    const double from_left = left_at(edge.from), to_left = left_at(edge.to);
    if (from_left < 0 && to_left < 0) continue;
    const double per_km = edge.minutes / edge.km;
    // Time left at km x along the edge, coming from either end.
    auto left = [&](double x) { return std::max(from_left - x * per_km, to_left - (edge.km - x) * per_km); };
    // Where the time runs out, from each end (when inside the edge).
    std::vector<double> cuts;
    if (from_left >= 0 && from_left / per_km < edge.km) cuts.push_back(from_left / per_km);
    if (to_left >= 0 && to_left / per_km < edge.km) cuts.push_back(edge.km - to_left / per_km);
    // Samples every step_km along the edge (not at every vertex: real lines
    // have a vertex every few hundred metres), plus the cut points.
    double x0 = 0, next = 0;
    for (size_t i = 0; i + 1 < edge.shape.size(); ++i) {
      const Point a = edge.shape[i], b = edge.shape[i + 1];
      const double length = g.distance_m(a, b) / 1000.0;
      for (; next < x0 + length; next += step_km) add(along(a, b, (next - x0) / length), left(next));
      for (double cut : cuts)
        if (cut >= x0 && cut < x0 + length && length > 0) add(along(a, b, (cut - x0) / length), 0.0);
      x0 += length;
    }
    add(edge.shape.back(), left(edge.km));
  }
  return out;
}

}  // namespace

TravelAreaResult travel_areas(const TravelAreaRequest& request, Feedback* feedback) {
  if (!(request.minutes > 0) || !std::isfinite(request.minutes)) throw InputError("the travel time must be > 0 minutes");
  if (!(request.access_kmh > 0) || !std::isfinite(request.access_kmh))
    throw InputError("the access speed off the network must be > 0 km/h");
  if (request.lines.empty()) throw InputError("travel-time areas need lines");
  const size_t n = request.centres.size(), m = request.demand.size();
  TravelAreaResult out;

  std::vector<Point> spliced = request.centres;
  spliced.insert(spliced.end(), request.demand.begin(), request.demand.end());
  ProgressSlice building(feedback, 0, 15);
  out.network = std::make_unique<Network>(request.lines, request.speeds_kmh, spliced, request.network, &building);
  const Network& net = *out.network;
  auto access = [&](size_t i) {
    return net.snapped()[i] >= 0 ? net.snap_distance_m()[i] / 1000.0 / request.access_kmh * 60.0 : kInf;
  };
  out.centre_access_minutes.resize(n);
  for (size_t c = 0; c < n; ++c) out.centre_access_minutes[c] = access(c);

  // One Dijkstra per centre: its discs, and the time to every demand point.
  ServiceRadiiRequest areas;
  areas.centres = request.centres;
  areas.radii_km.assign(n, request.minutes * request.access_kmh / 60.0);
  areas.reach.resize(n);
  areas.segments = request.segments;
  areas.dissolve = request.dissolve;
  areas.groups = request.groups;
  areas.clip = request.clip;
  areas.study_area = request.study_area;
  std::vector<std::vector<double>> minutes_to(n);  // per centre, per demand point
  std::atomic<size_t> done{0};
  ProgressSlice routing(feedback, 15, 45);
  const Geodesic& g = Geodesic::wgs84();
  parallel_for(n, worker_count(), [&](size_t c, unsigned) {
    throw_if_canceled(feedback);
    routing.progress(100.0 * double(done++) / double(std::max<size_t>(n, 1)));
    Network::Tree tree;
    const double a_c = out.centre_access_minutes[c];
    if (std::isfinite(a_c))
      net.shortest_paths(size_t(net.snapped()[c]), true, tree, std::max(0.0, request.minutes - a_c));
    else
      tree.dist.assign(net.node_count(), kInf);
    areas.reach[c] = reach_of(net, request, c, a_c, tree);
    std::vector<double>& to = minutes_to[c];
    to.assign(m, kInf);
    const double walk_km = request.minutes * request.access_kmh / 60.0;
    for (size_t q = 0; q < m; ++q) {
      // Walking straight there: only worth a geodesic when a meridian degree
      // (at least 110.57 km) does not already put it beyond reach.
      double best = kInf;
      if (std::fabs(request.centres[c].y - request.demand[q].y) * 110.5 <= walk_km)
        best = g.distance_m(request.centres[c], request.demand[q]) / 1000.0 / request.access_kmh * 60.0;
      const long node = net.snapped()[n + q];
      if (std::isfinite(a_c) && node >= 0 && std::isfinite(tree.dist[size_t(node)]))
        best = std::min(best, a_c + tree.dist[size_t(node)] + access(n + q));
      to[q] = best;
    }
  });

  ProgressSlice union_stage(feedback, 45, 95);
  try {
    out.areas = service_radii(areas, &union_stage);
  } catch (const InputError& e) {
    throw InputError(std::string("a reach disc cannot be built: ") + e.what(), e.item());
  }

  // Coverage by travel time.
  Coverage& cov = out.areas.coverage;
  cov.demand.assign(m, {});
  cov.demand_per_circle.assign(out.areas.areas.size(), 0);
  cov.weight_per_circle.assign(out.areas.areas.size(), 0.0);
  out.demand_minutes.assign(m, kInf);
  std::vector<size_t> area_of(n, 0);
  for (size_t a = 0; a < out.areas.areas.size(); ++a)
    for (size_t c : out.areas.areas[a].centres) area_of[c] = a;
  const double tolerance = 1e-9 * request.minutes;
  for (size_t q = 0; q < m; ++q) {
    const double w = request.demand_weights.empty() ? 1.0 : request.demand_weights[q];
    cov.weight_total += w;
    DemandCover& d = cov.demand[q];
    std::vector<char> counted(out.areas.areas.size(), 0);
    for (size_t c = 0; c < n; ++c) {
      const double t = minutes_to[c][q];
      if (t < out.demand_minutes[q]) {
        out.demand_minutes[q] = t;
        d.nearest = long(c);
      }
      if (t <= request.minutes + tolerance) {
        ++d.n_cover;
        if (!counted[area_of[c]]) {
          counted[area_of[c]] = 1;
          ++cov.demand_per_circle[area_of[c]];
          cov.weight_per_circle[area_of[c]] += w;
        }
      }
    }
    if (d.nearest >= 0) d.nearest_m = g.distance_m(request.centres[size_t(d.nearest)], request.demand[q]);
    // Routes were searched only up to T: a longer time is not known exactly.
    if (!(out.demand_minutes[q] <= request.minutes + tolerance)) out.demand_minutes[q] = kInf;
    if (d.n_cover > 0) {
      ++cov.covered;
      cov.weight_covered += w;
    }
  }
  if (feedback) feedback->progress(100);
  return out;
}

}  // namespace poleaxis
