#include "townsystemalgorithm.h"
#include "qgiscompat.h"

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

#include <qgsexpression.h>
#include <qgsexpressioncontextutils.h>
#include <qgsmemoryproviderutils.h>

#include <QFile>
#include <QRegularExpression>
#include <limits>
#include <map>
#include <numeric>
#include <QElapsedTimer>
#include <QFileInfo>
#include <memory>

#include "conversion.h"
#include "memorybudget.h"
#include "planlayout.h"
#include "poleaxis/geodesic.h"
#include "poleaxis/geodesic_circle.h"
#include "poleaxis/group_shapes.h"
#include "poleaxis/plan_groups.h"
#include "poleaxis/polygon_ops.h"
#include "stylepostprocessor.h"

namespace {
const QString TOWNS = QStringLiteral("TOWNS");
const QString POP_FIELD = QStringLiteral("POP_FIELD");
const QString LINES = QStringLiteral("LINES");
const QString CLASS_FIELD = QStringLiteral("CLASS_FIELD");
const QString BOUNDARY = QStringLiteral("BOUNDARY");
const QString RIVERS = QStringLiteral("RIVERS");
const QString LEVEL_FIELD = QStringLiteral("LEVEL_FIELD");
const QString LEVEL_MAP = QStringLiteral("LEVEL_MAP");
const QString LEVEL_MASS = QStringLiteral("LEVEL_MASS");
const QString CENTRAL_CITY = QStringLiteral("CENTRAL_CITY");
const QString CIRCLE_KM = QStringLiteral("CIRCLE_KM");
const QString POLE_RULE = QStringLiteral("POLE_RULE");
const QString POLE_LEVEL = QStringLiteral("POLE_LEVEL");
const QString POLE_EXPRESSION = QStringLiteral("POLE_EXPRESSION");
const QString BELT_KM = QStringLiteral("BELT_KM");
const QString TOLERANCE_M = QStringLiteral("TOLERANCE_M");
const QString CIRCLE_MINUTES = QStringLiteral("CIRCLE_MINUTES");
const QString SPEED_TABLE = QStringLiteral("SPEED_TABLE");
const QString ACCESS_SPEED_KMH = QStringLiteral("ACCESS_SPEED_KMH");
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
const QString LANGUAGE = QStringLiteral("LANGUAGE");
const QString REGIONS = QStringLiteral("REGIONS");
const QString REGION_NAME_FIELD = QStringLiteral("REGION_NAME_FIELD");

// Runs poleaxis algorithms one after another on one context, each a step of
// the overall progress; an error names the stage it came from.
class Chain {
 public:
  Chain(QgsProcessingContext& context, QgsProcessingFeedback* feedback, int stages)
      : mContext(context), mFeedback(feedback), mSteps(stages, feedback), mStages(stages) {}

  QVariantMap run(const QString& algorithm, const QVariantMap& parameters) {
    finishStage();
    mSteps.setCurrentStep(mStage++);
    startStage();
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
    finishStage();
    return results;
  }

  QgsVectorLayer* layer(const QVariantMap& results, const QString& output) const {
    return qobject_cast<QgsVectorLayer*>(QgsProcessingUtils::mapLayerFromString(results.value(output).toString(), mContext));
  }

  // A stage the caller runs itself (writing the GeoPackage); its time is
  // logged when the next stage starts.
  void nextStep() {
    finishStage();
    mSteps.setCurrentStep(mStage++);
    startStage();
  }
  QgsProcessingFeedback* stepFeedback() { return &mSteps; }

 private:
  void startStage() {
    mClock.start();
    mOpen = true;
  }
  // Each stage's time and the process's peak memory so far, for planners
  // sizing a run (and the note of a national run).
  void finishStage() {
    if (!mOpen) return;
    mOpen = false;
    const double peak = memorybudget::peakBytes();
    mFeedback->pushInfo(peak > 0 ? TownSystemAlgorithm::tr("Stage %1 took %2 s; peak memory so far %3.")
                                       .arg(mStage).arg(double(mClock.elapsed()) / 1000.0, 0, 'f', 1).arg(memorybudget::describeBytes(peak))
                                 : TownSystemAlgorithm::tr("Stage %1 took %2 s.").arg(mStage).arg(double(mClock.elapsed()) / 1000.0, 0, 'f', 1));
  }

  QgsProcessingContext& mContext;
  QgsProcessingFeedback* mFeedback;
  QgsProcessingMultiStepFeedback mSteps;
  int mStages;
  int mStage = 0;
  QElapsedTimer mClock;
  bool mOpen = false;
};

}  // namespace

struct TownSystemAlgorithm::PlanLayer {
  QString name;  // GeoPackage table
  QgsVectorLayer* layer;
  QString style;  // resources/styles/<style>.qml
};

namespace {
// Where the hierarchy's results are in the towns' fields.
struct PlanFields {
  int rank, level, isPole, mass;
};

// A town's rank; an unranked town (NULL indicators) comes last, never first.
int rankOf(const QgsFeature& town, const PlanFields& fields) {
  const QVariant rank = town.attribute(fields.rank);
  return rank.isNull() ? std::numeric_limits<int>::max() : rank.toInt();
}

std::vector<QgsFeature> featuresOf(QgsVectorLayer& layer) {
  std::vector<QgsFeature> out;
  QgsFeatureIterator it = layer.getFeatures();
  QgsFeature f;
  while (it.nextFeature(f)) out.push_back(f);
  return out;
}

QgsVectorLayer* memoryCopy(const QgsVectorLayer& layer, const QString& name, QgsProcessingContext& context) {
  QgsVectorLayer* copy = QgsMemoryProviderUtils::createMemoryLayer(name, layer.fields(), layer.wkbType(), layer.crs());
  context.temporaryLayerStore()->addMapLayer(copy);
  return copy;
}

// The towns an expression selects, by index; refuses an invalid expression naming the parameter.
std::vector<size_t> matching(const std::vector<QgsFeature>& all, QgsVectorLayer& layer, const QString& text, const QString& parameter,
                             QgsProcessingContext& context) {
  QgsExpression expression(text);
  if (expression.hasParserError())
    throw QgsProcessingException(TownSystemAlgorithm::tr("%1: %2 is not a valid expression: %3").arg(parameter, text, expression.parserErrorString()));
  QgsExpressionContext scope = context.expressionContext();
  scope.appendScopes(QgsExpressionContextUtils::globalProjectLayerScopes(&layer));
  expression.prepare(&scope);
  std::vector<size_t> out;
  for (size_t i = 0; i < all.size(); ++i) {
    scope.setFeature(all[i]);
    const QVariant value = expression.evaluate(&scope);
    if (expression.hasEvalError())
      throw QgsProcessingException(TownSystemAlgorithm::tr("%1: %2 fails on feature %3: %4").arg(parameter, text).arg(all[i].id()).arg(expression.evalErrorString()));
    if (value.toBool()) out.push_back(i);
  }
  return out;
}

// The central city: the top-ranked town the expression selects (all towns when empty).
size_t centralCity(const std::vector<QgsFeature>& all, QgsVectorLayer& layer, const QString& text, const PlanFields& fields,
                   QgsProcessingContext& context, QgsProcessingFeedback* feedback) {
  std::vector<size_t> candidates;
  if (text.trimmed().isEmpty()) {
    for (size_t i = 0; i < all.size(); ++i) candidates.push_back(i);
  } else {
    candidates = matching(all, layer, text, CENTRAL_CITY, context);
  }
  if (candidates.empty())
    throw QgsProcessingException(TownSystemAlgorithm::tr("CENTRAL_CITY: no town matches %1. Check the expression, e.g. \"name\" = '吉林市'.").arg(text));
  auto rank = [&](size_t i) { return rankOf(all[i], fields); };
  const size_t best = *std::min_element(candidates.begin(), candidates.end(), [&](size_t a, size_t b) { return rank(a) < rank(b); });
  if (!text.trimmed().isEmpty() && candidates.size() > 1)
    feedback->pushWarning(TownSystemAlgorithm::tr("CENTRAL_CITY: %1 towns match %2; the top-ranked of them (feature %3) is the central city.")
                              .arg(candidates.size())
                              .arg(text)
                              .arg(all[best].id()));
  return best;
}

// The growth poles by rule (0 top N by rank, 1 every town of a level, 2 an expression), never the central city; by rank.
std::vector<size_t> growthPoles(const std::vector<QgsFeature>& all, QgsVectorLayer& layer, size_t central, int rule, int topN, int poleLevel,
                                const QString& expression, const PlanFields& fields, QgsProcessingContext& context) {
  std::vector<size_t> order(all.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rankOf(all[a], fields) < rankOf(all[b], fields); });
  std::vector<size_t> poles;
  if (rule == 2) {
    const std::vector<size_t> chosen = matching(all, layer, expression, POLE_EXPRESSION, context);
    for (size_t i : order)
      if (i != central && std::find(chosen.begin(), chosen.end(), i) != chosen.end()) poles.push_back(i);
    if (poles.empty()) throw QgsProcessingException(TownSystemAlgorithm::tr("POLE_EXPRESSION: no town but the central city matches %1.").arg(expression));
  } else if (rule == 1) {
    for (size_t i : order)
      if (i != central && all[i].attribute(fields.level).toInt() == poleLevel) poles.push_back(i);
    if (poles.empty())
      throw QgsProcessingException(TownSystemAlgorithm::tr("POLE_LEVEL: no town but the central city has level %1. Choose a level the hierarchy has.").arg(poleLevel));
  } else {
    for (size_t i : order)
      if (i != central && int(poles.size()) < topN && !all[i].attribute(fields.rank).isNull()) poles.push_back(i);
  }
  return poles;
}

// The plan's groups as the towns get them, and their polygons.
struct PlanGroupLayers {
  poleaxis::PlanGroups groups;
  std::vector<QString> beltNames;
  std::vector<poleaxis::Line> beltLines;  // lon/lat
  std::vector<poleaxis::Point> lonlat;    // the towns
  QgsFeatureList ungrouped;               // neither central, in the circle nor in a belt
  std::vector<size_t> ungroupedRows;
  QgsVectorLayer* groupLayer = nullptr;
};

