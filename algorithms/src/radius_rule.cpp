#include "poleaxis/radius_rule.h"

#include <cmath>
#include <sstream>

#include "poleaxis/feedback.h"
#include "poleaxis/key_values.h"

namespace poleaxis {

namespace {

std::string format_km(double km) {
  std::ostringstream out;
  out << km;
  return out.str();
}

}  // namespace

LevelTable LevelTable::parse(const std::string& text) {
  LevelTable table;
  static_cast<NumberTable&>(table) = NumberTable::parse(text, "radius", "write level=radius_km, e.g. 1=30;2=15;3=8");
  return table;
}

void RadiusRule::validate() const {
  switch (mode) {
    case RadiusMode::Fixed:
      if (!(fixed_km > 0.0) || !std::isfinite(fixed_km))
        throw InputError("radius " + format_km(fixed_km) + " km is not positive");
      break;
    case RadiusMode::TravelTime:
      if (!(minutes > 0.0) || !std::isfinite(minutes))
        throw InputError("travel time " + format_km(minutes) + " min is not positive");
      if (!(speed_kmh > 0.0) || !std::isfinite(speed_kmh))
        throw InputError("speed " + format_km(speed_kmh) + " km/h is not positive");
      break;
    case RadiusMode::PowerLaw:
      if (!(power_a > 0.0) || !std::isfinite(power_a) || !std::isfinite(power_b))
        throw InputError("power law needs a > 0 and a finite b, got a=" + format_km(power_a) +
                         ", b=" + format_km(power_b));
      break;
    case RadiusMode::Field:
    case RadiusMode::LevelTable:
      break;
  }
}

double RadiusRule::radius_km(double number, const std::string& level) const {
  switch (mode) {
    case RadiusMode::Fixed:
      return fixed_km;
    case RadiusMode::TravelTime:
      return minutes / 60.0 * speed_kmh;
    case RadiusMode::Field:
      if (std::isnan(number)) throw InputError("radius is missing (NULL or not a number)");
      if (!(number > 0.0) || !std::isfinite(number))
        throw InputError("radius " + format_km(number) + " km is not positive");
      return number;
    case RadiusMode::LevelTable: {
      if (trim(level).empty()) throw InputError("level is missing (NULL or empty)");
      const double* km = table.find(level);
      if (!km) throw InputError("level '" + LevelTable::normalise(level) + "' is not in the level table");
      return *km;
    }
    case RadiusMode::PowerLaw: {
      if (std::isnan(number)) throw InputError("population is missing (NULL or not a number)");
      if (!(number > 0.0) || !std::isfinite(number))
        throw InputError("population " + format_km(number) +
                         " is not positive, so a·P^b gives no radius");
      const double km = power_a * std::pow(number, power_b);
      if (!(km > 0.0) || !std::isfinite(km))
        throw InputError("a·P^b = " + format_km(km) + " km is not a usable radius");
      return km;
    }
  }
  return fixed_km;
}

}  // namespace poleaxis
