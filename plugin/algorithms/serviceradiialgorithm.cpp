#include "serviceradiialgorithm.h"
#include "qgiscompat.h"

#include <qgsexception.h>
#include <qgsfeaturesink.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include <qgsprocessingutils.h>

#include <cmath>
#include <memory>

#include "conversion.h"
#include "feedbackadapter.h"
#include "poleaxis/radius_rule.h"
#include "poleaxis/service_radii.h"
#include "poleaxis/travel_areas.h"
#include "stylepostprocessor.h"

namespace {

enum Mode { ModeFixed, ModeField, ModeLevelTable, ModeTravel, ModePowerLaw, ModeNetwork };
enum DissolveChoice { DissolveNone, DissolveByLevel, DissolveAll };

const QString INPUT = QStringLiteral("INPUT");
const QString RADIUS_MODE = QStringLiteral("RADIUS_MODE");
const QString RADIUS = QStringLiteral("RADIUS");
const QString RADIUS_FIELD = QStringLiteral("RADIUS_FIELD");
const QString LEVEL_FIELD = QStringLiteral("LEVEL_FIELD");
const QString LEVEL_TABLE = QStringLiteral("LEVEL_TABLE");
const QString TRAVEL_MINUTES = QStringLiteral("TRAVEL_MINUTES");
const QString SPEED_KMH = QStringLiteral("SPEED_KMH");
const QString POP_FIELD = QStringLiteral("POP_FIELD");
const QString POWER_A = QStringLiteral("POWER_A");
const QString POWER_B = QStringLiteral("POWER_B");
const QString SEGMENTS = QStringLiteral("SEGMENTS");
const QString DISSOLVE = QStringLiteral("DISSOLVE");
const QString STUDY_AREA = QStringLiteral("STUDY_AREA");
const QString DEMAND = QStringLiteral("DEMAND");
const QString DEMAND_POP_FIELD = QStringLiteral("DEMAND_POP_FIELD");
const QString SKIP_INVALID = QStringLiteral("SKIP_INVALID");
const QString NETWORK = QStringLiteral("NETWORK");
const QString DEFAULT_SPEED_KMH = QStringLiteral("DEFAULT_SPEED_KMH");
const QString ACCESS_SPEED_KMH = QStringLiteral("ACCESS_SPEED_KMH");
const QString NETWORK_SNAP_KM = QStringLiteral("NETWORK_SNAP_KM");

NetworkInput::Declare networkDeclare() {
  NetworkInput::Declare d;
  d.linesLabel = QCoreApplication::translate("ServiceRadiiAlgorithm", "Network for travel time (lines, one or more layers)");
  d.linesName = NETWORK;
  d.defaultSpeedName = DEFAULT_SPEED_KMH;
  d.optional = true;
  d.routeNames = false;
  return d;
}
const QString OUTPUT = QStringLiteral("OUTPUT");
const QString GAPS = QStringLiteral("GAPS");
const QString DEMAND_OUTPUT = QStringLiteral("DEMAND_OUTPUT");

QgsField doubleField(const QString& name) { return QgsField(name, compat::value::Double, QStringLiteral("double"), 20, 6); }
QgsField intField(const QString& name) { return QgsField(name, compat::value::Int, QStringLiteral("integer")); }

// Geometries from WGS 84 back into the input layer's CRS (a no-op for lon/lat input).
class BackToInput {
 public:
  BackToInput(const QgsCoordinateReferenceSystem& crs, const QgsCoordinateTransformContext& context)
      : reproject_(crs != conversion::wgs84()), back_(conversion::wgs84(), crs, context) {}
  QgsGeometry operator()(QgsGeometry g) const {
    if (reproject_) g.transform(back_);
    return g;
  }

 private:
  bool reproject_;
  QgsCoordinateTransform back_;
};

}  // namespace

QString ServiceRadiiAlgorithm::displayName() const { return tr("Service radii"); }

QString ServiceRadiiAlgorithm::group() const { return tr("Service"); }

QStringList ServiceRadiiAlgorithm::tags() const {
  return tr("service,radius,circle,buffer,geodesic,coverage,catchment,economic circle,half-hour,town,centre,服务半径,经济圈").split(',');
}

QString ServiceRadiiAlgorithm::shortDescription() const {
  return tr("Draws true geodesic service circles around centres and reports the towns and population they cover.");
}

