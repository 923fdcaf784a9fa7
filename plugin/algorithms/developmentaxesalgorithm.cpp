#include "developmentaxesalgorithm.h"
#include "qgiscompat.h"

#include <qgsexception.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include <cmath>
#include <map>
#include <memory>

#include "conversion.h"
#include "feedbackadapter.h"
#include "poleaxis/development_axes.h"
#include "poleaxis/key_values.h"
#include "poleaxis/geodesic.h"
#include "poleaxis/polygon_ops.h"
#include "stylepostprocessor.h"

namespace {
// All pairs above this (about 4,500 centres) would fill memory with desire lines no map can show.
constexpr double kMaxAllPairs = 1e7;

enum Unsnapped { UnsnappedExclude, UnsnappedRefuse };

const QString CENTRES = QStringLiteral("CENTRES");
const QString MASS_FIELD = QStringLiteral("MASS_FIELD");
const QString EXTERNAL = QStringLiteral("EXTERNAL");
const QString EXTERNAL_MASS_FIELD = QStringLiteral("EXTERNAL_MASS_FIELD");
const QString DISTANCE_MODE = QStringLiteral("DISTANCE_MODE");
const QString EXPONENT = QStringLiteral("EXPONENT");
const QString K = QStringLiteral("K");
const QString SNAP_KM = QStringLiteral("SNAP_KM");
const QString MIN_DISTANCE = QStringLiteral("MIN_DISTANCE");
const QString GRADING = QStringLiteral("GRADING");
const QString UNSNAPPED = QStringLiteral("UNSNAPPED");
const QString PAIRS = QStringLiteral("PAIRS");
const QString TOP_N = QStringLiteral("TOP_N");
const QString MIN_GRAVITY = QStringLiteral("MIN_GRAVITY");
const QString DESIRE_LINES = QStringLiteral("DESIRE_LINES");
const QString EDGES = QStringLiteral("EDGES");
const QString AXES = QStringLiteral("AXES");

NetworkInput::Declare networkDeclare() {
  NetworkInput::Declare d;
  d.linesLabel = QCoreApplication::translate("DevelopmentAxesAlgorithm", "Line network (rail, highways; one or more layers)");
  d.optional = true;
  return d;
}

QgsGeometry polyline(const poleaxis::Polyline& points) {
  QgsPolylineXY line;
  for (const poleaxis::Point& p : points) line << QgsPointXY(p.x, p.y);
  return QgsGeometry::fromPolylineXY(line);
}

}  // namespace

QString DevelopmentAxesAlgorithm::displayName() const { return tr("Development axes (gravity model)"); }
QString DevelopmentAxesAlgorithm::group() const { return tr("Axes"); }
QStringList DevelopmentAxesAlgorithm::tags() const {
  return tr("gravity,axis,corridor,flow,network,shortest path,dijkstra,desire lines,spatial interaction,发展轴,引力模型,点轴").split(',');
}
QString DevelopmentAxesAlgorithm::shortDescription() const {
  return tr("Measures the gravity between centres, routes it over the rail/highway network and grades the lines that carry it into development axes.");
}

