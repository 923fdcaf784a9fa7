// Planning targets, hand-worked.
#include <gtest/gtest.h>

#include <cmath>

#include "poleaxis/feedback.h"
#include "poleaxis/town_standards.h"

using namespace poleaxis;

TEST(TownStandards, ParsesTheDistrictTable) {
  const std::vector<Target> t = parse_targets("built_km2>=2; road_m2_pc>=8;green_pct >= 30,waste_pct<=50;noise<55;pop>0");
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].indicator, "built_km2");
  EXPECT_EQ(t[0].op, TargetOp::AtLeast);
  EXPECT_EQ(t[2].value, 30.0);
  EXPECT_EQ(t[3].op, TargetOp::AtMost);
  EXPECT_EQ(t[4].op, TargetOp::Below);
  EXPECT_EQ(t[5].op, TargetOp::Above);
  for (const char* bad : {"", ";", "built_km2=2", ">=2", "built_km2>=two", "built_km2>=nan", "a>=1;a>=2"})
    EXPECT_THROW(parse_targets(bad), InputError) << bad;
}

TEST(TownStandards, MetGapsAndMissingByHand) {
  const std::vector<Target> targets = parse_targets("built_km2>=2;waste_pct<=50");
  // Towns: meets both; short by 0.5 km² and 10 points; built-up exactly 2 (met), waste missing.
  const StandardsResult r = check_standards(targets, {{2.5, 1.5, 2.0}, {40.0, 60.0, NAN}});
  EXPECT_EQ(r.state[0], (std::vector<TargetState>{TargetState::Met, TargetState::NotMet, TargetState::Met}));
  EXPECT_EQ(r.state[1], (std::vector<TargetState>{TargetState::Met, TargetState::NotMet, TargetState::Missing}));
  EXPECT_DOUBLE_EQ(r.gap[0][1], 0.5);
  EXPECT_DOUBLE_EQ(r.gap[1][1], 10.0);
  EXPECT_DOUBLE_EQ(r.gap[0][0], 0.0);
  EXPECT_TRUE(std::isnan(r.gap[1][2]));
  EXPECT_EQ(r.met_count, (std::vector<int>{2, 0, 1}));
  EXPECT_EQ(r.known_count, (std::vector<int>{2, 2, 1}));  // the missing value is not read as 0
  EXPECT_EQ(r.met, (std::vector<size_t>{2, 1}));
  EXPECT_EQ(r.missing, (std::vector<size_t>{0, 1}));
  EXPECT_THROW(check_standards(targets, {{1.0}}), InputError);
}
