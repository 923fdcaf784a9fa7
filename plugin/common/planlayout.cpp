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
#include <qgsexpressioncontextutils.h>
#include <qgsvectorlayerlabeling.h>
#include <qgspallabeling.h>
#include <qgsrendercontext.h>
#include <qgslayertreemodellegendnode.h>

#include <QMap>
#include <QRegularExpression>
#include <qgsprintlayout.h>
#include <qgsapplication.h>
#include <QCoreApplication>
#include <qgsproject.h>
#include <qgsreadwritecontext.h>
#include <qgsvectorlayer.h>

#include <QDomDocument>
#include <QFile>
#include <QFontDatabase>
#include <stdexcept>
#include <algorithm>

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

QStringList planLanguageOptions() {
  return QStringList() << QCoreApplication::translate("PlanLayout", "Auto (the title's script, else the QGIS locale)") << QStringLiteral("中文")
                       << QStringLiteral("English");
}

bool planInChinese(int languageChoice, const QString& title) {
  static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
  if (languageChoice == 1) return true;
  if (languageChoice == 2) return false;
  if (title.contains(han)) return true;
  return title.trimmed().isEmpty() && QgsApplication::locale().startsWith(QLatin1String("zh"));
}

QString planPageTitle(const QString& title, const QString& name, bool chinese) {
  if (title.contains(QLatin1String("%1"))) return title.arg(name);
  if (title.trimmed().isEmpty()) return name;
  return chinese ? name + title : QStringLiteral("%1 — %2").arg(name, title);
}

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

std::unique_ptr<QgsPrintLayout> loadPlanTemplate(const QString& templatePath, PlanLayoutRequest::Page page, QgsProject* project) {
  const QString path = templatePath.isEmpty() ? planTemplatePath(page) : templatePath;
  QFile file(path);
  QDomDocument document;
  QString xmlError;
  if (!file.open(QIODevice::ReadOnly) || !document.setContent(&file, &xmlError))
    throw std::runtime_error(QObject::tr("cannot read the layout template %1 %2").arg(path, xmlError).toStdString());
  auto layout = std::make_unique<QgsPrintLayout>(project);
  bool loaded = false;
  layout->loadFromTemplate(document, QgsReadWriteContext(), true, &loaded);
  if (!loaded || !item<QgsLayoutItemMap>(layout.get(), QStringLiteral("map")))
    throw std::runtime_error(QObject::tr("the layout template %1 has no map item with the id \"map\"").arg(path).toStdString());
  return layout;
}

std::unique_ptr<QgsPrintLayout> buildPlanLayout(const PlanLayoutRequest& r, QgsProject* project, QStringList* notes) {
  std::unique_ptr<QgsPrintLayout> layout = loadPlanTemplate(r.templatePath, r.page, project);
  fillPlanPage(layout.get(), r, notes);
  return layout;
}

