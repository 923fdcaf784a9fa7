// "key=value;key=value" lists, the way planners type tables into a
// parameter ("1=30;2=15", "pop=0.5;gdp=0.3", "rail=5;expressway=5").
// Entries may also be separated by newlines or commas.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace poleaxis {

std::string trim(const std::string& text);

// Whole-string number: false for "", "12km", "nan", "inf".
bool parse_number(const std::string& text, double& value);

struct KeyValue {
  std::string key;    // trimmed, never empty
  std::string value;  // trimmed
  std::string entry;  // "entry 2 ('2=15')" for messages
};

// Throws InputError naming the entry when one has no '=' or no key, or when
// a key repeats. `example` completes the messages ("write level=radius_km,
// e.g. 1=30;2=15").
std::vector<KeyValue> parse_key_values(const std::string& text, const std::string& example);

// A "key=number" table whose numbers must all be > 0 (radii, speeds,
// widths). Keys are text; numeric keys compare by value, so "1", "1.0" and
// " 01 " are one key.
class NumberTable {
 public:
  // Throws InputError naming the entry for: no entries, an entry without
  // '=' or key, a number that is not a number or not > 0 (called `noun` in
  // messages, e.g. "radius"), a key given twice.
  static NumberTable parse(const std::string& text, const std::string& noun, const std::string& example);
  static std::string normalise(const std::string& key);
  const double* find(const std::string& key) const;  // nullptr when absent
  const std::vector<std::pair<std::string, double>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<std::string, double>> entries_;
};

}  // namespace poleaxis
