// Every radius mode by hand, and the level-table parser's errors.
#include <gtest/gtest.h>

#include <cmath>

#include "poleaxis/feedback.h"
#include "poleaxis/radius_rule.h"

using namespace poleaxis;

namespace {
std::string error_of(const std::string& table) {
  try {
    LevelTable::parse(table);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(RadiusRule, FixedTravelAndPowerLawByHand) {
  RadiusRule rule;
  rule.mode = RadiusMode::Fixed;
  rule.fixed_km = 30;
  EXPECT_DOUBLE_EQ(rule.radius_km(NAN, ""), 30);

  rule.mode = RadiusMode::TravelTime;
  rule.minutes = 30;
  rule.speed_kmh = 60;
  EXPECT_DOUBLE_EQ(rule.radius_km(NAN, ""), 30);  // the half-hour circle
  rule.minutes = 45;
  rule.speed_kmh = 80;
  EXPECT_DOUBLE_EQ(rule.radius_km(NAN, ""), 60);

  rule.mode = RadiusMode::PowerLaw;
  rule.power_a = 0.1;
  rule.power_b = 0.5;
  EXPECT_NEAR(rule.radius_km(90000, ""), 30, 1e-12);  // 0.1 · 300
  rule.power_a = 2;
  rule.power_b = 1.0 / 3;
  EXPECT_NEAR(rule.radius_km(1000, ""), 20, 1e-12);  // 2 · 10
  EXPECT_THROW(rule.radius_km(0, ""), InputError);
  EXPECT_THROW(rule.radius_km(-5, ""), InputError);
  EXPECT_THROW(rule.radius_km(NAN, ""), InputError);
}

TEST(RadiusRule, FieldValuesMustBePositive) {
  RadiusRule rule;
  rule.mode = RadiusMode::Field;
  EXPECT_DOUBLE_EQ(rule.radius_km(12.5, ""), 12.5);
  EXPECT_THROW(rule.radius_km(0, ""), InputError);
  EXPECT_THROW(rule.radius_km(-1, ""), InputError);
  EXPECT_THROW(rule.radius_km(NAN, ""), InputError);
  EXPECT_THROW(rule.radius_km(INFINITY, ""), InputError);
}

TEST(RadiusRule, ValidateRejectsBadConstants) {
  RadiusRule rule;
  rule.mode = RadiusMode::Fixed;
  rule.fixed_km = 0;
  EXPECT_THROW(rule.validate(), InputError);
  rule.mode = RadiusMode::TravelTime;
  rule.minutes = 30;
  rule.speed_kmh = -60;
  EXPECT_THROW(rule.validate(), InputError);
  rule.mode = RadiusMode::PowerLaw;
  rule.power_a = 0;
  EXPECT_THROW(rule.validate(), InputError);
  rule.power_a = 1;
  rule.power_b = NAN;
  EXPECT_THROW(rule.validate(), InputError);
}

TEST(LevelTable, ParsesAndLooksUpNumericLevelsByValue) {
  RadiusRule rule;
  rule.mode = RadiusMode::LevelTable;
  rule.table = LevelTable::parse("1=30;2=15;3=8");
  EXPECT_DOUBLE_EQ(rule.radius_km(NAN, "1"), 30);
  EXPECT_DOUBLE_EQ(rule.radius_km(NAN, "2.0"), 15);
  EXPECT_DOUBLE_EQ(rule.radius_km(NAN, " 03 "), 8);
  EXPECT_EQ(rule.table.entries().size(), 3u);
  // Whitespace, newlines and a trailing separator are fine.
  EXPECT_EQ(LevelTable::parse(" 1 = 30 ;\n2=15;").entries().size(), 2u);
}

TEST(LevelTable, AcceptsChineseLevelNames) {
  const LevelTable table = LevelTable::parse("中心城市=30;县城=15;重点镇=8");
  ASSERT_NE(table.find("县城"), nullptr);
  EXPECT_DOUBLE_EQ(*table.find("县城"), 15);
  EXPECT_EQ(table.find("一般镇"), nullptr);
}

TEST(LevelTable, MissingLevelIsAClearError) {
  RadiusRule rule;
  rule.mode = RadiusMode::LevelTable;
  rule.table = LevelTable::parse("1=30;2=15");
  try {
    rule.radius_km(NAN, "4");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("'4' is not in the level table"), std::string::npos) << e.what();
  }
  EXPECT_THROW(rule.radius_km(NAN, ""), InputError);
}

TEST(LevelTable, MalformedTablesNameTheEntry) {
  EXPECT_NE(error_of("").find("empty"), std::string::npos);
  EXPECT_NE(error_of(" ; ;").find("empty"), std::string::npos);
  EXPECT_NE(error_of("1=30;2:15").find("entry 2 ('2:15') has no '='"), std::string::npos);
  EXPECT_NE(error_of("=30").find("nothing before"), std::string::npos);
  EXPECT_NE(error_of("1=abc").find("'abc' is not a number"), std::string::npos);
  EXPECT_NE(error_of("1=30km").find("is not a number"), std::string::npos);
  EXPECT_NE(error_of("1=-5").find("not positive"), std::string::npos);
  EXPECT_NE(error_of("1=0").find("not positive"), std::string::npos);
  EXPECT_NE(error_of("1=30;1.0=20").find("given twice"), std::string::npos);
}
