// Geodesic circles against PROJ's own inverse problem and area, and the
// spherical-cap formula 2πR²(1 − cos(r/R)).
#include <geodesic.h>
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "poleaxis/feedback.h"
#include "poleaxis/geodesic.h"
#include "poleaxis/geodesic_circle.h"
#include "poleaxis/polygon_ops.h"

using namespace poleaxis;

namespace {

geod_geodesic wgs84() {
  geod_geodesic g;
  geod_init(&g, 6378137.0, 1 / 298.257223563);
  return g;
}

double proj_distance(Point a, Point b) {
  static const geod_geodesic g = wgs84();
  double s12 = 0;
  geod_inverse(&g, a.y, a.x, b.y, b.x, &s12, nullptr, nullptr);
  return s12;
}

double proj_ring_area(const Ring& ring) {
  static const geod_geodesic g = wgs84();
  std::vector<double> lat, lon;
  for (size_t i = 0; i + 1 < ring.size(); ++i) {
    lat.push_back(ring[i].y);
    lon.push_back(ring[i].x);
  }
  double area = 0;
  geod_polygonarea(&g, lat.data(), lon.data(), int(lat.size()), &area, nullptr);
  return std::fabs(area);
}

double spherical_cap(double r_m) {
  const double R = kMeanEarthRadiusM;
  return 2 * M_PI * R * R * (1 - std::cos(r_m / R));
}

struct Case {
  Point centre;
  double radius_km;
};

}  // namespace

class CircleCases : public ::testing::TestWithParam<Case> {};

TEST_P(CircleCases, EveryVertexIsRadiusFromCentreWithinOneMetre) {
  const Case c = GetParam();
  const MultiPolygon circle = geodesic_circle(c.centre, c.radius_km * 1000, 72);
  size_t vertices = 0;
  for (const Polygon& p : circle)
    for (size_t i = 0; i + 1 < p.rings[0].size(); ++i) {
      const Point v = p.rings[0][i];
      // Vertices created by the antimeridian split lie on ±180, inside the circle.
      if (circle.size() > 1 && std::fabs(std::fabs(v.x) - 180.0) < 1e-9) continue;
      EXPECT_NEAR(proj_distance(c.centre, v), c.radius_km * 1000, 1.0) << "vertex " << i;
      ++vertices;
    }
  EXPECT_GE(vertices, 72u);
}

TEST_P(CircleCases, AreaMatchesProjPolygonAreaAndTheSphericalCap) {
  const Case c = GetParam();
  const double r = c.radius_km * 1000;
  // The unsplit ring: PROJ's polygon area directly.
  const Ring ring = geodesic_circle_ring(c.centre, r, 72);
  const MultiPolygon circle = geodesic_circle(c.centre, r, 72);
  // Split circles gain vertices on ±180 interpolated along the lon/lat chord
  // rather than the geodesic edge: a relative area change below 1e-7.
  EXPECT_NEAR(Geodesic::wgs84().area_m2(circle), proj_ring_area(ring), proj_ring_area(ring) * 1e-7);

  // A fine ring approaches the true circle: compare with the spherical cap.
  // Ellipsoid and sphere differ by the curvature change across the circle,
  // which grows with r: 1e-5 up to 100 km, 2e-3 at 2000 km.
  const Ring fine = geodesic_circle_ring(c.centre, r, 3600);
  const double tolerance = c.radius_km <= 100 ? 1e-5 : 2e-3;
  EXPECT_NEAR(proj_ring_area(fine) / spherical_cap(r), 1.0, tolerance);
  // The 72-gon is the inscribed polygon: n/(2π)·sin(2π/n) of the circle.
  // (planar formula; curvature shifts it by ~1e-4 at 2000 km)
  const double inscribed = 72 / (2 * M_PI) * std::sin(2 * M_PI / 72);
  EXPECT_NEAR(proj_ring_area(ring) / proj_ring_area(fine), inscribed, c.radius_km <= 300 ? 1e-5 : 2e-4);
}

