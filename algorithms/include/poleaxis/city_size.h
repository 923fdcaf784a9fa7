// China's city size classes by urban population (State Council, 2014,
// 《关于调整城市规模划分标准的通知》): super ≥ 10 M, mega 5–10 M, large I 3–5 M,
// large II 1–3 M, medium 0.5–1 M, small I 0.2–0.5 M, small II < 0.2 M. Each
// lower bound is inclusive (“以上” includes the bound, “以下” excludes it).
#pragma once

#include <string>
#include <vector>

namespace poleaxis {

struct CitySizeClass {
  int level;               // 1 = super … 7 = small II
  double min_population;   // inclusive lower bound
  std::string name_en, name_zh;
};

const std::vector<CitySizeClass>& china_city_size_classes();
// The class level 1–7 of an urban population; 0 when it is not > 0 (unknown).
int china_city_size_class(double urban_population);

}  // namespace poleaxis
