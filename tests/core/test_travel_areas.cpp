// Travel-time areas on a hand-worked network: one straight east–west line at
// 60 km/h, the centre on it, 30 minutes, 6 km/h off the network.
#include <gtest/gtest.h>

#include <cmath>

#include "poleaxis/geodesic.h"
#include "poleaxis/polygon_ops.h"
#include "poleaxis/travel_areas.h"

using namespace poleaxis;

namespace {
const Geodesic& g = Geodesic::wgs84();
// The point `km` east of (126, 44) along the parallel, and `north_km` north of it.
Point at(double km, double north_km = 0) {
  Point p = g.destination({126.0, 44.0}, 90.0, km * 1000.0);
  if (north_km != 0) p = g.destination(p, 0.0, north_km * 1000.0);
  return p;
}

TravelAreaRequest line_request() {
  TravelAreaRequest r;
  Polyline line;
  for (int k = 0; k <= 100; k += 5) line.push_back(at(k));
  r.lines = {{line}};
  r.speeds_kmh = {60.0};
  r.centres = {at(0)};
  r.minutes = 30;
  r.access_kmh = 6;
  r.network.snap_m = 2000;
  return r;
}
}  // namespace

TEST(TravelAreas, DemandByNetworkTimeHandWorked) {
  TravelAreaRequest r = line_request();
  // Along the line (minutes = km), off it by 1 km (10 min walk), and a
  // point 3 km north of the centre: walked straight, exactly 30 min.
  r.demand = {at(20), at(40), at(15, 1), at(25, 1), at(0, 2.9), at(0, 3.1)};
  const TravelAreaResult out = travel_areas(r);
  const std::vector<double>& t = out.demand_minutes;
  ASSERT_EQ(t.size(), 6u);
  // The line is drawn as 5 km chords of the parallel; the spliced point lies on the chord.
  EXPECT_NEAR(t[0], 20.0, 0.02);
  EXPECT_TRUE(std::isinf(t[1]));  // 40 min: beyond T, not searched
  EXPECT_NEAR(t[2], 15.0 + 10.0, 0.1);  // network 15 min, then 1 km at 6 km/h
  EXPECT_TRUE(std::isinf(t[3]));  // 25 + 10 min
  EXPECT_NEAR(t[4], 29.0, 0.01);         // straight off the network: 2.9 km at 6 km/h
  EXPECT_TRUE(std::isinf(t[5]));  // 31 min
  const Coverage& cov = out.areas.coverage;
  std::vector<int> covered;
  for (const DemandCover& d : cov.demand) covered.push_back(d.n_cover);
  EXPECT_EQ(covered, (std::vector<int>{1, 0, 1, 0, 1, 0}));
  EXPECT_EQ(cov.covered, 3u);
}

TEST(TravelAreas, AreaHoldsWhatIsReachedAndNothingFarther) {
  const TravelAreaResult out = travel_areas(line_request());
  ASSERT_EQ(out.areas.areas.size(), 1u);
  const MultiPolygon& area = out.areas.areas[0].shape;
  // On the line up to 30 km; 10 km out with 20 min left, 2 km to either side.
  EXPECT_TRUE(point_in_polygons(at(29), area));
  EXPECT_FALSE(point_in_polygons(at(31), area));
  EXPECT_TRUE(point_in_polygons(at(10, 1.8), area));
  EXPECT_FALSE(point_in_polygons(at(10, 2.2), area));
  EXPECT_TRUE(point_in_polygons(at(0, -2.9), area));  // walked straight from the centre
  EXPECT_FALSE(point_in_polygons(at(-3.5), area));
  // Its area lies between the reached band and the band plus the centre's disc.
  const double km2 = out.areas.areas[0].area_km2;
  EXPECT_GT(km2, 30 * 2.0 * 0.9);
  EXPECT_LT(km2, 30 * 3.0 * 2 + 3.14159 * 9);
}

TEST(TravelAreas, BadInput) {
  TravelAreaRequest r = line_request();
  r.minutes = 0;
  EXPECT_THROW(travel_areas(r), InputError);
  r = line_request();
  r.access_kmh = -1;
  EXPECT_THROW(travel_areas(r), InputError);
  r = line_request();
  r.lines.clear();
  EXPECT_THROW(travel_areas(r), InputError);
}
