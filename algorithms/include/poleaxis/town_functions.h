// What each town is for: functional types from sector structure (Nelson or
// location quotient) and transport hubs from the line network.
#pragma once

#include <string>
#include <vector>

#include "poleaxis/line_index.h"

namespace poleaxis {

// The six town types of the Jilin guidance, plus "general".
enum class TownType { Industrial, EcoTourism, HistoricCultural, TradeLogistics, ModernAgriculture, TransportHub, General };

struct TownTypeInfo {
  TownType type;
  const char* id;     // e.g. "industrial"
  const char* label;  // e.g. "Industrial"
  const char* zh;     // e.g. "工业主导型"
};
const std::vector<TownTypeInfo>& town_types();
const TownTypeInfo& town_type_info(TownType type);
// Accepts ids, English labels and Chinese names, case-insensitively, with
// '-', ' ' or '_' between words ("eco-tourism", "Eco tourism", "生态旅游型").
// Throws InputError listing the accepted names.
TownType parse_town_type(const std::string& name);

enum class FunctionMethod { Nelson, LocationQuotient };

struct SectorScores {
  // [town][sector]. Nelson: (x − mean)/sd of the sector's share x (%) of
  // the town's total; LQ: (E_is/E_i)/(E_s/E). NaN for a town whose total is 0.
  std::vector<std::vector<double>> score;
  std::vector<std::vector<char>> qualifies;  // Nelson: x > mean + k·sd; LQ: LQ > lq_min
  std::vector<int> dominant;                 // qualifying sector with the highest score; −1 none
  std::vector<double> mean_share, sd_share;  // Nelson, per sector (%), over towns with a total
  size_t towns_without_total = 0;
};

// sectors[s][town] >= 0. Ties for dominant go to the lower sector index.
// Throws InputError for no sector, a negative or non-finite value (naming the
// town), or no town with a total above 0.
SectorScores sector_scores(const std::vector<std::vector<double>>& sectors, FunctionMethod method,
                           double nelson_k, double lq_min);

struct HubRules {
  double distance_m = 10000;  // a town within this of a junction, a crossing or min_lines lines
  double snap_m = 500;        // line ends closer than this meet at one node
  int min_line_ends = 3;      // a junction is a node where at least this many line ends meet
  int min_lines = 3;          // or this many distinct lines pass within distance_m
};

struct HubResult {
  std::vector<char> is_hub;     // per town
  std::vector<int> lines_near;  // distinct lines within distance_m, per town
  std::vector<Point> junctions;  // nodes with >= min_line_ends line ends
  std::vector<Point> crossings;  // where lines of different classes cross
  std::vector<std::string> reason;  // per town: "junction", "crossing", "lines" joined by ';'
};

// line_class may be empty (no crossings test) or one class per line.
HubResult find_transport_hubs(const std::vector<Point>& towns, const std::vector<Line>& lines,
                              const std::vector<std::string>& line_class, const HubRules& rules);

}  // namespace poleaxis
