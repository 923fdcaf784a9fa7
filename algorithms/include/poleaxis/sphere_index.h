// A static kd-tree over lon/lat points mapped to unit vectors, in the spirit
// of kdbush: built once, queried with a visitor, no allocation per query.
// Chord distance on the unit sphere is monotonic in great-circle distance, so
// a radius query in metres is exact on the mean sphere and becomes a
// guaranteed superset on the ellipsoid with kEllipsoidSlack; callers confirm
// candidates with Geodesic::distance_m.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <type_traits>
#include <vector>

#include "poleaxis/geo_types.h"
#include "poleaxis/geodesic.h"

namespace poleaxis {

struct Vec3 {
  double x, y, z;
};

Vec3 unit_vector(Point lonlat);
std::vector<Vec3> unit_vectors(const std::vector<Point>& lonlat);

inline double chord2(const Vec3& a, const Vec3& b) {
  const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
  return dx * dx + dy * dy + dz * dz;
}

// Squared chord on the unit sphere for a great-circle distance in metres on
// the mean sphere (capped at the antipode).
double chord2_for_distance(double metres);

class SphereIndex {
 public:
  // Ellipsoidal geodesic distances differ from mean-sphere great-circle
  // distances of the same lon/lat by less than 0.6 %; 1 % covers that.
  static constexpr double kEllipsoidSlack = 1.01;

  explicit SphereIndex(const std::vector<Point>& lonlat, int leaf_size = 16);
  // Any 3-D vectors, searched by squared Euclidean distance; planar points
  // embedded as (x, y, 0) make this a plain 2-D kd-tree.
  explicit SphereIndex(std::vector<Vec3> vectors, int leaf_size = 16);

  size_t size() const { return ids_.size(); }
  const Vec3& vector(size_t id) const { return by_id_[id]; }

  // visit(id) for every point within `metres` of q on the mean sphere.
  template <class Visitor>
  void within(const Vec3& q, double metres, Visitor&& visit) const;
  template <class Visitor>
  void within(Point q, double metres, Visitor&& visit) const {
    within(unit_vector(q), metres, visit);
  }
  // visit(id) for every vector whose squared distance from q is <= r2; a
  // visitor that returns bool ends the search by returning true.
  template <class Visitor>
  void within_squared(const Vec3& q, double r2, Visitor&& visit) const;
  // Nearest point by chord (ties: lowest id); size() must be > 0.
  size_t nearest(const Vec3& q) const;
  // Keeps each subtree's bounding box, which nearest_first() then prunes
  // with: from a query far from every point (a town in Brazil, the lines in
  // China) the boxes are what keeps the search local.
  void keep_boxes();
  // A nearest search with the caller's own cost: visits points roughly
  // nearest first, skipping every subtree wholly beyond the bound; `visit(id,
  // chord²)` returns the squared chord beyond which no point can matter any
  // more (it may only shrink). For costs that are a point's chord distance
  // give or take a known margin, as a line piece's distance from its midpoint.
  template <class Visitor>
  void nearest_first(const Vec3& q, Visitor&& visit) const;

 private:
  void build(size_t left, size_t right, int axis);
  double coord(size_t slot, int axis) const { return (&xyz_[slot].x)[axis]; }
  template <class Visitor>
  void nearest_first(const Vec3& q, size_t left, size_t right, int axis, double& bound2, Visitor& visit,
                     std::array<double, 3>& offset, double cell2) const;

  struct Box {
    Vec3 lo, hi;
  };
  Box box_of(size_t left, size_t right);
  static double box2(const Box& box, const Vec3& q) {
    double d2 = 0;
    for (int a = 0; a < 3; ++a) {
      const double v = (&q.x)[a], lo = (&box.lo.x)[a], hi = (&box.hi.x)[a];
      const double d = v < lo ? lo - v : v > hi ? v - hi : 0.0;
      d2 += d * d;
    }
    return d2;
  }
  std::vector<Box> boxes_;  // by the middle slot of each subtree's range, when kept

