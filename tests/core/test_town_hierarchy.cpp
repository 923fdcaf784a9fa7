// Ranks, levels and poles.
#include <gtest/gtest.h>

#include "poleaxis/feedback.h"
#include "poleaxis/town_hierarchy.h"

using namespace poleaxis;

namespace {
HierarchyRequest populations(std::vector<double> p) {
  HierarchyRequest r;
  r.indicators = {{"pop", std::move(p), false}};
  return r;
}
}  // namespace

TEST(TownHierarchy, RanksLevelsAndTopLevelPoles) {
  HierarchyRequest r = populations({100, 5000, 80, 4800, 120, 900, 1000, 95});
  r.levels = 3;
  const HierarchyResult h = town_hierarchy(r);
  EXPECT_EQ(h.rank, (std::vector<int>{6, 1, 8, 2, 5, 4, 3, 7}));
  EXPECT_EQ(h.level, (std::vector<int>{3, 1, 3, 1, 3, 2, 2, 3}));
  EXPECT_EQ(h.is_pole, (std::vector<char>{0, 1, 0, 1, 0, 0, 0, 0}));
  EXPECT_EQ(h.level_counts, (std::vector<size_t>{2, 2, 4}));
  EXPECT_GT(h.gvf, 0.99);
}

TEST(TownHierarchy, TiesKeepInputOrder) {
  const HierarchyResult h = town_hierarchy(populations({7, 9, 7, 9, 1}));
  EXPECT_EQ(h.rank, (std::vector<int>{3, 1, 4, 2, 5}));
}

TEST(TownHierarchy, PoleRulesAndForcedPoles) {
  HierarchyRequest r = populations({100, 5000, 80, 4800, 120, 900, 1000, 95});
  r.levels = 3;
  r.pole_rule = PoleRule::TopN;
  r.top_n = 3;
  r.forced_pole = {0, 0, 1, 0, 0, 0, 0, 0};  // a county seat with few people
  EXPECT_EQ(town_hierarchy(r).is_pole, (std::vector<char>{0, 1, 1, 1, 0, 0, 1, 0}));
  r.pole_rule = PoleRule::ScoreThreshold;
  r.score_min = 0.5;
  r.forced_pole.clear();
  EXPECT_EQ(town_hierarchy(r).is_pole, (std::vector<char>{0, 1, 0, 1, 0, 0, 0, 0}));
}

TEST(TownHierarchy, FewerTownsThanLevelsIsRefused) {
  HierarchyRequest r = populations({1, 2, 3});
  r.levels = 4;
  EXPECT_THROW(town_hierarchy(r), InputError);
}

TEST(TownHierarchy, GivenLevelsRankWithinLevelByScore) {
  // Hand-worked: levels from the administrative kind, one indicator ranks within a level.
  HierarchyRequest r;
  r.given_levels = {2, 1, 2, 3, 2};
  r.indicators = {{"pop", {10, 5, 30, 99, 20}, false}};
  r.pole_rule = PoleRule::Level;
  r.pole_level = 2;
  const HierarchyResult out = town_hierarchy(r);
  EXPECT_EQ(out.level, r.given_levels);
  EXPECT_EQ(out.levels, 3);
  EXPECT_EQ(out.level_counts, (std::vector<size_t>{1, 3, 1}));
  // Level 1 first whatever its score; then level 2 by score 30 > 20 > 10; level 3 last although it scores highest.
  EXPECT_EQ(out.rank, (std::vector<int>{4, 1, 2, 5, 3}));
  EXPECT_EQ(out.is_pole, (std::vector<char>{1, 0, 1, 0, 1}));
  // Without indicators: by level, then input order.
  r.indicators.clear();
  const HierarchyResult bare = town_hierarchy(r);
  EXPECT_EQ(bare.rank, (std::vector<int>{2, 1, 3, 5, 4}));
  r.pole_rule = PoleRule::TopN;
  r.top_n = 2;
  EXPECT_EQ(town_hierarchy(r).is_pole, (std::vector<char>{1, 1, 0, 0, 0}));
  r.given_levels[3] = 0;
  try {
    town_hierarchy(r);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.item(), 3);
  }
}
