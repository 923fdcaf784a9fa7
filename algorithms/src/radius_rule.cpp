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

std::string LevelTable::normalise(const std::string& level) {
  double v = 0.0;
  if (parse_number(level, v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    std::ostringstream out;
    out << static_cast<long long>(v);
    return out.str();
  }
  return trim(level);
}

LevelTable LevelTable::parse(const std::string& text) {
  LevelTable table;
  const std::string example = "write level=radius_km, e.g. 1=30;2=15;3=8";
  for (const KeyValue& kv : parse_key_values(text, example)) {
    const std::string level = normalise(kv.key);
    double km = 0.0;
    if (!parse_number(kv.value, km)) throw InputError(kv.entry + ": radius '" + kv.value + "' is not a number");
    if (!(km > 0.0)) throw InputError(kv.entry + ": radius " + format_km(km) + " km is not positive");
    if (table.find(level)) throw InputError(kv.entry + ": level '" + level + "' is given twice");
    table.entries_.emplace_back(level, km);
  }
  if (table.entries_.empty()) throw InputError("the level table is empty; " + example);
  return table;
}

const double* LevelTable::find(const std::string& level) const {
  const std::string key = normalise(level);
  for (const auto& entry : entries_)
    if (entry.first == key) return &entry.second;
  return nullptr;
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
