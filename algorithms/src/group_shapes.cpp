#include "poleaxis/group_shapes.h"

#include <algorithm>
#include <numeric>

#include "geos_util.h"
#include "poleaxis/polygon_ops.h"

namespace poleaxis {

namespace {
geos::Geom multipoint(const geos::Context& ctx, const std::vector<Point>& xy) {
  std::vector<GEOSGeometry*> parts;
  parts.reserve(xy.size());
  for (const Point& p : xy) parts.push_back(ctx.check(GEOSGeom_createPointFromXY_r(ctx, p.x, p.y), "point"));
  return geos::own(ctx, geos::make_collection(ctx, GEOS_MULTIPOINT, parts));
}
}  // namespace

MultiPolygon group_hull(const std::vector<Point>& xy, HullKind kind, double concavity) {
  if (xy.size() < 3) return {};
  geos::Context ctx;
  const geos::Geom points = multipoint(ctx, xy);
  const geos::Geom hull = geos::own(
      ctx, ctx.check(kind == HullKind::Convex ? GEOSConvexHull_r(ctx, points.get())
                                              : GEOSConcaveHull_r(ctx, points.get(), std::clamp(concavity, 0.0, 1.0), 0),
                     "hull"));
  return geos::to_multipolygon(ctx, hull.get());
}

MultiPolygon disc_footprint(const std::vector<Point>& xy, double radius, int quarter_segments) {
  if (xy.empty() || !(radius > 0)) return {};
  geos::Context ctx;
  const geos::Geom points = multipoint(ctx, xy);
  const geos::Geom discs = geos::own(ctx, ctx.check(GEOSBuffer_r(ctx, points.get(), radius, quarter_segments), "buffer"));
  return geos::to_multipolygon(ctx, discs.get());
}

std::vector<int> colour_neighbours(const std::vector<MultiPolygon>& shapes, double gap) {
  const size_t n = shapes.size();
  std::vector<Bounds> box(n);
  for (size_t i = 0; i < n; ++i) box[i] = shapes[i].empty() ? Bounds{1, 1, -1, -1} : bounds(shapes[i]);
  geos::Context ctx;
  std::vector<geos::Geom> geoms;
  for (const MultiPolygon& s : shapes) geoms.push_back(geos::own(ctx, geos::make_multipolygon(ctx, s)));
  std::vector<std::vector<size_t>> near(n);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      if (box[i].xmin > box[i].xmax || box[j].xmin > box[j].xmax) continue;
      if (box[i].xmin - gap > box[j].xmax || box[j].xmin - gap > box[i].xmax || box[i].ymin - gap > box[j].ymax ||
          box[j].ymin - gap > box[i].ymax)
        continue;
      double d = 0;
      if (GEOSDistance_r(ctx, geoms[i].get(), geoms[j].get(), &d) && d <= gap) {
        near[i].push_back(j);
        near[j].push_back(i);
      }
    }
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return near[a].size() > near[b].size(); });
  std::vector<int> colour(n, -1);
  for (size_t i : order) {
    std::vector<char> used(near[i].size() + 1, 0);
    for (size_t j : near[i])
      if (colour[j] >= 0 && size_t(colour[j]) < used.size()) used[size_t(colour[j])] = 1;
    colour[i] = int(std::find(used.begin(), used.end(), 0) - used.begin());
  }
  return colour;
}

}  // namespace poleaxis
