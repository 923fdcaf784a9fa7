#include "influenceareasalgorithm.h"
#include "qgiscompat.h"

#include <qgsdistancearea.h>
#include <qgsexception.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include <qgsrasterblock.h>
#include <qgsrasterdataprovider.h>
#include <qgsrasterfilewriter.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "conversion.h"
#include "feedbackadapter.h"
#include "poleaxis/group_shapes.h"
#include "poleaxis/influence_areas.h"
#include "poleaxis/polygon_ops.h"
#include "poleaxis/sphere_index.h"
#include "stylepostprocessor.h"

namespace {

enum Method { Voronoi, Weighted, Huff };
enum WeightRule { SquareRoot, Power };

const QString CENTRES = QStringLiteral("CENTRES");
const QString MASS_FIELD = QStringLiteral("MASS_FIELD");
const QString METHOD = QStringLiteral("METHOD");
const QString WEIGHT_RULE = QStringLiteral("WEIGHT_RULE");
const QString EXPONENT = QStringLiteral("EXPONENT");
const QString HUFF_LAMBDA = QStringLiteral("HUFF_LAMBDA");
const QString STUDY_AREA = QStringLiteral("STUDY_AREA");
const QString MARGIN_KM = QStringLiteral("MARGIN_KM");
const QString TOLERANCE_KM = QStringLiteral("TOLERANCE_KM");
const QString TOWNS = QStringLiteral("TOWNS");
const QString TOWN_POP_FIELD = QStringLiteral("TOWN_POP_FIELD");
const QString PROBABILITY_CENTRE = QStringLiteral("PROBABILITY_CENTRE");
const QString PROBABILITY_RASTER = QStringLiteral("PROBABILITY_RASTER");
const QString OUTPUT = QStringLiteral("OUTPUT");

// Huff distances are floored at 1 km: a centre's own place would otherwise have d = 0.
constexpr double kHuffFloorM = 1000.0;
// Probability raster: this many cells along the longer side.
constexpr int kRasterCells = 500;
// Borders closer to the true arcs than this add vertices without end (0.000001 km ran for minutes).
constexpr double kMinToleranceKm = 0.001;
// Huff's distance terms (centres × (towns + raster cells)) one run may take: ~20 ns each, about a minute.
constexpr double kHuffTermLimit = 3e9;

}  // namespace

QString InfluenceAreasAlgorithm::displayName() const { return tr("Influence areas (Voronoi, Reilly, Huff)"); }
QString InfluenceAreasAlgorithm::group() const { return tr("Service"); }
QStringList InfluenceAreasAlgorithm::tags() const {
  return tr("voronoi,thiessen,weighted voronoi,apollonius,reilly,converse,breaking point,huff,market area,hinterland,影响范围,腹地,断裂点").split(',');
}
QString InfluenceAreasAlgorithm::shortDescription() const {
  return tr("Splits the study area among centres: ordinary Voronoi, weighted Voronoi with Reilly/Converse breaking points, or Huff dominant centres.");
}

QString InfluenceAreasAlgorithm::helpText() const {
  return tr(
      "Says which centre serves each place.\n\n"
      "<b>Methods</b>\n"
      "• Voronoi: each place goes to its nearest centre (GEOS's sweep; n log n).\n"
      "• Weighted: each place x goes to the centre with the smallest d(x, i) / w_i (multiplicatively weighted "
      "Voronoi). With WEIGHT_RULE square root, w = √M: the border between A and B crosses the line between them at "
      "Converse's breaking point d_A = D / (1 + √(M_B / M_A)) (Reilly's law). With WEIGHT_RULE power, w = M^(1/b), "
      "b = EXPONENT, the breaking point of gravity M/d^b. Borders are circular arcs (Apollonius circles) drawn as "
      "polygons whose chords stay within TOLERANCE_KM of the true arc (a heavy centre can surround a light one).\n"
      "• Huff: the probability that a place at x uses centre j is P_j = (A_j / d_j^λ) / Σ_k (A_k / d_k^λ), A = Mass "
      "field, λ = HUFF_LAMBDA, d in km (at least 1 km). Areas are each centre's dominant region (where its P is the "
      "largest: the weighted Voronoi of w = A^(1/λ)); p_mean is the mean P of the dominant centre over the towns in "
      "the area. PROBABILITY_RASTER (optional) maps P of the centre with feature id PROBABILITY_CENTRE (500 cells "
      "along the longer side, GeoTIFF in the working CRS, NoData outside the study area).\n\n"
      "Areas are clipped to the STUDY_AREA polygons (holes and several parts allowed), or to the centres' extent "
      "plus MARGIN_KM. Geographic layers are worked in a local projected CRS (logged with its scale error); "
      "projected layers in their own CRS. Centres at the same position share one area (the first keeps it; a "
      "warning lists the others).\n\n"
      "Fields: centre_fid, name, mass, weight, area_km2 (ellipsoidal), n_towns and pop_sum (TOWNS and "
      "TOWN_POP_FIELD inside the area), p_mean (Huff), colour (neighbouring areas differ).");
}

void InfluenceAreasAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFeatureSource(CENTRES, tr("Centres"), compat::sourceTypes({compat::VectorPoint})));
  addParameter(new QgsProcessingParameterField(MASS_FIELD, tr("Mass field (population, score…; weighted and Huff)"), QVariant(), CENTRES,
                                               compat::FieldDataType::Numeric, false, true));
  addParameter(new QgsProcessingParameterEnum(METHOD, tr("Method"),
                                              QStringList() << tr("Voronoi") << tr("Weighted Voronoi (Reilly/Converse)") << tr("Huff"), false, Voronoi));
  addParameter(new QgsProcessingParameterEnum(WEIGHT_RULE, tr("Weight from mass"), QStringList() << tr("Square root (Reilly)") << tr("Power M^(1/b)"),
                                              false, SquareRoot));
  addParameter(new QgsProcessingParameterNumber(EXPONENT, tr("Distance exponent b (power rule)"), compat::NumberType::Double, 2.0));
  addParameter(new QgsProcessingParameterNumber(HUFF_LAMBDA, tr("Huff distance decay λ"), compat::NumberType::Double, 2.0));
  addParameter(new QgsProcessingParameterFeatureSource(STUDY_AREA, tr("Study area"), compat::sourceTypes({compat::VectorPolygon}), QVariant(), true));
  addParameter(new QgsProcessingParameterNumber(MARGIN_KM, tr("Margin around the centres without a study area (km)"),
                                                compat::NumberType::Double, 20.0));
  addParameter(advanced(new QgsProcessingParameterNumber(TOLERANCE_KM, tr("Arc tolerance (km)"), compat::NumberType::Double, 0.1)));
  addParameter(new QgsProcessingParameterFeatureSource(TOWNS, tr("Towns to count per area"), compat::sourceTypes({compat::VectorPoint}), QVariant(), true));
  addParameter(new QgsProcessingParameterField(TOWN_POP_FIELD, tr("Town population field"), QVariant(), TOWNS, compat::FieldDataType::Numeric, false, true));
  addParameter(advanced(new QgsProcessingParameterNumber(PROBABILITY_CENTRE, tr("Huff: feature id of the centre to map"),
                                                         compat::NumberType::Integer, -1, true)));
  addParameter(new QgsProcessingParameterRasterDestination(PROBABILITY_RASTER, tr("Huff probability raster"), QVariant(), true, false));
  addParameter(new QgsProcessingParameterFeatureSink(OUTPUT, tr("Influence areas"), compat::VectorPolygon));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("NUM_AREAS"), tr("Number of areas")));
}

// What the run works from: checked parameters, the centres with masses and
// weights in the working frame, the study area as the clip.
struct InfluenceAreasAlgorithm::Inputs {
  std::unique_ptr<QgsProcessingFeatureSource> source, townSource;
  Method method = Voronoi;
  int massField = -1;
  double lambda = 2, toleranceKm = 1;
  QString rasterPath;
  conversion::PointTable centres;
  std::vector<double> mass, weight;
  QgsCoordinateReferenceSystem layerCrs;
  conversion::WorkingCrs working;
  bool viaLonLat = true;
  double metresPerUnit = 1;
  std::vector<poleaxis::Point> xy;  // centres in the working frame
  poleaxis::MultiPolygon clip;
  poleaxis::Bounds frame;
};