QString ServiceRadiiAlgorithm::helpText() const {
  return tr(
      "Draws a service circle around every centre (e.g. Jilin's half-hour economic circle of about 30 km). "
      "Circles are true geodesic circles on the WGS 84 ellipsoid: every vertex lies exactly r km from the centre "
      "along the ground, whatever the layer's CRS, and areas are ellipsoidal km². Output is written in the input CRS.\n\n"
      "<b>Radius from</b> (km):\n"
      "- fixed: r = Radius;\n"
      "- field: r = the centre's Radius field;\n"
      "- level table: r = table[level], table written as level=km;… e.g. 1=30;2=15;3=8 (numeric levels match by value);\n"
      "- travel time × speed: r = minutes ÷ 60 × km/h (30 min × 60 km/h = 30 km);\n"
      "- power law: r = a·P^b from population P (a = 0.1, b = 0.5 gives 30 km for 90,000 people);\n"
      "- network travel time: not a circle but what can be reached in Travel time minutes over the Network "
      "(lines at their speeds, km/h, from the speed field, or class=km/h in the speed table), plus the reach left "
      "off the network at the Access speed: a centre reaches the network at its nearest line (within the network "
      "snap distance) after snap km ÷ access speed; from every reached point of a line the time left t gives a "
      "disc of radius t × access speed; the area is their union (the reached lines themselves at least a narrow "
      "band). A demand point is covered when min(straight distance ÷ access speed, access + network minutes + its "
      "own access) ≤ the travel time, measured exactly on the graph; the demand output adds minutes (the fastest "
      "centre's time, NULL when none reaches the point within the travel time) and snap_km (its distance to the "
      "network); each area gets snap_km of its centre. Nothing unreachable is painted, unlike iso-areas interpolated between reached nodes.\n\n"
      "<b>Segments</b>: vertices per circle (72 = every 5°). The polygon is inscribed: its area is "
      "n/(2π)·sin(2π/n) of the circle's (99.87 % for 72).\n\n"
      "<b>Dissolve</b>: none (one circle per centre, with its attributes), by level (one area per value of the "
      "Level field) or all (one area). The union feeds the overlay only circle parts that can reach the "
      "boundary, then fills enclosed holes that a circle covers.\n\n"
      "<b>Study area</b> (optional polygons): circles are clipped to it and <b>Gaps</b> receives the uncovered "
      "part, largest first.\n\n"
      "<b>Demand</b> (optional points, e.g. all towns) with an optional population field: a point is covered when "
      "its geodesic distance to a centre is at most that centre's radius. Outputs COVERED_PCT (% of demand points "
      "covered), DEMAND_COVERED, POP_COVERED, POP_COVERED_PCT, and per circle n_demand and pop_demand; the "
      "demand output adds n_cover (how many circles cover the point), near_fid and dist_km (nearest centre).\n\n"
      "Circles that cross the antimeridian are split there; a circle that would contain a pole is refused. "
      "Centres without geometry are skipped and counted; a centre without a usable radius stops the run "
      "(or is skipped with Skip centres without a valid radius).");
}

void ServiceRadiiAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFeatureSource(INPUT, tr("Centres"),
                                                       compat::sourceTypes({compat::VectorPoint})));
  addParameter(new QgsProcessingParameterEnum(
      RADIUS_MODE, tr("Radius from"),
      QStringList() << tr("Fixed radius") << tr("Radius field") << tr("Level table")
                    << tr("Travel time × speed") << tr("Power law a·P^b") << tr("Network travel time"),
      false, ModeFixed));
  addParameter(new QgsProcessingParameterNumber(RADIUS, tr("Radius (km)"), compat::NumberType::Double, 30.0));
  addParameter(new QgsProcessingParameterField(RADIUS_FIELD, tr("Radius field (km)"), QVariant(), INPUT,
                                               compat::FieldDataType::Numeric, false, true));
  addParameter(new QgsProcessingParameterField(LEVEL_FIELD, tr("Level field"), QVariant(), INPUT,
                                               compat::FieldDataType::Any, false, true));
  addParameter(new QgsProcessingParameterString(LEVEL_TABLE, tr("Level table (level=km;…)"),
                                                QStringLiteral("1=30;2=15;3=8"), false, true));
  addParameter(new QgsProcessingParameterNumber(TRAVEL_MINUTES, tr("Travel time (minutes)"),
                                                compat::NumberType::Double, 30.0));
  addParameter(new QgsProcessingParameterNumber(SPEED_KMH, tr("Speed (km/h)"), compat::NumberType::Double, 60.0));
  addParameter(new QgsProcessingParameterField(POP_FIELD, tr("Population field (power law)"), QVariant(), INPUT,
                                               compat::FieldDataType::Numeric, false, true));
  addParameter(advanced(new QgsProcessingParameterNumber(POWER_A, tr("Power law a (km)"), compat::NumberType::Double, 0.1)));
  addParameter(advanced(new QgsProcessingParameterNumber(POWER_B, tr("Power law b"), compat::NumberType::Double, 0.5)));
  addParameter(advanced(new QgsProcessingParameterNumber(SEGMENTS, tr("Segments per circle"),
                                                         compat::NumberType::Integer, 72, false, 8, 3600)));
  addParameter(new QgsProcessingParameterEnum(DISSOLVE, tr("Dissolve"),
                                              QStringList() << tr("None") << tr("By level") << tr("All"), false,
                                              DissolveNone));
  addParameter(new QgsProcessingParameterFeatureSource(STUDY_AREA, tr("Study area"),
                                                       compat::sourceTypes({compat::VectorPolygon}), QVariant(), true));
  addParameter(new QgsProcessingParameterFeatureSource(DEMAND, tr("Demand points (e.g. towns)"),
                                                       compat::sourceTypes({compat::VectorPoint}), QVariant(), true));
  addParameter(new QgsProcessingParameterField(DEMAND_POP_FIELD, tr("Demand population field"), QVariant(), DEMAND,
                                               compat::FieldDataType::Numeric, false, true));
  addParameter(advanced(new QgsProcessingParameterBoolean(SKIP_INVALID, tr("Skip centres without a valid radius"), false)));
  addNetworkParameters(networkDeclare());
  // Optional with defaults, so models saved before network travel time existed still validate.
  addParameter(new QgsProcessingParameterNumber(ACCESS_SPEED_KMH, tr("Access speed off the network (km/h)"),
                                                compat::NumberType::Double, 20.0, true));
  addParameter(advanced(new QgsProcessingParameterNumber(NETWORK_SNAP_KM, tr("Network snap distance (km)"),
                                                         compat::NumberType::Double, 10.0, true)));
  addParameter(new QgsProcessingParameterFeatureSink(OUTPUT, tr("Service circles"), compat::VectorPolygon));
  addParameter(new QgsProcessingParameterFeatureSink(GAPS, tr("Gaps (study area not covered)"),
                                                     compat::VectorPolygon, QVariant(), true, true));
  addParameter(new QgsProcessingParameterFeatureSink(DEMAND_OUTPUT, tr("Demand coverage"),
                                                     compat::VectorPoint, QVariant(), true, true));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("CIRCLE_COUNT"), tr("Number of circles")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("COVERED_PCT"), tr("Demand points covered (%)")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("DEMAND_COVERED"), tr("Demand points covered")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("POP_COVERED"), tr("Population covered")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("POP_COVERED_PCT"), tr("Population covered (%)")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("AREA_COVERED_PCT"), tr("Study area covered (%)")));
}

// What the run works from: the checked parameters, the centres with their
// radii (the core's request), the network and the demand points.
struct ServiceRadiiAlgorithm::Inputs {
  std::unique_ptr<QgsProcessingFeatureSource> source, demandSource;
  conversion::PointTable centres, demand;
  std::vector<size_t> kept;  // rows of `centres` that have a circle
  std::vector<QgsFeatureId> keptIds;
  poleaxis::ServiceRadiiRequest request;
  bool byNetwork = false;
  double minutes = 0, accessKmh = 0, networkSnapKm = 0;
  NetworkInput::Lines lines;
};

// The areas (circles or travel-time areas) with gaps and coverage.
struct ServiceRadiiAlgorithm::Result {
  poleaxis::ServiceRadiiResult areas;
  std::vector<double> demandMinutes;
  std::unique_ptr<poleaxis::Network> network;
};

QVariantMap ServiceRadiiAlgorithm::execute(const QVariantMap& parameters, QgsProcessingContext& context,
                                           QgsProcessingFeedback* feedback) {
  const Inputs in = readInputs(parameters, context, feedback);
  const Result result = computeAreas(in, feedback);
  long written = 0;
  QVariantMap outputs = writeAreas(in, result, parameters, context, feedback, written);
  if (in.request.clip) {
    writeGaps(in, result, parameters, context, feedback, outputs);
  } else if (!destinationOf(parameters, GAPS, context).isEmpty()) {
    feedback->pushInfo(tr("No study area given, so no gaps layer."));
  }
  if (in.request.with_demand) writeDemand(in, result, parameters, context, feedback, outputs);
  if (result.network) writeNetworkComponents(*result.network, in.lines, parameters, context, outputs);
  feedback->setProgress(100);
  feedback->pushInfo(tr("Wrote %n service area(s).", nullptr, int(written)));
  return outputs;
}

