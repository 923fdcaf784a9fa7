// Times a core algorithm on points read from a file of "lon lat" lines and
// prints one JSON object, for bench/*.py to compare with a peer.
//   poleaxis_bench_core circles <points file> <radius km> <segments> <repeats>
//   poleaxis_bench_core hierarchy <values file> <levels> <repeats>
//     values file: one town a line, "benefit cost" (e.g. population, elevation)
//   poleaxis_bench_core dbscan <points file> <eps m> <min points> <repeats>
//     points file: "lon lat [weight]" per line; prints labels too
//   poleaxis_bench_core linkage <points file> <single|complete|average|ward|ward-centroid|single-mst|single32|complete32|average32> <geodesic|planar> <cut m | k=N>
//     prints the flat clusters cut at that height
//     method single-mst: Borůvka spanning tree instead of the matrix
//   poleaxis_bench_core kmeans <points file> <centres file> <max iter> <repeats>
//     x y per line in both; Lloyd from those centres; prints labels, inertia
//   poleaxis_bench_core kmeans++ <points file> <k> <seed> <restarts>
//   poleaxis_bench_core louvain <edges file> <nodes> <resolution> <seed>
//     edges file: "u v w" per line; prints labels and modularity
//   poleaxis_bench_core silhouette <points file> <geodesic|planar> [sample limit]
//     points file: "x y label" per line
//   poleaxis_bench_core corridors <lines file> <width m> <repeats>
//     lines file: one line part per text line, "x1 y1 x2 y2 …" in metres
//   poleaxis_bench_core noding <lines file> <0|1 noding> <tolerance m> <repeats>
//     lines file: one part per text line, "line_id lon1 lat1 lon2 lat2 …"; prints
//     the noding stats, the components by km, the time of building the
//     Network (noding included, no centres) and of node_lines alone
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <cmath>
#include <string>
#include <vector>

#include "poleaxis/corridor_buffers.h"
#include "poleaxis/dbscan.h"
#include "poleaxis/geodesic.h"
#include "poleaxis/hierarchical.h"
#include "poleaxis/ward_linkage.h"
#include "poleaxis/kmeans.h"
#include "poleaxis/louvain.h"
#include "poleaxis/network.h"
#include "poleaxis/silhouette.h"
#include "poleaxis/rank_size.h"
#include "poleaxis/service_radii.h"
#include "poleaxis/town_hierarchy.h"

using Clock = std::chrono::steady_clock;

