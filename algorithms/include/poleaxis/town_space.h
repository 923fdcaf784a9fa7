// The distance towns are grouped by: geodesic metres between WGS 84 lon/lat
// points, or planar metres between projected x/y points. One spatial index
// serves both (unit vectors on the sphere, or (x, y, 0) in the plane), and
// every radius query is confirmed with the exact distance.
#pragma once

#include <cmath>
#include <cstddef>
#include <type_traits>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/geo_types.h"
#include "poleaxis/geodesic.h"
#include "poleaxis/parallel.h"
#include "poleaxis/sphere_index.h"

namespace poleaxis {

class TownSpace {
 public:
  TownSpace(std::vector<Point> points, bool geographic);

  size_t size() const { return points_.size(); }
  bool geographic() const { return geographic_; }
  const std::vector<Point>& points() const { return points_; }
  const SphereIndex& index() const { return index_; }

  double distance_m(Point a, Point b) const {
    if (geographic_) return geod_.distance_m(a, b);
    const double dx = a.x - b.x, dy = a.y - b.y;
    return std::sqrt(dx * dx + dy * dy);
  }
  double distance_m(size_t i, size_t j) const { return distance_m(points_[i], points_[j]); }

  // A squared index distance no smaller than that of any pair within `metres`
  // (the ellipsoid slack on geographic points; exact in the plane).
  double index_bound2(double metres) const {
    return geographic_ ? chord2_for_distance(metres * SphereIndex::kEllipsoidSlack) : metres * metres;
  }

  // visit(j) for every point within `metres` of point i, i itself included;
  // a visitor that returns bool ends the search by returning true.
  template <class Visitor>
  void within(size_t i, double metres, Visitor&& visit) const {
    index_.within_squared(index_.vector(i), index_bound2(metres), [&](size_t j) {
      const bool inside = j == i || distance_m(i, j) <= metres;
      if constexpr (std::is_same_v<decltype(visit(size_t{})), bool>) {
        return inside && visit(j);
      } else {
        if (inside) visit(j);
      }
    });
  }

 private:
  std::vector<Point> points_;
  bool geographic_;
  const Geodesic& geod_;
  SphereIndex index_;
};

// Every point's neighbours within `metres` (itself included), ascending, in
// parallel. Honours cancel; progress 0..100 on `feedback`.
std::vector<std::vector<size_t>> neighbourhoods(const TownSpace& space, double metres, Feedback* feedback = nullptr,
                                                unsigned workers = worker_count());

}  // namespace poleaxis
