// Hand-worked linkages of four points on a line at x = 0, 1, 3, 7.
// Ward heights follow from centroids: d(A, B) = sqrt(2 |A||B| / (|A|+|B|)) · |cA − cB|.
#include <gtest/gtest.h>

#include <cmath>

#include "poleaxis/geodesic.h"
#include "poleaxis/hierarchical.h"

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
