#include "networkinput.h"
#include "qgiscompat.h"

#include <qgsexception.h>
#include <qgsfeaturesink.h>
#include <qgsfields.h>
#include <qgsgeometry.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingcontext.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingoutputs.h>
#include <qgsproviderregistry.h>
#include <qgsvectorlayer.h>

#include <QFileInfo>

#include <cmath>
#include <map>

#include "conversion.h"
#include "feedbackadapter.h"
#include "poleaxis/key_values.h"

const QString NetworkInput::LINES = QStringLiteral("LINES");
const QString NetworkInput::CLASS_FIELD = QStringLiteral("CLASS_FIELD");
const QString NetworkInput::SPEED_FIELD = QStringLiteral("SPEED_FIELD");
const QString NetworkInput::SPEED_TABLE = QStringLiteral("SPEED_TABLE");
const QString NetworkInput::DEFAULT_SPEED = QStringLiteral("DEFAULT_SPEED");
const QString NetworkInput::NAME_FIELD = QStringLiteral("NAME_FIELD");
const QString NetworkInput::NODING = QStringLiteral("NODING");
const QString NetworkInput::TOLERANCE_M = QStringLiteral("TOLERANCE_M");
const QString NetworkInput::COMPONENTS = QStringLiteral("COMPONENTS");

namespace {
// Tolerances above this join lines that are meant to be apart (parallel
// tracks, a town's two stations); the noding is a repair, not a generaliser.
constexpr double kMaxToleranceM = 20000.0;

}  // namespace

QString NetworkInput::layerName(const QgsVectorLayer& layer) {
  const QVariantMap parts = QgsProviderRegistry::instance()->decodeUri(layer.providerType(), layer.source());
  const QString inside = parts.value(QStringLiteral("layerName")).toString();
  if (!inside.isEmpty()) return inside;
  const QString path = parts.value(QStringLiteral("path")).toString();
  if (!path.isEmpty() && layer.name() == QFileInfo(path).fileName()) return QFileInfo(path).completeBaseName();
  return layer.name();
}

namespace {
template <class Parameter>
Parameter* advanced(Parameter* parameter) {
  parameter->setFlags(parameter->flags() | compat::ParameterAdvanced);
  return parameter;
}
}  // namespace

QList<QgsProcessingParameterDefinition*> NetworkInput::parameters(const Declare& declare) {
  QList<QgsProcessingParameterDefinition*> out;
  out << new QgsProcessingParameterMultipleLayers(declare.linesName, declare.linesLabel, compat::VectorLine, QVariant(),
                                                  declare.optional);
  if (declare.speeds) {
    out << new QgsProcessingParameterString(CLASS_FIELD, tr("Class field of the lines (else the layer name is the class)"),
                                            QVariant(), false, true);
    out << new QgsProcessingParameterString(SPEED_FIELD, tr("Speed field of the lines (km/h)"), QVariant(), false, true);
    out << new QgsProcessingParameterString(SPEED_TABLE, tr("Speed table (class=km/h;…)"),
                                            QStringLiteral("rail=120;rail_hsr=250;expressway=100;national_road=70"), false, true);
    out << advanced(new QgsProcessingParameterNumber(declare.defaultSpeedName, tr("Speed for classes not in the table (km/h, 0 = refuse)"),
                                                     compat::NumberType::Double, 0.0, true));
  }
  if (declare.routeNames)
    out << advanced(new QgsProcessingParameterString(NAME_FIELD, tr("Route name field of the lines"), QVariant(), false, true));
  // Optional with defaults, so models saved before these existed still validate.
  out << advanced(new QgsProcessingParameterEnum(
      NODING, tr("Join lines"),
      QStringList() << tr("At shared vertices only (keeps bridges and tunnels apart)") << tr("At every crossing and T-junction"),
      false, 1, true));
  out << advanced(new QgsProcessingParameterNumber(TOLERANCE_M, tr("Topology tolerance: line ends this close join (m)"),
                                                   compat::NumberType::Double, 100.0, true));
  if (declare.components)
    out << new QgsProcessingParameterFeatureSink(COMPONENTS, tr("Network components"), compat::VectorLine,
                                                 QVariant(), true, false);
  return out;
}

