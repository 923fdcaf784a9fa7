#pragma once

#include <QString>
#include <QStringList>
#include <vector>

#include "poleaxis/rank_size.h"
#include "poleaxis/town_hierarchy.h"

// The report a planner pastes into a plan: weights, levels, rank-size fit,
// primacy, Gini and a log-log rank-size chart; HTML for people, JSON for
// machines.
struct HierarchyReport {
  QString title;
  const poleaxis::HierarchyResult* hierarchy = nullptr;
  QStringList townNames;              // per scored town, aligned with the hierarchy
  const poleaxis::RankSize* rankSize = nullptr;  // null when no fit was possible
  QString rankSizeField;
  QString classification;             // method name for the text
  QStringList notes;                  // warnings to repeat in the report

  QString html() const;
  QByteArray json() const;
  // The log-log rank-size chart as SVG.
  QString chartSvg() const;
};
