#include "poleaxis/influence_areas.h"

#include <algorithm>
#include <cstdint>
#include <atomic>
#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "geos_util.h"
#include "poleaxis/sphere_index.h"

namespace poleaxis {

namespace {

std::vector<long> find_duplicates(const std::vector<Point>& xy) {
  std::map<std::pair<double, double>, long> first;
  std::vector<long> out(xy.size(), -1);
  for (size_t i = 0; i < xy.size(); ++i) {
    const auto [it, inserted] = first.emplace(std::make_pair(xy[i].x, xy[i].y), long(i));
    if (!inserted) out[i] = it->second;
  }
  return out;
}

Ring frame_ring(const Bounds& b) {
  return {{b.xmin, b.ymin}, {b.xmax, b.ymin}, {b.xmax, b.ymax}, {b.xmin, b.ymax}, {b.xmin, b.ymin}};
}

Vec3 planar(Point p) { return {p.x, p.y, 0.0}; }

// Keeps the part of a convex ring (closed) where (x − p)·n <= 0.
void clip_half_plane(Ring& ring, Point p, Point n) {
  if (ring.size() < 4) return;
  Ring out;
  out.reserve(ring.size() + 2);
  auto side = [&](Point q) { return (q.x - p.x) * n.x + (q.y - p.y) * n.y; };
  for (size_t k = 0; k + 1 < ring.size(); ++k) {
    const Point a = ring[k], b = ring[k + 1];
    const double sa = side(a), sb = side(b);
    if (sa <= 0) out.push_back(a);
    if ((sa < 0 && sb > 0) || (sa > 0 && sb < 0)) {
      const double t = sa / (sa - sb);
      out.push_back({a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
    }
  }
  if (out.size() < 3) {
    ring.clear();
    return;
  }
  out.push_back(out.front());
  ring.swap(out);
}

double max_distance2(const Ring& ring, Point c) {
  double r2 = 0;
  for (const Point& q : ring) r2 = std::max(r2, (q.x - c.x) * (q.x - c.x) + (q.y - c.y) * (q.y - c.y));
  return r2;
}

// Vertices for a circle of radius rho whose chords stay within `tolerance`.
int circle_vertices(double rho, double tolerance) {
  if (tolerance >= rho) return 8;
  return std::clamp(int(std::ceil(M_PI / std::acos(1.0 - tolerance / rho))), 8, 1 << 16);
}

// The Apollonius disc where d(x, a)/w_a <= d(x, b)/w_b for w_a < w_b.
struct Disc {
  Point centre;
  double radius;
};
Disc apollonius(Point a, Point b, double w_a, double w_b) {
  const double r = w_a / w_b, k = 1.0 - r * r;
  const double D = std::hypot(b.x - a.x, b.y - a.y);
  return {{(a.x - r * r * b.x) / k, (a.y - r * r * b.y) / k}, r * D / k};
}

// A disc as a polygon inscribed in it, the first vertex towards `towards`.
Ring disc_ring(const Disc& d, double tolerance, Point towards) {
  const int m = circle_vertices(d.radius, tolerance);
  const double start = std::atan2(towards.y - d.centre.y, towards.x - d.centre.x);
  Ring ring(size_t(m) + 1);
  for (int k = 0; k < m; ++k) {
    const double a = start + 2 * M_PI * k / m;
    ring[size_t(k)] = {d.centre.x + d.radius * std::cos(a), d.centre.y + d.radius * std::sin(a)};
  }
  ring[size_t(m)] = ring[0];
  return ring;
}

}  // namespace

WeightBands::WeightBands(const std::vector<Point>& xy, const std::vector<double>& weights, const std::vector<bool>& skip)
    : xy_(xy), weights_(weights) {
  std::vector<Vec3> points;
  for (const Point& p : xy) points.push_back(planar(p));
  bands_ = weight_bands(points, weights, skip);
}

long WeightBands::owner(Point x) const {
  double best_v = INFINITY;
  long best = -1;
  auto offer = [&](size_t j) {
    const double v = std::hypot(x.x - xy_[j].x, x.y - xy_[j].y) / weights_[j];
    if (v < best_v || (v == best_v && long(j) < best)) best_v = v, best = long(j);
  };
  // Each band's nearest centre gives an upper bound on the best ratio …
  for (const Band& band : bands_) offer(band.members[band.index->nearest(planar(x))]);
  // … and only centres nearer than best · heaviest can beat it (slack for rounding at ties).
  for (const Band& band : bands_) {
    const double r = best_v * band.heaviest * (1.0 + 1e-12);
    band.index->within_squared(planar(x), r * r, [&](size_t k) { offer(band.members[k]); });
  }
  return best;
}

void huff_shares(Point x, const std::vector<Point>& centres, const std::vector<double>& attraction, double lambda,
                 double floor_m, std::vector<double>& share) {
  share.resize(centres.size());
  double total = 0;
  for (size_t j = 0; j < centres.size(); ++j) {
    const double d_km = std::max(floor_m, std::hypot(x.x - centres[j].x, x.y - centres[j].y)) / 1000.0;
    total += share[j] = attraction[j] / std::pow(d_km, lambda);
  }
  for (double& s : share) s /= total;
}

InfluenceCells voronoi_cells(const std::vector<Point>& xy, const Bounds& frame, Feedback* feedback) {
  InfluenceCells out;
  out.duplicate_of = find_duplicates(xy);
  out.cells.resize(xy.size());
  std::vector<size_t> unique;
  for (size_t i = 0; i < xy.size(); ++i)
    if (out.duplicate_of[i] < 0) unique.push_back(i);
  if (unique.size() == 1) {
    out.cells[unique[0]] = {Polygon{{frame_ring(frame)}}};
    return out;
  }
  if (unique.empty()) return out;
  geos::Context ctx;
  std::vector<GEOSGeometry*> parts;
  for (size_t i : unique) parts.push_back(ctx.check(GEOSGeom_createPointFromXY_r(ctx, xy[i].x, xy[i].y), "point"));
  const geos::Geom points = geos::own(ctx, geos::make_collection(ctx, GEOS_MULTIPOINT, parts));
  const geos::Geom envelope = geos::own(ctx, geos::make_polygon(ctx, Polygon{{frame_ring(frame)}}));
  throw_if_canceled(feedback);
  const geos::Geom diagram = geos::own(ctx, ctx.check(GEOSVoronoiDiagram_r(ctx, points.get(), envelope.get(), 0.0, 0), "voronoi"));
  if (feedback) feedback->progress(60);
  // Cells come in no particular order: a cell's interior point is nearest to its own centre.
  std::vector<Point> kept;
  for (size_t i : unique) kept.push_back(xy[i]);
  std::vector<Vec3> vectors;
  for (const Point& p : kept) vectors.push_back(planar(p));
  const SphereIndex index(vectors);
  const int count = GEOSGetNumGeometries_r(ctx, diagram.get());
  const Polygon box{{frame_ring(frame)}};
  for (int c = 0; c < count; ++c) {
    if (c % 1024 == 0) throw_if_canceled(feedback);
    const GEOSGeometry* cell = GEOSGetGeometryN_r(ctx, diagram.get(), c);
    const geos::Geom inside = geos::own(ctx, ctx.check(GEOSPointOnSurface_r(ctx, cell), "point on surface"));
    double x = 0, y = 0;
    GEOSGeomGetX_r(ctx, inside.get(), &x);
    GEOSGeomGetY_r(ctx, inside.get(), &y);
    const size_t owner = unique[index.nearest({x, y, 0.0})];
    // GEOS extends the diagram beyond the envelope; cut it back to the frame.
    out.cells[owner] = intersection(geos::to_multipolygon(ctx, cell), {box});
  }
  if (feedback) feedback->progress(100);
  return out;
}

InfluenceCells weighted_voronoi_cells(const std::vector<Point>& xy, const std::vector<double>& weights, const Bounds& frame,
                                      double tolerance_m, Feedback* feedback, unsigned workers) {
  const size_t n = xy.size();
  if (weights.size() != n) throw InputError("give one weight per centre");
  for (size_t i = 0; i < n; ++i)
    if (!(weights[i] > 0) || !std::isfinite(weights[i]))
      throw InputError("weight " + std::to_string(weights[i]) + " is not > 0", long(i));
  if (!(tolerance_m > 0)) throw InputError("the tolerance must be > 0");
  InfluenceCells out;
  out.duplicate_of = find_duplicates(xy);
  out.cells.resize(n);

  std::vector<bool> skip(n);
  std::vector<Vec3> all;
  for (size_t i = 0; i < n; ++i) {
    all.push_back(planar(xy[i]));
    skip[i] = out.duplicate_of[i] >= 0;
  }
  const WeightBands bands(xy, weights, skip);
  const SphereIndex everyone(all);
  const double spacing = std::sqrt(std::max(1.0, (frame.xmax - frame.xmin) * (frame.ymax - frame.ymin)) / double(std::max<size_t>(n, 1)));

  std::atomic<size_t> done{0};
  workers = std::max(1u, workers);
  // seen[w][j] == i + 1: centre j already applied to cell i (one array per thread).
  std::vector<std::vector<uint32_t>> seen_by(workers);
  parallel_for(n, workers, [&](size_t i, unsigned worker) {
    if (i % 256 == 0) {
      throw_if_canceled(feedback);
      if (feedback) feedback->progress(100.0 * double(done) / double(n));
    }
    ++done;
    if (out.duplicate_of[i] >= 0) return;
    const Point p = xy[i];
    const double wi = weights[i];
    Ring cell = frame_ring(frame);
    std::vector<uint32_t>& seen = seen_by[worker];
    if (seen.empty()) seen.assign(n, 0);
    const uint32_t stamp = uint32_t(i + 1);
    std::vector<Disc> taken;  // discs lighter centres take out

    auto apply = [&](size_t j) {
      if (j == i || out.duplicate_of[j] >= 0 || cell.empty() || seen[j] == stamp) return;
      const double wj = weights[j];
      const double D = std::hypot(xy[j].x - p.x, xy[j].y - p.y);
      const double R = std::sqrt(max_distance2(cell, p));
      if (!(D < (1.0 + wj / wi) * R)) return;  // cannot reach the cell
      seen[j] = stamp;
      const Point u{(xy[j].x - p.x) / D, (xy[j].y - p.y) / D};
      const Point breaking{p.x + breaking_distance(D, wi, wj) * u.x, p.y + breaking_distance(D, wi, wj) * u.y};
      if (wj >= wi) {
        const bool equal = wj - wi <= 1e-12 * wj;
        const Disc disc = equal ? Disc{} : apollonius(p, xy[j], wi, wj);
        // Over a cell of radius R the circle departs from its tangent by about (2R)²/(2ρ).
        if (equal || 2.0 * R * R / disc.radius <= tolerance_m) {
          clip_half_plane(cell, breaking, u);
          return;
        }
        const Ring ring = disc_ring(disc, tolerance_m, breaking);
        // Clip by the polygon's edges that cut the cell (outward normals).
        for (size_t k = 0; k + 1 < ring.size() && !cell.empty(); ++k) {
          const Point a = ring[k], b = ring[k + 1];
          const Point normal{b.y - a.y, -(b.x - a.x)};  // ring is counter-clockwise
          clip_half_plane(cell, a, normal);
        }
      } else {
        taken.push_back(apollonius(xy[j], p, wj, wi));
      }
    };

    // The nearest centres first make the cell (and its radius) small.
    double radius = 3.0 * spacing;
    for (int round = 0; round < 40; ++round) {
      size_t found = 0;
      everyone.within_squared(planar(p), radius * radius, [&](size_t) { ++found; });
      if (found >= 12 || found >= n) break;
      radius *= 2.0;
    }
    std::vector<std::pair<double, size_t>> near;
    everyone.within_squared(planar(p), radius * radius, [&](size_t j) {
      near.push_back({std::hypot(xy[j].x - p.x, xy[j].y - p.y), j});
    });
    std::sort(near.begin(), near.end());
    for (const auto& [d, j] : near) apply(j);
    // Then every band within its reach of the (now smaller) cell.
    std::vector<std::pair<double, size_t>> candidates;
    for (const WeightBands::Band& band : bands.bands()) {
      const double R = std::sqrt(max_distance2(cell, p));
      const double reach = (1.0 + band.heaviest / wi) * R;
      candidates.clear();
      // Only centres that can reach the cell by their own weight, nearest first.
      band.index->within_squared(planar(p), reach * reach, [&](size_t k) {
        const size_t j = band.members[k];
        const double D = std::hypot(xy[j].x - p.x, xy[j].y - p.y);
        if (D < (1.0 + weights[j] / wi) * R && seen[j] != stamp) candidates.push_back({D, j});
      });
      std::sort(candidates.begin(), candidates.end());
      for (const auto& [d, j] : candidates) apply(j);
    }
    if (cell.empty()) return;
    MultiPolygon shape{Polygon{{cell}}};
    if (!taken.empty()) {
      std::vector<Polygon> holes;
      const double R = std::sqrt(max_distance2(cell, p));
      for (const Disc& d : taken)
        if (std::hypot(d.centre.x - p.x, d.centre.y - p.y) < R + d.radius) holes.push_back(Polygon{{disc_ring(d, tolerance_m, p)}});
      if (!holes.empty()) shape = difference(shape, union_all(holes, nullptr, 1));
    }
    out.cells[i] = std::move(shape);
  });
  if (feedback) feedback->progress(100);
  return out;
}

}  // namespace poleaxis
