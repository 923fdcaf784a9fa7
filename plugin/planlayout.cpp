#include "planlayout.h"

#include <qgscategorizedsymbolrenderer.h>
#include <qgslayertree.h>
#include <qgsmaplayerlegend.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayoutpagecollection.h>
#include <qgslayoutitemlegend.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QFontDatabase>
#include <cmath>

#include "conversion.h"

namespace {

QFont font(double points, bool bold = false) {
  QFont f(planFontFamily());
  f.setPointSizeF(points);
  f.setBold(bold);
  return f;
}

QgsLayoutItemLabel* addLabel(QgsPrintLayout* layout, const QString& text, const QFont& f, double x, double y, double w, double h,
                             Qt::AlignmentFlag align = Qt::AlignLeft) {
  auto* label = new QgsLayoutItemLabel(layout);
  label->setText(text);
  label->setFont(f);
  label->setHAlign(align);
  label->setVAlign(Qt::AlignVCenter);
  layout->addLayoutItem(label);
  label->attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes::LayoutMillimeters));
  label->attemptResize(QgsLayoutSize(w, h, QgsUnitTypes::LayoutMillimeters));
  return label;
}

}  // namespace

QString planFontFamily(bool* installed) {
  const QString family = QStringLiteral("Noto Sans CJK SC");
  const bool found = QFontDatabase().families().contains(family);
  if (installed) *installed = found;
  return found ? family : QFont().family();
}