QList<QgsProcessingOutputDefinition*> NetworkInput::outputs() {
  return {new QgsProcessingOutputNumber(QStringLiteral("NUM_COMPONENTS"), tr("Number of network components")),
          new QgsProcessingOutputNumber(QStringLiteral("LARGEST_SHARE"), tr("Share of the network km in its largest component (%)"))};
}

QString NetworkInput::helpText() {
  return tr(
      "<b>Network from real lines</b>: Lines takes one or more layers (rail, highways, ferries). Lines as drawn "
      "cross without a shared vertex and stop a few metres short of the line they join. With Join lines = at every "
      "crossing and T-junction (the default) the lines are noded where they cross, line ends within the topology "
      "tolerance (m, default 100) of each other become one node, and a line end within the tolerance of another "
      "line is joined to it. With Join lines = at shared vertices only, lines that merely cross stay apart (a "
      "one-track bridge over another line, a tunnel): use it with a small tolerance when crossings are not "
      "junctions. The log reports what was joined and the connected components (count, km, share of the "
      "largest); Network components writes one multi-line per component (comp_id 1 = largest, n_nodes, len_km, "
      "n_centres). A centre whose nearest line is a small separate piece is snapped to the largest component when "
      "that is within the snap distance, and the log says so. Class, speed and route-name fields are read in "
      "every layer that has them; without a class field the layer name is the class.");
}

