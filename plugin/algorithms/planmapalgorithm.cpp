#include "planmapalgorithm.h"
#include "qgiscompat.h"

#include <qgsexception.h>
#include <qgslayoutexporter.h>
#include <qgsabstractlayoutiterator.h>
#include <qgsprocessingfeedback.h>
#include <functional>
#include <qgsprintlayout.h>
#include <qgslayoutitemmap.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include <qgsproject.h>
#include <qgsapplication.h>
#include <qgsfillsymbol.h>
#include <qgsjsonutils.h>
#include <qgssinglesymbolrenderer.h>
#include <qgsvectordataprovider.h>
#include <qgslayertree.h>
#include <qgslayoutmanager.h>

#include <QApplication>
#include <qgsvectorlayer.h>

#include <QDate>
#include <cmath>
#include <QImage>
#include <QRegularExpression>
#include <QFile>
#include <memory>
#include <stdexcept>

#include "conversion.h"
#include "planlayout.h"
#include "stylepostprocessor.h"
#include "resourcepath.h"

namespace {

const QString TITLE = QStringLiteral("TITLE");
const QString SUBTITLE = QStringLiteral("SUBTITLE");
const QString AUTHOR = QStringLiteral("AUTHOR");
const QString DATE = QStringLiteral("DATE");
const QString SOURCE = QStringLiteral("SOURCE");
const QString TEMPLATE = QStringLiteral("TEMPLATE");
const QString TEMPLATE_FILE = QStringLiteral("TEMPLATE_FILE");
const QString INSET = QStringLiteral("INSET");
const QString PDF = QStringLiteral("PDF");
const QString PNG = QStringLiteral("PNG");
const QString DPI = QStringLiteral("DPI");
const QString LANGUAGE = QStringLiteral("LANGUAGE");
const QString ATLAS_LAYER = QStringLiteral("ATLAS_LAYER");
const QString ATLAS_TITLE_FIELD = QStringLiteral("ATLAS_TITLE_FIELD");

struct Role {
  QString parameter;
  const char* label;
  compat::SourceType type;
};

// Top of the map first: towns and their labels over the axes, the boundary
// line over the outlined circles and the soft group envelopes, the light
// corridor bands and pale influence areas at the bottom.
const std::vector<Role>& roles() {
  static const std::vector<Role> list{
      {QStringLiteral("TOWNS"), QT_TRANSLATE_NOOP("PlanMapAlgorithm", "Towns and growth poles"), compat::VectorPoint},
      {QStringLiteral("AXES"), QT_TRANSLATE_NOOP("PlanMapAlgorithm", "Development axes"), compat::VectorLine},
      {QStringLiteral("BOUNDARY"), QT_TRANSLATE_NOOP("PlanMapAlgorithm", "Boundary"), compat::VectorPolygon},
      {QStringLiteral("CIRCLES"), QT_TRANSLATE_NOOP("PlanMapAlgorithm", "Service circles"), compat::VectorPolygon},
      {QStringLiteral("GROUPS"), QT_TRANSLATE_NOOP("PlanMapAlgorithm", "Town groups"), compat::VectorPolygon},
      {QStringLiteral("CORRIDORS"), QT_TRANSLATE_NOOP("PlanMapAlgorithm", "Corridors"), compat::VectorPolygon},
      {QStringLiteral("AREAS"), QT_TRANSLATE_NOOP("PlanMapAlgorithm", "Influence areas"), compat::VectorPolygon},
  };
  return list;
}

// The style of a role; points and lines follow the fields they carry.
QString styleFor(const QString& role, const QgsVectorLayer& layer) {
  const QgsFields fields = layer.fields();
  if (role == QLatin1String("TOWNS"))
    return fields.lookupField(QStringLiteral("level")) >= 0  ? QStringLiteral("town_levels")
           : fields.lookupField(QStringLiteral("type")) >= 0 ? QStringLiteral("town_functions")
                                                             : QStringLiteral("towns_plain");
  if (role == QLatin1String("AXES"))
    return fields.lookupField(QStringLiteral("grade")) >= 0 ? QStringLiteral("axes") : QStringLiteral("lines_plain");
  if (role == QLatin1String("CORRIDORS")) return QStringLiteral("corridors");
  if (role == QLatin1String("CIRCLES")) return QStringLiteral("service_circles");
  if (role == QLatin1String("GROUPS")) return QStringLiteral("town_groups");
  if (role == QLatin1String("AREAS")) return QStringLiteral("influence_areas");
  return QStringLiteral("boundary");
}

// The location inset's backdrop: China's provinces (Natural Earth, public
// domain, generalised to 0.06°), light grey with white borders.
std::unique_ptr<QgsVectorLayer> chinaProvinces() {
  QFile file(poleaxisResource(QStringLiteral("layouts/china_provinces.geojson")));
  if (!file.open(QIODevice::ReadOnly)) return nullptr;
  QgsFields fields;
  fields.append(compat::field(QStringLiteral("name_zh"), compat::value::String));
  QgsFeatureList features = QgsJsonUtils::stringToFeatureList(QString::fromUtf8(file.readAll()), fields, nullptr);
  auto layer = std::make_unique<QgsVectorLayer>(QStringLiteral("MultiPolygon?crs=EPSG:4326&field=name_zh:string"), QStringLiteral("China"),
                                                QStringLiteral("memory"));
  for (QgsFeature& f : features) {
    QgsGeometry g = f.geometry();
    g.convertToMultiType();
    f.setGeometry(g);
  }
  layer->dataProvider()->addFeatures(features);
  layer->updateExtents();
  layer->setRenderer(new QgsSingleSymbolRenderer(QgsFillSymbol::createSimple(
      {{QStringLiteral("color"), QStringLiteral("225,225,225")}, {QStringLiteral("outline_color"), QStringLiteral("255,255,255")},
       {QStringLiteral("outline_width"), QStringLiteral("0.2")}})));
  return layer;
}
}  // namespace

