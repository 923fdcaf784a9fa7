#include "townclustersalgorithm.h"
#include "qgiscompat.h"

#include <qgsdistancearea.h>
#include <qgsexception.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include <qgsprocessingutils.h>
#include <qgsunittypes.h>

#include <algorithm>
#include <cmath>
#include <chrono>
#include <future>
#include <memory>
#include <numeric>

#include "conversion.h"
#include "memorybudget.h"
#include "feedbackadapter.h"
#include "poleaxis/circle_union.h"
#include "poleaxis/dbscan.h"
#include "poleaxis/group_shapes.h"
#include "poleaxis/geodesic.h"
#include "poleaxis/hierarchical.h"
#include "poleaxis/ward_linkage.h"
#include "poleaxis/kmeans.h"
#include "poleaxis/louvain.h"
#include "poleaxis/network.h"
#include "poleaxis/silhouette.h"
#include "stylepostprocessor.h"

namespace {

enum Method { Dbscan, Single, Complete, Average, Ward, KMeans, Louvain };
enum Hull { HullConvex, HullConcave, HullFootprint };

const QString INPUT = QStringLiteral("INPUT");
const QString METHOD = QStringLiteral("METHOD");
const QString EPS = QStringLiteral("EPS");
const QString MIN_POINTS = QStringLiteral("MIN_POINTS");
const QString WEIGHT_FIELD = QStringLiteral("WEIGHT_FIELD");
const QString CUT_DISTANCE = QStringLiteral("CUT_DISTANCE");
const QString K = QStringLiteral("K");
const QString SEED = QStringLiteral("SEED");
const QString MAX_ITER = QStringLiteral("MAX_ITER");
const QString RESTARTS = QStringLiteral("RESTARTS");
const QString MAX_LINK_KM = QStringLiteral("MAX_LINK_KM");
const QString MASS_FIELD = QStringLiteral("MASS_FIELD");
const QString EXPONENT = QStringLiteral("EXPONENT");
const QString RESOLUTION = QStringLiteral("RESOLUTION");
const QString SNAP_KM = QStringLiteral("SNAP_KM");

NetworkInput::Declare networkDeclare() {
  NetworkInput::Declare d;
  d.linesLabel = QCoreApplication::translate("TownClustersAlgorithm", "Line network for network distances (DBSCAN, linkage; one or more layers)");
  d.optional = true;
  d.speeds = false;
  d.routeNames = false;
  return d;
}
const QString POP_FIELD = QStringLiteral("POP_FIELD");
const QString HULL = QStringLiteral("HULL");
const QString CONCAVITY = QStringLiteral("CONCAVITY");
const QString FOOTPRINT_KM = QStringLiteral("FOOTPRINT_KM");
const QString WORKING_CRS = QStringLiteral("WORKING_CRS");
const QString OUTPUT = QStringLiteral("OUTPUT");
const QString GROUPS = QStringLiteral("GROUPS");

// Group footprints are geodesic discs: beyond this radius they stop being planning shapes.
constexpr double kMaxFootprintKm = 2000.0;
// Silhouette: every town up to this many, a seeded sample above.
constexpr size_t kSilhouetteSample = 2000;

// A field per-town value, refusing NULL, non-numeric or out-of-range values by feature id.
std::vector<double> positiveValues(const conversion::PointTable& towns, int field, const QString& parameter, bool allowZero) {
  std::vector<double> out;
  if (field < 0) return out;
  for (size_t i = 0; i < towns.features.size(); ++i) {
    const double v = conversion::numberOrNan(towns.features[i].attribute(field));
    if (!(allowZero ? v >= 0 : v > 0))
      throw QgsProcessingException(QCoreApplication::translate("TownClustersAlgorithm",
                                                               "%1: feature %2 has %3; every town needs a number %4. Fill the field "
                                                               "(Field Calculator) or filter those towns out.")
                                       .arg(parameter)
                                       .arg(towns.ids[i])
                                       .arg(towns.features[i].attribute(field).isNull() ? QStringLiteral("NULL")
                                                                                          : towns.features[i].attribute(field).toString())
                                       .arg(allowZero ? QStringLiteral(">= 0") : QStringLiteral("> 0")));
    out.push_back(v);
  }
  return out;
}

QgsGeometry polygonsFromWork(const poleaxis::MultiPolygon& shape, const QgsCoordinateTransform& fromWork,
                             const QgsCoordinateTransform& toLayer) {
  QgsGeometry g = conversion::toGeometry(fromWork.isValid() ? conversion::polygonsToLonLat(shape, fromWork) : shape);
  if (toLayer.isValid()) g.transform(toLayer);
  return g;
}

}  // namespace

QString TownClustersAlgorithm::displayName() const { return tr("Town groups (clustering)"); }
QString TownClustersAlgorithm::group() const { return tr("Groups"); }
QStringList TownClustersAlgorithm::tags() const {
  return tr("cluster,dbscan,hierarchical,linkage,ward,k-means,kmeans,louvain,community,gravity,hull,silhouette,城镇群,聚类,城镇组群").split(',');
}
QString TownClustersAlgorithm::shortDescription() const {
  return tr("Groups towns into town groups by DBSCAN, hierarchical linkage, k-means++ or gravity-graph communities, "
            "with a polygon, lead town and population per group.");
}

