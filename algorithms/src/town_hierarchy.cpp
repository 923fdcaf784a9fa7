#include "poleaxis/town_hierarchy.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <string>

#include "poleaxis/classification.h"
#include "poleaxis/feedback.h"

namespace poleaxis {

namespace {
// Levels as given; ranks by level, then score, then input order.
HierarchyResult given_hierarchy(const HierarchyRequest& request) {
  HierarchyResult out;
  const size_t n = request.given_levels.size();
  if (!request.indicators.empty()) {
    out.score = composite_score(request.indicators, request.weighting, request.normalization, request.custom_weights);
    if (out.score.score.size() != n) throw InputError("one given level per scored town is required");
  } else {
    out.score.score.assign(n, 0.0);
  }
  const std::vector<double>& s = out.score.score;
  for (size_t i = 0; i < n; ++i)
    if (request.given_levels[i] < 1) throw InputError("level " + std::to_string(request.given_levels[i]) + " is not >= 1", long(i));
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return request.given_levels[a] < request.given_levels[b] || (request.given_levels[a] == request.given_levels[b] && s[a] > s[b]);
  });
  out.rank.assign(n, 0);
  for (size_t r = 0; r < n; ++r) out.rank[order[r]] = int(r + 1);
  out.level = request.given_levels;
  out.levels = n ? *std::max_element(out.level.begin(), out.level.end()) : 0;
  out.level_counts.assign(size_t(out.levels), 0);
  for (int level : out.level) ++out.level_counts[size_t(level - 1)];
  out.gvf = std::numeric_limits<double>::quiet_NaN();
  return out;
}
}  // namespace

HierarchyResult town_hierarchy(const HierarchyRequest& request) {
  if (!request.given_levels.empty()) {
    if (request.pole_rule == PoleRule::TopN && request.top_n < 1) throw InputError("top N must be at least 1");
    HierarchyResult out = given_hierarchy(request);
    const size_t n = out.level.size();
    out.is_pole.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
      switch (request.pole_rule) {
        case PoleRule::TopLevel: out.is_pole[i] = out.level[i] == 1; break;
        case PoleRule::TopN: out.is_pole[i] = out.rank[i] <= request.top_n; break;
        case PoleRule::ScoreThreshold: out.is_pole[i] = !request.indicators.empty() && out.score.score[i] >= request.score_min; break;
        case PoleRule::Level: out.is_pole[i] = out.level[i] == request.pole_level; break;
      }
      if (i < request.forced_pole.size() && request.forced_pole[i]) out.is_pole[i] = 1;
    }
    return out;
  }
  HierarchyResult out;
  out.score = composite_score(request.indicators, request.weighting, request.normalization, request.custom_weights);
  const std::vector<double>& s = out.score.score;
  const size_t n = s.size();
  if (request.classification != Classification::Fixed) {
    if (request.levels < 2) throw InputError("a hierarchy needs at least 2 levels");
    if (size_t(request.levels) > n)
      throw InputError(std::to_string(n) + " towns cannot fill " + std::to_string(request.levels) + " levels");
  }

  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return s[a] > s[b]; });
  out.rank.assign(n, 0);
  for (size_t r = 0; r < n; ++r) out.rank[order[r]] = int(r + 1);

  switch (request.classification) {
    case Classification::Jenks:
      out.breaks = jenks_breaks(s, request.levels);
      break;
    case Classification::Quantile:
      out.breaks = quantile_breaks(s, request.levels);
      break;
    case Classification::HeadTail:
      out.breaks = head_tail_breaks(s, request.levels);
      break;
    case Classification::Fixed:
      out.breaks = fixed_breaks(s, request.thresholds);
      break;
  }
  out.levels = int(out.breaks.size());
  const std::vector<int> classes = classify(s, out.breaks);
  out.level.resize(n);
  out.level_counts.assign(size_t(out.levels), 0);
  for (size_t i = 0; i < n; ++i) {
    out.level[i] = out.levels - classes[i];
    ++out.level_counts[size_t(out.level[i] - 1)];
  }
  const double sdam = within_class_ss(s, std::vector<int>(n, 0));
  out.gvf = sdam > 0 ? 1.0 - within_class_ss(s, classes) / sdam : 1.0;

  if (request.pole_rule == PoleRule::TopN && request.top_n < 1) throw InputError("top N must be at least 1");
  out.is_pole.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    switch (request.pole_rule) {
      case PoleRule::TopLevel:
        out.is_pole[i] = out.level[i] == 1;
        break;
      case PoleRule::TopN:
        out.is_pole[i] = out.rank[i] <= request.top_n;
        break;
      case PoleRule::ScoreThreshold:
        out.is_pole[i] = s[i] >= request.score_min;
        break;
      case PoleRule::Level:
        out.is_pole[i] = out.level[i] == request.pole_level;
        break;
    }
    if (i < request.forced_pole.size() && request.forced_pole[i]) out.is_pole[i] = 1;
  }
  return out;
}

}  // namespace poleaxis
