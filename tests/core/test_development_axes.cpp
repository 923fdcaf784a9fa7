// The network, shortest paths and gravity flows on hand-made networks,
// against brute force (Bellman-Ford, path-by-path flows) and hand-worked sums.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>
#include <algorithm>

#include "poleaxis/development_axes.h"
#include "poleaxis/feedback.h"
#include "poleaxis/geodesic.h"

using namespace poleaxis;

namespace {
NetworkOptions snap_within(double metres) {
  NetworkOptions options;
  options.snap_m = metres;
  return options;
}

// A ladder: two parallel lines joined by rungs, all sharing vertices.
std::vector<Line> ladder() {
  std::vector<Line> lines;
  Polyline top, bottom;
  for (int i = 0; i <= 6; ++i) {
    top.push_back({126.0 + 0.1 * i, 44.0});
    bottom.push_back({126.0 + 0.1 * i, 43.9});
  }
  lines.push_back({top});
  lines.push_back({bottom});
  for (int i : {0, 3, 6}) lines.push_back({{top[size_t(i)], bottom[size_t(i)]}});
  return lines;
}
}  // namespace

TEST(Network, ContractsChainsAndSplicesCentres) {
  const std::vector<Line> lines = ladder();
  // Centres: on the top line between vertices, and one 20 km away (not snapped).
  const std::vector<Point> centres{{126.15, 44.0005}, {126.55, 43.9}, {126.3, 44.3}};
  const Network net(lines, {120, 120, 60, 60, 60}, centres, snap_within(2000));
  EXPECT_GE(net.snapped()[0], 0);
  EXPECT_GE(net.snapped()[1], 0);
  EXPECT_EQ(net.snapped()[2], -1);
  EXPECT_GT(net.snap_distance_m()[2], 30000);
  // Nodes: 6 rung ends (junctions) + 2 centres; the other vertices contract.
  EXPECT_EQ(net.node_count(), 8u);
  double total_km = 0;
  for (const NetworkEdge& e : net.edges()) total_km += e.km;
  double expected = 0;
  const Geodesic& g = Geodesic::wgs84();
  for (const Line& l : lines)
    for (size_t i = 0; i + 1 < l[0].size(); ++i) expected += g.distance_m(l[0][i], l[0][i + 1]) / 1000;
  EXPECT_NEAR(total_km, expected, 1e-6);
  for (const NetworkEdge& e : net.edges()) EXPECT_NEAR(e.minutes, e.km / (e.line < 2 ? 120 : 60) * 60, 1e-9);
}

TEST(Network, DijkstraEqualsBellmanFord) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> lon(125, 127), lat(43, 45);
  // A random planar-ish network: lines between random anchor points.
  std::vector<Point> anchors(25);
  for (Point& p : anchors) p = {lon(rng), lat(rng)};
  std::vector<Line> lines;
  for (int k = 0; k < 50; ++k) lines.push_back({{anchors[rng() % 25], anchors[rng() % 25]}});
  const Network net(lines, std::vector<double>(lines.size(), 80.0), {}, snap_within(0));
  const size_t n = net.node_count();
  for (bool minutes : {false, true}) {
    Network::Tree tree;
    net.shortest_paths(0, minutes, tree);
    std::vector<double> bf(n, INFINITY);
    bf[0] = 0;
    for (size_t round = 0; round < n; ++round)
      for (const NetworkEdge& e : net.edges()) {
        const double w = minutes ? e.minutes : e.km;
        bf[e.to] = std::min(bf[e.to], bf[e.from] + w);
        bf[e.from] = std::min(bf[e.from], bf[e.to] + w);
      }
    for (size_t v = 0; v < n; ++v) {
      if (std::isinf(bf[v]))
        EXPECT_TRUE(std::isinf(tree.dist[v]));
      else
        EXPECT_NEAR(tree.dist[v], bf[v], 1e-9 * (1 + bf[v]));
    }
  }
}

