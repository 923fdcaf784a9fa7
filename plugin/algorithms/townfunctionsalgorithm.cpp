#include "townfunctionsalgorithm.h"
#include "qgiscompat.h"

#include <qgsexception.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include <qgsprocessingutils.h>

#include <cmath>
#include <memory>

#include "conversion.h"
#include "poleaxis/key_values.h"
#include "poleaxis/town_functions.h"
#include "stylepostprocessor.h"

namespace {

const QString INPUT = QStringLiteral("INPUT");
const QString SECTOR_FIELDS = QStringLiteral("SECTOR_FIELDS");
const QString SECTOR_TYPES = QStringLiteral("SECTOR_TYPES");
const QString METHOD = QStringLiteral("METHOD");
const QString NELSON_K = QStringLiteral("NELSON_K");
const QString LQ_MIN = QStringLiteral("LQ_MIN");
const QString LINES = QStringLiteral("LINES");
const QString CLASS_FIELD = QStringLiteral("CLASS_FIELD");
const QString HUB_DISTANCE = QStringLiteral("HUB_DISTANCE");
const QString MIN_LINES = QStringLiteral("MIN_LINES");
const QString SNAP_KM = QStringLiteral("SNAP_KM");
const QString OUTPUT = QStringLiteral("OUTPUT");

}  // namespace

QString TownFunctionsAlgorithm::displayName() const { return tr("Town functions"); }
QString TownFunctionsAlgorithm::group() const { return tr("Poles"); }
QStringList TownFunctionsAlgorithm::tags() const {
  return tr("function,type,nelson,location quotient,LQ,specialisation,transport hub,junction,城镇职能,职能类型,交通枢纽").split(',');
}
QString TownFunctionsAlgorithm::shortDescription() const {
  return tr("Classifies towns by function (industrial, eco-tourism, historic-cultural, trade-logistics, modern agriculture, transport hub).");
}

QString TownFunctionsAlgorithm::helpText() const {
  return tr(
      "Says what each town is for, with the six town types of the Jilin guidance: industrial (工业主导型), "
      "eco-tourism (生态旅游型), historic-cultural (历史文化型), trade-logistics (商贸流通型), modern agriculture "
      "(现代农业型) and transport hub (交通枢纽型); towns with none are general (综合型).\n\n"
      "<b>Sector fields</b>: employment or output per sector (≥ 0; NULL counts as 0). <b>Sector types</b> maps each "
      "field to a type, field=type;… (ids like industrial, eco_tourism, or the Chinese names); a field named after a "
      "type needs no entry.\n\n"
      "<b>Nelson</b>: share x = 100·E_is/E_i (%) of sector s in town i; a town qualifies for s when "
      "x > mean_s + k·sd_s over all towns (k default 1); its score is (x − mean_s)/sd_s.\n"
      "<b>Location quotient</b>: LQ = (E_is/E_i)/(E_s/E); a town qualifies when LQ > the minimum (default 1.5).\n"
      "The dominant type is the qualifying sector with the highest score.\n\n"
      "<b>Transport hubs</b> from Lines (rail, highways): a town within Hub distance (km, default 10) of a node where "
      "at least 3 line ends meet (ends within Snap distance are one node), of a point where lines of different "
      "classes cross (Class field, e.g. rail × highway), or with at least Minimum lines distinct lines within Hub "
      "distance. Distances are km on the WGS 84 ellipsoid. A hub with no sector type is typed transport_hub.\n\n"
      "Output: the towns with type (dominant id), type_en, type_zh, types (all that qualify, ';'-joined), is_hub, "
      "hub_why (junction/crossing/lines), lines_near and a score per sector field (s_<field>).");
}

void TownFunctionsAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFeatureSource(INPUT, tr("Towns"), compat::sourceTypes({compat::VectorPoint})));
  addParameter(new QgsProcessingParameterField(SECTOR_FIELDS, tr("Sector fields (employment or output)"), QVariant(), INPUT,
                                               compat::FieldDataType::Numeric, true, true));
  addParameter(new QgsProcessingParameterString(SECTOR_TYPES, tr("Sector types (field=type;…)"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterEnum(METHOD, tr("Method"), QStringList() << tr("Nelson") << tr("Location quotient"), false, 0));
  addParameter(new QgsProcessingParameterNumber(NELSON_K, tr("Nelson k (standard deviations)"), compat::NumberType::Double, 1.0));
  addParameter(new QgsProcessingParameterNumber(LQ_MIN, tr("Minimum location quotient"), compat::NumberType::Double, 1.5));
  addParameter(new QgsProcessingParameterFeatureSource(LINES, tr("Lines for transport hubs (rail, highways)"),
                                                       compat::sourceTypes({compat::VectorLine}), QVariant(), true));
  addParameter(new QgsProcessingParameterField(CLASS_FIELD, tr("Line class field (rail, highway…)"), QVariant(), LINES,
                                               compat::FieldDataType::Any, false, true));
  addParameter(new QgsProcessingParameterNumber(HUB_DISTANCE, tr("Hub distance (km)"), compat::NumberType::Double, 10.0));
  addParameter(advanced(new QgsProcessingParameterNumber(MIN_LINES, tr("Minimum distinct lines near a hub"),
                                                         compat::NumberType::Integer, 3)));
  addParameter(advanced(new QgsProcessingParameterNumber(SNAP_KM, tr("Snap distance for line ends (km)"),
                                                         compat::NumberType::Double, 0.5)));
  addParameter(new QgsProcessingParameterFeatureSink(OUTPUT, tr("Town functions"), compat::VectorPoint));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("NUM_HUBS"), tr("Number of transport hubs")));
}

// What the run works from: checked parameters, the towns and the lines.
struct TownFunctionsAlgorithm::Inputs {
  std::unique_ptr<QgsProcessingFeatureSource> source;
  QStringList sectorNames;
  std::vector<int> sectorFields;
  std::vector<poleaxis::TownType> sectorTypes;  // the type each sector field stands for
  bool nelson = true;
  double nelsonK = 1, lqMin = 1;
  conversion::PointTable towns;
  bool withLines = false;
  conversion::LineTable lines;
  poleaxis::HubRules rules;
};

struct TownFunctionsAlgorithm::Result {
  poleaxis::SectorScores scores;
  poleaxis::HubResult hubs;
};

QVariantMap TownFunctionsAlgorithm::execute(const QVariantMap& parameters, QgsProcessingContext& context,
                                            QgsProcessingFeedback* feedback) {
  const Inputs in = readInputs(parameters, context, feedback);
  const Result result = classify(in, feedback);
  return writeTowns(in, result, parameters, context, feedback);
}

