#include "planmapalgorithm.h"
#include "qgiscompat.h"

#include <qgsexception.h>
#include <qgslayoutexporter.h>
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
}

// What the page is made from: the validated, styled role layers, the texts
// and the inset.
struct PlanMapAlgorithm::Inputs {
  PlanLayoutRequest request;
  std::vector<std::unique_ptr<QgsVectorLayer>> styled;  // clones, so the inputs keep their own style
  std::unique_ptr<QgsVectorLayer> inset;
};

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
  feedback->pushInfo(tr("Laying out %n layer(s)", nullptr, in.request.layers.size()));
  std::unique_ptr<QgsPrintLayout> layout;
  try {
    QStringList notes;
    layout = buildPlanLayout(in.request, project, &notes);
    for (const QString& note : notes) feedback->pushInfo(note);
  } catch (const std::runtime_error& e) {
    throw QgsProcessingException(tr("%1: %2. Use a template saved from a QGIS layout whose main map item has the id \"map\".")
                                     .arg(TEMPLATE_FILE, QString::fromStdString(e.what())));
  }
  conversion::throwIfCanceled(feedback);
  const QVariantMap outputs = exportPages(*layout, parameters, context, feedback);
  // In desktop QGIS the planner gets the layout (and its styled layers, in a
  // group of their own) in the current project, to edit and print again.
  const bool desktop = QgsApplication::platform() == QLatin1String("desktop") &&
                       qobject_cast<QApplication*>(QCoreApplication::instance()) && context.project() == QgsProject::instance();
  if (desktop) addToProject(in, std::move(layout), project, feedback);
  feedback->setProgress(100);
  return outputs;
}

PlanMapAlgorithm::Inputs PlanMapAlgorithm::readInputs(const QVariantMap& parameters, QgsProcessingContext& context,
                                                      QgsProcessingFeedback* feedback) const {
  Inputs in;
  PlanLayoutRequest& request = in.request;
  std::vector<std::unique_ptr<QgsVectorLayer>>& styled = in.styled;
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
    styled.emplace_back(layer->clone());
    QString message;
    if (!StylePostProcessor::applyStyle(styled.back().get(), styleFor(role.parameter, *layer), &message))
      feedback->pushWarning(tr("%1: default style kept (%2).").arg(role.parameter, message));
    request.layers << qMakePair(QString::fromLatin1(role.label), styled.back().get());
  }
  if (request.layers.isEmpty())
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
  if (request.date.isEmpty()) request.date = QDate::currentDate().toString(Qt::ISODate);
  request.source = parameterAsString(parameters, SOURCE, context);
  request.page = static_cast<PlanLayoutRequest::Page>(parameterAsEnum(parameters, TEMPLATE, context));
  request.templatePath = parameterAsFile(parameters, TEMPLATE_FILE, context);
  if (parameterAsBoolean(parameters, INSET, context)) {
    in.inset = chinaProvinces();
    QList<QgsMapLayer*> planLayers;
    for (const auto& entry : request.layers) planLayers << entry.second;
    const QgsRectangle plan = lonLatExtent(planLayers, context.transformContext());
    const QgsRectangle china = in.inset ? in.inset->extent() : QgsRectangle();
    if (!in.inset || !china.intersects(plan)) {
      feedback->pushInfo(tr("INSET: the plan lies outside China; no location inset."));
    } else if (plan.intersect(china).area() > 0.25 * china.area()) {
      // A national plan is its own location map.
      feedback->pushInfo(tr("INSET: the plan covers most of China; no location inset."));
    } else {
      request.inset = in.inset.get();
    }
  }
  return in;
}

QVariantMap PlanMapAlgorithm::exportPages(QgsPrintLayout& layout, const QVariantMap& parameters, QgsProcessingContext& context,
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
  if (exporter.exportToPdf(pdf, pdfSettings) != QgsLayoutExporter::Success)
    throw QgsProcessingException(tr("PDF: cannot write %1 (%2)").arg(pdf, exporter.errorFile()));
  outputs.insert(PDF, pdf);
  feedback->setProgress(70);
  conversion::throwIfCanceled(feedback);  // a cancel during the PDF stops before the PNG
  if (!png.isEmpty()) {
    // Rendered and saved by Qt: exportToImage would then reopen the PNG with
    // GDAL in update mode to georeference it, which the PNG driver refuses
    // ("ERROR 6: The PNG driver does not support update access") on success.
    const QImage image = exporter.renderPageToImage(0, QSize(), parameterAsInt(parameters, DPI, context));
    if (image.isNull() || !image.save(png, "PNG"))
      throw QgsProcessingException(tr("PNG: cannot write %1").arg(png));
    conversion::throwIfCanceled(feedback);
    outputs.insert(PNG, png);
  }
  return outputs;
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
