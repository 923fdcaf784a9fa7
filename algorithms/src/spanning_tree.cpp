// Borůvka minimum spanning tree for single linkage (see hierarchical.h).
#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>

#include "poleaxis/hierarchical.h"

namespace poleaxis {

namespace {

struct Edge {
  double d = std::numeric_limits<double>::infinity();
  size_t a = 0, b = 0;  // a < b
  bool operator<(const Edge& o) const { return d < o.d || (d == o.d && (a < o.a || (a == o.a && b < o.b))); }
};

// A kd-tree with explicit nodes: each knows its box and, per Borůvka round,
// the one component all its points belong to (or none).
class ComponentTree {
 public:
  explicit ComponentTree(const TownSpace& space) : space_(space) {
    const size_t n = space.size();
    order_.resize(n);
    std::iota(order_.begin(), order_.end(), 0);
    xyz_.resize(n);
    for (size_t i = 0; i < n; ++i) xyz_[i] = space.index().vector(i);
    if (n) build(0, n);
  }

  void set_components(const std::vector<size_t>& component) {
    for (size_t k = nodes_.size(); k-- > 0;) {
      Node& node = nodes_[k];
      if (node.left < 0) {
        node.component = long(component[order_[node.begin]]);
        for (size_t s = node.begin + 1; s < node.end; ++s)
          if (long(component[order_[s]]) != node.component) {
            node.component = -1;
            break;
          }
      } else {
        const long l = nodes_[size_t(node.left)].component, r = nodes_[size_t(node.right)].component;
        node.component = l == r ? l : -1;
      }
    }
  }

  // The shortest edge from point i to a point of another component.
  Edge nearest_foreign(size_t i, const std::vector<size_t>& component) const {
    Edge best;
    const Vec3 q = space_.index().vector(i);
    const long own = long(component[i]);
    double bound2 = std::numeric_limits<double>::infinity();
    struct Item {
      size_t node;
      double d2;
    };
    std::vector<Item> stack{{0, 0.0}};
    while (!stack.empty()) {
      const Item item = stack.back();
      stack.pop_back();
      const Node& node = nodes_[item.node];
      if (item.d2 > bound2 || node.component == own) continue;
      if (node.left < 0) {
        for (size_t s = node.begin; s < node.end; ++s) {
          const size_t j = order_[s];
          if (long(component[j]) == own || chord2(xyz_[s], q) > bound2) continue;
          Edge e{space_.distance_m(i, j), std::min(i, j), std::max(i, j)};
          if (e < best) {
            best = e;
            bound2 = space_.index_bound2(best.d);
          }
        }
        continue;
      }
      const double dl = box_distance2(nodes_[size_t(node.left)], q), dr = box_distance2(nodes_[size_t(node.right)], q);
      // Nearer child last so it is popped first.
      if (dl <= dr) {
        stack.push_back({size_t(node.right), dr});
        stack.push_back({size_t(node.left), dl});
      } else {
        stack.push_back({size_t(node.left), dl});
        stack.push_back({size_t(node.right), dr});
      }
    }
    return best;
  }

 private:
  struct Node {
    size_t begin, end;
    long left = -1, right = -1;
    Vec3 lo{}, hi{};
    long component = -1;
  };

  static double box_distance2(const Node& node, const Vec3& q) {
    double d2 = 0;
    for (int axis = 0; axis < 3; ++axis) {
      const double v = (&q.x)[axis], lo = (&node.lo.x)[axis], hi = (&node.hi.x)[axis];
      const double gap = v < lo ? lo - v : (v > hi ? v - hi : 0.0);
      d2 += gap * gap;
    }
    return d2;
  }

  size_t build(size_t begin, size_t end) {
    const size_t id = nodes_.size();
    nodes_.push_back({begin, end});
    Vec3 lo{INFINITY, INFINITY, INFINITY}, hi{-INFINITY, -INFINITY, -INFINITY};
    for (size_t s = begin; s < end; ++s)
      for (int axis = 0; axis < 3; ++axis) {
        (&lo.x)[axis] = std::min((&lo.x)[axis], (&xyz_[s].x)[axis]);
        (&hi.x)[axis] = std::max((&hi.x)[axis], (&xyz_[s].x)[axis]);
      }
    nodes_[id].lo = lo;
    nodes_[id].hi = hi;
    if (end - begin > 16) {
      int axis = 0;
      for (int a = 1; a < 3; ++a)
        if ((&hi.x)[a] - (&lo.x)[a] > (&hi.x)[axis] - (&lo.x)[axis]) axis = a;
      const size_t mid = (begin + end) / 2;
      std::vector<size_t> slots(end - begin);
      std::iota(slots.begin(), slots.end(), begin);
      std::nth_element(slots.begin(), slots.begin() + long(mid - begin), slots.end(),
                       [&](size_t a, size_t b) { return (&xyz_[a].x)[axis] < (&xyz_[b].x)[axis]; });
      std::vector<size_t> order(end - begin);
      std::vector<Vec3> xyz(end - begin);
      for (size_t k = 0; k < slots.size(); ++k) {
        order[k] = order_[slots[k]];
        xyz[k] = xyz_[slots[k]];
      }
      std::copy(order.begin(), order.end(), order_.begin() + long(begin));
      std::copy(xyz.begin(), xyz.end(), xyz_.begin() + long(begin));
      const size_t left = build(begin, mid);
      const size_t right = build(mid, end);
      nodes_[id].left = long(left);
      nodes_[id].right = long(right);
    }
    return id;
  }

  const TownSpace& space_;
  std::vector<size_t> order_;  // point per slot
  std::vector<Vec3> xyz_;      // per slot
  std::vector<Node> nodes_;    // parents before children
};

}  // namespace

std::vector<Merge> single_linkage(const TownSpace& space, Feedback* feedback, unsigned workers) {
  const size_t n = space.size();
  std::vector<Merge> merges;
  if (n < 2) return merges;
  ComponentTree tree(space);
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::vector<size_t> component(n);
  std::vector<Edge> nearest(n);
  size_t components = n;
  while (components > 1) {
    throw_if_canceled(feedback);
    for (size_t i = 0; i < n; ++i) component[i] = find(i);
    tree.set_components(component);
    std::atomic<size_t> done{0};
    parallel_for(n, workers, [&](size_t i, unsigned) {
      if (i % 512 == 0) throw_if_canceled(feedback);
      nearest[i] = tree.nearest_foreign(i, component);
      ++done;
    });
    std::vector<Edge> best(n);
    for (size_t i = 0; i < n; ++i)
      if (nearest[i] < best[component[i]]) best[component[i]] = nearest[i];
    for (size_t c = 0; c < n; ++c) {
      const Edge& e = best[c];
      if (!std::isfinite(e.d) || c != component[c]) continue;
      const size_t ra = find(e.a), rb = find(e.b);
      if (ra == rb) continue;  // the same edge chosen from both sides
      parent[ra] = rb;
      merges.push_back({e.a, e.b, e.d});
      --components;
    }
    if (feedback) feedback->progress(100.0 * double(n - components) / double(n - 1));
  }
  std::sort(merges.begin(), merges.end(), [](const Merge& x, const Merge& y) {
    return Edge{x.height, x.a, x.b} < Edge{y.height, y.a, y.b};
  });
  return merges;
}

}  // namespace poleaxis
