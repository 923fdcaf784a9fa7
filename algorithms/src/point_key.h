// Private: lon/lat points as exact hash keys (to 1e-9°, about 0.1 mm), the
// one rule by which the network and the noding decide that two vertices are
// the same place.
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>

#include "poleaxis/geo_types.h"

namespace poleaxis {

struct PointKey {
  int64_t x, y;
  bool operator==(const PointKey& o) const { return x == o.x && y == o.y; }
};
struct PointKeyHash {
  size_t operator()(const PointKey& k) const { return std::hash<int64_t>()(k.x * 1000003 ^ k.y); }
};
inline PointKey key_of(Point p) { return {int64_t(std::llround(p.x * 1e9)), int64_t(std::llround(p.y * 1e9))}; }

}  // namespace poleaxis
