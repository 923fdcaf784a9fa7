#include "poleaxis/town_space.h"

#include <algorithm>
#include <atomic>

namespace poleaxis {

namespace {
std::vector<Vec3> index_vectors(const std::vector<Point>& points, bool geographic) {
  std::vector<Vec3> out(points.size());
  for (size_t i = 0; i < points.size(); ++i)
    out[i] = geographic ? unit_vector(points[i]) : Vec3{points[i].x, points[i].y, 0.0};
  return out;
}
}  // namespace

TownSpace::TownSpace(std::vector<Point> points, bool geographic)
    : points_(std::move(points)),
      geographic_(geographic),
      geod_(Geodesic::wgs84()),
      index_(index_vectors(points_, geographic)) {}

std::vector<std::vector<size_t>> neighbourhoods(const TownSpace& space, double metres, Feedback* feedback,
                                                unsigned workers) {
  const size_t n = space.size();
  std::vector<std::vector<size_t>> out(n);
  std::atomic<size_t> done{0};
  parallel_for(n, workers, [&](size_t i, unsigned) {
    if (i % 1024 == 0) {
      throw_if_canceled(feedback);
      if (feedback) feedback->progress(100.0 * double(done) / double(n));
    }
    ++done;
    space.within(i, metres, [&](size_t j) { out[i].push_back(j); });
    std::sort(out[i].begin(), out[i].end());
  });
  return out;
}

}  // namespace poleaxis
