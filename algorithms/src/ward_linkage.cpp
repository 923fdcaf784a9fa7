#include "poleaxis/ward_linkage.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "poleaxis/polygon_ops.h"  // Bounds

namespace poleaxis {

namespace {

// The active clusters' centroids in a kd-tree that takes insertions and
// deletions: each node keeps its points' bounding box, how many of them are
// alive and the smallest cluster size among them, so a query can skip a
// subtree once even its smallest cluster at its box's nearest corner could
// not beat the best found. Real towns crowd in some places and leave others
// empty; the tree adapts to that where a uniform grid cannot. A merged
// cluster is inserted down the tree's splits (boxes widen to take it); the
// tree is rebuilt when half the clusters it was built on have gone.
class CentroidTree {
 public:
  CentroidTree(const std::vector<Point>& centroid, const std::vector<double>& size)
      : centroid_(centroid), size_(size), leaf_of_(centroid.size(), -1) {}

  void build(std::vector<uint32_t> members) {
    nodes_.clear();
    for (int& leaf : leaf_of_) leaf = -1;
    nodes_.reserve(2 * (members.size() / kLeaf + 1));
    built_for_ = members.size();
    if (!members.empty()) split(members.data(), members.data() + members.size(), -1);
  }
  size_t built_for() const { return built_for_; }
  size_t alive() const { return nodes_.empty() ? 0 : nodes_[0].alive; }

  void insert(uint32_t c) {
    const Point p = centroid_[c];
    int at = 0;
    while (true) {
      Node& node = nodes_[size_t(at)];
      grow(node, c, p);
      if (node.left < 0) break;
      at = (node.axis == 0 ? p.x : p.y) < node.split ? node.left : node.right;
    }
    nodes_[size_t(at)].items.push_back(c);
    leaf_of_[c] = at;
  }
  void erase(uint32_t c) {
    int at = leaf_of_[c];
    std::vector<uint32_t>& items = nodes_[size_t(at)].items;
    *std::find(items.begin(), items.end(), c) = items.back();
    items.pop_back();
    leaf_of_[c] = -1;
    // Boxes and smallest sizes shrink back to what is left: a query is then
    // not drawn into a subtree by towns that have merged away.
    for (; at >= 0; at = nodes_[size_t(at)].parent) refit(nodes_[size_t(at)]);
  }

  // visit(c) for the alive clusters of every node that `worth(box, smallest
  // size)` keeps, nearer child first.
  template <class Worth, class Visit>
  void search(Point p, Worth&& worth, Visit&& visit) const {
    if (nodes_.empty()) return;
    int stack[128];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const Node& node = nodes_[size_t(stack[--top])];
      if (node.alive == 0 || !worth(gap(node, p), node.min_size)) continue;
      if (node.left < 0) {
        for (uint32_t c : node.items) visit(c);
        continue;
      }
      const bool leftFirst = (node.axis == 0 ? p.x : p.y) < node.split;
      stack[top++] = leftFirst ? node.right : node.left;  // farther child: later
      stack[top++] = leftFirst ? node.left : node.right;
    }
  }

 private:
  static constexpr size_t kLeaf = 8;
  struct Node {
    Bounds box{INFINITY, INFINITY, -INFINITY, -INFINITY};
    double min_size = INFINITY;
    size_t alive = 0;
    int left = -1, right = -1, parent = -1, axis = 0;
    double split = 0;
    std::vector<uint32_t> items;  // leaves only
  };

  void grow(Node& node, uint32_t c, Point p) {
    node.box.xmin = std::min(node.box.xmin, p.x), node.box.xmax = std::max(node.box.xmax, p.x);
    node.box.ymin = std::min(node.box.ymin, p.y), node.box.ymax = std::max(node.box.ymax, p.y);
    node.min_size = std::min(node.min_size, size_[c]);
    ++node.alive;
  }
  void refit(Node& node) {
    node.box = Bounds{INFINITY, INFINITY, -INFINITY, -INFINITY};
    node.min_size = INFINITY;
    node.alive = 0;
    if (node.left < 0) {
      for (uint32_t c : node.items) grow(node, c, centroid_[c]);
      return;
    }
    for (const int child : {node.left, node.right}) {
      const Node& part = nodes_[size_t(child)];
      if (part.alive == 0) continue;
      node.box.xmin = std::min(node.box.xmin, part.box.xmin), node.box.xmax = std::max(node.box.xmax, part.box.xmax);
      node.box.ymin = std::min(node.box.ymin, part.box.ymin), node.box.ymax = std::max(node.box.ymax, part.box.ymax);
      node.min_size = std::min(node.min_size, part.min_size);
      node.alive += part.alive;
    }
  }
  // Distance from p to the box (0 inside).
  static double gap(const Node& node, Point p) {
    const double dx = std::max({node.box.xmin - p.x, 0.0, p.x - node.box.xmax});
    const double dy = std::max({node.box.ymin - p.y, 0.0, p.y - node.box.ymax});
    return std::sqrt(dx * dx + dy * dy);
  }
  // Builds the subtree over [first, last) with the given parent; returns its index.
  int split(uint32_t* first, uint32_t* last, int parent) {
    const int at = int(nodes_.size());
    nodes_.emplace_back();
    nodes_[size_t(at)].parent = parent;
    for (uint32_t* c = first; c != last; ++c) grow(nodes_[size_t(at)], *c, centroid_[*c]);
    const Bounds box = nodes_[size_t(at)].box;
    const size_t count = size_t(last - first);
    const int axis = (box.xmax - box.xmin) >= (box.ymax - box.ymin) ? 0 : 1;
    if (count <= kLeaf || (box.xmax == box.xmin && box.ymax == box.ymin)) {
      nodes_[size_t(at)].items.assign(first, last);
      for (uint32_t* c = first; c != last; ++c) leaf_of_[*c] = at;
      return at;
    }
    uint32_t* middle = first + count / 2;
    auto coordinate = [&](uint32_t c) { return axis == 0 ? centroid_[c].x : centroid_[c].y; };
    std::nth_element(first, middle, last, [&](uint32_t a, uint32_t b) { return coordinate(a) < coordinate(b); });
    // Points equal to the split value go right, as insert() sends them.
    const double value = coordinate(*middle);
    middle = std::partition(first, last, [&](uint32_t c) { return coordinate(c) < value; });
    if (middle == first) middle = first + count / 2;  // many equal values: any cut keeps the boxes right
    nodes_[size_t(at)].axis = axis;
    nodes_[size_t(at)].split = value;
    const int left = split(first, middle, at);
    const int right = split(middle, last, at);
    nodes_[size_t(at)].left = left;
    nodes_[size_t(at)].right = right;
    return at;
  }

