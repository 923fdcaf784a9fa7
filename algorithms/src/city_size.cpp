#include "poleaxis/city_size.h"

#include <cmath>

namespace poleaxis {

const std::vector<CitySizeClass>& china_city_size_classes() {
  static const std::vector<CitySizeClass> classes{
      {1, 10e6, "super city", "超大城市"},      {2, 5e6, "megacity", "特大城市"},
      {3, 3e6, "large city I", "Ⅰ型大城市"},    {4, 1e6, "large city II", "Ⅱ型大城市"},
      {5, 0.5e6, "medium city", "中等城市"},    {6, 0.2e6, "small city I", "Ⅰ型小城市"},
      {7, 0.0, "small city II", "Ⅱ型小城市"}};
  return classes;
}

int china_city_size_class(double urban_population) {
  if (!(urban_population > 0) || !std::isfinite(urban_population)) return 0;
  for (const CitySizeClass& c : china_city_size_classes())
    if (urban_population >= c.min_population) return c.level;
  return 7;
}

}  // namespace poleaxis
