// Corridors (town belts, 城镇带) along railways and highways: buffers of
// the lines in a projected working CRS (metres), dissolved and banded.
#pragma once

#include <string>
#include <vector>

#include "poleaxis/feedback.h"
#include "poleaxis/geo_types.h"
#include "poleaxis/line_index.h"

namespace poleaxis {

enum class CorridorDissolve { None, ByGroup, All };

struct CorridorRequest {
  std::vector<Line> lines;          // planar, metres (the working CRS)
  std::vector<double> width_m;      // buffer distance per line (each side)
  std::vector<std::string> group;   // per line: class or name, for ByGroup
  std::vector<double> bands_m;      // ascending band distances; empty: widths
  bool rings = true;                // bands as rings (d_{b-1}, d_b] or as discs [0, d_b]
  CorridorDissolve dissolve = CorridorDissolve::All;
  int quad_segments = 8;            // segments per quarter circle
  bool flat_cap = false;
  // Lines are simplified (Douglas-Peucker) by this share of their buffer
  // distance before buffering, moving the corridor edge by at most that:
  // 1 % changed the national rail corridor's area by 0.006 % and saved 11 %
  // of the time.
  double simplify_share = 0.01;
};

struct CorridorPiece {
  MultiPolygon shape;  // planar, working CRS
  std::string group;   // ByGroup: the key
  long line = -1;      // None: the line index
  int band = -1;       // index into bands_m, or −1 without bands
};

// Throws InputError for a width or band <= 0 (item = line), bands not
// increasing, or no lines; Canceled when asked. The union of each group is a
// progress stage of its own.
std::vector<CorridorPiece> corridor_buffers(const CorridorRequest& request, Feedback* feedback = nullptr);

}  // namespace poleaxis
