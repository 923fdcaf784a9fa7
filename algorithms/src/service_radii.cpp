#include "poleaxis/service_radii.h"

#include <algorithm>
#include <map>

#include "poleaxis/geodesic.h"
#include "poleaxis/geodesic_circle.h"
#include "poleaxis/parallel.h"
#include "poleaxis/polygon_ops.h"

namespace poleaxis {

namespace {

std::vector<size_t> members_all(size_t n) {
  std::vector<size_t> all(n);
  for (size_t i = 0; i < n; ++i) all[i] = i;
  return all;
}

double area_km2(const MultiPolygon& shape) { return Geodesic::wgs84().area_m2(shape) / 1e6; }

// Checks every centre first, so a bad one is reported with its index
// whichever stage would have met it.
void check_centres(const ServiceRadiiRequest& request) {
  for (size_t i = 0; i < request.centres.size(); ++i) {
    try {
      if (!request.reach.empty()) {
        for (const Disc& d : request.reach[i]) check_circle(d.centre, d.radius_m, request.segments);
        continue;
      }
      check_circle(request.centres[i], request.radii_km[i] * 1000.0, request.segments);
    } catch (const InputError& e) {
      throw InputError(e.what(), long(i));
    }
  }
}

// The discs that make centre i's area: its circle, or its reach.
void discs_of(const ServiceRadiiRequest& request, size_t i, std::vector<Point>& centres, std::vector<double>& radii) {
  if (request.reach.empty()) {
    centres.push_back(request.centres[i]);
    radii.push_back(request.radii_km[i] * 1000.0);
    return;
  }
  for (const Disc& d : request.reach[i]) {
    centres.push_back(d.centre);
    radii.push_back(d.radius_m);
  }
}

std::vector<MultiPolygon> build_circles(const ServiceRadiiRequest& request, Feedback* feedback) {
  const size_t n = request.centres.size();
  std::vector<MultiPolygon> circles(n);
  std::atomic<size_t> done{0};
  const size_t every = request.reach.empty() ? 512 : 1;
  parallel_for(n, worker_count(), [&](size_t i, unsigned) {
    if (i % every == 0) {
      throw_if_canceled(feedback);
      if (feedback) feedback->progress(100.0 * double(done) / double(n));
    }
    ++done;
    if (request.reach.empty()) {
      circles[i] = geodesic_circle(request.centres[i], request.radii_km[i] * 1000.0, request.segments);
      return;
    }
    std::vector<Point> centres;
    std::vector<double> radii;
    discs_of(request, i, centres, radii);
    circles[i] = union_circles(centres, radii, request.segments, nullptr, nullptr, 1).shape;
  });
  return circles;
}

CircleUnion union_of(const std::vector<size_t>& members, const ServiceRadiiRequest& request,
                     const std::vector<MultiPolygon>* circles, Feedback* feedback) {
  std::vector<Point> centres;
  std::vector<double> radii;
  for (size_t i : members) discs_of(request, i, centres, radii);
  // Prebuilt shapes match one circle per centre only.
  return union_circles(centres, radii, request.segments, request.reach.empty() ? circles : nullptr, feedback);
}

}  // namespace

ServiceRadiiResult service_radii(const ServiceRadiiRequest& request, Feedback* feedback) {
  const size_t n = request.centres.size();
  if (request.dissolve == Dissolve::ByGroup && request.groups.size() != n)
    throw InputError("dissolving by level needs a level for every centre");
  if (!request.reach.empty() && (request.reach.size() != n || request.with_demand))
    throw InputError("reach needs one disc list per centre and no demand");
  if (request.reach.empty() && request.radii_km.size() != n) throw InputError("one radius per centre is required");
  ServiceRadiiResult result;

  check_centres(request);

  // Which centres make each output area.
  std::vector<std::vector<size_t>> members;
  if (request.dissolve == Dissolve::None) {
    for (size_t i = 0; i < n; ++i) members.push_back({i});
  } else if (request.dissolve == Dissolve::All) {
    members.push_back(members_all(n));
  } else {
    std::map<std::string, size_t> slot;
    for (size_t i = 0; i < n; ++i) {
      auto it = slot.emplace(request.groups[i], members.size()).first;
      if (it->second == members.size()) {
        members.emplace_back();
        result.areas.emplace_back();
        result.areas.back().group = request.groups[i];
      }
      members[it->second].push_back(i);
    }
  }
  result.areas.resize(members.size());
  for (size_t a = 0; a < members.size(); ++a) result.areas[a].centres = members[a];

  // Dissolve, and the overall union that gaps and covered area need.
  MultiPolygon everything;
  const bool need_overall = request.clip || request.dissolve != Dissolve::None;
  if (request.dissolve == Dissolve::None) {
    ProgressSlice circle_stage(feedback, 0, 20);
    std::vector<MultiPolygon> circles = build_circles(request, &circle_stage);
    if (need_overall) {
      ProgressSlice stage(feedback, 20, 70);
      result.union_stats = union_of(members_all(n), request, &circles, &stage);
      everything = result.union_stats.shape;
    }
    for (size_t i = 0; i < n; ++i) result.areas[i].shape = std::move(circles[i]);
  } else {
    for (size_t a = 0; a < members.size(); ++a) {
      ProgressSlice stage(feedback, 70.0 * a / members.size(), 70.0 * (a + 1) / members.size());
      CircleUnion u = union_of(members[a], request, nullptr, &stage);
      result.areas[a].shape = std::move(u.shape);
      if (members.size() == 1) result.union_stats = std::move(u);
    }
    if (members.size() == 1) {
      everything = result.areas[0].shape;
      result.union_stats.shape = everything;
    } else {
      std::vector<Polygon> parts;
      for (const ServiceArea& a : result.areas) parts.insert(parts.end(), a.shape.begin(), a.shape.end());
      everything = union_all(parts, feedback);
      result.union_stats.shape = everything;
    }
  }

  if (request.clip) {
    ProgressSlice stage(feedback, 70, 85);
    std::vector<MultiPolygon> shapes;
    for (ServiceArea& a : result.areas) shapes.push_back(std::move(a.shape));
    shapes = clip_each(shapes, request.study_area, &stage);
    for (size_t a = 0; a < shapes.size(); ++a) result.areas[a].shape = std::move(shapes[a]);
    throw_if_canceled(feedback);
    result.study_area_km2 = area_km2(request.study_area);
    MultiPolygon covered = intersection(everything, request.study_area);
    result.covered_area_km2 = area_km2(covered);
    MultiPolygon gaps = difference(request.study_area, everything);
    for (Polygon& g : gaps) {
      result.gap_area_km2.push_back(area_km2({g}));
      result.gaps.push_back(std::move(g));
    }
    std::vector<size_t> order(result.gaps.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return result.gap_area_km2[a] > result.gap_area_km2[b]; });
    std::vector<Polygon> gaps_sorted;
    std::vector<double> areas_sorted;
    for (size_t i : order) {
      gaps_sorted.push_back(std::move(result.gaps[i]));
      areas_sorted.push_back(result.gap_area_km2[i]);
    }
    result.gaps.swap(gaps_sorted);
    result.gap_area_km2.swap(areas_sorted);
  }

  throw_if_canceled(feedback);
  parallel_for(result.areas.size(), worker_count(), [&](size_t a, unsigned) {
    result.areas[a].area_km2 = area_km2(result.areas[a].shape);
  });
  if (!request.clip && need_overall)
    result.covered_area_km2 = request.dissolve == Dissolve::All ? result.areas[0].area_km2 : area_km2(everything);
  if (feedback) feedback->progress(90);

  if (request.with_demand) {
    std::vector<double> radii_m(n);
    for (size_t i = 0; i < n; ++i) radii_m[i] = request.radii_km[i] * 1000.0;
    ProgressSlice stage(feedback, 90, 100);
    result.coverage = compute_coverage(request.centres, radii_m, request.demand,
                                       request.demand_weights, &stage);
  }
  if (feedback) feedback->progress(100);
  return result;
}

}  // namespace poleaxis