INSTANTIATE_TEST_SUITE_P(
    RealCentres, CircleCases,
    ::testing::Values(Case{{126.55, 43.84}, 30},      // Jilin city, half-hour circle
                      Case{{106.71, 26.58}, 30},      // Guiyang
                      Case{{126.55, 43.84}, 0.5},     // a small town circle
                      Case{{0.0, 0.0}, 300},          // equator
                      Case{{20.0, 70.0}, 100},        // high latitude
                      Case{{100.0, 35.0}, 2000},      // continental
                      Case{{179.9, 10.0}, 50},        // across the antimeridian
                      Case{{-179.95, -40.0}, 120}),  // across it from the west
    [](const ::testing::TestParamInfo<Case>& info) {
      // e.g. lon126p55_lat43p84_r30km; 'p' for the point, 'm' for minus.
      auto text = [](double v) {
        std::ostringstream out;
        out << v;
        std::string s = out.str();
        for (char& c : s) c = c == '.' ? 'p' : c == '-' ? 'm' : c;
        return s;
      };
      return "lon" + text(info.param.centre.x) + "_lat" + text(info.param.centre.y) + "_r" +
             text(info.param.radius_km) + "km";
    });

TEST(GeodesicCircle, SplitsAtTheAntimeridianIntoLonLatRangeWithTheSameArea) {
  const Point centre{179.9, 10.0};
  const MultiPolygon circle = geodesic_circle(centre, 50000, 72);
  ASSERT_EQ(circle.size(), 2u);
  for (const Polygon& p : circle)
    for (const Point& q : p.rings[0]) {
      EXPECT_GE(q.x, -180.0);
      EXPECT_LE(q.x, 180.0);
    }
  const double whole = proj_ring_area(geodesic_circle_ring(centre, 50000, 72));
  EXPECT_NEAR(Geodesic::wgs84().area_m2(circle), whole, whole * 1e-7);
}

TEST(GeodesicCircle, RefusesCirclesThatReachAPole) {
  EXPECT_TRUE(circle_reaches_pole({10, 89.9}, 20000));
  EXPECT_FALSE(circle_reaches_pole({10, 89.0}, 20000));
  EXPECT_THROW(geodesic_circle({10, 89.9}, 20000, 72), InputError);
  EXPECT_THROW(geodesic_circle({10, -89.95}, 6000, 72), InputError);
  try {
    geodesic_circle({10, 89.9}, 20000, 72);
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("reaches a pole"), std::string::npos) << e.what();
  }
}

TEST(GeodesicCircle, RefusesBadRadiusAndSegments) {
  EXPECT_THROW(geodesic_circle({126, 43}, 0, 72), InputError);
  EXPECT_THROW(geodesic_circle({126, 43}, -5, 72), InputError);
  EXPECT_THROW(geodesic_circle({126, 43}, NAN, 72), InputError);
  EXPECT_THROW(geodesic_circle({126, 43}, 1000, 2), InputError);
  EXPECT_THROW(geodesic_circle({126, 95}, 1000, 72), InputError);
}

TEST(GeodesicCircle, RingIsCounterClockwiseAndClosed) {
  const Ring ring = geodesic_circle_ring({126.55, 43.84}, 30000, 72);
  ASSERT_EQ(ring.size(), 73u);
  EXPECT_EQ(ring.front().x, ring.back().x);
  EXPECT_EQ(ring.front().y, ring.back().y);
  double twice_area = 0;
  for (size_t i = 0; i + 1 < ring.size(); ++i)
    twice_area += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
  EXPECT_GT(twice_area, 0);
  EXPECT_GT(ring[0].y, 43.84);  // starts due north
}

// Polygons transformed vertex by vertex from a working CRS back to lon/lat
// (lonlat_polygons): hand-worked cases.
TEST(LonLatPolygons, ASquareAcrossTheAntimeridianIsSplitThere) {
  const MultiPolygon square{Polygon{{Ring{{179, 0}, {-179, 0}, {-179, 1}, {179, 1}, {179, 0}}}}};
  const MultiPolygon out = lonlat_polygons(square);
  ASSERT_EQ(out.size(), 2u);
  double width = 0;
  for (const Polygon& p : out) {
    const Bounds b = bounds(MultiPolygon{p});
    EXPECT_GE(b.xmin, -180.0);
    EXPECT_LE(b.xmax, 180.0);
    EXPECT_DOUBLE_EQ(b.ymin, 0.0);
    EXPECT_DOUBLE_EQ(b.ymax, 1.0);
    width += b.xmax - b.xmin;
  }
  EXPECT_NEAR(width, 2.0, 1e-12);  // [179, 180] and [-180, -179]
}