NetworkInput::Lines NetworkInput::read(const QgsProcessingAlgorithm& algorithm, const QVariantMap& parameters,
                                       QgsProcessingContext& context, QgsProcessingFeedback* feedback, bool needSpeeds,
                                       const Declare& declared) {
  Lines out;
  const QString& LINES = declared.linesName;  // messages name the parameter as declared
  out.parameter = LINES;
  const QgsProcessingParameterDefinition* linesDefinition = algorithm.parameterDefinition(LINES);
  const QVariant given = parameters.value(LINES);
  const QList<QgsMapLayer*> layers = QgsProcessingParameters::parameterAsLayerList(linesDefinition, parameters, context);
  if (layers.isEmpty()) {
    const bool blank = !given.isValid() || given.isNull() || given.toString().isEmpty() ||
                       (given.userType() == QMetaType::QVariantList && given.toList().isEmpty()) ||
                       (given.userType() == QMetaType::QStringList && given.toStringList().isEmpty());
    if (blank && linesDefinition->flags() & compat::ParameterOptional) return out;
    throw QgsProcessingException(blank ? tr("%1: give at least one line layer.").arg(LINES)
                                       : tr("%1: %2 could not be opened as a layer. Check the path.").arg(LINES, given.toString()));
  }
  auto text = [&](const QString& name) {
    const QgsProcessingParameterDefinition* d = algorithm.parameterDefinition(name);
    return d ? QgsProcessingParameters::parameterAsString(d, parameters, context).trimmed() : QString();
  };
  auto number = [&](const QString& name, double fallback) {
    const QgsProcessingParameterDefinition* d = algorithm.parameterDefinition(name);
    return d ? QgsProcessingParameters::parameterAsDouble(d, parameters, context) : fallback;
  };
  const QString className = text(CLASS_FIELD), speedName = text(SPEED_FIELD), routeName = text(NAME_FIELD);
  const QgsProcessingParameterDefinition* nodingDefinition = algorithm.parameterDefinition(NODING);
  out.noding.mode = nodingDefinition && QgsProcessingParameters::parameterAsEnum(nodingDefinition, parameters, context) == 0
                        ? poleaxis::NodingMode::SharedVertices
                        : poleaxis::NodingMode::Crossings;
  out.noding.tolerance_m = number(TOLERANCE_M, 100.0);
  if (!(out.noding.tolerance_m > 0) || !std::isfinite(out.noding.tolerance_m))
    throw QgsProcessingException(
        tr("TOLERANCE_M: %1 m is not a distance > 0. Give the largest gap between lines that should join, e.g. 100 m; "
           "for joins at exactly shared vertices only, set NODING to shared vertices and TOLERANCE_M to 0.01.")
            .arg(out.noding.tolerance_m));
  if (out.noding.tolerance_m > kMaxToleranceM)
    throw QgsProcessingException(
        tr("TOLERANCE_M: %1 m would join lines that are meant to be apart; at most %2 m. Raise SNAP_KM to reach lines from "
           "far-off centres instead.")
            .arg(out.noding.tolerance_m)
            .arg(kMaxToleranceM));

  poleaxis::NumberTable table;
  const QString tableText = text(SPEED_TABLE);
  if (!tableText.isEmpty()) {
    try {
      table = poleaxis::NumberTable::parse(tableText.toStdString(), "speed", "write class=km/h, e.g. rail=120;rail_hsr=250");
    } catch (const poleaxis::InputError& e) {
      throw QgsProcessingException(tr("SPEED_TABLE: %1").arg(QString::fromStdString(e.what())));
    }
  }
  const double defaultSpeed = number(declared.defaultSpeedName, 0.0);
  bool classSeen = className.isEmpty(), speedSeen = speedName.isEmpty(), routeSeen = routeName.isEmpty();
  long withoutGeometry = 0, degenerate = 0;
  for (int layerIndex = 0; layerIndex < layers.size(); ++layerIndex) {
    QgsVectorLayer* layer = qobject_cast<QgsVectorLayer*>(layers[layerIndex]);
    if (!layer || layer->geometryType() != compat::LineGeometry)
      throw QgsProcessingException(tr("%1: layer '%2' is not a line layer. Give line layers only (rail, highways, rivers).")
                                       .arg(LINES, layers[layerIndex]->name()));
    if (layer->featureCount() == 0)
      throw QgsProcessingException(tr("%1: layer '%2' has no features. Give a layer with lines, or leave it out.").arg(LINES, layer->name()));
    if (layerIndex == 0) out.crs = layer->crs();
    out.layerNames << layerName(*layer);
    const QgsFields fields = layer->fields();
    out.layerFields.push_back(fields);
    const int classField = className.isEmpty() ? -1 : fields.lookupField(className);
    const int speedField = speedName.isEmpty() ? -1 : fields.lookupField(speedName);
    const int routeField = routeName.isEmpty() ? -1 : fields.lookupField(routeName);
    classSeen |= classField >= 0;
    routeSeen |= routeField >= 0;
    if (speedField >= 0) {
      speedSeen = true;
      if (!fields.at(speedField).isNumeric())
        throw QgsProcessingException(tr("SPEED_FIELD: field '%1' of layer '%2' is %3, not numeric. Convert it with the Field "
                                        "calculator (to_real(\"%1\")) first.")
                                         .arg(speedName, layer->name(), fields.at(speedField).typeName()));
    }
    const conversion::LineTable table1 = conversion::readLines(*layer, LINES, context, feedback, -1, true);
    withoutGeometry += table1.withoutGeometry;
    degenerate += table1.degenerateParts;
    for (size_t l = 0; l < table1.lines.size(); ++l) {
      const QgsAttributes& a = table1.attributes[l];
      const QVariant classValue = classField >= 0 ? a.at(classField) : QVariant();
      const QString lineClass = classValue.isNull() || classValue.toString().isEmpty() ? out.layerNames.back() : classValue.toString();
      double speed = speedField >= 0 ? conversion::numberOrNan(a.at(speedField)) : NAN;
      if (!(speed > 0)) {
        const double* found = table.find(lineClass.toStdString());
        speed = found ? *found : defaultSpeed > 0 ? defaultSpeed : NAN;
      }
      if (needSpeeds && !(speed > 0))
        throw QgsProcessingException(tr("SPEED_TABLE: travel times need line speeds, and line feature %1 of layer '%2' (class "
                                        "'%3') has none. Add %3=km/h to SPEED_TABLE, give a SPEED_FIELD or CLASS_FIELD, or set "
                                        "DEFAULT_SPEED.")
                                         .arg(table1.ids[l])
                                         .arg(layer->name(), lineClass));
      out.lines.push_back(table1.lines[l]);
      out.ids.push_back(table1.ids[l]);
      out.layer.push_back(layerIndex);
      out.classes.push_back(lineClass);
      out.routeNames.push_back(routeField >= 0 ? a.at(routeField).toString() : QString());
      out.speeds.push_back(speed);
      out.attributes.push_back(a);
    }
  }
  if (!declared.requireFields) classSeen = speedSeen = routeSeen = true;
  if (!classSeen)
    throw QgsProcessingException(tr("CLASS_FIELD: field '%1' is in none of the %2 layers. Fields of '%3': %4.")
                                     .arg(className, LINES, layers[0]->name(),
                                          qobject_cast<QgsVectorLayer*>(layers[0])->fields().names().join(QStringLiteral(", "))));
  if (!speedSeen)
    throw QgsProcessingException(tr("SPEED_FIELD: field '%1' is in none of the %2 layers. Clear it to use SPEED_TABLE.").arg(speedName, LINES));
  if (!routeSeen)
    throw QgsProcessingException(tr("NAME_FIELD: field '%1' is in none of the %2 layers. Clear it to name axes after their poles.").arg(routeName, LINES));
  if (out.lines.empty()) throw QgsProcessingException(tr("%1: the layers have no line with a length.").arg(LINES));
  if (withoutGeometry || degenerate)
    feedback->pushWarning(tr("%1: %2 feature(s) without geometry and %3 zero-length part(s) ignored.").arg(LINES).arg(withoutGeometry).arg(degenerate));
  if (layers.size() > 1) feedback->pushInfo(tr("Lines from %1 layers: %2.").arg(layers.size()).arg(out.layerNames.join(QStringLiteral(", "))));
  return out;
}

