#include "developmentaxesalgorithm.h"

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

enum Unsnapped { UnsnappedExclude, UnsnappedRefuse };

const QString CENTRES = QStringLiteral("CENTRES");
const QString MASS_FIELD = QStringLiteral("MASS_FIELD");
const QString LINES = QStringLiteral("LINES");
const QString SPEED_FIELD = QStringLiteral("SPEED_FIELD");
const QString CLASS_FIELD = QStringLiteral("CLASS_FIELD");
const QString SPEED_TABLE = QStringLiteral("SPEED_TABLE");
const QString DEFAULT_SPEED = QStringLiteral("DEFAULT_SPEED");
const QString NAME_FIELD = QStringLiteral("NAME_FIELD");
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

QString DevelopmentAxesAlgorithm::shortHelpString() const {
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
      "threshold.\n\n"
      "<b>Network</b>: lines are joined where they share a vertex; each centre is spliced into its line; chains of "
      "vertices between junctions become one edge. Shortest paths by Dijkstra. With lines given, the gravity of "
      "every pair is routed over its shortest path (km, or minutes in minutes mode) and summed on each edge: "
      "flow. Edges with flow get grade 1–3 (1 = strongest) by Jenks natural breaks or head/tail breaks, each edge "
      "weighted by its length so that how lines are cut into edges does not matter. Axes = graded edges merged "
      "into continuous polylines per grade and route name (Name field).\n\n"
      "Outputs: Desire lines (from_fid, to_fid, names, dist_km, minutes, grav, rank, share %), Edges "
      "(edge_id, from_node, to_node, line_fid, name, len_km, minutes, flow, grade) and Axes (grade, name, len_km, "
      "flow).");
}

void DevelopmentAxesAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFeatureSource(CENTRES, tr("Centres"), QList<int>() << QgsProcessing::TypeVectorPoint));
  addParameter(new QgsProcessingParameterField(MASS_FIELD, tr("Mass field (population, score…)"), QVariant(), CENTRES,
                                               QgsProcessingParameterField::Numeric));
  addParameter(new QgsProcessingParameterFeatureSource(LINES, tr("Line network (rail, highways)"),
                                                       QList<int>() << QgsProcessing::TypeVectorLine, QVariant(), true));
  addParameter(new QgsProcessingParameterField(SPEED_FIELD, tr("Speed field (km/h)"), QVariant(), LINES,
                                               QgsProcessingParameterField::Numeric, false, true));
  addParameter(new QgsProcessingParameterField(CLASS_FIELD, tr("Class field"), QVariant(), LINES,
                                               QgsProcessingParameterField::Any, false, true));
  addParameter(new QgsProcessingParameterString(SPEED_TABLE, tr("Speed table (class=km/h;…)"),
                                                QStringLiteral("rail=120;rail_hsr=250;expressway=100;national_road=70"), false, true));
  addParameter(advanced(new QgsProcessingParameterNumber(DEFAULT_SPEED, tr("Speed for classes not in the table (km/h, 0 = refuse)"),
                                                         QgsProcessingParameterNumber::Double, 0.0)));
  addParameter(advanced(new QgsProcessingParameterField(NAME_FIELD, tr("Route name field (axes are merged per name)"), QVariant(),
                                                        LINES, QgsProcessingParameterField::Any, false, true)));
  addParameter(new QgsProcessingParameterEnum(DISTANCE_MODE, tr("Distance"),
                                              QStringList() << tr("Geodesic km") << tr("Network km") << tr("Network minutes"), false, 0));
  addParameter(new QgsProcessingParameterNumber(EXPONENT, tr("Distance exponent b"), QgsProcessingParameterNumber::Double, 2.0));
  addParameter(new QgsProcessingParameterNumber(K, tr("Constant k"), QgsProcessingParameterNumber::Double, 1.0));
  addParameter(new QgsProcessingParameterNumber(SNAP_KM, tr("Snap distance to the network (km)"), QgsProcessingParameterNumber::Double, 5.0));
  addParameter(advanced(new QgsProcessingParameterNumber(MIN_DISTANCE, tr("Distance floor (km, or minutes; 0 = none)"),
                                                         QgsProcessingParameterNumber::Double, 10.0)));
  addParameter(advanced(new QgsProcessingParameterEnum(UNSNAPPED, tr("Centres beyond the snap distance"),
                                                       QStringList() << tr("Exclude with a warning") << tr("Refuse"), false, UnsnappedExclude)));
  addParameter(new QgsProcessingParameterEnum(PAIRS, tr("Pairs"), QStringList() << tr("All") << tr("Top N per centre") << tr("Gravity threshold"), false, 1));
  addParameter(new QgsProcessingParameterNumber(TOP_N, tr("N (top N partners)"), QgsProcessingParameterNumber::Integer, 3));
  addParameter(new QgsProcessingParameterNumber(MIN_GRAVITY, tr("Minimum gravity"), QgsProcessingParameterNumber::Double, 0.0));
  addParameter(new QgsProcessingParameterEnum(GRADING, tr("Axis grades by"),
                                              QStringList() << tr("Jenks natural breaks") << tr("Head/tail breaks"), false, 0));
  addParameter(new QgsProcessingParameterFeatureSink(DESIRE_LINES, tr("Desire lines"), QgsProcessing::TypeVectorLine));
  addParameter(new QgsProcessingParameterFeatureSink(EDGES, tr("Network edges with flow"), QgsProcessing::TypeVectorLine, QVariant(), true));
  addParameter(new QgsProcessingParameterFeatureSink(AXES, tr("Development axes"), QgsProcessing::TypeVectorLine, QVariant(), true));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("NUM_PAIRS"), tr("Number of pairs")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("TOTAL_GRAVITY"), tr("Total gravity")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("UNREACHABLE_PAIRS"), tr("Pairs without a path")));
}

