#include "poleaxis/circle_union.h"

#include <algorithm>
#include <atomic>
#include <cmath>

#include "geos_util.h"
#include "poleaxis/geodesic.h"
#include "poleaxis/geodesic_circle.h"
#include "poleaxis/polygon_ops.h"
#include "poleaxis/sphere_index.h"

namespace poleaxis {

namespace {

constexpr double kMaxTrimRadiusM = 100000.0;
constexpr double kMaxTrimLatitude = 75.0;
// Ellipsoidal/mean-sphere distance ratios stay within ±0.46 %; what
// kEllipsoidSlack leaves beyond that is the margin between the disc we test
// and the polygon's true inscribed disc.
constexpr double kWorstSphereRatio = 1.0046;
constexpr double kWgs84A = 6378137.0;
constexpr double kWgs84F = 1.0 / 298.257223563;
constexpr double kDegToRad = M_PI / 180.0;

// Whether the circle stays clear of the antimeridian, from its longitude
// half-width r/(N·cos φ) with 1 % to spare.
bool clear_of_antimeridian(Point centre, double radius_m) {
  const double e2 = kWgs84F * (2 - kWgs84F);
  const double s = std::sin(centre.y * kDegToRad);
  const double n = kWgs84A / std::sqrt(1 - e2 * s * s);
  const double half_width = radius_m / (n * std::cos(centre.y * kDegToRad)) / kDegToRad * 1.01;
  const double lon = std::remainder(centre.x, 360.0);
  return std::fabs(lon) + half_width < 180.0;
}

bool can_trim(Point centre, double radius_m) {
  return radius_m <= kMaxTrimRadiusM && std::fabs(centre.y) <= kMaxTrimLatitude &&
         clear_of_antimeridian(centre, radius_m);
}

}  // namespace

void approx_circle_vectors(Point centre, double radius_m, int segments, std::vector<Vec3>& out) {
  const double e2 = kWgs84F * (2 - kWgs84F);
  const double phi = centre.y * kDegToRad, lam = centre.x * kDegToRad;
  const double sp = std::sin(phi), cp = std::cos(phi), sl = std::sin(lam), cl = std::cos(lam);
  const double w = std::sqrt(1 - e2 * sp * sp);
  const double meridional = kWgs84A * (1 - e2) / (w * w * w), normal = kWgs84A / w;
  const Vec3 c{cp * cl, cp * sl, sp}, north{-sp * cl, -sp * sl, cp}, east{-sl, cl, 0.0};
  out.resize(size_t(segments));
  const double step = 2 * M_PI / segments;
  for (int k = 0; k < segments; ++k) {
    // Same azimuths as geodesic_circle_ring: 0, −step, −2·step, ...
    const double u = radius_m / meridional * std::cos(step * k);
    const double v = -radius_m / normal * std::sin(step * k);
    const double t2 = u * u + v * v;
    // cos θ and sin θ / θ by series: θ <= 0.016 rad here, terms beyond are < 1e-16.
    const double cos_t = 1 - t2 / 2 + t2 * t2 / 24 - t2 * t2 * t2 / 720;
    const double sinc_t = 1 - t2 / 6 + t2 * t2 / 120 - t2 * t2 * t2 / 5040;
    out[size_t(k)] = {cos_t * c.x + sinc_t * (u * north.x + v * east.x),
                      cos_t * c.y + sinc_t * (u * north.y + v * east.y),
                      cos_t * c.z + sinc_t * (u * north.z + v * east.z)};
  }
}

CircleUnion union_circles(const std::vector<Point>& centres, const std::vector<double>& radii_m, int segments,
                          const std::vector<MultiPolygon>* shapes, Feedback* feedback, unsigned workers) {
  const size_t n = centres.size();
  CircleUnion result;
  result.vertices_in = n * size_t(segments);
  auto shape_of = [&](size_t i) {
    return shapes ? (*shapes)[i] : geodesic_circle(centres[i], radii_m[i], segments);
  };
  auto ring_of = [&](size_t i) {
    return shapes ? (*shapes)[i][0].rings[0]
                  : geodesic_circle_ring({std::remainder(centres[i].x, 360.0), centres[i].y}, radii_m[i], segments);
  };

  std::vector<char> trimmable(n);
  double max_radius = 0.0, max_trim_radius = 0.0;
  for (size_t i = 0; i < n; ++i) {
    trimmable[i] = can_trim(centres[i], radii_m[i]);
    max_radius = std::max(max_radius, radii_m[i]);
    if (trimmable[i]) max_trim_radius = std::max(max_trim_radius, radii_m[i]);
  }
  // Safe inscribed disc of each circle, less the worst placement error of the
  // approximate vertices tested against it.
  const double vertex_error = approx_vertex_error_m(max_trim_radius);
  const double inscribed_factor = std::cos(M_PI / double(segments));
  std::vector<double> inner2(n, 0.0);
  // A lon/lat chord of length L at latitude φ strays up to L²·tan|φ|/(8R) from
  // the geodesic chord; a run may grow while that stays within a quarter of
  // the covering disc's margin: L²·tan|φ| <= 2R·margin.
  std::vector<double> chord_budget(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    if (!trimmable[i]) continue;
    const double inscribed = radii_m[i] * inscribed_factor;
    inner2[i] = chord2_for_distance(inscribed / SphereIndex::kEllipsoidSlack - vertex_error);
    chord_budget[i] = 2.0 * kMeanEarthRadiusM * inscribed * (1.0 - kWorstSphereRatio / SphereIndex::kEllipsoidSlack);
  }
  const SphereIndex index(centres);

  ProgressSlice classify_feedback(feedback, 0, 25);
  std::vector<Polygon> kept(n);    // trimmed circles; empty rings when dropped or whole
  std::vector<char> whole(n, 0);   // goes to the overlay untouched
  std::vector<std::vector<Vec3>> scratch(std::max(1u, workers));
  std::atomic<size_t> done{0};
  const size_t m = size_t(segments);
  parallel_for(n, workers, [&](size_t i, unsigned worker) {
    if (i % 256 == 0) {
      throw_if_canceled(feedback);
      classify_feedback.progress(100.0 * double(done) / double(n));
    }
    ++done;
    if (!trimmable[i]) {
      whole[i] = 1;
      return;
    }
    std::vector<size_t> neighbours;
    index.within(index.vector(i), (radii_m[i] + max_trim_radius) * SphereIndex::kEllipsoidSlack,
                 [&](size_t j) {
                   if (j != i && trimmable[j]) neighbours.push_back(j);
                 });
    std::vector<Vec3>& v = scratch[worker];
    approx_circle_vectors(centres[i], radii_m[i], segments, v);
    auto covers = [&](long j, size_t k) { return j >= 0 && chord2(v[k], index.vector(size_t(j))) < inner2[size_t(j)]; };

    std::vector<long> cover(m, -1);
    long last = -1;
    for (size_t k = 0; k < m; ++k) {
      if (covers(last, k)) {
        cover[k] = last;
        continue;
      }
      for (size_t j : neighbours)
        if (covers(long(j), k)) {
          cover[k] = last = long(j);
          break;
        }
    }
    // An edge is covered when one disc holds both its ends (discs are convex).
    auto edge_covered = [&](size_t k) {
      const size_t k2 = (k + 1) % m;
      return covers(cover[k], k2) || covers(cover[k2], k);
    };
    size_t start = m;  // a vertex after which a walk never wraps inside a run
    for (size_t k = 0; k < m && start == m; ++k)
      if (cover[k] < 0) start = k;
    for (size_t k = 0; k < m && start == m; ++k)
      if (!edge_covered(k)) start = (k + 1) % m;
    if (start == m) return;  // every vertex and edge inside neighbours: dropped

    // |latitude| the circle reaches (a degree of meridian is over 110 km).
    const double tan_lat = std::tan((std::fabs(centres[i].y) + radii_m[i] / 1.1e5) * kDegToRad);
    auto short_enough = [&](size_t from, size_t to, long j) {
      const double length2 = chord2(v[from], v[to]) * kMeanEarthRadiusM * kMeanEarthRadiusM;
      return length2 * tan_lat <= chord_budget[size_t(j)];
    };
    const Ring ring = ring_of(i);  // exact vertices, only for circles that stay
    Ring out;
    long run_disc = -1;
    size_t run_start = 0, run_last = 0;
    bool run_open = false;
    auto close_run = [&] {
      if (run_open && run_last != run_start) out.push_back(ring[run_last]);
      run_open = false;
    };
    for (size_t s = 0; s < m; ++s) {
      const size_t k = (start + s) % m;
      if (run_open && covers(run_disc, k) && short_enough(run_start, k, run_disc)) {
        run_last = k;
        continue;
      }
      close_run();
      out.push_back(ring[k]);
      if (cover[k] >= 0) {
        run_open = true;
        run_disc = cover[k];
        run_start = run_last = k;
      }
    }
    close_run();
    if (out.size() < 3) {  // cannot happen for a circle with a free vertex; stay safe
      whole[i] = 1;
      return;
    }
    out.push_back(out.front());
    kept[i].rings.push_back(std::move(out));
  });

  geos::Context ctx;
  std::vector<geos::Geom> parts;
  for (size_t i = 0; i < n; ++i) {
    if (whole[i]) {
      for (const Polygon& p : shape_of(i)) {
        result.vertices_overlaid += p.rings[0].size() - 1;
        parts.push_back(geos::own(ctx, geos::make_polygon(ctx, p)));
      }
    } else if (kept[i].rings.empty()) {
      ++result.circles_dropped;
    } else {
      ++result.circles_trimmed;
      result.vertices_overlaid += kept[i].rings[0].size() - 1;
      parts.push_back(geos::own(ctx, geos::make_polygon(ctx, kept[i])));
      kept[i].rings.clear();
    }
  }
  ProgressSlice union_feedback(feedback, 25, 95);
  geos::Geom merged = geos::cascaded_union(ctx, std::move(parts), &union_feedback, workers);
  MultiPolygon shape = geos::to_multipolygon(ctx, merged.get());

  // Fill the holes that dropped or trimmed circles cover. A probe inside a
  // circle's inscribed disc is inside its polygon; only probes in the thin
  // band between inscribed disc and circle need the polygon itself.
  const Geodesic& geod = Geodesic::wgs84();
  auto inside_circle_polygon = [&](Point probe, size_t j) {
    const double d = geod.distance_m(centres[j], probe);
    if (d > radii_m[j]) return false;
    if (d < radii_m[j] * inscribed_factor * (1 - 1e-4)) return true;
    for (const Polygon& p : shape_of(j))
      if (point_in_polygon(probe, p)) return true;
    return false;
  };
  for (Polygon& polygon : shape) {
    std::vector<Ring> rings{polygon.rings[0]};
    for (size_t h = 1; h < polygon.rings.size(); ++h) {
      geos::Geom hole = geos::own(ctx, geos::make_polygon(ctx, Polygon{{polygon.rings[h]}}));
      geos::Geom inside = geos::own(ctx, ctx.check(GEOSPointOnSurface_r(ctx, hole.get()), "point on surface"));
      double x = 0, y = 0;
      bool filled = false;
      if (GEOSGeomGetX_r(ctx, inside.get(), &x) && GEOSGeomGetY_r(ctx, inside.get(), &y)) {
        const Point probe{x, y};
        index.within(probe, max_radius * SphereIndex::kEllipsoidSlack,
                     [&](size_t j) { filled = filled || inside_circle_polygon(probe, j); });
      }
      if (filled)
        ++result.holes_filled;
      else
        rings.push_back(std::move(polygon.rings[h]));
    }
    polygon.rings = std::move(rings);
  }
  result.shape = std::move(shape);
  if (feedback) feedback->progress(100.0);
  return result;
}

}  // namespace poleaxis
