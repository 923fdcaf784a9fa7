#include "corridorbuffersalgorithm.h"
#include "qgiscompat.h"

#include <qgsexception.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include <qgsprocessingutils.h>

#include <QRegularExpression>
#include <cmath>
#include <map>
#include <memory>

#include "conversion.h"
#include "feedbackadapter.h"
#include "poleaxis/corridor_buffers.h"
#include "poleaxis/geodesic.h"
#include "poleaxis/key_values.h"
#include "stylepostprocessor.h"

namespace {

// A corridor half-width beyond this (a fifth of the Earth's circumference) is a unit or typing error.
constexpr double kMaxWidthKm = 5000.0;
enum WidthMode { WidthFixed, WidthField, WidthTable };
enum DissolveMode { DissolveNone, DissolveClass, DissolveName, DissolveAll };

const QString INPUT = QStringLiteral("INPUT");
const QString RIVERS = QStringLiteral("RIVERS");

// INPUT and RIVERS are read by the shared multi-layer line reader (CLASS_FIELD and NAME_FIELD by name in each layer).
NetworkInput::Declare linesDeclare(const QString& name) {
  NetworkInput::Declare d;
  d.linesName = name;
  d.optional = name == RIVERS;
  d.requireFields = name != RIVERS;
  return d;
}
const QString WIDTH_MODE = QStringLiteral("WIDTH_MODE");
const QString WIDTH = QStringLiteral("WIDTH");
const QString WIDTH_FIELD = QStringLiteral("WIDTH_FIELD");
const QString CLASS_FIELD = QStringLiteral("CLASS_FIELD");
const QString WIDTH_TABLE = QStringLiteral("WIDTH_TABLE");
const QString DEFAULT_WIDTH = QStringLiteral("DEFAULT_WIDTH");
const QString BANDS = QStringLiteral("BANDS");
const QString BAND_STYLE = QStringLiteral("BAND_STYLE");
const QString DISSOLVE = QStringLiteral("DISSOLVE");
const QString NAME_FIELD = QStringLiteral("NAME_FIELD");
const QString END_CAP = QStringLiteral("END_CAP");
const QString SEGMENTS = QStringLiteral("SEGMENTS");
const QString WORKING_CRS = QStringLiteral("WORKING_CRS");
const QString TOWNS = QStringLiteral("TOWNS");
const QString TOWN_POP_FIELD = QStringLiteral("TOWN_POP_FIELD");
const QString OUTPUT = QStringLiteral("OUTPUT");
const QString TOWNS_OUTPUT = QStringLiteral("TOWNS_OUTPUT");
const QString STATS = QStringLiteral("STATS");

}  // namespace

QString CorridorBuffersAlgorithm::displayName() const { return tr("Corridor buffers"); }
QString CorridorBuffersAlgorithm::group() const { return tr("Axes"); }
QStringList CorridorBuffersAlgorithm::tags() const {
  return tr("corridor,buffer,band,ring,railway,highway,town belt,dissolve,廊道,城镇带,缓冲区").split(',');
}
QString CorridorBuffersAlgorithm::shortDescription() const {
  return tr("Buffers railways and highways into corridors by class width or bands, dissolved, and lists the towns along them.");
}

