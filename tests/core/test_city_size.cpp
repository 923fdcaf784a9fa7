// China's city size classes at their bounds (State Council 2014).
#include <gtest/gtest.h>

#include <cmath>

#include "poleaxis/city_size.h"

using namespace poleaxis;

TEST(CitySize, ClassesAtTheirBounds) {
  EXPECT_EQ(china_city_size_class(21e6), 1);
  EXPECT_EQ(china_city_size_class(10e6), 1);  // 1000 万以上 includes the bound
  EXPECT_EQ(china_city_size_class(9999999), 2);
  EXPECT_EQ(china_city_size_class(5e6), 2);
  EXPECT_EQ(china_city_size_class(4999999), 3);
  EXPECT_EQ(china_city_size_class(3e6), 3);
  EXPECT_EQ(china_city_size_class(1e6), 4);
  EXPECT_EQ(china_city_size_class(999999), 5);
  EXPECT_EQ(china_city_size_class(0.5e6), 5);
  EXPECT_EQ(china_city_size_class(0.2e6), 6);
  EXPECT_EQ(china_city_size_class(199999), 7);
  EXPECT_EQ(china_city_size_class(500), 7);
  EXPECT_EQ(china_city_size_class(0), 0);
  EXPECT_EQ(china_city_size_class(NAN), 0);
  EXPECT_EQ(china_city_size_classes().size(), 7u);
  EXPECT_EQ(china_city_size_classes()[3].name_zh, "Ⅱ型大城市");
}