QString PlanMapAlgorithm::displayName() const { return tr("Plan map (PDF)"); }
QString PlanMapAlgorithm::group() const { return tr("Plan"); }
QStringList PlanMapAlgorithm::tags() const { return tr("map,layout,print,pdf,png,plan,legend,规划图,出图").split(','); }
QString PlanMapAlgorithm::shortDescription() const {
  return tr("Prints the town-system plan: towns, axes, corridors, circles, groups and boundary on one page, as PDF and PNG.");
}
compat::AlgorithmFlags PlanMapAlgorithm::flags() const {
  // Layouts are QObjects built and rendered on the main thread.
  return PoleaxisAlgorithm::flags() | compat::NoThreading;
}

QString PlanMapAlgorithm::helpText() const {
  return tr(
      "Lays out a finished plan map: each given layer (towns and poles, development axes, corridors, service circles, "
      "town groups, influence areas, boundary — all optional, at least one) in its print style, with a title and "
      "subtitle, a legend of exactly those layers, a scale bar in km, a north arrow, and a footer with author/unit, "
      "date and source note. The map is drawn in a local projected CRS (the UTM zone for a small area, else an "
      "azimuthal equidistant projection on its centre) and framed on the layers' extent.\n\n"
      "<b>Language</b>: every text on the page in one language — the legend's title, group names and classes (图例, "
      "城镇与增长极, 一级城镇, 一级发展轴… or Legend, level 1, grade 1…) and the scale bar's unit (公里 or km). Auto follows "
      "the title's script, or the QGIS locale when there is no title.\n\n"
      "<b>Template</b>: A3 landscape (legend on the right), A4 landscape, A3 or A4 portrait (legend below). Text is set "
      "in Noto Sans CJK SC so Chinese renders (Debian package fonts-noto-cjk); without it the default font is used and "
      "the log says so. The templates are QGIS layout templates (resources/layouts/*.qpt). <b>Own template</b>: any .qpt "
      "saved from a QGIS layout; items are filled by id — map (required), legend, title, subtitle, footer_left "
      "(author, date), footer_right (source), scalebar, north, inset — and other items are printed as they are.\n\n"
      "<b>Location inset</b>: China's provinces (Natural Earth, public domain) with the plan's map frame in red, in the "
      "template's inset item; left out when the plan lies outside China.\n\n"
      "<b>Cartography</b> (the styles in resources/styles, stored with every output): towns sized and coloured by "
      "level, growth poles ringed and the central city double-ringed; labels by level through QGIS's labelling "
      "engine (PAL), which drops what would collide, least important first — poles and levels 1–2 always, level 3 "
      "up to 1:25 M, smaller towns from 1:3 M where they fit. Symbol sizes follow the map scale (full size at 1:1.5 M and larger, "
      "down to 40 % on a national map); level 3 is drawn up to 1:25 M and levels 4 and below from 1:3 M, so a "
      "national plan shows levels 1–3 and their axes and a prefecture plan every township. Axes graded in width "
      "(grade 1 boldest, grade 3 dashed) and labelled with their names along the line; service circles as dashed "
      "outlines; corridors and belts as light bands under everything; town groups as soft envelopes (strong at the "
      "edge, fading inward) labelled with their names (城镇带, 城镇群 or belt, group); influence areas pale with "
      "dotted edges. Draw order, top first: towns, axes, boundary, circles, groups, corridors, influence areas. "
      "With up to 12 groups or areas the legend names each one in its colour.\n\n"
      "<b>Inset</b> placement: the inset moves to the corner of the map where it hides the fewest drawn features "
      "(the template's own corner wins ties); the log says which corner and how many features it covers. A plan "
      "covering most of China gets no inset.\n\n"
      "<b>Atlas</b>: with ATLAS_LAYER (polygons), one page per polygon in one multi-page PDF: each page framed on its "
      "polygon and titled from ATLAS_TITLE_FIELD (default the name field) before TITLE, or at %1 in TITLE. When the "
      "atlas layer and a map layer both have a region field, the page shows only that layer's features of its region "
      "(townsystem's atlas writes such layers); a subtitle field on the atlas layer gives each page its subtitle. PNG "
      "gives one file per page (name_01.png, …).\n\n"
      "Exports a vector PDF (text stays searchable and editable) and, optionally, a PNG at the given DPI.");
}