// The cells, clipped, and what the towns in them add up to.
struct InfluenceAreasAlgorithm::Result {
  poleaxis::InfluenceCells cells;
  std::vector<poleaxis::MultiPolygon> areas;
  std::vector<int> townCount;
  std::vector<double> popSum, pSum;
};

QVariantMap InfluenceAreasAlgorithm::execute(const QVariantMap& parameters, QgsProcessingContext& context,
                                             QgsProcessingFeedback* feedback) {
  const Inputs in = readInputs(parameters, context, feedback);
  Result result = computeAreas(in, feedback);
  countTowns(in, result, parameters, context, feedback);
  QVariantMap outputs = writeAreas(in, result, parameters, context, feedback);
  if (!in.rasterPath.isEmpty()) writeProbabilityRaster(in, parameters, context, feedback, outputs);
  feedback->setProgress(100);
  return outputs;
}

InfluenceAreasAlgorithm::Inputs InfluenceAreasAlgorithm::readInputs(const QVariantMap& parameters, QgsProcessingContext& context,
                                                                    QgsProcessingFeedback* feedback) const {
  Inputs in;
  in.source = requireSource(parameters, CENTRES, context);
  const std::unique_ptr<QgsProcessingFeatureSource>& source = in.source;
  const QgsFields fields = source->fields();
  const Method method = static_cast<Method>(parameterAsEnum(parameters, METHOD, context));
  const QString massName = parameterAsString(parameters, MASS_FIELD, context);
  if (method != Voronoi && massName.isEmpty())
    throw QgsProcessingException(tr("MASS_FIELD: weighted Voronoi and Huff need a mass for every centre (population, score…)."));
  const int massField = massName.isEmpty() ? -1 : requireField(fields, massName, MASS_FIELD, CENTRES, true);
  const double exponent = parameterAsDouble(parameters, EXPONENT, context);
  const double lambda = parameterAsDouble(parameters, HUFF_LAMBDA, context);
  const double toleranceKm = parameterAsDouble(parameters, TOLERANCE_KM, context);
  const double marginKm = parameterAsDouble(parameters, MARGIN_KM, context);
  const bool power = parameterAsEnum(parameters, WEIGHT_RULE, context) == Power;
  if (method == Weighted && power && !(exponent > 0)) throw QgsProcessingException(tr("EXPONENT: b = %1 must be > 0.").arg(exponent));
  if (method == Huff && !(lambda > 0)) throw QgsProcessingException(tr("HUFF_LAMBDA: λ = %1 must be > 0.").arg(lambda));
  if (!(toleranceKm >= kMinToleranceKm))
    throw QgsProcessingException(tr("TOLERANCE_KM: %1 km; give at least %2 km (1 m): finer arcs only add vertices (and time) that no map shows.")
                                     .arg(toleranceKm)
                                     .arg(kMinToleranceKm));
  if (!(marginKm >= 0)) throw QgsProcessingException(tr("MARGIN_KM: %1 km is negative.").arg(marginKm));
  const QString rasterPath = parameterAsOutputLayer(parameters, PROBABILITY_RASTER, context);
  const bool wantRaster = !rasterPath.isEmpty();
  if (wantRaster && method != Huff) throw QgsProcessingException(tr("PROBABILITY_RASTER: the probability raster is a Huff output; choose METHOD Huff."));
  checkOutputFolders(parameters, {OUTPUT, PROBABILITY_RASTER}, context);

  feedback->pushInfo(tr("Reading centres"));
  const conversion::PointTable centres = conversion::readPoints(*source, CENTRES, context, feedback, true, 0, 10);
  const size_t n = centres.ids.size();
  if (n < 1) throw QgsProcessingException(tr("CENTRES: no centre has a position."));
  std::vector<double> mass(n, 1.0), weight(n, 1.0);
  if (massField >= 0)
    for (size_t i = 0; i < n; ++i) {
      mass[i] = conversion::numberOrNan(centres.features[i].attribute(massField));
      if (method != Voronoi && !(mass[i] > 0))
        throw QgsProcessingException(tr("MASS_FIELD: centre feature %1 has mass %2; every centre needs a mass > 0. Fill it or filter the centre out.")
                                         .arg(centres.ids[i])
                                         .arg(centres.features[i].attribute(massField).isNull() ? QStringLiteral("NULL")
                                                                                                  : centres.features[i].attribute(massField).toString()));
      weight[i] = method == Huff ? std::pow(mass[i], 1.0 / lambda) : power ? std::pow(mass[i], 1.0 / exponent) : std::sqrt(mass[i]);
    }

  // Huff sums over every centre at every town and raster cell: estimate the
  // work before starting rather than run for an hour.
  in.townSource.reset(parameterAsSource(parameters, TOWNS, context));
  const std::unique_ptr<QgsProcessingFeatureSource>& townSource = in.townSource;
  if (method == Huff) {
    const double townCount = townSource ? double(std::max<long long>(0, townSource->featureCount())) : 0.0;
    const double terms = double(n) * (townCount + (wantRaster ? double(kRasterCells) * kRasterCells : 0.0));
    if (terms > kHuffTermLimit)
      throw QgsProcessingException(
          tr("METHOD Huff: %1 centres × (%2 towns%3) need %4 × 10⁹ distance terms, more than the limit of %5 × 10⁹ (about a minute). "
             "Use fewer centres (the poles, or the larger towns by an expression filter), fewer towns, no PROBABILITY_RASTER, "
             "or METHOD Weighted with WEIGHT_RULE power and EXPONENT = λ, which gives the same dominant areas (w = M^(1/λ)).")
              .arg(n)
              .arg(townCount)
              .arg(wantRaster ? tr(" + %1 raster cells").arg(kRasterCells * kRasterCells) : QString())
              .arg(terms / 1e9, 0, 'f', 1)
              .arg(kHuffTermLimit / 1e9, 0, 'f', 0));
  }

  // Working frame.
  const QgsCoordinateReferenceSystem layerCrs = source->sourceCrs();
  std::vector<poleaxis::Point> framed = centres.lonlat;  // the centres and the study area's vertices
  std::unique_ptr<QgsProcessingFeatureSource> studySource(parameterAsSource(parameters, STUDY_AREA, context));
  poleaxis::MultiPolygon studyLonLat;
  if (studySource) {
    studyLonLat = conversion::readPolygonsAsLonLat(*studySource, STUDY_AREA, context, feedback);
    if (studyLonLat.empty()) throw QgsProcessingException(tr("STUDY_AREA: the layer has no polygon with an area."));
    for (const poleaxis::Polygon& polygon : studyLonLat)
      for (const poleaxis::Ring& ring : polygon.rings) framed.insert(framed.end(), ring.begin(), ring.end());
  }
  const QgsRectangle extent = conversion::lonLatExtentOf(framed);  // across ±180 when narrower
  conversion::WorkingCrs working;
  // A projected layer's own coordinates only when they measure the ground.
  const bool viaLonLat = layerCrs.isGeographic() || !conversion::measuresGround(layerCrs, extent, CENTRES, context, feedback);
  if (viaLonLat) {
    // Near a pole the lon/lat frame of the areas (the centres' extent, and the
    // study area's clip) no longer describes the ground around the centres.
    for (size_t i = 0; i < centres.lonlat.size(); ++i)
      if (std::fabs(centres.lonlat[i].y) > 85.0)
        throw QgsProcessingException(tr("CENTRES: feature %1 lies at latitude %2, within 5° of a pole, where influence areas from lon/lat "
                                        "are not drawn. Reproject the centres (and study area) to a polar CRS such as EPSG:3413 "
                                        "(Arctic) or EPSG:3031 (Antarctic) first.")
                                         .arg(centres.ids[i])
                                         .arg(centres.lonlat[i].y, 0, 'f', 4));
    working = conversion::workingCrs(extent, QgsCoordinateReferenceSystem(), CENTRES, tr("the centres' extent"), context, feedback);
  } else {
    working.crs = layerCrs;
    working.toWork = QgsCoordinateTransform(conversion::wgs84(), layerCrs, context.transformContext());
    working.fromWork = QgsCoordinateTransform(layerCrs, conversion::wgs84(), context.transformContext());
    feedback->pushInfo(tr("Working in the layer's CRS %1.").arg(layerCrs.authid()));
  }
  const double metresPerUnit = viaLonLat ? 1.0 : QgsUnitTypes::fromUnitToUnitFactor(layerCrs.mapUnits(), compat::Metres);
  const std::vector<poleaxis::Point> xy = conversion::transformPoints(centres.lonlat, working.toWork);
  poleaxis::MultiPolygon clip;
  std::vector<QgsFeatureId> outside;
  if (studySource) {
    QgsGeometry g = conversion::toGeometry(studyLonLat);
    g.transform(working.toWork);
    clip = poleaxis::make_valid(conversion::toMultiPolygon(g));
    for (size_t i = 0; i < n; ++i) {
      if (!poleaxis::point_in_polygons(xy[i], clip)) outside.push_back(centres.ids[i]);
    }
    if (!outside.empty())
      feedback->pushWarning(tr("%1 centre(s) lie outside the study area; their areas are what of them falls inside: feature ids %2.")
                                .arg(outside.size()).arg(idList(outside)));
  } else {
    QgsRectangle box = compat::emptyRectangle();
    for (const poleaxis::Point& p : xy) box.combineExtentWith(p.x, p.y);
    const double margin = marginKm * 1000.0 / metresPerUnit;
    box.grow(std::max(margin, 1.0 / metresPerUnit));
    clip = {poleaxis::Polygon{{{{box.xMinimum(), box.yMinimum()}, {box.xMaximum(), box.yMinimum()}, {box.xMaximum(), box.yMaximum()},
                                {box.xMinimum(), box.yMaximum()}, {box.xMinimum(), box.yMinimum()}}}}};
  }
  poleaxis::Bounds frame = poleaxis::bounds(clip);
  for (const poleaxis::Point& p : xy) {
    frame.xmin = std::min(frame.xmin, p.x), frame.xmax = std::max(frame.xmax, p.x);
    frame.ymin = std::min(frame.ymin, p.y), frame.ymax = std::max(frame.ymax, p.y);
  }
  const double pad = 0.01 * std::max(frame.xmax - frame.xmin, frame.ymax - frame.ymin) + 1.0;
  frame = {frame.xmin - pad, frame.ymin - pad, frame.xmax + pad, frame.ymax + pad};

  in.method = method;
  in.massField = massField;
  in.lambda = lambda;
  in.toleranceKm = toleranceKm;
  in.rasterPath = rasterPath;
  in.centres = centres;
  in.mass = std::move(mass);
  in.weight = std::move(weight);
  in.layerCrs = layerCrs;
  in.working = working;
  in.viaLonLat = viaLonLat;
  in.metresPerUnit = metresPerUnit;
  in.xy = xy;
  in.clip = std::move(clip);
  in.frame = frame;
  return in;
}