QString DevelopmentAxesAlgorithm::helpText() const {
  return tr(
      "Finds development axes (发展轴) with the gravity model G_ij = k·M_i·M_j / d_ij^b between centres (masses from "
      "a field, e.g. population or a townhierarchy score; centres with NULL or mass ≤ 0 are skipped and listed). "
      "Pairs closer than the distance floor (default 10 km, or minutes) count at the floor: towns a few km apart "
      "are one agglomeration, and without a floor they outweigh every axis.\n\n"
      "<b>Distance</b> d: geodesic km on the WGS 84 ellipsoid; network km along the lines; or network minutes, each "
      "line at its speed (km/h) from Speed field or from Class field + Speed table (class=km/h;…, e.g. "
      "rail=120;rail_hsr=250). Centres are joined to the network at the nearest point of a line within Snap "
      "distance (km); the few metres of access are not counted. Centres farther away are excluded with a warning "
      "(or refused). Pairs with no path (separate networks) or at distance 0 are counted and left out.\n\n"
      "<b>Pairs</b>: all, each centre's top N partners by G (memory grows with the pairs kept, not n²), or G ≥ a "
      "threshold. With geodesic distance both top N and the threshold find partners through spherical indexes of the "
      "centres grouped by mass, not by a scan of every pair (169,030 centres: seconds, where a scan is 1.4·10¹⁰ "
      "pairs); more than 10 million pairs over the threshold are refused (raise it).\n\n"
      "<b>External centres</b>: metropolises outside the plan that pull on it (Chongqing for Guizhou, Changchun for "
      "Jilin city), with their own mass field. They pair only with the centres of the plan, never with each other; "
      "their flows count on the network inside and outside the plan, and their desire lines and axes are marked "
      "external. An external centre inside the plan's centres is warned about.\n\n"
      "<b>Network</b>: the lines are noded (see below); each centre is spliced into its line; chains of "
      "vertices between junctions become one edge. Shortest paths by Dijkstra. With lines given, the gravity of "
      "every pair is routed over its shortest path (km, or minutes in minutes mode) and summed on each edge: "
      "flow. Edges with flow get grade 1–3 (1 = strongest) by Jenks natural breaks or head/tail breaks, each edge "
      "weighted by its length so that how lines are cut into edges does not matter. Axes = graded edges merged "
      "into continuous polylines per grade and route name: the route name field where the lines have one, "
      "otherwise the two centres of the strongest pair routed over the edge (\"贵阳—遵义\").\n\n") +
         NetworkInput::helpText() +
         tr("\n\nOutputs: Desire lines (from_fid, to_fid, names, dist_km, minutes, grav, rank, share %, external), "
            "Edges (edge_id, from_node, to_node, line_fid, layer, name, len_km, minutes, flow, ext_pct, grade), Axes "
            "(grade, name, len_km, flow, ext_pct, external: 1 when most of its flow involves an external centre) and "
            "Network components.");
}

void DevelopmentAxesAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFeatureSource(CENTRES, tr("Centres"), compat::sourceTypes({compat::VectorPoint})));
  addParameter(new QgsProcessingParameterField(MASS_FIELD, tr("Mass field (population, score…)"), QVariant(), CENTRES,
                                               compat::FieldDataType::Numeric));
  addParameter(new QgsProcessingParameterFeatureSource(EXTERNAL, tr("External centres (outside the plan)"),
                                                       compat::sourceTypes({compat::VectorPoint}), QVariant(), true));
  addParameter(new QgsProcessingParameterField(EXTERNAL_MASS_FIELD, tr("Mass field of the external centres"), QVariant(), EXTERNAL,
                                               compat::FieldDataType::Numeric, false, true));
  addNetworkParameters(networkDeclare());
  addParameter(new QgsProcessingParameterEnum(DISTANCE_MODE, tr("Distance"),
                                              QStringList() << tr("Geodesic km") << tr("Network km") << tr("Network minutes"), false, 0));
  addParameter(new QgsProcessingParameterNumber(EXPONENT, tr("Distance exponent b"), compat::NumberType::Double, 2.0));
  addParameter(new QgsProcessingParameterNumber(K, tr("Constant k"), compat::NumberType::Double, 1.0));
  addParameter(new QgsProcessingParameterNumber(SNAP_KM, tr("Snap distance to the network (km)"), compat::NumberType::Double, 5.0));
  addParameter(advanced(new QgsProcessingParameterNumber(MIN_DISTANCE, tr("Distance floor (km, or minutes; 0 = none)"),
                                                         compat::NumberType::Double, 10.0)));
  addParameter(advanced(new QgsProcessingParameterEnum(UNSNAPPED, tr("Centres beyond the snap distance"),
                                                       QStringList() << tr("Exclude with a warning") << tr("Refuse"), false, UnsnappedExclude)));
  addParameter(new QgsProcessingParameterEnum(PAIRS, tr("Pairs"), QStringList() << tr("All") << tr("Top N per centre") << tr("Gravity threshold"), false, 1));
  addParameter(new QgsProcessingParameterNumber(TOP_N, tr("N (top N partners)"), compat::NumberType::Integer, 3));
  addParameter(new QgsProcessingParameterNumber(MIN_GRAVITY, tr("Minimum gravity"), compat::NumberType::Double, 0.0));
  addParameter(new QgsProcessingParameterEnum(GRADING, tr("Axis grades by"),
                                              QStringList() << tr("Jenks natural breaks") << tr("Head/tail breaks"), false, 0));
  addParameter(new QgsProcessingParameterFeatureSink(DESIRE_LINES, tr("Desire lines"), compat::VectorLine));
  addParameter(new QgsProcessingParameterFeatureSink(EDGES, tr("Network edges with flow"), compat::VectorLine, QVariant(), true));
  addParameter(new QgsProcessingParameterFeatureSink(AXES, tr("Development axes"), compat::VectorLine, QVariant(), true));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("NUM_PAIRS"), tr("Number of pairs")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("TOTAL_GRAVITY"), tr("Total gravity")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("UNREACHABLE_PAIRS"), tr("Pairs without a path")));
}

