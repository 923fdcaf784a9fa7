#include "poleaxis/circle_union.h"

#include <algorithm>
#include <cmath>

#include "geos_util.h"
#include "poleaxis/polygon_ops.h"
#include "poleaxis/sphere_index.h"

namespace poleaxis {

namespace {

constexpr double kMaxTrimRadiusM = 100000.0;
constexpr double kMaxTrimLatitude = 75.0;
constexpr double kMaxRunDegrees = 40.0;

struct Classified {
  Polygon trimmed;  // empty rings: circle dropped
  bool whole = false;
};

bool eligible(Point centre, double radius_m, const MultiPolygon& shape) {
  return radius_m <= kMaxTrimRadiusM && std::fabs(centre.y) <= kMaxTrimLatitude &&
         shape.size() == 1 && shape[0].rings.size() == 1 && shape[0].rings[0].size() >= 5;
}

}  // namespace

CircleUnion union_circles(const std::vector<Point>& centres, const std::vector<double>& radii_m,
                          const std::vector<MultiPolygon>& shapes, Feedback* feedback,
                          unsigned workers) {
  const size_t n = centres.size();
  CircleUnion result;
  std::vector<char> can_trim(n);
  std::vector<double> inner2(n, 0.0);  // squared unit chord of the safe inscribed disc
  double max_radius = 0.0, max_trim_radius = 0.0;
  for (size_t i = 0; i < n; ++i) {
    can_trim[i] = eligible(centres[i], radii_m[i], shapes[i]);
    max_radius = std::max(max_radius, radii_m[i]);
    for (const Polygon& p : shapes[i]) result.vertices_in += p.rings.empty() ? 0 : p.rings[0].size() - 1;
    if (!can_trim[i]) continue;
    const size_t segments = shapes[i][0].rings[0].size() - 1;
    inner2[i] = chord2_for_distance(radii_m[i] * std::cos(M_PI / double(segments)) /
                                    SphereIndex::kEllipsoidSlack);
    max_trim_radius = std::max(max_trim_radius, radii_m[i]);
  }
  const SphereIndex index(centres);

  ProgressSlice classify_feedback(feedback, 0, 20);
  std::vector<Classified> classified(n);
  std::atomic<size_t> done{0};
  parallel_for(n, workers, [&](size_t i, unsigned) {
    if (i % 256 == 0) {
      throw_if_canceled(feedback);
      classify_feedback.progress(100.0 * double(done) / double(n));
    }
    ++done;
    Classified& out = classified[i];
    if (!can_trim[i]) {
      out.whole = true;
      return;
    }
    std::vector<size_t> neighbours;
    index.within(index.vector(i), (radii_m[i] + max_trim_radius) * SphereIndex::kEllipsoidSlack,
                 [&](size_t j) {
                   if (j != i && can_trim[j]) neighbours.push_back(j);
                 });
    const Ring& ring = shapes[i][0].rings[0];
    const size_t m = ring.size() - 1;
    std::vector<Vec3> v(m);
    for (size_t k = 0; k < m; ++k) v[k] = unit_vector(ring[k]);
    auto covers = [&](long j, size_t k) { return j >= 0 && chord2(v[k], index.vector(size_t(j))) < inner2[size_t(j)]; };

    std::vector<long> cover(m, -1);
    long last = -1;
    size_t uncovered = 0;
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
      uncovered += cover[k] < 0;
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

    const size_t max_run = std::max<size_t>(1, size_t(double(m) * kMaxRunDegrees / 360.0));
    Ring kept;
    long run_disc = -1;
    size_t run_start = 0, run_last = 0;
    bool run_open = false;
    auto close_run = [&] {
      if (run_open && run_last != run_start) kept.push_back(ring[(start + run_last) % m]);
      run_open = false;
    };
    for (size_t s = 0; s < m; ++s) {
      const size_t k = (start + s) % m;
      if (run_open && s - run_start < max_run && covers(run_disc, k)) {
        run_last = s;
        continue;
      }
      close_run();
      kept.push_back(ring[k]);
      if (cover[k] >= 0) {
        run_open = true;
        run_disc = cover[k];
        run_start = run_last = s;
      }
    }
    close_run();
    if (kept.size() < 3) {  // cannot happen for a circle with a free vertex; stay safe
      out.whole = true;
      return;
    }
    kept.push_back(kept.front());
    out.trimmed.rings.push_back(std::move(kept));
  });

  std::vector<Polygon> overlay_input;
  for (size_t i = 0; i < n; ++i) {
    if (classified[i].whole) {
      for (const Polygon& p : shapes[i]) overlay_input.push_back(p);
    } else if (classified[i].trimmed.rings.empty()) {
      ++result.circles_dropped;
    } else {
      ++result.circles_trimmed;
      overlay_input.push_back(std::move(classified[i].trimmed));
    }
  }
  for (const Polygon& p : overlay_input) result.vertices_overlaid += p.rings[0].size() - 1;

  geos::Context ctx;
  std::vector<geos::Geom> parts;
  parts.reserve(overlay_input.size());
  for (const Polygon& p : overlay_input) parts.push_back(geos::own(ctx, geos::make_polygon(ctx, p)));
  overlay_input.clear();
  ProgressSlice union_feedback(feedback, 20, 95);
  geos::Geom merged = geos::cascaded_union(ctx, std::move(parts), &union_feedback, workers);
  MultiPolygon shape = geos::to_multipolygon(ctx, merged.get());

  // Fill the holes that dropped or trimmed circles cover.
  for (Polygon& polygon : shape) {
    std::vector<Ring> rings{polygon.rings[0]};
    for (size_t h = 1; h < polygon.rings.size(); ++h) {
      geos::Geom hole = geos::own(ctx, geos::make_polygon(ctx, Polygon{{polygon.rings[h]}}));
      geos::Geom inside = geos::own(ctx, ctx.check(GEOSPointOnSurface_r(ctx, hole.get()), "point on surface"));
      double x = 0, y = 0;
      bool filled = false;
      if (GEOSGeomGetX_r(ctx, inside.get(), &x) && GEOSGeomGetY_r(ctx, inside.get(), &y)) {
        const Point probe{x, y};
        index.within(probe, max_radius * SphereIndex::kEllipsoidSlack, [&](size_t j) {
          for (const Polygon& p : shapes[j]) filled = filled || point_in_polygon(probe, p);
        });
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