TownFunctionsAlgorithm::Inputs TownFunctionsAlgorithm::readInputs(const QVariantMap& parameters, QgsProcessingContext& context,
                                                                  QgsProcessingFeedback* feedback) const {
  Inputs in;
  in.source = requireSource(parameters, INPUT, context);
  const QgsFields fields = in.source->fields();
  std::unique_ptr<QgsProcessingFeatureSource> linesSource(parameterAsSource(parameters, LINES, context));
  in.withLines = bool(linesSource);
  in.sectorNames = compat::parameterFields(*this, parameters, SECTOR_FIELDS, context);
  if (in.sectorNames.isEmpty() && !linesSource)
    throw QgsProcessingException(tr("SECTOR_FIELDS: choose sector fields, or give LINES to find transport hubs."));
  for (const QString& name : in.sectorNames) in.sectorFields.push_back(requireField(fields, name, SECTOR_FIELDS, INPUT, true));

  std::vector<poleaxis::KeyValue> entries;
  try {
    entries = poleaxis::parse_key_values(parameterAsString(parameters, SECTOR_TYPES, context).toStdString(),
                                         "write field=type, e.g. manufacturing=industrial;tourism=eco_tourism");
  } catch (const poleaxis::InputError& e) {
    raise(e, SECTOR_TYPES, {});
  }
  for (const poleaxis::KeyValue& kv : entries)
    if (!in.sectorNames.contains(QString::fromStdString(kv.key)))
      throw QgsProcessingException(tr("SECTOR_TYPES: '%1' is not one of the SECTOR_FIELDS.").arg(QString::fromStdString(kv.key)));
  for (const QString& name : in.sectorNames) {
    std::string type = name.toStdString();
    for (const poleaxis::KeyValue& kv : entries)
      if (kv.key == type) type = kv.value;
    try {
      in.sectorTypes.push_back(poleaxis::parse_town_type(type));
    } catch (const poleaxis::InputError& e) {
      throw QgsProcessingException(tr("SECTOR_TYPES: field '%1': %2").arg(name, QString::fromStdString(e.what())));
    }
  }
  in.nelson = parameterAsEnum(parameters, METHOD, context) == 0;
  in.nelsonK = parameterAsDouble(parameters, NELSON_K, context);
  in.lqMin = parameterAsDouble(parameters, LQ_MIN, context);
  const double hubKm = parameterAsDouble(parameters, HUB_DISTANCE, context);
  const double snapKm = parameterAsDouble(parameters, SNAP_KM, context);
  if (linesSource && !(hubKm > 0)) throw QgsProcessingException(tr("HUB_DISTANCE: %1 km is not positive.").arg(hubKm));
  if (linesSource && !(snapKm >= 0)) throw QgsProcessingException(tr("SNAP_KM: %1 km is negative.").arg(snapKm));
  in.rules.distance_m = hubKm * 1000.0;
  in.rules.snap_m = snapKm * 1000.0;
  in.rules.min_lines = parameterAsInt(parameters, MIN_LINES, context);
  const QString className = parameterAsString(parameters, CLASS_FIELD, context);
  const int classField = linesSource && !className.isEmpty() ? requireField(linesSource->fields(), className, CLASS_FIELD, LINES, false) : -1;
  checkOutputFolders(parameters, {OUTPUT}, context);

  feedback->pushInfo(tr("Reading towns"));
  in.towns = conversion::readPoints(*in.source, INPUT, context, feedback, true, 0, 20);
  warnWithoutGeometry(feedback, INPUT, in.towns.withoutGeometryIds);
  if (in.towns.ids.empty()) throw QgsProcessingException(tr("INPUT: no town has a geometry."));
  if (linesSource) {
    in.lines = conversion::readLines(*linesSource, LINES, context, feedback, classField);
    if (in.lines.lines.empty()) throw QgsProcessingException(tr("LINES: the layer has no line with a length."));
    if (in.lines.withoutGeometry || in.lines.degenerateParts)
      feedback->pushWarning(tr("LINES: %1 feature(s) without geometry and %2 zero-length part(s) ignored.")
                                .arg(in.lines.withoutGeometry)
                                .arg(in.lines.degenerateParts));
  }
  return in;
}

TownFunctionsAlgorithm::Result TownFunctionsAlgorithm::classify(const Inputs& in, QgsProcessingFeedback* feedback) const {
  Result out;
  if (!in.sectorFields.empty()) {
    std::vector<std::vector<double>> sectors(in.sectorFields.size());
    long nulls = 0;
    for (const QgsFeature& f : in.towns.features)
      for (size_t s = 0; s < in.sectorFields.size(); ++s) {
        double v = conversion::numberOrNan(f.attribute(in.sectorFields[s]));
        if (std::isnan(v)) {
          ++nulls;
          v = 0;
        }
        sectors[s].push_back(v);
      }
    if (nulls) feedback->pushWarning(tr("%n NULL sector value(s) counted as 0.", nullptr, int(nulls)));
    try {
      out.scores = poleaxis::sector_scores(sectors, in.nelson ? poleaxis::FunctionMethod::Nelson : poleaxis::FunctionMethod::LocationQuotient,
                                           in.nelsonK, in.lqMin);
    } catch (const poleaxis::InputError& e) {
      raise(e, SECTOR_FIELDS, in.towns.ids, tr("Sector values must be numbers >= 0"));
    }
    if (out.scores.towns_without_total)
      feedback->pushWarning(tr("%n town(s) have 0 in every sector: no sector type.", nullptr, int(out.scores.towns_without_total)));
  }
  feedback->setProgress(40);
  if (in.withLines) {
    feedback->pushInfo(tr("Finding transport hubs"));
    std::vector<std::string> classes;
    for (const QString& c : in.lines.classes) classes.push_back(c.toStdString());
    out.hubs = poleaxis::find_transport_hubs(in.towns.lonlat, in.lines.lines, classes, in.rules);
    feedback->pushInfo(tr("%1 junction node(s), %2 class crossing(s).").arg(out.hubs.junctions.size()).arg(out.hubs.crossings.size()));
  }
  feedback->setProgress(80);
  return out;
}