namespace {
// The centres of the plan and the external ones, in one list for the core.
struct Centres {
  std::vector<poleaxis::Point> lonlat;
  std::vector<double> mass;
  std::vector<char> external;
  std::vector<QgsFeatureId> ids;
  std::vector<QVariant> names;
};
}  // namespace

// Reads one centre layer into `centres`: skips (and lists) NULL or
// non-positive masses; returns how many were taken.
static size_t appendCentres(const conversion::PointTable& points, int massField, int nameField, int fallbackName,
                            bool external, Centres& centres, std::vector<QgsFeatureId>& noMass) {
  size_t taken = 0;
  for (size_t row = 0; row < points.ids.size(); ++row) {
    const QgsFeature& f = points.features[row];
    const double mass = conversion::numberOrNan(f.attribute(massField));
    if (!(mass > 0) || !std::isfinite(mass)) {
      noMass.push_back(points.ids[row]);
      continue;
    }
    QVariant name = nameField >= 0 ? f.attribute(nameField) : QVariant();
    if (name.isNull() && fallbackName >= 0) name = f.attribute(fallbackName);
    centres.lonlat.push_back(points.lonlat[row]);
    centres.mass.push_back(mass);
    centres.external.push_back(external ? 1 : 0);
    centres.ids.push_back(points.ids[row]);
    centres.names.push_back(name);
    ++taken;
  }
  return taken;
}

// What the run works from: the checked parameters, the centres (the plan's,
// then the external ones) and the lines.
struct DevelopmentAxesAlgorithm::Inputs {
  Centres centres;
  QgsCoordinateReferenceSystem centreCrs;
  int mode = 0;
  double snapKm = 0;
  bool refuseUnsnapped = false;
  NetworkInput::Lines lines;
  poleaxis::AxesRequest request;
};

QVariantMap DevelopmentAxesAlgorithm::execute(const QVariantMap& parameters, QgsProcessingContext& context,
                                              QgsProcessingFeedback* feedback) {
  const Inputs in = readInputs(parameters, context, feedback);
  const poleaxis::AxesResult result = computeAxes(in, feedback);
  QVariantMap outputs = writeDesireLines(in, result, parameters, context, feedback);
  if (result.network) {
    writeEdges(in, result, parameters, context, feedback, outputs);
    writeAxes(in, result, parameters, context, feedback, outputs);
    writeNetworkComponents(*result.network, in.lines, parameters, context, outputs);
  }
  feedback->setProgress(100);
  return outputs;
}

