#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <memory>

class QgsPrintLayout;
class QgsProject;
class QgsVectorLayer;

// A print layout for a town-system plan: the map of the given layers, title,
// legend of exactly those layers, scale bar in km, north arrow, and a footer
// with author, date and source. Presentation only.
struct PlanLayoutRequest {
  enum Page { A3Landscape, A4Landscape, A3Portrait, A4Portrait };
  QList<QPair<QString, QgsVectorLayer*>> layers;  // (legend name, styled layer), top first
  QString title, subtitle, author, date, source;
  Page page = A3Landscape;
};

// The CJK-capable font plans are set in, and whether it is installed.
QString planFontFamily(bool* installed = nullptr);

std::unique_ptr<QgsPrintLayout> buildPlanLayout(const PlanLayoutRequest& request, QgsProject* project);