TEST(DevelopmentAxes, FlowsEqualPathByPathSumsAndGravityByHand) {
  AxesRequest r;
  r.lines = ladder();
  r.speeds_kmh.assign(r.lines.size(), 100);
  r.centres = {{126.0, 44.0}, {126.6, 44.0}, {126.3, 43.9}, {126.6, 43.9}};
  r.mass = {1000, 500, 200, 100};
  r.distance = DistanceMode::NetworkKm;
  r.pairs = PairMode::All;
  r.network.snap_m = 100;
  r.min_distance = 0;
  const AxesResult out = development_axes(r);
  ASSERT_EQ(out.pairs.size(), 6u);
  Network::Tree tree;
  std::vector<double> flows(out.network->edges().size(), 0.0);
  double total = 0;
  for (const GravityPair& p : out.pairs) {
    out.network->shortest_paths(size_t(out.network->snapped()[p.i]), false, tree);
    const size_t target = size_t(out.network->snapped()[p.j]);
    EXPECT_NEAR(p.d, tree.dist[target], 1e-9);
    EXPECT_NEAR(p.g, r.mass[p.i] * r.mass[p.j] / (p.d * p.d), 1e-12 * p.g);
    for (size_t at = target; tree.pred_edge[at] >= 0;) {
      const NetworkEdge& e = out.network->edges()[size_t(tree.pred_edge[at])];
      flows[size_t(tree.pred_edge[at])] += p.g;
      at = e.from == at ? e.to : e.from;
    }
    total += p.g;
  }
  for (size_t e = 0; e < flows.size(); ++e) EXPECT_NEAR(out.edge_flow[e], flows[e], 1e-9 * (1 + flows[e]));
  EXPECT_NEAR(out.total_g, total, 1e-9 * total);
  // Strongest first: 1–3 (11 km, G ≈ 405) beats 0–1 (48 km, G ≈ 217).
  EXPECT_EQ(out.pairs[0].i, 1u);
  EXPECT_EQ(out.pairs[0].j, 3u);
  for (size_t k = 1; k < out.pairs.size(); ++k) EXPECT_GE(out.pairs[k - 1].g, out.pairs[k].g);
  int grade1 = 0;
  for (int g : out.edge_grade) grade1 += g == 1;
  EXPECT_GT(grade1, 0);
}

TEST(DevelopmentAxes, TopNPairsAndGeodesicMode) {
  AxesRequest r;
  r.centres = {{126.0, 44.0}, {126.1, 44.0}, {127.0, 44.0}, {128.0, 44.0}};
  r.mass = {10, 10, 10, 10};
  r.pairs = PairMode::TopN;
  r.top_n = 1;
  r.min_distance = 0;
  const AxesResult out = development_axes(r);
  // Each centre's strongest partner: 0↔1, 1↔0, 2↔1 (nearest), 3↔2.
  ASSERT_EQ(out.pairs.size(), 3u);
  EXPECT_EQ(out.pairs[0].i, 0u);
  EXPECT_EQ(out.pairs[0].j, 1u);
  const double d01 = Geodesic::wgs84().distance_m({126.0, 44.0}, {126.1, 44.0}) / 1000;
  EXPECT_NEAR(out.pairs[0].g, 100 / (d01 * d01), 1e-12);
  r.pairs = PairMode::Threshold;
  r.min_gravity = 100 / (d01 * d01);
  EXPECT_EQ(development_axes(r).pairs.size(), 1u);
}

TEST(DevelopmentAxes, DisconnectedColocatedAndBadInput) {
  AxesRequest r;
  r.lines = {{{{126.0, 44.0}, {126.5, 44.0}}}, {{{128.0, 44.0}, {128.5, 44.0}}}};
  r.centres = {{126.0, 44.0}, {126.5, 44.0}, {128.0, 44.0}, {126.0, 44.0}, {130, 40}};
  r.mass = {5, 5, 5, 5, 5};
  r.distance = DistanceMode::NetworkKm;
  r.pairs = PairMode::All;
  r.network.snap_m = 1000;
  r.min_distance = 0;
  const AxesResult out = development_axes(r);
  EXPECT_EQ(out.unsnapped, std::vector<size_t>{4});
  EXPECT_EQ(out.colocated_pairs, 1u);     // centres 0 and 3
  EXPECT_EQ(out.unreachable_pairs, 3u);   // 2 with 0, 1, 3
  EXPECT_EQ(out.pairs.size(), 2u);        // 0–1, 1–3
  // With a floor, the co-located pair counts at the floor distance.
  r.min_distance = 10;
  const AxesResult floored = development_axes(r);
  EXPECT_EQ(floored.colocated_pairs, 0u);
  ASSERT_EQ(floored.pairs.size(), 3u);
  for (const GravityPair& p : floored.pairs)
    EXPECT_NEAR(p.g, 25 / std::pow(std::max(p.d, 10.0), 2), 1e-12);
  r.mass[2] = 0;
  try {
    development_axes(r);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.item(), 2);
  }
  r.mass[2] = 5;
  r.lines.clear();
  EXPECT_THROW(development_axes(r), InputError);
}

// Centres over eastern China with masses over four orders of magnitude, the
// first `twins` doubled at distance 0 (mass 5,000), every `external_every`-th
// external; and their geodesic km, all pairs (row-major n × n, both halves).
namespace {
struct RandomCentres {
  AxesRequest request;
  std::vector<double> km;
};
RandomCentres random_centres(unsigned seed, int count, int twins, size_t external_every) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> lon(100, 125), lat(20, 45), logm(3, 7);
  RandomCentres out;
  AxesRequest& r = out.request;
  for (int i = 0; i < count; ++i) {
    r.centres.push_back({lon(rng), lat(rng)});
    r.mass.push_back(std::pow(10.0, logm(rng)));
  }
  for (int i = 0; i < twins; ++i) r.centres.push_back(r.centres[size_t(i)]), r.mass.push_back(5000);
  r.external.assign(r.centres.size(), 0);
  for (size_t i = 0; i < r.centres.size(); i += external_every) r.external[i] = 1;
  const size_t n = r.centres.size();
  const Geodesic& geod = Geodesic::wgs84();
  out.km.assign(n * n, 0.0);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) out.km[i * n + j] = out.km[j * n + i] = geod.distance_m(r.centres[i], r.centres[j]) / 1000;
  return out;
}
}  // namespace

