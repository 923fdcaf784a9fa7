// How big each centre's service circle is. Radii are kilometres on the ground.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "poleaxis/key_values.h"

namespace poleaxis {

enum class RadiusMode {
  Fixed,       // r = R for every centre
  Field,       // r = the centre's own value (km)
  LevelTable,  // r = table[level]  ("1=30;2=15;3=8")
  TravelTime,  // r = minutes / 60 × speed (km/h)
  PowerLaw,    // r = a · P^b from population P
};

// "level=radius_km" entries ("1=30;2=15;3=8"); see NumberTable.
class LevelTable : public NumberTable {
 public:
  static LevelTable parse(const std::string& text);
};

struct RadiusRule {
  RadiusMode mode = RadiusMode::Fixed;
  double fixed_km = 30.0;
  LevelTable table;
  double minutes = 30.0;
  double speed_kmh = 60.0;
  double power_a = 0.1;
  double power_b = 0.5;

  // Checks the rule's own constants (fixed radius, minutes, speed, a); throws
  // InputError saying which.
  void validate() const;
  // One centre's radius. `number` is its radius (Field) or population
  // (PowerLaw), NaN when missing; `level` its level (LevelTable). Throws
  // InputError when the centre has no usable radius.
  double radius_km(double number, const std::string& level) const;
};

}  // namespace poleaxis
