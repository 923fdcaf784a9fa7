#include "townsystemalgorithm.h"

#include <qgsapplication.h>
#include <qgsexception.h>
#include <qgsfeaturerequest.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include <qgsprocessingregistry.h>
#include <qgsprocessingutils.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>
#include <qgsvectordataprovider.h>
#include <qgsexception.h>

#include <QFile>
#include <QFileInfo>
#include <memory>

#include "conversion.h"
#include "stylepostprocessor.h"

namespace {
const QString TOWNS = QStringLiteral("TOWNS");
const QString POP_FIELD = QStringLiteral("POP_FIELD");
const QString LINES = QStringLiteral("LINES");
const QString CLASS_FIELD = QStringLiteral("CLASS_FIELD");
const QString BOUNDARY = QStringLiteral("BOUNDARY");
const QString RIVERS = QStringLiteral("RIVERS");
const QString EXTERNAL = QStringLiteral("EXTERNAL");
const QString EXTERNAL_MASS_FIELD = QStringLiteral("EXTERNAL_MASS_FIELD");
const QString TITLE = QStringLiteral("TITLE");
const QString OUTPUT = QStringLiteral("OUTPUT");
const QString PDF = QStringLiteral("PDF");
const QString REPORT = QStringLiteral("REPORT");
// Stage parameters, under the stage's own names (AREA_METHOD: influenceareas' METHOD).
const QString LEVELS = QStringLiteral("LEVELS");
const QString TOP_N = QStringLiteral("TOP_N");
const QString RADIUS = QStringLiteral("RADIUS");
const QString WIDTH = QStringLiteral("WIDTH");
const QString WIDTH_TABLE = QStringLiteral("WIDTH_TABLE");
const QString BANDS = QStringLiteral("BANDS");
const QString DISTANCE_MODE = QStringLiteral("DISTANCE_MODE");
const QString EXPONENT = QStringLiteral("EXPONENT");
const QString SNAP_KM = QStringLiteral("SNAP_KM");
const QString METHOD = QStringLiteral("METHOD");
const QString K = QStringLiteral("K");
const QString CUT_DISTANCE = QStringLiteral("CUT_DISTANCE");
const QString EPS = QStringLiteral("EPS");
const QString MIN_POINTS = QStringLiteral("MIN_POINTS");
const QString HULL = QStringLiteral("HULL");
const QString AREA_METHOD = QStringLiteral("AREA_METHOD");
const QString SUBTITLE = QStringLiteral("SUBTITLE");
const QString AUTHOR = QStringLiteral("AUTHOR");
const QString DATE = QStringLiteral("DATE");
const QString SOURCE = QStringLiteral("SOURCE");
const QString TEMPLATE = QStringLiteral("TEMPLATE");
const QString PNG = QStringLiteral("PNG");
const QString DPI = QStringLiteral("DPI");

// Runs poleaxis algorithms one after another on one context, each a step of
// the overall progress; an error names the stage it came from.
class Chain {
 public:
  Chain(QgsProcessingContext& context, QgsProcessingFeedback* feedback, int stages)
      : mContext(context), mFeedback(feedback), mSteps(stages, feedback), mStages(stages) {}

  QVariantMap run(const QString& algorithm, const QVariantMap& parameters) {
    mSteps.setCurrentStep(mStage++);
    mFeedback->pushInfo(QString());
    mFeedback->pushInfo(TownSystemAlgorithm::tr("Stage %1 of %2: poleaxis:%3").arg(mStage).arg(mStages).arg(algorithm));
    std::unique_ptr<QgsProcessingAlgorithm> child(
        QgsApplication::processingRegistry()->createAlgorithmById(QStringLiteral("poleaxis:") + algorithm));
    if (!child) throw QgsProcessingException(TownSystemAlgorithm::tr("poleaxis:%1 is not registered.").arg(algorithm));
    bool ok = false;
    QVariantMap results;
    try {
      results = child->run(parameters, mContext, &mSteps, &ok, QVariantMap(), false);
    } catch (const QgsProcessingException& e) {
      if (mFeedback->isCanceled()) conversion::throwCanceled();
      throw QgsProcessingException(TownSystemAlgorithm::tr("Stage %1 (poleaxis:%2): %3").arg(mStage).arg(algorithm, e.what()));
    }
    conversion::throwIfCanceled(mFeedback);
    if (!ok) throw QgsProcessingException(TownSystemAlgorithm::tr("Stage %1 (poleaxis:%2) failed.").arg(mStage).arg(algorithm));
    return results;
  }

