#include "poleaxis/key_values.h"

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <cmath>

#include "poleaxis/feedback.h"

namespace poleaxis {

std::string trim(const std::string& text) {
  const char* space = " \t\r\n";
  const size_t a = text.find_first_not_of(space);
  if (a == std::string::npos) return "";
  return text.substr(a, text.find_last_not_of(space) - a + 1);
}

bool parse_number(const std::string& text, double& value) {
  const std::string t = trim(text);
  if (t.empty()) return false;
  char* end = nullptr;
  value = std::strtod(t.c_str(), &end);
  return end == t.c_str() + t.size() && std::isfinite(value);
}

std::vector<KeyValue> parse_key_values(const std::string& text, const std::string& example) {
  std::string normalised = text;
  for (char& c : normalised)
    if (c == '\n' || c == ',') c = ';';
  std::istringstream in(normalised);
  std::string entry;
  std::vector<KeyValue> out;
  int position = 0;
  while (std::getline(in, entry, ';')) {
    if (trim(entry).empty()) continue;
    ++position;
    const std::string where = "entry " + std::to_string(position) + " ('" + trim(entry) + "')";
    const size_t eq = entry.find('=');
    if (eq == std::string::npos) throw InputError(where + " has no '='; " + example);
    KeyValue kv{trim(entry.substr(0, eq)), trim(entry.substr(eq + 1)), where};
    if (kv.key.empty()) throw InputError(where + " has nothing before '='; " + example);
    for (const KeyValue& seen : out)
      if (seen.key == kv.key) throw InputError(where + ": '" + kv.key + "' is given twice");
    out.push_back(std::move(kv));
  }
  return out;
}

std::string NumberTable::normalise(const std::string& key) {
  double v = 0.0;
  if (parse_number(key, v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    std::ostringstream out;
    out << static_cast<long long>(v);
    return out.str();
  }
  return trim(key);
}

NumberTable NumberTable::parse(const std::string& text, const std::string& noun, const std::string& example) {
  NumberTable table;
  for (const KeyValue& kv : parse_key_values(text, example)) {
    const std::string key = normalise(kv.key);
    double value = 0.0;
    if (!parse_number(kv.value, value)) throw InputError(kv.entry + ": " + noun + " '" + kv.value + "' is not a number");
    if (!(value > 0.0)) {
      std::ostringstream shown;
      shown << value;
      throw InputError(kv.entry + ": " + noun + " " + shown.str() + " is not positive");
    }
    if (table.find(key)) throw InputError(kv.entry + ": '" + key + "' is given twice");
    table.entries_.emplace_back(key, value);
  }
  if (table.entries_.empty()) throw InputError("the table is empty; " + example);
  return table;
}

const double* NumberTable::find(const std::string& key) const {
  const std::string k = normalise(key);
  for (const auto& entry : entries_)
    if (entry.first == k) return &entry.second;
  return nullptr;
}

}  // namespace poleaxis