PlanGroupLayers planGroups(const std::vector<QgsFeature>& all, const QgsVectorLayer& towns, size_t central, QgsVectorLayer* axes,
                           double circleKm, double beltKm, QgsProcessingContext& context, const std::vector<char>& circleMembers) {
  PlanGroupLayers out;
  const QgsCoordinateTransform toLonLat = conversion::toWgs84(towns.crs(), TOWNS, context);
  for (const QgsFeature& f : all) {
    QgsPointXY p = f.geometry().asPoint();
    try {
      p = toLonLat.transform(p);
    } catch (const QgsCsException&) {
      throw QgsProcessingException(TownSystemAlgorithm::tr("TOWNS: feature %1 cannot be transformed to WGS 84.").arg(f.id()));
    }
    out.lonlat.push_back({p.x(), p.y()});
  }
  // The grade-1 and grade-2 axes, one belt per axis name.
  if (axes) {
    const QgsCoordinateTransform axesToLonLat = conversion::toWgs84(axes->crs(), LINES, context);
    const int grade = axes->fields().lookupField(QStringLiteral("grade")), name = axes->fields().lookupField(QStringLiteral("name"));
    QgsFeatureIterator it = axes->getFeatures();
    QgsFeature f;
    while (it.nextFeature(f)) {
      if (f.attribute(grade).toInt() < 1 || f.attribute(grade).toInt() > 2) continue;
      QgsGeometry g = f.geometry();
      g.transform(axesToLonLat);
      const QString axisName = f.attribute(name).toString();
      auto at = std::find(out.beltNames.begin(), out.beltNames.end(), axisName);
      if (at == out.beltNames.end()) {
        out.beltNames.push_back(axisName);
        out.beltLines.emplace_back();
        at = out.beltNames.end() - 1;
      }
      poleaxis::Line& line = out.beltLines[size_t(at - out.beltNames.begin())];
      for (const QgsPolylineXY& part : g.isMultipart() ? g.asMultiPolyline() : QgsMultiPolylineXY{g.asPolyline()}) {
        poleaxis::Polyline points;
        for (const QgsPointXY& p : part) points.push_back({p.x(), p.y()});
        if (points.size() >= 2) line.push_back(points);
      }
    }
  }
  poleaxis::PlanGroupsRequest request;
  request.towns = out.lonlat;
  request.central = long(central);
  request.circle_km = circleKm;
  request.circle_members = circleMembers;
  request.axes = out.beltLines;
  request.belt_km = beltKm;
  out.groups = poleaxis::plan_groups(request);
  for (size_t i = 0; i < all.size(); ++i)
    if (i != central && !out.groups.in_circle[i] && out.groups.belts[i].empty()) {
      out.ungrouped << all[i];
      out.ungroupedRows.push_back(i);
    }
  return out;
}

// The plan's region in WGS 84: the boundary, else the towns' extent plus a
// margin (a tenth of its size, at least 0.1°), so that river belts and
// corridors stay on the plan while axes may run out to external centres.
QgsGeometry planRegion(const std::vector<poleaxis::Point>& towns, QgsProcessingFeatureSource* boundary, QgsProcessingContext& context,
                       QgsProcessingFeedback* feedback) {
  if (boundary) return conversion::toGeometry(conversion::readPolygonsAsLonLat(*boundary, BOUNDARY, context, feedback));
  QgsRectangle box = compat::emptyRectangle();
  for (const poleaxis::Point& p : towns) box.combineExtentWith(p.x, p.y);
  const double margin = std::max(0.1, 0.1 * std::max(box.width(), box.height()));
  box.grow(margin);
  return QgsGeometry::fromRect(box);
}

// Clips every feature of a memory layer to the region (WGS 84) in place; features left empty are deleted.
void clipToRegion(QgsVectorLayer* layer, const QgsGeometry& region, QgsProcessingContext& context) {
  if (!layer) return;
  QgsGeometry inLayer = region;
  inLayer.transform(QgsCoordinateTransform(conversion::wgs84(), layer->crs(), context.transformContext()));
  QgsGeometryMap changed;
  QgsFeatureIds gone;
  QgsFeatureIterator it = layer->getFeatures();
  QgsFeature f;
  while (it.nextFeature(f)) {
    QgsGeometry g = f.geometry().intersection(inLayer);
    if (g.isNull() || g.isEmpty()) {
      gone << f.id();
      continue;
    }
    g.convertToMultiType();
    changed.insert(f.id(), g);
  }
  layer->dataProvider()->changeGeometryValues(changed);
  layer->dataProvider()->deleteFeatures(gone);
  layer->updateExtents();
}

// The towns with is_centre, group_kind (circle, belt, cluster), group_id and
// belts, and the groups' polygons clipped to the boundary: the circle, a
// band of belt_km along each belt's axis, and the clusters' envelopes.
QgsVectorLayer* finishGroups(PlanGroupLayers& plan, const std::vector<QgsFeature>& all, const QgsVectorLayer& typed, size_t central,
                             const std::vector<size_t>& poles, double circleKm, double beltKm, QgsVectorLayer* clusterTowns,
                             QgsVectorLayer* clusterGroups, const PlanFields& fields, QgsProcessingFeatureSource* boundary,
                             QgsProcessingContext& context, QgsProcessingFeedback* feedback, const QString& centralName,
                             double circleMinutes, QgsVectorLayer* reachArea, bool chinese) {
  const size_t n = all.size();
  std::vector<int> groupId(n, 0);
  std::vector<QString> kind(n);
  std::vector<QString> belts(n);
  struct Group {
    int id;
    QString kind, name;
    poleaxis::MultiPolygon shape;
    int towns = 0;
    double people = 0;  // Σ mass of its towns
  };
  std::vector<Group> groups;
  poleaxis::MultiPolygon area;
  if (boundary) area = conversion::readPolygonsAsLonLat(*boundary, BOUNDARY, context, feedback);
  auto clipped = [&](const poleaxis::MultiPolygon& shape) { return boundary ? poleaxis::intersection(shape, area) : shape; };
  int next = 1;
  if (plan.groups.circle_size > 0) {
    poleaxis::MultiPolygon circle;
    if (reachArea) {  // the travel-time area
      const QgsCoordinateTransform toLonLat = conversion::toWgs84(reachArea->crs(), TOWNS, context);
      for (const QgsFeature& f : featuresOf(*reachArea)) {
        QgsGeometry g = f.geometry();
        g.transform(toLonLat);
        const poleaxis::MultiPolygon part = conversion::toMultiPolygon(g);
        circle.insert(circle.end(), part.begin(), part.end());
      }
    } else {
      circle = poleaxis::geodesic_circle(plan.lonlat[central], circleKm * 1000.0, 72);
    }
    // The circle's name is data: in the plan's language, not the QGIS locale.
    const QString name = chinese ? (reachArea ? QStringLiteral("%1%2分钟圈").arg(centralName).arg(circleMinutes)
                                              : QStringLiteral("%1%2公里圈").arg(centralName).arg(circleKm))
                                 : (reachArea ? QStringLiteral("%1 %2-minute circle").arg(centralName).arg(circleMinutes)
                                              : QStringLiteral("%1 circle (%2 km)").arg(centralName).arg(circleKm));
    groups.push_back({next, QStringLiteral("circle"), name, clipped(circle), int(plan.groups.circle_size)});
    for (size_t i = 0; i < n; ++i)
      if (plan.groups.in_circle[i]) groupId[i] = next, kind[i] = QStringLiteral("circle");
    ++next;
  }
  std::vector<int> beltId(plan.beltNames.size(), 0);
  for (size_t b = 0; b < plan.beltNames.size(); ++b) {
    if (plan.groups.belt_size[b] == 0) continue;
    beltId[b] = next;
    groups.push_back({next++, QStringLiteral("belt"), plan.beltNames[b], clipped(poleaxis::belt_band(plan.beltLines[b], beltKm)),
                      int(plan.groups.belt_size[b])});
  }
  for (size_t i = 0; i < n; ++i) {
    QStringList names;
    for (size_t b : plan.groups.belts[i]) names << plan.beltNames[b];
    belts[i] = names.join(QStringLiteral("; "));
    if (!groupId[i] && !plan.groups.belts[i].empty()) groupId[i] = beltId[plan.groups.belts[i].front()], kind[i] = QStringLiteral("belt");
  }
  // The clusters of the rest: townclusters keeps the towns' order.
  if (clusterTowns && clusterGroups) {
    const int label = clusterTowns->fields().lookupField(QStringLiteral("group_id"));
    const std::vector<QgsFeature> clustered = featuresOf(*clusterTowns);
    std::map<int, int> idOf;
    for (size_t r = 0; r < clustered.size() && r < plan.ungroupedRows.size(); ++r) {
      const QVariant value = clustered[r].attribute(label);
      if (value.isNull() || value.toInt() < 0) continue;
      auto [it, fresh] = idOf.emplace(value.toInt(), 0);
      if (fresh) it->second = next++;
      groupId[plan.ungroupedRows[r]] = it->second;
      kind[plan.ungroupedRows[r]] = QStringLiteral("cluster");
    }
    const QgsCoordinateTransform toLonLat = conversion::toWgs84(clusterGroups->crs(), TOWNS, context);
    const int gid = clusterGroups->fields().lookupField(QStringLiteral("group_id"));
    const int lead = clusterGroups->fields().lookupField(QStringLiteral("lead_name"));
    const int count = clusterGroups->fields().lookupField(QStringLiteral("n_towns"));
    for (const QgsFeature& f : featuresOf(*clusterGroups)) {
      const auto it = idOf.find(f.attribute(gid).toInt());
      if (it == idOf.end()) continue;
      QgsGeometry g = f.geometry();
      g.transform(toLonLat);
      groups.push_back({it->second, QStringLiteral("cluster"), lead >= 0 ? f.attribute(lead).toString() : QString(),
                        clipped(conversion::toMultiPolygon(g)), count >= 0 ? f.attribute(count).toInt() : 0});
    }
  }

  // Each group's people: the planning mass of its towns (a town in the circle and a belt counts in both).
  auto massOf = [&](size_t i) { return std::max(0.0, conversion::numberOrNan(all[i].attribute(fields.mass))); };
  for (Group& g : groups) {
    for (size_t i = 0; i < n; ++i) {
      const bool member = g.kind == QLatin1String("circle") ? bool(plan.groups.in_circle[i])
                          : g.kind == QLatin1String("belt")
                              ? std::any_of(plan.groups.belts[i].begin(), plan.groups.belts[i].end(), [&](size_t b) { return beltId[b] == g.id; })
                              : groupId[i] == g.id;
      if (member) g.people += std::isfinite(massOf(i)) ? massOf(i) : 0.0;
    }
  }

  // The groups layer, neighbours in different colours.
  std::vector<poleaxis::MultiPolygon> shapes;
  for (const Group& g : groups) shapes.push_back(g.shape);
  const std::vector<int> colours = poleaxis::colour_neighbours(shapes, 1e-6);
  plan.groupLayer = new QgsVectorLayer(QStringLiteral("MultiPolygon?crs=EPSG:4326&field=group_id:integer&field=kind:string&field=name:string"
                                                      "&field=n_towns:integer&field=pop_sum:double&field=area_km2:double&field=colour:integer"),
                                       QStringLiteral("groups"), QStringLiteral("memory"));
  context.temporaryLayerStore()->addMapLayer(plan.groupLayer);
  QgsFeatureList groupFeatures;
  for (size_t g = 0; g < groups.size(); ++g) {
    QgsFeature f(plan.groupLayer->fields());
    f.setAttributes(QgsAttributes() << groups[g].id << groups[g].kind << groups[g].name << groups[g].towns << groups[g].people
                                    << poleaxis::Geodesic::wgs84().area_m2(groups[g].shape) / 1e6 << colours[g]);
    f.setGeometry(conversion::toGeometry(groups[g].shape));
    groupFeatures << f;
  }
  plan.groupLayer->dataProvider()->addFeatures(groupFeatures);

  // The towns, with the plan's poles and groups.
  QgsFields outFields = typed.fields();
  for (const QString& name : {QStringLiteral("is_centre"), QStringLiteral("group_id")}) outFields.append(compat::field(name, compat::value::Int));
  for (const QString& name : {QStringLiteral("group_kind"), QStringLiteral("belts")}) outFields.append(compat::field(name, compat::value::String));
  QgsVectorLayer* out = QgsMemoryProviderUtils::createMemoryLayer(QStringLiteral("towns"), outFields, typed.wkbType(), typed.crs());
  context.temporaryLayerStore()->addMapLayer(out);
  QgsFeatureList features;
  for (size_t i = 0; i < n; ++i) {
    QgsFeature f = all[i];
    QgsAttributes a = f.attributes();
    a[fields.isPole] = std::find(poles.begin(), poles.end(), i) != poles.end();
    a << int(i == central) << (groupId[i] ? QVariant(groupId[i]) : QVariant()) << (kind[i].isEmpty() ? QVariant() : QVariant(kind[i]))
      << (belts[i].isEmpty() ? QVariant() : QVariant(belts[i]));
    f.setFields(outFields, false);
    f.setAttributes(a);
    features << f;
  }
  out->dataProvider()->addFeatures(features);
  feedback->pushInfo(TownSystemAlgorithm::tr("Town groups: %1 in the circle (%2), %3 belt(s) of %4 km, %5 group(s) of the rest.")
                         .arg(plan.groups.circle_size)
                         .arg(reachArea ? TownSystemAlgorithm::tr("%1 minutes of travel").arg(circleMinutes)
                                        : TownSystemAlgorithm::tr("%1 km").arg(circleKm))
                         .arg(std::count_if(beltId.begin(), beltId.end(), [](int id) { return id > 0; }))
                         .arg(beltKm)
                         .arg(std::count_if(groups.begin(), groups.end(), [](const Group& g) { return g.kind == QLatin1String("cluster"); })));
  return out;
}
}  // namespace

