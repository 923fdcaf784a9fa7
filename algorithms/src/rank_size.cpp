#include "poleaxis/rank_size.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <string>

#include "poleaxis/feedback.h"

namespace poleaxis {

RankSize rank_size(const std::vector<double>& populations) {
  RankSize out;
  for (size_t i = 0; i < populations.size(); ++i) {
    const double p = populations[i];
    if (!std::isfinite(p)) throw InputError("population is not a number", long(i));
    if (p < 0) throw InputError("population " + std::to_string(p) + " is negative", long(i));
    if (p == 0)
      ++out.zero;
    else
      out.sorted.push_back(p);
  }
  out.used = out.sorted.size();
  if (out.used < 3)
    throw InputError("a rank-size fit needs at least 3 towns with population > 0, found " + std::to_string(out.used));
  std::sort(out.sorted.begin(), out.sorted.end(), std::greater<double>());

  // Least squares of y = ln P on x = ln r, in centred form.
  const size_t n = out.used;
  long double mx = 0, my = 0;
  for (size_t i = 0; i < n; ++i) {
    mx += std::log((long double)(i + 1));
    my += std::log((long double)out.sorted[i]);
  }
  mx /= n;
  my /= n;
  long double sxx = 0, sxy = 0, syy = 0;
  for (size_t i = 0; i < n; ++i) {
    const long double dx = std::log((long double)(i + 1)) - mx;
    const long double dy = std::log((long double)out.sorted[i]) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const long double slope = sxy / sxx;
  out.q = double(-slope);
  out.ln_p1 = double(my - slope * mx);
  out.r2 = syy > 0 ? double(sxy * sxy / (sxx * syy)) : 1.0;

  const auto& p = out.sorted;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  out.s2 = n >= 2 ? p[0] / p[1] : nan;
  out.s4 = n >= 4 ? p[0] / (p[1] + p[2] + p[3]) : nan;
  if (n >= 11) {
    long double rest = 0;
    for (size_t i = 1; i < 11; ++i) rest += p[i];
    out.s11 = double(2 * p[0] / rest);
  } else {
    out.s11 = nan;
  }
  // Gini from the ascending order: (2 Σ i·x_(i)) / (n Σ x) − (n + 1)/n.
  long double weighted = 0, total = 0;
  for (size_t i = 0; i < n; ++i) {
    const long double x = p[n - 1 - i];
    weighted += (i + 1) * x;
    total += x;
  }
  out.gini = double(2 * weighted / (n * total) - (long double)(n + 1) / n);
  return out;
}

}  // namespace poleaxis
