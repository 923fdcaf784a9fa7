#include "geos_util.h"

#include <cstdarg>
#include <stdexcept>
#include <vector>

namespace poleaxis::geos {

Context::Context() : handle_(GEOS_init_r()) {
  GEOSContext_setErrorMessageHandler_r(handle_, &Context::on_error, this);
}

Context::~Context() { GEOS_finish_r(handle_); }

void Context::on_error(const char* message, void* self) {
  static_cast<Context*>(self)->last_error_ = message ? message : "";
}

void Context::fail(const char* operation) const {
  throw std::runtime_error(std::string("GEOS ") + operation + " failed" +
                           (last_error_.empty() ? "" : ": " + last_error_));
}

GEOSGeometry* make_ring(const Context& ctx, const Ring& ring) {
  // Point is two packed doubles, the layout copyFromBuffer expects.
  static_assert(sizeof(Point) == 2 * sizeof(double), "Point must be packed x,y");
  GEOSCoordSequence* seq = ctx.check(
      GEOSCoordSeq_copyFromBuffer_r(ctx, &ring.front().x,
                                    static_cast<unsigned>(ring.size()), 0, 0),
      "coordinate sequence");
  return ctx.check(GEOSGeom_createLinearRing_r(ctx, seq), "linear ring");
}

GEOSGeometry* make_polygon(const Context& ctx, const Polygon& polygon) {
  if (polygon.rings.empty()) return ctx.check(GEOSGeom_createEmptyPolygon_r(ctx), "empty polygon");
  GEOSGeometry* shell = make_ring(ctx, polygon.rings[0]);
  std::vector<GEOSGeometry*> holes;
  for (size_t i = 1; i < polygon.rings.size(); ++i) holes.push_back(make_ring(ctx, polygon.rings[i]));
  return ctx.check(GEOSGeom_createPolygon_r(ctx, shell, holes.data(),
                                            static_cast<unsigned>(holes.size())),
                   "polygon");
}

GEOSGeometry* make_collection(const Context& ctx, int type, std::vector<GEOSGeometry*>& parts) {
  GEOSGeometry* g = ctx.check(GEOSGeom_createCollection_r(
                                  ctx, type, parts.data(), static_cast<unsigned>(parts.size())),
                              "collection");
  parts.clear();
  return g;
}

GEOSGeometry* make_multipolygon(const Context& ctx, const MultiPolygon& polygons) {
  std::vector<GEOSGeometry*> parts;
  parts.reserve(polygons.size());
  for (const Polygon& p : polygons)
    if (!p.rings.empty()) parts.push_back(make_polygon(ctx, p));
  return make_collection(ctx, GEOS_MULTIPOLYGON, parts);
}

namespace {

Ring read_ring(const Context& ctx, const GEOSGeometry* ring) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, ring);
  unsigned n = 0;
  GEOSCoordSeq_getSize_r(ctx, seq, &n);
  Ring out(n);
  if (n) GEOSCoordSeq_copyToBuffer_r(ctx, seq, &out.front().x, 0, 0);
  return out;
}

void collect(const Context& ctx, const GEOSGeometry* g, MultiPolygon& out) {
  int type = GEOSGeomTypeId_r(ctx, g);
  if (type == GEOS_POLYGON) {
    if (GEOSisEmpty_r(ctx, g)) return;
    Polygon p;
    p.rings.push_back(read_ring(ctx, GEOSGetExteriorRing_r(ctx, g)));
    int holes = GEOSGetNumInteriorRings_r(ctx, g);
    for (int i = 0; i < holes; ++i) p.rings.push_back(read_ring(ctx, GEOSGetInteriorRingN_r(ctx, g, i)));
    out.push_back(std::move(p));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    int n = GEOSGetNumGeometries_r(ctx, g);
    for (int i = 0; i < n; ++i) collect(ctx, GEOSGetGeometryN_r(ctx, g, i), out);
  }
}

}  // namespace

MultiPolygon to_multipolygon(const Context& ctx, const GEOSGeometry* g) {
  MultiPolygon out;
  if (g) collect(ctx, g, out);
  return out;
}

}  // namespace poleaxis::geos