  QgsVectorLayer* layer(const QVariantMap& results, const QString& output) const {
    return qobject_cast<QgsVectorLayer*>(QgsProcessingUtils::mapLayerFromString(results.value(output).toString(), mContext));
  }

  void nextStep() { mSteps.setCurrentStep(mStage++); }
  QgsProcessingFeedback* stepFeedback() { return &mSteps; }

 private:
  QgsProcessingContext& mContext;
  QgsProcessingFeedback* mFeedback;
  QgsProcessingMultiStepFeedback mSteps;
  int mStages;
  int mStage = 0;
};

struct PlanLayer {
  QString name;  // GeoPackage table
  QgsVectorLayer* layer;
  QString style;  // resources/styles/<style>.qml
};
}  // namespace

// The plan's GeoPackage layers, in the order they are written.
const QStringList kPlanLayers{QStringLiteral("towns"),        QStringLiteral("poles"),  QStringLiteral("service_circles"),
                              QStringLiteral("corridors"),    QStringLiteral("axes"),   QStringLiteral("desire_lines"),
                              QStringLiteral("groups"),       QStringLiteral("influence_areas"), QStringLiteral("boundary")};

QStringList TownSystemAlgorithm::layersWrittenTo(const QString& parameter) const {
  return parameter == OUTPUT ? kPlanLayers : QStringList();
}

QgsVectorLayer* TownSystemAlgorithm::mergedLines(const QList<QgsMapLayer*>& layers, const QString& classField,
                                                 QgsProcessingContext& context, QgsProcessingFeedback* feedback) const {
  if (layers.isEmpty()) throw QgsProcessingException(tr("LINES: give at least one line layer (rail, highways)."));
  bool classSeen = classField.isEmpty();
  QgsCoordinateReferenceSystem crs;
  for (QgsMapLayer* layer : layers) {
    const QgsVectorLayer* lines = qobject_cast<const QgsVectorLayer*>(layer);
    if (!lines || lines->geometryType() != QgsWkbTypes::LineGeometry)
      throw QgsProcessingException(tr("LINES: layer '%1' is not a line layer. Give line layers only (rail, highways).").arg(layer->name()));
    if (!crs.isValid()) crs = lines->crs();
    classSeen |= lines->fields().lookupField(classField) >= 0;
  }
  if (!classSeen)
    throw QgsProcessingException(tr("CLASS_FIELD: field '%1' is in none of the LINES layers. Fields of '%2': %3.")
                                     .arg(classField, layers[0]->name(),
                                          qobject_cast<QgsVectorLayer*>(layers[0])->fields().names().join(QStringLiteral(", "))));
  auto* merged = new QgsVectorLayer(QStringLiteral("MultiLineString?field=class:string&field=layer:string"), QStringLiteral("lines"),
                                    QStringLiteral("memory"));
  merged->setCrs(crs);
  QgsFeatureList features;
  long lineCount = 0;
  for (QgsMapLayer* layer : layers) {
    QgsVectorLayer* lines = qobject_cast<QgsVectorLayer*>(layer);
    const QString name = NetworkInput::layerName(*lines);
    const int field = classField.isEmpty() ? -1 : lines->fields().lookupField(classField);
    const QgsCoordinateTransform transform(lines->crs(), crs, context.transformContext());
    QgsFeatureIterator it = lines->getFeatures();
    QgsFeature f;
    while (it.nextFeature(f)) {
      conversion::throwIfCanceled(feedback);
      QgsGeometry g = f.geometry();
      if (g.isNull() || g.isEmpty()) continue;
      try {
        if (lines->crs() != crs) g.transform(transform);
      } catch (const QgsCsException& e) {
        throw QgsProcessingException(tr("LINES: layer '%1', feature %2 cannot be transformed: %3").arg(lines->name()).arg(f.id()).arg(e.what()));
      }
      g.convertToMultiType();
      const QVariant value = field >= 0 ? f.attribute(field) : QVariant();
      QgsFeature out(merged->fields());
      out.setGeometry(g);
      out.setAttributes(QgsAttributes() << (value.isNull() || value.toString().isEmpty() ? name : value.toString()) << name);
      features << out;
      ++lineCount;
    }
  }
  if (features.isEmpty()) throw QgsProcessingException(tr("LINES: the layers have no lines."));
  merged->dataProvider()->addFeatures(features);
  if (layers.size() > 1) feedback->pushInfo(tr("%1 lines from %2 layers.").arg(lineCount).arg(layers.size()));
  context.temporaryLayerStore()->addMapLayer(merged);
  return merged;
}