QString TownClustersAlgorithm::helpText() const {
  return tr(
      "Organises towns into town groups (城镇群), the third element of the pole-axis plan.\n\n"
      "<b>Distances</b>: on a geographic layer (or a projected one that distorts distances by more than 2 % over the towns, such as Web Mercator), geodesic km on the WGS 84 ellipsoid (DBSCAN, single, complete, "
      "average); Ward and k-means need Euclidean coordinates and work in a projected working CRS (given, or chosen "
      "automatically and logged with its scale error). On a projected layer, planar distances in its CRS. With a "
      "Line network (DBSCAN and single/complete/average), distances are shortest-path km along the lines; towns are "
      "joined to the nearest line within the snap distance, towns farther away stay ungrouped (DBSCAN) or alone.\n\n"
      "<b>Methods</b>\n"
      "• DBSCAN: a town is a core when the towns within EPS km (itself included) weigh at least MIN_POINTS (weights "
      "from Weight field, like scikit-learn's sample_weight; 1 each without); groups grow from cores; towns reached "
      "by no core are noise (group_id NULL).\n"
      "• Single / complete / average / Ward linkage: agglomerative clustering (SciPy's linkage), cut at CUT_DISTANCE "
      "km (merge height; for Ward the Ward distance in km), or into K groups when K > 0. Single linkage uses a "
      "minimum spanning tree and Ward a nearest-neighbour chain over cluster centroids (no distance matrix, any n; "
      "200,000 towns in seconds); complete and average hold an n² matrix, in float64 (8 bytes per pair, SciPy's "
      "arithmetic: 1.6 GB for 20,000 towns, 6.4 GB for 40,000) when that fits in 85 % of the memory available "
      "(MemAvailable, or the POLEAXIS_MEMORY_LIMIT_MB environment variable), else in float32 (half that), where every "
      "nearest-neighbour choice is checked against float32 rounding and near ties are reported in the log; when even "
      "float32 does not fit, the run is refused up front with the size it needs.\n"
      "• k-means: K groups by Lloyd's algorithm from k-means++ seeds; RESTARTS runs with seeds SEED, SEED+1, …, the "
      "lowest sum of squared distances wins; the same SEED gives the same groups.\n"
      "• Louvain: towns within MAX_LINK_KM are linked with weight M_i·M_j / d_ij^b (masses from Mass field, 1 "
      "without; d in km, at least 1 km; b = EXPONENT); communities maximise modularity Q = Σ_c [L_c/m − γ(d_c/2m)²] "
      "with resolution γ = RESOLUTION (larger: more, smaller groups), seeded by SEED.\n\n"
      "<b>Group polygons</b>: convex hull, concave hull (GEOS; CONCAVITY 0 = tightest, 1 = convex) or footprint "
      "(union of FOOTPRINT_KM discs around the towns, geodesic on geographic layers). Groups of 1–2 towns, or towns "
      "on one line, get the footprint. Fields: group_id, n_towns, pop_sum (Population field), area_km2 (ellipsoidal), "
      "lead_fid and lead_name (most populous town; without population, the town nearest the centre), cen_x/cen_y "
      "(population-weighted centre, layer CRS) and colour (0, 1, …: groups closer than the footprint distance differ).\n\n"
      "<b>Towns</b> output: the input fields plus group_id (1 = the group with most towns) and is_core (DBSCAN core "
      "town; 1 for every grouped town in other methods).\n\n"
      "<b>Silhouette</b> s = mean of (b − a)/max(a, b) over grouped towns (a: mean distance within the group, b: to "
      "the nearest other group; noise left out), on the distances above (geodesic for network runs); exact up to "
      "2,000 grouped towns; above, a seeded sample of up to 2,000 (down to 200 when the groups are very large, so "
      "the score takes about a second), each scored against all towns. Reported in the log with the sample size and "
      "as the SILHOUETTE output (NULL with fewer than 2 groups).");
}

void TownClustersAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFeatureSource(INPUT, tr("Towns"), compat::sourceTypes({compat::VectorPoint})));
  addParameter(new QgsProcessingParameterEnum(METHOD, tr("Method"),
                                              QStringList() << tr("DBSCAN") << tr("Single linkage") << tr("Complete linkage")
                                                            << tr("Average linkage") << tr("Ward linkage") << tr("k-means++")
                                                            << tr("Louvain (gravity graph)"),
                                              false, Dbscan));
  addParameter(new QgsProcessingParameterNumber(EPS, tr("DBSCAN: neighbourhood radius EPS (km)"), compat::NumberType::Double, 30.0));
  addParameter(new QgsProcessingParameterNumber(MIN_POINTS, tr("DBSCAN: minimum towns (weight) for a core"),
                                                compat::NumberType::Double, 3.0));
  addParameter(new QgsProcessingParameterField(WEIGHT_FIELD, tr("DBSCAN: weight field (a town counts as several)"), QVariant(), INPUT,
                                               compat::FieldDataType::Numeric, false, true));
  addParameter(new QgsProcessingParameterNumber(CUT_DISTANCE, tr("Linkage: cut distance (km)"), compat::NumberType::Double, 30.0));
  addParameter(new QgsProcessingParameterNumber(K, tr("Number of groups K (k-means; linkage when > 0)"), compat::NumberType::Integer, 0, false, 0));
  addParameter(new QgsProcessingParameterNumber(SEED, tr("Random seed (k-means, Louvain)"), compat::NumberType::Integer, 1, false, 0));
  addParameter(advanced(new QgsProcessingParameterNumber(MAX_ITER, tr("k-means: maximum iterations"), compat::NumberType::Integer, 300, false, 1)));
  addParameter(advanced(new QgsProcessingParameterNumber(RESTARTS, tr("k-means: restarts"), compat::NumberType::Integer, 10, false, 1)));
  addParameter(new QgsProcessingParameterNumber(MAX_LINK_KM, tr("Louvain: longest link (km)"), compat::NumberType::Double, 50.0));
  addParameter(new QgsProcessingParameterField(MASS_FIELD, tr("Louvain: mass field"), QVariant(), INPUT, compat::FieldDataType::Numeric, false, true));
  addParameter(new QgsProcessingParameterNumber(EXPONENT, tr("Louvain: distance exponent b"), compat::NumberType::Double, 2.0));
  addParameter(new QgsProcessingParameterNumber(RESOLUTION, tr("Louvain: resolution γ"), compat::NumberType::Double, 1.0));
  addNetworkParameters(networkDeclare());
  addParameter(advanced(new QgsProcessingParameterNumber(SNAP_KM, tr("Snap distance to the network (km)"), compat::NumberType::Double, 5.0)));
  addParameter(new QgsProcessingParameterField(POP_FIELD, tr("Population field (pop_sum, lead town, centre)"), QVariant(), INPUT,
                                               compat::FieldDataType::Numeric, false, true));
  addParameter(new QgsProcessingParameterEnum(HULL, tr("Group polygons"),
                                              QStringList() << tr("Convex hull") << tr("Concave hull") << tr("Footprint (discs around towns)"), false, HullConvex));
  addParameter(advanced(new QgsProcessingParameterNumber(CONCAVITY, tr("Concave hull: concavity (0 = tightest, 1 = convex)"),
                                                         compat::NumberType::Double, 0.3, false, 0.0, 1.0)));
  addParameter(new QgsProcessingParameterNumber(FOOTPRINT_KM, tr("Footprint disc radius (km)"), compat::NumberType::Double, 5.0));
  addParameter(advanced(new QgsProcessingParameterCrs(WORKING_CRS, tr("Working CRS for Ward, k-means and hulls (blank: automatic)"), QVariant(), true)));
  addParameter(new QgsProcessingParameterFeatureSink(OUTPUT, tr("Towns with group"), compat::VectorPoint));
  addParameter(new QgsProcessingParameterFeatureSink(GROUPS, tr("Town groups"), compat::VectorPolygon, QVariant(), true));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("NUM_GROUPS"), tr("Number of groups")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("SILHOUETTE"), tr("Silhouette score")));
}

// What the run works from: checked parameters, the towns in lon/lat and in
// planar metres, their distance space and the network.
struct TownClustersAlgorithm::Inputs {
  std::unique_ptr<QgsProcessingFeatureSource> source;
  Method method = Dbscan;
  int popField = -1, nameField = -1, k = 0, seed = 0, maxIter = 300, restarts = 1;
  double epsKm = 0, minPoints = 0, cutKm = 0, footprintKm = 0, maxLinkKm = 0, exponent = 2, resolution = 1, concavity = 0.3;
  Hull hullKind = HullConvex;
  NetworkInput::Lines lines;
  QgsCoordinateReferenceSystem layerCrs;
  conversion::PointTable towns;
  std::vector<double> weights, masses, population;
  bool viaLonLat = true;
  std::vector<poleaxis::Point> planar;  // metres
  QgsCoordinateTransform fromWork, toLayer;
  double toLayerUnits = 1;
  std::unique_ptr<poleaxis::TownSpace> space;
  std::unique_ptr<poleaxis::Network> network;
};

// The groups: group id per town (1 = most towns, 0 = ungrouped) and core flags.
struct TownClustersAlgorithm::Groups {
  std::vector<int> group;
  std::vector<char> isCore;
  int groups = 0;
};

QVariantMap TownClustersAlgorithm::execute(const QVariantMap& parameters, QgsProcessingContext& context,
                                           QgsProcessingFeedback* feedback) {
  const Inputs in = readInputs(parameters, context, feedback);
  const Groups groups = group(in, feedback);
  QVariantMap outputs = writeTowns(in, groups, parameters, context, feedback);
  writeGroups(in, groups, parameters, context, feedback, outputs);
  feedback->setProgress(100);
  return outputs;
}