ServiceRadiiAlgorithm::Inputs ServiceRadiiAlgorithm::readInputs(const QVariantMap& parameters, QgsProcessingContext& context,
                                                                QgsProcessingFeedback* feedback) const {
  Inputs in;
  in.source = requireSource(parameters, INPUT, context);
  const std::unique_ptr<QgsProcessingFeatureSource>& source = in.source;

  // The rule, and which parameter to blame when it is wrong.
  const Mode mode = static_cast<Mode>(parameterAsEnum(parameters, RADIUS_MODE, context));
  poleaxis::RadiusRule rule;
  QString ruleParameter = RADIUS;
  int valueField = -1;  // radius or population field
  int levelField = -1;
  const QgsFields fields = source->fields();
  switch (mode) {
    case ModeFixed:
      rule.mode = poleaxis::RadiusMode::Fixed;
      rule.fixed_km = parameterAsDouble(parameters, RADIUS, context);
      break;
    case ModeField:
      rule.mode = poleaxis::RadiusMode::Field;
      ruleParameter = RADIUS_FIELD;
      valueField = requireField(fields, parameterAsString(parameters, RADIUS_FIELD, context), RADIUS_FIELD, INPUT, true);
      break;
    case ModeLevelTable:
      rule.mode = poleaxis::RadiusMode::LevelTable;
      ruleParameter = LEVEL_FIELD;
      levelField = requireField(fields, parameterAsString(parameters, LEVEL_FIELD, context), LEVEL_FIELD, INPUT, false);
      try {
        rule.table = poleaxis::LevelTable::parse(parameterAsString(parameters, LEVEL_TABLE, context).toStdString());
      } catch (const poleaxis::InputError& e) {
        raise(e, LEVEL_TABLE, {});
      }
      break;
    case ModeTravel:
      rule.mode = poleaxis::RadiusMode::TravelTime;
      rule.minutes = parameterAsDouble(parameters, TRAVEL_MINUTES, context);
      rule.speed_kmh = parameterAsDouble(parameters, SPEED_KMH, context);
      ruleParameter = rule.minutes > 0 ? SPEED_KMH : TRAVEL_MINUTES;
      break;
    case ModePowerLaw:
      rule.mode = poleaxis::RadiusMode::PowerLaw;
      rule.power_a = parameterAsDouble(parameters, POWER_A, context);
      rule.power_b = parameterAsDouble(parameters, POWER_B, context);
      ruleParameter = POP_FIELD;
      valueField = requireField(fields, parameterAsString(parameters, POP_FIELD, context), POP_FIELD, INPUT, true);
      break;
    case ModeNetwork:
      break;
  }
  const bool byNetwork = mode == ModeNetwork;
  const double minutes = parameterAsDouble(parameters, TRAVEL_MINUTES, context);
  const double accessKmh = parameterAsDouble(parameters, ACCESS_SPEED_KMH, context);
  const double networkSnapKm = parameterAsDouble(parameters, NETWORK_SNAP_KM, context);
  if (byNetwork) {
    if (!(minutes > 0) || !std::isfinite(minutes))
      throw QgsProcessingException(tr("TRAVEL_MINUTES: %1 is not a travel time > 0 minutes.").arg(minutes));
    if (!(accessKmh > 0) || !std::isfinite(accessKmh))
      throw QgsProcessingException(tr("ACCESS_SPEED_KMH: %1 km/h is not a speed > 0. Give the speed off the network, e.g. 20 km/h on local roads.").arg(accessKmh));
    if (!(networkSnapKm >= 0) || !std::isfinite(networkSnapKm))
      throw QgsProcessingException(tr("NETWORK_SNAP_KM: %1 km is not a distance >= 0.").arg(networkSnapKm));
  } else {
    try {
      rule.validate();
    } catch (const poleaxis::InputError& e) {
      raise(e, mode == ModePowerLaw ? POWER_A : ruleParameter, {});
    }
  }

  const DissolveChoice dissolve = static_cast<DissolveChoice>(parameterAsEnum(parameters, DISSOLVE, context));
  if (dissolve == DissolveByLevel && levelField < 0)
    levelField = requireField(fields, parameterAsString(parameters, LEVEL_FIELD, context), LEVEL_FIELD, INPUT, false);
  const bool skipInvalid = parameterAsBoolean(parameters, SKIP_INVALID, context);
  checkOutputFolders(parameters, {OUTPUT, GAPS, DEMAND_OUTPUT, NetworkInput::COMPONENTS}, context);
  NetworkInput::Lines& lines = in.lines;
  if (byNetwork) {
    feedback->pushInfo(tr("Reading the network"));
    lines = NetworkInput::read(*this, parameters, context, feedback, true, networkDeclare());
    if (lines.empty())
      throw QgsProcessingException(tr("NETWORK: network travel time needs line layers (roads, rail) with speeds; give NETWORK."));
  }

  feedback->pushInfo(tr("Reading centres"));
  in.centres = conversion::readPoints(*source, INPUT, context, feedback, true, 0, 5);

  conversion::PointTable& centres = in.centres;
  poleaxis::ServiceRadiiRequest& request = in.request;
  request.segments = parameterAsInt(parameters, SEGMENTS, context);
  request.dissolve = dissolve == DissolveAll ? poleaxis::Dissolve::All
                     : dissolve == DissolveByLevel ? poleaxis::Dissolve::ByGroup
                                                   : poleaxis::Dissolve::None;
  std::vector<size_t>& kept = in.kept;  // rows of `centres` that have a circle
  std::vector<QgsFeatureId> invalid;
  for (size_t row = 0; row < centres.ids.size(); ++row) {
    const QgsAttributes attributes = centres.features[row].attributes();
    const double number = valueField >= 0 ? conversion::numberOrNan(attributes.at(valueField)) : NAN;
    const QVariant levelValue = levelField >= 0 ? attributes.at(levelField) : QVariant();
    const std::string level = levelValue.isNull() ? std::string() : levelValue.toString().toStdString();
    double km = NAN;  // network travel time has no radius
    try {
      if (!byNetwork) km = rule.radius_km(number, level);
    } catch (const poleaxis::InputError& e) {
      if (skipInvalid) {
        invalid.push_back(centres.ids[row]);
        continue;
      }
      raise(poleaxis::InputError(e.what(), long(row)), ruleParameter, centres.ids,
            tr("Fix the value, filter those centres out, or tick Skip centres without a valid radius"));
    }
    kept.push_back(row);
    request.centres.push_back(centres.lonlat[row]);
    request.radii_km.push_back(km);
    request.groups.push_back(poleaxis::LevelTable::normalise(level));
  }
  warnWithoutGeometry(feedback, INPUT, centres.withoutGeometryIds);
  if (!invalid.empty())
    feedback->pushWarning(tr("%1 centre(s) without a valid radius skipped: feature ids %2.")
                              .arg(invalid.size())
                              .arg(idList(invalid)));
  if (request.centres.empty())
    throw QgsProcessingException(tr("INPUT: no centre has both a geometry and a valid radius."));
  std::vector<QgsFeatureId>& keptIds = in.keptIds;
  for (size_t row : kept) keptIds.push_back(centres.ids[row]);

  // Optional layers.
  std::unique_ptr<QgsProcessingFeatureSource> study(parameterAsSource(parameters, STUDY_AREA, context));
  if (study) {
    feedback->pushInfo(tr("Reading study area"));
    request.study_area = conversion::readPolygonsAsLonLat(*study, STUDY_AREA, context, feedback);
    if (request.study_area.empty())
      throw QgsProcessingException(tr("STUDY_AREA: the layer has no polygon with an area."));
    request.clip = true;
  }
  in.demandSource.reset(parameterAsSource(parameters, DEMAND, context));
  const std::unique_ptr<QgsProcessingFeatureSource>& demandSource = in.demandSource;
  conversion::PointTable& demand = in.demand;
  long demandPopNulls = 0;
  if (demandSource) {
    feedback->pushInfo(tr("Reading demand points"));
    const QString popName = parameterAsString(parameters, DEMAND_POP_FIELD, context);
    const int popField = popName.isEmpty() ? -1 : requireField(demandSource->fields(), popName, DEMAND_POP_FIELD, DEMAND, true);
    demand = conversion::readPoints(*demandSource, DEMAND, context, feedback, true, 5, 10);
    request.with_demand = true;
    request.demand = demand.lonlat;
    if (popField >= 0) {
      for (const QgsFeature& feature : demand.features) {
        const QgsAttributes attributes = feature.attributes();
        double pop = conversion::numberOrNan(attributes.at(popField));
        if (std::isnan(pop)) {
          ++demandPopNulls;
          pop = 0.0;
        }
        request.demand_weights.push_back(pop);
      }
    }
    warnWithoutGeometry(feedback, DEMAND, demand.withoutGeometryIds);
    if (demandPopNulls)
      feedback->pushWarning(tr("%n demand point(s) with NULL population counted as 0.", nullptr, int(demandPopNulls)));
  }

  in.byNetwork = byNetwork;
  in.minutes = minutes;
  in.accessKmh = accessKmh;
  in.networkSnapKm = networkSnapKm;
  return in;
}