  const std::vector<Point>& centroid_;
  const std::vector<double>& size_;
  std::vector<int> leaf_of_;
  std::vector<Node> nodes_;
  size_t built_for_ = 0;
};

}  // namespace

std::vector<Merge> ward_linkage(const std::vector<Point>& xy, Feedback* feedback) {
  const size_t n = xy.size();
  if (n > size_t(std::numeric_limits<uint32_t>::max())) throw InputError("too many points for Ward linkage");
  Bounds frame{INFINITY, INFINITY, -INFINITY, -INFINITY};
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(xy[i].x) || !std::isfinite(xy[i].y)) throw InputError("a coordinate is not finite", long(i));
    frame.xmin = std::min(frame.xmin, xy[i].x), frame.xmax = std::max(frame.xmax, xy[i].x);
    frame.ymin = std::min(frame.ymin, xy[i].y), frame.ymax = std::max(frame.ymax, xy[i].y);
  }
  std::vector<Merge> merges;
  if (n < 2) return merges;
  merges.reserve(n - 1);
  std::vector<Point> centroid(xy);
  std::vector<double> size(n, 1.0);
  std::vector<uint8_t> alive(n, 1);
  CentroidTree tree(centroid, size);
  {
    std::vector<uint32_t> all(n);
    for (size_t i = 0; i < n; ++i) all[i] = uint32_t(i);
    tree.build(std::move(all));
  }
  size_t lowest = 0;  // lowest live slot: where SciPy starts an empty chain

  auto ward = [&](uint32_t a, uint32_t b) {
    const double dx = centroid[a].x - centroid[b].x, dy = centroid[a].y - centroid[b].y;
    return std::sqrt(2.0 * size[a] * size[b] / (size[a] + size[b])) * std::sqrt(dx * dx + dy * dy);
  };
  // The nearest active cluster to x; `previous` (the chain's element before
  // x) wins ties, then the lowest slot: the order the tree is searched in
  // does not change the answer.
  auto nearest = [&](uint32_t x, long previous, double& best) {
    long found = previous;
    best = previous >= 0 ? ward(x, uint32_t(previous)) : INFINITY;
    const double sx = size[x];
    // A cluster of at least s towns, g away, costs at least sqrt(2 |x| s / (|x| + s)) · g.
    auto worth = [&](double gap, double smallest) {
      return std::sqrt(2.0 * sx * smallest / (sx + smallest)) * gap * (1.0 - 1e-12) <= best;
    };
    tree.search(centroid[x], worth, [&](uint32_t c) {
      if (c == x) return;
      const double d = ward(x, c);
      // As an ascending scan with a strict < would: the lowest slot among
      // the nearest, unless the chain's previous cluster is among them.
      if (d < best || (d == best && found != previous && long(c) < found)) {
        best = d;
        found = long(c);
      }
    });
    return uint32_t(found);
  };

  std::vector<uint32_t> chain;
  for (size_t step = 0; step + 1 < n; ++step) {
    if (step % 256 == 0) {
      throw_if_canceled(feedback);
      if (feedback) feedback->progress(100.0 * double(step) / double(n - 1));
    }
    if (chain.empty()) {
      while (!alive[lowest]) ++lowest;
      chain.push_back(uint32_t(lowest));
    }
    uint32_t x = 0, y = 0;
    double best = 0;
    while (true) {
      x = chain.back();
      const long previous = chain.size() > 1 ? long(chain[chain.size() - 2]) : -1;
      y = nearest(x, previous, best);
      if (long(y) == previous) break;
      chain.push_back(y);
    }
    chain.pop_back();
    chain.pop_back();
    if (x > y) std::swap(x, y);
    merges.push_back({x, y, best});
    // The merged cluster lives on in the higher slot y.
    tree.erase(x);
    tree.erase(y);
    const double sx = size[x], sy = size[y];
    centroid[y] = {(sx * centroid[x].x + sy * centroid[y].x) / (sx + sy), (sx * centroid[x].y + sy * centroid[y].y) / (sx + sy)};
    size[y] = sx + sy;
    alive[x] = 0;
    if (tree.alive() * 2 < tree.built_for()) {
      std::vector<uint32_t> members;
      members.reserve(tree.alive() + 1);
      for (size_t i = 0; i < n; ++i)
        if (alive[i]) members.push_back(uint32_t(i));
      tree.build(std::move(members));
    } else {
      tree.insert(y);
    }
  }
  std::stable_sort(merges.begin(), merges.end(), [](const Merge& a, const Merge& b) { return a.height < b.height; });
  if (feedback) feedback->progress(100);
  return merges;
}

}  // namespace poleaxis