QVariantMap TownFunctionsAlgorithm::writeTowns(const Inputs& in, const Result& result, const QVariantMap& parameters,
                                               QgsProcessingContext& context, QgsProcessingFeedback* feedback) const {
  QgsFields added;
  for (const QString& name : {QStringLiteral("type"), QStringLiteral("type_en"), QStringLiteral("type_zh"), QStringLiteral("types")})
    added.append(compat::field(name, compat::value::String));
  added.append(compat::field(QStringLiteral("is_hub"), compat::value::Bool));
  added.append(compat::field(QStringLiteral("hub_why"), compat::value::String));
  added.append(compat::field(QStringLiteral("lines_near"), compat::value::Int));
  for (const QString& name : in.sectorNames) added.append(compat::field(QStringLiteral("s_%1").arg(name.toLower()), compat::value::Double));
  const QgsFields outFields = combineOutputFields(in.source->fields(), added, feedback, INPUT);
  QString outId;
  std::unique_ptr<QgsFeatureSink> sink =
      createSink(parameters, OUTPUT, context, outId, outFields, in.source->wkbType(), in.source->sourceCrs(), true);

  const poleaxis::TownTypeInfo& hub = poleaxis::town_type_info(poleaxis::TownType::TransportHub);
  const poleaxis::TownTypeInfo& general = poleaxis::town_type_info(poleaxis::TownType::General);
  const poleaxis::SectorScores& scores = result.scores;
  int hubCount = 0;
  for (size_t i = 0; i < in.towns.features.size(); ++i) {
    conversion::throwIfCanceled(feedback);
    QStringList types;
    const poleaxis::TownTypeInfo* dominant = nullptr;
    if (!in.sectorFields.empty()) {
      for (size_t s = 0; s < in.sectorFields.size(); ++s) {
        const QString id = QString::fromLatin1(poleaxis::town_type_info(in.sectorTypes[s]).id);
        if (scores.qualifies[i][s] && !types.contains(id)) types << id;
      }
      if (scores.dominant[i] >= 0) dominant = &poleaxis::town_type_info(in.sectorTypes[size_t(scores.dominant[i])]);
    }
    const bool isHub = in.withLines && result.hubs.is_hub[i];
    hubCount += isHub;
    if (isHub && !types.contains(QString::fromLatin1(hub.id))) types << QString::fromLatin1(hub.id);
    if (!dominant) dominant = isHub ? &hub : &general;
    if (types.isEmpty()) types << QString::fromLatin1(general.id);
    QgsFeature f = in.towns.features[i];
    QgsAttributes attributes = f.attributes();
    attributes << QString::fromLatin1(dominant->id) << QString::fromLatin1(dominant->label) << QString::fromUtf8(dominant->zh)
               << types.join(QLatin1Char(';')) << isHub
               << (in.withLines ? QVariant(QString::fromStdString(result.hubs.reason[i])) : QVariant())
               << (in.withLines ? QVariant(result.hubs.lines_near[i]) : QVariant());
    for (size_t s = 0; s < in.sectorFields.size(); ++s)
      attributes << (std::isnan(scores.score[i][s]) ? QVariant() : QVariant(scores.score[i][s]));
    f.setFields(outFields, false);
    f.setAttributes(attributes);
    if (!sink->addFeature(f, QgsFeatureSink::FastInsert))
      throw QgsProcessingException(writeFeatureError(sink.get(), parameters, OUTPUT));
  }
  for (QgsFeature f : rowsWithoutGeometry(in.towns, outFields))
    if (!sink->addFeature(f, QgsFeatureSink::FastInsert))
      throw QgsProcessingException(writeFeatureError(sink.get(), parameters, OUTPUT));
  StylePostProcessor::styleOnLoad(context, outId, QStringLiteral("town_functions"));
  if (in.withLines) feedback->pushInfo(tr("%n transport hub(s).", nullptr, hubCount));
  feedback->setProgress(100);
  return {{OUTPUT, outId}, {QStringLiteral("NUM_HUBS"), hubCount}};
}