ServiceRadiiAlgorithm::Result ServiceRadiiAlgorithm::computeAreas(const Inputs& in, QgsProcessingFeedback* feedback) const {
  Result out;
  const std::vector<QgsFeatureId>& keptIds = in.keptIds;
  const poleaxis::ServiceRadiiRequest& request = in.request;
  const NetworkInput::Lines& lines = in.lines;
  const bool byNetwork = in.byNetwork;
  const double minutes = in.minutes;
  const double accessKmh = in.accessKmh;
  const double networkSnapKm = in.networkSnapKm;
  const conversion::PointTable& demand = in.demand;
  FeedbackAdapter core(feedback, 10, 90);
  poleaxis::ServiceRadiiResult& result = out.areas;
  std::vector<double>& demandMinutes = out.demandMinutes;
  std::unique_ptr<poleaxis::Network>& network = out.network;
  try {
    if (byNetwork) {
      feedback->pushInfo(tr("Travel-time areas of %n centre(s)", nullptr, int(request.centres.size())));
      poleaxis::TravelAreaRequest travel;
      travel.centres = request.centres;
      travel.lines = lines.lines;
      travel.speeds_kmh = lines.speeds;
      travel.network.snap_m = networkSnapKm * 1000.0;
      travel.network.noding = lines.noding;
      travel.minutes = minutes;
      travel.access_kmh = accessKmh;
      travel.segments = request.segments;
      travel.dissolve = request.dissolve;
      travel.groups = request.groups;
      travel.clip = request.clip;
      travel.study_area = request.study_area;
      travel.demand = request.demand;
      travel.demand_weights = request.demand_weights;
      poleaxis::TravelAreaResult reached = poleaxis::travel_areas(travel, &core);
      result = std::move(reached.areas);
      demandMinutes = std::move(reached.demand_minutes);
      network = std::move(reached.network);
      std::vector<QgsFeatureId> spliced = keptIds;
      spliced.insert(spliced.end(), demand.ids.begin(), demand.ids.end());
      NetworkInput::log(*network, spliced, feedback);
    } else {
      feedback->pushInfo(tr("Building %n geodesic circle(s)", nullptr, int(request.centres.size())));
      result = poleaxis::service_radii(request, &core);
    }
  } catch (const poleaxis::InputError& e) {
    raise(e, INPUT, keptIds, tr("Use a smaller radius or a projected polar layer for centres near the poles"));
  } catch (const poleaxis::Canceled&) {
    conversion::throwCanceled();
  } catch (const std::runtime_error& e) {
    throw QgsProcessingException(tr("Geometry engine error: %1").arg(QString::fromStdString(e.what())));
  }
  if (request.dissolve != poleaxis::Dissolve::None || request.clip) {
    const poleaxis::CircleUnion& u = result.union_stats;
    feedback->pushInfo(tr("Union: %1 circle(s) lie wholly inside neighbours, %2 trimmed; %3 of %4 vertices overlaid; %5 enclosed hole(s) filled.")
                           .arg(u.circles_dropped)
                           .arg(u.circles_trimmed)
                           .arg(u.vertices_overlaid)
                           .arg(u.vertices_in)
                           .arg(u.holes_filled));
  }
  return out;
}