TownClustersAlgorithm::Inputs TownClustersAlgorithm::readInputs(const QVariantMap& parameters, QgsProcessingContext& context,
                                                                QgsProcessingFeedback* feedback) const {
  Inputs in;
  in.source = requireSource(parameters, INPUT, context);
  const std::unique_ptr<QgsProcessingFeatureSource>& source = in.source;
  const QgsFields fields = source->fields();
  const Method method = static_cast<Method>(parameterAsEnum(parameters, METHOD, context));
  auto optionalField = [&](const QString& parameter) {
    const QString name = parameterAsString(parameters, parameter, context);
    return name.isEmpty() ? -1 : requireField(fields, name, parameter, INPUT, true);
  };
  const int weightField = method == Dbscan ? optionalField(WEIGHT_FIELD) : -1;
  const int massField = method == Louvain ? optionalField(MASS_FIELD) : -1;
  const int popField = optionalField(POP_FIELD);
  const int nameField = nameFieldIndex(fields);
  const double epsKm = parameterAsDouble(parameters, EPS, context);
  const double minPoints = parameterAsDouble(parameters, MIN_POINTS, context);
  const double cutKm = parameterAsDouble(parameters, CUT_DISTANCE, context);
  const int k = parameterAsInt(parameters, K, context);
  const int seed = parameterAsInt(parameters, SEED, context);
  const double footprintKm = parameterAsDouble(parameters, FOOTPRINT_KM, context);
  const Hull hullKind = static_cast<Hull>(parameterAsEnum(parameters, HULL, context));
  if (method == Dbscan && !(epsKm > 0)) throw QgsProcessingException(tr("EPS: %1 km; the radius must be > 0.").arg(epsKm));
  if (method == Dbscan && !(minPoints > 0)) throw QgsProcessingException(tr("MIN_POINTS: %1; it must be > 0.").arg(minPoints));
  if (method >= Single && method <= Ward && k <= 0 && !(cutKm > 0))
    throw QgsProcessingException(tr("CUT_DISTANCE: %1 km; give a cut distance > 0 or K > 0.").arg(cutKm));
  if (method == KMeans && k < 1) throw QgsProcessingException(tr("K: k-means needs the number of groups; set K to 1 or more."));
  if (method == Louvain && !(parameterAsDouble(parameters, MAX_LINK_KM, context) > 0))
    throw QgsProcessingException(tr("MAX_LINK_KM: the longest link must be > 0 km."));
  if (method == Louvain && !(parameterAsDouble(parameters, RESOLUTION, context) > 0))
    throw QgsProcessingException(tr("RESOLUTION: γ must be > 0."));
  if (method == Louvain && !(parameterAsDouble(parameters, EXPONENT, context) >= 0))
    throw QgsProcessingException(tr("EXPONENT: b must be >= 0."));
  if (!(footprintKm > 0)) throw QgsProcessingException(tr("FOOTPRINT_KM: the disc radius must be > 0 km."));
  checkOutputFolders(parameters, {NetworkInput::COMPONENTS}, context);
  in.lines = NetworkInput::read(*this, parameters, context, feedback, false, networkDeclare());
  const NetworkInput::Lines& lines = in.lines;
  const bool byNetwork = !lines.empty();
  if (byNetwork && (method == Ward || method == KMeans || method == Louvain))
    throw QgsProcessingException(tr("LINES: network distances work with DBSCAN and single, complete or average linkage; "
                                    "Ward and k-means need Euclidean coordinates. Clear LINES or choose another method."));
  checkOutputFolders(parameters, {OUTPUT, GROUPS}, context);

  feedback->pushInfo(tr("Reading towns"));
  const QgsCoordinateReferenceSystem layerCrs = source->sourceCrs();
  in.towns = conversion::readPoints(*source, INPUT, context, feedback, true, 0, 10, true);
  const conversion::PointTable& towns = in.towns;
  warnWithoutGeometry(feedback, INPUT, towns.withoutGeometryIds);
  const size_t n = towns.ids.size();
  if (n < 2) throw QgsProcessingException(tr("INPUT: %n town(s) with a position; grouping needs at least 2.", nullptr, int(n)));
  if ((method == KMeans || (method >= Single && method <= Ward && k > 0)) && size_t(k) > n)
    throw QgsProcessingException(tr("K: %1 groups asked for but there are only %2 towns.").arg(k).arg(n));
  const std::vector<double> weights = positiveValues(towns, weightField, WEIGHT_FIELD, true);
  const std::vector<double> masses = positiveValues(towns, massField, MASS_FIELD, false);
  in.population.assign(n, 0.0);
  std::vector<double>& population = in.population;
  std::vector<QgsFeatureId> noPopulation;
  if (popField >= 0)
    for (size_t i = 0; i < n; ++i) {
      const double v = conversion::numberOrNan(towns.features[i].attribute(popField));
      if (v >= 0) population[i] = v;
      else noPopulation.push_back(towns.ids[i]);
    }
  if (!noPopulation.empty())
    feedback->pushWarning(tr("POP_FIELD: %1 town(s) with NULL or negative population count as 0: feature ids %2.")
                              .arg(noPopulation.size()).arg(idList(noPopulation)));

  // Frames: geodesic lon/lat, the layer's own metres, and a planar working
  // frame. A projected layer's own coordinates are used only when they
  // measure the ground (a metre CRS made for the area); Web Mercator and
  // far zones go through lon/lat like geographic layers.
  const QgsRectangle lonlatExtent = conversion::lonLatExtentOf(towns.lonlat);  // across ±180 when narrower
  const bool viaLonLat = layerCrs.isGeographic() || !conversion::measuresGround(layerCrs, lonlatExtent, INPUT, context, feedback);
  std::vector<poleaxis::Point>& planar = in.planar;  // metres
  QgsCoordinateTransform& fromWork = in.fromWork;
  QgsCoordinateTransform& toLayer = in.toLayer;
  // Layer units per metre: planar work is in metres, outputs in layer units.
  const double metresPerUnit = viaLonLat ? 1.0 : QgsUnitTypes::fromUnitToUnitFactor(layerCrs.mapUnits(), compat::Metres);
  if (viaLonLat) {
    const conversion::WorkingCrs working = conversion::workingCrs(lonlatExtent, parameterAsCrs(parameters, WORKING_CRS, context), WORKING_CRS,
                                                                  tr("the towns' extent"), context, feedback);
    planar = conversion::transformPoints(towns.lonlat, working.toWork);
    fromWork = working.fromWork;
    toLayer = QgsCoordinateTransform(conversion::wgs84(), layerCrs, context.transformContext());
  } else {
    if (!(metresPerUnit > 0) || layerCrs.mapUnits() == compat::UnknownDistanceUnit)
      throw QgsProcessingException(tr("INPUT: the layer's CRS %1 has no distance unit; reproject the towns to a projected CRS in metres or to WGS 84.")
                                       .arg(layerCrs.authid()));
    for (const poleaxis::Point& p : towns.native) planar.push_back({p.x * metresPerUnit, p.y * metresPerUnit});
  }
  const double toLayerUnits = 1.0 / metresPerUnit;
  const bool euclidean = method == Ward || method == KMeans;
  in.space = std::make_unique<poleaxis::TownSpace>(euclidean || !viaLonLat ? planar : towns.lonlat, viaLonLat && !euclidean);
  feedback->pushInfo(euclidean || !viaLonLat ? tr("Distances: planar metres.") : tr("Distances: geodesic on the WGS 84 ellipsoid."));

  std::unique_ptr<poleaxis::Network>& network = in.network;
  if (byNetwork) {
    const double snapKm = parameterAsDouble(parameters, SNAP_KM, context);
    if (!(snapKm >= 0) || !std::isfinite(snapKm)) throw QgsProcessingException(tr("SNAP_KM: %1 km is not a distance >= 0.").arg(snapKm));
    feedback->pushInfo(tr("Building the network"));
    network = NetworkInput::build(lines, towns.lonlat, snapKm, feedback, 10, 12);
    NetworkInput::log(*network, towns.ids, feedback);
    std::vector<QgsFeatureId> far;
    for (size_t i = 0; i < n; ++i)
      if (network->snapped()[i] < 0) far.push_back(towns.ids[i]);
    if (!far.empty())
      feedback->pushWarning(tr("%1 town(s) farther than %2 km from every line stay ungrouped or alone: feature ids %3.")
                                .arg(far.size()).arg(snapKm).arg(idList(far)));
    feedback->pushInfo(tr("Distances are km along the lines."));
  }

  in.method = method;
  in.popField = popField;
  in.nameField = nameField;
  in.epsKm = epsKm;
  in.minPoints = minPoints;
  in.cutKm = cutKm;
  in.k = k;
  in.seed = seed;
  // A footprint wider than the towns' extent draws every group as one huge
  // disc (and geodesic discs of thousands of km take minutes): clamp it.
  const double extentKm = poleaxis::Geodesic::wgs84().distance_m({lonlatExtent.xMinimum(), lonlatExtent.yMinimum()},
                                                                 {lonlatExtent.xMaximum(), lonlatExtent.yMaximum()}) / 1000.0;
  const double footprintCap = std::min(kMaxFootprintKm, std::max(extentKm, 1.0));
  in.footprintKm = std::min(footprintKm, footprintCap);
  if (footprintKm > footprintCap)
    feedback->pushWarning(tr("FOOTPRINT_KM: %1 km is wider than the towns' extent (%2 km across); discs of %3 km are drawn instead.")
                              .arg(footprintKm)
                              .arg(extentKm, 0, 'f', 1)
                              .arg(footprintCap, 0, 'f', 1));
  in.hullKind = hullKind;
  in.layerCrs = layerCrs;
  in.weights = weights;
  in.masses = masses;
  in.viaLonLat = viaLonLat;
  in.toLayerUnits = toLayerUnits;
  in.maxIter = parameterAsInt(parameters, MAX_ITER, context);
  in.restarts = parameterAsInt(parameters, RESTARTS, context);
  in.maxLinkKm = parameterAsDouble(parameters, MAX_LINK_KM, context);
  in.exponent = parameterAsDouble(parameters, EXPONENT, context);
  in.resolution = parameterAsDouble(parameters, RESOLUTION, context);
  in.concavity = parameterAsDouble(parameters, CONCAVITY, context);
  return in;
}