DevelopmentAxesAlgorithm::Inputs DevelopmentAxesAlgorithm::readInputs(const QVariantMap& parameters, QgsProcessingContext& context,
                                                                      QgsProcessingFeedback* feedback) const {
  std::unique_ptr<QgsProcessingFeatureSource> centresSource = requireSource(parameters, CENTRES, context);
  const QgsFields centreFields = centresSource->fields();
  const int massField = requireField(centreFields, parameterAsString(parameters, MASS_FIELD, context), MASS_FIELD, CENTRES, true);
  std::unique_ptr<QgsProcessingFeatureSource> externalSource(parameterAsSource(parameters, EXTERNAL, context));
  int externalMassField = -1;
  if (externalSource) {
    const QString name = parameterAsString(parameters, EXTERNAL_MASS_FIELD, context);
    if (name.isEmpty())
      throw QgsProcessingException(tr("EXTERNAL_MASS_FIELD: choose the mass field of the external centres (population, score…)."));
    externalMassField = requireField(externalSource->fields(), name, EXTERNAL_MASS_FIELD, EXTERNAL, true);
  }
  const int mode = parameterAsEnum(parameters, DISTANCE_MODE, context);
  const double snapKm = parameterAsDouble(parameters, SNAP_KM, context);
  if (!(snapKm >= 0) || !std::isfinite(snapKm)) throw QgsProcessingException(tr("SNAP_KM: %1 km is not a distance >= 0.").arg(snapKm));
  checkOutputFolders(parameters, {DESIRE_LINES, EDGES, AXES, NetworkInput::COMPONENTS}, context);

  feedback->pushInfo(tr("Reading centres"));
  Inputs in;
  Centres& centres = in.centres;
  std::vector<QgsFeatureId> noMass, externalNoMass;
  const conversion::PointTable points = conversion::readPoints(*centresSource, CENTRES, context, feedback, true, 0, 5);
  appendCentres(points, massField, nameFieldIndex(centreFields), centreFields.lookupField(QStringLiteral("name")), false, centres, noMass);
  warnWithoutGeometry(feedback, CENTRES, points.withoutGeometryIds);
  if (!noMass.empty())
    feedback->pushWarning(tr("%1 centre(s) with NULL or mass <= 0 skipped: feature ids %2.").arg(noMass.size()).arg(idList(noMass)));
  const size_t internalCount = centres.lonlat.size();
  if (externalSource) {
    const conversion::PointTable outside = conversion::readPoints(*externalSource, EXTERNAL, context, feedback, true, 5, 8);
    const QgsFields fields = externalSource->fields();
    appendCentres(outside, externalMassField, nameFieldIndex(fields), fields.lookupField(QStringLiteral("name")), true, centres,
                  externalNoMass);
    if (!externalNoMass.empty())
      feedback->pushWarning(tr("EXTERNAL: %1 centre(s) with NULL or mass <= 0 skipped: feature ids %2.")
                                .arg(externalNoMass.size())
                                .arg(idList(externalNoMass)));
    // An external centre among the plan's own centres is most likely a mistake.
    QgsMultiPointXY inside;
    for (size_t c = 0; c < internalCount; ++c) inside << QgsPointXY(centres.lonlat[c].x, centres.lonlat[c].y);
    const QgsGeometry hull = QgsGeometry::fromMultiPointXY(inside).convexHull();
    std::vector<QgsFeatureId> within;
    for (size_t c = internalCount; c < centres.lonlat.size(); ++c)
      if (hull.contains(QgsGeometry::fromPointXY(QgsPointXY(centres.lonlat[c].x, centres.lonlat[c].y)))) within.push_back(centres.ids[c]);
    if (!within.empty())
      feedback->pushWarning(tr("EXTERNAL: %1 external centre(s) lie among the plan's own centres (inside their convex hull): feature "
                               "ids %2. External centres are meant to be outside the plan; move them to CENTRES if they belong to it.")
                                .arg(within.size())
                                .arg(idList(within)));
    feedback->pushInfo(tr("%1 centre(s) of the plan and %2 external centre(s).").arg(internalCount).arg(centres.lonlat.size() - internalCount));
  }
  if (internalCount < 1 || centres.lonlat.size() < 2)
    throw QgsProcessingException(tr("MASS_FIELD: fewer than 2 centres have a mass > 0; gravity needs pairs."));

  feedback->pushInfo(tr("Reading the network"));
  in.lines = NetworkInput::read(*this, parameters, context, feedback, mode == 2, networkDeclare());
  const NetworkInput::Lines& lines = in.lines;
  if (mode > 0 && lines.empty())
    throw QgsProcessingException(tr("LINES: network distances need a line layer; give LINES or use geodesic distance."));

  poleaxis::AxesRequest& request = in.request;
  request.centres = centres.lonlat;
  request.mass = centres.mass;
  if (externalSource) request.external = centres.external;
  request.distance = mode == 0 ? poleaxis::DistanceMode::Geodesic
                     : mode == 1 ? poleaxis::DistanceMode::NetworkKm
                                 : poleaxis::DistanceMode::NetworkMinutes;
  request.exponent = parameterAsDouble(parameters, EXPONENT, context);
  request.k = parameterAsDouble(parameters, K, context);
  request.pairs = static_cast<poleaxis::PairMode>(parameterAsEnum(parameters, PAIRS, context));
  request.top_n = parameterAsInt(parameters, TOP_N, context);
  request.min_gravity = parameterAsDouble(parameters, MIN_GRAVITY, context);
  request.min_distance = parameterAsDouble(parameters, MIN_DISTANCE, context);
  request.grading = parameterAsEnum(parameters, GRADING, context) == 0 ? poleaxis::Grading::Jenks : poleaxis::Grading::HeadTail;
  request.lines = lines.lines;
  request.speeds_kmh = lines.speeds;
  request.network.snap_m = snapKm * 1000.0;
  request.network.noding = lines.noding;
  if (!(request.min_distance >= 0) || !std::isfinite(request.min_distance))
    throw QgsProcessingException(tr("MIN_DISTANCE: %1 must be >= 0.").arg(request.min_distance));
  if (!(request.exponent >= 0) || !std::isfinite(request.exponent)) throw QgsProcessingException(tr("EXPONENT: b = %1 must be >= 0.").arg(request.exponent));
  if (!(request.k > 0) || !std::isfinite(request.k)) throw QgsProcessingException(tr("K: k = %1 must be > 0.").arg(request.k));
  if (!(request.min_gravity >= 0) || !std::isfinite(request.min_gravity))
    throw QgsProcessingException(tr("MIN_GRAVITY: %1 must be a number >= 0.").arg(request.min_gravity));
  if (request.pairs == poleaxis::PairMode::TopN && request.top_n < 1)
    throw QgsProcessingException(tr("TOP_N: N must be at least 1, got %1.").arg(request.top_n));
  // Every pair of n centres is n(n−1)/2 desire lines: refuse what no map or memory holds.
  const double allPairs = double(request.centres.size()) * double(request.centres.size() - 1) / 2.0;
  if (request.pairs == poleaxis::PairMode::All && allPairs > kMaxAllPairs)
    throw QgsProcessingException(tr("PAIRS: all pairs of %1 centres are %2 million desire lines, more than %3 million. Choose the top N "
                                    "partners of each centre, or a gravity threshold.")
                                     .arg(request.centres.size())
                                     .arg(allPairs / 1e6, 0, 'f', 0)
                                     .arg(kMaxAllPairs / 1e6, 0, 'f', 0));

  in.centreCrs = centresSource->sourceCrs();
  in.mode = mode;
  in.snapKm = snapKm;
  in.refuseUnsnapped = parameterAsEnum(parameters, UNSNAPPED, context) == UnsnappedRefuse;
  return in;
}

