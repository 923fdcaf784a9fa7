#include "poleaxis/key_values.h"

#include <cmath>
#include <cstdlib>
#include <sstream>

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

}  // namespace poleaxis