TownClustersAlgorithm::Groups TownClustersAlgorithm::group(const Inputs& in, QgsProcessingFeedback* feedback) const {
  Groups out;
  const Method method = in.method;
  const double epsKm = in.epsKm;
  const double minPoints = in.minPoints;
  const double cutKm = in.cutKm;
  const int k = in.k;
  const int seed = in.seed;
  const conversion::PointTable& towns = in.towns;
  const size_t n = in.towns.ids.size();
  const std::vector<double>& weights = in.weights;
  const std::vector<double>& masses = in.masses;
  const std::vector<poleaxis::Point>& planar = in.planar;
  const poleaxis::TownSpace& space = *in.space;
  const std::unique_ptr<poleaxis::Network>& network = in.network;
  // Grouping.
  std::vector<int> label;
  out.isCore.assign(n, 1);
  std::vector<char>& isCore = out.isCore;
  FeedbackAdapter core(feedback, 10, 70);
  try {
    switch (method) {
      case Dbscan: {
        feedback->pushInfo(tr("DBSCAN, eps %1 km, min %2").arg(epsKm).arg(minPoints));
        const poleaxis::DbscanResult r =
            network ? poleaxis::dbscan(poleaxis::network_neighbourhoods(*network, epsKm, &core), minPoints, weights)
                    : poleaxis::dbscan(space, epsKm * 1000.0, minPoints, weights, &core);
        label = r.label;
        isCore = r.is_core;
        break;
      }
      case Single:
      case Complete:
      case Average:
      case Ward: {
        std::vector<poleaxis::Merge> merges;
        if (method == Single && !network) {
          feedback->pushInfo(tr("Single linkage by minimum spanning tree"));
          merges = poleaxis::single_linkage(space, &core);
        } else if (method == Ward) {
          // Ward needs only centroids and sizes: no matrix, any n.
          feedback->pushInfo(tr("Ward linkage by nearest-neighbour chain over centroids (no distance matrix)"));
          merges = poleaxis::ward_linkage(planar, &core);
        } else {
          // Complete and average linkage hold every distance: n(n−1)/2 of them, as float64 (SciPy's
          // arithmetic) when that fits in the memory there is, else as float32 with every choice checked.
          const double pairs = double(n) * double(n - 1) / 2, perTown = double(n) * 64;
          const bool float32 = !memorybudget::fits(pairs * sizeof(double) + perTown);
          const double matrixBytes = pairs * (float32 ? sizeof(float) : sizeof(double));
          memorybudget::require(matrixBytes + perTown, METHOD,
                                tr("%1 linkage of %2 towns holds an n² distance matrix, which even in float32").arg(method == Complete ? tr("Complete") : tr("Average")).arg(n),
                                tr("Use single linkage (a spanning tree) or Ward (a centroid chain), which need no matrix, or DBSCAN or "
                                   "k-means; or group fewer towns, or free memory."));
          const poleaxis::Linkage linkageMethod = static_cast<poleaxis::Linkage>(int(method) - int(Single));
          poleaxis::ProgressSlice matrix(&core, 0, 30), merging(&core, 30, 100);
          if (!float32) {
            feedback->pushInfo(tr("Distance matrix: %1").arg(memorybudget::describeBytes(matrixBytes)));
            std::vector<double> d = network ? poleaxis::network_condensed(*network, &matrix)
                                    : space.geographic() ? poleaxis::geodesic_condensed(towns.lonlat, &matrix)
                                                         : poleaxis::euclidean_condensed(planar);
            merges = poleaxis::linkage(std::move(d), n, linkageMethod, &merging);
          } else {
            feedback->pushInfo(tr("Distance matrix in float32: %1 (float64 would need %2, more than the memory available)")
                                   .arg(memorybudget::describeBytes(matrixBytes), memorybudget::describeBytes(2 * matrixBytes)));
            std::vector<float> d = network ? poleaxis::network_condensed_f32(*network, &matrix)
                                   : space.geographic() ? poleaxis::geodesic_condensed_f32(towns.lonlat, &matrix)
                                                        : poleaxis::euclidean_condensed_f32(planar);
            poleaxis::LinkageCheck check;
            merges = poleaxis::linkage(std::move(d), n, linkageMethod, &merging, &check);
            if (check.near_ties == 0)
              feedback->pushInfo(tr("float32: none of the %1 nearest-neighbour choices came within rounding of its runner-up, so the "
                                    "merges are those of a float64 run (heights to 7 digits).").arg(check.decisions));
            else
              feedback->pushWarning(tr("float32: %1 of the %2 nearest-neighbour choices came within rounding of their runner-up "
                                       "(their distances equal to within float32 rounding); at those the merges may differ from a float64 "
                                       "run's. Free memory for float64 to be sure.").arg(check.near_ties).arg(check.decisions));
          }
        }
        label = k > 0 ? poleaxis::cut_into(merges, n, size_t(k)) : poleaxis::cut_at_height(merges, n, cutKm * 1000.0);
        break;
      }
      case KMeans: {
        const poleaxis::KMeansResult r = poleaxis::kmeans(planar, size_t(k), uint64_t(seed), in.maxIter,
                                                          in.restarts, 1e-4, &core);
        feedback->pushInfo(tr("k-means: inertia %1 km², %2 iteration(s) in the best run.").arg(r.inertia / 1e6, 0, 'g', 6).arg(r.iterations));
        label = r.label;
        break;
      }
      case Louvain: {
        const double maxLinkKm = in.maxLinkKm;
        const double b = in.exponent;
        std::vector<poleaxis::WeightedEdge> edges;
        for (size_t i = 0; i < n; ++i) {
          space.within(i, maxLinkKm * 1000.0, [&](size_t j) {
            if (j <= i) return;
            const double km = std::max(1.0, space.distance_m(i, j) / 1000.0);
            edges.push_back({i, j, (masses.empty() ? 1.0 : masses[i] * masses[j]) / std::pow(km, b)});
          });
        }
        std::sort(edges.begin(), edges.end(), [](const auto& x, const auto& y) { return x.u < y.u || (x.u == y.u && x.v < y.v); });
        feedback->pushInfo(tr("Gravity graph: %1 links within %2 km").arg(edges.size()).arg(maxLinkKm));
        const poleaxis::Communities c =
            poleaxis::louvain(n, edges, in.resolution, uint64_t(seed), 1e-7, &core);
        feedback->pushInfo(tr("Louvain: modularity %1 after %2 level(s).").arg(c.modularity, 0, 'f', 4).arg(c.levels));
        label = c.label;
        break;
      }
    }
  } catch (const poleaxis::InputError& e) {
    raise(e, method == Dbscan ? WEIGHT_FIELD : method == KMeans ? K : INPUT, towns.ids);
  } catch (const poleaxis::Canceled&) {
    conversion::throwCanceled();
  }

  // Group ids: 1 = most towns, ties by first town.
  int raw = 0;
  for (int l : label) raw = std::max(raw, l + 1);
  std::vector<size_t> count(size_t(raw), 0), first(size_t(raw), n);
  for (size_t i = 0; i < n; ++i)
    if (label[i] >= 0) {
      ++count[size_t(label[i])];
      first[size_t(label[i])] = std::min(first[size_t(label[i])], i);
    }
  std::vector<int> order(static_cast<size_t>(raw));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return count[size_t(a)] > count[size_t(b)] || (count[size_t(a)] == count[size_t(b)] && first[size_t(a)] < first[size_t(b)]);
  });
  std::vector<int> groupOf(size_t(raw), 0);
  int& groups = out.groups;
  for (int l : order)
    if (count[size_t(l)]) groupOf[size_t(l)] = ++groups;
  out.group.assign(n, 0);  // 0: noise
  std::vector<int>& group = out.group;
  for (size_t i = 0; i < n; ++i) group[i] = label[i] >= 0 ? groupOf[size_t(label[i])] : 0;
  const size_t noise = size_t(std::count(group.begin(), group.end(), 0));
  feedback->pushInfo(tr("%1 group(s); %2 town(s) ungrouped.").arg(groups).arg(noise));
  return out;
}

