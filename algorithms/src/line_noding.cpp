#include "poleaxis/line_noding.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>
#include <utility>

#include "point_key.h"
#include "poleaxis/geodesic.h"

namespace poleaxis {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kMetresPerDegree = kMeanEarthRadiusM * kPi / 180.0;
// Crossing parameters closer than this to a segment's end count as the end.
constexpr double kEndEps = 1e-9;

double cross(double ax, double ay, double bx, double by) { return ax * by - ay * bx; }

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), size_t{0}); }
  size_t find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  // The smaller root wins, so a group's root is its first member.
  void unite(size_t a, size_t b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// Cells of a uniform lon/lat grid, keyed by (column, row).
struct Grid {
  double x0 = 0, y0 = 0, cell = 1;
  std::unordered_map<uint64_t, std::vector<uint32_t>> cells;
  long column(double x) const { return long(std::floor((x - x0) / cell)); }
  long row(double y) const { return long(std::floor((y - y0) / cell)); }
  static uint64_t key(long c, long r) { return (uint64_t(uint32_t(c)) << 32) | uint32_t(r); }
  template <class Visit>
  void visit_box(double minx, double miny, double maxx, double maxy, Visit&& visit) const {
    for (long c = column(minx); c <= column(maxx); ++c)
      for (long r = row(miny); r <= row(maxy); ++r) {
        auto it = cells.find(key(c, r));
        if (it != cells.end()) visit(c, r, it->second);
      }
  }
};

// Distance in metres from p to segment a–b, in the equirectangular frame at
// p's latitude; u is the parameter of the closest point.
double distance_to_segment_m(Point p, Point a, Point b, double& u) {
  const double kx = kMetresPerDegree * std::cos(std::min(89.0, std::fabs(p.y)) * kPi / 180.0);
  const double ky = kMetresPerDegree;
  const double ax = (a.x - p.x) * kx, ay = (a.y - p.y) * ky;
  const double bx = (b.x - p.x) * kx, by = (b.y - p.y) * ky;
  const double dx = bx - ax, dy = by - ay;
  const double len2 = dx * dx + dy * dy;
  u = len2 > 0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
  const double cx = ax + u * dx, cy = ay + u * dy;
  return std::hypot(cx, cy);
}

double distance_m(Point p, Point q) {
  double u;
  return distance_to_segment_m(p, q, q, u);
}

}  // namespace

PartComponents part_components(const std::vector<Line>& lines) {
  PartComponents out;
  size_t parts = 0;
  for (const Line& line : lines) {
    out.offset.push_back(parts);
    parts += line.size();
  }
  UnionFind uf(parts);
  std::unordered_map<PointKey, size_t, PointKeyHash> first_part;
  for (size_t l = 0; l < lines.size(); ++l)
    for (size_t p = 0; p < lines[l].size(); ++p) {
      const size_t id = out.offset[l] + p;
      for (const Point& v : lines[l][p]) {
        auto [it, fresh] = first_part.emplace(key_of(v), id);
        if (!fresh) uf.unite(it->second, id);
      }
    }
  out.component.assign(parts, 0);
  std::unordered_map<size_t, size_t> dense;
  for (size_t i = 0; i < parts; ++i) {
    auto [it, fresh] = dense.emplace(uf.find(i), dense.size());
    out.component[i] = it->second;
  }
  out.count = dense.size();
  return out;
}