QVariantMap DevelopmentAxesAlgorithm::execute(const QVariantMap& parameters, QgsProcessingContext& context,
                                              QgsProcessingFeedback* feedback) {
  std::unique_ptr<QgsProcessingFeatureSource> centresSource = requireSource(parameters, CENTRES, context);
  const QgsFields centreFields = centresSource->fields();
  const int massField = requireField(centreFields, parameterAsString(parameters, MASS_FIELD, context), MASS_FIELD, CENTRES, true);
  const int nameField = nameFieldIndex(centreFields);
  const int fallbackName = centreFields.lookupField(QStringLiteral("name"));
  std::unique_ptr<QgsProcessingFeatureSource> linesSource(parameterAsSource(parameters, LINES, context));
  const int mode = parameterAsEnum(parameters, DISTANCE_MODE, context);
  if (mode > 0 && !linesSource)
    throw QgsProcessingException(tr("LINES: network distances need a line layer; give LINES or use geodesic distance."));
  const double snapKm = parameterAsDouble(parameters, SNAP_KM, context);
  if (linesSource && !(snapKm >= 0)) throw QgsProcessingException(tr("SNAP_KM: %1 km is negative.").arg(snapKm));
  checkOutputFolders(parameters, {DESIRE_LINES, EDGES, AXES}, context);

  feedback->pushInfo(tr("Reading centres"));
  const conversion::PointTable points = conversion::readPoints(*centresSource, CENTRES, context, feedback, true, 0, 10);
  poleaxis::AxesRequest request;
  std::vector<size_t> rows;  // centre index → row of `points`
  std::vector<QgsFeatureId> noMass;
  for (size_t row = 0; row < points.ids.size(); ++row) {
    const double mass = conversion::numberOrNan(points.features[row].attribute(massField));
    if (!(mass > 0)) {
      noMass.push_back(points.ids[row]);
      continue;
    }
    rows.push_back(row);
    request.centres.push_back(points.lonlat[row]);
    request.mass.push_back(mass);
  }
  if (points.withoutGeometry) feedback->pushWarning(tr("%n centre(s) without geometry skipped.", nullptr, int(points.withoutGeometry)));
  if (!noMass.empty())
    feedback->pushWarning(tr("%1 centre(s) with NULL or mass <= 0 skipped: feature ids %2.").arg(noMass.size()).arg(idList(noMass)));
  if (request.centres.size() < 2)
    throw QgsProcessingException(tr("MASS_FIELD: fewer than 2 centres have a mass > 0; gravity needs pairs."));
  std::vector<QgsFeatureId> centreIds;
  for (size_t row : rows) centreIds.push_back(points.ids[row]);

  conversion::LineTable lines;
  std::vector<QString> routeNames;
  if (linesSource) {
    feedback->pushInfo(tr("Reading the network"));
    const QgsFields lineFields = linesSource->fields();
    const QString speedName = parameterAsString(parameters, SPEED_FIELD, context);
    const QString className = parameterAsString(parameters, CLASS_FIELD, context);
    const QString routeName = parameterAsString(parameters, NAME_FIELD, context);
    const int speedField = speedName.isEmpty() ? -1 : requireField(lineFields, speedName, SPEED_FIELD, LINES, true);
    const int classField = className.isEmpty() ? -1 : requireField(lineFields, className, CLASS_FIELD, LINES, false);
    const int routeField = routeName.isEmpty() ? -1 : requireField(lineFields, routeName, NAME_FIELD, LINES, false);
    if (mode == 2 && speedField < 0 && classField < 0)
      throw QgsProcessingException(tr("SPEED_FIELD: network minutes need line speeds: a SPEED_FIELD, or a CLASS_FIELD with a SPEED_TABLE."));
    lines = conversion::readLines(*linesSource, LINES, context, feedback, classField);
    if (lines.lines.empty()) throw QgsProcessingException(tr("LINES: the layer has no line with a length."));
    if (lines.withoutGeometry || lines.degenerateParts)
      feedback->pushWarning(tr("LINES: %1 feature(s) without geometry and %2 zero-length part(s) ignored.")
                                .arg(lines.withoutGeometry)
                                .arg(lines.degenerateParts));
    // Speeds and route names need the line attributes: one more pass by id.
    std::map<QgsFeatureId, QgsAttributes> attributes;
    if (speedField >= 0 || routeField >= 0) {
      QgsFeatureIterator it = linesSource->getFeatures(QgsFeatureRequest().setNoAttributes().setFlags(QgsFeatureRequest::NoGeometry).setSubsetOfAttributes(QgsAttributeList() << std::max(speedField, 0) << std::max(routeField, 0)));
      QgsFeature f;
      while (it.nextFeature(f)) attributes[f.id()] = f.attributes();
    }
    poleaxis::NumberTable table;
    const bool byClass = speedField < 0 && classField >= 0;
    if (byClass) {
      try {
        table = poleaxis::NumberTable::parse(parameterAsString(parameters, SPEED_TABLE, context).toStdString(), "speed",
                                             "write class=km/h, e.g. rail=120;rail_hsr=250");
      } catch (const poleaxis::InputError& e) {
        raise(e, SPEED_TABLE, {});
      }
    }
    const double defaultSpeed = parameterAsDouble(parameters, DEFAULT_SPEED, context);
    for (size_t l = 0; l < lines.lines.size(); ++l) {
      double speed = NAN;
      if (speedField >= 0) {
        speed = conversion::numberOrNan(attributes[lines.ids[l]].at(speedField));
        if (mode == 2 && !(speed > 0))
          throw QgsProcessingException(tr("SPEED_FIELD: line feature %1 has no speed > 0.").arg(lines.ids[l]));
      } else if (byClass) {
        const double* found = table.find(lines.classes[l].toStdString());
        if (found)
          speed = *found;
        else if (defaultSpeed > 0)
          speed = defaultSpeed;
        else if (mode == 2)
          throw QgsProcessingException(tr("SPEED_TABLE: class '%1' (line feature %2) is not in the table. Add it, or set DEFAULT_SPEED.")
                                           .arg(lines.classes[l])
                                           .arg(lines.ids[l]));
      }
      request.speeds_kmh.push_back(speed);
      routeNames.push_back(routeField >= 0 ? attributes[lines.ids[l]].at(routeField).toString() : QString());
    }
    request.lines = lines.lines;
  }
  request.distance = mode == 0 ? poleaxis::DistanceMode::Geodesic
                     : mode == 1 ? poleaxis::DistanceMode::NetworkKm
                                 : poleaxis::DistanceMode::NetworkMinutes;
  request.exponent = parameterAsDouble(parameters, EXPONENT, context);
  request.k = parameterAsDouble(parameters, K, context);
  request.pairs = static_cast<poleaxis::PairMode>(parameterAsEnum(parameters, PAIRS, context));
  request.top_n = parameterAsInt(parameters, TOP_N, context);
  request.min_gravity = parameterAsDouble(parameters, MIN_GRAVITY, context);
  request.snap_m = snapKm * 1000.0;
  request.min_distance = parameterAsDouble(parameters, MIN_DISTANCE, context);
  request.grading = parameterAsEnum(parameters, GRADING, context) == 0 ? poleaxis::Grading::Jenks : poleaxis::Grading::HeadTail;
  if (!(request.min_distance >= 0))
    throw QgsProcessingException(tr("MIN_DISTANCE: %1 must be >= 0.").arg(request.min_distance));
  if (!(request.exponent >= 0)) throw QgsProcessingException(tr("EXPONENT: b = %1 must be >= 0.").arg(request.exponent));
  if (!(request.k > 0)) throw QgsProcessingException(tr("K: k = %1 must be > 0.").arg(request.k));
  if (request.pairs == poleaxis::PairMode::TopN && request.top_n < 1)
    throw QgsProcessingException(tr("TOP_N: N must be at least 1, got %1.").arg(request.top_n));

  feedback->pushInfo(tr("Gravity between %n centre(s)", nullptr, int(request.centres.size())));
  FeedbackAdapter core(feedback, 10, 85);
  poleaxis::AxesResult result;
  try {
    result = poleaxis::development_axes(request, &core);
  } catch (const poleaxis::InputError& e) {
    raise(e, MASS_FIELD, centreIds);
  } catch (const poleaxis::Canceled&) {
    conversion::throwCanceled();
  }
  if (!result.unsnapped.empty()) {
    std::vector<QgsFeatureId> far;
    for (size_t c : result.unsnapped) far.push_back(centreIds[c]);
    const QString message = tr("%1 centre(s) farther than %2 km from every line: feature ids %3.").arg(far.size()).arg(snapKm).arg(idList(far));
    if (parameterAsEnum(parameters, UNSNAPPED, context) == UnsnappedRefuse && mode > 0)
      throw QgsProcessingException(tr("SNAP_KM: %1 Raise SNAP_KM or set UNSNAPPED to exclude them.").arg(message));
    feedback->pushWarning(message + (mode > 0 ? tr(" They are left out.") : tr(" Their gravity is not routed.")));
  }
  if (result.unreachable_pairs)
    feedback->pushWarning(tr("%n pair(s) have no path over the network (separate parts) and are left out.", nullptr, int(result.unreachable_pairs)));
  if (result.colocated_pairs)
    feedback->pushWarning(tr("%n pair(s) at distance 0 (same place or network node) left out.", nullptr, int(result.colocated_pairs)));
  if (result.network)
    feedback->pushInfo(tr("Network: %1 nodes, %2 edges.").arg(result.network->node_count()).arg(result.network->edges().size()));

  // Desire lines.
  const QgsCoordinateReferenceSystem centreCrs = centresSource->sourceCrs();
  const QgsCoordinateTransform toCentres(conversion::wgs84(), centreCrs, context.transformContext());
  const QgsFields desireFields = makeFields({{QStringLiteral("from_fid"), QVariant::LongLong},
       {QStringLiteral("to_fid"), QVariant::LongLong},
       {QStringLiteral("from_name"), QVariant::String},
       {QStringLiteral("to_name"), QVariant::String},
       {QStringLiteral("from_node"), QVariant::LongLong},
       {QStringLiteral("to_node"), QVariant::LongLong},
       {QStringLiteral("dist_km"), QVariant::Double},
       {QStringLiteral("minutes"), QVariant::Double},
       {QStringLiteral("grav"), QVariant::Double},
       {QStringLiteral("rank"), QVariant::Int},
       {QStringLiteral("share"), QVariant::Double}});
  QString desireId;
  std::unique_ptr<QgsFeatureSink> desire =
      createSink(parameters, DESIRE_LINES, context, desireId, desireFields, QgsWkbTypes::LineString, centreCrs, true);
  auto nameOf = [&](size_t c) {
    const QgsFeature& f = points.features[rows[c]];
    const QVariant name = nameField >= 0 ? f.attribute(nameField) : QVariant();
    return name.isNull() && fallbackName >= 0 ? f.attribute(fallbackName) : name;
  };
  auto nodeOf = [&](size_t c) {
    return result.network && result.network->snapped()[c] >= 0 ? QVariant(qlonglong(result.network->snapped()[c])) : QVariant();
  };
  for (size_t r = 0; r < result.pairs.size(); ++r) {
    conversion::throwIfCanceled(feedback);
    const poleaxis::GravityPair& p = result.pairs[r];
    QgsFeature f(desireFields);
    f.setAttributes(QgsAttributes() << qlonglong(centreIds[p.i]) << qlonglong(centreIds[p.j])
                                    << nameOf(p.i) << nameOf(p.j)
                                    << nodeOf(p.i) << nodeOf(p.j) << p.km << (mode == 2 ? QVariant(p.d) : QVariant()) << p.g
                                    << int(r + 1) << 100.0 * p.g / result.total_g);
    QgsGeometry g = polyline({request.centres[p.i], request.centres[p.j]});
    g.transform(toCentres);
    f.setGeometry(g);
    if (!desire->addFeature(f, QgsFeatureSink::FastInsert))
      throw QgsProcessingException(writeFeatureError(desire.get(), parameters, DESIRE_LINES));
  }
  QVariantMap outputs{{DESIRE_LINES, desireId},
                      {QStringLiteral("NUM_PAIRS"), qlonglong(result.pairs.size())},
                      {QStringLiteral("TOTAL_GRAVITY"), result.total_g},
                      {QStringLiteral("UNREACHABLE_PAIRS"), qlonglong(result.unreachable_pairs)}};
  StylePostProcessor::styleOnLoad(context, desireId, QStringLiteral("desire_lines"));

  if (result.network) {
    const QgsCoordinateReferenceSystem lineCrs = linesSource->sourceCrs();
    const QgsCoordinateTransform toLines(conversion::wgs84(), lineCrs, context.transformContext());
    const std::vector<poleaxis::NetworkEdge>& edges = result.network->edges();
    const QgsFields edgeFields = makeFields({{QStringLiteral("edge_id"), QVariant::LongLong},
         {QStringLiteral("from_node"), QVariant::LongLong},
         {QStringLiteral("to_node"), QVariant::LongLong},
         {QStringLiteral("line_fid"), QVariant::LongLong},
         {QStringLiteral("name"), QVariant::String},
         {QStringLiteral("len_km"), QVariant::Double},
         {QStringLiteral("minutes"), QVariant::Double},
         {QStringLiteral("flow"), QVariant::Double},
         {QStringLiteral("grade"), QVariant::Int}});
    QString edgesId;
    std::unique_ptr<QgsFeatureSink> edgeSink =
        createSink(parameters, EDGES, context, edgesId, edgeFields, QgsWkbTypes::LineString, lineCrs, false);
    if (edgeSink) {
      for (size_t e = 0; e < edges.size(); ++e) {
        conversion::throwIfCanceled(feedback);
        const poleaxis::NetworkEdge& edge = edges[e];
        QgsFeature f(edgeFields);
        f.setAttributes(QgsAttributes() << qlonglong(e) << qlonglong(edge.from) << qlonglong(edge.to) << qlonglong(lines.ids[edge.line])
                                        << routeNames[edge.line] << edge.km << (std::isnan(edge.minutes) ? QVariant() : QVariant(edge.minutes))
                                        << result.edge_flow[e] << result.edge_grade[e]);
        QgsGeometry g = polyline(edge.shape);
        g.transform(toLines);
        f.setGeometry(g);
        if (!edgeSink->addFeature(f, QgsFeatureSink::FastInsert))
          throw QgsProcessingException(writeFeatureError(edgeSink.get(), parameters, EDGES));
      }
      outputs.insert(EDGES, edgesId);
      StylePostProcessor::styleOnLoad(context, edgesId, QStringLiteral("network_edges"));
    }

    const QgsFields axisFields = makeFields({{QStringLiteral("grade"), QVariant::Int},
         {QStringLiteral("name"), QVariant::String},
         {QStringLiteral("len_km"), QVariant::Double},
         {QStringLiteral("flow"), QVariant::Double}});
    QString axesId;
    std::unique_ptr<QgsFeatureSink> axisSink =
        createSink(parameters, AXES, context, axesId, axisFields, QgsWkbTypes::LineString, lineCrs, false);
    if (axisSink) {
      // Graded edges of one grade and route name, merged end to end.
      std::map<std::pair<int, QString>, std::vector<size_t>> groups;
      for (size_t e = 0; e < edges.size(); ++e)
        if (result.edge_grade[e] > 0) groups[{result.edge_grade[e], routeNames[edges[e].line]}].push_back(e);
      int axesCount = 0;
      for (const auto& [key, members] : groups) {
        std::vector<poleaxis::Polyline> shapes;
        double flowKm = 0, km = 0;
        for (size_t e : members) {
          shapes.push_back(edges[e].shape);
          flowKm += result.edge_flow[e] * edges[e].km;
          km += edges[e].km;
        }
        for (const poleaxis::Polyline& merged : poleaxis::line_merge(shapes)) {
          double length = 0;
          for (size_t i = 0; i + 1 < merged.size(); ++i)
            length += poleaxis::Geodesic::wgs84().distance_m(merged[i], merged[i + 1]) / 1000.0;
          QgsFeature f(axisFields);
          f.setAttributes(QgsAttributes() << key.first << key.second << length << (km > 0 ? flowKm / km : 0.0));
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
  feedback->setProgress(100);
  return outputs;
}
