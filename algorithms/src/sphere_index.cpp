#include "poleaxis/sphere_index.h"

#include <map>

#include <algorithm>
#include <limits>
#include <numeric>

namespace poleaxis {

namespace {
constexpr double kDegToRad = M_PI / 180.0;
}

Vec3 unit_vector(Point lonlat) {
  const double lon = lonlat.x * kDegToRad, lat = lonlat.y * kDegToRad;
  const double c = std::cos(lat);
  return {c * std::cos(lon), c * std::sin(lon), std::sin(lat)};
}

double chord2_for_distance(double metres) {
  const double angle = std::min(std::max(metres, 0.0) / kMeanEarthRadiusM, M_PI);
  const double chord = 2.0 * std::sin(angle / 2.0);
  return chord * chord;
}

std::vector<Vec3> unit_vectors(const std::vector<Point>& lonlat) {
  std::vector<Vec3> out(lonlat.size());
  for (size_t i = 0; i < lonlat.size(); ++i) out[i] = unit_vector(lonlat[i]);
  return out;
}

SphereIndex::SphereIndex(const std::vector<Point>& lonlat, int leaf_size) : SphereIndex(unit_vectors(lonlat), leaf_size) {}

SphereIndex::SphereIndex(std::vector<Vec3> vectors, int leaf_size)
    : leaf_size_(std::max(1, leaf_size)), ids_(vectors.size()), xyz_(vectors.size()), by_id_(std::move(vectors)) {
  dims_ = std::all_of(by_id_.begin(), by_id_.end(), [](const Vec3& v) { return v.z == 0.0; }) ? 2 : 3;
  std::iota(ids_.begin(), ids_.end(), 0u);
  if (!ids_.empty()) build(0, ids_.size() - 1, 0);
  for (size_t i = 0; i < ids_.size(); ++i) xyz_[i] = by_id_[ids_[i]];
}

void SphereIndex::build(size_t left, size_t right, int axis) {
  // Iterative on the larger side keeps recursion depth logarithmic.
  while (right - left > size_t(leaf_size_)) {
    const size_t m = (left + right) / 2;
    std::nth_element(ids_.begin() + left, ids_.begin() + m, ids_.begin() + right + 1,
                     [&](uint32_t a, uint32_t b) {
                       const double va = (&by_id_[a].x)[axis], vb = (&by_id_[b].x)[axis];
                       return va < vb || (va == vb && a < b);
                     });
    const int next = (axis + 1) % dims_;
    if (m > left) build(left, m - 1, next);
    left = m + 1;
    axis = next;
  }
}

void SphereIndex::keep_boxes() {
  boxes_.assign(ids_.size(), Box{});
  if (!ids_.empty()) box_of(0, ids_.size() - 1);
}

SphereIndex::Box SphereIndex::box_of(size_t left, size_t right) {
  Box box{xyz_[left], xyz_[left]};
  auto take = [&](const Box& b) {
    box.lo = {std::min(box.lo.x, b.lo.x), std::min(box.lo.y, b.lo.y), std::min(box.lo.z, b.lo.z)};
    box.hi = {std::max(box.hi.x, b.hi.x), std::max(box.hi.y, b.hi.y), std::max(box.hi.z, b.hi.z)};
  };
  const size_t m = (left + right) / 2;
  if (right - left <= size_t(leaf_size_)) {
    for (size_t i = left; i <= right; ++i) take(Box{xyz_[i], xyz_[i]});
  } else {
    take(Box{xyz_[m], xyz_[m]});
    if (m > left) take(box_of(left, m - 1));
    if (m < right) take(box_of(m + 1, right));
  }
  boxes_[m] = box;
  return box;
}

size_t SphereIndex::nearest(const Vec3& q) const {
  // The lowest (chord², id): a total order, so the search order cannot change it.
  size_t best = 0;
  double best_d2 = std::numeric_limits<double>::max();
  nearest_first(q, [&](size_t id, double d2) {
    if (d2 < best_d2 || (d2 == best_d2 && id < best)) {
      best_d2 = d2;
      best = id;
    }
    return best_d2;
  });
  return best;
}

std::vector<WeightBand> weight_bands(const std::vector<Vec3>& points, const std::vector<double>& weights,
                                     const std::vector<bool>& skip) {
  std::map<int, WeightBand> by_power;
  for (size_t i = 0; i < points.size(); ++i) {
    if (i < skip.size() && skip[i]) continue;
    WeightBand& band = by_power[int(std::floor(std::log2(weights[i])))];
    band.members.push_back(i);
    band.heaviest = std::max(band.heaviest, weights[i]);
  }
  std::vector<WeightBand> bands;
  for (auto& [power, band] : by_power) {
    std::vector<Vec3> v;
    for (size_t i : band.members) v.push_back(points[i]);
    band.index = std::make_unique<SphereIndex>(std::move(v));
    bands.push_back(std::move(band));
  }
  return bands;
}

}  // namespace poleaxis