InfluenceAreasAlgorithm::Result InfluenceAreasAlgorithm::computeAreas(const Inputs& in, QgsProcessingFeedback* feedback) const {
  Result out;
  const Method method = in.method;
  const size_t n = in.centres.ids.size();
  const conversion::PointTable& centres = in.centres;
  const std::vector<double>& weight = in.weight;
  const std::vector<poleaxis::Point>& xy = in.xy;
  const poleaxis::MultiPolygon& clip = in.clip;
  const double metresPerUnit = in.metresPerUnit;
  // Cells.
  feedback->pushInfo(method == Voronoi ? tr("Voronoi cells of %n centre(s)", nullptr, int(n))
                                       : tr("Weighted cells of %n centre(s), arcs within %1 km", nullptr, int(n)).arg(in.toleranceKm));
  FeedbackAdapter core(feedback, 10, 60);
  try {
    out.cells = method == Voronoi ? poleaxis::voronoi_cells(xy, in.frame, &core)
                              : poleaxis::weighted_voronoi_cells(xy, weight, in.frame, in.toleranceKm * 1000.0 / metresPerUnit, &core);
  } catch (const poleaxis::InputError& e) {
    raise(e, MASS_FIELD, centres.ids);
  } catch (const poleaxis::Canceled&) {
    conversion::throwCanceled();
  }
  std::vector<QgsFeatureId> duplicates;
  for (size_t i = 0; i < n; ++i)
    if (out.cells.duplicate_of[i] >= 0) duplicates.push_back(centres.ids[i]);
  if (!duplicates.empty())
    feedback->pushWarning(tr("%1 centre(s) share a position with an earlier centre and get no area of their own: feature ids %2.")
                              .arg(duplicates.size()).arg(idList(duplicates)));
  feedback->pushInfo(tr("Clipping to the study area"));
  FeedbackAdapter clipping(feedback, 60, 80);
  try {
    out.areas = poleaxis::clip_each(out.cells.cells, clip, &clipping);
  } catch (const poleaxis::Canceled&) {
    conversion::throwCanceled();
  }
  return out;
}