QVariantMap ServiceRadiiAlgorithm::writeAreas(const Inputs& in, const Result& r, const QVariantMap& parameters, QgsProcessingContext& context,
                                              QgsProcessingFeedback* feedback, long& written) const {
  const QgsFields fields = in.source->fields();
  const conversion::PointTable& centres = in.centres;
  const std::vector<size_t>& kept = in.kept;
  const poleaxis::ServiceRadiiRequest& request = in.request;
  const bool byNetwork = in.byNetwork;
  const poleaxis::ServiceRadiiResult& result = r.areas;
  const std::unique_ptr<poleaxis::Network>& network = r.network;
  // Back in the input CRS.
  const QgsCoordinateReferenceSystem crs = in.source->sourceCrs();
  const BackToInput inInputCrs(crs, context.transformContext());

  QgsFields added;
  if (request.dissolve == poleaxis::Dissolve::ByGroup) added.append(compat::field(QStringLiteral("level"), compat::value::String));
  if (request.dissolve != poleaxis::Dissolve::None) added.append(intField(QStringLiteral("n_centres")));
  added.append(doubleField(QStringLiteral("radius_km")));
  added.append(doubleField(QStringLiteral("area_km2")));
  const bool perCircleDemand = request.with_demand && request.dissolve == poleaxis::Dissolve::None;
  const bool perCentre = request.dissolve == poleaxis::Dissolve::None;
  if (byNetwork && perCentre) added.append(doubleField(QStringLiteral("snap_km")));
  if (perCircleDemand) {
    added.append(intField(QStringLiteral("n_demand")));
    added.append(doubleField(QStringLiteral("pop_demand")));
  }
  const QgsFields outFields =
      request.dissolve == poleaxis::Dissolve::None ? combineOutputFields(fields, added, feedback, INPUT) : added;
  QString outId;
  std::unique_ptr<QgsFeatureSink> sink =
      createSink(parameters, OUTPUT, context, outId, outFields, compat::WkbType::MultiPolygon, crs, true);

  long clippedAway = 0;
  for (size_t a = 0; a < result.areas.size(); ++a) {
    conversion::throwIfCanceled(feedback);
    const poleaxis::ServiceArea& area = result.areas[a];
    if (area.shape.empty()) {
      ++clippedAway;
      continue;
    }
    QgsAttributes attributes;
    double radius = request.radii_km[area.centres.front()];
    for (size_t c : area.centres)
      if (request.radii_km[c] != radius) radius = NAN;
    if (request.dissolve == poleaxis::Dissolve::None) attributes = centres.features[kept[area.centres.front()]].attributes();
    if (request.dissolve == poleaxis::Dissolve::ByGroup) attributes << QString::fromStdString(area.group);
    if (request.dissolve != poleaxis::Dissolve::None) attributes << int(area.centres.size());
    attributes << (std::isnan(radius) ? QVariant() : QVariant(radius)) << area.area_km2;
    if (byNetwork && perCentre) {
      const size_t c = area.centres.front();
      attributes << (network->snapped()[c] >= 0 ? QVariant(network->snap_distance_m()[c] / 1000.0) : QVariant());
    }
    if (perCircleDemand)
      attributes << int(result.coverage.demand_per_circle[a]) << result.coverage.weight_per_circle[a];
    QgsFeature f(outFields);
    f.setAttributes(attributes);
    f.setGeometry(conversion::validPolygons(inInputCrs(conversion::toGeometry(area.shape))));
    if (!sink->addFeature(f, QgsFeatureSink::FastInsert))
      throw QgsProcessingException(writeFeatureError(sink.get(), parameters, OUTPUT));
    ++written;
  }
  if (clippedAway)
    feedback->pushInfo(tr("%n circle(s) lie wholly outside the study area and were left out.", nullptr, int(clippedAway)));
  feedback->setProgress(94);

  QVariantMap outputs;
  outputs.insert(OUTPUT, outId);
  outputs.insert(QStringLiteral("CIRCLE_COUNT"), qlonglong(request.centres.size()));
  StylePostProcessor::styleOnLoad(context, outId, QStringLiteral("service_circles"));
  return outputs;
}