namespace {
// The name a polygon feature is known by on the page: its label expression
// (groups: "name" + 城镇带/城镇群 or belt/group), else its name field.
QString featureNameExpression(const QgsVectorLayer& layer) {
  if (const auto* simple = dynamic_cast<const QgsVectorLayerSimpleLabeling*>(layer.labeling())) {
    const QgsPalLayerSettings settings = simple->settings();
    if (settings.isExpression) return settings.fieldName;
    return QgsExpression::quotedColumnRef(settings.fieldName);
  }
  return QStringLiteral("coalesce(attribute('name'), to_string($id))");
}

// Groups and areas are coloured only so that neighbours differ. When there
// are few enough to read, the legend names each one in its own colour;
// otherwise one swatch says how the colours work.
bool nameFeaturesInLegend(QgsVectorLayer* layer, QgsPrintLayout* layout, int maxEntries) {
  auto* byColour = dynamic_cast<QgsCategorizedSymbolRenderer*>(layer->renderer());
  if (!byColour || byColour->classAttribute() != QLatin1String("colour") || layer->featureCount() > maxEntries ||
      layer->featureCount() <= 0)
    return false;
  QgsExpressionContext context = layout->createExpressionContext();
  context << QgsExpressionContextUtils::layerScope(layer);
  QgsExpression name(featureNameExpression(*layer));
  name.prepare(&context);
  QgsCategoryList categories;
  const int colourField = layer->fields().lookupField(QStringLiteral("colour"));
  QgsFeature f;
  QgsFeatureIterator it = layer->getFeatures();
  while (it.nextFeature(f)) {
    context.setFeature(f);
    const QString label = name.evaluate(&context).toString();
    const int index = byColour->categoryIndexForValue(colourField >= 0 ? f.attribute(colourField) : QVariant());
    const int fallback = byColour->categoryIndexForValue(QVariant());
    const QgsSymbol* symbol = index >= 0 ? byColour->categories().at(index).symbol()
                              : fallback >= 0 ? byColour->categories().at(fallback).symbol() : nullptr;
    if (!symbol) return false;
    categories << QgsRendererCategory(f.id(), symbol->clone(), label.isEmpty() ? QString::number(f.id()) : label);
  }
  layer->setRenderer(new QgsCategorizedSymbolRenderer(QStringLiteral("$id"), categories));
  return true;
}

// Counts the features of `layers` that the map draws inside `rect` (in the map's CRS).
long long featuresUnder(const QList<QgsMapLayer*>& layers, const QgsRectangle& rect, const QgsCoordinateReferenceSystem& mapCrs,
                        const QgsCoordinateTransformContext& context) {
  long long count = 0;
  for (QgsMapLayer* mapLayer : layers) {
    auto* layer = qobject_cast<QgsVectorLayer*>(mapLayer);
    if (!layer) continue;
    QgsRectangle inLayer;
    try {
      inLayer = QgsCoordinateTransform(mapCrs, layer->crs(), context).transformBoundingBox(rect);
    } catch (const QgsCsException&) {
      continue;
    }
    QgsFeatureRequest request(inLayer);
    request.setFlags(compat::ExactIntersect);
    request.setNoAttributes();
    QgsFeatureIterator it = layer->getFeatures(request);
    QgsFeature f;
    while (it.nextFeature(f)) ++count;
  }
  return count;
}

// Moves the inset to the corner of the map where it hides the fewest drawn
// features, keeping the template's margin from the map's edges.
QString placeInset(QgsLayoutItemMap* map, QgsLayoutItemMap* inset, const QList<QgsMapLayer*>& layers,
                   const QgsCoordinateTransformContext& context) {
  const QRectF mapBox = map->sceneBoundingRect();
  const QRectF insetBox = inset->sceneBoundingRect();
  const double marginX = std::max(0.0, std::min(insetBox.left() - mapBox.left(), mapBox.right() - insetBox.right()));
  const double marginY = std::max(0.0, std::min(insetBox.top() - mapBox.top(), mapBox.bottom() - insetBox.bottom()));
  const QgsRectangle extent = map->extent();
  auto toMap = [&](const QRectF& box) {
    const double x0 = extent.xMinimum() + (box.left() - mapBox.left()) / mapBox.width() * extent.width();
    const double x1 = extent.xMinimum() + (box.right() - mapBox.left()) / mapBox.width() * extent.width();
    const double y1 = extent.yMaximum() - (box.top() - mapBox.top()) / mapBox.height() * extent.height();
    const double y0 = extent.yMaximum() - (box.bottom() - mapBox.top()) / mapBox.height() * extent.height();
    return QgsRectangle(x0, y0, x1, y1);
  };
  struct Corner {
    const char* name;
    QPointF topLeft;
  };
  const double left = mapBox.left() + marginX, right = mapBox.right() - marginX - insetBox.width();
  const double top = mapBox.top() + marginY, bottom = mapBox.bottom() - marginY - insetBox.height();
  // The template's own corner (bottom right on the built-in ones) first: it wins ties.
  std::vector<Corner> corners{{QT_TRANSLATE_NOOP("QObject", "bottom-right"), {right, bottom}},
                              {QT_TRANSLATE_NOOP("QObject", "bottom-left"), {left, bottom}},
                              {QT_TRANSLATE_NOOP("QObject", "top-right"), {right, top}},
                              {QT_TRANSLATE_NOOP("QObject", "top-left"), {left, top}}};
  std::stable_sort(corners.begin(), corners.end(), [&](const Corner& a, const Corner& b) {
    return QLineF(a.topLeft, insetBox.topLeft()).length() < QLineF(b.topLeft, insetBox.topLeft()).length();
  });
  // The north arrow and the scale bar stay visible: corners over them are not candidates.
  QList<QRectF> keepClear;
  for (const QString& id : {QStringLiteral("north"), QStringLiteral("scalebar"), QStringLiteral("legend")})
    if (QgsLayoutItem* other = map->layout()->itemById(id); other && other->isVisible()) keepClear << other->sceneBoundingRect();
  const long long drawn = featuresUnder(layers, extent, map->crs(), context);
  const Corner* best = nullptr;
  long long fewest = 0;
  for (const Corner& corner : corners) {
    const QRectF box(corner.topLeft, insetBox.size());
    if (std::any_of(keepClear.begin(), keepClear.end(), [&](const QRectF& item) { return item.intersects(box); })) continue;
    const long long under = featuresUnder(layers, toMap(box), map->crs(), context);
    if (!best || under < fewest) best = &corner, fewest = under;
  }
  if (!best) {  // every corner holds another item: the template's place
    best = &corners.front();
    fewest = featuresUnder(layers, toMap(QRectF(best->topLeft, insetBox.size())), map->crs(), context);
  }
  const QgsLayoutPoint position = map->layout()->convertFromLayoutUnits(best->topLeft, inset->positionWithUnits().units());
  inset->attemptMove(position, true, false, inset->page());
  const double share = drawn > 0 ? 100.0 * double(fewest) / double(drawn) : 0.0;
  return QObject::tr("INSET: in the %1 corner, over %2 of the %3 features drawn (%4 %)")
      .arg(QObject::tr(best->name)).arg(fewest).arg(drawn).arg(share, 0, 'f', 1);
}
}  // namespace