void InfluenceAreasAlgorithm::countTowns(const Inputs& in, Result& out, const QVariantMap& parameters, QgsProcessingContext& context,
                                         QgsProcessingFeedback* feedback) const {
  const Method method = in.method;
  const size_t n = in.centres.ids.size();
  const std::vector<double>& mass = in.mass;
  const std::vector<double>& weight = in.weight;
  const std::vector<poleaxis::Point>& xy = in.xy;
  const poleaxis::MultiPolygon& clip = in.clip;
  const double metresPerUnit = in.metresPerUnit;
  const double lambda = in.lambda;
  const conversion::WorkingCrs& working = in.working;
  // Towns per area: owner by the same rule, kept when inside the clip.
  out.townCount.assign(n, 0);
  out.popSum.assign(n, 0.0);
  out.pSum.assign(n, 0.0);
  std::vector<int>& townCount = out.townCount;
  std::vector<double>& popSum = out.popSum;
  std::vector<double>& pSum = out.pSum;
  const poleaxis::InfluenceCells& cells = out.cells;
  const std::unique_ptr<QgsProcessingFeatureSource>& townSource = in.townSource;
  if (townSource) {
    const QString popName = parameterAsString(parameters, TOWN_POP_FIELD, context);
    const int popField = popName.isEmpty() ? -1 : requireField(townSource->fields(), popName, TOWN_POP_FIELD, TOWNS, true);
    const conversion::PointTable towns = conversion::readPoints(*townSource, TOWNS, context, feedback, popField >= 0, 80, 85);
    const std::vector<poleaxis::Point> townXy = conversion::transformPoints(towns.lonlat, working.toWork);
    std::vector<poleaxis::Vec3> vectors;
    for (const poleaxis::Point& p : xy) vectors.push_back({p.x, p.y, 0.0});
    const poleaxis::SphereIndex index(vectors);
    std::vector<double> share;
    std::vector<poleaxis::Point> centreMetres(xy.size());
    for (size_t j = 0; j < xy.size(); ++j) centreMetres[j] = {xy[j].x * metresPerUnit, xy[j].y * metresPerUnit};
    std::unique_ptr<poleaxis::WeightBands> weightBands;
    if (method != Voronoi) {
      std::vector<bool> skip(n);
      for (size_t i = 0; i < n; ++i) skip[i] = cells.duplicate_of[i] >= 0;
      weightBands = std::make_unique<poleaxis::WeightBands>(xy, weight, skip);
    }
    long outsideTowns = 0;
    for (size_t t = 0; t < townXy.size(); ++t) {
      if (t % 1000 == 0) conversion::throwIfCanceled(feedback);
      const poleaxis::Point p = townXy[t];
      if (!poleaxis::point_in_polygons(p, clip)) {
        ++outsideTowns;
        continue;
      }
      size_t owner = method == Voronoi ? index.nearest({p.x, p.y, 0.0}) : size_t(weightBands->owner(p));
      if (cells.duplicate_of[owner] >= 0) owner = size_t(cells.duplicate_of[owner]);
      ++townCount[owner];
      if (popField >= 0) {
        const double pop = conversion::numberOrNan(towns.features[t].attribute(popField));
        if (pop > 0) popSum[owner] += pop;
      }
      if (method == Huff) {
        poleaxis::huff_shares({p.x * metresPerUnit, p.y * metresPerUnit}, centreMetres, mass, lambda, kHuffFloorM, share);
        pSum[owner] += share[owner];
      }
    }
    if (outsideTowns) feedback->pushWarning(tr("%n town(s) outside the study area are not counted.", nullptr, int(outsideTowns)));
  }
}