QVariantMap TownClustersAlgorithm::writeTowns(const Inputs& in, const Groups& groups, const QVariantMap& parameters,
                                              QgsProcessingContext& context, QgsProcessingFeedback* feedback) const {
  const std::unique_ptr<QgsProcessingFeatureSource>& source = in.source;
  const QgsFields fields = in.source->fields();
  const Method method = in.method;
  const int seed = in.seed;
  const QgsCoordinateReferenceSystem& layerCrs = in.layerCrs;
  const conversion::PointTable& towns = in.towns;
  const size_t n = in.towns.ids.size();
  const poleaxis::TownSpace& space = *in.space;
  const std::vector<int>& group = groups.group;
  const std::vector<char>& isCore = groups.isCore;
  // Silhouette on the clustering's own distances (geodesic for network runs),
  // on other threads while this one writes the towns: the sink is the slow
  // part of large runs. It gets every core, sharing this one until the
  // writing is done, so it does not finish on one core while the other
  // waits (k-means on 13,921 towns: 0.81× native before, 1.0× after). Progress stays with the writing.
  std::vector<int> zeroBased(n);
  for (size_t i = 0; i < n; ++i) zeroBased[i] = group[i] - 1;
  ThreadProgress silhouetteFeedback(feedback);
  std::future<poleaxis::Silhouette> silhouetteRun = std::async(std::launch::async, [&] {
    return poleaxis::silhouette(space, zeroBased, kSilhouetteSample, uint64_t(seed), &silhouetteFeedback,
                                poleaxis::worker_count());
  });

  // Towns.
  const QgsFields added = makeFields({{QStringLiteral("group_id"), compat::value::Int}, {QStringLiteral("is_core"), compat::value::Int}});
  const QgsFields townFields = combineOutputFields(fields, added, feedback, INPUT);
  QString townsId;
  std::unique_ptr<QgsFeatureSink> townSink = createSink(parameters, OUTPUT, context, townsId, townFields, source->wkbType(), layerCrs, true);
  SinkWriter townWriter(townSink.get(), parameters, OUTPUT);
  // Writing 70–78 %, then the silhouette's own share until it is done, 78–80 %.
  for (size_t i = 0; i < n; ++i) {
    if (i % 1000 == 0) {
      conversion::throwIfCanceled(feedback);
      feedback->setProgress(70.0 + 8.0 * double(i) / double(n));
    }
    QgsFeature f = towns.features[i];
    QgsAttributes a = f.attributes();
    a << (group[i] ? QVariant(group[i]) : QVariant()) << int(method == Dbscan ? isCore[i] : group[i] > 0);
    f.setFields(townFields, false);
    f.setAttributes(a);
    townWriter.add(f);
  }
  for (const QgsFeature& f : rowsWithoutGeometry(towns, townFields)) townWriter.add(f);
  townWriter.flush();
  QVariant silhouetteValue;
  {
    poleaxis::Silhouette s;
    while (silhouetteRun.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready)
      feedback->setProgress(78.0 + 2.0 * silhouetteFeedback.percent() / 100.0);
    try {
      s = silhouetteRun.get();
    } catch (const poleaxis::Canceled&) {
      conversion::throwCanceled();
    }
    if (std::isfinite(s.score)) {
      silhouetteValue = s.score;
      feedback->pushInfo(s.exact ? tr("Silhouette score %1 (all %2 grouped towns).").arg(s.score, 0, 'f', 4).arg(s.sampled)
                                 : tr("Silhouette score %1 (a seeded sample of %2 grouped towns).").arg(s.score, 0, 'f', 4).arg(s.sampled));
    } else {
      feedback->pushInfo(tr("Silhouette score undefined: fewer than 2 groups, or every town alone."));
    }
  }
  QVariantMap outputs{{OUTPUT, townsId}, {QStringLiteral("NUM_GROUPS"), groups.groups}, {QStringLiteral("SILHOUETTE"), silhouetteValue}};
  StylePostProcessor::styleOnLoad(context, townsId, QStringLiteral("grouped_towns"));
  return outputs;
}

