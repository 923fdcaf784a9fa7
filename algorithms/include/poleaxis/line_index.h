// Distances from points to a network of lines (railways, highways) on the
// ground. Edges are taken as great-circle arcs on the lon/lat-mapped sphere
// to find the closest point; its distance is then measured on the WGS 84
// ellipsoid (geod_inverse), so reported distances are ellipsoidal metres.
#pragma once

#include <cstddef>
#include <vector>

#include "poleaxis/geo_types.h"
#include "poleaxis/sphere_index.h"

namespace poleaxis {

using Polyline = std::vector<Point>;  // lon/lat
// A line: one or more parts (a MultiLineString).
using Line = std::vector<Polyline>;

class LineIndex {
 public:
  // Parts with fewer than 2 points are ignored; edges longer than 10 km are
  // indexed in pieces so that queries stay local.
  explicit LineIndex(const std::vector<Line>& lines);

  size_t line_count() const { return line_count_; }
  bool empty() const { return pieces_.empty(); }

  struct Nearest {
    long line = -1;           // -1 when there are no lines
    double metres = 0.0;
    Point closest{0.0, 0.0};  // on the line
    size_t part = 0;          // where: lines[line][part], between vertex
    size_t segment = 0;       // `segment` and `segment + 1`,
    double t = 0.0;           // at this fraction of that edge's arc
  };
  // The nearest line (ties: lowest line index).
  Nearest nearest(Point p) const;
  // Indices of the distinct lines within `metres` of p, ascending.
  std::vector<size_t> lines_within(Point p, double metres) const;

 private:
  struct Piece {
    Vec3 a, b;        // ends on the unit sphere
    double half = 0;  // half its length, radians
    size_t line = 0;
    size_t part = 0, segment = 0;
    double t0 = 0, t1 = 1;  // the piece's span within its edge
  };
  // Angle (radians) from q to the piece and the closest point on it.
  static double angle_to(const Vec3& q, const Piece& piece, Vec3& closest);
  Nearest measure(Point p, const Vec3& q, size_t piece) const;

  std::vector<Piece> pieces_;
  std::vector<Point> midpoints_;
  SphereIndex index_;
  double max_half_ = 0.0;
  size_t line_count_ = 0;
};

// lon/lat of a unit vector of the mapped sphere.
Point to_lonlat(const Vec3& v);

}  // namespace poleaxis