QVariantMap InfluenceAreasAlgorithm::writeAreas(const Inputs& in, const Result& result, const QVariantMap& parameters,
                                                QgsProcessingContext& context, QgsProcessingFeedback* feedback) const {
  const Method method = in.method;
  const size_t n = in.centres.ids.size();
  const conversion::PointTable& centres = in.centres;
  const std::vector<double>& mass = in.mass;
  const std::vector<double>& weight = in.weight;
  const double metresPerUnit = in.metresPerUnit;
  const conversion::WorkingCrs& working = in.working;
  const QgsCoordinateReferenceSystem& layerCrs = in.layerCrs;
  const bool viaLonLat = in.viaLonLat;
  const QgsFields fields = in.source->fields();
  const int massField = in.massField;
  const std::vector<poleaxis::MultiPolygon>& areas = result.areas;
  const std::vector<int>& townCount = result.townCount;
  const std::vector<double>& popSum = result.popSum;
  const std::vector<double>& pSum = result.pSum;
  const bool townSource = bool(in.townSource);
  // Areas.
  const std::vector<int> colour = poleaxis::colour_neighbours(areas, 1.0 / metresPerUnit);
  const QgsFields outFields = makeFields({{QStringLiteral("centre_fid"), compat::value::LongLong},
                                          {QStringLiteral("name"), compat::value::String},
                                          {QStringLiteral("mass"), compat::value::Double},
                                          {QStringLiteral("weight"), compat::value::Double},
                                          {QStringLiteral("area_km2"), compat::value::Double},
                                          {QStringLiteral("n_towns"), compat::value::Int},
                                          {QStringLiteral("pop_sum"), compat::value::Double},
                                          {QStringLiteral("p_mean"), compat::value::Double},
                                          {QStringLiteral("colour"), compat::value::Int}});
  QString outputId;
  std::unique_ptr<QgsFeatureSink> sink = createSink(parameters, OUTPUT, context, outputId, outFields, compat::WkbType::MultiPolygon, layerCrs, true);
  QgsDistanceArea measure;
  measure.setSourceCrs(layerCrs, context.transformContext());
  measure.setEllipsoid(QStringLiteral("WGS84"));
  const QgsCoordinateTransform toLayer(conversion::wgs84(), layerCrs, context.transformContext());
  const int nameField = nameFieldIndex(fields);
  int written = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i % 256 == 0) {
      conversion::throwIfCanceled(feedback);
      feedback->setProgress(85 + 10.0 * double(i) / double(n));
    }
    if (areas[i].empty()) continue;
    QgsGeometry g = conversion::toGeometry(viaLonLat ? conversion::polygonsToLonLat(areas[i], working.fromWork) : areas[i]);
    if (viaLonLat) g.transform(toLayer);
    g = conversion::validPolygons(g);
    QgsFeature f(outFields);
    f.setAttributes(QgsAttributes() << qlonglong(centres.ids[i]) << (nameField >= 0 ? centres.features[i].attribute(nameField) : QVariant())
                                    << (massField >= 0 && std::isfinite(mass[i]) ? QVariant(mass[i]) : QVariant())
                                    << (method == Voronoi ? QVariant() : QVariant(weight[i])) << measure.measureArea(g) / 1e6
                                    << (townSource ? QVariant(townCount[i]) : QVariant())
                                    << (townSource ? QVariant(popSum[i]) : QVariant())
                                    << (method == Huff && townCount[i] ? QVariant(pSum[i] / townCount[i]) : QVariant()) << colour[i]);
    f.setGeometry(g);
    if (!sink->addFeature(f, QgsFeatureSink::FastInsert)) throw QgsProcessingException(writeFeatureError(sink.get(), parameters, OUTPUT));
    ++written;
  }
  StylePostProcessor::styleOnLoad(context, outputId, QStringLiteral("influence_areas"));
  return {{OUTPUT, outputId}, {QStringLiteral("NUM_AREAS"), written}};
}

