// Nelson and location quotients worked by hand; hubs on a hand-made network.
#include <gtest/gtest.h>

#include <cmath>

#include "poleaxis/feedback.h"
#include "poleaxis/geodesic.h"
#include "poleaxis/town_functions.h"

using namespace poleaxis;

namespace {
// Employment of 4 towns in 2 sectors (industry, tourism).
//   town:     1    2    3    4
//   industry 90   50   10   50
//   tourism  10   50   90   50
// Industry shares (%): 90, 50, 10, 50 → mean 50, population sd √800 = 28.28.
std::vector<std::vector<double>> employment() { return {{90, 50, 10, 50}, {10, 50, 90, 50}}; }
}  // namespace

TEST(Nelson, SharesAboveMeanPlusKSd) {
  const SectorScores s = sector_scores(employment(), FunctionMethod::Nelson, 1.0, 1.5);
  EXPECT_NEAR(s.mean_share[0], 50, 1e-12);
  EXPECT_NEAR(s.sd_share[0], std::sqrt(800.0), 1e-12);
  EXPECT_NEAR(s.score[0][0], 40 / std::sqrt(800.0), 1e-12);  // 1.414 sd above
  EXPECT_TRUE(s.qualifies[0][0]);   // 90 > 50 + 28.3
  EXPECT_FALSE(s.qualifies[1][0]);  // 50 is the mean
  EXPECT_EQ(s.dominant, (std::vector<int>{0, -1, 1, -1}));
  // k = 1.5: 90 < 50 + 42.4, nothing qualifies.
  EXPECT_EQ(sector_scores(employment(), FunctionMethod::Nelson, 1.5, 1.5).dominant, (std::vector<int>{-1, -1, -1, -1}));
}

TEST(LocationQuotient, ByHand) {
  // E = 400, E_industry = 200: LQ(town 1, industry) = (90/100)/(200/400) = 1.8.
  const SectorScores s = sector_scores(employment(), FunctionMethod::LocationQuotient, 1.0, 1.5);
  EXPECT_NEAR(s.score[0][0], 1.8, 1e-12);
  EXPECT_NEAR(s.score[0][1], 0.2, 1e-12);
  EXPECT_NEAR(s.score[1][0], 1.0, 1e-12);
  EXPECT_EQ(s.dominant, (std::vector<int>{0, -1, 1, -1}));
}

TEST(SectorScores, TownsWithoutEmploymentAndBadValues) {
  const SectorScores s = sector_scores({{10, 0, 5}, {10, 0, 15}}, FunctionMethod::LocationQuotient, 1, 1.2);
  EXPECT_EQ(s.towns_without_total, 1u);
  EXPECT_TRUE(std::isnan(s.score[1][0]));
  EXPECT_EQ(s.dominant[1], -1);
  try {
    sector_scores({{10, -1, 5}}, FunctionMethod::Nelson, 1, 1.5);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.item(), 1);
  }
  EXPECT_THROW(sector_scores({{0, 0}}, FunctionMethod::Nelson, 1, 1.5), InputError);
  EXPECT_THROW(sector_scores({}, FunctionMethod::Nelson, 1, 1.5), InputError);
}

TEST(TownTypes, ParseIdsLabelsAndChinese) {
  EXPECT_EQ(parse_town_type("industrial"), TownType::Industrial);
  EXPECT_EQ(parse_town_type("Eco-tourism"), TownType::EcoTourism);
  EXPECT_EQ(parse_town_type(" historic cultural "), TownType::HistoricCultural);
  EXPECT_EQ(parse_town_type("商贸流通型"), TownType::TradeLogistics);
  EXPECT_STREQ(town_type_info(TownType::ModernAgriculture).zh, "现代农业型");
  EXPECT_THROW(parse_town_type("mining"), InputError);
}

TEST(TransportHubs, JunctionCrossingAndLineCount) {
  const Geodesic& g = Geodesic::wgs84();
  const Point node{126.0, 44.0};
  // Three rail lines ending at one node (a junction).
  const std::vector<Line> lines{
      {{node, g.destination(node, 0, 40000)}},
      {{node, g.destination(node, 120, 40000)}},
      {{g.destination(node, 240, 40000), g.destination(node, 240, 300)}},  // ends 300 m off: snapped
      // A highway crossing a rail line 100 km east.
      {{{127.2, 43.8}, {127.2, 44.2}}},
      {{{127.0, 44.0}, {127.4, 44.0}}},
  };
  const std::vector<std::string> cls{"rail", "rail", "rail", "rail", "highway"};
  const std::vector<Point> towns{g.destination(node, 45, 5000),   // 5 km from the junction
                                 {127.21, 44.02},                 // near the crossing
                                 {129.0, 44.0}};                   // nowhere near
  const HubResult hubs = find_transport_hubs(towns, lines, cls, HubRules{});
  ASSERT_EQ(hubs.junctions.size(), 1u);
  EXPECT_LT(g.distance_m(hubs.junctions[0], node), 1.0);
  ASSERT_EQ(hubs.crossings.size(), 1u);
  EXPECT_NEAR(hubs.crossings[0].x, 127.2, 1e-9);
  EXPECT_EQ(hubs.is_hub, (std::vector<char>{1, 1, 0}));
  EXPECT_EQ(hubs.reason[0], "junction;lines");  // the three lines pass within 10 km too
  EXPECT_EQ(hubs.reason[1], "crossing");
  EXPECT_EQ(hubs.lines_near[1], 2);
  HubRules strict;
  strict.snap_m = 100;  // the third line's end no longer meets the node
  EXPECT_TRUE(find_transport_hubs(towns, lines, cls, strict).junctions.empty());
}
