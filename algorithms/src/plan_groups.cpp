#include "poleaxis/plan_groups.h"

#include <cmath>
#include <limits>

#include <algorithm>

#include "poleaxis/circle_union.h"
#include "poleaxis/feedback.h"
#include "poleaxis/geodesic.h"

namespace poleaxis {

PlanGroups plan_groups(const PlanGroupsRequest& request) {
  const size_t n = request.towns.size();
  if (request.central >= long(n)) throw InputError("the central city is not one of the towns");
  if (!request.circle_members.empty() && request.circle_members.size() != n) throw InputError("one circle flag per town is required");
  if (!std::isfinite(request.circle_km) || !std::isfinite(request.belt_km)) throw InputError("circle and belt distances must be numbers");
  PlanGroups out;
  out.in_circle.assign(n, 0);
  out.central_km.assign(n, std::numeric_limits<double>::quiet_NaN());
  out.belts.assign(n, {});
  out.belt_size.assign(request.axes.size(), 0);
  const Geodesic& g = Geodesic::wgs84();
  if (request.central >= 0) {
    const Point centre = request.towns[size_t(request.central)];
    for (size_t i = 0; i < n; ++i) {
      out.central_km[i] = g.distance_m(centre, request.towns[i]) / 1000.0;
      // Inclusive, to 1 mm: a town placed on the rim stays in despite rounding.
      const bool member = request.circle_members.empty() ? request.circle_km > 0 && out.central_km[i] <= request.circle_km + 1e-6
                                                         : i < request.circle_members.size() && request.circle_members[i];
      if (long(i) != request.central && member) {
        out.in_circle[i] = 1;
        ++out.circle_size;
      }
    }
  }
  if (request.belt_km > 0 && !request.axes.empty()) {
    const LineIndex index(request.axes);
    for (size_t i = 0; i < n; ++i) {
      out.belts[i] = index.lines_within(request.towns[i], request.belt_km * 1000.0);
      for (size_t axis : out.belts[i]) ++out.belt_size[axis];
    }
  }
  return out;
}

MultiPolygon belt_band(const Line& axis, double belt_km) {
  const Geodesic& g = Geodesic::wgs84();
  const double step = belt_km / 4.0;
  std::vector<Point> centres;
  for (const Polyline& part : axis)
    for (size_t k = 0; k + 1 < part.size(); ++k) {
      const double km = g.distance_m(part[k], part[k + 1]) / 1000.0;
      const int pieces = std::max(1, int(std::ceil(km / step)));
      for (int j = 0; j < pieces; ++j) {
        const double t = double(j) / pieces;
        centres.push_back({part[k].x + t * (part[k + 1].x - part[k].x), part[k].y + t * (part[k + 1].y - part[k].y)});
      }
      if (k + 2 == part.size()) centres.push_back(part.back());
    }
  if (centres.empty()) return {};
  return union_circles(centres, std::vector<double>(centres.size(), belt_km * 1000.0), 36).shape;
}

}  // namespace poleaxis
