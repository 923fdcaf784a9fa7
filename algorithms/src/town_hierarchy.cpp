#include "poleaxis/town_hierarchy.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "poleaxis/classification.h"
#include "poleaxis/feedback.h"

namespace poleaxis {

HierarchyResult town_hierarchy(const HierarchyRequest& request) {
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
    }
    if (i < request.forced_pole.size() && request.forced_pole[i]) out.is_pole[i] = 1;
  }
  return out;
}

}  // namespace poleaxis
