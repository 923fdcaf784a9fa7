// The whole service-radii pipeline on small hand-made cases.
#include <gtest/gtest.h>

#include <cmath>

#include "poleaxis/geodesic.h"
#include "poleaxis/geodesic_circle.h"
#include "poleaxis/polygon_ops.h"
#include "poleaxis/service_radii.h"

using namespace poleaxis;

namespace {

MultiPolygon box(double x0, double y0, double x1, double y1) {
  return {Polygon{{Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}};
}

ServiceRadiiRequest jilin_like() {
  ServiceRadiiRequest r;
  r.centres = {{126.55, 43.84}, {126.80, 43.90}, {125.32, 43.88}, {128.0, 42.5}};
  r.radii_km = {30, 15, 30, 8};
  r.groups = {"1", "2", "1", "3"};
  return r;
}

}  // namespace

TEST(ServiceRadii, NoDissolveGivesOneCircleEachWithItsEllipsoidalArea) {
  ServiceRadiiRequest request = jilin_like();
  const ServiceRadiiResult result = service_radii(request);
  ASSERT_EQ(result.areas.size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(result.areas[i].centres, std::vector<size_t>{i});
    const double r = request.radii_km[i];
    // 72-gon inscribed in a circle of radius r: (n/2π)·sin(2π/n)·πr².
    const double expected = 72 / (2 * M_PI) * std::sin(2 * M_PI / 72) * M_PI * r * r;
    EXPECT_NEAR(result.areas[i].area_km2 / expected, 1.0, 1e-4);
  }
}

TEST(ServiceRadii, DissolveAllAndByGroupPartitionTheSameGround) {
  ServiceRadiiRequest request = jilin_like();
  request.dissolve = Dissolve::All;
  const ServiceRadiiResult all = service_radii(request);
  ASSERT_EQ(all.areas.size(), 1u);
  EXPECT_EQ(all.areas[0].centres.size(), 4u);
  // Jilin city (30 km) and the 15 km circle 21 km away overlap: the union is
  // less than the sum of the parts.
  double sum = 0;
  for (double r : request.radii_km) sum += 72 / (2 * M_PI) * std::sin(2 * M_PI / 72) * M_PI * r * r;
  EXPECT_LT(all.areas[0].area_km2, sum - 100);
  EXPECT_NEAR(all.covered_area_km2, all.areas[0].area_km2, 1e-6);

  request.dissolve = Dissolve::ByGroup;
  const ServiceRadiiResult by_level = service_radii(request);
  ASSERT_EQ(by_level.areas.size(), 3u);
  EXPECT_EQ(by_level.areas[0].group, "1");
  EXPECT_EQ(by_level.areas[0].centres, (std::vector<size_t>{0, 2}));
  EXPECT_EQ(by_level.areas[1].group, "2");
  EXPECT_EQ(by_level.areas[2].group, "3");
  EXPECT_NEAR(by_level.covered_area_km2, all.areas[0].area_km2, 1e-6 * all.areas[0].area_km2);
}

TEST(ServiceRadii, ClipAndGapsAddUpToTheStudyArea) {
  ServiceRadiiRequest request = jilin_like();
  request.clip = true;
  request.study_area = box(125.0, 42.0, 128.5, 44.5);
  const ServiceRadiiResult result = service_radii(request);
  const double study = Geodesic::wgs84().area_m2(request.study_area) / 1e6;
  EXPECT_NEAR(result.study_area_km2, study, 1e-9 * study);
  double gaps = 0;
  for (double a : result.gap_area_km2) gaps += a;
  EXPECT_NEAR(result.covered_area_km2 + gaps, study, 1e-6 * study);
  // Largest gap first.
  for (size_t i = 1; i < result.gap_area_km2.size(); ++i)
    EXPECT_GE(result.gap_area_km2[i - 1], result.gap_area_km2[i]);
  // Every clipped circle stays inside the box.
  for (const ServiceArea& a : result.areas) {
    const Bounds b = bounds(a.shape);
    EXPECT_GE(b.xmin, 125.0 - 1e-9);
    EXPECT_LE(b.ymax, 44.5 + 1e-9);
  }
}

TEST(ServiceRadii, CircleOutsideTheStudyAreaIsClippedToNothing) {
  ServiceRadiiRequest request = jilin_like();
  request.clip = true;
  request.study_area = box(126.0, 43.5, 127.2, 44.2);  // around Jilin city only
  const ServiceRadiiResult result = service_radii(request);
  EXPECT_TRUE(result.areas[3].shape.empty());
  EXPECT_EQ(result.areas[3].area_km2, 0.0);
  EXPECT_FALSE(result.areas[0].shape.empty());
}

TEST(ServiceRadii, DemandCoverageIsReported) {
  ServiceRadiiRequest request = jilin_like();
  request.with_demand = true;
  request.demand = {{126.55, 43.84}, {126.56, 43.85}, {0, 0}};
  request.demand_weights = {100, 50, 7};
  const ServiceRadiiResult result = service_radii(request);
  EXPECT_EQ(result.coverage.covered, 2u);
  EXPECT_DOUBLE_EQ(result.coverage.weight_covered, 150);
  EXPECT_DOUBLE_EQ(result.coverage.weight_total, 157);
  // Jilin city lies 21 km from the 15 km neighbour: inside its own circle only.
  EXPECT_EQ(result.coverage.demand[0].n_cover, 1);
  EXPECT_EQ(result.coverage.demand[0].nearest, 0);
  EXPECT_EQ(result.coverage.demand[2].n_cover, 0);
}

TEST(ServiceRadii, BadCentreIsReportedWithItsIndex) {
  ServiceRadiiRequest request = jilin_like();
  request.centres[2] = {10, 89.95};  // its circle would reach the pole
  try {
    service_radii(request);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.item(), 2);
  }
  request = jilin_like();
  request.radii_km[1] = -1;
  try {
    service_radii(request);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.item(), 1);
  }
}