// Geodesic top-N partners through the mass bands equal a scan of every pair,
// written out here: the same pairs, gravities and colocated count, with
// masses over four orders of magnitude, twin towns, external centres, a
// distance floor and none, and decays b = 2, 1 and 0.5.
TEST(DevelopmentAxes, IndexedTopNPartnersEqualEveryPairScan) {
  RandomCentres data = random_centres(21, 1500, 20, 97);
  AxesRequest& r = data.request;
  const std::vector<double>& km = data.km;
  const size_t n = r.centres.size();
  for (double b : {2.0, 1.0, 0.5})
    for (double floor_km : {10.0, 0.0}) {
      r.exponent = b;
      r.min_distance = floor_km;
      r.pairs = PairMode::TopN;
      r.top_n = 3;
      std::set<std::pair<size_t, size_t>> expected;
      size_t colocated = 0;
      for (size_t i = 0; i < n; ++i) {
        std::vector<std::pair<double, size_t>> g;
        for (size_t j = 0; j < n; ++j) {
          if (j == i || (r.external[i] && r.external[j])) continue;
          const double d = km[i * n + j];
          if (d <= 0 && floor_km <= 0) {
            colocated += j > i;
            continue;
          }
          g.push_back({-r.k * r.mass[i] * r.mass[j] / std::pow(std::max(d, floor_km), b), j});
        }
        std::sort(g.begin(), g.end());
        for (size_t t = 0; t < 3 && t < g.size(); ++t) expected.insert({std::min(i, g[t].second), std::max(i, g[t].second)});
      }
      const AxesResult out = development_axes(r);
      std::set<std::pair<size_t, size_t>> got;
      for (const GravityPair& p : out.pairs) got.insert({p.i, p.j});
      EXPECT_EQ(got, expected) << "b = " << b << ", floor " << floor_km;
      EXPECT_EQ(out.colocated_pairs, colocated) << "b = " << b << ", floor " << floor_km;
    }
}

// Geodesic pairs above a gravity threshold, found through the mass-banded
// spherical index, are exactly those a scan of every pair finds (ties at the
// threshold included: G ≥ G_min), with externals and colocated centres.
TEST(DevelopmentAxes, IndexedThresholdPairsEqualEveryPairScan) {
  RandomCentres data = random_centres(5, 1200, 15, 89);
  AxesRequest& r = data.request;
  const std::vector<double>& km = data.km;
  const size_t n = r.centres.size();
  for (double b : {2.0, 1.0, 0.5})
    for (double floor_km : {10.0, 0.0}) {
      r.exponent = b;
      r.min_distance = floor_km;
      r.pairs = PairMode::Threshold;
      // A threshold that keeps a few thousand pairs: the 3,000th strongest gravity of the scan.
      std::vector<std::tuple<double, size_t, size_t>> all;
      size_t colocated = 0;
      for (size_t i = 0; i < n; ++i)
        for (size_t j = i + 1; j < n; ++j) {
          if (r.external[i] && r.external[j]) continue;
          const double d = km[i * n + j];
          if (d <= 0 && floor_km <= 0) {
            ++colocated;
            continue;
          }
          all.emplace_back(r.k * r.mass[i] * r.mass[j] / std::pow(std::max(d, floor_km), b), i, j);
        }
      std::sort(all.begin(), all.end(), std::greater<>());
      r.min_gravity = std::get<0>(all[2999]);
      std::set<std::pair<size_t, size_t>> expected;
      for (const auto& [g, i, j] : all)
        if (g >= r.min_gravity) expected.insert({i, j});
      const AxesResult out = development_axes(r);
      std::set<std::pair<size_t, size_t>> got;
      for (const GravityPair& p : out.pairs) got.insert({p.i, p.j});
      EXPECT_GE(expected.size(), 3000u);
      EXPECT_EQ(got, expected) << "b = " << b << ", floor " << floor_km;
      EXPECT_EQ(out.colocated_pairs, colocated) << "b = " << b << ", floor " << floor_km;
    }
  // More pairs reaching the threshold than max_threshold_pairs: refused, not computed.
  r.min_gravity = 1e-300;
  r.max_threshold_pairs = 1000;
  EXPECT_THROW(development_axes(r), TooManyPairs);
}
