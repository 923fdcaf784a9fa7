// Noding of real-world lines: hand-worked crossings, T-junctions, gaps and
// bridges, and random line sets against GEOS's own noder (GEOSNode_r).
#include <geos_c.h>
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "poleaxis/line_noding.h"
#include "poleaxis/network.h"

using namespace poleaxis;

namespace {
// About 111 m per 0.001° of latitude; at 44°N 0.001° of longitude is about 80 m.
constexpr double kMetresPerDegreeLat = 111195.0;

NodingOptions options(NodingMode mode, double tolerance_m) {
  NodingOptions o;
  o.mode = mode;
  o.tolerance_m = tolerance_m;
  return o;
}

size_t vertex_count(const std::vector<Line>& lines) {
  size_t n = 0;
  for (const Line& l : lines)
    for (const Polyline& p : l) n += p.size();
  return n;
}
}  // namespace

TEST(LineNoding, CrossingWithoutSharedVertexIsNodedOnlyWithCrossings) {
  // A plus sign: two lines crossing at (126.5, 44.0) with no vertex there.
  const std::vector<Line> plus{{{{126.0, 44.0}, {127.0, 44.0}}}, {{{126.5, 43.5}, {126.5, 44.5}}}};
  const NodedLines noded = node_lines(plus, options(NodingMode::Crossings, 1));
  EXPECT_EQ(noded.stats.crossings, 1u);
  EXPECT_EQ(noded.stats.components_before, 2u);
  EXPECT_EQ(part_components(noded.lines).count, 1u);
  ASSERT_EQ(noded.lines[0][0].size(), 3u);
  EXPECT_NEAR(noded.lines[0][0][1].x, 126.5, 1e-12);
  EXPECT_NEAR(noded.lines[0][0][1].y, 44.0, 1e-12);
  // The shared vertex is one coordinate in both lines.
  EXPECT_EQ(noded.lines[0][0][1].x, noded.lines[1][0][1].x);
  EXPECT_EQ(noded.lines[0][0][1].y, noded.lines[1][0][1].y);

  // A bridge: shared vertices only keeps the lines apart, whatever the tolerance.
  const NodedLines bridge = node_lines(plus, options(NodingMode::SharedVertices, 500));
  EXPECT_EQ(part_components(bridge.lines).count, 2u);
  EXPECT_EQ(vertex_count(bridge.lines), 4u);
}

TEST(LineNoding, UndershootJoinsWithinTheToleranceOnly) {
  // A T whose stem stops 50 m short of the bar.
  const double gap = 50.0 / kMetresPerDegreeLat;
  const std::vector<Line> tee{{{{126.0, 44.0}, {127.0, 44.0}}}, {{{126.5, 43.5}, {126.5, 44.0 - gap}}}};
  const NodedLines joined = node_lines(tee, options(NodingMode::Crossings, 100));
  EXPECT_EQ(joined.stats.ends_snapped, 1u);
  EXPECT_EQ(part_components(joined.lines).count, 1u);
  EXPECT_NEAR(joined.lines[1][0].back().y, 44.0, 1e-12);  // moved onto the bar
  EXPECT_EQ(joined.lines[0][0].size(), 3u);               // the bar got the junction vertex
  const NodedLines apart = node_lines(tee, options(NodingMode::Crossings, 40));
  EXPECT_EQ(apart.stats.ends_snapped, 0u);
  EXPECT_EQ(part_components(apart.lines).count, 2u);
  // With shared vertices only, the stem joins no interior point of the bar.
  EXPECT_EQ(part_components(node_lines(tee, options(NodingMode::SharedVertices, 100)).lines).count, 2u);
}

TEST(LineNoding, OvershootIsNodedAtTheCrossing) {
  // The stem runs 30 m past the bar: a crossing, and a short dangle.
  const double over = 30.0 / kMetresPerDegreeLat;
  const std::vector<Line> tee{{{{126.0, 44.0}, {127.0, 44.0}}}, {{{126.5, 43.5}, {126.5, 44.0 + over}}}};
  const NodedLines noded = node_lines(tee, options(NodingMode::Crossings, 10));
  EXPECT_EQ(noded.stats.crossings, 1u);
  EXPECT_EQ(part_components(noded.lines).count, 1u);
}

TEST(LineNoding, EndsCloseTogetherMergeAndVertexSnapsWork) {
  // Two lines end to end with a 30 m gap, and a third whose end is 60 m
  // from an interior vertex of the first.
  const double gap = 30.0 / kMetresPerDegreeLat, near = 60.0 / kMetresPerDegreeLat;
  const std::vector<Line> lines{{{{126.0, 44.0}, {126.3, 44.0}, {126.6, 44.0}}},
                                {{{126.6, 44.0 + gap}, {126.9, 44.2}}},
                                {{{126.3, 44.0 - near}, {126.3, 43.5}}}};
  const NodedLines noded = node_lines(lines, options(NodingMode::SharedVertices, 100));
  EXPECT_EQ(noded.stats.ends_merged, 1u);
  EXPECT_EQ(noded.stats.ends_snapped, 1u);
  EXPECT_EQ(part_components(noded.lines).count, 1u);
  EXPECT_EQ(noded.lines[1][0].front().y, 44.0);  // moved to the first end, the group's first
  EXPECT_EQ(noded.lines[2][0].front().x, 126.3);
  EXPECT_EQ(noded.lines[2][0].front().y, 44.0);
}