poleaxis::AxesResult DevelopmentAxesAlgorithm::computeAxes(const Inputs& in, QgsProcessingFeedback* feedback) const {
  const Centres& centres = in.centres;
  const NetworkInput::Lines& lines = in.lines;
  const poleaxis::AxesRequest& request = in.request;
  const int mode = in.mode;
  const double snapKm = in.snapKm;
  feedback->pushInfo(tr("Gravity between %n centre(s)", nullptr, int(request.centres.size())));
  FeedbackAdapter core(feedback, 10, 85);
  poleaxis::AxesResult result;
  try {
    result = poleaxis::development_axes(request, &core);
  } catch (const poleaxis::Canceled&) {
    conversion::throwCanceled();
  } catch (const poleaxis::LineError& e) {  // from the network builder: the lines' fault
    NetworkInput::refuse(e, lines);
  } catch (const poleaxis::TooManyPairs& e) {
    throw QgsProcessingException(tr("MIN_GRAVITY: %1 (%2 centres). Raise the threshold, or choose the top N partners of each centre.")
                                     .arg(QString::fromStdString(e.what()))
                                     .arg(request.centres.size()));
  } catch (const poleaxis::InputError& e) {
    raise(e, MASS_FIELD, centres.ids);
  }
  if (!result.unsnapped.empty()) {
    std::vector<QgsFeatureId> far;
    for (size_t c : result.unsnapped) far.push_back(centres.ids[c]);
    const QString message = tr("%1 centre(s) farther than %2 km from every line: feature ids %3.").arg(far.size()).arg(snapKm).arg(idList(far));
    if (in.refuseUnsnapped && mode > 0)
      throw QgsProcessingException(tr("SNAP_KM: %1 Raise SNAP_KM or set UNSNAPPED to exclude them.").arg(message));
    feedback->pushWarning(message + (mode > 0 ? tr(" They are left out.") : tr(" Their gravity is not routed.")));
  }
  if (result.unreachable_pairs)
    feedback->pushWarning(tr("%n pair(s) have no path over the network (separate parts) and are left out.", nullptr, int(result.unreachable_pairs)));
  if (result.colocated_pairs)
    feedback->pushWarning(tr("%n pair(s) at distance 0 (same place or network node) left out.", nullptr, int(result.colocated_pairs)));
  if (result.network) NetworkInput::log(*result.network, centres.ids, feedback);
  return result;
}