std::unique_ptr<QgsPrintLayout> buildPlanLayout(const PlanLayoutRequest& r, QgsProject* project) {
  auto layout = std::make_unique<QgsPrintLayout>(project);
  layout->initializeDefaults();
  layout->setName(r.title.isEmpty() ? QStringLiteral("Plan") : r.title);
  const bool landscape = r.page == PlanLayoutRequest::A3Landscape || r.page == PlanLayoutRequest::A4Landscape;
  const bool a3 = r.page == PlanLayoutRequest::A3Landscape || r.page == PlanLayoutRequest::A3Portrait;
  const double w = a3 ? (landscape ? 420 : 297) : (landscape ? 297 : 210);
  const double h = a3 ? (landscape ? 297 : 420) : (landscape ? 210 : 297);
  const double scale = a3 ? 1.0 : 0.75;  // type sizes for A4
  layout->pageCollection()->page(0)->setPageSize(QgsLayoutSize(w, h, QgsUnitTypes::LayoutMillimeters));

  const double margin = 10 * scale;
  const double titleH = 14 * scale, subtitleH = r.subtitle.isEmpty() ? 0 : 8 * scale, footerH = 8 * scale;
  addLabel(layout.get(), r.title, font(20 * scale, true), margin, margin, w - 2 * margin, titleH);
  if (!r.subtitle.isEmpty()) addLabel(layout.get(), r.subtitle, font(12 * scale), margin, margin + titleH, w - 2 * margin, subtitleH);
  const double top = margin + titleH + subtitleH + 3 * scale;
  const double bottom = h - margin - footerH - 2 * scale;
  // The legend sits right of the map on landscape pages, below it on portrait ones.
  const double legendW = landscape ? 72 * scale : w - 2 * margin;
  const double legendH = landscape ? bottom - top : 70 * scale;
  const double mapX = margin, mapY = top;
  const double mapW = landscape ? w - 2 * margin - legendW - 5 * scale : w - 2 * margin;
  const double mapH = landscape ? bottom - top : bottom - top - legendH - 5 * scale;

  // Map: the layers in a local projected CRS, framed on their extent.
  QList<QgsMapLayer*> layers;
  QgsRectangle lonlat;
  lonlat.setMinimal();  // a default QgsRectangle is (0,0,0,0) in 3.22, not empty
  for (const auto& entry : r.layers) {
    layers << entry.second;
    QgsCoordinateTransform ct(entry.second->crs(), conversion::wgs84(), project->transformContext());
    try {
      lonlat.combineExtentWith(ct.transformBoundingBox(entry.second->extent()));
    } catch (const QgsCsException&) {
    }
  }
  const QgsCoordinateReferenceSystem mapCrs = conversion::localProjectedCrs(lonlat);
  auto* map = new QgsLayoutItemMap(layout.get());
  map->setLayers(layers);
  map->setKeepLayerSet(true);
  map->setCrs(mapCrs);
  map->setFrameEnabled(true);
  layout->addLayoutItem(map);
  map->attemptMove(QgsLayoutPoint(mapX, mapY, QgsUnitTypes::LayoutMillimeters));
  map->attemptResize(QgsLayoutSize(mapW, mapH, QgsUnitTypes::LayoutMillimeters));
  QgsRectangle extent = QgsCoordinateTransform(conversion::wgs84(), mapCrs, project->transformContext()).transformBoundingBox(lonlat);
  extent.scale(1.05);
  // Widen the short side to the frame's aspect ratio, then set it (3.22's
  // zoomToExtent leaves an empty extent on a fresh map item).
  const QgsPointXY centre = extent.center();
  double halfW = extent.width() / 2, halfH = extent.height() / 2;
  if (halfW / halfH < mapW / mapH)
    halfW = halfH * mapW / mapH;
  else
    halfH = halfW * mapH / mapW;
  extent = QgsRectangle(centre.x() - halfW, centre.y() - halfH, centre.x() + halfW, centre.y() + halfH);
  map->setExtent(extent);

  // Legend of exactly the given layers.
  auto* legend = new QgsLayoutItemLegend(layout.get());
  legend->setAutoUpdateModel(false);
  QgsLayerTree* root = legend->model()->rootGroup();
  root->removeAllChildren();
  for (const auto& entry : r.layers) {
    QgsLayerTreeLayer* node = root->addLayer(entry.second);
    node->setName(entry.first);
    // Groups and areas are coloured only so that neighbours differ: one swatch says so.
    const auto* categories = dynamic_cast<const QgsCategorizedSymbolRenderer*>(entry.second->renderer());
    if (categories && categories->classAttribute() == QLatin1String("colour")) {
      QgsMapLayerLegendUtils::setLegendNodeOrder(node, QList<int>() << 0);
      QgsMapLayerLegendUtils::setLegendNodeUserLabel(node, 0, QObject::tr("one colour each, neighbours differ"));
      legend->model()->refreshLayerLegend(node);
    }
  }
  legend->setTitle(QObject::tr("Legend"));
  legend->setLinkedMap(map);
  legend->setLegendFilterByMapEnabled(true);  // only the classes the map shows
  legend->setStyleFont(QgsLegendStyle::Title, font(12 * scale, true));
  legend->setStyleFont(QgsLegendStyle::Group, font(10 * scale, true));
  legend->setStyleFont(QgsLegendStyle::Subgroup, font(10 * scale, true));
  legend->setStyleFont(QgsLegendStyle::SymbolLabel, font(9 * scale));
  legend->setFrameEnabled(true);
  layout->addLayoutItem(legend);
  legend->attemptMove(QgsLayoutPoint(landscape ? mapX + mapW + 5 * scale : margin, landscape ? top : mapY + mapH + 5 * scale,
                                     QgsUnitTypes::LayoutMillimeters));
  legend->setResizeToContents(false);
  legend->attemptResize(QgsLayoutSize(legendW, legendH, QgsUnitTypes::LayoutMillimeters));
  legend->setColumnCount(landscape ? 1 : 3);

  // Scale bar in km and a north arrow, on the map's lower left and upper right.
  auto* bar = new QgsLayoutItemScaleBar(layout.get());
  bar->setStyle(QStringLiteral("Single Box"));
  bar->setLinkedMap(map);
  bar->applyDefaultSize(QgsUnitTypes::DistanceKilometers);
  bar->setUnits(QgsUnitTypes::DistanceKilometers);
  bar->setUnitLabel(QStringLiteral("km"));
  bar->setNumberOfSegments(4);
  bar->setNumberOfSegmentsLeft(0);
  QgsTextFormat barText;
  barText.setFont(font(8 * scale));
  barText.setSize(8 * scale);
  bar->setTextFormat(barText);
  bar->setBackgroundEnabled(true);
  layout->addLayoutItem(bar);
  bar->attemptMove(QgsLayoutPoint(mapX + 4 * scale, mapY + mapH - 16 * scale, QgsUnitTypes::LayoutMillimeters));
  auto* north = new QgsLayoutItemPicture(layout.get());
  north->setPicturePath(QStringLiteral(":/poleaxis/icons/northarrow.svg"), QgsLayoutItemPicture::FormatSVG);
  layout->addLayoutItem(north);
  north->attemptResize(QgsLayoutSize(12 * scale, 18 * scale, QgsUnitTypes::LayoutMillimeters));
  north->attemptMove(QgsLayoutPoint(mapX + mapW - 16 * scale, mapY + 4 * scale, QgsUnitTypes::LayoutMillimeters));

  // Footer: who, when, from what.
  QStringList footer;
  if (!r.author.isEmpty()) footer << r.author;
  if (!r.date.isEmpty()) footer << r.date;
  const QString left = footer.join(QStringLiteral("    "));
  addLabel(layout.get(), left, font(9 * scale), margin, h - margin - footerH, (w - 2 * margin) / 2, footerH);
  addLabel(layout.get(), r.source, font(8 * scale), margin + (w - 2 * margin) / 2, h - margin - footerH, (w - 2 * margin) / 2, footerH,
           Qt::AlignRight);
  return layout;
}
