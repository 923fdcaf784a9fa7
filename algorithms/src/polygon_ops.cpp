#include "poleaxis/polygon_ops.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>

#include "geos_util.h"

namespace poleaxis {

namespace {

// Interleaves the bits of two 16-bit cells so that sorting by the code keeps
// neighbours together (Z order); chunks of consecutive polygons then overlap
// mostly with each other, which is what makes cascading pay.
uint32_t morton(uint32_t x, uint32_t y) {
  auto spread = [](uint32_t v) {
    v &= 0xFFFF;
    v = (v | (v << 8)) & 0x00FF00FF;
    v = (v | (v << 4)) & 0x0F0F0F0F;
    v = (v | (v << 2)) & 0x33333333;
    v = (v | (v << 1)) & 0x55555555;
    return v;
  };
  return spread(x) | (spread(y) << 1);
}

}  // namespace

namespace geos {

Geom cascaded_union(const Context& ctx, std::vector<Geom> parts, Feedback* feedback,
                    unsigned workers) {
  if (parts.empty()) return own(ctx, ctx.check(GEOSGeom_createEmptyPolygon_r(ctx), "empty"));

  // Sort by Z order of bounding-box centres.
  struct Key {
    uint32_t code;
    size_t index;
  };
  std::vector<double> cx(parts.size()), cy(parts.size());
  double xmin = std::numeric_limits<double>::max(), ymin = xmin;
  double xmax = std::numeric_limits<double>::lowest(), ymax = xmax;
  for (size_t i = 0; i < parts.size(); ++i) {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (!GEOSGeom_getXMin_r(ctx, parts[i].get(), &x0) || !GEOSGeom_getYMin_r(ctx, parts[i].get(), &y0) ||
        !GEOSGeom_getXMax_r(ctx, parts[i].get(), &x1) || !GEOSGeom_getYMax_r(ctx, parts[i].get(), &y1))
      x0 = y0 = x1 = y1 = 0;  // empty geometry: any position will do
    cx[i] = (x0 + x1) / 2;
    cy[i] = (y0 + y1) / 2;
    xmin = std::min(xmin, cx[i]);
    ymin = std::min(ymin, cy[i]);
    xmax = std::max(xmax, cx[i]);
    ymax = std::max(ymax, cy[i]);
  }
  const double sx = xmax > xmin ? 65535.0 / (xmax - xmin) : 0.0;
  const double sy = ymax > ymin ? 65535.0 / (ymax - ymin) : 0.0;
  std::vector<Key> keys(parts.size());
  for (size_t i = 0; i < parts.size(); ++i)
    keys[i] = {morton(static_cast<uint32_t>((cx[i] - xmin) * sx),
                      static_cast<uint32_t>((cy[i] - ymin) * sy)),
               i};
  std::sort(keys.begin(), keys.end(),
            [](const Key& a, const Key& b) { return a.code < b.code || (a.code == b.code && a.index < b.index); });

  // One chunk per worker: GEOS's own cascaded union inside a chunk beats
  // more, smaller chunks merged by us (measured on 15,621 circles: 0.51 s vs
  // 0.56 s with 16 chunks per worker). The cap keeps cancel and progress
  // checkpoints every few thousand polygons on large inputs.
  const size_t chunk = std::clamp<size_t>((parts.size() + workers - 1) / workers, 16, 4096);
  const size_t n_chunks = (parts.size() + chunk - 1) / chunk;
  std::vector<Geom> level(n_chunks);
  const size_t merges_total = n_chunks > 1 ? n_chunks - 1 : 0;
  std::atomic<size_t> done{0};
  const size_t steps = n_chunks + merges_total;

  auto step_done = [&] {
    size_t d = ++done;
    if (feedback) feedback->progress(100.0 * double(d) / double(steps));
  };

  parallel_for(n_chunks, workers, [&](size_t c, unsigned) {
    throw_if_canceled(feedback);
    Context local;
    std::vector<GEOSGeometry*> members;
    size_t end = std::min(parts.size(), (c + 1) * chunk);
    for (size_t k = c * chunk; k < end; ++k) members.push_back(parts[keys[k].index].release());
    Geom collection = own(local, make_collection(local, GEOS_GEOMETRYCOLLECTION, members));
    level[c] = own(local, local.check(GEOSUnaryUnion_r(local, collection.get()), "union"));
    step_done();
  });

  while (level.size() > 1) {
    std::vector<Geom> next((level.size() + 1) / 2);
    parallel_for(next.size(), workers, [&](size_t i, unsigned) {
      throw_if_canceled(feedback);
      if (2 * i + 1 >= level.size()) {
        next[i] = std::move(level[2 * i]);
        return;
      }
      Context local;
      next[i] = own(local, local.check(GEOSUnion_r(local, level[2 * i].get(), level[2 * i + 1].get()),
                                       "union"));
      step_done();
    });
    level.swap(next);
  }
  // Re-own under the caller's context for a consistent deleter.
  return own(ctx, level.front().release());
}

}  // namespace geos

MultiPolygon union_all(const std::vector<Polygon>& polygons, Feedback* feedback, unsigned workers) {
  geos::Context ctx;
  std::vector<geos::Geom> parts;
  parts.reserve(polygons.size());
  for (const Polygon& p : polygons)
    if (!p.rings.empty()) parts.push_back(geos::own(ctx, geos::make_polygon(ctx, p)));
  geos::Geom u = geos::cascaded_union(ctx, std::move(parts), feedback, workers);
  return geos::to_multipolygon(ctx, u.get());
}

namespace {

using BinaryOp = GEOSGeometry* (*)(GEOSContextHandle_t, const GEOSGeometry*, const GEOSGeometry*);

MultiPolygon overlay(const MultiPolygon& a, const MultiPolygon& b, BinaryOp op, const char* name) {
  geos::Context ctx;
  geos::Geom ga = geos::own(ctx, geos::make_multipolygon(ctx, a));
  geos::Geom gb = geos::own(ctx, geos::make_multipolygon(ctx, b));
  geos::Geom r = geos::own(ctx, ctx.check(op(ctx, ga.get(), gb.get()), name));
  return geos::to_multipolygon(ctx, r.get());
}

}  // namespace

MultiPolygon intersection(const MultiPolygon& a, const MultiPolygon& b) {
  if (a.empty() || b.empty()) return {};
  return overlay(a, b, &GEOSIntersection_r, "intersection");
}

MultiPolygon difference(const MultiPolygon& a, const MultiPolygon& b) {
  if (a.empty() || b.empty()) return a;
  return overlay(a, b, &GEOSDifference_r, "difference");
}

MultiPolygon clip_to_rect(const MultiPolygon& a, double xmin, double ymin, double xmax, double ymax) {
  if (a.empty()) return {};
  geos::Context ctx;
  geos::Geom g = geos::own(ctx, geos::make_multipolygon(ctx, a));
  geos::Geom r = geos::own(ctx, ctx.check(GEOSClipByRect_r(ctx, g.get(), xmin, ymin, xmax, ymax), "clip"));
  return geos::to_multipolygon(ctx, r.get());
}

MultiPolygon make_valid(const MultiPolygon& a) {
  if (a.empty()) return {};
  geos::Context ctx;
  std::vector<GEOSGeometry*> parts;
  for (const Polygon& p : a) {
    if (p.rings.empty()) continue;
    geos::Geom poly = geos::own(ctx, geos::make_polygon(ctx, p));
    parts.push_back(ctx.check(GEOSMakeValid_r(ctx, poly.get()), "make valid"));
  }
  geos::Geom all = geos::own(ctx, geos::make_collection(ctx, GEOS_GEOMETRYCOLLECTION, parts));
  geos::Geom u = geos::own(ctx, ctx.check(GEOSUnaryUnion_r(ctx, all.get()), "union"));
  return geos::to_multipolygon(ctx, u.get());
}

bool point_in_ring(Point p, const Ring& ring) {
  bool inside = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Point& a = ring[i];
    const Point& b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}

bool point_in_polygon(Point p, const Polygon& polygon) {
  if (polygon.rings.empty() || !point_in_ring(p, polygon.rings[0])) return false;
  for (size_t i = 1; i < polygon.rings.size(); ++i)
    if (point_in_ring(p, polygon.rings[i])) return false;
  return true;
}

bool point_in_polygons(Point p, const MultiPolygon& polygons) {
  for (const Polygon& polygon : polygons)
    if (point_in_polygon(p, polygon)) return true;
  return false;
}

Bounds bounds(const MultiPolygon& polygons) {
  Bounds b{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
           std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  for (const Polygon& p : polygons)
    for (const Ring& r : p.rings)
      for (const Point& q : r) {
        b.xmin = std::min(b.xmin, q.x);
        b.ymin = std::min(b.ymin, q.y);
        b.xmax = std::max(b.xmax, q.x);
        b.ymax = std::max(b.ymax, q.y);
      }
  return b;
}

}  // namespace poleaxis

namespace poleaxis {

std::vector<MultiPolygon> clip_each(const std::vector<MultiPolygon>& shapes, const MultiPolygon& mask,
                                    Feedback* feedback, unsigned workers) {
  std::vector<MultiPolygon> out(shapes.size());
  if (mask.empty()) return out;
  struct WorkerState {
    std::unique_ptr<geos::Context> ctx;
    geos::Geom mask{nullptr, {nullptr}};
    const GEOSPreparedGeometry* prepared = nullptr;
    ~WorkerState() {
      if (prepared) GEOSPreparedGeom_destroy_r(*ctx, prepared);
    }
  };
  // Prepared geometries build their indexes lazily, so each thread has its own.
  std::vector<WorkerState> states(std::max(1u, workers));
  std::atomic<size_t> done{0};
  parallel_for(shapes.size(), workers, [&](size_t i, unsigned w) {
    if (i % 256 == 0) {
      throw_if_canceled(feedback);
      if (feedback) feedback->progress(100.0 * double(done) / double(shapes.size()));
    }
    ++done;
    WorkerState& s = states[w];
    if (!s.ctx) {
      s.ctx = std::make_unique<geos::Context>();
      s.mask = geos::own(*s.ctx, geos::make_multipolygon(*s.ctx, mask));
      s.prepared = s.ctx->check(GEOSPrepare_r(*s.ctx, s.mask.get()), "prepare");
    }
    if (shapes[i].empty()) return;
    const geos::Context& ctx = *s.ctx;
    geos::Geom g = geos::own(ctx, geos::make_multipolygon(ctx, shapes[i]));
    if (GEOSPreparedContains_r(ctx, s.prepared, g.get()) == 1) {
      out[i] = shapes[i];
    } else if (GEOSPreparedIntersects_r(ctx, s.prepared, g.get()) == 1) {
      geos::Geom r = geos::own(ctx, ctx.check(GEOSIntersection_r(ctx, g.get(), s.mask.get()), "intersection"));
      out[i] = geos::to_multipolygon(ctx, r.get());
    }
  });
  return out;
}

}  // namespace poleaxis

namespace poleaxis {

std::vector<std::vector<Point>> line_merge(const std::vector<std::vector<Point>>& lines) {
  geos::Context ctx;
  std::vector<GEOSGeometry*> parts;
  for (const std::vector<Point>& line : lines) {
    if (line.size() < 2) continue;
    GEOSCoordSequence* seq =
        ctx.check(GEOSCoordSeq_copyFromBuffer_r(ctx, &line.front().x, unsigned(line.size()), 0, 0), "coordinates");
    parts.push_back(ctx.check(GEOSGeom_createLineString_r(ctx, seq), "line"));
  }
  std::vector<std::vector<Point>> out;
  if (parts.empty()) return out;
  geos::Geom all = geos::own(ctx, geos::make_collection(ctx, GEOS_MULTILINESTRING, parts));
  geos::Geom merged = geos::own(ctx, ctx.check(GEOSLineMerge_r(ctx, all.get()), "line merge"));
  const int count = GEOSGetNumGeometries_r(ctx, merged.get());
  for (int i = 0; i < count; ++i) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, GEOSGetGeometryN_r(ctx, merged.get(), i));
    unsigned size = 0;
    GEOSCoordSeq_getSize_r(ctx, seq, &size);
    std::vector<Point> line(size);
    if (size) GEOSCoordSeq_copyToBuffer_r(ctx, seq, &line.front().x, 0, 0);
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace poleaxis