void ServiceRadiiAlgorithm::writeGaps(const Inputs& in, const Result& r, const QVariantMap& parameters, QgsProcessingContext& context,
                                      QgsProcessingFeedback* feedback, QVariantMap& outputs) const {
  const poleaxis::ServiceRadiiResult& result = r.areas;
  const QgsCoordinateReferenceSystem crs = in.source->sourceCrs();
  const BackToInput inInputCrs(crs, context.transformContext());
  {
    QgsFields gapFields;
    gapFields.append(intField(QStringLiteral("gap_id")));
    gapFields.append(doubleField(QStringLiteral("area_km2")));
    gapFields.append(doubleField(QStringLiteral("pct")));
    QString gapsId;
    std::unique_ptr<QgsFeatureSink> gaps =
        createSink(parameters, GAPS, context, gapsId, gapFields, compat::WkbType::MultiPolygon, crs, false);
    if (gaps) {
      for (size_t g = 0; g < result.gaps.size(); ++g) {
        QgsFeature f(gapFields);
        f.setAttributes(QgsAttributes() << int(g + 1) << result.gap_area_km2[g]
                                        << 100.0 * result.gap_area_km2[g] / result.study_area_km2);
        f.setGeometry(conversion::validPolygons(inInputCrs(conversion::toGeometry(poleaxis::MultiPolygon{result.gaps[g]}))));
        if (!gaps->addFeature(f, QgsFeatureSink::FastInsert))
          throw QgsProcessingException(writeFeatureError(gaps.get(), parameters, GAPS));
      }
      outputs.insert(GAPS, gapsId);
      StylePostProcessor::styleOnLoad(context, gapsId, QStringLiteral("service_gaps"));
    }
    const double pct = 100.0 * result.covered_area_km2 / result.study_area_km2;
    outputs.insert(QStringLiteral("AREA_COVERED_PCT"), pct);
    feedback->pushInfo(tr("Study area %1 km², covered %2 km² (%3 %), %n gap(s).", nullptr, int(result.gaps.size()))
                           .arg(result.study_area_km2, 0, 'f', 1)
                           .arg(result.covered_area_km2, 0, 'f', 1)
                           .arg(pct, 0, 'f', 2));
  }
}