std::unique_ptr<poleaxis::Network> NetworkInput::build(const Lines& lines, const std::vector<poleaxis::Point>& centres,
                                                       double snapKm, QgsProcessingFeedback* feedback, double progressFrom,
                                                       double progressTo) {
  poleaxis::NetworkOptions options;
  options.snap_m = snapKm * 1000.0;
  options.noding = lines.noding;
  FeedbackAdapter core(feedback, progressFrom, progressTo);
  try {
    return std::make_unique<poleaxis::Network>(lines.lines, lines.speeds, centres, options, &core);
  } catch (const poleaxis::Canceled&) {
    conversion::throwCanceled();
  } catch (const poleaxis::LineError& e) {
    refuse(e, lines);
  }
}

void NetworkInput::refuse(const poleaxis::LineError& e, const Lines& lines) {
  if (e.item() >= 0 && size_t(e.item()) < lines.ids.size())
    throw QgsProcessingException(tr("%1: layer '%2', feature %3: %4. Fix or delete that vertex (Vertex tool, or "
                                    "Check validity) and run again.")
                                     .arg(lines.parameter)
                                     .arg(lines.layerNames[lines.layer[size_t(e.item())]])
                                     .arg(lines.ids[size_t(e.item())])
                                     .arg(QString::fromStdString(e.what())));
  throw QgsProcessingException(tr("TOLERANCE_M: %1.").arg(QString::fromStdString(e.what())));
}

