// Topology for real line data (railways, highways, rivers): lines as drawn
// cross without a shared vertex and end a few metres short of, or past, the
// line they join. Routing needs them joined; node_lines() makes the joins by
// inserting shared vertices, so every line keeps its own attributes (class,
// speed, route name) and its index.
//
// Method, after GRASS v.clean break/snap and pgr_nodeNetwork:
//  1. Crossings (NodingMode::Crossings only): every pair of segments that
//     cross, or where a vertex of one lies on the other, gets the crossing
//     point inserted into both (one shared coordinate). Found through a
//     uniform grid over segment boxes, each pair tested once: O(n + k) for n
//     segments and k candidate pairs.
//  2. End merging: line ends within the tolerance of each other become one
//     point (the first end's coordinate; union–find, so chains of ends close
//     together join too).
//  3. End snapping: an end that joined nothing in 2 and lies within the
//     tolerance of another line moves onto it: onto its nearest vertex when
//     that is within the tolerance, else (Crossings only) onto the nearest
//     point of its nearest segment, which is inserted there (a T-junction).
// Intersections are computed on the lon/lat coordinates (crossing parameters
// are invariant under the local affine map to metres); tolerances are metres
// on the ground in the local equirectangular frame, which is exact to well
// under 1 % at tolerance scales.
//
// SharedVertices never joins two lines that merely cross (a bridge over a
// line, a tunnel under it); with a tolerance it still joins ends that stop
// short of a vertex of another line.
#pragma once

#include <cstddef>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/line_index.h"

namespace poleaxis {

enum class NodingMode { SharedVertices = 0, Crossings = 1 };

// What the lines themselves get wrong (a bad tolerance: item −1; a vertex
// that is not a lon/lat position: item = the line), apart from the other
// inputs of an algorithm that builds a network.
class LineError : public InputError {
 public:
  using InputError::InputError;
};

struct NodingOptions {
  NodingMode mode = NodingMode::Crossings;
  // Ends within this distance join (metres on the ground, > 0). Real rail and
  // road data are drawn at 1:1 M–1:250 k; joins missed by more than this are
  // treated as real gaps.
  double tolerance_m = 100.0;
};

struct NodingStats {
  size_t crossings = 0;         // crossing points inserted (each counted once)
  size_t vertex_touches = 0;    // vertices of one line lying on another, inserted there
  size_t ends_merged = 0;       // ends moved onto another end within the tolerance
  size_t ends_snapped = 0;      // dangling ends moved onto another line
  size_t components_before = 0; // line parts joined only at exactly shared vertices
};

struct NodedLines {
  std::vector<Line> lines;  // same lines, parts and order as the input, with the joins
  NodingStats stats;
};

// Throws LineError for a tolerance that is not > 0 or is not finite, and
// for a non-finite coordinate (item = the line).
NodedLines node_lines(const std::vector<Line>& lines, const NodingOptions& options, Feedback* feedback = nullptr);

// Connected pieces of lines that meet at exactly equal vertices: the
// component of every part (lines[l][p] → component[offset[l] + p]) and their
// count. The ids are dense, in order of first appearance.
struct PartComponents {
  std::vector<size_t> offset;     // first part index of each line
  std::vector<size_t> component;  // per part
  size_t count = 0;
};
PartComponents part_components(const std::vector<Line>& lines);

}  // namespace poleaxis
