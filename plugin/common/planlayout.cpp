#include "planlayout.h"
#include "qgiscompat.h"

#include <qgscategorizedsymbolrenderer.h>
#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgslayertree.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitemmapoverview.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemscalebar.h>
#include <qgsmaplayerlegend.h>
#include <qgslayertreemodellegendnode.h>

#include <QMap>
#include <QRegularExpression>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsreadwritecontext.h>
#include <qgsvectorlayer.h>

#include <QDomDocument>
#include <QFile>
#include <QFontDatabase>
#include <stdexcept>

#include "conversion.h"
#include "resourcepath.h"

namespace {
template <class Item>
Item* item(QgsPrintLayout* layout, const QString& id) {
  return qobject_cast<Item*>(layout->itemById(id));
}

void setText(QgsPrintLayout* layout, const QString& id, const QString& text) {
  if (auto* label = item<QgsLayoutItemLabel>(layout, id)) label->setText(text);
}

// Sets a map item to show `lonlat` (grown by `margin`) in `crs`, widened on
// its short side to the item's aspect ratio (3.22's zoomToExtent leaves an
// empty extent on a fresh map item).
void frame(QgsLayoutItemMap* map, const QgsRectangle& lonlat, const QgsCoordinateReferenceSystem& crs, double margin,
           const QgsCoordinateTransformContext& context) {
  map->setCrs(crs);
  QgsRectangle extent = QgsCoordinateTransform(conversion::wgs84(), crs, context).transformBoundingBox(lonlat);
  extent.scale(margin);
  const double aspect = map->rect().width() / map->rect().height();
  const QgsPointXY centre = extent.center();
  double halfW = extent.width() / 2, halfH = extent.height() / 2;
  if (halfW / halfH < aspect)
    halfW = halfH * aspect;
  else
    halfH = halfW / aspect;
  map->setExtent(QgsRectangle(centre.x() - halfW, centre.y() - halfH, centre.x() + halfW, centre.y() + halfH));
}
}  // namespace

QString planFontFamily(bool* installed) {
  const QString family = QStringLiteral("Noto Sans CJK SC");
  const bool found = QFontDatabase().families().contains(family);
  if (installed) *installed = found;
  return found ? family : QFont().family();
}

QgsRectangle lonLatExtent(const QList<QgsMapLayer*>& layers, const QgsCoordinateTransformContext& context) {
  QgsRectangle lonlat = compat::emptyRectangle();  // a default QgsRectangle is (0,0,0,0) in 3.22, not empty
  for (QgsMapLayer* layer : layers) {
    try {
      lonlat.combineExtentWith(QgsCoordinateTransform(layer->crs(), conversion::wgs84(), context).transformBoundingBox(layer->extent()));
    } catch (const QgsCsException&) {
    }
  }
  return lonlat;
}

QString planTemplatePath(PlanLayoutRequest::Page page) {
  static const char* names[] = {"plan_a3_landscape", "plan_a4_landscape", "plan_a3_portrait", "plan_a4_portrait"};
  return poleaxisResource(QStringLiteral("layouts/%1.qpt").arg(QLatin1String(names[page])));
}

