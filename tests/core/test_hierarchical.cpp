// Hand-worked linkages of four points on a line at x = 0, 1, 3, 7.
// Ward heights follow from centroids: d(A, B) = sqrt(2 |A||B| / (|A|+|B|)) · |cA − cB|.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <mutex>
#include <random>

#include "poleaxis/geodesic.h"
#include "poleaxis/hierarchical.h"
#include "poleaxis/ward_linkage.h"

using namespace poleaxis;

namespace {

std::vector<Merge> onLine(Linkage method) {
  const std::vector<Point> xy{{0, 0}, {1, 0}, {3, 0}, {7, 0}};
  return linkage(euclidean_condensed(xy), xy.size(), method);
}

std::vector<double> heights(const std::vector<Merge>& merges) {
  std::vector<double> h;
  for (const Merge& m : merges) h.push_back(m.height);
  return h;
}

}  // namespace

TEST(Hierarchical, SingleLinkageMergesNearestGaps) {
  const std::vector<double> h = heights(onLine(Linkage::Single));
  EXPECT_EQ(h, (std::vector<double>{1, 2, 4}));
}

TEST(Hierarchical, CompleteLinkageUsesFarthestMembers) {
  // {0,1}–{3}: max(3, 2) = 3 beats {3}–{7} = 4; then {0,1,3}–{7}: 7.
  const std::vector<double> h = heights(onLine(Linkage::Complete));
  EXPECT_EQ(h, (std::vector<double>{1, 3, 7}));
}

TEST(Hierarchical, AverageLinkageUsesMeanDistance) {
  // {0,1}–{3}: (3 + 2) / 2 = 2.5; {0,1,3}–{7}: (7 + 6 + 4) / 3.
  const std::vector<double> h = heights(onLine(Linkage::Average));
  ASSERT_EQ(h.size(), 3u);
  EXPECT_DOUBLE_EQ(h[0], 1);
  EXPECT_DOUBLE_EQ(h[1], 2.5);
  EXPECT_DOUBLE_EQ(h[2], 17.0 / 3.0);
}

TEST(Hierarchical, WardHeightsFollowCentroids) {
  const std::vector<double> h = heights(onLine(Linkage::Ward));
  ASSERT_EQ(h.size(), 3u);
  EXPECT_DOUBLE_EQ(h[0], 1);
  EXPECT_NEAR(h[1], std::sqrt(4.0 / 3.0) * 2.5, 1e-12);
  EXPECT_NEAR(h[2], std::sqrt(1.5) * (7 - 4.0 / 3.0), 1e-12);
}