void InfluenceAreasAlgorithm::writeProbabilityRaster(const Inputs& in, const QVariantMap& parameters, QgsProcessingContext& context,
                                                     QgsProcessingFeedback* feedback, QVariantMap& outputs) const {
  const conversion::PointTable& centres = in.centres;
  const std::vector<double>& mass = in.mass;
  const std::vector<poleaxis::Point>& xy = in.xy;
  const poleaxis::MultiPolygon& clip = in.clip;
  const double metresPerUnit = in.metresPerUnit;
  const double lambda = in.lambda;
  const conversion::WorkingCrs& working = in.working;
  const QString& rasterPath = in.rasterPath;
  {
    const QVariant chosen = parameters.value(PROBABILITY_CENTRE);
    const qlonglong fid = parameterAsInt(parameters, PROBABILITY_CENTRE, context);
    const auto found = std::find(centres.ids.begin(), centres.ids.end(), fid);
    if (!chosen.isValid() || found == centres.ids.end())
      throw QgsProcessingException(tr("PROBABILITY_CENTRE: give the feature id of one of the centres (got %1).").arg(fid));
    const size_t c = size_t(found - centres.ids.begin());
    const poleaxis::Bounds b = poleaxis::bounds(clip);
    const double cell = std::max(b.xmax - b.xmin, b.ymax - b.ymin) / kRasterCells;
    const int cols = std::max(1, int(std::ceil((b.xmax - b.xmin) / cell))), rows = std::max(1, int(std::ceil((b.ymax - b.ymin) / cell)));
    removeOnFailure(rasterPath);  // a cancelled or failed run leaves no p.tif (only if it did not exist before)
    QgsRasterFileWriter writer(rasterPath);
    std::unique_ptr<QgsRasterDataProvider> provider(
        writer.createOneBandRaster(Qgis::DataType::Float32, cols, rows, QgsRectangle(b.xmin, b.ymax - rows * cell, b.xmin + cols * cell, b.ymax), working.crs));
    if (!provider || !provider->isValid())
      throw QgsProcessingException(tr("PROBABILITY_RASTER: could not create %1.").arg(rasterPath));
    provider->setNoDataValue(1, -1.0);
    QgsRasterBlock block(Qgis::DataType::Float32, cols, rows);
    std::vector<poleaxis::Point> metres(xy.size());
    for (size_t j = 0; j < xy.size(); ++j) metres[j] = {xy[j].x * metresPerUnit, xy[j].y * metresPerUnit};
    std::vector<double> share;
    for (int r = 0; r < rows; ++r) {
      if (r % 16 == 0) {
        conversion::throwIfCanceled(feedback);
        feedback->setProgress(95 + 5.0 * r / rows);
      }
      for (int k = 0; k < cols; ++k) {
        const poleaxis::Point p{b.xmin + (k + 0.5) * cell, b.ymax - (r + 0.5) * cell};
        if (!poleaxis::point_in_polygons(p, clip)) {
          block.setValue(r, k, -1.0);
          continue;
        }
        poleaxis::huff_shares({p.x * metresPerUnit, p.y * metresPerUnit}, metres, mass, lambda, kHuffFloorM, share);
        block.setValue(r, k, share[c]);
      }
    }
    if (!provider->writeBlock(&block, 1, 0, 0)) throw QgsProcessingException(tr("PROBABILITY_RASTER: could not write %1.").arg(rasterPath));
    provider.reset();
    outputs.insert(PROBABILITY_RASTER, rasterPath);
  }
}