std::unique_ptr<QgsPrintLayout> buildPlanLayout(const PlanLayoutRequest& r, QgsProject* project) {
  const QString path = r.templatePath.isEmpty() ? planTemplatePath(r.page) : r.templatePath;
  QFile file(path);
  QDomDocument document;
  QString xmlError;
  if (!file.open(QIODevice::ReadOnly) || !document.setContent(&file, &xmlError))
    throw std::runtime_error(QObject::tr("cannot read the layout template %1 %2").arg(path, xmlError).toStdString());
  auto layout = std::make_unique<QgsPrintLayout>(project);
  bool loaded = false;
  layout->loadFromTemplate(document, QgsReadWriteContext(), true, &loaded);
  QgsLayoutItemMap* map = item<QgsLayoutItemMap>(layout.get(), QStringLiteral("map"));
  if (!loaded || !map)
    throw std::runtime_error(QObject::tr("the layout template %1 has no map item with the id \"map\"").arg(path).toStdString());
  layout->setName(r.title.isEmpty() ? QStringLiteral("Plan") : r.title);

  setText(layout.get(), QStringLiteral("title"), r.title);
  setText(layout.get(), QStringLiteral("subtitle"), r.subtitle);
  QStringList who;
  if (!r.author.isEmpty()) who << r.author;
  if (!r.date.isEmpty()) who << r.date;
  setText(layout.get(), QStringLiteral("footer_left"), who.join(QStringLiteral("    ")));
  setText(layout.get(), QStringLiteral("footer_right"), r.source);

  // Map: the layers in a local projected CRS, framed on their extent.
  QList<QgsMapLayer*> layers;
  for (const auto& entry : r.layers) layers << entry.second;
  const QgsRectangle lonlat = lonLatExtent(layers, project->transformContext());
  map->setLayers(layers);
  map->setKeepLayerSet(true);
  frame(map, lonlat, conversion::localProjectedCrs(lonlat), 1.05, project->transformContext());

  if (auto* legend = item<QgsLayoutItemLegend>(layout.get(), QStringLiteral("legend"))) {
    legend->setAutoUpdateModel(false);
    legend->setTitle(planLegendText(QStringLiteral("Legend"), r.chinese));
    QgsLayerTree* root = legend->model()->rootGroup();
    root->removeAllChildren();
    for (const auto& entry : r.layers) {
      QgsLayerTreeLayer* node = root->addLayer(entry.second);
      node->setName(planLegendText(entry.first, r.chinese));
      // Groups and areas are coloured only so that neighbours differ: one swatch says so.
      const auto* categories = dynamic_cast<const QgsCategorizedSymbolRenderer*>(entry.second->renderer());
      if (categories && categories->classAttribute() == QLatin1String("colour")) {
        QgsMapLayerLegendUtils::setLegendNodeOrder(node, QList<int>() << 0);
        QgsMapLayerLegendUtils::setLegendNodeUserLabel(node, 0, planLegendText(QStringLiteral("one colour each, neighbours differ"), r.chinese));
      } else {
        // Every class in the page's language.
        const QList<QgsLayerTreeModelLegendNode*> classes = legend->model()->layerLegendNodes(node);
        for (int i = 0; i < classes.size(); ++i) {
          const QString label = classes[i]->data(Qt::DisplayRole).toString();
          const QString localized = planLegendText(label, r.chinese);
          if (localized != label) QgsMapLayerLegendUtils::setLegendNodeUserLabel(node, i, localized);
        }
      }
      legend->model()->refreshLayerLegend(node);
    }
    legend->setLinkedMap(map);
    legend->setLegendFilterByMapEnabled(true);  // only the classes the map shows
  }
  if (auto* bar = item<QgsLayoutItemScaleBar>(layout.get(), QStringLiteral("scalebar"))) {
    bar->setLinkedMap(map);
    bar->setUnits(compat::Kilometres);
    bar->applyDefaultSize(compat::Kilometres);
    bar->setUnitLabel(r.chinese ? QStringLiteral("公里") : QStringLiteral("km"));  // after applyDefaultSize, which resets it
    bar->setNumberOfSegments(4);
    bar->setNumberOfSegmentsLeft(0);
  }
  if (auto* north = item<QgsLayoutItemPicture>(layout.get(), QStringLiteral("north"))) {
    // The arrow from any poleaxis build's resources is embedded, so layouts
    // saved in projects or as templates keep it after the plugin changes.
    if (north->picturePath().startsWith(QLatin1String(":/poleaxis"))) {
      QFile arrow(poleaxisResource(QStringLiteral("icons/northarrow.svg")));
      if (arrow.open(QIODevice::ReadOnly))
        north->setPicturePath(QStringLiteral("base64:") + QString::fromLatin1(arrow.readAll().toBase64()), compat::PictureSvg);
    }
    north->setLinkedMap(map);
  }

  // Location inset: the backdrop, with the main map's frame drawn on it.
  if (auto* inset = item<QgsLayoutItemMap>(layout.get(), QStringLiteral("inset"))) {
    if (!r.inset) {
      layout->removeLayoutItem(inset);
    } else {
      const QgsRectangle backdrop = lonLatExtent({r.inset}, project->transformContext());
      inset->setLayers({r.inset});
      inset->setKeepLayerSet(true);
      frame(inset, backdrop, conversion::localProjectedCrs(backdrop), 1.02, project->transformContext());
      auto* overview = new QgsLayoutItemMapOverview(QObject::tr("Plan area"), inset);
      overview->setLinkedMap(map);
      auto* outline = new QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt::NoBrush, QColor(215, 25, 28), Qt::SolidLine, 0.6);
      overview->setFrameSymbol(new QgsFillSymbol(QgsSymbolLayerList() << outline));
      inset->overviews()->addOverview(overview);
    }
  }
  return layout;
}

