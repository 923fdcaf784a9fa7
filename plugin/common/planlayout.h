#pragma once

#include <qgsrectangle.h>

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <memory>

class QgsCoordinateTransformContext;
class QgsMapLayer;
class QgsPrintLayout;
class QgsProject;
class QgsVectorLayer;

// A print layout for a town-system plan, from a QGIS layout template (.qpt):
// a built-in one in resources/layouts or the planner's own. The template's
// items are found by id and filled: "map" (required) gets the layers, framed
// on their extent in a local projected CRS; "legend" lists exactly those
// layers; "title", "subtitle", "footer_left" (author and date) and
// "footer_right" (source) labels get their text; "scalebar" is set to km;
// "north" and "inset" (a location map with the main map's frame) follow the
// map. Every item but "map" is optional. Presentation only.
struct PlanLayoutRequest {
  enum Page { A3Landscape, A4Landscape, A3Portrait, A4Portrait };
  QList<QPair<QString, QgsVectorLayer*>> layers;  // (legend name, styled layer), top first
  QString title, subtitle, author, date, source;
  Page page = A3Landscape;
  QString templatePath;               // a .qpt of the planner's; empty = the built-in one for `page`
  QgsVectorLayer* inset = nullptr;    // styled backdrop of the location inset; null = no inset
  // Every text on the page in one language: the legend's title, group names
  // and entries (the styles' "level 1", "grade 1"…) and the scale bar's unit.
  bool chinese = false;
  QgsRectangle frame;                 // WGS 84 lon/lat to frame the map on; empty = the layers' extent
};

// The legend text of a plan map in Chinese or English: role names and the
// styles' category labels ("level 2" → 二级城镇, "grade 1" → 一级发展轴…).
// Text it does not know is returned as it is.
QString planLegendText(const QString& english, bool chinese);

// The LANGUAGE parameter's choices (auto, 中文, English) and what they mean
// for a page: auto follows the title's script, else the QGIS locale.
QStringList planLanguageOptions();
bool planInChinese(int languageChoice, const QString& title);

// An atlas page's title from the region's `name` and the run's TITLE: the
// name at %1 in it, else before it ("贵州省城镇体系规划图", "Guizhou — Town
// system plan"), or the name alone without a title.
QString planPageTitle(const QString& title, const QString& name, bool chinese);

// The CJK-capable font plans are set in, and whether it is installed.
QString planFontFamily(bool* installed = nullptr);

// The layers' combined extent in WGS 84 lon/lat (layers that cannot be
// transformed are left out).
QgsRectangle lonLatExtent(const QList<QgsMapLayer*>& layers, const QgsCoordinateTransformContext& context);

// Resource path of a built-in template.
QString planTemplatePath(PlanLayoutRequest::Page page);

// Throws std::runtime_error (with a message for the user) when the template
// cannot be read or has no map item with id "map". `notes` gets what the
// page's layout decided (where the inset went).
std::unique_ptr<QgsPrintLayout> buildPlanLayout(const PlanLayoutRequest& request, QgsProject* project, QStringList* notes = nullptr);

// The two halves of buildPlanLayout: a template's layout, and one page's
// content. fillPlanPage can be called again on the same layout for the next
// page of an atlas.
std::unique_ptr<QgsPrintLayout> loadPlanTemplate(const QString& templatePath, PlanLayoutRequest::Page page, QgsProject* project);
void fillPlanPage(QgsPrintLayout* layout, const PlanLayoutRequest& request, QStringList* notes = nullptr);
