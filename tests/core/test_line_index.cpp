// Point-to-line distances against densely sampled lines (geod_direct/inverse).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "poleaxis/geodesic.h"
#include "poleaxis/line_index.h"

using namespace poleaxis;

TEST(LineIndex, NearestAndWithinEqualDenseSampling) {
  std::mt19937 rng(2);
  std::uniform_real_distribution<double> lon(124, 128), lat(42, 45);
  std::vector<Line> lines;
  for (int l = 0; l < 30; ++l) {
    Polyline part;
    Point p{lon(rng), lat(rng)};
    for (int v = 0; v < 4; ++v) {
      part.push_back(p);
      p = {p.x + (lon(rng) - 126) * 0.1, p.y + (lat(rng) - 43.5) * 0.1};
    }
    lines.push_back({part});
  }
  const LineIndex index(lines);
  const Geodesic& g = Geodesic::wgs84();
  // Reference: every 50 m along each edge's great circle, measured exactly.
  auto reference = [&](Point q, size_t line) {
    double best = 1e300;
    for (const Polyline& part : lines[line])
      for (size_t i = 0; i + 1 < part.size(); ++i) {
        const Vec3 a = unit_vector(part[i]), b = unit_vector(part[i + 1]);
        const double len = g.distance_m(part[i], part[i + 1]);
        const int steps = std::max(1, int(len / 50));
        for (int s = 0; s <= steps; ++s) {
          const double t = double(s) / steps;
          const Vec3 m{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y), a.z + t * (b.z - a.z)};
          best = std::min(best, g.distance_m(q, to_lonlat(m)));
        }
      }
    return best;
  };
  // Near the lines, then from anywhere on the globe (the antipode of the
  // lines included), where every piece of the network lies at nearly the
  // same distance and a search must still find the one that is nearest.
  std::uniform_real_distribution<double> anyLon(-180, 180), anyLat(-85, 85);
  for (int t = 0; t < 56; ++t) {
    const Point q = t < 40 ? Point{lon(rng), lat(rng)} : t == 40 ? Point{126.0 - 180.0, -43.5} : Point{anyLon(rng), anyLat(rng)};
    double best = 1e300;
    size_t best_line = 0;
    for (size_t l = 0; l < lines.size(); ++l) {
      const double d = reference(q, l);
      if (d < best) best = d, best_line = l;
    }
    const LineIndex::Nearest near = index.nearest(q);
    EXPECT_EQ(size_t(near.line), best_line);
    EXPECT_LE(near.metres, best + 1.0);  // sampling is 50 m apart: never worse
    EXPECT_GE(near.metres, best - 40.0);
    std::vector<size_t> within;
    for (size_t l = 0; l < lines.size(); ++l)
      if (reference(q, l) <= 20000 - 40) within.push_back(l);
    // One result vector: begin and end must come from the same object.
    const auto found = index.lines_within(q, 20000);
    for (size_t l : within) EXPECT_NE(std::find(found.begin(), found.end(), l), found.end()) << "line " << l;
  }
  EXPECT_EQ(LineIndex({}).nearest({126, 44}).line, -1);
}