QString planLegendText(const QString& english, bool chinese) {
  // Style labels carry both languages where they were written bilingual ("Industrial 工业主导型").
  static const QRegularExpression bilingual(QStringLiteral("^([A-Za-z][A-Za-z -]*) ([\\x{4e00}-\\x{9fff}].*)$"));
  const QRegularExpressionMatch both = bilingual.match(english);
  if (both.hasMatch()) return chinese ? both.captured(2) : both.captured(1);
  if (!chinese) return english;
  static const QMap<QString, QString> words{
      {QStringLiteral("Legend"), QStringLiteral("图例")},
      {QStringLiteral("Towns and growth poles"), QStringLiteral("城镇与增长极")},
      {QStringLiteral("Development axes"), QStringLiteral("发展轴")},
      {QStringLiteral("Corridors"), QStringLiteral("廊道与城镇带")},
      {QStringLiteral("Service circles"), QStringLiteral("服务圈")},
      {QStringLiteral("Town groups"), QStringLiteral("城镇群")},
      {QStringLiteral("Influence areas"), QStringLiteral("影响范围")},
      {QStringLiteral("Boundary"), QStringLiteral("规划范围")},
      {QStringLiteral("one colour each, neighbours differ"), QStringLiteral("各群一色，相邻不同")},
      {QStringLiteral("corridor / band 1"), QStringLiteral("廊道 / 第一圈层")},
      {QStringLiteral("no flow"), QStringLiteral("无流量")},
      {QStringLiteral("other"), QStringLiteral("其他")},
      {QStringLiteral("grouped"), QStringLiteral("已成群")},
      {QStringLiteral("ungrouped"), QStringLiteral("未成群")},
      {QStringLiteral("not covered"), QStringLiteral("未覆盖")},
      {QStringLiteral("2 or more circles"), QStringLiteral("两个及以上服务圈")},
      {QStringLiteral("largest component"), QStringLiteral("最大连通部分")},
      {QStringLiteral("separate pieces"), QStringLiteral("孤立线段")},
  };
  const auto found = words.constFind(english);
  if (found != words.constEnd()) return found.value();
  static const QStringList numerals{QString(), QStringLiteral("一"), QStringLiteral("二"), QStringLiteral("三"), QStringLiteral("四"),
                                    QStringLiteral("五"), QStringLiteral("六"), QStringLiteral("七"), QStringLiteral("八"), QStringLiteral("九")};
  static const QRegularExpression numbered(QStringLiteral("^(level|grade|band) (\\d)(\\+?)$"));
  const QRegularExpressionMatch m = numbered.match(english);
  if (m.hasMatch()) {
    const int n = m.captured(2).toInt();
    const QString number = n < numerals.size() ? numerals[n] : m.captured(2);
    const QString more = m.captured(3).isEmpty() ? QString() : QStringLiteral("及以上");
    if (m.captured(1) == QLatin1String("level")) return QStringLiteral("%1级城镇%2").arg(number, more);
    if (m.captured(1) == QLatin1String("grade")) return QStringLiteral("%1级发展轴%2").arg(number, more);
    return QStringLiteral("第%1圈层%2").arg(number, more);
  }
  return english;
}