QVariantMap DevelopmentAxesAlgorithm::writeDesireLines(const Inputs& in, const poleaxis::AxesResult& result, const QVariantMap& parameters,
                                                       QgsProcessingContext& context, QgsProcessingFeedback* feedback) const {
  const Centres& centres = in.centres;
  const poleaxis::AxesRequest& request = in.request;
  const int mode = in.mode;
  auto isExternalPair = [&](const poleaxis::GravityPair& p) { return centres.external[p.i] || centres.external[p.j]; };
  // Desire lines.
  const QgsCoordinateReferenceSystem& centreCrs = in.centreCrs;
  const QgsCoordinateTransform toCentres(conversion::wgs84(), centreCrs, context.transformContext());
  const QgsFields desireFields = makeFields({{QStringLiteral("from_fid"), compat::value::LongLong},
       {QStringLiteral("to_fid"), compat::value::LongLong},
       {QStringLiteral("from_name"), compat::value::String},
       {QStringLiteral("to_name"), compat::value::String},
       {QStringLiteral("from_node"), compat::value::LongLong},
       {QStringLiteral("to_node"), compat::value::LongLong},
       {QStringLiteral("dist_km"), compat::value::Double},
       {QStringLiteral("minutes"), compat::value::Double},
       {QStringLiteral("grav"), compat::value::Double},
       {QStringLiteral("rank"), compat::value::Int},
       {QStringLiteral("share"), compat::value::Double},
       {QStringLiteral("external"), compat::value::Int}});
  QString desireId;
  std::unique_ptr<QgsFeatureSink> desire =
      createSink(parameters, DESIRE_LINES, context, desireId, desireFields, compat::WkbType::LineString, centreCrs, true);
  auto nodeOf = [&](size_t c) {
    return result.network && result.network->snapped()[c] >= 0 ? QVariant(qlonglong(result.network->snapped()[c])) : QVariant();
  };
  size_t degenerate = 0;
  for (size_t r = 0; r < result.pairs.size(); ++r) {
    conversion::throwIfCanceled(feedback);
    const poleaxis::GravityPair& p = result.pairs[r];
    QgsFeature f(desireFields);
    f.setAttributes(QgsAttributes() << qlonglong(centres.ids[p.i]) << qlonglong(centres.ids[p.j])
                                    << centres.names[p.i] << centres.names[p.j]
                                    << nodeOf(p.i) << nodeOf(p.j) << p.km << (mode == 2 ? QVariant(p.d) : QVariant()) << p.g
                                    << int(r + 1) << 100.0 * p.g / result.total_g << int(isExternalPair(p)));
    const poleaxis::Point a = request.centres[p.i], b = request.centres[p.j];
    if (a.x != b.x || a.y != b.y) {  // two towns at one place: a row without a (zero-length, invalid) line
      QgsGeometry g = polyline({a, b});
      g.transform(toCentres);
      f.setGeometry(g);
    } else {
      ++degenerate;
    }
    if (!desire->addFeature(f, QgsFeatureSink::FastInsert))
      throw QgsProcessingException(writeFeatureError(desire.get(), parameters, DESIRE_LINES));
  }
  if (degenerate)
    feedback->pushWarning(tr("%n pair(s) of centres at the same position: their desire lines have no geometry.", nullptr, int(degenerate)));
  QVariantMap outputs{{DESIRE_LINES, desireId},
                      {QStringLiteral("NUM_PAIRS"), qlonglong(result.pairs.size())},
                      {QStringLiteral("TOTAL_GRAVITY"), result.total_g},
                      {QStringLiteral("UNREACHABLE_PAIRS"), qlonglong(result.unreachable_pairs)}};
  StylePostProcessor::styleOnLoad(context, desireId, QStringLiteral("desire_lines"));
  return outputs;
}

