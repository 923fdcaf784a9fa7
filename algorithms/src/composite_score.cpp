#include "poleaxis/composite_score.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "poleaxis/feedback.h"
#include "poleaxis/key_values.h"

namespace poleaxis {

namespace {

std::vector<double> min_max(const std::vector<double>& x, bool cost) {
  const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  const double range = *hi - *lo;
  std::vector<double> out(x.size(), 0.0);
  if (range > 0)
    for (size_t i = 0; i < x.size(); ++i) out[i] = cost ? (*hi - x[i]) / range : (x[i] - *lo) / range;
  return out;
}

std::vector<double> z_score(const std::vector<double>& x, bool cost) {
  long double mean = 0;
  for (double v : x) mean += v;
  mean /= x.size();
  long double var = 0;
  for (double v : x) var += (v - mean) * (v - mean);
  const double sd = double(std::sqrt(var / x.size()));
  std::vector<double> out(x.size(), 0.0);
  if (sd > 0)
    for (size_t i = 0; i < x.size(); ++i) out[i] = (cost ? -1.0 : 1.0) * double((x[i] - mean) / sd);
  return out;
}

double entropy_of(const std::vector<double>& x01) {
  long double total = 0;
  for (double v : x01) total += v;
  if (!(total > 0)) return 1.0;
  long double h = 0;
  for (double v : x01)
    if (v > 0) {
      const long double p = v / total;
      h -= p * std::log(p);
    }
  return double(h / std::log((long double)x01.size()));
}

}  // namespace

CompositeScore composite_score(const std::vector<Indicator>& indicators, Weighting weighting,
                               Normalization normalization, const std::vector<double>& custom_weights) {
  if (indicators.empty()) throw InputError("choose at least one indicator");
  const size_t n = indicators[0].values.size();
  if (n < 2) throw InputError("a score needs at least 2 towns");
  CompositeScore out;
  std::vector<std::vector<double>> unit;  // min-max values, for entropy
  for (const Indicator& ind : indicators) {
    if (ind.values.size() != n) throw InputError("indicator " + ind.name + " has a different number of values");
    for (double v : ind.values)
      if (!std::isfinite(v)) throw InputError("indicator " + ind.name + " has a value that is not a number");
    IndicatorWeight w;
    w.name = ind.name;
    w.cost = ind.cost;
    const auto [lo, hi] = std::minmax_element(ind.values.begin(), ind.values.end());
    w.constant = !(*hi > *lo);
    out.weights.push_back(w);
    unit.push_back(min_max(ind.values, ind.cost));
    out.normalized.push_back(normalization == Normalization::MinMax ? unit.back() : z_score(ind.values, ind.cost));
  }
  const size_t m = indicators.size();
  std::vector<double> raw(m, 0.0);
  switch (weighting) {
    case Weighting::Entropy:
      for (size_t j = 0; j < m; ++j) {
        out.weights[j].entropy = out.weights[j].constant ? 1.0 : entropy_of(unit[j]);
        raw[j] = std::max(0.0, 1.0 - out.weights[j].entropy);
      }
      break;
    case Weighting::Equal:
      for (size_t j = 0; j < m; ++j) raw[j] = out.weights[j].constant ? 0.0 : 1.0;
      break;
    case Weighting::Custom:
      if (custom_weights.size() != m) throw InputError("give one weight per indicator");
      for (size_t j = 0; j < m; ++j) {
        if (!(custom_weights[j] >= 0) || !std::isfinite(custom_weights[j]))
          throw InputError("weight of " + indicators[j].name + " must be a number >= 0");
        raw[j] = custom_weights[j];
      }
      break;
  }
  long double total = 0;
  for (double r : raw) total += r;
  if (!(total > 0)) {
    bool all_constant = std::all_of(out.weights.begin(), out.weights.end(), [](const IndicatorWeight& w) { return w.constant; });
    throw InputError(all_constant ? "every indicator has the same value in every town; nothing ranks them"
                                  : "the weights sum to 0");
  }
  for (size_t j = 0; j < m; ++j) out.weights[j].weight = double(raw[j] / total);
  out.score.assign(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    long double s = 0;
    for (size_t j = 0; j < m; ++j) s += out.weights[j].weight * out.normalized[j][i];
    out.score[i] = double(s);
  }
  return out;
}

std::vector<double> parse_weights(const std::string& text, const std::vector<std::string>& names) {
  std::map<std::string, double> given;
  for (const KeyValue& kv : parse_key_values(text, "write field=weight, e.g. pop=0.5;gdp=0.3")) {
    double w = 0.0;
    if (!parse_number(kv.value, w)) throw InputError(kv.entry + ": weight '" + kv.value + "' is not a number");
    if (std::find(names.begin(), names.end(), kv.key) == names.end())
      throw InputError(kv.entry + ": '" + kv.key + "' is not one of the indicators");
    given.emplace(kv.key, w);
  }
  std::vector<double> weights;
  for (const std::string& name : names) {
    auto it = given.find(name);
    if (it == given.end()) throw InputError("no weight given for indicator '" + name + "'");
    weights.push_back(it->second);
  }
  return weights;
}

}  // namespace poleaxis