QString TownSystemAlgorithm::displayName() const { return tr("Town system plan (one run)"); }
QString TownSystemAlgorithm::group() const { return tr("Plan"); }
QStringList TownSystemAlgorithm::tags() const {
  return tr("town system,pole-axis,plan,growth pole,axis,town group,geopackage,pdf,城镇体系,点轴,增长极,发展轴,城镇群,规划").split(',');
}
QString TownSystemAlgorithm::shortDescription() const {
  return tr("The whole pole-axis plan in one run: poles, circles, corridors, axes, town groups, influence areas and "
            "the plan map, into one styled GeoPackage and a PDF.");
}

QgsProcessingAlgorithm::Flags TownSystemAlgorithm::flags() const {
  // The last stage lays out the map, which runs on the main thread.
  return PoleaxisAlgorithm::flags() | FlagNoThreading;
}

QString TownSystemAlgorithm::shortHelpString() const {
  return tr(
      "Runs the pole-axis (点轴) town-system chain with planning defaults and writes one GeoPackage, the hierarchy "
      "report and the plan map.\n\n"
      "<b>Stages</b> (each is also an algorithm of its own; the parameters below keep their names):\n"
      "1. Town hierarchy: score = weighted sum of the normalised population (POP_FIELD) and rail/road access "
      "(distance to LINES, less is better); LEVELS levels by natural breaks; the TOP_N highest scores are the growth "
      "poles (is_pole).\n"
      "2. Town functions: transport hubs where lines meet (type, type_zh).\n"
      "3. Town groups: METHOD (default Ward linkage into K = 3 groups; with CUT_DISTANCE > 0 cut at that distance in km; "
      "DBSCAN uses EPS km and MIN_POINTS), group polygons by HULL.\n"
      "4. Service circles of RADIUS km around each pole (default 30 km, the half-hour economic circle at 60 km/h).\n"
      "5. Corridors along LINES (one or more layers: rail, highways): half-width from CLASS_FIELD (a field name; "
      "a layer without it has its layer name as class) and WIDTH_TABLE (class=km;…), WIDTH km for a class missing "
      "from the table; BANDS (e.g. 5;10;20 km) draws distance bands instead. RIVERS (optional) add river belts "
      "(class river).\n"
      "6. Development axes between the poles over the noded network of LINES: gravity G = M_i·M_j / d^b (M = "
      "population, b = EXPONENT, default 2; d per DISTANCE_MODE: geodesic km, or km or minutes along LINES, poles "
      "snapped within SNAP_KM), flows summed on the lines and graded 1–3. EXTERNAL (optional points, with "
      "EXTERNAL_MASS_FIELD) are metropolises outside the plan that pull on it: they pair only with the poles, and "
      "their axes are marked external (how Guizhou's trunk runs towards Chongqing).\n"
      "7. Influence areas of the poles: AREA_METHOD Voronoi, weighted Voronoi (√population, Reilly/Converse breaking "
      "points; default) or Huff, clipped to BOUNDARY (or the poles' extent).\n"
      "8. The GeoPackage OUTPUT with layers towns (score, level, is_pole, type, group_id), poles, service_circles, "
      "corridors, axes, desire_lines, groups, influence_areas and boundary, each with its print style stored as the "
      "layer's default.\n"
      "9. The plan map PDF (and PNG at DPI) from those layers: TITLE, SUBTITLE, AUTHOR, DATE, SOURCE, TEMPLATE.\n\n"
      "Distances are km on the ground (geodesic, or a logged local projected CRS). A failed or cancelled run removes "
      "every file it wrote.");
}

void TownSystemAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFeatureSource(TOWNS, tr("Towns"), QList<int>() << QgsProcessing::TypeVectorPoint));
  addParameter(new QgsProcessingParameterField(POP_FIELD, tr("Population field"), QVariant(), TOWNS, QgsProcessingParameterField::Numeric));
  addParameter(new QgsProcessingParameterMultipleLayers(LINES, tr("Lines (rail, highways; one or more layers)"), QgsProcessing::TypeVectorLine));
  addParameter(new QgsProcessingParameterString(CLASS_FIELD, tr("Line class field (else the layer name is the class)"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterMultipleLayers(RIVERS, tr("Rivers (river belts; optional)"), QgsProcessing::TypeVectorLine, QVariant(), true));
  addParameter(new QgsProcessingParameterFeatureSource(EXTERNAL, tr("External centres (metropolises outside the plan)"),
                                                       QList<int>() << QgsProcessing::TypeVectorPoint, QVariant(), true));
  addParameter(new QgsProcessingParameterField(EXTERNAL_MASS_FIELD, tr("Mass field of the external centres"), QVariant(), EXTERNAL,
                                               QgsProcessingParameterField::Numeric, false, true));
  addParameter(new QgsProcessingParameterFeatureSource(BOUNDARY, tr("Planning boundary"), QList<int>() << QgsProcessing::TypeVectorPolygon,
                                                       QVariant(), true));
  addParameter(new QgsProcessingParameterString(TITLE, tr("Map title"), tr("Town system plan")));
  addParameter(new QgsProcessingParameterNumber(LEVELS, tr("Hierarchy levels"), QgsProcessingParameterNumber::Integer, 4, false, 2, 9));
  addParameter(new QgsProcessingParameterNumber(TOP_N, tr("Growth poles (top N by score)"), QgsProcessingParameterNumber::Integer, 5, false, 1));
  addParameter(new QgsProcessingParameterNumber(RADIUS, tr("Service radius around each pole (km)"), QgsProcessingParameterNumber::Double, 30.0,
                                                false, 0.001));
  addParameter(new QgsProcessingParameterString(WIDTH_TABLE, tr("Corridor width table (class=km;…)"),
                                                QStringLiteral("high_speed_rail=10;rail_hsr=10;rail=5;expressway=5;national_road=3"), false, true));
  addParameter(new QgsProcessingParameterNumber(WIDTH, tr("Corridor width without a class (km, each side)"),
                                                QgsProcessingParameterNumber::Double, 5.0, false, 0.001));
  addParameter(advanced(new QgsProcessingParameterString(BANDS, tr("Corridor bands (km, e.g. 5;10;20; empty = widths)"), QVariant(), false, true)));
  addParameter(new QgsProcessingParameterEnum(DISTANCE_MODE, tr("Axis distance"),
                                              QStringList() << tr("Geodesic km") << tr("Network km") << tr("Network minutes"), false, 1));
  addParameter(advanced(new QgsProcessingParameterNumber(EXPONENT, tr("Gravity distance exponent b"), QgsProcessingParameterNumber::Double, 2.0, false, 0.0)));
  addParameter(advanced(new QgsProcessingParameterNumber(SNAP_KM, tr("Snap poles to the lines within (km)"), QgsProcessingParameterNumber::Double, 10.0, false, 0.0)));
  addParameter(new QgsProcessingParameterEnum(METHOD, tr("Town groups by"),
                                              QStringList() << tr("DBSCAN") << tr("Single linkage") << tr("Complete linkage")
                                                            << tr("Average linkage") << tr("Ward linkage") << tr("k-means++") << tr("Louvain communities"),
                                              false, 4));
  addParameter(new QgsProcessingParameterNumber(K, tr("Number of town groups (K)"), QgsProcessingParameterNumber::Integer, 3, false, 1));
  addParameter(advanced(new QgsProcessingParameterNumber(CUT_DISTANCE, tr("Cut the linkage at (km; 0 = use K)"), QgsProcessingParameterNumber::Double, 0.0, false, 0.0)));
  addParameter(advanced(new QgsProcessingParameterNumber(EPS, tr("DBSCAN radius (km)"), QgsProcessingParameterNumber::Double, 30.0, false, 0.001)));
  addParameter(advanced(new QgsProcessingParameterNumber(MIN_POINTS, tr("DBSCAN minimum towns"), QgsProcessingParameterNumber::Double, 2.0, false, 1.0)));
  addParameter(advanced(new QgsProcessingParameterEnum(HULL, tr("Group polygons"),
                                                       QStringList() << tr("Convex hull") << tr("Concave hull") << tr("Footprint (discs)"), false, 0)));
  addParameter(new QgsProcessingParameterEnum(AREA_METHOD, tr("Influence areas"),
                                              QStringList() << tr("Voronoi") << tr("Weighted Voronoi (Reilly/Converse)") << tr("Huff"), false, 1));
  addParameter(new QgsProcessingParameterString(SUBTITLE, tr("Map subtitle"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterString(AUTHOR, tr("Author / planning unit"), QVariant(), false, true));
  addParameter(advanced(new QgsProcessingParameterString(DATE, tr("Date (empty = today)"), QVariant(), false, true)));
  addParameter(new QgsProcessingParameterString(SOURCE, tr("Source note"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterEnum(TEMPLATE, tr("Map template"),
                                              QStringList() << tr("A3 landscape") << tr("A4 landscape") << tr("A3 portrait") << tr("A4 portrait"), false, 0));
  addParameter(new QgsProcessingParameterFileDestination(OUTPUT, tr("Plan GeoPackage"), tr("GeoPackage (*.gpkg)")));
  addParameter(new QgsProcessingParameterFileDestination(PDF, tr("Plan map (PDF)"), tr("PDF files (*.pdf)")));
  addParameter(new QgsProcessingParameterFileDestination(PNG, tr("Plan map (PNG)"), tr("PNG files (*.png)"), QVariant(), true, false));
  addParameter(advanced(new QgsProcessingParameterNumber(DPI, tr("PNG resolution (dpi)"), QgsProcessingParameterNumber::Integer, 150, false, 36, 1200)));
  addParameter(new QgsProcessingParameterFileDestination(REPORT, tr("Hierarchy report (HTML)"), tr("HTML files (*.html)"), QVariant(), true));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("NUM_POLES"), tr("Number of growth poles")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("NUM_GROUPS"), tr("Number of town groups")));
}

QVariantMap TownSystemAlgorithm::execute(const QVariantMap& parameters, QgsProcessingContext& context,
                                         QgsProcessingFeedback* feedback) {
  // Inputs are checked here, under this algorithm's parameter names, before any stage runs.
  std::unique_ptr<QgsProcessingFeatureSource> towns = requireSource(parameters, TOWNS, context);
  const QString popField = parameterAsString(parameters, POP_FIELD, context);
  requireField(towns->fields(), popField, POP_FIELD, TOWNS, true);
  const QString givenClassField = parameterAsString(parameters, CLASS_FIELD, context).trimmed();
  const QList<QgsMapLayer*> lineLayers = parameterAsLayerList(parameters, LINES, context);
  std::unique_ptr<QgsProcessingFeatureSource> external(parameterAsSource(parameters, EXTERNAL, context));
  const QString externalMass = parameterAsString(parameters, EXTERNAL_MASS_FIELD, context);
  if (external && externalMass.isEmpty())
    throw QgsProcessingException(tr("EXTERNAL_MASS_FIELD: choose the mass field of the external centres (population, score…)."));
  if (external) requireField(external->fields(), externalMass, EXTERNAL_MASS_FIELD, EXTERNAL, true);
  std::unique_ptr<QgsProcessingFeatureSource> boundary(parameterAsSource(parameters, BOUNDARY, context));
  if (boundary && boundary->featureCount() == 0)
    throw QgsProcessingException(tr("BOUNDARY: the layer has no features; give the planning area's polygon or leave BOUNDARY empty."));
  const int topN = parameterAsInt(parameters, TOP_N, context);
  if (towns->featureCount() >= 0 && topN > towns->featureCount())
    throw QgsProcessingException(tr("TOP_N: %1 poles asked for but TOWNS has %2 towns.").arg(topN).arg(towns->featureCount()));
  const QString gpkg = parameterAsFileOutput(parameters, OUTPUT, context);
  if (!gpkg.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive))
    throw QgsProcessingException(tr("OUTPUT: %1 is not a GeoPackage; give a file name ending in .gpkg.").arg(gpkg));
  checkOutputFolders(parameters, {OUTPUT, PDF, PNG, REPORT}, context);
  const QString report = parameterAsFileOutput(parameters, REPORT, context);

  // Every stage reads one line layer: the LINES layers merged, with their class (CLASS_FIELD, else the layer name).
  const QString classField = QStringLiteral("class");
  QgsVectorLayer* merged = mergedLines(lineLayers, givenClassField, context, feedback);
  Chain chain(context, feedback, 9);
  const QVariant townsInput = parameters.value(TOWNS), linesInput = merged->id();
  const QVariant boundaryInput = boundary ? parameters.value(BOUNDARY) : QVariant();
  const QString memory = QStringLiteral("memory:");

  // 1–3: the towns gain score/level/is_pole, then type, then group_id.
  QVariantMap hierarchyParameters{{QStringLiteral("INPUT"), townsInput},
                                  {QStringLiteral("FIELDS"), QStringList{popField}},
                                  {QStringLiteral("LINES"), linesInput},
                                  {QStringLiteral("LEVELS"), parameterAsInt(parameters, LEVELS, context)},
                                  {QStringLiteral("POLE_RULE"), 1},
                                  {QStringLiteral("TOP_N"), topN},
                                  {QStringLiteral("POP_FIELD"), popField},
                                  {QStringLiteral("OUTPUT"), memory}};
  if (!report.isEmpty()) {
    hierarchyParameters.insert(QStringLiteral("REPORT"), report);
    removeOnFailure(report);
  }
  const QVariantMap hierarchy = chain.run(QStringLiteral("townhierarchy"), hierarchyParameters);
  removeOnFailure(hierarchy.value(QStringLiteral("REPORT_JSON")).toString());
  const QVariantMap functions = chain.run(QStringLiteral("townfunctions"), {{QStringLiteral("INPUT"), hierarchy.value(QStringLiteral("OUTPUT"))},
                                                                           {QStringLiteral("LINES"), linesInput},
                                                                           {QStringLiteral("CLASS_FIELD"), classField},
                                                                           {QStringLiteral("OUTPUT"), memory}});
  const double cutKm = parameterAsDouble(parameters, CUT_DISTANCE, context);
  const QVariantMap groups = chain.run(QStringLiteral("townclusters"), {{QStringLiteral("INPUT"), functions.value(QStringLiteral("OUTPUT"))},
                                                                       {QStringLiteral("METHOD"), parameterAsEnum(parameters, METHOD, context)},
                                                                       {QStringLiteral("K"), cutKm > 0 ? 0 : parameterAsInt(parameters, K, context)},
                                                                       {QStringLiteral("CUT_DISTANCE"), cutKm},
                                                                       {QStringLiteral("EPS"), parameterAsDouble(parameters, EPS, context)},
                                                                       {QStringLiteral("MIN_POINTS"), parameterAsDouble(parameters, MIN_POINTS, context)},
                                                                       {QStringLiteral("MASS_FIELD"), popField},
                                                                       {QStringLiteral("POP_FIELD"), popField},
                                                                       {QStringLiteral("HULL"), parameterAsEnum(parameters, HULL, context)},
                                                                       {QStringLiteral("OUTPUT"), memory},
                                                                       {QStringLiteral("GROUPS"), memory}});
  QgsVectorLayer* townLayer = chain.layer(groups, QStringLiteral("OUTPUT"));
  if (!townLayer) throw QgsProcessingException(tr("Stage 3 (poleaxis:townclusters) returned no towns layer."));
  std::unique_ptr<QgsVectorLayer> poles(townLayer->materialize(QgsFeatureRequest().setFilterExpression(QStringLiteral("\"is_pole\""))));
  poles->setName(QStringLiteral("poles"));
  if (poles->featureCount() == 0) throw QgsProcessingException(tr("TOP_N: no town was chosen as a growth pole."));
  feedback->pushInfo(tr("%n growth pole(s).", nullptr, int(poles->featureCount())));

  // 4–7: what the poles and lines make.
  QVariantMap circlesParameters{{QStringLiteral("INPUT"), poles->id()},
                                {QStringLiteral("RADIUS"), parameterAsDouble(parameters, RADIUS, context)},
                                {QStringLiteral("OUTPUT"), memory}};
  context.temporaryLayerStore()->addMapLayer(poles.get());
  QgsVectorLayer* poleLayer = poles.release();  // owned by the context from here
  if (boundary) circlesParameters.insert(QStringLiteral("STUDY_AREA"), boundaryInput);
  const QVariantMap circles = chain.run(QStringLiteral("serviceradii"), circlesParameters);
  QVariantMap corridorParameters{{QStringLiteral("INPUT"), linesInput},
                                           {QStringLiteral("WIDTH_MODE"), 2},
                                           {QStringLiteral("WIDTH"), parameterAsDouble(parameters, WIDTH, context)},
                                           {QStringLiteral("CLASS_FIELD"), classField},
                                           {QStringLiteral("WIDTH_TABLE"), parameterAsString(parameters, WIDTH_TABLE, context)},
                                           {QStringLiteral("DEFAULT_WIDTH"), parameterAsDouble(parameters, WIDTH, context)},
                                           {QStringLiteral("BANDS"), parameterAsString(parameters, BANDS, context)},
                                           {QStringLiteral("DISSOLVE"), 1},
                                           {QStringLiteral("OUTPUT"), memory}};
  if (parameters.value(RIVERS).isValid() && !parameterAsLayerList(parameters, RIVERS, context).isEmpty())
    corridorParameters.insert(QStringLiteral("RIVERS"), parameters.value(RIVERS));
  const QVariantMap corridors = chain.run(QStringLiteral("corridorbuffers"), corridorParameters);
  QVariantMap axesParameters{{QStringLiteral("CENTRES"), poleLayer->id()},
                                                                         {QStringLiteral("MASS_FIELD"), popField},
                                                                         {QStringLiteral("LINES"), linesInput},
                                                                         {QStringLiteral("CLASS_FIELD"), classField},
                                                                         {QStringLiteral("DISTANCE_MODE"), parameterAsEnum(parameters, DISTANCE_MODE, context)},
                                                                         {QStringLiteral("EXPONENT"), parameterAsDouble(parameters, EXPONENT, context)},
                                                                         {QStringLiteral("SNAP_KM"), parameterAsDouble(parameters, SNAP_KM, context)},
                                                                         {QStringLiteral("PAIRS"), 0},
                                                                         {QStringLiteral("DESIRE_LINES"), memory},
                                                                         {QStringLiteral("AXES"), memory}};
  if (external) {
    axesParameters.insert(QStringLiteral("EXTERNAL"), parameters.value(EXTERNAL));
    axesParameters.insert(QStringLiteral("EXTERNAL_MASS_FIELD"), externalMass);
  }
  const QVariantMap axes = chain.run(QStringLiteral("developmentaxes"), axesParameters);
  QVariantMap areasParameters{{QStringLiteral("CENTRES"), poleLayer->id()},
                              {QStringLiteral("MASS_FIELD"), popField},
                              {QStringLiteral("METHOD"), parameterAsEnum(parameters, AREA_METHOD, context)},
                              {QStringLiteral("TOWNS"), townLayer->id()},
                              {QStringLiteral("TOWN_POP_FIELD"), popField},
                              {QStringLiteral("OUTPUT"), memory}};
  if (boundary) areasParameters.insert(QStringLiteral("STUDY_AREA"), boundaryInput);
  const QVariantMap areas = chain.run(QStringLiteral("influenceareas"), areasParameters);

  // 8: one GeoPackage, each layer with its style stored as its default.
  chain.nextStep();
  feedback->pushInfo(QString());
  feedback->pushInfo(tr("Stage 8 of 9: writing %1").arg(gpkg));
  std::unique_ptr<QgsVectorLayer> boundaryLayer;
  if (boundary) {
    boundaryLayer.reset(boundary->materialize(QgsFeatureRequest(), chain.stepFeedback()));
  }
  const std::vector<PlanLayer> planLayers{
      {kPlanLayers[0], townLayer, QStringLiteral("town_levels")},
      {kPlanLayers[1], poleLayer, QStringLiteral("town_levels")},
      {kPlanLayers[2], chain.layer(circles, QStringLiteral("OUTPUT")), QStringLiteral("service_circles")},
      {kPlanLayers[3], chain.layer(corridors, QStringLiteral("OUTPUT")), QStringLiteral("corridors")},
      {kPlanLayers[4], chain.layer(axes, QStringLiteral("AXES")), QStringLiteral("axes")},
      {kPlanLayers[5], chain.layer(axes, QStringLiteral("DESIRE_LINES")), QStringLiteral("desire_lines")},
      {kPlanLayers[6], chain.layer(groups, QStringLiteral("GROUPS")), QStringLiteral("town_groups")},
      {kPlanLayers[7], chain.layer(areas, QStringLiteral("OUTPUT")), QStringLiteral("influence_areas")},
      {kPlanLayers[8], boundaryLayer.get(), QStringLiteral("boundary")},
  };
  removeOnFailure(gpkg);
  bool first = true;
  QStringList stored, mapped;  // mapped: stored with features, which the map shows
  for (const PlanLayer& entry : planLayers) {
    if (!entry.layer) continue;
    conversion::throwIfCanceled(feedback);
    QgsVectorFileWriter::SaveVectorOptions options;
    options.driverName = QStringLiteral("GPKG");
    options.fileEncoding = QStringLiteral("UTF-8");
    options.layerName = entry.name;
    options.actionOnExistingFile = first ? QgsVectorFileWriter::CreateOrOverwriteFile : QgsVectorFileWriter::CreateOrOverwriteLayer;
    QString error;
    if (QgsVectorFileWriter::writeAsVectorFormatV3(entry.layer, gpkg, context.transformContext(), options, &error) != QgsVectorFileWriter::NoError)
      throw QgsProcessingException(tr("OUTPUT: cannot write layer %1 to %2: %3").arg(entry.name, gpkg, error));
    first = false;
    QgsVectorLayer styledLayer(QStringLiteral("%1|layername=%2").arg(gpkg, entry.name), entry.name, QStringLiteral("ogr"));
    QString message;
    if (!styledLayer.isValid() || !StylePostProcessor::applyStyle(&styledLayer, entry.style, &message)) {
      feedback->pushWarning(tr("%1: style not stored (%2).").arg(entry.name, message));
    } else {
      styledLayer.saveStyleToDatabase(entry.name, tr("poleaxis print style (%1)").arg(entry.style), true, QString(), message);
      if (!message.isEmpty()) feedback->pushWarning(tr("%1: style not stored (%2).").arg(entry.name, message));
    }
    stored << entry.name;
    if (entry.layer->featureCount() > 0) mapped << entry.name;
    feedback->pushInfo(tr("  %1: %n feature(s)", nullptr, int(entry.layer->featureCount())).arg(entry.name));
  }

  // 9: the plan map from the stored layers, so it shows what the GeoPackage holds.
  auto storedUri = [&](const QString& name) { return QStringLiteral("%1|layername=%2").arg(gpkg, name); };
  auto mapRole = [&](const QString& name) { return mapped.contains(name) ? QVariant(storedUri(name)) : QVariant(); };
  const QString pdf = parameterAsFileOutput(parameters, PDF, context);
  const QString png = parameterAsFileOutput(parameters, PNG, context);
  removeOnFailure(pdf);
  removeOnFailure(png);
  QVariantMap mapParameters{{QStringLiteral("TOWNS"), mapRole(QStringLiteral("towns"))},
                            {QStringLiteral("AXES"), mapRole(QStringLiteral("axes"))},
                            {QStringLiteral("CORRIDORS"), mapRole(QStringLiteral("corridors"))},
                            {QStringLiteral("CIRCLES"), mapRole(QStringLiteral("service_circles"))},
                            {QStringLiteral("GROUPS"), mapRole(QStringLiteral("groups"))},
                            {QStringLiteral("AREAS"), mapRole(QStringLiteral("influence_areas"))},
                            {QStringLiteral("BOUNDARY"), mapRole(QStringLiteral("boundary"))},
                            {QStringLiteral("TITLE"), parameterAsString(parameters, TITLE, context)},
                            {QStringLiteral("SUBTITLE"), parameterAsString(parameters, SUBTITLE, context)},
                            {QStringLiteral("AUTHOR"), parameterAsString(parameters, AUTHOR, context)},
                            {QStringLiteral("DATE"), parameterAsString(parameters, DATE, context)},
                            {QStringLiteral("SOURCE"), parameterAsString(parameters, SOURCE, context)},
                            {QStringLiteral("TEMPLATE"), parameterAsEnum(parameters, TEMPLATE, context)},
                            {QStringLiteral("PDF"), pdf},
                            {QStringLiteral("DPI"), parameterAsInt(parameters, DPI, context)}};
  if (!png.isEmpty()) mapParameters.insert(QStringLiteral("PNG"), png);
  chain.run(QStringLiteral("planmap"), mapParameters);

  if (context.project())
    for (const QString& name : stored)
      context.addLayerToLoadOnCompletion(storedUri(name), QgsProcessingContext::LayerDetails(name, context.project(), OUTPUT));
  QVariantMap outputs{{OUTPUT, gpkg},
                      {PDF, pdf},
                      {QStringLiteral("NUM_POLES"), int(poleLayer->featureCount())},
                      {QStringLiteral("NUM_GROUPS"), groups.value(QStringLiteral("NUM_GROUPS"))}};
  if (!png.isEmpty()) outputs.insert(PNG, png);
  if (!report.isEmpty()) outputs.insert(REPORT, report);
  return outputs;
}
