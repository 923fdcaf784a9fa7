// Private RAII helpers around the reentrant GEOS C API. Geometries are plain
// C++ objects not tied to a context, so one created under one handle may be
// used under another (one handle per thread).
#pragma once

#include <geos_c.h>

#include <memory>
#include <string>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/geo_types.h"

namespace poleaxis::geos {

class Context {
 public:
  Context();
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  GEOSContextHandle_t handle() const { return handle_; }
  operator GEOSContextHandle_t() const { return handle_; }
  // Throws std::runtime_error with GEOS's last message if result is null.
  template <class T>
  T* check(T* result, const char* operation) const {
    if (!result) fail(operation);
    return result;
  }
  [[noreturn]] void fail(const char* operation) const;

 private:
  GEOSContextHandle_t handle_;
  std::string last_error_;
  static void on_error(const char* message, void* self);
};

struct Deleter {
  GEOSContextHandle_t handle;
  void operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(handle, g);
  }
};
using Geom = std::unique_ptr<GEOSGeometry, Deleter>;

inline Geom own(const Context& ctx, GEOSGeometry* g) { return Geom(g, Deleter{ctx.handle()}); }

GEOSGeometry* make_ring(const Context& ctx, const Ring& ring);
GEOSGeometry* make_polygon(const Context& ctx, const Polygon& polygon);
// A MultiPolygon geometry (possibly empty).
GEOSGeometry* make_multipolygon(const Context& ctx, const MultiPolygon& polygons);
// Polygonal parts of any geometry; points and lines are dropped.
MultiPolygon to_multipolygon(const Context& ctx, const GEOSGeometry* g);
// Takes ownership of parts; they become children of the collection.
GEOSGeometry* make_collection(const Context& ctx, int type, std::vector<GEOSGeometry*>& parts);

}  // namespace poleaxis::geos

namespace poleaxis::geos {
// Union of owned polygon geometries (consumed), cascaded as union_all.
Geom cascaded_union(const Context& ctx, std::vector<Geom> parts, Feedback* feedback,
                    unsigned workers);
}  // namespace poleaxis::geos