TEST(LonLatPolygons, ARingAroundAPoleIsClosedAlongIt) {
  // A regular 12-gon at latitude 89: in a polar plane a polygon around the North Pole.
  Ring ring;
  for (int k = 0; k <= 12; ++k) ring.push_back({std::remainder(-180.0 + 30.0 * (k % 12), 360.0), 89.0});
  const MultiPolygon out = lonlat_polygons({Polygon{{ring}}});
  const Bounds b = bounds(out);
  EXPECT_DOUBLE_EQ(b.ymax, 90.0);
  EXPECT_DOUBLE_EQ(b.xmin, -180.0);
  EXPECT_DOUBLE_EQ(b.xmax, 180.0);
  // A regular 12-gon of circumradius r has area 3r²; r = the meridian arc from 89° to the pole.
  const Geodesic& g = Geodesic::wgs84();
  const double r = g.distance_m({0, 89}, {0, 90});
  EXPECT_NEAR(g.area_m2(out) / (3 * r * r), 1.0, 0.005);
  // The same ring around the South Pole closes along it.
  for (Point& p : ring) p.y = -p.y;
  EXPECT_DOUBLE_EQ(bounds(lonlat_polygons({Polygon{{ring}}})).ymin, -90.0);
}

TEST(LonLatPolygons, AVertexOnAPoleBecomesAnEdgeAlongIt) {
  // A wedge from the pole: the pole vertex's longitude (here 200, anything) is not used.
  const MultiPolygon wedge{Polygon{{Ring{{0, 89}, {90, 89}, {-160, 90}, {0, 89}}}}};
  const MultiPolygon out = lonlat_polygons(wedge);
  const Bounds b = bounds(out);
  EXPECT_DOUBLE_EQ(b.xmin, 0.0);
  EXPECT_DOUBLE_EQ(b.xmax, 90.0);
  EXPECT_DOUBLE_EQ(b.ymax, 90.0);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].rings[0].size(), 5u);  // (0,89) (90,89) (90,90) (0,90) (0,89)
}

TEST(LonLatPolygons, OrdinaryPolygonsComeBackUnchanged) {
  const MultiPolygon plain{Polygon{{Ring{{120, 30}, {121, 30}, {121, 31}, {120, 31}, {120, 30}},
                                    Ring{{120.2, 30.2}, {120.2, 30.4}, {120.4, 30.4}, {120.2, 30.2}}}}};
  const MultiPolygon out = lonlat_polygons(plain);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0].rings.size(), 2u);
  for (size_t r = 0; r < 2; ++r) {
    ASSERT_EQ(out[0].rings[r].size(), plain[0].rings[r].size());
    for (size_t k = 0; k < plain[0].rings[r].size(); ++k) {
      EXPECT_EQ(out[0].rings[r][k].x, plain[0].rings[r][k].x);
      EXPECT_EQ(out[0].rings[r][k].y, plain[0].rings[r][k].y);
    }
  }
}

TEST(LonLatPolygons, CompactBoundsCrossTheAntimeridianWhenNarrower) {
  const Bounds fiji = compact_lonlat_bounds({{177.5, -17.5}, {-179.8, -16.8}, {178.4, -18.1}});
  EXPECT_DOUBLE_EQ(fiji.xmin, 177.5);
  EXPECT_DOUBLE_EQ(fiji.xmax, 180.2);  // -179.8 + 360
  EXPECT_DOUBLE_EQ(fiji.ymin, -18.1);
  EXPECT_DOUBLE_EQ(fiji.ymax, -16.8);
  const Bounds china = compact_lonlat_bounds({{73.5, 39.4}, {134.8, 48.4}, {109.5, 18.2}});
  EXPECT_DOUBLE_EQ(china.xmin, 73.5);
  EXPECT_DOUBLE_EQ(china.xmax, 134.8);
  // -170, 0 and 170: 340° wide as given, 190° as 0…190 (the largest gap, 0–170 or -170–0, is outside).
  const Bounds world = compact_lonlat_bounds({{-170, 0}, {0, 0}, {170, 0}});
  EXPECT_DOUBLE_EQ(world.xmin, 0);
  EXPECT_DOUBLE_EQ(world.xmax, 190);
  const Bounds america = compact_lonlat_bounds({{-120, 30}, {-70, 45}});  // west of 0 only: unchanged
  EXPECT_DOUBLE_EQ(america.xmin, -120);
  EXPECT_DOUBLE_EQ(america.xmax, -70);
}