TEST(LineNoding, VertexOnAnotherLineIsInserted) {
  // Line 2 passes exactly through a vertex-free point of line 1 with a vertex of its own there.
  const std::vector<Line> lines{{{{126.0, 44.0}, {127.0, 44.0}}}, {{{126.25, 43.5}, {126.25, 44.0}, {126.75, 44.5}}}};
  const NodedLines noded = node_lines(lines, options(NodingMode::Crossings, 1));
  EXPECT_EQ(noded.stats.crossings, 0u);
  EXPECT_EQ(noded.stats.vertex_touches, 1u);
  EXPECT_EQ(part_components(noded.lines).count, 1u);
  EXPECT_EQ(noded.lines[0][0].size(), 3u);
}

TEST(LineNoding, BadInputIsRefusedByName) {
  const std::vector<Line> one{{{{126.0, 44.0}, {127.0, 44.0}}}};
  EXPECT_THROW(node_lines(one, options(NodingMode::Crossings, 0)), InputError);
  EXPECT_THROW(node_lines(one, options(NodingMode::Crossings, -5)), InputError);
  EXPECT_THROW(node_lines(one, options(NodingMode::Crossings, NAN)), InputError);
  const std::vector<Line> nan{{{{126.0, 44.0}, {127.0, 44.0}}}, {{{126.0, NAN}, {127.0, 45.0}}}};
  try {
    node_lines(nan, options(NodingMode::Crossings, 10));
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.item(), 1);
  }
  // One isolated line, and lines that never cross: nothing to join, no failure.
  EXPECT_EQ(node_lines(one, options(NodingMode::Crossings, 10)).stats.crossings, 0u);
  const std::vector<Line> parallel{{{{126.0, 44.0}, {127.0, 44.0}}}, {{{126.0, 45.0}, {127.0, 45.0}}}};
  EXPECT_EQ(part_components(node_lines(parallel, options(NodingMode::Crossings, 10)).lines).count, 2u);
}

namespace {
// GEOS's noder on the same lines: the segment count and the components of its output.
struct GeosNoded {
  size_t segments = 0;
  size_t components = 0;
};
GeosNoded geos_node(const std::vector<Line>& lines) {
  GEOSContextHandle_t h = GEOS_init_r();
  std::vector<GEOSGeometry*> parts;
  for (const Line& l : lines)
    for (const Polyline& p : l) {
      GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, unsigned(p.size()), 2);
      for (size_t i = 0; i < p.size(); ++i) GEOSCoordSeq_setXY_r(h, seq, unsigned(i), p[i].x, p[i].y);
      parts.push_back(GEOSGeom_createLineString_r(h, seq));
    }
  GEOSGeometry* multi = GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, parts.data(), unsigned(parts.size()));
  GEOSGeometry* noded = GEOSNode_r(h, multi);
  std::vector<Line> out;
  for (int i = 0; i < GEOSGetNumGeometries_r(h, noded); ++i) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, GEOSGetGeometryN_r(h, noded, i));
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    Polyline p;
    for (unsigned k = 0; k < n; ++k) {
      double x, y;
      GEOSCoordSeq_getXY_r(h, seq, k, &x, &y);
      p.push_back({x, y});
    }
    out.push_back({p});
  }
  GeosNoded result;
  for (const Line& l : out) result.segments += l[0].size() - 1;
  result.components = part_components(out).count;
  GEOSGeom_destroy_r(h, multi);
  GEOSGeom_destroy_r(h, noded);
  GEOS_finish_r(h);
  return result;
}
}  // namespace

TEST(LineNoding, RandomLinesMatchGeosNoder) {
  std::mt19937 rng(17);
  std::uniform_real_distribution<double> lon(104, 110), lat(24, 29);
  for (int trial = 0; trial < 5; ++trial) {
    std::vector<Line> lines;
    for (int k = 0; k < 80; ++k) {
      Polyline p;
      const int vertices = 2 + int(rng() % 4);
      for (int v = 0; v < vertices; ++v) p.push_back({lon(rng), lat(rng)});
      lines.push_back({p});
    }
    // A tolerance far below the spacing of random vertices: noding alone.
    const NodedLines ours = node_lines(lines, options(NodingMode::Crossings, 0.001));
    EXPECT_EQ(ours.stats.ends_merged + ours.stats.ends_snapped, 0u);
    size_t segments = 0;
    for (const Line& l : ours.lines) segments += l[0].size() - 1;
    const GeosNoded reference = geos_node(lines);
    EXPECT_EQ(segments, reference.segments) << "trial " << trial;
    EXPECT_EQ(part_components(ours.lines).count, reference.components) << "trial " << trial;
    EXPECT_GT(ours.stats.crossings, 100u);
  }
}

TEST(Network, CentreOnASmallPieceSnapsToTheLargestComponent) {
  // A long main line and a short separate stub; the centre is nearest the stub.
  const std::vector<Line> lines{{{{126.0, 44.0}, {127.0, 44.0}}}, {{{126.5, 44.02}, {126.52, 44.02}}}};
  const std::vector<Point> centres{{126.51, 44.019}, {126.2, 44.001}};
  NetworkOptions o;
  o.snap_m = 5000;
  const Network net(lines, {NAN, NAN}, centres, o);
  ASSERT_EQ(net.components().size(), 2u);
  EXPECT_EQ(net.moved_to_largest(), std::vector<size_t>{0});
  EXPECT_EQ(net.component_of(size_t(net.snapped()[0])), 0u);
  EXPECT_EQ(net.component_of(size_t(net.snapped()[1])), 0u);
  EXPECT_EQ(net.components()[0].centres, 2u);
  EXPECT_GT(net.largest_share(), 95.0);
  // Without the preference the centre stays on its stub.
  o.prefer_largest = false;
  const Network stub(lines, {NAN, NAN}, centres, o);
  EXPECT_TRUE(stub.moved_to_largest().empty());
  EXPECT_EQ(stub.component_of(size_t(stub.snapped()[0])), 1u);
}