void fillPlanPage(QgsPrintLayout* page, const PlanLayoutRequest& r, QStringList* notes) {
  QgsProject* project = page->project();
  QgsPrintLayout* layout = page;
  QgsLayoutItemMap* map = item<QgsLayoutItemMap>(layout, QStringLiteral("map"));
  if (!map) throw std::runtime_error(QObject::tr("the layout has no map item with the id \"map\"").toStdString());
  layout->setName(r.title.isEmpty() ? QStringLiteral("Plan") : r.title);
  // Label expressions in the styles read @poleaxis_lang (names, group suffixes).
  QgsExpressionContextUtils::setLayoutVariable(layout, QStringLiteral("poleaxis_lang"), r.chinese ? QStringLiteral("zh") : QStringLiteral("en"));

  setText(layout, QStringLiteral("title"), r.title);
  setText(layout, QStringLiteral("subtitle"), r.subtitle);
  QStringList who;
  if (!r.author.isEmpty()) who << r.author;
  if (!r.date.isEmpty()) who << r.date;
  setText(layout, QStringLiteral("footer_left"), who.join(QStringLiteral("    ")));
  setText(layout, QStringLiteral("footer_right"), r.source);

  // Map: the layers in a local projected CRS, framed on their extent (or the page's own frame).
  QList<QgsMapLayer*> layers;
  for (const auto& entry : r.layers) layers << entry.second;
  const QgsRectangle lonlat = r.frame.isEmpty() ? lonLatExtent(layers, project->transformContext()) : r.frame;
  map->setLayers(layers);
  map->setKeepLayerSet(true);
  frame(map, lonlat, conversion::localProjectedCrs(lonlat), 1.05, project->transformContext());

  if (auto* legend = item<QgsLayoutItemLegend>(layout, QStringLiteral("legend"))) {
    legend->setAutoUpdateModel(false);
    // An atlas's previous page left its map filter on, which would hide this page's classes while they are renamed.
    legend->setLegendFilterByMapEnabled(false);
    compat::clearLegendFilter(legend->model());
    legend->setTitle(planLegendText(QStringLiteral("Legend"), r.chinese));
    QgsLayerTree* root = legend->model()->rootGroup();
    root->removeAllChildren();
    for (const auto& entry : r.layers) {
      const bool named = nameFeaturesInLegend(entry.second, layout, 12);
      QgsLayerTreeLayer* node = root->addLayer(entry.second);
      node->setName(planLegendText(entry.first, r.chinese));
      const auto* categories = dynamic_cast<const QgsCategorizedSymbolRenderer*>(entry.second->renderer());
      if (!named && categories && categories->classAttribute() == QLatin1String("colour")) {
        QgsMapLayerLegendUtils::setLegendNodeOrder(node, QList<int>() << 0);
        QgsMapLayerLegendUtils::setLegendNodeUserLabel(node, 0, planLegendText(QStringLiteral("one colour each, neighbours differ"), r.chinese));
      } else if (!named) {
        // Every class in the page's language (the nodes are made for a layer just added to the tree).
        legend->model()->refreshLayerLegend(node);
        const QList<QgsLayerTreeModelLegendNode*> classes = legend->model()->layerLegendNodes(node, true);
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
  if (auto* bar = item<QgsLayoutItemScaleBar>(layout, QStringLiteral("scalebar"))) {
    bar->setLinkedMap(map);
    bar->setUnits(compat::Kilometres);
    bar->applyDefaultSize(compat::Kilometres);
    bar->setUnitLabel(r.chinese ? QStringLiteral("公里") : QStringLiteral("km"));  // after applyDefaultSize, which resets it
    bar->setNumberOfSegments(4);
    bar->setNumberOfSegmentsLeft(0);
  }
  if (auto* north = item<QgsLayoutItemPicture>(layout, QStringLiteral("north"))) {
    // The arrow from any poleaxis build's resources is embedded, so layouts
    // saved in projects or as templates keep it after the plugin changes.
    // Its letter follows the page's language (N or 北).
    if (north->picturePath().startsWith(QLatin1String(":/poleaxis")) || north->property("poleaxisArrow").toBool()) {
      QFile arrow(poleaxisResource(QStringLiteral("icons/northarrow.svg")));
      if (arrow.open(QIODevice::ReadOnly)) {
        QByteArray svg = arrow.readAll();
        if (r.chinese)
          svg.replace("font-family=\"sans-serif\"", "font-family=\"Noto Sans CJK SC, sans-serif\"").replace(">N</text>", ">\xe5\x8c\x97</text>");
        north->setPicturePath(QStringLiteral("base64:") + QString::fromLatin1(svg.toBase64()), compat::PictureSvg);
        north->setProperty("poleaxisArrow", true);  // an atlas's next page may switch it again
      }
    }
    north->setLinkedMap(map);
  }

  // Location inset: the backdrop, with the main map's frame drawn on it, in
  // the corner where it hides the fewest features.
  if (auto* inset = item<QgsLayoutItemMap>(layout, QStringLiteral("inset"))) {
    inset->setVisibility(r.inset != nullptr);
    if (r.inset) {
      const QgsRectangle backdrop = lonLatExtent({r.inset}, project->transformContext());
      inset->setLayers({r.inset});
      inset->setKeepLayerSet(true);
      frame(inset, backdrop, conversion::localProjectedCrs(backdrop), 1.02, project->transformContext());
      // A page before this one had its own frame.
      while (inset->overviews()->size() > 0) inset->overviews()->removeOverview(inset->overviews()->overview(0)->id());
      auto* overview = new QgsLayoutItemMapOverview(QObject::tr("Plan area"), inset);
      overview->setLinkedMap(map);
      auto* outline = new QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt::NoBrush, QColor(215, 25, 28), Qt::SolidLine, 0.6);
      overview->setFrameSymbol(new QgsFillSymbol(QgsSymbolLayerList() << outline));
      inset->overviews()->addOverview(overview);
      const QString placed = placeInset(map, inset, layers, project->transformContext());
      if (notes) *notes << placed;
    }
  }
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
      {QStringLiteral("growth pole"), QStringLiteral("增长极")},
      {QStringLiteral("central city"), QStringLiteral("中心城市")},
      {QStringLiteral("river corridor"), QStringLiteral("沿江廊道")},
      {QStringLiteral("band 2"), QStringLiteral("第二圈层")},
      {QStringLiteral("band 3+"), QStringLiteral("第三圈层及以上")},
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