void NetworkInput::log(const poleaxis::Network& network, const std::vector<QgsFeatureId>& centreIds,
                       QgsProcessingFeedback* feedback) {
  const poleaxis::NodingStats& n = network.noding();
  feedback->pushInfo(tr("Noding: %1 crossing(s) and %2 touching vertex(es) noded, %3 line end(s) merged, %4 end(s) "
                        "snapped onto a line; %5 component(s) before noding.")
                         .arg(n.crossings)
                         .arg(n.vertex_touches)
                         .arg(n.ends_merged)
                         .arg(n.ends_snapped)
                         .arg(n.components_before));
  const auto& components = network.components();
  feedback->pushInfo(tr("Network: %1 nodes, %2 edges, %3 km in %4 component(s); the largest holds %5 km (%6 %).")
                         .arg(network.node_count())
                         .arg(network.edges().size())
                         .arg(network.total_km(), 0, 'f', 1)
                         .arg(components.size())
                         .arg(components.empty() ? 0.0 : components[0].km, 0, 'f', 1)
                         .arg(network.largest_share(), 0, 'f', 1));
  // Centres on a separate piece: their pairs with the rest have no path.
  std::vector<QgsFeatureId> apart;
  for (size_t c = 0; c < network.snapped().size() && c < centreIds.size(); ++c)
    if (network.snapped()[c] >= 0 && network.component_of(size_t(network.snapped()[c])) != 0) apart.push_back(centreIds[c]);
  if (!apart.empty()) {
    QStringList shown;
    for (size_t i = 0; i < apart.size() && i < 10; ++i) shown << QString::number(apart[i]);
    feedback->pushWarning(tr("%1 centre(s) lie on separate pieces of line farther than the snap distance from the largest "
                             "component: feature ids %2. They reach only centres on their own piece; check the lines there "
                             "(Network components shows the pieces) or raise TOLERANCE_M if the gap is a drawing error.")
                              .arg(apart.size())
                              .arg(shown.join(QStringLiteral(", ")) + (apart.size() > 10 ? QStringLiteral(" …") : QString())));
  }
  if (!network.moved_to_largest().empty()) {
    std::vector<QgsFeatureId> moved;
    for (size_t c : network.moved_to_largest())
      if (c < centreIds.size()) moved.push_back(centreIds[c]);
    QStringList shown;
    for (size_t i = 0; i < moved.size() && i < 10; ++i) shown << QString::number(moved[i]);
    feedback->pushInfo(tr("%1 centre(s) lie nearest a separate piece of line and were snapped to the largest component: "
                          "feature ids %2.")
                           .arg(moved.size())
                           .arg(shown.join(QStringLiteral(", ")) + (moved.size() > 10 ? QStringLiteral(" …") : QString())));
  }
}

QgsFields NetworkInput::componentFields() {
  QgsFields fields;
  fields.append(compat::field(QStringLiteral("comp_id"), compat::value::Int));
  fields.append(compat::field(QStringLiteral("n_nodes"), compat::value::Int));
  fields.append(compat::field(QStringLiteral("len_km"), compat::value::Double));
  fields.append(compat::field(QStringLiteral("n_centres"), compat::value::Int));
  return fields;
}

void NetworkInput::writeComponents(const poleaxis::Network& network, const Lines& lines, QgsFeatureSink& sink,
                                   QgsProcessingContext& context) {
  const QgsCoordinateTransform toLines(conversion::wgs84(), lines.crs, context.transformContext());
  std::vector<QgsMultiPolylineXY> shapes(network.components().size());
  for (const poleaxis::NetworkEdge& edge : network.edges()) {
    QgsPolylineXY line;
    for (const poleaxis::Point& p : edge.shape) line << QgsPointXY(p.x, p.y);
    shapes[network.component_of(edge.from)] << line;
  }
  const QgsFields fields = componentFields();
  for (size_t c = 0; c < shapes.size(); ++c) {
    const poleaxis::NetworkComponent& component = network.components()[c];
    QgsFeature f(fields);
    f.setAttributes(QgsAttributes() << int(c + 1) << int(component.nodes) << component.km << int(component.centres));
    QgsGeometry g = QgsGeometry::fromMultiPolylineXY(shapes[c]);
    g.transform(toLines);
    f.setGeometry(g);
    if (!sink.addFeature(f, QgsFeatureSink::FastInsert))
      throw QgsProcessingException(tr("COMPONENTS: could not write component %1: %2").arg(c + 1).arg(sink.lastError()));
  }
}

void NetworkInput::Lines::append(const Lines& other) {
  const int offset = layerNames.size();
  lines.insert(lines.end(), other.lines.begin(), other.lines.end());
  ids.insert(ids.end(), other.ids.begin(), other.ids.end());
  for (int l : other.layer) layer.push_back(l + offset);
  classes.insert(classes.end(), other.classes.begin(), other.classes.end());
  routeNames.insert(routeNames.end(), other.routeNames.begin(), other.routeNames.end());
  speeds.insert(speeds.end(), other.speeds.begin(), other.speeds.end());
  attributes.insert(attributes.end(), other.attributes.begin(), other.attributes.end());
  layerNames << other.layerNames;
  layerFields.insert(layerFields.end(), other.layerFields.begin(), other.layerFields.end());
  if (!crs.isValid()) crs = other.crs;
}
