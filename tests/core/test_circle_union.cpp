// The boundary-only circle union against GEOS's plain union of the full
// circles: the two must cover the same ground.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "poleaxis/circle_union.h"
#include "poleaxis/geodesic.h"
#include "poleaxis/geodesic_circle.h"
#include "poleaxis/polygon_ops.h"
#include "poleaxis/sphere_index.h"

using namespace poleaxis;

namespace {

struct Circles {
  std::vector<Point> centres;
  std::vector<double> radii_m;
  std::vector<MultiPolygon> shapes;
  void add(Point c, double r_km) {
    centres.push_back(c);
    radii_m.push_back(r_km * 1000);
    shapes.push_back(geodesic_circle(c, r_km * 1000, 72));
  }
};

size_t holes(const MultiPolygon& m) {
  size_t h = 0;
  for (const Polygon& p : m) h += p.rings.size() - 1;
  return h;
}

// Checks the fast union against the plain one and returns its statistics.
CircleUnion expect_same_as_plain_union(const Circles& c) {
  std::vector<Polygon> all;
  for (const MultiPolygon& s : c.shapes) all.insert(all.end(), s.begin(), s.end());
  const MultiPolygon plain = union_all(all, nullptr, 1);
  // The caller's circles, or circles the union builds itself: the same.
  const CircleUnion fast = union_circles(c.centres, c.radii_m, 72, &c.shapes);
  const CircleUnion built = union_circles(c.centres, c.radii_m, 72);
  const Geodesic& g = Geodesic::wgs84();
  EXPECT_NEAR(g.area_m2(built.shape), g.area_m2(fast.shape), 1e-9 * g.area_m2(plain));
  EXPECT_EQ(built.circles_dropped, fast.circles_dropped);
  const double area = g.area_m2(plain);
  const double extra = g.area_m2(difference(fast.shape, plain));
  const double missing = g.area_m2(difference(plain, fast.shape));
  EXPECT_LT(extra / area, 1e-9) << "fast union covers ground the circles do not";
  EXPECT_LT(missing / area, 1e-9) << "fast union misses ground the circles cover";
  EXPECT_NEAR(g.area_m2(fast.shape) / area, 1.0, 1e-9);
  EXPECT_EQ(fast.shape.size(), plain.size());
  EXPECT_EQ(holes(fast.shape), holes(plain));
  return fast;
}

}  // namespace

TEST(CircleUnion, DenseClusterDropsAndTrimsYetCoversTheSameGround) {
  Circles c;
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> lon(125.5, 127.5), lat(43.0, 44.5);
  for (int i = 0; i < 400; ++i) c.add({lon(rng), lat(rng)}, 30);
  const CircleUnion u = expect_same_as_plain_union(c);
  EXPECT_GT(u.circles_dropped, 200u);  // the point of the method
  EXPECT_LT(u.vertices_overlaid * 5, u.vertices_in);
}

TEST(CircleUnion, MixedRadiiSparseAndDenseWithTrueHoles) {
  Circles c;
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> lon(104, 110), lat(24, 29), r(2, 60);
  for (int i = 0; i < 300; ++i) c.add({lon(rng), lat(rng)}, r(rng));
  const CircleUnion u = expect_same_as_plain_union(c);
  EXPECT_GT(u.circles_trimmed, 0u);
}

TEST(CircleUnion, RingOfCirclesKeepsItsTrueHole) {
  // Twelve 30 km circles on a 60 km ring around an empty centre.
  Circles c;
  const Point centre{126.55, 43.84};
  for (int k = 0; k < 12; ++k)
    c.add(Geodesic::wgs84().destination(centre, 30.0 * k, 60000), 30);
  const CircleUnion u = expect_same_as_plain_union(c);
  EXPECT_EQ(holes(u.shape), 1u);
  EXPECT_EQ(u.holes_filled, 0u);
}

TEST(CircleUnion, CircleWithCoveredRimButFreeCentreIsRestoredByHoleFilling) {
  // Six neighbours at 1.7 r cover the whole rim of the middle circle (each
  // covers ±31.8°) but not its centre: dropping the middle circle opens a
  // hole that the fill step must close.
  Circles c;
  const Point centre{126.55, 43.84};
  c.add(centre, 30);
  for (int k = 0; k < 6; ++k) c.add(Geodesic::wgs84().destination(centre, 60.0 * k, 51000), 30);
  const CircleUnion u = expect_same_as_plain_union(c);
  EXPECT_EQ(holes(u.shape), 0u);
  EXPECT_GE(u.holes_filled, 1u);
  EXPECT_EQ(u.circles_dropped, 1u);
}

TEST(CircleUnion, DuplicatesTangentsAndIneligibleCirclesFallBackSafely) {
  Circles c;
  c.add({126.55, 43.84}, 30);
  c.add({126.55, 43.84}, 30);  // duplicate centre
  c.add(Geodesic::wgs84().destination({126.55, 43.84}, 90, 60000), 30);  // tangent
  c.add({179.9, 10}, 40);   // split at the antimeridian: kept whole
  c.add({179.6, 10}, 40);
  c.add({20, 78}, 30);      // beyond ±75°: kept whole
  c.add({20.3, 78}, 30);
  c.add({100, 30}, 250);    // over 100 km: kept whole
  c.add({100.5, 30}, 20);
  expect_same_as_plain_union(c);
}

TEST(CircleUnion, EmptyAndSingle) {
  Circles none;
  EXPECT_TRUE(union_circles(none.centres, none.radii_m, 72, &none.shapes).shape.empty());
  Circles one;
  one.add({106.7, 26.6}, 30);
  const CircleUnion u = expect_same_as_plain_union(one);
  EXPECT_EQ(u.circles_dropped, 0u);
}

TEST(CircleUnion, HonoursCancel) {
  struct CancelNow : Feedback {
    bool canceled() const override { return true; }
  } cancel;
  Circles c;
  for (int i = 0; i < 50; ++i) c.add({126 + 0.05 * i, 43.8}, 30);
  EXPECT_THROW(union_circles(c.centres, c.radii_m, 72, &c.shapes, &cancel), Canceled);
}

TEST(CircleUnion, ApproximateVerticesStayWellWithinTheirStatedError) {
  // The coverage tests place vertices without geod_direct; their error bound
  // must hold with room to spare wherever circles are trimmed (|lat| <= 75°,
  // r <= 100 km). Reference: PROJ's geod_direct through geodesic_circle_ring.
  std::vector<Vec3> approx;
  double worst_share = 0;
  for (double lat = -75; lat <= 75; lat += 5)
    for (double lon : {-178.5, -60.0, 0.0, 105.3, 126.5})
      for (double r : {1000.0, 10000.0, 30000.0, 60000.0, 100000.0}) {
        const Ring ring = geodesic_circle_ring({lon, lat}, r, 72);
        approx_circle_vectors({lon, lat}, r, 72, approx);
        for (size_t k = 0; k < 72; ++k) {
          const double error = std::sqrt(chord2(approx[k], unit_vector(ring[k]))) * kMeanEarthRadiusM;
          worst_share = std::max(worst_share, error / approx_vertex_error_m(r));
        }
      }
  EXPECT_LT(worst_share, 0.5);  // measured: 0.40
  EXPECT_GT(worst_share, 0.1);  // the bound is not absurdly loose either
}
