#include "poleaxis/town_standards.h"

#include <cmath>

#include "poleaxis/feedback.h"
#include "poleaxis/key_values.h"

namespace poleaxis {

std::vector<Target> parse_targets(const std::string& text) {
  std::vector<Target> out;
  std::string entry;
  const std::string example = "write indicator>=value;…, e.g. built_km2>=2;green_pct>=30";
  auto take = [&](const std::string& raw) {
    const std::string e = trim(raw);
    if (e.empty()) return;
    // The longest operator at the first operator character.
    const size_t at = e.find_first_of("<>");
    if (at == std::string::npos) throw InputError("'" + e + "' has no comparison (>=, <=, > or <); " + example);
    Target t;
    t.indicator = trim(e.substr(0, at));
    const bool twoChars = at + 1 < e.size() && e[at + 1] == '=';
    t.op = e[at] == '>' ? (twoChars ? TargetOp::AtLeast : TargetOp::Above) : (twoChars ? TargetOp::AtMost : TargetOp::Below);
    const std::string number = trim(e.substr(at + (twoChars ? 2 : 1)));
    if (t.indicator.empty()) throw InputError("'" + e + "' names no indicator; " + example);
    if (!parse_number(number, t.value) || !std::isfinite(t.value))
      throw InputError("'" + e + "': '" + number + "' is not a number; " + example);
    for (const Target& other : out)
      if (other.indicator == t.indicator) throw InputError("indicator '" + t.indicator + "' is given twice");
    out.push_back(t);
  };
  for (char c : text) {
    if (c == ';' || c == ',') {
      take(entry);
      entry.clear();
    } else {
      entry += c;
    }
  }
  take(entry);
  if (out.empty()) throw InputError("no targets; " + example);
  return out;
}

StandardsResult check_standards(const std::vector<Target>& targets, const std::vector<std::vector<double>>& values) {
  if (values.size() != targets.size()) throw InputError("one value column per target is required");
  const size_t n = values.empty() ? 0 : values[0].size();
  StandardsResult out;
  out.state.assign(targets.size(), std::vector<TargetState>(n, TargetState::Missing));
  out.gap.assign(targets.size(), std::vector<double>(n, NAN));
  out.met_count.assign(n, 0);
  out.known_count.assign(n, 0);
  out.met.assign(targets.size(), 0);
  out.not_met.assign(targets.size(), 0);
  out.missing.assign(targets.size(), 0);
  for (size_t t = 0; t < targets.size(); ++t) {
    if (values[t].size() != n) throw InputError("every value column needs one value per town");
    const Target& target = targets[t];
    for (size_t i = 0; i < n; ++i) {
      const double v = values[t][i];
      if (!std::isfinite(v)) {
        ++out.missing[t];
        continue;
      }
      bool ok = false;
      double shortfall = 0;
      switch (target.op) {
        case TargetOp::AtLeast: ok = v >= target.value; shortfall = target.value - v; break;
        case TargetOp::Above: ok = v > target.value; shortfall = target.value - v; break;
        case TargetOp::AtMost: ok = v <= target.value; shortfall = v - target.value; break;
        case TargetOp::Below: ok = v < target.value; shortfall = v - target.value; break;
      }
      out.state[t][i] = ok ? TargetState::Met : TargetState::NotMet;
      out.gap[t][i] = ok ? 0.0 : std::max(0.0, shortfall);
      ++out.known_count[i];
      if (ok) {
        ++out.met_count[i];
        ++out.met[t];
      } else {
        ++out.not_met[t];
      }
    }
  }
  return out;
}

}  // namespace poleaxis