QString CorridorBuffersAlgorithm::helpText() const {
  return tr(
      "Draws corridors (town belts, 城镇带) along railways, highways and rivers. Lines takes one or more layers "
      "(rail, highways, ferries); Rivers (optional, e.g. Natural Earth rivers) adds river belts, whose class is "
      "river (width table entry river=km). The class, name and width fields are field names read in every layer "
      "that has them; a line without a class value takes its layer's name as its class.\n\n"
      "<b>Width</b> (km from the line, on each side): one fixed width, a width field, or a class table "
      "class=km;… (e.g. high_speed_rail=10;rail=5;expressway=5;national_road=3; a class missing from the table is "
      "refused by name unless a default width is set). <b>Bands</b> (km, e.g. 5;10;20) replace the widths with "
      "distances from every line, output as rings (5–10 km…) or discs (0–10 km…).\n\n"
      "<b>Dissolve</b>: none (one corridor per line), by class, by name, or all.\n\n"
      "Buffers are made in a projected working CRS: the one given, or an automatic one (the UTM zone for an extent "
      "up to 6° wide, otherwise an azimuthal equidistant projection on its centre); the log reports the choice and its "
      "largest scale error over the extent. Lines are simplified by 1 % of the buffer distance first (the corridor "
      "edge moves by at most that). Segments: per quarter circle. Output is in the input CRS with areas in km² on the "
      "WGS 84 ellipsoid.\n\n"
      "<b>Towns</b> (optional): each town gets its nearest line's corridor, dist_km (geodesic distance to that line) "
      "and band (1 = nearest band; without bands 1 when within that line's width; NULL outside). <b>Stats</b>: per "
      "corridor len_km (geodesic length of its lines), area_km2, n_towns and pop_sum.");
}

void CorridorBuffersAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterMultipleLayers(INPUT, tr("Lines (rail, highways; one or more layers)"), compat::VectorLine));
  addParameter(new QgsProcessingParameterMultipleLayers(RIVERS, tr("Rivers (river belts; optional)"), compat::VectorLine, QVariant(), true));
  addParameter(new QgsProcessingParameterEnum(WIDTH_MODE, tr("Width from"),
                                              QStringList() << tr("Fixed width") << tr("Width field") << tr("Class table"), false, WidthFixed));
  addParameter(new QgsProcessingParameterNumber(WIDTH, tr("Width (km, each side)"), compat::NumberType::Double, 5.0));
  // Field names, read in every layer that has them (a field list cannot follow several layers).
  addParameter(new QgsProcessingParameterString(WIDTH_FIELD, tr("Width field (km)"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterString(CLASS_FIELD, tr("Class field (else the layer name is the class)"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterString(WIDTH_TABLE, tr("Width table (class=km;…)"),
                                                QStringLiteral("high_speed_rail=10;rail_hsr=10;rail=5;expressway=5;national_road=3;river=3"), false, true));
  addParameter(advanced(new QgsProcessingParameterNumber(DEFAULT_WIDTH, tr("Width for classes not in the table (km, 0 = refuse)"),
                                                         compat::NumberType::Double, 0.0)));
  addParameter(new QgsProcessingParameterString(BANDS, tr("Bands (km, e.g. 5;10;20; empty = widths)"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterEnum(BAND_STYLE, tr("Bands as"), QStringList() << tr("Rings") << tr("Discs"), false, 0));
  addParameter(new QgsProcessingParameterEnum(DISSOLVE, tr("Dissolve"),
                                              QStringList() << tr("None") << tr("By class") << tr("By name") << tr("All"), false, DissolveAll));
  addParameter(new QgsProcessingParameterString(NAME_FIELD, tr("Name field"), QVariant(), false, true));
  addParameter(advanced(new QgsProcessingParameterEnum(END_CAP, tr("End cap"), QStringList() << tr("Round") << tr("Flat"), false, 0)));
  addParameter(advanced(new QgsProcessingParameterNumber(SEGMENTS, tr("Segments per quarter circle"), compat::NumberType::Integer, 8, false, 1, 90)));
  addParameter(advanced(new QgsProcessingParameterCrs(WORKING_CRS, tr("Working CRS (projected; empty = automatic)"), QVariant(), true)));
  addParameter(new QgsProcessingParameterFeatureSource(TOWNS, tr("Towns"), compat::sourceTypes({compat::VectorPoint}), QVariant(), true));
  addParameter(new QgsProcessingParameterField(TOWN_POP_FIELD, tr("Town population field"), QVariant(), TOWNS, compat::FieldDataType::Numeric, false, true));
  addParameter(new QgsProcessingParameterFeatureSink(OUTPUT, tr("Corridors"), compat::VectorPolygon));
  addParameter(new QgsProcessingParameterFeatureSink(TOWNS_OUTPUT, tr("Towns along corridors"), compat::VectorPoint, QVariant(), true));
  addParameter(new QgsProcessingParameterFeatureSink(STATS, tr("Corridor statistics"), compat::VectorAny, QVariant(), true));
}

// What the run works from: the checked parameters and the lines, projected
// into the working CRS with their widths and corridor keys.
struct CorridorBuffersAlgorithm::Inputs {
  int widthMode = WidthFixed, dissolve = DissolveAll;
  std::vector<double> bandsKm;
  NetworkInput::Lines lines;
  std::vector<QString> groupOf;  // the corridor key of each line
  poleaxis::CorridorRequest request;
  conversion::WorkingCrs working;
};

QVariantMap CorridorBuffersAlgorithm::execute(const QVariantMap& parameters, QgsProcessingContext& context,
                                              QgsProcessingFeedback* feedback) {
  const Inputs in = readInputs(parameters, context, feedback);
  const std::vector<poleaxis::CorridorPiece> pieces = buffer(in, feedback);
  std::map<QString, double> areaOf;
  QVariantMap outputs = writeCorridors(in, pieces, parameters, context, feedback, areaOf);
  feedback->setProgress(85);
  std::map<QString, std::pair<long, double>> townsOf;
  const bool withTowns = writeTowns(in, parameters, context, feedback, outputs, townsOf);
  writeStats(in, areaOf, townsOf, withTowns, parameters, context, outputs);
  feedback->setProgress(100);
  return outputs;
}

CorridorBuffersAlgorithm::Inputs CorridorBuffersAlgorithm::readInputs(const QVariantMap& parameters, QgsProcessingContext& context,
                                                                      QgsProcessingFeedback* feedback) const {
  const int widthMode = parameterAsEnum(parameters, WIDTH_MODE, context);
  const int dissolve = parameterAsEnum(parameters, DISSOLVE, context);
  const QString widthName = parameterAsString(parameters, WIDTH_FIELD, context).trimmed();
  if (widthMode == WidthField && widthName.isEmpty()) throw QgsProcessingException(tr("WIDTH_FIELD: choose the width field (km) of the lines."));
  if (dissolve == DissolveName && parameterAsString(parameters, NAME_FIELD, context).trimmed().isEmpty())
    throw QgsProcessingException(tr("NAME_FIELD: dissolving by name needs the lines' name field."));
  const double fixedKm = parameterAsDouble(parameters, WIDTH, context);
  if (widthMode == WidthFixed && !(fixedKm > 0)) throw QgsProcessingException(tr("WIDTH: %1 km is not positive.").arg(fixedKm));
  if (widthMode == WidthFixed && fixedKm > kMaxWidthKm)
    throw QgsProcessingException(tr("WIDTH: %1 km is wider than any corridor (at most %2 km); give the corridor's half-width in km.")
                                     .arg(fixedKm)
                                     .arg(kMaxWidthKm));
  std::vector<double> bandsKm;
  for (const QString& part : parameterAsString(parameters, BANDS, context).split(QRegularExpression(QStringLiteral("[;,\\s]+")), Qt::SkipEmptyParts)) {
    double km = 0;
    if (!poleaxis::parse_number(part.toStdString(), km) || !(km > 0))
      throw QgsProcessingException(tr("BANDS: '%1' is not a positive number of km; write e.g. 5;10;20.").arg(part));
    if (km > kMaxWidthKm)
      throw QgsProcessingException(tr("BANDS: %1 km is wider than any corridor (at most %2 km).").arg(km).arg(kMaxWidthKm));
    if (!bandsKm.empty() && !(km > bandsKm.back()))
      throw QgsProcessingException(tr("BANDS: distances must increase; write e.g. 5;10;20."));
    bandsKm.push_back(km);
  }
  poleaxis::NumberTable table;
  if (widthMode == WidthTable && bandsKm.empty()) {
    try {
      table = poleaxis::NumberTable::parse(parameterAsString(parameters, WIDTH_TABLE, context).toStdString(), "width",
                                           "write class=km, e.g. rail=5;expressway=5");
    } catch (const poleaxis::InputError& e) {
      raise(e, WIDTH_TABLE, {});
    }
  }
  const double defaultKm = parameterAsDouble(parameters, DEFAULT_WIDTH, context);
  checkOutputFolders(parameters, {OUTPUT, TOWNS_OUTPUT, STATS}, context);

  // Lines in lon/lat (for towns and lengths) with their attributes; rivers after them, as class "river".
  feedback->pushInfo(tr("Reading lines"));
  NetworkInput::Lines lines = NetworkInput::read(*this, parameters, context, feedback, false, linesDeclare(INPUT));
  NetworkInput::Lines rivers = NetworkInput::read(*this, parameters, context, feedback, false, linesDeclare(RIVERS));
  if (!rivers.empty()) {
    for (QString& c : rivers.classes) c = QStringLiteral("river");
    feedback->pushInfo(tr("%n river line(s) make river belts (class river).", nullptr, int(rivers.lines.size())));
    lines.append(rivers);
  }
  // The width field per layer.
  std::vector<int> widthFieldOf;
  for (const QgsFields& f : lines.layerFields) widthFieldOf.push_back(widthName.isEmpty() ? -1 : f.lookupField(widthName));
  if (widthMode == WidthField && std::none_of(widthFieldOf.begin(), widthFieldOf.end(), [](int i) { return i >= 0; }))
    throw QgsProcessingException(tr("WIDTH_FIELD: field '%1' is in none of the INPUT layers.").arg(widthName));

  poleaxis::CorridorRequest request;
  request.bands_m.reserve(bandsKm.size());
  for (double km : bandsKm) request.bands_m.push_back(km * 1000.0);
  request.rings = parameterAsEnum(parameters, BAND_STYLE, context) == 0;
  request.dissolve = dissolve == DissolveNone ? poleaxis::CorridorDissolve::None
                     : dissolve == DissolveAll ? poleaxis::CorridorDissolve::All
                                               : poleaxis::CorridorDissolve::ByGroup;
  request.quad_segments = parameterAsInt(parameters, SEGMENTS, context);
  request.flat_cap = parameterAsEnum(parameters, END_CAP, context) == 1;
  std::vector<QString> groupOf(lines.lines.size());
  for (size_t l = 0; l < lines.lines.size(); ++l) {
    const QgsAttributes& a = lines.attributes[l];
    const QString& layerName = lines.layerNames[lines.layer[l]];
    double km = fixedKm;
    if (widthMode == WidthField) {
      const int widthField = widthFieldOf[size_t(lines.layer[l])];
      km = widthField >= 0 ? conversion::numberOrNan(a.at(widthField)) : NAN;
      if (!(km > 0) && bandsKm.empty())
        throw QgsProcessingException(tr("WIDTH_FIELD: line feature %1 of layer '%2' has no width > 0.").arg(lines.ids[l]).arg(layerName));
    } else if (widthMode == WidthTable && bandsKm.empty()) {
      const QString cls = lines.classes[l];
      const double* found = table.find(cls.toStdString());
      if (found)
        km = *found;
      else if (defaultKm > 0)
        km = defaultKm;
      else
        throw QgsProcessingException(tr("WIDTH_TABLE: class '%1' (line feature %2 of layer '%3') is not in the table. Add it, or set DEFAULT_WIDTH.")
                                         .arg(cls).arg(lines.ids[l]).arg(layerName));
    }
    if (km > kMaxWidthKm)
      throw QgsProcessingException(tr("%1: line feature %2 of layer '%3' has a width of %4 km, wider than any corridor (at most %5 km).")
                                       .arg(widthMode == WidthField ? WIDTH_FIELD : WIDTH_TABLE)
                                       .arg(lines.ids[l])
                                       .arg(layerName)
                                       .arg(km)
                                       .arg(kMaxWidthKm));
    request.width_m.push_back(km * 1000.0);
    groupOf[l] = dissolve == DissolveClass ? lines.classes[l]
                 : dissolve == DissolveName ? lines.routeNames[l]
                 : dissolve == DissolveNone ? (lines.layerNames.size() > 1 ? layerName + QLatin1Char(':') : QString()) + QString::number(lines.ids[l])
                                            : tr("all");
    request.group.push_back(groupOf[l].toStdString());
  }

  // The working CRS.
  std::vector<poleaxis::Point> vertices;
  for (const poleaxis::Line& line : lines.lines)
    for (const poleaxis::Polyline& part : line) vertices.insert(vertices.end(), part.begin(), part.end());
  const QgsRectangle extent = conversion::lonLatExtentOf(vertices);  // across ±180 when narrower
  const conversion::WorkingCrs working =
      conversion::workingCrs(extent, parameterAsCrs(parameters, WORKING_CRS, context), WORKING_CRS, tr("the lines' extent"), context, feedback);
  const QgsCoordinateTransform& toWork = working.toWork;
  // Projected in batches: one PROJ call per part.
  for (const poleaxis::Line& line : lines.lines) {
    poleaxis::Line projected;
    for (const poleaxis::Polyline& part : line) {
      projected.push_back(conversion::transformPoints(part, toWork));
    }
    request.lines.push_back(std::move(projected));
  }

  Inputs in;
  in.widthMode = widthMode;
  in.dissolve = dissolve;
  in.bandsKm = std::move(bandsKm);
  in.lines = std::move(lines);
  in.groupOf = std::move(groupOf);
  in.request = std::move(request);
  in.working = working;
  return in;
}

std::vector<poleaxis::CorridorPiece> CorridorBuffersAlgorithm::buffer(const Inputs& in, QgsProcessingFeedback* feedback) const {
  const std::vector<double>& bandsKm = in.bandsKm;
  const int widthMode = in.widthMode;
  const NetworkInput::Lines& lines = in.lines;
  const poleaxis::CorridorRequest& request = in.request;
  feedback->pushInfo(tr("Buffering and dissolving"));
  FeedbackAdapter core(feedback, 10, 80);
  std::vector<poleaxis::CorridorPiece> pieces;
  try {
    pieces = poleaxis::corridor_buffers(request, &core);
  } catch (const poleaxis::InputError& e) {
    raise(e, bandsKm.empty() ? (widthMode == WidthField ? WIDTH_FIELD : WIDTH) : BANDS, lines.ids);
  } catch (const poleaxis::Canceled&) {
    conversion::throwCanceled();
  } catch (const std::runtime_error& e) {
    throw QgsProcessingException(tr("Geometry engine error: %1").arg(QString::fromStdString(e.what())));
  }
  return pieces;
}

QVariantMap CorridorBuffersAlgorithm::writeCorridors(const Inputs& in, const std::vector<poleaxis::CorridorPiece>& pieces,
                                                     const QVariantMap& parameters, QgsProcessingContext& context,
                                                     QgsProcessingFeedback* feedback, std::map<QString, double>& areaOf) const {
  const NetworkInput::Lines& lines = in.lines;
  const std::vector<double>& bandsKm = in.bandsKm;
  const std::vector<QString>& groupOf = in.groupOf;
  const poleaxis::CorridorRequest& request = in.request;
  const int dissolve = in.dissolve;
  const QgsCoordinateTransform& fromWork = in.working.fromWork;
  // Output in the input CRS, areas on the ellipsoid.
  const bool inputIsLonLat = lines.crs == conversion::wgs84();
  const QgsCoordinateTransform toLonLatInput(conversion::wgs84(), lines.crs, context.transformContext());
  const QgsFields outFields = makeFields({{QStringLiteral("corridor"), compat::value::String},
       {QStringLiteral("band"), compat::value::Int},
       {QStringLiteral("dist_km"), compat::value::Double},
       {QStringLiteral("area_km2"), compat::value::Double}});
  QString outId;
  std::unique_ptr<QgsFeatureSink> sink = createSink(parameters, OUTPUT, context, outId, outFields, compat::WkbType::MultiPolygon, lines.crs, true);
  for (const poleaxis::CorridorPiece& piece : pieces) {
    conversion::throwIfCanceled(feedback);
    if (piece.shape.empty()) continue;
    // One transform to lon/lat for the ellipsoidal area; a second only when
    // the input is not lon/lat itself.
    const poleaxis::MultiPolygon lonlat = conversion::polygonsToLonLat(piece.shape, fromWork);
    QgsGeometry g = conversion::toGeometry(lonlat);
    const double km2 = poleaxis::Geodesic::wgs84().area_m2(lonlat) / 1e6;
    // The same corridor key as the towns and the stats table use.
    const QString key = piece.line >= 0 ? groupOf[size_t(piece.line)]
                        : dissolve == DissolveAll ? tr("all")
                                                  : QString::fromStdString(piece.group);
    areaOf[key] += km2;
    if (!inputIsLonLat) g.transform(toLonLatInput);
    g = conversion::validPolygons(g);
    QgsFeature f(outFields);
    const double distKm = piece.band >= 0 ? bandsKm[size_t(piece.band)]
                          : piece.line >= 0 ? request.width_m[size_t(piece.line)] / 1000.0
                                            : QVariant().toDouble();
    f.setAttributes(QgsAttributes() << key << (piece.band >= 0 ? QVariant(piece.band + 1) : QVariant())
                                    << (piece.band >= 0 || piece.line >= 0 ? QVariant(distKm) : QVariant()) << km2);
    f.setGeometry(g);
    if (!sink->addFeature(f, QgsFeatureSink::FastInsert)) throw QgsProcessingException(writeFeatureError(sink.get(), parameters, OUTPUT));
  }
  StylePostProcessor::styleOnLoad(context, outId, QStringLiteral("corridors"));
  return {{OUTPUT, outId}};
}

bool CorridorBuffersAlgorithm::writeTowns(const Inputs& in, const QVariantMap& parameters, QgsProcessingContext& context,
                                          QgsProcessingFeedback* feedback, QVariantMap& outputs,
                                          std::map<QString, std::pair<long, double>>& townsOf) const {
  const NetworkInput::Lines& lines = in.lines;
  const std::vector<double>& bandsKm = in.bandsKm;
  const std::vector<QString>& groupOf = in.groupOf;
  const poleaxis::CorridorRequest& request = in.request;
  // Towns along the corridors, tagged by their nearest line.
  std::unique_ptr<QgsProcessingFeatureSource> townSource(parameterAsSource(parameters, TOWNS, context));
  if (!townSource) return false;
  {
    const QString popName = parameterAsString(parameters, TOWN_POP_FIELD, context);
    const int popField = popName.isEmpty() ? -1 : requireField(townSource->fields(), popName, TOWN_POP_FIELD, TOWNS, true);
    const conversion::PointTable towns = conversion::readPoints(*townSource, TOWNS, context, feedback, true, 85, 90);
    const poleaxis::LineIndex index(lines.lines);
    const QgsFields townFields = makeFields({{QStringLiteral("corridor"), compat::value::String},
         {QStringLiteral("dist_km"), compat::value::Double},
         {QStringLiteral("band"), compat::value::Int}});
    const QgsFields allFields = combineOutputFields(townSource->fields(), townFields, feedback, TOWNS);
    QString townsId;
    std::unique_ptr<QgsFeatureSink> townSink = createSink(parameters, TOWNS_OUTPUT, context, townsId, allFields, compat::WkbType::Point, townSource->sourceCrs(), false);
    for (size_t t = 0; t < towns.ids.size(); ++t) {
      conversion::throwIfCanceled(feedback);
      const poleaxis::LineIndex::Nearest near = index.nearest(towns.lonlat[t]);
      const double km = near.metres / 1000.0;
      QVariant band;
      if (!bandsKm.empty()) {
        for (size_t b = 0; b < bandsKm.size() && band.isNull(); ++b)
          if (km <= bandsKm[b]) band = int(b + 1);
      } else if (km * 1000.0 <= request.width_m[size_t(near.line)]) {
        band = 1;
      }
      const QString corridor = groupOf[size_t(near.line)];
      if (!band.isNull()) {
        auto& tally = townsOf[corridor];
        ++tally.first;
        if (popField >= 0) tally.second += std::max(0.0, conversion::numberOrNan(towns.features[t].attribute(popField)) * 1.0);
      }
      if (townSink) {
        QgsFeature f = towns.features[t];
        QgsAttributes a = f.attributes();
        a << corridor << km << band;
        f.setFields(allFields, false);
        f.setAttributes(a);
        if (!townSink->addFeature(f, QgsFeatureSink::FastInsert)) throw QgsProcessingException(writeFeatureError(townSink.get(), parameters, TOWNS_OUTPUT));
      }
    }
    if (townSink) {
      for (QgsFeature f : rowsWithoutGeometry(towns, allFields))
        if (!townSink->addFeature(f, QgsFeatureSink::FastInsert))
          throw QgsProcessingException(writeFeatureError(townSink.get(), parameters, TOWNS_OUTPUT));
      outputs.insert(TOWNS_OUTPUT, townsId);
    }
  }
  return true;
}

void CorridorBuffersAlgorithm::writeStats(const Inputs& in, std::map<QString, double>& areaOf,
                                          std::map<QString, std::pair<long, double>>& townsOf, bool withTowns,
                                          const QVariantMap& parameters, QgsProcessingContext& context, QVariantMap& outputs) const {
  const NetworkInput::Lines& lines = in.lines;
  const std::vector<QString>& groupOf = in.groupOf;
  // Per-corridor table.
  const QgsFields statFields = makeFields({{QStringLiteral("corridor"), compat::value::String},
       {QStringLiteral("len_km"), compat::value::Double},
       {QStringLiteral("area_km2"), compat::value::Double},
       {QStringLiteral("n_towns"), compat::value::Int},
       {QStringLiteral("pop_sum"), compat::value::Double}});
  QString statsId;
  std::unique_ptr<QgsFeatureSink> stats = createSink(parameters, STATS, context, statsId, statFields, compat::WkbType::NoGeometry, QgsCoordinateReferenceSystem(), false);
  if (stats) {
    std::map<QString, double> lengthOf;
    const poleaxis::Geodesic& geod = poleaxis::Geodesic::wgs84();
    for (size_t l = 0; l < lines.lines.size(); ++l)
      for (const poleaxis::Polyline& part : lines.lines[l])
        for (size_t i = 0; i + 1 < part.size(); ++i) lengthOf[groupOf[l]] += geod.distance_m(part[i], part[i + 1]) / 1000.0;
    for (const auto& [key, km] : lengthOf) {
      QgsFeature f(statFields);
      const auto tally = townsOf.count(key) ? townsOf[key] : std::pair<long, double>{0, 0.0};
      f.setAttributes(QgsAttributes() << key << km << areaOf[key] << int(tally.first) << (withTowns ? QVariant(tally.second) : QVariant()));
      if (!stats->addFeature(f, QgsFeatureSink::FastInsert)) throw QgsProcessingException(writeFeatureError(stats.get(), parameters, STATS));
    }
    outputs.insert(STATS, statsId);
  }
}