QString DevelopmentAxesAlgorithm::edgeName(const Inputs& in, const poleaxis::AxesResult& result, size_t e) const {
  // An edge's route name: its line's name field, else the strongest pair over it.
  const QString& route = in.lines.routeNames[result.network->edges()[e].line];
  if (!route.isEmpty()) return route;
  const long top = result.edge_top_pair[e];
  if (top < 0) return QString();
  const poleaxis::GravityPair& pair = result.pairs[size_t(top)];
  return in.centres.names[pair.i].toString() + QStringLiteral("—") + in.centres.names[pair.j].toString();
}

void DevelopmentAxesAlgorithm::writeEdges(const Inputs& in, const poleaxis::AxesResult& result, const QVariantMap& parameters,
                                          QgsProcessingContext& context, QgsProcessingFeedback* feedback, QVariantMap& outputs) const {
  const NetworkInput::Lines& lines = in.lines;
  const QgsCoordinateTransform toLines(conversion::wgs84(), lines.crs, context.transformContext());
  const std::vector<poleaxis::NetworkEdge>& edges = result.network->edges();
  auto externalPercent = [&](size_t e) {
    return result.edge_flow[e] > 0 ? 100.0 * result.edge_external_flow[e] / result.edge_flow[e] : 0.0;
  };
  const QgsFields edgeFields = makeFields({{QStringLiteral("edge_id"), compat::value::LongLong},
       {QStringLiteral("from_node"), compat::value::LongLong},
       {QStringLiteral("to_node"), compat::value::LongLong},
       {QStringLiteral("line_fid"), compat::value::LongLong},
       {QStringLiteral("layer"), compat::value::String},
       {QStringLiteral("name"), compat::value::String},
       {QStringLiteral("len_km"), compat::value::Double},
       {QStringLiteral("minutes"), compat::value::Double},
       {QStringLiteral("flow"), compat::value::Double},
       {QStringLiteral("ext_pct"), compat::value::Double},
       {QStringLiteral("grade"), compat::value::Int}});
  QString edgesId;
  std::unique_ptr<QgsFeatureSink> edgeSink =
      createSink(parameters, EDGES, context, edgesId, edgeFields, compat::WkbType::LineString, lines.crs, false);
  if (edgeSink) {
    SinkWriter writer(edgeSink.get(), parameters, EDGES);
    for (size_t e = 0; e < edges.size(); ++e) {
      if (e % 1024 == 0) conversion::throwIfCanceled(feedback);
      const poleaxis::NetworkEdge& edge = edges[e];
      QgsFeature f(edgeFields);
      f.setAttributes(QgsAttributes() << qlonglong(e) << qlonglong(edge.from) << qlonglong(edge.to) << qlonglong(lines.ids[edge.line])
                                      << lines.layerNames[lines.layer[edge.line]] << edgeName(in, result, e) << edge.km
                                      << (std::isnan(edge.minutes) ? QVariant() : QVariant(edge.minutes))
                                      << result.edge_flow[e] << externalPercent(e) << result.edge_grade[e]);
      QgsGeometry g = polyline(edge.shape);
      g.transform(toLines);
      f.setGeometry(g);
      writer.add(f);
    }
    writer.flush();
    outputs.insert(EDGES, edgesId);
    StylePostProcessor::styleOnLoad(context, edgesId, QStringLiteral("network_edges"));
  }
}

