#include "poleaxis/town_functions.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "geos_util.h"
#include "poleaxis/feedback.h"
#include "poleaxis/geodesic.h"
#include "poleaxis/key_values.h"

namespace poleaxis {

const std::vector<TownTypeInfo>& town_types() {
  static const std::vector<TownTypeInfo> types{
      {TownType::Industrial, "industrial", "Industrial", "工业主导型"},
      {TownType::EcoTourism, "eco_tourism", "Eco-tourism", "生态旅游型"},
      {TownType::HistoricCultural, "historic_cultural", "Historic-cultural", "历史文化型"},
      {TownType::TradeLogistics, "trade_logistics", "Trade-logistics", "商贸流通型"},
      {TownType::ModernAgriculture, "modern_agriculture", "Modern agriculture", "现代农业型"},
      {TownType::TransportHub, "transport_hub", "Transport hub", "交通枢纽型"},
      {TownType::General, "general", "General", "综合型"},
  };
  return types;
}

const TownTypeInfo& town_type_info(TownType type) {
  for (const TownTypeInfo& info : town_types())
    if (info.type == type) return info;
  return town_types().back();
}

TownType parse_town_type(const std::string& name) {
  auto key = [](const std::string& s) {
    std::string out;
    for (char c : trim(s)) out += (c == '-' || c == ' ') ? '_' : char(std::tolower((unsigned char)c));
    return out;
  };
  const std::string wanted = key(name);
  std::string accepted;
  for (const TownTypeInfo& info : town_types()) {
    if (wanted == key(info.id) || wanted == key(info.label) || trim(name) == info.zh) return info.type;
    accepted += std::string(accepted.empty() ? "" : ", ") + info.id;
  }
  throw InputError("unknown town type '" + trim(name) + "'; use one of " + accepted + " (or the Chinese names)");
}

SectorScores sector_scores(const std::vector<std::vector<double>>& sectors, FunctionMethod method,
                           double nelson_k, double lq_min) {
  if (sectors.empty()) throw InputError("choose at least one sector field");
  const size_t m = sectors.size(), n = sectors[0].size();
  std::vector<long double> town_total(n, 0), sector_total(m, 0);
  long double grand = 0;
  for (size_t s = 0; s < m; ++s)
    for (size_t i = 0; i < n; ++i) {
      const double v = sectors[s][i];
      if (!std::isfinite(v) || v < 0) throw InputError("sector value " + std::to_string(v) + " is negative or not a number", long(i));
      town_total[i] += v;
      sector_total[s] += v;
      grand += v;
    }
  if (!(grand > 0)) throw InputError("every sector value is 0");
  SectorScores out;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  out.score.assign(n, std::vector<double>(m, nan));
  out.qualifies.assign(n, std::vector<char>(m, 0));
  out.dominant.assign(n, -1);
  out.mean_share.assign(m, 0.0);
  out.sd_share.assign(m, 0.0);
  for (size_t i = 0; i < n; ++i) out.towns_without_total += town_total[i] > 0 ? 0 : 1;
  const size_t counted = n - out.towns_without_total;

  for (size_t s = 0; s < m; ++s) {
    if (method == FunctionMethod::Nelson) {
      long double sum = 0, sum2 = 0;
      for (size_t i = 0; i < n; ++i)
        if (town_total[i] > 0) {
          const long double share = 100 * sectors[s][i] / town_total[i];
          sum += share;
          sum2 += share * share;
        }
      const long double mean = sum / counted;
      const long double var = std::max<long double>(0, sum2 / counted - mean * mean);
      out.mean_share[s] = double(mean);
      out.sd_share[s] = double(std::sqrt(var));
      for (size_t i = 0; i < n; ++i) {
        if (!(town_total[i] > 0)) continue;
        const double share = double(100 * sectors[s][i] / town_total[i]);
        out.score[i][s] = out.sd_share[s] > 0 ? (share - out.mean_share[s]) / out.sd_share[s] : 0.0;
        out.qualifies[i][s] = out.sd_share[s] > 0 && share > out.mean_share[s] + nelson_k * out.sd_share[s];
      }
    } else {
      for (size_t i = 0; i < n; ++i) {
        if (!(town_total[i] > 0) || !(sector_total[s] > 0)) continue;
        out.score[i][s] = double((sectors[s][i] / town_total[i]) / (sector_total[s] / grand));
        out.qualifies[i][s] = out.score[i][s] > lq_min;
      }
    }
  }
  for (size_t i = 0; i < n; ++i)
    for (size_t s = 0; s < m; ++s)
      if (out.qualifies[i][s] && (out.dominant[i] < 0 || out.score[i][s] > out.score[i][size_t(out.dominant[i])]))
        out.dominant[i] = int(s);
  return out;
}

namespace {

// Nodes where line ends meet: ends within snap_m are one node.
std::vector<Point> junction_nodes(const std::vector<Line>& lines, const HubRules& rules) {
  std::vector<Point> ends;
  for (const Line& line : lines)
    for (const Polyline& part : line)
      if (part.size() >= 2) {
        ends.push_back(part.front());
        ends.push_back(part.back());
      }
  const SphereIndex index(ends);
  std::vector<size_t> parent(ends.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const Geodesic& geod = Geodesic::wgs84();
  for (size_t i = 0; i < ends.size(); ++i)
    index.within(ends[i], rules.snap_m * SphereIndex::kEllipsoidSlack, [&](size_t j) {
      if (j > i && geod.distance_m(ends[i], ends[j]) <= rules.snap_m) parent[find(j)] = find(i);
    });
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < ends.size(); ++i) groups[find(i)].push_back(i);
  std::vector<Point> nodes;
  for (const auto& [root, members] : groups) {
    if (int(members.size()) < rules.min_line_ends) continue;
    const Point& at = ends[root];
    nodes.push_back(at);
  }
  return nodes;
}

// Points where lines of one class cross lines of another (GEOS, in lon/lat).
std::vector<Point> class_crossings(const std::vector<Line>& lines, const std::vector<std::string>& line_class) {
  std::vector<Point> points;
  if (line_class.size() != lines.size()) return points;
  std::map<std::string, std::vector<size_t>> by_class;
  for (size_t i = 0; i < lines.size(); ++i) by_class[line_class[i]].push_back(i);
  if (by_class.size() < 2) return points;
  geos::Context ctx;
  std::vector<geos::Geom> merged;
  for (const auto& [cls, members] : by_class) {
    std::vector<GEOSGeometry*> parts;
    for (size_t i : members)
      for (const Polyline& part : lines[i]) {
        if (part.size() < 2) continue;
        GEOSCoordSequence* seq = ctx.check(
            GEOSCoordSeq_copyFromBuffer_r(ctx, &part.front().x, unsigned(part.size()), 0, 0), "coordinates");
        parts.push_back(ctx.check(GEOSGeom_createLineString_r(ctx, seq), "line"));
      }
    merged.push_back(geos::own(ctx, geos::make_collection(ctx, GEOS_MULTILINESTRING, parts)));
  }
  for (size_t a = 0; a < merged.size(); ++a)
    for (size_t b = a + 1; b < merged.size(); ++b) {
      geos::Geom cut = geos::own(ctx, ctx.check(GEOSIntersection_r(ctx, merged[a].get(), merged[b].get()), "intersection"));
      geos::Geom vertices = geos::own(ctx, ctx.check(GEOSGeom_extractUniquePoints_r(ctx, cut.get()), "points"));
      const int count = GEOSGetNumGeometries_r(ctx, vertices.get());
      for (int k = 0; k < count; ++k) {
        double x = 0, y = 0;
        const GEOSGeometry* pt = GEOSGetGeometryN_r(ctx, vertices.get(), k);
        if (GEOSGeomGetX_r(ctx, pt, &x) && GEOSGeomGetY_r(ctx, pt, &y)) points.push_back({x, y});
      }
    }
  return points;
}

}  // namespace

HubResult find_transport_hubs(const std::vector<Point>& towns, const std::vector<Line>& lines,
                              const std::vector<std::string>& line_class, const HubRules& rules) {
  if (!(rules.distance_m > 0)) throw InputError("hub distance must be positive");
  HubResult out;
  out.junctions = junction_nodes(lines, rules);
  out.crossings = class_crossings(lines, line_class);
  const SphereIndex junctions(out.junctions), crossings(out.crossings);
  const LineIndex network(lines);
  const Geodesic& geod = Geodesic::wgs84();
  out.is_hub.assign(towns.size(), 0);
  out.lines_near.assign(towns.size(), 0);
  out.reason.assign(towns.size(), "");
  auto near_any = [&](const SphereIndex& index, const std::vector<Point>& points, Point town) {
    bool found = false;
    index.within(town, rules.distance_m * SphereIndex::kEllipsoidSlack,
                 [&](size_t i) { found = found || geod.distance_m(points[i], town) <= rules.distance_m; });
    return found;
  };
  for (size_t t = 0; t < towns.size(); ++t) {
    std::vector<std::string> why;
    if (near_any(junctions, out.junctions, towns[t])) why.push_back("junction");
    if (near_any(crossings, out.crossings, towns[t])) why.push_back("crossing");
    out.lines_near[t] = int(network.lines_within(towns[t], rules.distance_m).size());
    if (out.lines_near[t] >= rules.min_lines) why.push_back("lines");
    out.is_hub[t] = !why.empty();
    for (const std::string& w : why) out.reason[t] += (out.reason[t].empty() ? "" : ";") + w;
  }
  return out;
}

}  // namespace poleaxis