void TownClustersAlgorithm::writeGroups(const Inputs& in, const Groups& groups, const QVariantMap& parameters, QgsProcessingContext& context,
                                        QgsProcessingFeedback* feedback, QVariantMap& outputs) const {
  const int popField = in.popField;
  const int nameField = in.nameField;
  const double footprintKm = in.footprintKm;
  const Hull hullKind = in.hullKind;
  const NetworkInput::Lines& lines = in.lines;
  const QgsCoordinateReferenceSystem& layerCrs = in.layerCrs;
  const conversion::PointTable& towns = in.towns;
  const size_t n = in.towns.ids.size();
  const std::vector<double>& population = in.population;
  const bool viaLonLat = in.viaLonLat;
  const std::vector<poleaxis::Point>& planar = in.planar;
  const QgsCoordinateTransform& fromWork = in.fromWork;
  const QgsCoordinateTransform& toLayer = in.toLayer;
  const double toLayerUnits = in.toLayerUnits;
  const std::unique_ptr<poleaxis::Network>& network = in.network;
  const std::vector<int>& group = groups.group;
  // Group polygons.
  const QgsFields groupFields = makeFields({{QStringLiteral("group_id"), compat::value::Int},
                                            {QStringLiteral("n_towns"), compat::value::Int},
                                            {QStringLiteral("pop_sum"), compat::value::Double},
                                            {QStringLiteral("area_km2"), compat::value::Double},
                                            {QStringLiteral("lead_fid"), compat::value::LongLong},
                                            {QStringLiteral("lead_name"), compat::value::String},
                                            {QStringLiteral("cen_x"), compat::value::Double},
                                            {QStringLiteral("cen_y"), compat::value::Double},
                                            {QStringLiteral("colour"), compat::value::Int}});
  QString groupsId;
  std::unique_ptr<QgsFeatureSink> groupSink = createSink(parameters, GROUPS, context, groupsId, groupFields, compat::WkbType::MultiPolygon, layerCrs, false);
  if (groupSink) {
    feedback->pushInfo(tr("Group polygons"));
    const size_t groupCount = static_cast<size_t>(groups.groups);
    std::vector<std::vector<size_t>> members(groupCount);
    for (size_t i = 0; i < n; ++i)
      if (group[i]) members[size_t(group[i] - 1)].push_back(i);
    const double concavity = in.concavity;
    std::vector<poleaxis::MultiPolygon> shapes(groupCount);  // planar metres
    std::vector<poleaxis::MultiPolygon> lonlatShapes(groupCount);  // geodesic footprints
    for (size_t g = 0; g < size_t(groups.groups); ++g) {
      if (g % 64 == 0) {
        conversion::throwIfCanceled(feedback);
        feedback->setProgress(80 + 15.0 * double(g) / double(groups.groups));
      }
      std::vector<poleaxis::Point> xy;
      for (size_t i : members[g]) xy.push_back(planar[i]);
      if (hullKind != HullFootprint)
        shapes[g] = poleaxis::group_hull(xy, hullKind == HullConvex ? poleaxis::HullKind::Convex : poleaxis::HullKind::Concave, concavity);
      if (shapes[g].empty()) {
        if (viaLonLat) {
          std::vector<poleaxis::Point> centres;
          for (size_t i : members[g]) centres.push_back(towns.lonlat[i]);
          lonlatShapes[g] = poleaxis::union_circles(centres, std::vector<double>(centres.size(), footprintKm * 1000.0), 64).shape;
          // Planar copy for colouring.
          QgsGeometry w = conversion::toGeometry(lonlatShapes[g]);
          w.transform(fromWork, Qgis::TransformDirection::Reverse);
          shapes[g] = conversion::toMultiPolygon(w);
        } else {
          shapes[g] = poleaxis::disc_footprint(xy, footprintKm * 1000.0, 16);
        }
      }
    }
    const std::vector<int> colour = poleaxis::colour_neighbours(shapes, footprintKm * 1000.0);
    QgsDistanceArea area;
    area.setSourceCrs(layerCrs, context.transformContext());
    area.setEllipsoid(QStringLiteral("WGS84"));
    for (size_t g = 0; g < size_t(groups.groups); ++g) {
      QgsGeometry geometry;
      if (!lonlatShapes[g].empty()) {
        geometry = conversion::toGeometry(lonlatShapes[g]);
        geometry.transform(toLayer);
      } else if (viaLonLat) {
        geometry = polygonsFromWork(shapes[g], fromWork, toLayer);
      } else {
        poleaxis::MultiPolygon scaled = shapes[g];
        for (poleaxis::Polygon& polygon : scaled)
          for (poleaxis::Ring& ring : polygon.rings)
            for (poleaxis::Point& p : ring) p = {p.x * toLayerUnits, p.y * toLayerUnits};
        geometry = conversion::toGeometry(scaled);
      }
      geometry.convertToMultiType();
      double popSum = 0, wx = 0, wy = 0, wsum = 0;
      for (size_t i : members[g]) {
        popSum += population[i];
        const double w = popField >= 0 ? population[i] : 1.0;
        wx += w * planar[i].x;
        wy += w * planar[i].y;
        wsum += w;
      }
      if (!(wsum > 0)) {  // a group of towns without population: plain mean
        wx = wy = 0;
        for (size_t i : members[g]) wx += planar[i].x, wy += planar[i].y;
        wsum = double(members[g].size());
      }
      const poleaxis::Point centre{wx / wsum, wy / wsum};
      // The most populous town; without population, the one nearest the centre.
      const auto d2 = [&](size_t t) { return std::pow(planar[t].x - centre.x, 2) + std::pow(planar[t].y - centre.y, 2); };
      size_t lead = members[g].front();
      for (size_t i : members[g])
        if (popField >= 0 ? population[i] > population[lead] : d2(i) < d2(lead)) lead = i;
      QgsPointXY centreLayer(centre.x * toLayerUnits, centre.y * toLayerUnits);
      if (viaLonLat) centreLayer = toLayer.transform(fromWork.transform(QgsPointXY(centre.x, centre.y)));
      QgsFeature f(groupFields);
      f.setAttributes(QgsAttributes() << int(g + 1) << int(members[g].size()) << (popField >= 0 ? QVariant(popSum) : QVariant())
                                      << area.measureArea(geometry) / 1e6 << qlonglong(towns.ids[lead])
                                      << (nameField >= 0 ? featureName(towns.features[lead]) : QVariant())
                                      << centreLayer.x() << centreLayer.y() << colour[g]);
      f.setGeometry(conversion::validPolygons(geometry));
      if (!groupSink->addFeature(f, QgsFeatureSink::FastInsert)) throw QgsProcessingException(writeFeatureError(groupSink.get(), parameters, GROUPS));
    }
    outputs.insert(GROUPS, groupsId);
    StylePostProcessor::styleOnLoad(context, groupsId, QStringLiteral("town_groups"));
  }
  if (network) writeNetworkComponents(*network, lines, parameters, context, outputs);
}
