#include "poleaxis/line_index.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "poleaxis/geodesic.h"

namespace poleaxis {

namespace {

constexpr double kPieceRadians = 10000.0 / kMeanEarthRadiusM;

Vec3 cross(const Vec3& a, const Vec3& b) { return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x}; }
double dot(const Vec3& a, const Vec3& b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
Vec3 scaled(const Vec3& a, double s) { return {a.x * s, a.y * s, a.z * s}; }
Vec3 plus(const Vec3& a, const Vec3& b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
Vec3 normalized(const Vec3& a) { return scaled(a, 1.0 / std::sqrt(dot(a, a))); }
double angle(const Vec3& a, const Vec3& b) { return std::atan2(std::sqrt(dot(cross(a, b), cross(a, b))), dot(a, b)); }

// Point at fraction t of the arc a→b (spherical interpolation).
Vec3 slerp(const Vec3& a, const Vec3& b, double t) {
  const double w = angle(a, b);
  if (w < 1e-12) return a;
  return plus(scaled(a, std::sin((1 - t) * w) / std::sin(w)), scaled(b, std::sin(t * w) / std::sin(w)));
}

std::vector<Point> piece_midpoints(const std::vector<Vec3>& mids) {
  std::vector<Point> out;
  out.reserve(mids.size());
  for (const Vec3& m : mids) out.push_back(to_lonlat(m));
  return out;
}

}  // namespace

Point to_lonlat(const Vec3& v) {
  return {std::atan2(v.y, v.x) * 180.0 / M_PI, std::atan2(v.z, std::hypot(v.x, v.y)) * 180.0 / M_PI};
}

LineIndex::LineIndex(const std::vector<Line>& lines)
    : pieces_([&] {
        std::vector<Piece> pieces;
        for (size_t id = 0; id < lines.size(); ++id)
          for (size_t pi = 0; pi < lines[id].size(); ++pi) {
            const Polyline& part = lines[id][pi];
            for (size_t i = 0; i + 1 < part.size(); ++i) {
              const Vec3 a = unit_vector(part[i]), b = unit_vector(part[i + 1]);
              const double w = angle(a, b);
              const int count = std::max(1, int(std::ceil(w / kPieceRadians)));
              for (int k = 0; k < count; ++k) {
                const double t0 = double(k) / count, t1 = double(k + 1) / count;
                pieces.push_back(Piece{slerp(a, b, t0), slerp(a, b, t1), w / count / 2, id, pi, i, t0, t1});
              }
            }
          }
        return pieces;
      }()),
      midpoints_([&] {
        std::vector<Vec3> mids;
        for (const Piece& p : pieces_) {
          const Vec3 m = plus(p.a, p.b);
          mids.push_back(dot(m, m) > 0 ? normalized(m) : p.a);
        }
        return piece_midpoints(mids);
      }()),
      index_(midpoints_),
      line_count_(lines.size()) {
  for (const Piece& p : pieces_) max_half_ = std::max(max_half_, p.half);
  index_.keep_boxes();
}

double LineIndex::angle_to(const Vec3& q, const Piece& piece, Vec3& closest) {
  const Vec3 n = cross(piece.a, piece.b);
  const double nn = dot(n, n);
  if (nn > 1e-30) {
    // Foot of q on the great circle through a and b; inside the arc when it
    // lies on the same side of both ends.
    const Vec3 unit_n = scaled(n, 1.0 / std::sqrt(nn));
    const Vec3 foot = plus(q, scaled(unit_n, -dot(q, unit_n)));
    if (dot(foot, foot) > 1e-30) {
      const Vec3 f = normalized(foot);
      if (dot(cross(piece.a, f), unit_n) >= 0 && dot(cross(f, piece.b), unit_n) >= 0) {
        closest = f;
        return angle(q, f);
      }
    }
  }
  const double da = angle(q, piece.a), db = angle(q, piece.b);
  closest = da <= db ? piece.a : piece.b;
  return std::min(da, db);
}

LineIndex::Nearest LineIndex::measure(Point p, const Vec3& q, size_t piece) const {
  Vec3 closest{};
  angle_to(q, pieces_[piece], closest);
  const Piece& pc = pieces_[piece];
  Nearest out;
  out.line = long(pc.line);
  out.part = pc.part;
  out.segment = pc.segment;
  const double span = angle(pc.a, pc.b);
  out.t = pc.t0 + (pc.t1 - pc.t0) * (span > 0 ? std::min(1.0, angle(pc.a, closest) / span) : 0.0);
  out.closest = to_lonlat(closest);
  out.metres = Geodesic::wgs84().distance_m(p, out.closest);
  return out;
}

LineIndex::Nearest LineIndex::nearest(Point p) const {
  Nearest best;
  if (pieces_.empty()) return best;
  const Vec3 q = unit_vector(p);
  // A piece is no nearer than its midpoint's angle less the longest half
  // piece: midpoints are searched nearest first until none within the best
  // angle plus that half can remain (the search once took every midpoint
  // within a fixed radius, which from far away was most of the network).
  double best_angle = std::numeric_limits<double>::infinity();
  size_t best_piece = 0;
  index_.nearest_first(q, [&](size_t i, double) {
    Vec3 c{};
    const double a = angle_to(q, pieces_[i], c);
    if (a < best_angle || (a == best_angle && (pieces_[i].line < pieces_[best_piece].line ||
                                               (pieces_[i].line == pieces_[best_piece].line && i < best_piece)))) {
      best_angle = a;
      best_piece = i;
    }
    const double reach = best_angle + max_half_;
    // Chord of that angle, a little widened against rounding.
    return reach >= M_PI ? 4.0 : std::pow(2.0 * std::sin(reach / 2.0), 2) * (1.0 + 1e-9) + 1e-15;
  });
  return measure(p, q, best_piece);
}

std::vector<size_t> LineIndex::lines_within(Point p, double metres) const {
  std::vector<size_t> lines;
  if (pieces_.empty()) return lines;
  const Vec3 q = unit_vector(p);
  const double reach = metres * SphereIndex::kEllipsoidSlack / kMeanEarthRadiusM + max_half_;
  index_.within(q, reach * kMeanEarthRadiusM, [&](size_t i) {
    if (std::find(lines.begin(), lines.end(), pieces_[i].line) != lines.end()) return;
    Vec3 c{};
    if (angle_to(q, pieces_[i], c) * kMeanEarthRadiusM > metres * SphereIndex::kEllipsoidSlack) return;
    if (measure(p, q, i).metres <= metres) lines.push_back(pieces_[i].line);
  });
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace poleaxis