void ServiceRadiiAlgorithm::writeDemand(const Inputs& in, const Result& r, const QVariantMap& parameters, QgsProcessingContext& context,
                                        QgsProcessingFeedback* feedback, QVariantMap& outputs) const {
  const std::vector<QgsFeatureId>& keptIds = in.keptIds;
  const poleaxis::ServiceRadiiRequest& request = in.request;
  const bool byNetwork = in.byNetwork;
  const std::unique_ptr<QgsProcessingFeatureSource>& demandSource = in.demandSource;
  const conversion::PointTable& demand = in.demand;
  const poleaxis::ServiceRadiiResult& result = r.areas;
  const std::vector<double>& demandMinutes = r.demandMinutes;
  const std::unique_ptr<poleaxis::Network>& network = r.network;
  {
    const poleaxis::Coverage& cov = result.coverage;
    const double pct = demand.ids.empty() ? 0.0 : 100.0 * double(cov.covered) / double(demand.ids.size());
    const double popPct = cov.weight_total > 0 ? 100.0 * cov.weight_covered / cov.weight_total : 0.0;
    outputs.insert(QStringLiteral("COVERED_PCT"), pct);
    outputs.insert(QStringLiteral("DEMAND_COVERED"), qlonglong(cov.covered));
    outputs.insert(QStringLiteral("POP_COVERED"), cov.weight_covered);
    outputs.insert(QStringLiteral("POP_COVERED_PCT"), popPct);
    feedback->pushInfo(tr("Demand: %1 of %2 points covered (%3 %); population %4 of %5 (%6 %).")
                           .arg(cov.covered)
                           .arg(demand.ids.size())
                           .arg(pct, 0, 'f', 2)
                           .arg(cov.weight_covered, 0, 'f', 0)
                           .arg(cov.weight_total, 0, 'f', 0)
                           .arg(popPct, 0, 'f', 2));

    QgsFields coverFields;
    coverFields.append(intField(QStringLiteral("n_cover")));
    coverFields.append(compat::field(QStringLiteral("near_fid"), compat::value::LongLong));
    coverFields.append(doubleField(QStringLiteral("dist_km")));
    if (byNetwork) {
      coverFields.append(doubleField(QStringLiteral("minutes")));
      coverFields.append(doubleField(QStringLiteral("snap_km")));
    }
    const QgsFields demandFields = combineOutputFields(demandSource->fields(), coverFields, feedback, DEMAND);
    QString demandId;
    std::unique_ptr<QgsFeatureSink> demandSink = createSink(parameters, DEMAND_OUTPUT, context, demandId, demandFields,
                                                            compat::WkbType::Point, demandSource->sourceCrs(), false);
    if (demandSink) {
      for (size_t p = 0; p < demand.ids.size(); ++p) {
        const poleaxis::DemandCover& d = cov.demand[p];
        QgsFeature f = demand.features[p];
        QgsAttributes attributes = f.attributes();
        attributes << d.n_cover << (d.nearest >= 0 ? QVariant(qlonglong(keptIds[size_t(d.nearest)])) : QVariant())
                   << (d.nearest >= 0 ? QVariant(d.nearest_m / 1000.0) : QVariant());
        if (byNetwork) {
          const size_t spliced = request.centres.size() + p;
          attributes << (std::isfinite(demandMinutes[p]) ? QVariant(demandMinutes[p]) : QVariant())
                     << (network->snapped()[spliced] >= 0 ? QVariant(network->snap_distance_m()[spliced] / 1000.0) : QVariant());
        }
        f.setFields(demandFields, false);
        f.setAttributes(attributes);
        if (!demandSink->addFeature(f, QgsFeatureSink::FastInsert))
          throw QgsProcessingException(writeFeatureError(demandSink.get(), parameters, DEMAND_OUTPUT));
      }
      for (QgsFeature f : rowsWithoutGeometry(demand, demandFields))
        if (!demandSink->addFeature(f, QgsFeatureSink::FastInsert))
          throw QgsProcessingException(writeFeatureError(demandSink.get(), parameters, DEMAND_OUTPUT));
      outputs.insert(DEMAND_OUTPUT, demandId);
      StylePostProcessor::styleOnLoad(context, demandId, QStringLiteral("demand_coverage"));
    }
  }
}
