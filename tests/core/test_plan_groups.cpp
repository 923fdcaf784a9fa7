// Circle and belt groups against hand-placed towns at known geodesic distances.
#include <gtest/gtest.h>

#include "poleaxis/feedback.h"
#include "poleaxis/geodesic.h"
#include "poleaxis/plan_groups.h"
#include "poleaxis/polygon_ops.h"

using namespace poleaxis;

TEST(PlanGroups, CircleIsInclusiveAndBeltsMayOverlapIt) {
  const Geodesic& g = Geodesic::wgs84();
  const Point centre{126.55, 43.84};
  PlanGroupsRequest r;
  r.towns = {centre,
             g.destination(centre, 10, 29999.0),   // inside
             g.destination(centre, 200, 30000.0),  // on the rim: inside (inclusive)
             g.destination(centre, 90, 30100.0),   // just outside
             g.destination(centre, 270, 80000.0)};
  r.central = 0;
  r.circle_km = 30;
  // An axis due west from the centre: towns 0 and 4 lie on it, 2 is 10.3 km from it.
  r.axes = {{{centre, g.destination(centre, 270, 100000.0)}}};
  r.belt_km = 5;
  const PlanGroups out = plan_groups(r);
  EXPECT_EQ(out.in_circle, (std::vector<char>{0, 1, 1, 0, 0}));  // the central city is never in its own circle
  EXPECT_EQ(out.circle_size, 2u);
  EXPECT_NEAR(out.central_km[3], 30.1, 1e-6);
  EXPECT_EQ(out.belts[0], std::vector<size_t>{0});
  EXPECT_EQ(out.belts[4], std::vector<size_t>{0});
  EXPECT_TRUE(out.belts[1].empty());
  EXPECT_EQ(out.belt_size, std::vector<size_t>{2});
  // Members given (a travel-time circle): the central city still excepted.
  r.circle_members = {1, 0, 0, 1, 1};
  const PlanGroups given = plan_groups(r);
  EXPECT_EQ(given.in_circle, (std::vector<char>{0, 0, 0, 1, 1}));
  r.circle_members = {1};
  EXPECT_THROW(plan_groups(r), InputError);
  r.circle_members.clear();
  r.central = 5;
  EXPECT_THROW(plan_groups(r), InputError);
}

TEST(PlanGroups, BeltBandHoldsTheBeltAndNoMore) {
  const Geodesic& g = Geodesic::wgs84();
  const Point start{126.0, 44.0};
  const Point end = g.destination(start, 90, 60000.0);
  const MultiPolygon band = belt_band({{start, end}}, 10.0);
  // Points on the axis as drawn (the lon/lat segment): at a disc (30 km) and between two (31.25 km).
  auto on_axis = [&](double t) { return Point{start.x + t * (end.x - start.x), start.y + t * (end.y - start.y)}; };
  for (double t : {0.5, 31.25 / 60.0})
    for (double azimuth : {0.0, 180.0}) {
      EXPECT_TRUE(point_in_polygons(g.destination(on_axis(t), azimuth, 9880.0), band)) << t << " " << azimuth;  // within 1.2 %
      EXPECT_FALSE(point_in_polygons(g.destination(on_axis(t), azimuth, 10050.0), band)) << t << " " << azimuth;
    }
  EXPECT_TRUE(point_in_polygons(g.destination(end, 90, 9880.0), band));  // round ends
  EXPECT_FALSE(point_in_polygons(g.destination(start, 270, 10050.0), band));
  EXPECT_TRUE(belt_band({}, 10.0).empty());
}