// The plan's GeoPackage layers, in the order they are written.
const QStringList kPlanLayers{QStringLiteral("towns"),        QStringLiteral("poles"),  QStringLiteral("service_circles"),
                              QStringLiteral("corridors"),    QStringLiteral("axes"),   QStringLiteral("desire_lines"),
                              QStringLiteral("groups"),       QStringLiteral("influence_areas"), QStringLiteral("boundary")};
// The print style of each of those tables (resources/styles/<style>.qml).
const QStringList kPlanStyles{QStringLiteral("town_levels"),     QStringLiteral("town_levels"), QStringLiteral("service_circles"),
                              QStringLiteral("corridors"),       QStringLiteral("axes"),        QStringLiteral("desire_lines"),
                              QStringLiteral("town_groups"),     QStringLiteral("influence_areas"), QStringLiteral("boundary")};

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
    if (!lines || lines->geometryType() != compat::LineGeometry)
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

compat::AlgorithmFlags TownSystemAlgorithm::flags() const {
  // The last stage lays out the map, which runs on the main thread.
  return PoleaxisAlgorithm::flags() | compat::NoThreading;
}

QString TownSystemAlgorithm::helpText() const {
  return tr(
      "Draws a city-region town-system plan after the pole-axis (点轴) model — a central city, its circle, growth "
      "poles, axes to them and to external centres, belts of towns along the axes, groups of the rest — and writes "
      "one GeoPackage, the hierarchy report and the plan map.\n\n"
      "<b>Stages</b> (each is also an algorithm of its own; the parameters below keep their names):\n"
      "1. Town hierarchy: score = weighted sum of the normalised population (POP_FIELD) and rail/road access "
      "(distance to LINES, less is better); LEVELS levels by natural breaks. Towns without population: LEVEL_FIELD + "
      "LEVEL_MAP (kind=level;…) set the levels, the score ranks within a level. LEVEL_MASS (level=people;…) gives "
      "towns of unknown population their level's nominal planning population (field mass), used for gravity, "
      "influence and the groups' pop_sum.\n"
      "2. Town functions: transport hubs where lines meet (type, type_zh).\n"
      "The central city: the top-ranked town CENTRAL_CITY selects (an expression; empty = the top-ranked town; "
      "several matches = the top-ranked of them, with a warning). The growth poles by POLE_RULE: the TOP_N highest "
      "ranked, every town of POLE_LEVEL, or POLE_EXPRESSION; the central city is never one of its own poles.\n"
      "3. Service circles of RADIUS km around the central city and the poles.\n"
      "4. Corridors along LINES (one or more layers: rail, highways): half-width from CLASS_FIELD (a field name; "
      "a layer without it has its layer name as class) and WIDTH_TABLE (class=km;…), WIDTH km for a class missing "
      "from the table; BANDS (e.g. 5;10;20 km) draws distance bands instead. RIVERS (optional) add river belts "
      "(class river). Corridors and river belts are clipped to the plan's region (BOUNDARY, else the towns' extent "
      "with a margin).\n"
      "5. Development axes from the central city and between the poles over the noded network of LINES (ends within "
      "TOLERANCE_M m join): gravity G = M_i·M_j / d^b (M = mass, b = EXPONENT, default 2; d per DISTANCE_MODE: "
      "geodesic km, or km or minutes along LINES, centres snapped within SNAP_KM), flows summed on the lines and "
      "graded 1–3. EXTERNAL (optional points, with EXTERNAL_MASS_FIELD) are metropolises outside the plan that pull "
      "on it: they pair only with the plan's centres, and their axes are marked external.\n"
      "6. Town groups: the circle group, every town within CIRCLE_KM km (geodesic, inclusive) of the central city, or "
      "with CIRCLE_MINUTES > 0 every town it reaches within that travel time over LINES (speeds from SPEED_TABLE, "
      "ACCESS_SPEED_KMH off the lines; the circle's polygon is then the travel-time area, a stage of its own); "
      "a belt group along every grade-1 and grade-2 axis, the towns within BELT_KM km of it (named after the axis, "
      "e.g. 吉林市—长春; belts may overlap the circle); the other towns by METHOD (default Ward linkage into K groups; "
      "CUT_DISTANCE > 0 cuts at that distance in km; DBSCAN uses EPS km and MIN_POINTS). In the towns layer "
      "group_kind and group_id give the first of circle, belt, cluster, and belts lists every belt of the town. The "
      "groups layer has the circle, a band of BELT_KM along each belt's axis and the clusters' envelopes (HULL), "
      "clipped to BOUNDARY, with kind, name, n_towns, pop_sum and area_km2.\n"
      "7. Influence areas of the centres: AREA_METHOD Voronoi, weighted Voronoi (√mass, Reilly/Converse breaking "
      "points; default) or Huff, clipped to BOUNDARY (or the centres' extent).\n"
      "8. The GeoPackage OUTPUT with layers towns (score, level, is_pole, is_centre, type, group_kind, group_id, "
      "belts), poles (the central city first), service_circles, corridors, axes, desire_lines, groups, "
      "influence_areas and boundary, each with its print style stored as the layer's default.\n"
      "9. The plan map PDF (and PNG at DPI) from those layers: TITLE, SUBTITLE, AUTHOR, DATE, SOURCE, TEMPLATE. "
      "LANGUAGE sets the language of the map's texts and of the circle group's name (auto: the title's script).\n\n"
      "Atlas of regions: with REGIONS (polygons, named by REGION_NAME_FIELD), stages 1–7 run for the towns inside "
      "each region on its own, with the region as BOUNDARY and the LINES and RIVERS near it: poles, axes, belts and "
      "groups per region. A region with fewer than TOP_N + 1 towns (at least 3) is skipped with a log line; a region "
      "whose run fails is skipped with a warning that says why, and the others go on. OUTPUT is one GeoPackage whose "
      "every layer has a region field (the region's name); PDF has one page per planned region, titled with the "
      "region's name before TITLE (or at %1 in TITLE), with that region's layers only and its own inset; PNG gives "
      "one file per page (name_01.png, …). Regions run one after another (the stages share one processing context, "
      "which QGIS does not allow across threads); progress is per region, and a cancel stops at the next stage or "
      "region and removes every file written. REPORT is not written in an atlas run.\n\n"
      "Distances are km on the ground (geodesic, or a logged local projected CRS). A failed or cancelled run removes "
      "every file it wrote.");
}

void TownSystemAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFeatureSource(TOWNS, tr("Towns"), compat::sourceTypes({compat::VectorPoint})));
  addParameter(new QgsProcessingParameterField(POP_FIELD, tr("Population field"), QVariant(), TOWNS, compat::FieldDataType::Numeric,
                                               false, true));
  addParameter(new QgsProcessingParameterField(LEVEL_FIELD, tr("Level from field (administrative kind)"), QVariant(), TOWNS,
                                               compat::FieldDataType::Any, false, true));
  addParameter(new QgsProcessingParameterString(LEVEL_MAP, tr("Level map (kind=level;…)"),
                                                QStringLiteral("prefecture_city=1;district=1;county_city=2;county=2;town=3;street=3;township=4;other=4"),
                                                false, true));
  addParameter(new QgsProcessingParameterString(LEVEL_MASS, tr("Nominal population per level (level=people;…)"),
                                                QStringLiteral("1=1500000;2=250000;3=30000;4=8000"), false, true));
  addParameter(new QgsProcessingParameterExpression(CENTRAL_CITY, tr("Central city (expression; empty = the top-ranked town)"), QVariant(),
                                                    TOWNS, true));
  addParameter(new QgsProcessingParameterNumber(CIRCLE_KM, tr("Circle of the central city (km; its towns form the circle group)"),
                                                compat::NumberType::Double, 30.0, true, 0.0));
  addParameter(new QgsProcessingParameterEnum(POLE_RULE, tr("Growth poles"),
                                              QStringList() << tr("Top N by score") << tr("Every town of the pole level") << tr("An expression"),
                                              false, 0, true));
  addParameter(new QgsProcessingParameterNumber(POLE_LEVEL, tr("Pole level"), compat::NumberType::Integer, 2, true, 1));
  addParameter(new QgsProcessingParameterExpression(POLE_EXPRESSION, tr("Pole expression"), QVariant(), TOWNS, true));
  addParameter(new QgsProcessingParameterNumber(BELT_KM, tr("Belts: towns within this distance of a grade-1 or grade-2 axis (km)"),
                                                compat::NumberType::Double, 10.0, true));
  addParameter(new QgsProcessingParameterNumber(CIRCLE_MINUTES, tr("Circle by travel time over the lines (minutes; 0 = by CIRCLE_KM)"),
                                                compat::NumberType::Double, 0.0, true, 0.0));
  addParameter(advanced(new QgsProcessingParameterString(SPEED_TABLE, tr("Line speeds for travel times (class=km/h;…)"),
                                                         QStringLiteral("rail=120;rail_hsr=250;expressway=100;national_road=70"), false, true)));
  addParameter(advanced(new QgsProcessingParameterNumber(ACCESS_SPEED_KMH, tr("Access speed off the lines (km/h)"),
                                                         compat::NumberType::Double, 20.0, true)));
  addParameter(advanced(new QgsProcessingParameterNumber(TOLERANCE_M, tr("Topology tolerance of the lines: ends this close join (m)"),
                                                         compat::NumberType::Double, 100.0, true)));
  addParameter(new QgsProcessingParameterMultipleLayers(LINES, tr("Lines (rail, highways; one or more layers)"), compat::VectorLine));
  addParameter(new QgsProcessingParameterString(CLASS_FIELD, tr("Line class field (else the layer name is the class)"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterMultipleLayers(RIVERS, tr("Rivers (river belts; optional)"), compat::VectorLine, QVariant(), true));
  addParameter(new QgsProcessingParameterFeatureSource(EXTERNAL, tr("External centres (metropolises outside the plan)"),
                                                       compat::sourceTypes({compat::VectorPoint}), QVariant(), true));
  addParameter(new QgsProcessingParameterField(EXTERNAL_MASS_FIELD, tr("Mass field of the external centres"), QVariant(), EXTERNAL,
                                               compat::FieldDataType::Numeric, false, true));
  addParameter(new QgsProcessingParameterFeatureSource(BOUNDARY, tr("Planning boundary"), compat::sourceTypes({compat::VectorPolygon}),
                                                       QVariant(), true));
  addParameter(new QgsProcessingParameterString(TITLE, tr("Map title"), tr("Town system plan")));
  addParameter(new QgsProcessingParameterNumber(LEVELS, tr("Hierarchy levels"), compat::NumberType::Integer, 4, false, 2, 9));
  addParameter(new QgsProcessingParameterNumber(TOP_N, tr("Growth poles (top N by score)"), compat::NumberType::Integer, 5, false, 1));
  addParameter(new QgsProcessingParameterNumber(RADIUS, tr("Service radius around each pole (km)"), compat::NumberType::Double, 30.0,
                                                false, 0.001));
  addParameter(new QgsProcessingParameterString(WIDTH_TABLE, tr("Corridor width table (class=km;…)"),
                                                QStringLiteral("high_speed_rail=10;rail_hsr=10;rail=5;expressway=5;national_road=3"), false, true));
  addParameter(new QgsProcessingParameterNumber(WIDTH, tr("Corridor width without a class (km, each side)"),
                                                compat::NumberType::Double, 5.0, false, 0.001));
  addParameter(advanced(new QgsProcessingParameterString(BANDS, tr("Corridor bands (km, e.g. 5;10;20; empty = widths)"), QVariant(), false, true)));
  addParameter(new QgsProcessingParameterEnum(DISTANCE_MODE, tr("Axis distance"),
                                              QStringList() << tr("Geodesic km") << tr("Network km") << tr("Network minutes"), false, 1));
  addParameter(advanced(new QgsProcessingParameterNumber(EXPONENT, tr("Gravity distance exponent b"), compat::NumberType::Double, 2.0, false, 0.0)));
  addParameter(advanced(new QgsProcessingParameterNumber(SNAP_KM, tr("Snap poles to the lines within (km)"), compat::NumberType::Double, 10.0, false, 0.0)));
  addParameter(new QgsProcessingParameterEnum(METHOD, tr("Town groups by"),
                                              QStringList() << tr("DBSCAN") << tr("Single linkage") << tr("Complete linkage")
                                                            << tr("Average linkage") << tr("Ward linkage") << tr("k-means++") << tr("Louvain communities"),
                                              false, 4));
  addParameter(new QgsProcessingParameterNumber(K, tr("Number of town groups (K)"), compat::NumberType::Integer, 3, false, 1));
  addParameter(advanced(new QgsProcessingParameterNumber(CUT_DISTANCE, tr("Cut the linkage at (km; 0 = use K)"), compat::NumberType::Double, 0.0, false, 0.0)));
  addParameter(advanced(new QgsProcessingParameterNumber(EPS, tr("DBSCAN radius (km)"), compat::NumberType::Double, 30.0, false, 0.001)));
  addParameter(advanced(new QgsProcessingParameterNumber(MIN_POINTS, tr("DBSCAN minimum towns"), compat::NumberType::Double, 2.0, false, 1.0)));
  addParameter(advanced(new QgsProcessingParameterEnum(HULL, tr("Group polygons"),
                                                       QStringList() << tr("Convex hull") << tr("Concave hull") << tr("Footprint (discs)"), false, 1)));
  addParameter(new QgsProcessingParameterEnum(AREA_METHOD, tr("Influence areas"),
                                              QStringList() << tr("Voronoi") << tr("Weighted Voronoi (Reilly/Converse)") << tr("Huff"), false, 1));
  addParameter(new QgsProcessingParameterString(SUBTITLE, tr("Map subtitle"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterString(AUTHOR, tr("Author / planning unit"), QVariant(), false, true));
  addParameter(advanced(new QgsProcessingParameterString(DATE, tr("Date (empty = today)"), QVariant(), false, true)));
  addParameter(new QgsProcessingParameterString(SOURCE, tr("Source note"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterEnum(TEMPLATE, tr("Map template"),
                                              QStringList() << tr("A3 landscape") << tr("A4 landscape") << tr("A3 portrait") << tr("A4 portrait"), false, 0));
  addParameter(advanced(new QgsProcessingParameterEnum(LANGUAGE, tr("Language of the map's texts and group names"), planLanguageOptions(), false, 0, true)));
  addParameter(new QgsProcessingParameterFeatureSource(REGIONS, tr("Atlas: plan each region on its own (polygons; optional)"),
                                                       compat::sourceTypes({compat::VectorPolygon}), QVariant(), true));
  addParameter(new QgsProcessingParameterField(REGION_NAME_FIELD, tr("Atlas: region name field"), QVariant(), REGIONS,
                                               compat::FieldDataType::Any, false, true));
  addParameter(new QgsProcessingParameterFileDestination(OUTPUT, tr("Plan GeoPackage"), tr("GeoPackage (*.gpkg)")));
  addParameter(new QgsProcessingParameterFileDestination(PDF, tr("Plan map (PDF)"), tr("PDF files (*.pdf)")));
  addParameter(new QgsProcessingParameterFileDestination(PNG, tr("Plan map (PNG)"), tr("PNG files (*.png)"), QVariant(), true, false));
  addParameter(advanced(new QgsProcessingParameterNumber(DPI, tr("PNG resolution (dpi)"), compat::NumberType::Integer, 150, false, 36, 1200)));
  addParameter(new QgsProcessingParameterFileDestination(REPORT, tr("Hierarchy report (HTML)"), tr("HTML files (*.html)"), QVariant(), true));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("NUM_POLES"), tr("Number of growth poles")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("NUM_GROUPS"), tr("Number of town groups")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("NUM_REGIONS"), tr("Number of regions planned (atlas)")));
}

// One run of the chain: the checked inputs, then what each stage adds.
struct TownSystemAlgorithm::Run {
  // Checked inputs (checkInputs).
  std::unique_ptr<QgsProcessingFeatureSource> towns, external, boundary;
  QString popField, levelField, levelMass, givenClassField, externalMass, poleExpression, gpkg, report;
  QList<QgsMapLayer*> lineLayers;
  int topN = 0, poleRule = 0, language = 0;
  bool chinese = false;  // the map's texts and the circle group's name
  double circleKm = 0, circleMinutes = 0, beltKm = 0;
  // The stages' shared inputs.
  std::unique_ptr<Chain> chain;
  const QString classField = QStringLiteral("class");  // every stage reads the merged LINES with this class field
  const QString memory = QStringLiteral("memory:");
  QVariant townsInput, linesInput, boundaryInput;
  // Stages 1–2 (rankTowns).
  QgsVectorLayer* typed = nullptr;
  PlanFields planFields{};
  QString massField;
  std::vector<QgsFeature> all;
  size_t central = 0;
  std::vector<size_t> poles;
  QgsVectorLayer* centres = nullptr;  // the central city, then the poles
  QgsGeometry region;
  // Stages 3–5 (axesAndBelts).
  QVariantMap circles, corridors, axes;
  QgsVectorLayer* axisLayer = nullptr;
  // Stages 6–7 (townGroups).
  PlanGroupLayers plan;
  QVariantMap groups, areas;
  QgsVectorLayer* townLayer = nullptr;
  QgsVectorLayer* groupLayer = nullptr;
  QString centralName;
  QStringList groupFeaturesKinds;
  // Stage 8 (writeGeoPackage).
  std::unique_ptr<QgsVectorLayer> boundaryLayer;
  QStringList stored, mapped;  // mapped: stored with features, which the map shows

  QString nameOf(size_t i) const {
    const int names = nameFieldIndex(typed->fields());
    return names >= 0 ? all[i].attribute(names).toString() : QString::number(all[i].id());
  }
};

QVariantMap TownSystemAlgorithm::execute(const QVariantMap& parameters, QgsProcessingContext& context,
                                         QgsProcessingFeedback* feedback) {
  if (std::unique_ptr<QgsProcessingFeatureSource>(parameterAsSource(parameters, REGIONS, context))) return runAtlas(parameters, context, feedback);
  Run run = checkInputs(parameters, context);
  run.chain = std::make_unique<Chain>(context, feedback, run.circleMinutes > 0 ? 10 : 9);
  rankTowns(run, parameters, context, feedback);
  axesAndBelts(run, parameters, context, feedback);
  townGroups(run, parameters, context, feedback);
  writeGeoPackage(run, context, feedback);
  return drawPlanMap(run, parameters, context);
}

QString TownSystemAlgorithm::outputGeoPackage(const QVariantMap& parameters, const QStringList& files, QgsProcessingContext& context) const {
  const QString gpkg = parameterAsFileOutput(parameters, OUTPUT, context);
  if (!gpkg.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive))
    throw QgsProcessingException(tr("OUTPUT: %1 is not a GeoPackage; give a file name ending in .gpkg.").arg(gpkg));
  checkOutputFolders(parameters, files, context);
  return gpkg;
}

TownSystemAlgorithm::Run TownSystemAlgorithm::checkInputs(const QVariantMap& parameters, QgsProcessingContext& context) const {
  // Inputs are checked here, under this algorithm's parameter names, before any stage runs.
  Run run;
  run.towns = requireSource(parameters, TOWNS, context);
  const std::unique_ptr<QgsProcessingFeatureSource>& towns = run.towns;
  const QString popField = parameterAsString(parameters, POP_FIELD, context);
  const QString levelField = parameterAsString(parameters, LEVEL_FIELD, context);
  if (popField.isEmpty() && levelField.isEmpty())
    throw QgsProcessingException(tr("POP_FIELD: choose the population field, or a LEVEL_FIELD (administrative kind) for towns without population."));
  if (!popField.isEmpty()) requireField(towns->fields(), popField, POP_FIELD, TOWNS, true);
  if (!levelField.isEmpty()) requireField(towns->fields(), levelField, LEVEL_FIELD, TOWNS, false);
  const QString levelMass = parameterAsString(parameters, LEVEL_MASS, context).trimmed();
  if (!levelField.isEmpty() && levelMass.isEmpty())
    throw QgsProcessingException(tr("LEVEL_MASS: levels from %1 need a nominal population per level for gravity, e.g. "
                                    "1=1500000;2=250000;3=30000;4=8000.").arg(levelField));
  const QString givenClassField = parameterAsString(parameters, CLASS_FIELD, context).trimmed();
  const QList<QgsMapLayer*> lineLayers = parameterAsLayerList(parameters, LINES, context);
  run.external.reset(parameterAsSource(parameters, EXTERNAL, context));
  const std::unique_ptr<QgsProcessingFeatureSource>& external = run.external;
  const QString externalMass = parameterAsString(parameters, EXTERNAL_MASS_FIELD, context);
  if (external && externalMass.isEmpty())
    throw QgsProcessingException(tr("EXTERNAL_MASS_FIELD: choose the mass field of the external centres (population, score…)."));
  if (external) requireField(external->fields(), externalMass, EXTERNAL_MASS_FIELD, EXTERNAL, true);
  run.boundary.reset(parameterAsSource(parameters, BOUNDARY, context));
  const std::unique_ptr<QgsProcessingFeatureSource>& boundary = run.boundary;
  if (boundary && boundary->featureCount() == 0)
    throw QgsProcessingException(tr("BOUNDARY: the layer has no features; give the planning area's polygon or leave BOUNDARY empty."));
  if (boundary && QgsWkbTypes::geometryType(boundary->wkbType()) != compat::PolygonGeometry)
    throw QgsProcessingException(tr("BOUNDARY: the layer is not a polygon layer; give the planning area's polygon."));
  const int topN = parameterAsInt(parameters, TOP_N, context);
  if (towns->featureCount() >= 0 && topN > towns->featureCount())
    throw QgsProcessingException(tr("TOP_N: %1 poles asked for but TOWNS has %2 towns.").arg(topN).arg(towns->featureCount()));
  const double circleKm = parameterAsDouble(parameters, CIRCLE_KM, context);
  if (!(circleKm >= 0) || !std::isfinite(circleKm))
    throw QgsProcessingException(tr("CIRCLE_KM: %1 km is not a distance >= 0 (0 = no circle group).").arg(circleKm));
  const double circleMinutes = parameterAsDouble(parameters, CIRCLE_MINUTES, context);
  if (!(circleMinutes >= 0) || !std::isfinite(circleMinutes))
    throw QgsProcessingException(tr("CIRCLE_MINUTES: %1 is not a travel time >= 0 minutes (0 = the circle by CIRCLE_KM).").arg(circleMinutes));
  const double beltKm = parameterAsDouble(parameters, BELT_KM, context);
  if (!(beltKm > 0) || !std::isfinite(beltKm))
    throw QgsProcessingException(tr("BELT_KM: %1 km is not a distance > 0. Give how far from an axis its belt reaches, e.g. 10 km.").arg(beltKm));
  const int poleRule = parameterAsEnum(parameters, POLE_RULE, context);
  const QString poleExpression = parameterAsExpression(parameters, POLE_EXPRESSION, context);
  if (poleRule == 2 && poleExpression.trimmed().isEmpty())
    throw QgsProcessingException(tr("POLE_EXPRESSION: growth poles by an expression need one, e.g. \"kind\" IN ('county', 'county_city')."));
  const QString gpkg = outputGeoPackage(parameters, {OUTPUT, PDF, PNG, REPORT}, context);
  const QString report = parameterAsFileOutput(parameters, REPORT, context);

  run.popField = popField;
  run.levelField = levelField;
  run.levelMass = levelMass;
  run.givenClassField = givenClassField;
  run.lineLayers = lineLayers;
  run.externalMass = externalMass;
  run.topN = topN;
  run.circleKm = circleKm;
  run.circleMinutes = circleMinutes;
  run.beltKm = beltKm;
  run.poleRule = poleRule;
  run.poleExpression = poleExpression;
  run.gpkg = gpkg;
  run.report = report;
  run.language = parameterAsEnum(parameters, LANGUAGE, context);
  run.chinese = planInChinese(run.language, parameterAsString(parameters, TITLE, context));
  return run;
}

// Stages 1–2: the towns gain score/rank/level/is_pole (and mass), then type;
// the central city and the growth poles; the plan's region.
void TownSystemAlgorithm::rankTowns(Run& run, const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const {
  const std::unique_ptr<QgsProcessingFeatureSource>& towns = run.towns;
  const std::unique_ptr<QgsProcessingFeatureSource>& boundary = run.boundary;
  const QString& popField = run.popField;
  const QString& levelField = run.levelField;
  const QString& levelMass = run.levelMass;
  const QString& givenClassField = run.givenClassField;
  const QList<QgsMapLayer*>& lineLayers = run.lineLayers;
  const int topN = run.topN;
  const int poleRule = run.poleRule;
  const QString& poleExpression = run.poleExpression;
  const QString& report = run.report;
  const QString& classField = run.classField;
  const QString& memory = run.memory;
  Chain& chain = *run.chain;
  // Every stage reads one line layer: the LINES layers merged, with their class (CLASS_FIELD, else the layer name).
  QgsVectorLayer* merged = mergedLines(lineLayers, givenClassField, context, feedback);
  run.townsInput = parameters.value(TOWNS);
  run.linesInput = merged->id();
  run.boundaryInput = boundary ? parameters.value(BOUNDARY) : QVariant();
  const QVariant& townsInput = run.townsInput;
  const QVariant& linesInput = run.linesInput;

  // 1–2: the towns gain score/rank/level/is_pole (and mass), then type.
  QVariantMap hierarchyParameters{{QStringLiteral("INPUT"), townsInput},
                                  {QStringLiteral("LINES"), linesInput},
                                  {QStringLiteral("LEVELS"), parameterAsInt(parameters, LEVELS, context)},
                                  {QStringLiteral("POLE_RULE"), 1},
                                  {QStringLiteral("TOP_N"), topN},
                                  {QStringLiteral("OUTPUT"), memory}};
  if (!popField.isEmpty()) {
    hierarchyParameters.insert(QStringLiteral("FIELDS"), QStringList{popField});
    hierarchyParameters.insert(QStringLiteral("POP_FIELD"), popField);
  }
  if (!levelField.isEmpty()) {
    hierarchyParameters.insert(QStringLiteral("LEVEL_FIELD"), levelField);
    hierarchyParameters.insert(QStringLiteral("LEVEL_MAP"), parameterAsString(parameters, LEVEL_MAP, context));
  }
  if (!levelMass.isEmpty()) hierarchyParameters.insert(QStringLiteral("LEVEL_MASS"), levelMass);
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
  run.typed = chain.layer(functions, QStringLiteral("OUTPUT"));
  QgsVectorLayer* typed = run.typed;
  if (!typed) throw QgsProcessingException(tr("Stage 2 (poleaxis:townfunctions) returned no towns layer."));
  // The hierarchy's own fields follow the input's, whatever they were renamed to on a clash.
  const int inputFields = towns->fields().count();
  run.planFields = PlanFields{inputFields + 1, inputFields + 2, inputFields + 3,
                              levelMass.isEmpty() ? typed->fields().lookupField(popField) : inputFields + 4};
  const PlanFields& planFields = run.planFields;
  run.massField = typed->fields().at(planFields.mass).name();

  // The central city and the growth poles.
  run.all = featuresOf(*typed);
  const std::vector<QgsFeature>& all = run.all;
  run.central = centralCity(all, *typed, parameterAsExpression(parameters, CENTRAL_CITY, context), planFields, context, feedback);
  const size_t central = run.central;
  run.poles = growthPoles(all, *typed, central, poleRule, topN, parameterAsInt(parameters, POLE_LEVEL, context),
                                                poleExpression, planFields, context);
  const std::vector<size_t>& poles = run.poles;
  auto nameOf = [&](size_t i) { return run.nameOf(i); };
  QStringList poleNames;
  for (size_t i : poles) poleNames << nameOf(i);
  feedback->pushInfo(tr("Central city: %1. %n growth pole(s): %2.", nullptr, int(poles.size())).arg(nameOf(central), poleNames.join(QStringLiteral(", "))));

  // The centres (central city first, then the poles) as one layer for the stages.
  run.centres = memoryCopy(*typed, QStringLiteral("poles"), context);
  QgsVectorLayer* centres = run.centres;
  {
    QgsFeatureList chosen;
    // The central city leads the layer; it is never one of its own poles.
    chosen << all[central];
    chosen.back().setAttribute(planFields.isPole, false);
    for (size_t i : poles) {
      chosen << all[i];
      chosen.back().setAttribute(planFields.isPole, true);
    }
    centres->dataProvider()->addFeatures(chosen);
  }

  // The plan's region, for what is drawn on the plan (river belts, corridors).
  std::vector<poleaxis::Point> townLonLat;
  {
    const QgsCoordinateTransform toLonLat = conversion::toWgs84(typed->crs(), TOWNS, context);
    for (const QgsFeature& f : all) {
      const QgsPointXY p = toLonLat.transform(f.geometry().asPoint());
      townLonLat.push_back({p.x(), p.y()});
    }
  }
  run.region = planRegion(townLonLat, boundary.get(), context, feedback);
}

// Stages 3–5: service circles, corridors (rail and river belts) and development axes.
void TownSystemAlgorithm::axesAndBelts(Run& run, const QVariantMap& parameters, QgsProcessingContext& context,
                                       QgsProcessingFeedback* feedback) const {
  const std::unique_ptr<QgsProcessingFeatureSource>& external = run.external;
  const std::unique_ptr<QgsProcessingFeatureSource>& boundary = run.boundary;
  const QString& externalMass = run.externalMass;
  const QString& classField = run.classField;
  const QVariant& linesInput = run.linesInput;
  const QVariant& boundaryInput = run.boundaryInput;
  const QString& memory = run.memory;
  Chain& chain = *run.chain;
  const QString& massField = run.massField;
  QgsVectorLayer* centres = run.centres;
  const QgsGeometry& region = run.region;
  // 3–5: what the centres and lines make.
  QVariantMap circlesParameters{{QStringLiteral("INPUT"), centres->id()},
                                {QStringLiteral("RADIUS"), parameterAsDouble(parameters, RADIUS, context)},
                                {QStringLiteral("OUTPUT"), memory}};
  if (boundary) circlesParameters.insert(QStringLiteral("STUDY_AREA"), boundaryInput);
  run.circles = chain.run(QStringLiteral("serviceradii"), circlesParameters);
  QVariantMap corridorParameters{{QStringLiteral("INPUT"), linesInput},
                                 {QStringLiteral("WIDTH_MODE"), 2},
                                 {QStringLiteral("WIDTH"), parameterAsDouble(parameters, WIDTH, context)},
                                 {QStringLiteral("CLASS_FIELD"), classField},
                                 {QStringLiteral("WIDTH_TABLE"), parameterAsString(parameters, WIDTH_TABLE, context)},
                                 {QStringLiteral("DEFAULT_WIDTH"), parameterAsDouble(parameters, WIDTH, context)},
                                 {QStringLiteral("BANDS"), parameterAsString(parameters, BANDS, context)},
                                 {QStringLiteral("DISSOLVE"), 1},
                                 {QStringLiteral("OUTPUT"), memory}};
  // Only the rivers' reaches in the plan's region make belts.
  const QList<QgsMapLayer*> riverLayers = parameters.value(RIVERS).isValid() ? parameterAsLayerList(parameters, RIVERS, context) : QList<QgsMapLayer*>();
  if (!riverLayers.isEmpty()) {
    QgsVectorLayer* rivers = mergedLines(riverLayers, QString(), context, feedback);
    clipToRegion(rivers, region, context);
    rivers->setName(QStringLiteral("rivers"));
    if (rivers->featureCount() > 0)
      corridorParameters.insert(QStringLiteral("RIVERS"), QVariantList{rivers->id()});
    else
      feedback->pushInfo(tr("RIVERS: no river runs through the plan's region."));
  }
  run.corridors = chain.run(QStringLiteral("corridorbuffers"), corridorParameters);
  clipToRegion(chain.layer(run.corridors, QStringLiteral("OUTPUT")), region, context);
  QVariantMap axesParameters{{QStringLiteral("CENTRES"), centres->id()},
                             {QStringLiteral("MASS_FIELD"), massField},
                             {QStringLiteral("LINES"), linesInput},
                             {QStringLiteral("CLASS_FIELD"), classField},
                             {QStringLiteral("DISTANCE_MODE"), parameterAsEnum(parameters, DISTANCE_MODE, context)},
                             {QStringLiteral("EXPONENT"), parameterAsDouble(parameters, EXPONENT, context)},
                             {QStringLiteral("SNAP_KM"), parameterAsDouble(parameters, SNAP_KM, context)},
                             {QStringLiteral("PAIRS"), 0},
                             {QStringLiteral("TOLERANCE_M"), parameterAsDouble(parameters, TOLERANCE_M, context)},
                             {QStringLiteral("SPEED_TABLE"), parameterAsString(parameters, SPEED_TABLE, context)},
                             {QStringLiteral("DESIRE_LINES"), memory},
                             {QStringLiteral("AXES"), memory}};
  if (external) {
    axesParameters.insert(QStringLiteral("EXTERNAL"), parameters.value(EXTERNAL));
    axesParameters.insert(QStringLiteral("EXTERNAL_MASS_FIELD"), externalMass);
  }
  run.axes = chain.run(QStringLiteral("developmentaxes"), axesParameters);
  run.axisLayer = chain.layer(run.axes, QStringLiteral("AXES"));
}

// Stages 6–7: the circle group, the belts, groups of the rest, influence areas.
void TownSystemAlgorithm::townGroups(Run& run, const QVariantMap& parameters, QgsProcessingContext& context,
                                     QgsProcessingFeedback* feedback) const {
  const std::unique_ptr<QgsProcessingFeatureSource>& boundary = run.boundary;
  const double circleKm = run.circleKm;
  const double circleMinutes = run.circleMinutes;
  const double beltKm = run.beltKm;
  const QString& classField = run.classField;
  const QVariant& linesInput = run.linesInput;
  const QVariant& boundaryInput = run.boundaryInput;
  const QString& memory = run.memory;
  Chain& chain = *run.chain;
  QgsVectorLayer* typed = run.typed;
  const PlanFields& planFields = run.planFields;
  const QString& massField = run.massField;
  const std::vector<QgsFeature>& all = run.all;
  const size_t central = run.central;
  const std::vector<size_t>& poles = run.poles;
  QgsVectorLayer* centres = run.centres;
  QgsVectorLayer* axisLayer = run.axisLayer;
  // 6–7: the circle group, the belt groups along grade-1 and grade-2 axes, and groups of the rest.
  // A circle by travel time: the towns the central city reaches within CIRCLE_MINUTES over the lines.
  std::vector<char> reached;
  QgsVectorLayer* reachArea = nullptr;
  if (circleMinutes > 0) {
    QgsVectorLayer* centreOnly = memoryCopy(*typed, QStringLiteral("central"), context);
    centreOnly->dataProvider()->addFeatures(QgsFeatureList() << all[central]);
    const QVariantMap reach = chain.run(QStringLiteral("serviceradii"),
                                        {{QStringLiteral("INPUT"), centreOnly->id()},
                                         {QStringLiteral("RADIUS_MODE"), 5},
                                         {QStringLiteral("TRAVEL_MINUTES"), circleMinutes},
                                         {QStringLiteral("NETWORK"), QVariantList{linesInput}},
                                         {QStringLiteral("CLASS_FIELD"), classField},
                                         {QStringLiteral("SPEED_TABLE"), parameterAsString(parameters, SPEED_TABLE, context)},
                                         {QStringLiteral("ACCESS_SPEED_KMH"), parameterAsDouble(parameters, ACCESS_SPEED_KMH, context)},
                                         {QStringLiteral("NETWORK_SNAP_KM"), parameterAsDouble(parameters, SNAP_KM, context)},
                                         {QStringLiteral("TOLERANCE_M"), parameterAsDouble(parameters, TOLERANCE_M, context)},
                                         {QStringLiteral("DEMAND"), typed->id()},
                                         {QStringLiteral("OUTPUT"), memory},
                                         {QStringLiteral("DEMAND_OUTPUT"), memory}});
    reachArea = chain.layer(reach, QStringLiteral("OUTPUT"));
    if (QgsVectorLayer* demand = chain.layer(reach, QStringLiteral("DEMAND_OUTPUT"))) {
      const int cover = demand->fields().lookupField(QStringLiteral("n_cover"));
      for (const QgsFeature& f : featuresOf(*demand)) reached.push_back(f.attribute(cover).toInt() > 0);
    }
    if (reached.size() != all.size()) throw QgsProcessingException(tr("CIRCLE_MINUTES: the travel-time stage returned %1 of %2 towns.").arg(reached.size()).arg(all.size()));
  }
  run.plan = planGroups(all, *typed, central, axisLayer, circleKm, beltKm, context, reached);
  PlanGroupLayers& plan = run.plan;
  QVariantMap& groups = run.groups;
  QgsVectorLayer* rest = memoryCopy(*typed, QStringLiteral("rest"), context);
  rest->dataProvider()->addFeatures(plan.ungrouped);
  if (rest->featureCount() >= 2) {
    const double cutKm = parameterAsDouble(parameters, CUT_DISTANCE, context);
    const int k = std::min<int>(parameterAsInt(parameters, K, context), int(rest->featureCount()));
    groups = chain.run(QStringLiteral("townclusters"), {{QStringLiteral("INPUT"), rest->id()},
                                                        {QStringLiteral("METHOD"), parameterAsEnum(parameters, METHOD, context)},
                                                        {QStringLiteral("K"), cutKm > 0 ? 0 : k},
                                                        {QStringLiteral("CUT_DISTANCE"), cutKm},
                                                        {QStringLiteral("EPS"), parameterAsDouble(parameters, EPS, context)},
                                                        {QStringLiteral("MIN_POINTS"), parameterAsDouble(parameters, MIN_POINTS, context)},
                                                        {QStringLiteral("MASS_FIELD"), massField},
                                                        {QStringLiteral("POP_FIELD"), massField},
                                                        {QStringLiteral("HULL"), parameterAsEnum(parameters, HULL, context)},
                                                        {QStringLiteral("OUTPUT"), memory},
                                                        {QStringLiteral("GROUPS"), memory}});
  } else {
    chain.nextStep();
    feedback->pushInfo(tr("Fewer than 2 towns outside the circle and belts: no further groups."));
  }
  run.townLayer = finishGroups(plan, all, *typed, central, poles, circleKm, beltKm, chain.layer(groups, QStringLiteral("OUTPUT")),
                                           chain.layer(groups, QStringLiteral("GROUPS")), planFields, boundary.get(), context, feedback,
                                           run.nameOf(central), circleMinutes, reachArea, run.chinese);
  QgsVectorLayer* townLayer = run.townLayer;
  QgsVectorLayer* poleLayer = centres;
  run.groupLayer = plan.groupLayer;
  run.centralName = run.nameOf(central);
  for (const QgsFeature& g : featuresOf(*run.groupLayer)) run.groupFeaturesKinds << g.attribute(QStringLiteral("kind")).toString();
  QVariantMap areasParameters{{QStringLiteral("CENTRES"), poleLayer->id()},
                              {QStringLiteral("MASS_FIELD"), massField},
                              {QStringLiteral("METHOD"), parameterAsEnum(parameters, AREA_METHOD, context)},
                              {QStringLiteral("TOWNS"), townLayer->id()},
                              {QStringLiteral("TOWN_POP_FIELD"), massField},
                              {QStringLiteral("OUTPUT"), memory}};
  if (boundary) areasParameters.insert(QStringLiteral("STUDY_AREA"), boundaryInput);
  run.areas = chain.run(QStringLiteral("influenceareas"), areasParameters);
}

std::vector<TownSystemAlgorithm::PlanLayer> TownSystemAlgorithm::planLayersOf(Run& run, QgsProcessingFeedback* feedback) const {
  Chain& chain = *run.chain;
  if (run.boundary) run.boundaryLayer.reset(run.boundary->materialize(QgsFeatureRequest(), feedback));
  QgsVectorLayer* const layers[] = {run.townLayer,
                                    run.centres,
                                    chain.layer(run.circles, QStringLiteral("OUTPUT")),
                                    chain.layer(run.corridors, QStringLiteral("OUTPUT")),
                                    chain.layer(run.axes, QStringLiteral("AXES")),
                                    chain.layer(run.axes, QStringLiteral("DESIRE_LINES")),
                                    run.groupLayer,
                                    chain.layer(run.areas, QStringLiteral("OUTPUT")),
                                    run.boundaryLayer.get()};
  std::vector<PlanLayer> out;
  for (int i = 0; i < kPlanLayers.size(); ++i)
    out.push_back({kPlanLayers[i], layers[i], kPlanStyles[i]});
  return out;
}

void TownSystemAlgorithm::writeGeoPackage(Run& run, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const {
  // 8: one GeoPackage, each layer with its style stored as its default.
  run.chain->nextStep();
  feedback->pushInfo(QString());
  feedback->pushInfo(tr("Stage 8 of 9: writing %1").arg(run.gpkg));
  storePlanLayers(planLayersOf(run, run.chain->stepFeedback()), run.gpkg, context, feedback, run.stored, run.mapped);
}

void TownSystemAlgorithm::storePlanLayers(const std::vector<PlanLayer>& planLayers, const QString& gpkg, QgsProcessingContext& context,
                                          QgsProcessingFeedback* feedback, QStringList& stored, QStringList& mapped) const {
  removeOnFailure(gpkg);
  bool first = true;
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
}

// The map's subtitle: SUBTITLE, else what the run found, in the plan's language.
QString TownSystemAlgorithm::planSummary(const Run& run, const QVariantMap& parameters, QgsProcessingContext& context) const {
  // Without a subtitle, the map says what this run found, in the title's language.
  QString subtitle = parameterAsString(parameters, SUBTITLE, context).trimmed();
  const double circleKm = run.circleKm;
  const double circleMinutes = run.circleMinutes;
  const std::vector<size_t>& poles = run.poles;
  const QString& centralName = run.centralName;
  const QStringList& groupFeaturesKinds = run.groupFeaturesKinds;
  const PlanGroupLayers& plan = run.plan;
  if (subtitle.isEmpty()) {
    const bool chinese = run.chinese;
    const int belts = int(std::count_if(groupFeaturesKinds.begin(), groupFeaturesKinds.end(), [](const QString& k) { return k == QLatin1String("belt"); }));
    const int clusters = int(std::count_if(groupFeaturesKinds.begin(), groupFeaturesKinds.end(), [](const QString& k) { return k == QLatin1String("cluster"); }));
    const QString reachZh = circleMinutes > 0 ? QStringLiteral("%1分钟").arg(circleMinutes) : QStringLiteral("%1公里").arg(circleKm);
    const QString reachEn = circleMinutes > 0 ? QStringLiteral("%1 minutes").arg(circleMinutes) : QStringLiteral("%1 km").arg(circleKm);
    subtitle = chinese ? QStringLiteral("中心城市%1，增长极%2个，%3圈层%4个城镇，城镇带%5条，城镇群%6个")
                             .arg(centralName).arg(poles.size()).arg(reachZh).arg(plan.groups.circle_size).arg(belts).arg(clusters)
                       : QStringLiteral("Central city %1, %2 growth poles, %3 towns within %4, %5 belts, %6 town groups")
                             .arg(centralName).arg(poles.size()).arg(plan.groups.circle_size).arg(reachEn).arg(belts).arg(clusters);
  }
  return subtitle;
}

QVariantMap TownSystemAlgorithm::drawPlanMap(Run& run, const QVariantMap& parameters, QgsProcessingContext& context) const {
  // 9: the plan map from the stored layers, so it shows what the GeoPackage holds.
  QVariantMap mapParameters = planMapParameters(run.gpkg, run.mapped, run.language, parameters, context);
  mapParameters.insert(QStringLiteral("SUBTITLE"), planSummary(run, parameters, context));
  run.chain->run(QStringLiteral("planmap"), mapParameters);
  loadStoredLayers(run.gpkg, run.stored, context);
  QVariantMap outputs{{OUTPUT, run.gpkg},
                      {PDF, mapParameters.value(QStringLiteral("PDF"))},
                      {QStringLiteral("NUM_POLES"), int(run.poles.size())},
                      {QStringLiteral("NUM_GROUPS"), int(run.groupLayer->featureCount())}};
  if (mapParameters.contains(QStringLiteral("PNG"))) outputs.insert(PNG, mapParameters.value(QStringLiteral("PNG")));
  if (!run.report.isEmpty()) outputs.insert(REPORT, run.report);
  return outputs;
}

// planmap's parameters for the layers stored in `gpkg` (roles without
// features left out) and this run's texts, template and outputs.
QVariantMap TownSystemAlgorithm::planMapParameters(const QString& gpkg, const QStringList& mapped, int language, const QVariantMap& parameters,
                                                   QgsProcessingContext& context) const {
  auto mapRole = [&](const QString& name) {
    return mapped.contains(name) ? QVariant(QStringLiteral("%1|layername=%2").arg(gpkg, name)) : QVariant();
  };
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
                            {QStringLiteral("LANGUAGE"), language},
                            {QStringLiteral("PDF"), pdf},
                            {QStringLiteral("DPI"), parameterAsInt(parameters, DPI, context)}};
  if (!png.isEmpty()) mapParameters.insert(QStringLiteral("PNG"), png);
  return mapParameters;
}

void TownSystemAlgorithm::loadStoredLayers(const QString& gpkg, const QStringList& stored, QgsProcessingContext& context) const {
  if (!context.project()) return;
  for (const QString& name : stored)
    context.addLayerToLoadOnCompletion(QStringLiteral("%1|layername=%2").arg(gpkg, name),
                                       QgsProcessingContext::LayerDetails(name, context.project(), OUTPUT));
}

namespace {
// The features of `layer` that `region` (in `regionCrs`) touches, as a
// memory layer in the layer's CRS, owned by the context's temporary store.
// Points: inside the region; lines: crossing the region's bounding box grown
// by a tenth, so axes can leave and re-enter it.
QgsVectorLayer* featuresInRegion(QgsFeatureSource& source, const QString& name, const QgsGeometry& region,
                                 const QgsCoordinateReferenceSystem& regionCrs, bool pointsInside, QgsProcessingContext& context) {
  QgsGeometry inLayer = region;
  inLayer.transform(QgsCoordinateTransform(regionCrs, source.sourceCrs(), context.transformContext()));
  QgsRectangle box = inLayer.boundingBox();
  if (!pointsInside) box.grow(0.1 * std::max(box.width(), box.height()));
  std::unique_ptr<QgsGeometryEngine> engine(QgsGeometry::createGeometryEngine(inLayer.constGet()));
  engine->prepareGeometry();
  QgsVectorLayer* out = QgsMemoryProviderUtils::createMemoryLayer(name, source.fields(), source.wkbType(), source.sourceCrs());
  QgsFeatureList picked;
  QgsFeatureIterator it = source.getFeatures(QgsFeatureRequest(box));
  QgsFeature f;
  while (it.nextFeature(f))
    if (!pointsInside || (f.hasGeometry() && engine->intersects(f.geometry().constGet()))) picked << f;
  out->dataProvider()->addFeatures(picked);
  out->updateExtents();
  context.temporaryLayerStore()->addMapLayer(out);
  return out;
}

// Appends a region's plan layer to the atlas's layer of the same table,
// with the region's name in a `region` field; fields a later region brings
// are added, and geometries follow the first region's CRS.
void appendToAtlasLayer(std::map<QString, std::unique_ptr<QgsVectorLayer>>& atlas, const QString& table, QgsVectorLayer& layer,
                        const QString& region, const QgsCoordinateTransformContext& transformContext) {
  std::unique_ptr<QgsVectorLayer>& target = atlas[table];
  if (!target) {
    QgsFields fields = layer.fields();
    if (fields.lookupField(QStringLiteral("region")) < 0) fields.append(compat::field(QStringLiteral("region"), compat::value::String));
    target.reset(QgsMemoryProviderUtils::createMemoryLayer(table, fields, layer.wkbType(), layer.crs()));
  }
  QList<QgsField> missing;
  for (const QgsField& field : layer.fields())
    if (target->fields().lookupField(field.name()) < 0) missing << field;
  if (!missing.isEmpty()) {
    target->dataProvider()->addAttributes(missing);
    target->updateFields();
  }
  const QgsFields fields = target->fields();
  const int regionField = fields.lookupField(QStringLiteral("region"));
  const QgsCoordinateTransform transform(layer.crs(), target->crs(), transformContext);
  QgsFeatureList features;
  QgsFeatureIterator it = layer.getFeatures();
  QgsFeature f;
  while (it.nextFeature(f)) {
    QgsFeature copy(fields);
    for (int i = 0; i < fields.count(); ++i) {
      const int from = f.fields().lookupField(fields.at(i).name());
      copy.setAttribute(i, from >= 0 ? f.attribute(from) : QVariant());
    }
    copy.setAttribute(regionField, region);
    if (f.hasGeometry()) {
      QgsGeometry g = f.geometry();
      if (layer.crs() != target->crs()) g.transform(transform);
      copy.setGeometry(g);
    }
    features << copy;
  }
  target->dataProvider()->addFeatures(features);
  target->updateExtents();
}
}  // namespace

QVariantMap TownSystemAlgorithm::runAtlas(const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const {
  std::unique_ptr<QgsProcessingFeatureSource> regions = requireSource(parameters, REGIONS, context);
  const QString nameFieldName = parameterAsString(parameters, REGION_NAME_FIELD, context);
  const int nameField = nameFieldName.isEmpty() ? nameFieldIndex(regions->fields()) : regions->fields().lookupField(nameFieldName);
  if (!nameFieldName.isEmpty() && nameField < 0)
    throw QgsProcessingException(tr("REGION_NAME_FIELD: REGIONS has no field %1; choose the field that names the regions.").arg(nameFieldName));
  std::unique_ptr<QgsProcessingFeatureSource> towns = requireSource(parameters, TOWNS, context);
  if (towns->fields().lookupField(QStringLiteral("region")) >= 0)
    feedback->pushWarning(tr("TOWNS has a region field; in the atlas outputs it holds the name of the region each town was planned in."));
  const QString gpkg = outputGeoPackage(parameters, {OUTPUT, PDF, PNG}, context);
  if (!parameterAsFileOutput(parameters, REPORT, context).isEmpty())
    feedback->pushInfo(tr("REPORT: not written in an atlas run; run townhierarchy on a region's towns for its report."));
  const int topN = parameterAsInt(parameters, TOP_N, context);
  const int minimumTowns = std::max(topN + 1, 3);  // the central city, the poles, and towns to group
  std::vector<std::unique_ptr<QgsProcessingFeatureSource>> lineSources, riverSources;
  for (QgsMapLayer* layer : parameterAsLayerList(parameters, LINES, context))
    if (auto* lines = qobject_cast<QgsVectorLayer*>(layer)) lineSources.push_back(std::make_unique<QgsProcessingFeatureSource>(lines, context));
  if (parameters.value(RIVERS).isValid())
    for (QgsMapLayer* layer : parameterAsLayerList(parameters, RIVERS, context))
      if (auto* rivers = qobject_cast<QgsVectorLayer*>(layer)) riverSources.push_back(std::make_unique<QgsProcessingFeatureSource>(rivers, context));

  // The regions, in the layer's order.
  struct Region {
    QString name;
    QgsGeometry geometry;
  };
  std::vector<Region> list;
  {
    QgsFeatureIterator it = regions->getFeatures();
    QgsFeature f;
    while (it.nextFeature(f)) {
      const QString name = nameField >= 0 && !f.attribute(nameField).toString().trimmed().isEmpty() ? f.attribute(nameField).toString()
                                                                                                   : tr("region %1").arg(f.id());
      if (!f.hasGeometry() || f.geometry().isEmpty()) {
        feedback->pushWarning(tr("REGIONS: feature %1 (%2) has no geometry; skipped.").arg(f.id()).arg(name));
        continue;
      }
      list.push_back({name, f.geometry()});
    }
  }
  const int count = int(list.size());
  QgsProcessingMultiStepFeedback steps(count + 2, feedback);
  std::map<QString, std::unique_ptr<QgsVectorLayer>> atlas;
  auto* pages = QgsMemoryProviderUtils::createMemoryLayer(
      QStringLiteral("pages"),
      makeFields({{QStringLiteral("region"), compat::value::String}, {QStringLiteral("title"), compat::value::String},
                  {QStringLiteral("subtitle"), compat::value::String}}),
      compat::WkbType::MultiPolygon, regions->sourceCrs());
  context.temporaryLayerStore()->addMapLayer(pages);
  int planned = 0, poles = 0, groups = 0;
  QStringList skipped;
  const bool chinese = planInChinese(parameterAsEnum(parameters, LANGUAGE, context), parameterAsString(parameters, TITLE, context));
  for (int r = 0; r < count; ++r) {
    steps.setCurrentStep(r);
    conversion::throwIfCanceled(feedback);  // between regions; the stages check inside
    const Region& region = list[size_t(r)];
    feedback->pushInfo(QString());
    feedback->pushInfo(tr("Region %1 of %2: %3").arg(r + 1).arg(count).arg(region.name));
    QgsVectorLayer* regionTowns = featuresInRegion(*towns, QStringLiteral("towns"), region.geometry, regions->sourceCrs(), true, context);
    if (regionTowns->featureCount() < minimumTowns) {
      feedback->pushInfo(tr("  skipped: %n town(s), fewer than the %1 a plan needs (the central city, TOP_N poles, and more).", nullptr,
                            int(regionTowns->featureCount())).arg(minimumTowns));
      skipped << region.name;
      continue;
    }
    QgsVectorLayer* boundary = QgsMemoryProviderUtils::createMemoryLayer(QStringLiteral("boundary"), regions->fields(),
                                                                         compat::WkbType::MultiPolygon, regions->sourceCrs());
    QgsFeature outline(regions->fields());
    QgsGeometry multi = region.geometry;
    multi.convertToMultiType();
    outline.setGeometry(multi);
    boundary->dataProvider()->addFeature(outline);
    context.temporaryLayerStore()->addMapLayer(boundary);
    QVariantList lineIds, riverIds;
    for (auto& source : lineSources)
      lineIds << featuresInRegion(*source, QStringLiteral("lines"), region.geometry, regions->sourceCrs(), false, context)->id();
    for (auto& source : riverSources)
      riverIds << featuresInRegion(*source, QStringLiteral("rivers"), region.geometry, regions->sourceCrs(), false, context)->id();
    QVariantMap p = parameters;
    p.insert(TOWNS, regionTowns->id());
    p.insert(BOUNDARY, boundary->id());
    p.insert(LINES, lineIds);
    if (!riverIds.isEmpty()) p.insert(RIVERS, riverIds);
    p.remove(REGIONS);
    p.remove(REPORT);
    p.remove(PNG);
    try {
      Run run = checkInputs(p, context);
      run.chain = std::make_unique<Chain>(context, &steps, run.circleMinutes > 0 ? 8 : 7);
      rankTowns(run, p, context, &steps);
      axesAndBelts(run, p, context, &steps);
      townGroups(run, p, context, &steps);
      for (const PlanLayer& entry : planLayersOf(run, &steps))
        if (entry.layer) appendToAtlasLayer(atlas, entry.name, *entry.layer, region.name, context.transformContext());
      QgsFeature page(pages->fields());
      page.setAttributes(QgsAttributes() << region.name << planPageTitle(parameterAsString(parameters, TITLE, context), region.name, chinese)
                                         << planSummary(run, p, context));
      page.setGeometry(multi);
      pages->dataProvider()->addFeature(page);
      ++planned;
      poles += int(run.poles.size());
      groups += int(run.groupLayer->featureCount());
    } catch (const QgsProcessingException& e) {
      if (feedback->isCanceled()) throw;
      // One region's bad data must not lose the other regions' plans: say why, and go on.
      feedback->pushWarning(tr("Region %1 skipped: %2").arg(region.name, e.what()));
      skipped << region.name;
    }
  }
  if (planned == 0)
    throw QgsProcessingException(tr("REGIONS: no region could be planned (%1 skipped: too few towns or errors above). Check that TOWNS "
                                    "and REGIONS overlap and that each region holds more than TOP_N towns.")
                                     .arg(skipped.size()));
  steps.setCurrentStep(count);
  feedback->pushInfo(QString());
  feedback->pushInfo(tr("Writing %1: %n region(s) planned", nullptr, planned).arg(gpkg) +
                     (skipped.isEmpty() ? QString() : tr(", %n skipped (%1)", nullptr, int(skipped.size())).arg(skipped.join(QStringLiteral(", ")))));
  std::vector<PlanLayer> layers;
  for (int i = 0; i < kPlanLayers.size(); ++i)
    if (atlas.count(kPlanLayers[i])) layers.push_back({kPlanLayers[i], atlas[kPlanLayers[i]].get(), kPlanStyles[i]});
  QStringList stored, mapped;
  storePlanLayers(layers, gpkg, context, &steps, stored, mapped);

  steps.setCurrentStep(count + 1);
  QVariantMap mapParameters = planMapParameters(gpkg, mapped, parameterAsEnum(parameters, LANGUAGE, context), parameters, context);
  mapParameters.insert(QStringLiteral("ATLAS_LAYER"), pages->id());
  mapParameters.insert(QStringLiteral("ATLAS_TITLE_FIELD"), QStringLiteral("title"));
  mapParameters.insert(QStringLiteral("TITLE"), QStringLiteral("%1"));  // the pages' titles are whole
  mapParameters.insert(QStringLiteral("LANGUAGE"), chinese ? 1 : 2);   // decided on TITLE, which "%1" no longer shows
  Chain chain(context, &steps, 1);
  chain.run(QStringLiteral("planmap"), mapParameters);
  loadStoredLayers(gpkg, stored, context);
  QVariantMap outputs{{OUTPUT, gpkg},
                      {PDF, mapParameters.value(QStringLiteral("PDF"))},
                      {QStringLiteral("NUM_POLES"), poles},
                      {QStringLiteral("NUM_GROUPS"), groups},
                      {QStringLiteral("NUM_REGIONS"), planned}};
  if (mapParameters.contains(QStringLiteral("PNG"))) outputs.insert(PNG, mapParameters.value(QStringLiteral("PNG")));
  return outputs;
}