void PlanMapAlgorithm::initAlgorithm(const QVariantMap&) {
  for (const Role& role : roles())
    addParameter(new QgsProcessingParameterVectorLayer(role.parameter, tr(role.label), QList<int>() << static_cast<int>(role.type), QVariant(), true));
  addParameter(new QgsProcessingParameterString(TITLE, tr("Title"), tr("Town system plan"), false, true));
  addParameter(new QgsProcessingParameterString(SUBTITLE, tr("Subtitle"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterString(AUTHOR, tr("Author / planning unit"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterString(DATE, tr("Date (empty = today)"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterString(SOURCE, tr("Source note"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterEnum(TEMPLATE, tr("Template"),
                                              QStringList() << tr("A3 landscape") << tr("A4 landscape") << tr("A3 portrait") << tr("A4 portrait"),
                                              false, 0));
  addParameter(advanced(new QgsProcessingParameterFile(TEMPLATE_FILE, tr("Own layout template (.qpt; replaces Template)"),
                                                       compat::FileBehaviour, QStringLiteral("qpt"), QVariant(), true,
                                                       tr("QGIS layout templates (*.qpt)"))));
  addParameter(new QgsProcessingParameterBoolean(INSET, tr("Location inset (China's provinces)"), true));
  addParameter(new QgsProcessingParameterFileDestination(PDF, tr("Plan map (PDF)"), tr("PDF files (*.pdf)")));
  addParameter(new QgsProcessingParameterFileDestination(PNG, tr("Plan map (PNG)"), tr("PNG files (*.png)"), QVariant(), true, false));
  addParameter(new QgsProcessingParameterNumber(DPI, tr("PNG resolution (dpi)"), compat::NumberType::Integer, 150, false, 36, 1200));
  addParameter(new QgsProcessingParameterEnum(LANGUAGE, tr("Language of the map's texts"), planLanguageOptions(), false, 0, true));
  addParameter(new QgsProcessingParameterFeatureSource(ATLAS_LAYER, tr("Atlas: one page per polygon of (optional)"),
                                                       compat::sourceTypes({compat::VectorPolygon}), QVariant(), true));
  addParameter(new QgsProcessingParameterField(ATLAS_TITLE_FIELD, tr("Atlas: page title field"), QVariant(), ATLAS_LAYER,
                                               compat::FieldDataType::Any, false, true));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("NUM_PAGES"), tr("Number of pages")));
}

// One page of an atlas: its title and subtitle, the region its layers are
// filtered to (their "region" field), and the lon/lat frame.
struct AtlasPage {
  QString title, subtitle, region;
  QgsRectangle frame;
};

// What the pages are made from: the validated role layers, the texts, the
// inset, and the atlas pages (none: one page of everything).
struct PlanMapAlgorithm::Inputs {
  struct RoleLayer {
    const char* label;
    QgsVectorLayer* layer;
    QString style;
  };
  PlanLayoutRequest request;
  std::vector<RoleLayer> roles;
  std::vector<std::unique_ptr<QgsVectorLayer>> styled;  // the current page's clones, so the inputs keep their own style
  std::unique_ptr<QgsVectorLayer> inset;
  bool insetWanted = false;
  std::vector<AtlasPage> pages;
  QString baseTitle, baseSubtitle;
};

namespace {
// Walks the atlas pages for QgsLayoutExporter: each next() fills the one
// layout with the next page's layers, frame, texts and inset.
class PlanAtlasIterator : public QgsAbstractLayoutIterator {
 public:
  PlanAtlasIterator(QgsPrintLayout* layout, int pages, std::function<void(int)> preparePage)
      : mLayout(layout), mPages(pages), mPrepare(std::move(preparePage)) {}
  QgsLayout* layout() override { return mLayout; }
  bool beginRender() override {
    mIndex = -1;
    return true;
  }
  bool endRender() override { return true; }
  int count() const override { return mPages; }
  bool next() override {
    if (++mIndex >= mPages) return false;
    mPrepare(mIndex);
    return true;
  }
  QString filePath(const QString& base, const QString& extension) override {
    return QStringLiteral("%1_%2.%3").arg(base).arg(mIndex + 1, 2, 10, QLatin1Char('0')).arg(extension);
  }

 private:
  QgsPrintLayout* mLayout;
  int mPages;
  std::function<void(int)> mPrepare;
  int mIndex = -1;
};
}  // namespace

QVariantMap PlanMapAlgorithm::execute(const QVariantMap& parameters, QgsProcessingContext& context,
                                      QgsProcessingFeedback* feedback) {
  Inputs in = readInputs(parameters, context, feedback);
  // qgis_process has no project; a layout needs one, and it must outlive the layout.
  std::unique_ptr<QgsProject> ownProject;
  QgsProject* project = context.project();
  if (!project) {
    ownProject = std::make_unique<QgsProject>();
    project = ownProject.get();
  }
  feedback->pushInfo(tr("Laying out %n layer(s)", nullptr, int(in.roles.size())));
  std::unique_ptr<QgsPrintLayout> layout;
  try {
    layout = loadPlanTemplate(in.request.templatePath, in.request.page, project);
    if (in.pages.empty()) preparePage(in, -1, layout.get(), context, feedback);
  } catch (const std::runtime_error& e) {
    throw QgsProcessingException(tr("%1: %2. Use a template saved from a QGIS layout whose main map item has the id \"map\".")
                                     .arg(TEMPLATE_FILE, QString::fromStdString(e.what())));
  }
  conversion::throwIfCanceled(feedback);
  const QVariantMap outputs = exportPages(in, *layout, parameters, context, feedback);
  // In desktop QGIS the planner gets the layout (and its styled layers, in a
  // group of their own) in the current project, to edit and print again.
  const bool desktop = QgsApplication::platform() == QLatin1String("desktop") &&
                       qobject_cast<QApplication*>(QCoreApplication::instance()) && context.project() == QgsProject::instance();
  if (desktop && in.pages.empty()) addToProject(in, std::move(layout), project, feedback);
  if (desktop && !in.pages.empty()) feedback->pushInfo(tr("ATLAS_LAYER: the atlas is written to the PDF; no layout is added to the project."));
  feedback->setProgress(100);
  return outputs;
}

PlanMapAlgorithm::Inputs PlanMapAlgorithm::readInputs(const QVariantMap& parameters, QgsProcessingContext& context,
                                                      QgsProcessingFeedback* feedback) const {
  Inputs in;
  PlanLayoutRequest& request = in.request;
  for (const Role& role : roles()) {
    QgsVectorLayer* layer = parameterAsVectorLayer(parameters, role.parameter, context);
    if (!layer) continue;
    if (layer->featureCount() == 0)
      throw QgsProcessingException(tr("%1: the layer has no features; leave the role empty instead.").arg(role.parameter));
    // One bad layer ruins the page: refuse it by name instead.
    if (!layer->crs().isValid())
      throw QgsProcessingException(tr("%1: the layer has no coordinate reference system. Set it (Layer Properties ▸ Source) first.").arg(role.parameter));
    const compat::GeometryType expected = role.type == compat::VectorPoint  ? compat::PointGeometry
                                               : role.type == compat::VectorLine ? compat::LineGeometry
                                                                                            : compat::PolygonGeometry;
    if (layer->geometryType() != expected)
      throw QgsProcessingException(tr("%1: the layer holds %2, but this role needs %3.")
                                       .arg(role.parameter, QgsWkbTypes::geometryDisplayString(layer->geometryType()),
                                            QgsWkbTypes::geometryDisplayString(expected)));
    const QgsRectangle lonlat = lonLatExtent({layer}, context.transformContext());
    if (lonlat.isNull() || !std::isfinite(lonlat.width()) || !std::isfinite(lonlat.height()) || lonlat.yMinimum() < -90 ||
        lonlat.yMaximum() > 90 || lonlat.xMinimum() < -180 || lonlat.xMaximum() > 180)
      throw QgsProcessingException(tr("%1: the layer reaches beyond the globe (%2 in WGS 84). Fix or filter out the features outside it.")
                                       .arg(role.parameter, lonlat.toString(3)));
    in.roles.push_back({role.label, layer, styleFor(role.parameter, *layer)});
  }
  if (in.roles.empty())
    throw QgsProcessingException(tr("Give at least one layer to map: TOWNS, AXES, CORRIDORS, CIRCLES, GROUPS, AREAS or BOUNDARY."));
  checkOutputFolders(parameters, {PDF, PNG}, context);
  bool fontInstalled = false;
  planFontFamily(&fontInstalled);
  if (!fontInstalled)
    feedback->pushWarning(tr("Noto Sans CJK SC is not installed, so Chinese may not render: install fonts-noto-cjk."));

  request.title = parameterAsString(parameters, TITLE, context);
  // Every text on the page in one language: auto follows the title's script, else the QGIS locale.
  request.chinese = planInChinese(parameterAsEnum(parameters, LANGUAGE, context), request.title);
  request.subtitle = parameterAsString(parameters, SUBTITLE, context);
  request.author = parameterAsString(parameters, AUTHOR, context);
  request.date = parameterAsString(parameters, DATE, context);
  if (request.date.isEmpty())
    request.date = request.chinese ? QDate::currentDate().toString(QStringLiteral("yyyy年M月d日")) : QDate::currentDate().toString(Qt::ISODate);
  request.source = parameterAsString(parameters, SOURCE, context);
  request.page = static_cast<PlanLayoutRequest::Page>(parameterAsEnum(parameters, TEMPLATE, context));
  request.templatePath = parameterAsFile(parameters, TEMPLATE_FILE, context);
  in.insetWanted = parameterAsBoolean(parameters, INSET, context);
  if (in.insetWanted) in.inset = chinaProvinces();
  in.baseTitle = request.title;
  in.baseSubtitle = request.subtitle;
  readAtlasPages(in, parameters, context, feedback);
  return in;
}

void PlanMapAlgorithm::readAtlasPages(Inputs& in, const QVariantMap& parameters, QgsProcessingContext& context,
                                      QgsProcessingFeedback* feedback) const {
  std::unique_ptr<QgsProcessingFeatureSource> atlas(parameterAsSource(parameters, ATLAS_LAYER, context));
  if (!atlas) return;
  if (atlas->featureCount() == 0) throw QgsProcessingException(tr("ATLAS_LAYER: the layer has no features; give one polygon per page."));
  const QgsFields fields = atlas->fields();
  const QString titleField = parameterAsString(parameters, ATLAS_TITLE_FIELD, context);
  const int title = titleField.isEmpty() ? nameFieldIndex(fields) : fields.lookupField(titleField);
  if (!titleField.isEmpty() && title < 0)
    throw QgsProcessingException(tr("ATLAS_TITLE_FIELD: ATLAS_LAYER has no field %1; choose the field that names the pages.").arg(titleField));
  const int region = fields.lookupField(QStringLiteral("region"));
  const int subtitle = fields.lookupField(QStringLiteral("subtitle"));
  const QgsCoordinateTransform toLonLat(atlas->sourceCrs(), conversion::wgs84(), context.transformContext());
  QgsFeatureIterator it = atlas->getFeatures();
  QgsFeature f;
  while (it.nextFeature(f)) {
    QgsGeometry g = f.geometry();
    if (g.isNull() || g.isEmpty()) {
      feedback->pushWarning(tr("ATLAS_LAYER: feature %1 has no geometry; no page for it.").arg(f.id()));
      continue;
    }
    QgsRectangle frame;
    try {
      g.transform(toLonLat);
      frame = g.boundingBox();
    } catch (const QgsCsException&) {
      throw QgsProcessingException(tr("ATLAS_LAYER: feature %1 cannot be transformed to WGS 84; check the layer's CRS.").arg(f.id()));
    }
    if (!std::isfinite(frame.width()) || frame.yMinimum() < -90 || frame.yMaximum() > 90 || frame.xMinimum() < -180 || frame.xMaximum() > 180)
      throw QgsProcessingException(tr("ATLAS_LAYER: feature %1 reaches beyond the globe (%2); fix its geometry.").arg(f.id()).arg(frame.toString(3)));
    const QString name = title >= 0 ? f.attribute(title).toString() : QString::number(f.id());
    const QString pageTitle = planPageTitle(in.baseTitle, name, in.request.chinese);
    const QString pageSubtitle = subtitle >= 0 && !f.attribute(subtitle).toString().isEmpty() ? f.attribute(subtitle).toString() : in.baseSubtitle;
    in.pages.push_back({pageTitle, pageSubtitle, region >= 0 ? f.attribute(region).toString() : QString(), frame});
  }
  if (in.pages.empty()) throw QgsProcessingException(tr("ATLAS_LAYER: no feature has a geometry; give one polygon per page."));
  feedback->pushInfo(tr("Atlas: %n page(s) from ATLAS_LAYER", nullptr, int(in.pages.size())) +
                     (region >= 0 ? tr(", layers with a region field filtered to each page's region") : QString()));
}

void PlanMapAlgorithm::preparePage(Inputs& in, int page, QgsPrintLayout* layout, QgsProcessingContext& context,
                                   QgsProcessingFeedback* feedback) const {
  PlanLayoutRequest& request = in.request;
  const AtlasPage* atlas = page >= 0 ? &in.pages[size_t(page)] : nullptr;
  request.layers.clear();
  in.styled.clear();
  for (const Inputs::RoleLayer& role : in.roles) {
    // A page of a region gets that region's features in memory: subset
    // strings on clones of one GeoPackage, page after page, made GDAL fail to
    // reopen the file ("sqlite3_step(): unable to open database file").
    if (atlas && !atlas->region.isNull() && role.layer->fields().lookupField(QStringLiteral("region")) >= 0) {
      QgsFeatureRequest request;
      request.setFilterExpression(QStringLiteral("\"region\" = %1").arg(QgsExpression::quotedValue(atlas->region)));
      in.styled.emplace_back(role.layer->materialize(request, feedback));
      in.styled.back()->setName(role.layer->name());
    } else {
      in.styled.emplace_back(role.layer->clone());
    }
    QgsVectorLayer* clone = in.styled.back().get();
    QString message;
    if (!StylePostProcessor::applyStyle(clone, role.style, &message))
      feedback->pushWarning(tr("%1: default style kept (%2).").arg(clone->name(), message));
    request.layers << qMakePair(QString::fromLatin1(role.label), clone);
  }
  request.frame = atlas ? atlas->frame : QgsRectangle();
  if (atlas) {
    request.title = atlas->title;
    request.subtitle = atlas->subtitle;
  }
  // The inset shows where the page lies in China; a national page is its own location map.
  request.inset = nullptr;
  if (in.insetWanted) {
    QList<QgsMapLayer*> planLayers;
    for (const auto& entry : request.layers) planLayers << entry.second;
    const QgsRectangle plan = atlas ? atlas->frame : lonLatExtent(planLayers, context.transformContext());
    const QgsRectangle china = in.inset ? in.inset->extent() : QgsRectangle();
    if (!in.inset || !china.intersects(plan)) {
      feedback->pushInfo(tr("INSET: the plan lies outside China; no location inset."));
    } else if (plan.intersect(china).area() > 0.25 * china.area()) {
      feedback->pushInfo(tr("INSET: the plan covers most of China; no location inset."));
    } else {
      request.inset = in.inset.get();
    }
  }
  QStringList notes;
  fillPlanPage(layout, request, &notes);
  if (atlas) feedback->pushInfo(tr("Page %1 of %2: %3").arg(page + 1).arg(in.pages.size()).arg(request.title));
  for (const QString& note : notes) feedback->pushInfo(note);
}

QVariantMap PlanMapAlgorithm::exportPages(Inputs& in, QgsPrintLayout& layout, const QVariantMap& parameters, QgsProcessingContext& context,
                                          QgsProcessingFeedback* feedback) const {
  QVariantMap outputs;
  QgsLayoutExporter exporter(&layout);
  const QString pdf = parameterAsFileOutput(parameters, PDF, context);
  const QString png = parameterAsFileOutput(parameters, PNG, context);
  removeOnFailure(pdf);  // only if this run creates them
  removeOnFailure(png);
  QgsLayoutExporter::PdfExportSettings pdfSettings;
  pdfSettings.forceVectorOutput = true;
  pdfSettings.rasterizeWholeImage = false;
  // Text as text: searchable, and editable in a drawing program.
  pdfSettings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
  const int dpi = parameterAsInt(parameters, DPI, context);
  if (in.pages.empty()) {
    if (exporter.exportToPdf(pdf, pdfSettings) != QgsLayoutExporter::Success)
      throw QgsProcessingException(tr("PDF: cannot write %1 (%2)").arg(pdf, exporter.errorFile()));
    outputs.insert(PDF, pdf);
    outputs.insert(QStringLiteral("NUM_PAGES"), 1);
    feedback->setProgress(70);
    conversion::throwIfCanceled(feedback);  // a cancel during the PDF stops before the PNG
    if (!png.isEmpty()) {
      savePng(exporter, png, dpi);
      conversion::throwIfCanceled(feedback);
      outputs.insert(PNG, png);
    }
    return outputs;
  }
  // An atlas: one multi-page PDF; PNGs one per page (<name>_01.png, …).
  const int pages = int(in.pages.size());
  QgsProcessingMultiStepFeedback steps(png.isEmpty() ? 1 : 2, feedback);
  PlanAtlasIterator atlas(&layout, pages, [&](int page) {
    conversion::throwIfCanceled(feedback);
    preparePage(in, page, &layout, context, &steps);
  });
  QString error;
  const QgsLayoutExporter::ExportResult result = QgsLayoutExporter::exportToPdf(&atlas, pdf, pdfSettings, error, &steps);
  if (result == QgsLayoutExporter::Canceled || feedback->isCanceled()) conversion::throwCanceled();
  if (result != QgsLayoutExporter::Success) throw QgsProcessingException(tr("PDF: cannot write %1 (%2)").arg(pdf, error));
  outputs.insert(PDF, pdf);
  outputs.insert(QStringLiteral("NUM_PAGES"), pages);
  if (!png.isEmpty()) {
    steps.setCurrentStep(1);
    const QString stem = png.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ? png.left(png.size() - 4) : png;
    QStringList written;
    atlas.beginRender();
    for (int page = 0; atlas.next(); ++page) {
      const QString path = atlas.filePath(stem, QStringLiteral("png"));
      removeOnFailure(path);
      savePng(exporter, path, dpi);
      written << path;
      steps.setProgress(100.0 * (page + 1) / pages);
    }
    outputs.insert(PNG, written.value(0));
    feedback->pushInfo(tr("PNG: %n page(s), %1 …", nullptr, int(written.size())).arg(written.value(0)));
  }
  return outputs;
}

void PlanMapAlgorithm::savePng(QgsLayoutExporter& exporter, const QString& path, int dpi) const {
  // Rendered and saved by Qt: exportToImage would then reopen the PNG with
  // GDAL in update mode to georeference it, which the PNG driver refuses
  // ("ERROR 6: The PNG driver does not support update access") on success.
  const QImage image = exporter.renderPageToImage(0, QSize(), dpi);
  if (image.isNull() || !image.save(path, "PNG")) throw QgsProcessingException(tr("PNG: cannot write %1").arg(path));
}

void PlanMapAlgorithm::addToProject(Inputs& in, std::unique_ptr<QgsPrintLayout> layout, QgsProject* project,
                                    QgsProcessingFeedback* feedback) const {
  const PlanLayoutRequest& request = in.request;
  std::vector<std::unique_ptr<QgsVectorLayer>>& styled = in.styled;
  QgsLayerTreeGroup* group = project->layerTreeRoot()->addGroup(tr("Plan map: %1").arg(request.title));
  for (std::unique_ptr<QgsVectorLayer>& layer : styled) {
    project->addMapLayer(layer.get(), false);
    group->addLayer(layer.release());
  }
  QgsLayoutManager* layouts = project->layoutManager();
  QString name = request.title.isEmpty() ? layouts->generateUniqueTitle() : request.title;
  for (int n = 2; layouts->layoutByName(name); ++n) name = QStringLiteral("%1 (%2)").arg(request.title).arg(n);
  layout->setName(name);
  layouts->addLayout(layout.release());
  feedback->pushInfo(tr("Layout '%1' added to the project (Project ▸ Layouts).").arg(name));
}