void DevelopmentAxesAlgorithm::writeAxes(const Inputs& in, const poleaxis::AxesResult& result, const QVariantMap& parameters,
                                         QgsProcessingContext& context, QgsProcessingFeedback* feedback, QVariantMap& outputs) const {
  const NetworkInput::Lines& lines = in.lines;
  const QgsCoordinateTransform toLines(conversion::wgs84(), lines.crs, context.transformContext());
  const std::vector<poleaxis::NetworkEdge>& edges = result.network->edges();
  const QgsFields axisFields = makeFields({{QStringLiteral("grade"), compat::value::Int},
       {QStringLiteral("name"), compat::value::String},
       {QStringLiteral("len_km"), compat::value::Double},
       {QStringLiteral("flow"), compat::value::Double},
       {QStringLiteral("ext_pct"), compat::value::Double},
       {QStringLiteral("external"), compat::value::Int}});
  QString axesId;
  std::unique_ptr<QgsFeatureSink> axisSink =
      createSink(parameters, AXES, context, axesId, axisFields, compat::WkbType::LineString, lines.crs, false);
  if (axisSink) {
    // Graded edges of one grade and route name, merged end to end.
    std::map<std::pair<int, QString>, std::vector<size_t>> groups;
    for (size_t e = 0; e < edges.size(); ++e)
      if (result.edge_grade[e] > 0) groups[{result.edge_grade[e], edgeName(in, result, e)}].push_back(e);
    int axesCount = 0;
    for (const auto& [key, members] : groups) {
      conversion::throwIfCanceled(feedback);
      std::vector<poleaxis::Polyline> shapes;
      double flowKm = 0, externalKm = 0, km = 0;
      for (size_t e : members) {
        shapes.push_back(edges[e].shape);
        flowKm += result.edge_flow[e] * edges[e].km;
        externalKm += result.edge_external_flow[e] * edges[e].km;
        km += edges[e].km;
      }
      const double externalShare = flowKm > 0 ? 100.0 * externalKm / flowKm : 0.0;
      for (const poleaxis::Polyline& merged : poleaxis::line_merge(shapes)) {
        double length = 0;
        for (size_t i = 0; i + 1 < merged.size(); ++i)
          length += poleaxis::Geodesic::wgs84().distance_m(merged[i], merged[i + 1]) / 1000.0;
        QgsFeature f(axisFields);
        f.setAttributes(QgsAttributes() << key.first << key.second << length << (km > 0 ? flowKm / km : 0.0) << externalShare
                                        << int(externalShare > 50.0));
        QgsGeometry g = polyline(merged);
        g.transform(toLines);
        f.setGeometry(g);
        if (!axisSink->addFeature(f, QgsFeatureSink::FastInsert))
          throw QgsProcessingException(writeFeatureError(axisSink.get(), parameters, AXES));
        ++axesCount;
      }
    }
    outputs.insert(AXES, axesId);
    StylePostProcessor::styleOnLoad(context, axesId, QStringLiteral("axes"));
    feedback->pushInfo(tr("%n axis line(s) in grades 1–3.", nullptr, axesCount));
  }
}