namespace {

std::vector<poleaxis::Point> read_points(const char* path) {
  std::ifstream in(path);
  std::vector<poleaxis::Point> points;
  poleaxis::Point p;
  while (in >> p.x >> p.y) points.push_back(p);
  return points;
}

int circles(const char* path, double radius_km, int segments, int repeats) {
  poleaxis::ServiceRadiiRequest request;
  request.centres = read_points(path);
  request.radii_km.assign(request.centres.size(), radius_km);
  request.segments = segments;
  request.dissolve = poleaxis::Dissolve::All;
  std::vector<double> seconds;
  poleaxis::ServiceRadiiResult result;
  for (int r = 0; r < repeats; ++r) {
    const auto start = Clock::now();
    result = poleaxis::service_radii(request);
    seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  const poleaxis::CircleUnion& u = result.union_stats;
  std::printf("{\"n\": %zu, \"median_s\": %.6f, \"min_s\": %.6f, \"area_km2\": %.6f, \"parts\": %zu, "
              "\"dropped\": %zu, \"trimmed\": %zu, \"vertices_in\": %zu, \"vertices_overlaid\": %zu, "
              "\"holes_filled\": %zu, \"workers\": %u}\n",
              request.centres.size(), seconds[seconds.size() / 2], seconds.front(), result.areas[0].area_km2,
              result.areas[0].shape.size(), u.circles_dropped, u.circles_trimmed, u.vertices_in,
              u.vertices_overlaid, u.holes_filled, poleaxis::worker_count());
  return 0;
}

// Entropy weights + min-max + Jenks levels + top-level poles + rank-size of
// the benefit column, as townhierarchy runs them.
int hierarchy(const char* path, int levels, int repeats) {
  std::ifstream in(path);
  poleaxis::HierarchyRequest request;
  request.indicators = {{"benefit", {}, false}, {"cost", {}, true}};
  request.levels = levels;
  double b = 0, c = 0;
  while (in >> b >> c) {
    request.indicators[0].values.push_back(b);
    request.indicators[1].values.push_back(c);
  }
  std::vector<double> seconds;
  poleaxis::HierarchyResult h;
  poleaxis::RankSize rs;
  for (int r = 0; r < repeats; ++r) {
    const auto start = Clock::now();
    h = poleaxis::town_hierarchy(request);
    rs = poleaxis::rank_size(request.indicators[0].values);
    seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  std::printf("{\"n\": %zu, \"median_s\": %.6f, \"weights\": [%.17g, %.17g], \"breaks\": [", h.score.score.size(),
              seconds[seconds.size() / 2], h.score.weights[0].weight, h.score.weights[1].weight);
  for (size_t i = 0; i < h.breaks.size(); ++i) std::printf("%s%.17g", i ? ", " : "", h.breaks[i]);
  std::printf("], \"level_counts\": [");
  for (size_t i = 0; i < h.level_counts.size(); ++i) std::printf("%s%zu", i ? ", " : "", h.level_counts[i]);
  std::printf("], \"q\": %.17g, \"r2\": %.17g, \"gini\": %.17g, \"poles\": %zu}\n", rs.q, rs.r2, rs.gini,
              size_t(std::count(h.is_pole.begin(), h.is_pole.end(), 1)));
  return 0;
}

int dbscan_run(const char* path, double eps_m, double min_points, int repeats) {
  std::ifstream in(path);
  std::vector<poleaxis::Point> points;
  std::vector<double> weights;
  std::string text;
  while (std::getline(in, text)) {
    std::istringstream row(text);
    poleaxis::Point p;
    double w = 1;
    if (!(row >> p.x >> p.y)) continue;
    if (row >> w) weights.push_back(w);
    points.push_back(p);
  }
  if (weights.size() != points.size()) weights.clear();
  std::vector<double> seconds;
  poleaxis::DbscanResult r;
  for (int k = 0; k < repeats; ++k) {
    const auto start = Clock::now();
    r = poleaxis::dbscan(poleaxis::TownSpace(points, true), eps_m, min_points, weights);
    seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  std::printf("{\"n\": %zu, \"median_s\": %.6f, \"clusters\": %d, \"labels\": [", points.size(), seconds[seconds.size() / 2], r.clusters);
  for (size_t i = 0; i < r.label.size(); ++i) std::printf("%s%d", i ? "," : "", r.label[i]);
  std::printf("]}\n");
  return 0;
}

void print_labels(const std::vector<int>& labels) {
  std::printf("\"labels\": [");
  for (size_t i = 0; i < labels.size(); ++i) std::printf("%s%d", i ? "," : "", labels[i]);
  std::printf("]");
}

int linkage_run(const char* path, const std::string& method, const std::string& metric, const std::string& cutArg) {
  // "<metres>" cuts at a height (fcluster 'distance'), "k=<N>" into N groups ('maxclust').
  const bool byCount = cutArg.rfind("k=", 0) == 0;
  const double cut = byCount ? 0.0 : std::atof(cutArg.c_str());
  const size_t k = byCount ? size_t(std::atol(cutArg.c_str() + 2)) : 0;
  const std::vector<poleaxis::Point> points = read_points(path);
  // "average32" etc.: the same linkage on a float32 matrix.
  const bool float32 = method.size() > 2 && method.compare(method.size() - 2, 2, "32") == 0;
  const std::string base = float32 ? method.substr(0, method.size() - 2) : method;
  const poleaxis::Linkage m = base == "single" ? poleaxis::Linkage::Single
                              : base == "complete" ? poleaxis::Linkage::Complete
                              : base == "average" ? poleaxis::Linkage::Average
                                                  : poleaxis::Linkage::Ward;
  poleaxis::LinkageCheck check;
  const auto start = Clock::now();
  std::vector<poleaxis::Merge> merges;
  if (method == "single-mst") {
    merges = poleaxis::single_linkage(poleaxis::TownSpace(points, metric == "geodesic"));
  } else if (method == "ward-centroid") {
    merges = poleaxis::ward_linkage(points);  // no matrix
  } else if (float32) {
    std::vector<float> d = metric == "geodesic" ? poleaxis::geodesic_condensed_f32(points) : poleaxis::euclidean_condensed_f32(points);
    merges = poleaxis::linkage(std::move(d), points.size(), m, nullptr, &check);
  } else {
    std::vector<double> d = metric == "geodesic" ? poleaxis::geodesic_condensed(points) : poleaxis::euclidean_condensed(points);
    merges = poleaxis::linkage(std::move(d), points.size(), m);
  }
  const std::vector<int> labels = byCount ? poleaxis::cut_into(merges, points.size(), k) : poleaxis::cut_at_height(merges, points.size(), cut);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("{\"n\": %zu, \"seconds\": %.6f, \"decisions\": %zu, \"near_ties\": %zu, ", points.size(), seconds,
              check.decisions, check.near_ties);
  print_labels(labels);
  std::printf("}\n");
  return 0;
}

void print_kmeans(const poleaxis::KMeansResult& r, size_t n, double seconds) {
  std::printf("{\"n\": %zu, \"median_s\": %.6f, \"inertia\": %.17g, \"iterations\": %d, ", n, seconds, r.inertia, r.iterations);
  print_labels(r.label);
  std::printf("}\n");
}

int kmeans_run(const char* path, const char* centres_path, int max_iter, int repeats) {
  const std::vector<poleaxis::Point> points = read_points(path), centres = read_points(centres_path);
  std::vector<double> seconds;
  poleaxis::KMeansResult r;
  for (int k = 0; k < repeats; ++k) {
    const auto start = Clock::now();
    r = poleaxis::kmeans_from(points, centres, max_iter);
    seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  print_kmeans(r, points.size(), seconds[seconds.size() / 2]);
  return 0;
}

int kmeans_pp_run(const char* path, int k, int seed, int restarts) {
  const std::vector<poleaxis::Point> points = read_points(path);
  const auto start = Clock::now();
  const poleaxis::KMeansResult r = poleaxis::kmeans(points, size_t(k), uint64_t(seed), 300, restarts);
  print_kmeans(r, points.size(), std::chrono::duration<double>(Clock::now() - start).count());
  return 0;
}

int louvain_run(const char* path, int nodes, double resolution, int seed) {
  std::ifstream in(path);
  std::vector<poleaxis::WeightedEdge> edges;
  poleaxis::WeightedEdge e;
  while (in >> e.u >> e.v >> e.w) edges.push_back(e);
  const auto start = Clock::now();
  const poleaxis::Communities c = poleaxis::louvain(size_t(nodes), edges, resolution, uint64_t(seed));
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("{\"n\": %d, \"seconds\": %.6f, \"modularity\": %.17g, \"communities\": %d, ", nodes, seconds, c.modularity, c.count);
  print_labels(c.label);
  std::printf("}\n");
  return 0;
}

int silhouette_run(const char* path, const std::string& metric, size_t sample_limit) {
  std::ifstream in(path);
  std::vector<poleaxis::Point> points;
  std::vector<int> labels;
  poleaxis::Point p;
  double label = 0;
  while (in >> p.x >> p.y >> label) {
    points.push_back(p);
    labels.push_back(int(label));
  }
  const auto start = Clock::now();
  const poleaxis::TownSpace space(points, metric == "geodesic");
  const auto scored = Clock::now();
  const poleaxis::Silhouette s = poleaxis::silhouette(space, labels, sample_limit ? sample_limit : points.size());
  const double scoring = std::chrono::duration<double>(Clock::now() - scored).count();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("{\"n\": %zu, \"seconds\": %.6f, \"scoring_seconds\": %.6f, \"sampled\": %zu, \"score\": %.17g}\n", points.size(),
              seconds, scoring, s.sampled, s.score);
  return 0;
}

int corridors(const char* path, double width_m, int repeats) {
  std::ifstream in(path);
  poleaxis::CorridorRequest request;
  std::string text;
  while (std::getline(in, text)) {
    std::istringstream row(text);
    poleaxis::Polyline part;
    poleaxis::Point p;
    while (row >> p.x >> p.y) part.push_back(p);
    if (part.size() >= 2) request.lines.push_back({part});
  }
  request.width_m.assign(request.lines.size(), width_m);
  request.group.assign(request.lines.size(), "");
  std::vector<double> seconds;
  double area = 0;
  for (int r = 0; r < repeats; ++r) {
    const auto start = Clock::now();
    const std::vector<poleaxis::CorridorPiece> pieces = poleaxis::corridor_buffers(request);
    seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    area = 0;
    if (pieces.empty()) continue;
    for (const poleaxis::Polygon& polygon : pieces.at(0).shape)
      for (size_t k = 0; k < polygon.rings.size(); ++k) {
        double twice = 0;
        const poleaxis::Ring& ring = polygon.rings[k];
        for (size_t i = 0; i + 1 < ring.size(); ++i) twice += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
        area += (k == 0 ? 1 : -1) * std::fabs(twice) / 2;
      }
  }
  std::sort(seconds.begin(), seconds.end());
  std::printf("{\"lines\": %zu, \"median_s\": %.6f, \"planar_area_km2\": %.3f}\n", request.lines.size(),
              seconds[seconds.size() / 2], area / 1e6);
  return 0;
}

}  // namespace

int noding(const char* path, int mode, double tolerance_m, int repeats) {
  std::ifstream in(path);
  std::vector<poleaxis::Line> lines;
  std::string text;
  long last = -1;
  while (std::getline(in, text)) {
    std::istringstream row(text);
    long id;
    row >> id;
    poleaxis::Polyline part;
    poleaxis::Point p;
    while (row >> p.x >> p.y) part.push_back(p);
    if (part.size() < 2) continue;
    if (id != last) lines.emplace_back();
    last = id;
    lines.back().push_back(part);
  }
  poleaxis::NetworkOptions options;
  options.noding.mode = mode ? poleaxis::NodingMode::Crossings : poleaxis::NodingMode::SharedVertices;
  options.noding.tolerance_m = tolerance_m;
  std::vector<double> seconds, noding_seconds;
  std::unique_ptr<poleaxis::Network> network;
  for (int r = 0; r < repeats; ++r) {
    auto start = Clock::now();
    network = std::make_unique<poleaxis::Network>(lines, std::vector<double>(lines.size(), NAN), std::vector<poleaxis::Point>{}, options);
    seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    start = Clock::now();
    const poleaxis::NodedLines alone = poleaxis::node_lines(lines, options.noding);
    noding_seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  std::sort(noding_seconds.begin(), noding_seconds.end());
  if (const char* dump = std::getenv("POLEAXIS_NODED_DUMP")) {  // the noded lines, same format as the input
    std::ofstream out(dump);
    out.precision(15);
    const poleaxis::NodedLines noded = poleaxis::node_lines(lines, options.noding);
    for (size_t l = 0; l < noded.lines.size(); ++l)
      for (const poleaxis::Polyline& part : noded.lines[l]) {
        out << l;
        for (const poleaxis::Point& p : part) out << ' ' << p.x << ' ' << p.y;
        out << '\n';
      }
  }
  const poleaxis::NodingStats& n = network->noding();
  std::printf("{\"lines\": %zu, \"median_s\": %.6f, \"noding_s\": %.6f, \"crossings\": %zu, \"touches\": %zu, \"ends_merged\": %zu, "
              "\"ends_snapped\": %zu, \"components_before\": %zu, \"components\": %zu, \"nodes\": %zu, \"edges\": %zu, "
              "\"total_km\": %.3f, \"largest_share\": %.3f}\n",
              lines.size(), seconds[seconds.size() / 2], noding_seconds[noding_seconds.size() / 2], n.crossings, n.vertex_touches, n.ends_merged, n.ends_snapped,
              n.components_before, network->components().size(), network->node_count(), network->edges().size(),
              network->total_km(), network->largest_share());
  return 0;
}

int main(int argc, char** argv) {
  if (argc == 6 && std::string(argv[1]) == "noding")
    return noding(argv[2], std::atoi(argv[3]), std::atof(argv[4]), std::atoi(argv[5]));
  if (argc == 6 && std::string(argv[1]) == "circles")
    return circles(argv[2], std::atof(argv[3]), std::atoi(argv[4]), std::atoi(argv[5]));
  if (argc == 6 && std::string(argv[1]) == "linkage") return linkage_run(argv[2], argv[3], argv[4], argv[5]);
  if (argc == 6 && std::string(argv[1]) == "dbscan")
    return dbscan_run(argv[2], std::atof(argv[3]), std::atof(argv[4]), std::atoi(argv[5]));
  if (argc == 6 && std::string(argv[1]) == "kmeans") return kmeans_run(argv[2], argv[3], std::atoi(argv[4]), std::atoi(argv[5]));
  if (argc == 6 && std::string(argv[1]) == "kmeans++")
    return kmeans_pp_run(argv[2], std::atoi(argv[3]), std::atoi(argv[4]), std::atoi(argv[5]));
  if (argc == 6 && std::string(argv[1]) == "louvain")
    return louvain_run(argv[2], std::atoi(argv[3]), std::atof(argv[4]), std::atoi(argv[5]));
  if ((argc == 4 || argc == 5) && std::string(argv[1]) == "silhouette")
    return silhouette_run(argv[2], argv[3], argc == 5 ? size_t(std::atol(argv[4])) : 0);
  if (argc == 5 && std::string(argv[1]) == "corridors") return corridors(argv[2], std::atof(argv[3]), std::atoi(argv[4]));
  if (argc == 5 && std::string(argv[1]) == "hierarchy") return hierarchy(argv[2], std::atoi(argv[3]), std::atoi(argv[4]));
  std::fprintf(stderr, "usage: %s circles <points file> <radius km> <segments> <repeats>\n"
                       "       %s hierarchy <values file> <levels> <repeats>\n", argv[0], argv[0]);
  return 2;
}