NodedLines node_lines(const std::vector<Line>& lines, const NodingOptions& options, Feedback* feedback) {
  if (!(options.tolerance_m > 0) || !std::isfinite(options.tolerance_m))
    throw LineError("the topology tolerance must be a distance > 0 m, got " + std::to_string(options.tolerance_m));
  for (size_t l = 0; l < lines.size(); ++l)
    for (const Polyline& part : lines[l])
      for (const Point& v : part)
        if (!std::isfinite(v.x) || !std::isfinite(v.y) || std::fabs(v.y) > 90.0)
          throw LineError("the line has a vertex that is not a finite lon/lat position", long(l));

  NodedLines out;
  out.lines = lines;
  out.stats.components_before = part_components(lines).count;
  const double tol = options.tolerance_m;
  const bool crossings = options.mode == NodingMode::Crossings;

  // Segments and part ends, by global ids.
  struct Segment {
    uint32_t line, part, index;
    uint32_t part_id;
  };
  std::vector<Segment> segments;
  std::vector<size_t> first_segment;  // per part id
  std::vector<std::pair<size_t, size_t>> part_of;  // part id → (line, part)
  double minx = 1e300, miny = 1e300, maxx = -1e300, maxy = -1e300, extent_sum = 0;
  for (size_t l = 0; l < lines.size(); ++l)
    for (size_t p = 0; p < lines[l].size(); ++p) {
      const Polyline& part = lines[l][p];
      const uint32_t part_id = uint32_t(part_of.size());
      part_of.emplace_back(l, p);
      first_segment.push_back(segments.size());
      for (size_t s = 0; s + 1 < part.size(); ++s) {
        segments.push_back({uint32_t(l), uint32_t(p), uint32_t(s), part_id});
        extent_sum += std::max(std::fabs(part[s + 1].x - part[s].x), std::fabs(part[s + 1].y - part[s].y));
      }
      for (const Point& v : part) {
        minx = std::min(minx, v.x), maxx = std::max(maxx, v.x);
        miny = std::min(miny, v.y), maxy = std::max(maxy, v.y);
      }
    }
  first_segment.push_back(segments.size());
  if (segments.empty()) return out;
  auto a_of = [&](const Segment& s) -> Point& { return out.lines[s.line][s.part][s.index]; };
  auto b_of = [&](const Segment& s) -> Point& { return out.lines[s.line][s.part][s.index + 1]; };
  const size_t part_count = part_of.size();

  // Tolerance in degrees of latitude, and of longitude at the data's most
  // poleward latitude (so the boxes below cover the tolerance everywhere).
  const double tol_lat = tol / kMetresPerDegree;
  const double tol_lon = tol_lat / std::cos(std::min(89.0, std::max(std::fabs(miny), std::fabs(maxy))) * kPi / 180.0);

  Grid grid;
  grid.x0 = minx, grid.y0 = miny;
  grid.cell = std::max({extent_sum / double(segments.size()), tol_lon, 1e-7});
  for (size_t i = 0; i < segments.size(); ++i) {
    const Point a = a_of(segments[i]), b = b_of(segments[i]);
    for (long c = grid.column(std::min(a.x, b.x)); c <= grid.column(std::max(a.x, b.x)); ++c)
      for (long r = grid.row(std::min(a.y, b.y)); r <= grid.row(std::max(a.y, b.y)); ++r)
        grid.cells[Grid::key(c, r)].push_back(uint32_t(i));
  }

  // Points to insert into each segment: (parameter along it, coordinate).
  std::vector<std::vector<std::pair<double, Point>>> inserts(segments.size());
  auto insert = [&](size_t segment, double t, Point at) {
    auto& list = inserts[segment];
    const PointKey key = key_of(at);
    for (const auto& [u, p] : list)
      if (key_of(p) == key) return false;
    list.emplace_back(t, at);
    return true;
  };
  // Ends already joined to another line (they must not move).
  std::vector<char> attached(2 * part_count, 0);
  auto end_of_vertex = [&](const Segment& s, bool second) -> long {
    const size_t v = s.index + (second ? 1 : 0);
    if (v == 0) return long(2 * s.part_id);
    if (v + 1 == out.lines[s.line][s.part].size()) return long(2 * s.part_id + 1);
    return -1;
  };

  // 1. Crossings.
  if (crossings) {
    size_t visited = 0;
    const size_t cell_count = grid.cells.size();
    for (const auto& [cell_key, members] : grid.cells) {
      if (++visited % 4096 == 0) {
        throw_if_canceled(feedback);
        if (feedback) feedback->progress(80.0 * double(visited) / double(cell_count));
      }
      const long column = long(int32_t(uint32_t(cell_key >> 32))), row = long(int32_t(uint32_t(cell_key)));
      for (size_t x = 0; x < members.size(); ++x)
        for (size_t y = x + 1; y < members.size(); ++y) {
          const size_t i = members[x], j = members[y];
          const Segment& si = segments[i];
          const Segment& sj = segments[j];
          const Point a = a_of(si), b = b_of(si), c = a_of(sj), d = b_of(sj);
          // Each pair once: in the cell holding the low corner of the boxes' overlap.
          const double ox = std::max(std::min(a.x, b.x), std::min(c.x, d.x));
          const double oy = std::max(std::min(a.y, b.y), std::min(c.y, d.y));
          if (grid.column(ox) != column || grid.row(oy) != row) continue;
          if (ox > std::min(std::max(a.x, b.x), std::max(c.x, d.x)) ||
              oy > std::min(std::max(a.y, b.y), std::max(c.y, d.y)))
            continue;
          if (si.part_id == sj.part_id) {
            const size_t gap = si.index > sj.index ? si.index - sj.index : sj.index - si.index;
            if (gap <= 1) continue;  // neighbours share their vertex
          }
          const double rx = b.x - a.x, ry = b.y - a.y, qx = d.x - c.x, qy = d.y - c.y;
          const double den = cross(rx, ry, qx, qy);
          if (den == 0) continue;  // parallel; overlaps join where their ends snap
          const double t = cross(c.x - a.x, c.y - a.y, qx, qy) / den;
          const double u = cross(c.x - a.x, c.y - a.y, rx, ry) / den;
          if (t < -kEndEps || t > 1 + kEndEps || u < -kEndEps || u > 1 + kEndEps) continue;
          const bool inner_t = t > kEndEps && t < 1 - kEndEps;
          const bool inner_u = u > kEndEps && u < 1 - kEndEps;
          if (inner_t && inner_u) {
            const Point at{a.x + t * rx, a.y + t * ry};
            insert(i, t, at);
            insert(j, u, at);
            ++out.stats.crossings;
          } else if (inner_u) {  // a vertex of i lies on j
            const bool second = t > 0.5;
            if (insert(j, u, second ? b : a)) ++out.stats.vertex_touches;
            const long end = end_of_vertex(si, second);
            if (end >= 0) attached[size_t(end)] = 1;
          } else if (inner_t) {  // a vertex of j lies on i
            const bool second = u > 0.5;
            if (insert(i, t, second ? d : c)) ++out.stats.vertex_touches;
            const long end = end_of_vertex(sj, second);
            if (end >= 0) attached[size_t(end)] = 1;
          }
        }
    }
  }
  throw_if_canceled(feedback);

  // 2. Ends within the tolerance of each other become one point.
  auto end_point = [&](size_t end) -> Point& {
    const auto [l, p] = part_of[end / 2];
    Polyline& part = out.lines[l][p];
    return end % 2 ? part.back() : part.front();
  };
  {
    Grid ends;
    ends.x0 = minx, ends.y0 = miny, ends.cell = std::max(tol_lon, 1e-9);
    auto usable = [&](size_t e) { return out.lines[part_of[e / 2].first][part_of[e / 2].second].size() >= 2; };
    for (size_t e = 0; e < 2 * part_count; ++e) {
      if (!usable(e)) continue;
      const Point p = end_point(e);
      ends.cells[Grid::key(ends.column(p.x), ends.row(p.y))].push_back(uint32_t(e));
    }
    UnionFind groups(2 * part_count);
    for (size_t e = 0; e < 2 * part_count; ++e) {
      if (!usable(e)) continue;
      const Point p = end_point(e);
      ends.visit_box(p.x - tol_lon, p.y - tol_lat, p.x + tol_lon, p.y + tol_lat,
                     [&](long, long, const std::vector<uint32_t>& members) {
                       for (uint32_t f : members)
                         if (f > e && f / 2 != e / 2 && distance_m(p, end_point(f)) <= tol) groups.unite(e, f);
                     });
    }
    std::vector<size_t> group_size(2 * part_count, 0);
    for (size_t e = 0; e < 2 * part_count; ++e) ++group_size[groups.find(e)];
    std::vector<Point> original(2 * part_count);
    for (size_t e = 0; e < 2 * part_count; ++e)
      if (usable(e)) original[e] = end_point(e);
    for (size_t e = 0; e < 2 * part_count; ++e) {
      const size_t root = groups.find(e);
      if (group_size[root] < 2) continue;
      attached[e] = 1;
      const Point target = original[root];
      if (!(key_of(target) == key_of(original[e]))) {
        end_point(e) = target;
        ++out.stats.ends_merged;
      }
    }
  }

  // 3. Dangling ends onto the nearest line within the tolerance.
  for (size_t e = 0; e < 2 * part_count; ++e) {
    if (attached[e] || out.lines[part_of[e / 2].first][part_of[e / 2].second].size() < 2) continue;
    if (e % 64 == 0) throw_if_canceled(feedback);
    const size_t own = e / 2;
    const Point p = end_point(e);
    double best = tol;
    long best_segment = -1;
    double best_u = 0;
    grid.visit_box(p.x - tol_lon, p.y - tol_lat, p.x + tol_lon, p.y + tol_lat,
                   [&](long, long, const std::vector<uint32_t>& members) {
                     for (uint32_t s : members) {
                       if (segments[s].part_id == own) continue;
                       double u;
                       const double d = crossings ? distance_to_segment_m(p, a_of(segments[s]), b_of(segments[s]), u)
                                                  : std::min(distance_m(p, a_of(segments[s])), distance_m(p, b_of(segments[s])));
                       if (!crossings) u = distance_m(p, a_of(segments[s])) <= distance_m(p, b_of(segments[s])) ? 0.0 : 1.0;
                       if (d < best || (d == best && best_segment >= 0 && long(s) < best_segment)) {
                         best = d, best_segment = long(s), best_u = u;
                       }
                     }
                   });
    if (best_segment < 0) continue;
    const Segment& target = segments[size_t(best_segment)];
    const Point a = a_of(target), b = b_of(target);
    const double to_a = distance_m(p, a), to_b = distance_m(p, b);
    Point at;
    if (std::min(to_a, to_b) <= tol) {
      at = to_a <= to_b ? a : b;  // a vertex within the tolerance: join there, no new vertex
    } else {
      at = {a.x + best_u * (b.x - a.x), a.y + best_u * (b.y - a.y)};
      insert(size_t(best_segment), best_u, at);
    }
    attached[e] = 1;
    if (!(key_of(at) == key_of(p))) {
      end_point(e) = at;
      ++out.stats.ends_snapped;
    }
  }

  // 4. Rebuild the parts with the inserted vertices.
  for (size_t part_id = 0; part_id < part_count; ++part_id) {
    const auto [l, p] = part_of[part_id];
    const Polyline& old = out.lines[l][p];
    if (old.size() < 2) continue;
    Polyline fresh;
    fresh.reserve(old.size());
    auto push = [&](Point v) {
      if (fresh.empty() || !(key_of(fresh.back()) == key_of(v))) fresh.push_back(v);
    };
    for (size_t s = first_segment[part_id]; s < first_segment[part_id + 1]; ++s) {
      push(a_of(segments[s]));
      auto& list = inserts[s];
      std::sort(list.begin(), list.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
      for (const auto& [t, v] : list) push(v);
    }
    push(old.back());
    out.lines[l][p] = std::move(fresh);
  }
  if (feedback) feedback->progress(100);
  return out;
}

}  // namespace poleaxis