TEST(Hierarchical, CutsByHeightAndByCount) {
  const std::vector<Merge> merges = onLine(Linkage::Single);
  EXPECT_EQ(cut_at_height(merges, 4, 0.5), (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(cut_at_height(merges, 4, 2), (std::vector<int>{0, 0, 0, 1}));
  EXPECT_EQ(cut_into(merges, 4, 2), (std::vector<int>{0, 0, 0, 1}));
  EXPECT_EQ(cut_into(merges, 4, 3), (std::vector<int>{0, 0, 1, 2}));
  EXPECT_EQ(cut_into(merges, 4, 9), (std::vector<int>{0, 1, 2, 3}));
  EXPECT_THROW(cut_into(merges, 4, 0), InputError);
}

TEST(Hierarchical, Float32MatrixRepeatsTheHandWorkedLinkages) {
  // The same heights to float32 precision (17/3 is not exact in it), and no
  // choice within rounding of its runner-up.
  const std::vector<Point> xy{{0, 0}, {1, 0}, {3, 0}, {7, 0}};
  for (const Linkage method : {Linkage::Single, Linkage::Complete, Linkage::Average}) {
    LinkageCheck check;
    const std::vector<double> h = heights(linkage(euclidean_condensed_f32(xy), xy.size(), method, nullptr, &check));
    const std::vector<double> exact = heights(onLine(method));
    ASSERT_EQ(h.size(), exact.size());
    for (size_t i = 0; i < h.size(); ++i) EXPECT_NEAR(h[i], exact[i], exact[i] * 0x1p-24);
    EXPECT_GE(check.decisions, 3u);
    EXPECT_EQ(check.near_ties, 0u);
  }
  EXPECT_THROW(linkage(euclidean_condensed_f32(xy), xy.size(), Linkage::Ward), InputError);
}

TEST(Hierarchical, Float32CountsChoicesItsRoundingCouldSwap) {
  // 1,000 km and 1,000 km + 1 cm round to the same float32 (its step there
  // is 6.25 cm): the choice between them is a near tie. Exact ties at zero
  // (duplicate towns) are not.
  const std::vector<Point> line{{0, 0}, {1e6, 0}, {2e6 + 0.01, 0}};
  LinkageCheck check;
  const std::vector<Merge> merges = linkage(euclidean_condensed_f32(line), 3, Linkage::Average, nullptr, &check);
  EXPECT_GE(check.near_ties, 1u);
  EXPECT_EQ(cut_into(merges, 3, 2), (std::vector<int>{0, 0, 1}));  // the lower slot wins the tie, as in float64 here
  const std::vector<Point> twins{{5, 5}, {5, 5}, {5, 5}, {9, 9}};
  LinkageCheck zero;
  linkage(euclidean_condensed_f32(twins), 4, Linkage::Complete, nullptr, &zero);
  EXPECT_EQ(zero.near_ties, 0u);
}

TEST(Hierarchical, RefusesAMatrixOfTheWrongSize) {
  EXPECT_THROW(linkage(std::vector<double>(5), 4, Linkage::Single), InputError);
}

TEST(Hierarchical, GeodesicMatrixMatchesPairDistances) {
  // Changchun, Jilin, Siping: the matrix entry is the pair's ellipsoidal distance.
  const std::vector<Point> towns{{125.3245, 43.8868}, {126.5496, 43.8508}, {124.3504, 43.1664}};
  const std::vector<double> d = geodesic_condensed(towns);
  ASSERT_EQ(d.size(), 3u);
  const Geodesic& g = Geodesic::wgs84();
  EXPECT_DOUBLE_EQ(d[condensed_index(3, 0, 1)], g.distance_m(towns[0], towns[1]));
  EXPECT_DOUBLE_EQ(d[condensed_index(3, 1, 2)], g.distance_m(towns[1], towns[2]));
  EXPECT_NEAR(d[0], 98.4e3, 1.5e3);  // about 98 km Changchun–Jilin
}

// Matrix-free Ward against the matrix version (Lance-Williams on the full
// matrix) on clustered points: the same heights and the same groups at every
// K. Two hand-worked heights: points 0 and 2 m apart merge at 2; a third point
// at distance 3 from their centroid joins at sqrt(2·2·1/3)·3.
TEST(Hierarchical, MatrixFreeWardEqualsTheMatrixVersion) {
  const std::vector<Point> three{{0, 0}, {2, 0}, {1, 3}};
  const std::vector<Merge> hand = ward_linkage(three);
  ASSERT_EQ(hand.size(), 2u);
  EXPECT_DOUBLE_EQ(hand[0].height, 2.0);
  EXPECT_NEAR(hand[1].height, std::sqrt(4.0 / 3.0) * 3.0, 1e-12);

  std::mt19937 rng(5);
  std::normal_distribution<double> spread(0, 2000);
  std::uniform_real_distribution<double> centre(0, 200000);
  std::vector<Point> xy;
  for (int c = 0; c < 25; ++c) {
    const Point m{centre(rng), centre(rng)};
    for (int i = 0; i < 40; ++i) xy.push_back({m.x + spread(rng), m.y + spread(rng)});
  }
  for (int i = 0; i < 30; ++i) xy.push_back({centre(rng), centre(rng)});  // scattered towns
  const std::vector<Merge> free = ward_linkage(xy);
  const std::vector<Merge> matrix = linkage(euclidean_condensed(xy), xy.size(), Linkage::Ward);
  ASSERT_EQ(free.size(), matrix.size());
  for (size_t m = 0; m < free.size(); ++m) ASSERT_NEAR(free[m].height, matrix[m].height, 1e-9 * (1 + matrix[m].height)) << m;
  for (size_t k : {1, 2, 5, 25, 26, 100, 500, 1029, 1030})
    EXPECT_EQ(cut_into(free, xy.size(), k), cut_into(matrix, xy.size(), k)) << "K = " << k;
  for (double h : {1000.0, 5000.0, 20000.0, 1e6}) EXPECT_EQ(cut_at_height(free, xy.size(), h), cut_at_height(matrix, xy.size(), h));

}

namespace {
// The nearest-neighbour chain over centroids with a plain ascending scan of
// every live cluster (strict <, the chain's previous cluster first): the
// simplest statement of the tie rule, to hold the tree search to.
std::vector<Merge> wardByScan(const std::vector<Point>& xy) {
  const size_t n = xy.size();
  std::vector<Point> c(xy);
  std::vector<double> size(n, 1);
  std::vector<size_t> live(n), chain;
  for (size_t i = 0; i < n; ++i) live[i] = i;
  std::vector<Merge> merges;
  auto ward = [&](size_t a, size_t b) {
    const double dx = c[a].x - c[b].x, dy = c[a].y - c[b].y;
    return std::sqrt(2.0 * size[a] * size[b] / (size[a] + size[b])) * std::sqrt(dx * dx + dy * dy);
  };
  while (live.size() > 1) {
    if (chain.empty()) chain.push_back(live.front());
    size_t x = 0, y = 0;
    double best = 0;
    while (true) {
      x = chain.back();
      y = chain.size() > 1 ? chain[chain.size() - 2] : n;
      best = y < n ? ward(x, y) : INFINITY;
      for (size_t i : live)
        if (i != x && ward(x, i) < best) best = ward(x, i), y = i;
      if (chain.size() > 1 && y == chain[chain.size() - 2]) break;
      chain.push_back(y);
    }
    chain.resize(chain.size() - 2);
    if (x > y) std::swap(x, y);
    merges.push_back({x, y, best});
    c[y] = {(size[x] * c[x].x + size[y] * c[y].x) / (size[x] + size[y]), (size[x] * c[x].y + size[y] * c[y].y) / (size[x] + size[y])};
    size[y] += size[x];
    live.erase(std::find(live.begin(), live.end(), x));
  }
  std::stable_sort(merges.begin(), merges.end(), [](const Merge& a, const Merge& b) { return a.height < b.height; });
  return merges;
}
}  // namespace

TEST(Hierarchical, MatrixFreeWardBreaksTiesAsAnAscendingScan) {
  // A regular grid with repeated towns: ties everywhere (which the matrix
  // version's Lance-Williams arithmetic breaks by its own rounding, and so
  // does SciPy's), and a crowded cluster beside sparse towns, as real towns lie.
  std::vector<Point> grid;
  for (int i = 0; i < 24 * 24; ++i) grid.push_back({double(i % 24) * 100, double(i / 24) * 100});
  for (int i = 0; i < 40; ++i) grid.push_back(grid[size_t(i * 13)]);
  std::mt19937 rng(11);
  std::normal_distribution<double> crowd(5000, 30);
  for (int i = 0; i < 300; ++i) grid.push_back({crowd(rng), crowd(rng)});
  const std::vector<Merge> tree = ward_linkage(grid), scan = wardByScan(grid);
  ASSERT_EQ(tree.size(), scan.size());
  for (size_t m = 0; m < tree.size(); ++m) {
    ASSERT_EQ(tree[m].height, scan[m].height) << m;
    ASSERT_EQ(std::make_pair(tree[m].a, tree[m].b), std::make_pair(scan[m].a, scan[m].b)) << m;
  }
}

TEST(Hierarchical, MatrixFreeWardHandlesDuplicatesLinesAndTinyInputs) {
  EXPECT_TRUE(ward_linkage({}).empty());
  EXPECT_TRUE(ward_linkage({{5, 5}}).empty());
  // Four copies of one town merge at height 0 first, then join the other.
  const std::vector<Point> dup{{0, 0}, {0, 0}, {10, 0}, {0, 0}, {0, 0}};
  const std::vector<Merge> merges = ward_linkage(dup);
  ASSERT_EQ(merges.size(), 4u);
  for (int m = 0; m < 3; ++m) EXPECT_EQ(merges[size_t(m)].height, 0.0);
  EXPECT_NEAR(merges[3].height, std::sqrt(2.0 * 4 * 1 / 5) * 10.0, 1e-12);
  EXPECT_EQ(cut_into(merges, 5, 2), (std::vector<int>{0, 0, 1, 0, 0}));
  // Collinear points (a zero-height frame).
  std::vector<Point> line;
  for (int i = 0; i < 50; ++i) line.push_back({double(i * i), 0});
  const std::vector<Merge> a = ward_linkage(line), b = linkage(euclidean_condensed(line), line.size(), Linkage::Ward);
  for (size_t k = 1; k <= line.size(); ++k) EXPECT_EQ(cut_into(a, line.size(), k), cut_into(b, line.size(), k)) << k;
  EXPECT_THROW(ward_linkage({{0, 0}, {NAN, 1}}), InputError);
}

// Canceled between merges, never half-done.
TEST(Hierarchical, MatrixFreeWardHonoursCancel) {
  struct Cancel : Feedback {
    bool canceled() const override { return true; }
  } cancel;
  std::vector<Point> xy;
  for (int i = 0; i < 1000; ++i) xy.push_back({double(i % 37) * 100, double(i / 37) * 100});
  EXPECT_THROW(ward_linkage(xy, &cancel), Canceled);
}

// Progress moves steadily through both long phases of a matrix linkage (the
// matrix fill, then the merges): with a feedback that records when it is
// called, no gap is longer than a tenth of the run nor 2 s.
TEST(Hierarchical, ProgressMovesSteadilyThroughMatrixAndMerges) {
  struct Recording : Feedback {
    using Clock = std::chrono::steady_clock;
    std::mutex mutex;
    std::vector<std::pair<Clock::time_point, double>> calls;
    void progress(double percent) override {
      std::lock_guard<std::mutex> lock(mutex);
      calls.push_back({Clock::now(), percent});
    }
  };
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> lon(120, 130), lat(40, 46);
  std::vector<Point> towns;
  for (int i = 0; i < 3000; ++i) towns.push_back({lon(rng), lat(rng)});
  Recording fill, merge;
  const auto start = Recording::Clock::now();
  std::vector<double> d = geodesic_condensed(towns, &fill);
  const auto filled = Recording::Clock::now();
  linkage(std::move(d), towns.size(), Linkage::Average, &merge);
  const auto end = Recording::Clock::now();
  for (auto* phase : {&fill, &merge}) {
    const auto from = phase == &fill ? start : filled, to = phase == &fill ? filled : end;
    const double total = std::chrono::duration<double>(to - from).count();
    ASSERT_GE(phase->calls.size(), 20u);
    double worst = std::chrono::duration<double>(phase->calls.front().first - from).count();
    for (size_t c = 1; c < phase->calls.size(); ++c)
      worst = std::max(worst, std::chrono::duration<double>(phase->calls[c].first - phase->calls[c - 1].first).count());
    worst = std::max(worst, std::chrono::duration<double>(to - phase->calls.back().first).count());
    // A floor of 0.25 s: a busy machine (the suite runs tests side by side) can pause a thread that long.
    EXPECT_LE(worst, std::max(0.1 * total, 0.25)) << (phase == &fill ? "matrix fill" : "merges") << " of " << total << " s";
    EXPECT_LE(worst, 2.0);
    EXPECT_GT(phase->calls.back().second, 90.0);
  }
}
