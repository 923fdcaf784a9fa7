// Planning targets per town (a district's small-town plan: built-up area,
// road area per person, green cover, gas and waste treatment…): whether each
// town meets each target, by how much it falls short, and how many it meets.
// A missing value (NULL, not a number) is counted as missing, never as 0.
#pragma once

#include <string>
#include <vector>

namespace poleaxis {

enum class TargetOp { AtLeast, AtMost, Above, Below };  // >=, <=, >, <

struct Target {
  std::string indicator;  // a field name
  TargetOp op = TargetOp::AtLeast;
  double value = 0.0;
};

// "built_km2>=2;road_m2_pc>=8;green_pct>=30": entries split by ';' or ',',
// operators >=, <=, >, <. Throws InputError naming the entry: no entries, no
// operator, an empty indicator, a value that is not a finite number, an
// indicator given twice.
std::vector<Target> parse_targets(const std::string& text);

enum class TargetState { Met = 1, NotMet = 0, Missing = -1 };

struct StandardsResult {
  // [target][town]
  std::vector<std::vector<TargetState>> state;
  // How far a town falls short of the target, in the indicator's units: 0
  // when met, NaN when missing (>=: target − value; <=: value − target).
  std::vector<std::vector<double>> gap;
  std::vector<int> met_count;    // per town
  std::vector<int> known_count;  // per town: targets with a value
  std::vector<size_t> met, not_met, missing;  // per target
};

// values[t][i]: town i's value of targets[t].indicator (NaN = missing).
// Throws InputError when the value columns do not match the targets.
StandardsResult check_standards(const std::vector<Target>& targets, const std::vector<std::vector<double>>& values);

}  // namespace poleaxis