  int leaf_size_;
  int dims_ = 3;  // 2 when every z is 0 (planar points): the tree then never splits on z
  std::vector<uint32_t> ids_;  // tree order
  std::vector<Vec3> xyz_;      // tree order
  std::vector<Vec3> by_id_;
};

template <class Visitor>
void SphereIndex::within(const Vec3& q, double metres, Visitor&& visit) const {
  within_squared(q, chord2_for_distance(metres), visit);
}

template <class Visitor>
void SphereIndex::within_squared(const Vec3& q, double r2, Visitor&& visit) const {
  if (ids_.empty()) return;
  auto report = [&](size_t slot) {
    if constexpr (std::is_same_v<decltype(visit(size_t{})), bool>) {
      return visit(size_t(ids_[slot]));
    } else {
      visit(size_t(ids_[slot]));
      return false;
    }
  };
  const double r = std::sqrt(r2);
  struct Range {
    size_t left, right;
    int axis;
  };
  std::array<Range, 128> stack;
  size_t top = 0;
  stack[top++] = {0, ids_.size() - 1, 0};
  while (top) {
    const Range range = stack[--top];
    if (range.right - range.left <= size_t(leaf_size_)) {
      for (size_t i = range.left; i <= range.right; ++i)
        if (chord2(xyz_[i], q) <= r2 && report(i)) return;
      continue;
    }
    const size_t m = (range.left + range.right) / 2;
    if (chord2(xyz_[m], q) <= r2 && report(m)) return;
    const double qa = (&q.x)[range.axis];
    const double ma = coord(m, range.axis);
    const int next = (range.axis + 1) % dims_;
    if (qa - r <= ma && m > range.left) stack[top++] = {range.left, m - 1, next};
    if (qa + r >= ma) stack[top++] = {m + 1, range.right, next};
  }
}

template <class Visitor>
void SphereIndex::nearest_first(const Vec3& q, Visitor&& visit) const {
  double bound2 = std::numeric_limits<double>::infinity();
  std::array<double, 3> offset{0, 0, 0};
  if (!ids_.empty()) nearest_first(q, 0, ids_.size() - 1, 0, bound2, visit, offset, 0.0);
}

// `offset` holds q's distance, axis by axis, to the current subtree's cell
// (zero where q lies within its span), `cell2` their sum of squares: the
// squared distance from q to the cell, which prunes far more than the
// distance to one splitting plane when q is far from every point (Arya and
// Mount's incremental distance).
template <class Visitor>
void SphereIndex::nearest_first(const Vec3& q, size_t left, size_t right, int axis, double& bound2, Visitor& visit,
                                std::array<double, 3>& offset, double cell2) const {
  // With boxes, a subtree is skipped when its box lies beyond the bound.
  if (!boxes_.empty() && box2(boxes_[(left + right) / 2], q) > bound2) return;
  auto consider = [&](size_t slot) {
    const double d2 = chord2(xyz_[slot], q);
    if (d2 <= bound2) bound2 = std::min(bound2, double(visit(size_t(ids_[slot]), d2)));
  };
  if (right - left <= size_t(leaf_size_)) {
    for (size_t i = left; i <= right; ++i) consider(i);
    return;
  }
  const size_t m = (left + right) / 2;
  consider(m);
  const double delta = (&q.x)[axis] - coord(m, axis);
  const int next = (axis + 1) % dims_;
  const bool left_first = delta <= 0;
  auto descend = [&](bool left_side) {
    if (left_side) {
      if (m > left) nearest_first(q, left, m - 1, next, bound2, visit, offset, cell2);
    } else if (m < right) {
      nearest_first(q, m + 1, right, next, bound2, visit, offset, cell2);
    }
  };
  descend(left_first);
  // The far side's cell begins at the splitting plane.
  const double old = offset[size_t(axis)];
  const double far2 = cell2 - old * old + delta * delta;
  if (far2 > bound2) return;
  offset[size_t(axis)] = std::fabs(delta);
  cell2 = far2;
  descend(!left_first);
  offset[size_t(axis)] = old;
}

// Points grouped by weight in powers of two, each group with its kd-tree
// and its heaviest weight: a search bounded by weight (weighted nearest,
// strongest gravity) visits only the groups, and radii, that can still win.
// Points with skip[i] take no part; weights must be > 0.
struct WeightBand {
  std::vector<size_t> members;  // point indices
  double heaviest = 0;
  std::unique_ptr<SphereIndex> index;  // over the members' vectors, in member order
};
std::vector<WeightBand> weight_bands(const std::vector<Vec3>& points, const std::vector<double>& weights,
                                     const std::vector<bool>& skip = {});

}  // namespace poleaxis
