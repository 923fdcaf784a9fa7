#include "townhierarchyalgorithm.h"
#include "qgiscompat.h"

#include <qgsexception.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include <qgsprocessingutils.h>

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <cmath>
#include <memory>

#include "conversion.h"
#include "hierarchyreport.h"
#include "poleaxis/key_values.h"
#include "poleaxis/line_index.h"
#include "poleaxis/rank_size.h"
#include "poleaxis/city_size.h"
#include "poleaxis/town_hierarchy.h"
#include "stylepostprocessor.h"

namespace {
// No indicator of a real town comes near this (population, area, GDP in yuan).
constexpr double kMaxIndicator = 1e15;

enum NullPolicy { NullsSkip, NullsRefuse };

const QString INPUT = QStringLiteral("INPUT");
const QString FIELDS = QStringLiteral("FIELDS");
const QString COST_FIELDS = QStringLiteral("COST_FIELDS");
const QString WEIGHTING = QStringLiteral("WEIGHTING");
const QString WEIGHTS = QStringLiteral("WEIGHTS");
const QString NORMALIZATION = QStringLiteral("NORMALIZATION");
const QString LINES = QStringLiteral("LINES");
const QString POLE_FIELD = QStringLiteral("POLE_FIELD");
const QString LEVELS = QStringLiteral("LEVELS");
const QString CLASSIFICATION = QStringLiteral("CLASSIFICATION");
const QString THRESHOLDS = QStringLiteral("THRESHOLDS");
const QString POLE_RULE = QStringLiteral("POLE_RULE");
const QString TOP_N = QStringLiteral("TOP_N");
const QString SCORE_MIN = QStringLiteral("SCORE_MIN");
const QString POP_FIELD = QStringLiteral("POP_FIELD");
const QString NULLS = QStringLiteral("NULLS");
const QString LEVEL_FIELD = QStringLiteral("LEVEL_FIELD");
const QString LEVEL_MAP = QStringLiteral("LEVEL_MAP");
const QString LEVEL_MASS = QStringLiteral("LEVEL_MASS");
const QString POLE_LEVEL = QStringLiteral("POLE_LEVEL");
const QString OUTPUT = QStringLiteral("OUTPUT");
const QString REPORT = QStringLiteral("REPORT");
const QString ACCESS = QStringLiteral("access_km");

bool truthy(const QVariant& v) {
  if (v.isNull()) return false;
  if (v.userType() == QMetaType::Bool) return v.toBool();
  bool numeric = false;
  const double d = v.toDouble(&numeric);
  if (numeric) return d != 0;
  const QString s = v.toString().trimmed().toLower();
  return s == QLatin1String("true") || s == QLatin1String("yes") || s == QLatin1String("y") || s == QString::fromUtf8("是");
}

}  // namespace

QString TownHierarchyAlgorithm::displayName() const { return tr("Town hierarchy and growth poles"); }
QString TownHierarchyAlgorithm::group() const { return tr("Poles"); }
QStringList TownHierarchyAlgorithm::tags() const {
  return tr("hierarchy,rank,score,entropy weight,jenks,natural breaks,growth pole,centrality,zipf,rank-size,primacy,gini,城镇等级,增长极,熵权").split(',');
}
QString TownHierarchyAlgorithm::shortDescription() const {
  return tr("Ranks towns by a weighted composite score, splits them into levels and picks growth poles, with a rank-size report.");
}

QString TownHierarchyAlgorithm::helpText() const {
  return tr(
      "Ranks towns into a hierarchy (中心城市 → 县城 → 重点镇 → 一般镇) and picks growth poles (增长极).\n\n"
      "<b>Indicators</b>: numeric fields (population, GDP, revenue, built-up area…); fields listed in Cost fields count "
      "as costs (less is better). With Lines (rail, highways) the distance from each town to the nearest line, in km on "
      "the WGS 84 ellipsoid, is added as the cost indicator access_km.\n\n"
      "<b>Normalisation</b>: min-max x' = (x − min)/(max − min), or (max − x)/(max − min) for costs; or z-score "
      "x' = ±(x − mean)/sd.\n\n"
      "<b>Weights</b>: entropy weight method (default): p_ij = x'_ij/Σ_i x'_ij on min-max values, "
      "e_j = −Σ_i p_ij·ln p_ij / ln n, w_j = (1 − e_j)/Σ(1 − e_k); an indicator with one value everywhere gets weight 0. "
      "Equal weights, or custom as field=weight;… (rescaled to sum 1). Score = Σ_j w_j·x'_ij.\n\n"
      "<b>Levels</b> (1 = top) by Jenks natural breaks, exact for any number of towns (an O(k·n log n) dynamic "
      "programme; QGIS's renderer samples above 3,000 values), quantiles, head/tail breaks (split at the mean while "
      "the head holds ≤ 40 %), or fixed score thresholds (t1;t2;… ascending). Equal scores keep the input order in "
      "the ranking.\n\n"
      "<b>Poles</b>: the top level, the top N, or score ≥ a threshold; a true value in Pole field (e.g. county seats) "
      "always makes a pole.\n\n"
      "<b>Report</b> (HTML, with a JSON twin): weights, level thresholds and counts, the ranking, and the city-size "
      "distribution of the Population field (default: the first indicator), counting only values > 0: rank-size fit "
      "ln P = ln P1 − q·ln r (q, R², fitted P1), primacy S2 = P1/P2, S4 = P1/(P2+P3+P4), S11 = 2·P1/(P2+…+P11), "
      "the Gini coefficient and a log-log chart.\n\n"
      "<b>Levels from the administrative kind</b> (towns without population, e.g. township points): Level field + "
      "Level map (kind=level;…, e.g. prefecture_city=1;district=1;county_city=2;county=2;town=3;street=3;township=4;"
      "other=4) set each town's level; a kind missing from the map is refused by name. Indicators, where given, then "
      "only rank the towns within their level. Level mass (level=people;…, e.g. 1=1500000;2=250000;3=30000;4=8000) "
      "gives each level a nominal planning population: the output field mass is the population where a town has one "
      "(> 0), else its level's mass; gravity and the report use it. Growth poles can then be every town of one level "
      "(Pole level, e.g. 2 = the county seats).\n\n"
      "<b>China city size classes</b> (Classification; State Council 2014, by the urban population in the Population "
      "field): 1 super city ≥ 10 M, 2 megacity 5–10 M, 3 large city I 3–5 M, 4 large city II 1–3 M, 5 medium city "
      "0.5–1 M, 6 small city I 0.2–0.5 M, 7 small city II < 0.2 M (lower bounds inclusive); the output field "
      "size_cls holds the Chinese class name (超大城市 … Ⅱ型小城市), and the report lists the classes. Towns with "
      "no population are left unranked and named.\n\n"
      "Output: the towns with their fields plus score, rank, level, is_pole, (mass), access_km and the normalised "
      "indicators n_<field>. Towns with NULL indicators are skipped (left unscored, counted) or refused (NULL values).");
}

void TownHierarchyAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFeatureSource(INPUT, tr("Towns"), compat::sourceTypes({compat::VectorPoint})));
  addParameter(new QgsProcessingParameterField(FIELDS, tr("Indicator fields"), QVariant(), INPUT,
                                               compat::FieldDataType::Numeric, true, true));
  addParameter(new QgsProcessingParameterField(COST_FIELDS, tr("Cost fields (less is better)"), QVariant(), INPUT,
                                               compat::FieldDataType::Numeric, true, true));
  addParameter(new QgsProcessingParameterEnum(WEIGHTING, tr("Weighting"),
                                              QStringList() << tr("Entropy weight method") << tr("Equal") << tr("Custom"), false, 0));
  addParameter(new QgsProcessingParameterString(WEIGHTS, tr("Custom weights (field=weight;…)"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterEnum(NORMALIZATION, tr("Normalisation"),
                                              QStringList() << tr("Min-max") << tr("Z-score"), false, 0));
  addParameter(new QgsProcessingParameterFeatureSource(LINES, tr("Lines for accessibility (rail, highways)"),
                                                       compat::sourceTypes({compat::VectorLine}), QVariant(), true));
  addParameter(new QgsProcessingParameterField(POLE_FIELD, tr("Pole field (true = always a pole)"), QVariant(), INPUT,
                                               compat::FieldDataType::Any, false, true));
  addParameter(new QgsProcessingParameterNumber(LEVELS, tr("Number of levels"), compat::NumberType::Integer, 4));
  addParameter(new QgsProcessingParameterEnum(CLASSIFICATION, tr("Classification"),
                                              QStringList() << tr("Jenks natural breaks") << tr("Quantiles")
                                                            << tr("Head/tail breaks") << tr("Fixed thresholds")
                                                            << tr("China city size classes (State Council 2014, by population)"),
                                              false, 0));
  addParameter(new QgsProcessingParameterString(THRESHOLDS, tr("Fixed score thresholds (t1;t2;…)"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterEnum(POLE_RULE, tr("Growth poles"),
                                              QStringList() << tr("Top level") << tr("Top N") << tr("Score threshold")
                                                            << tr("Every town of the pole level"),
                                              false, 0));
  // Optional with defaults, so saved models stay valid.
  addParameter(new QgsProcessingParameterNumber(POLE_LEVEL, tr("Pole level"), compat::NumberType::Integer, 2, true, 1));
  addParameter(new QgsProcessingParameterField(LEVEL_FIELD, tr("Level from field (administrative kind)"), QVariant(), INPUT,
                                               compat::FieldDataType::Any, false, true));
  addParameter(new QgsProcessingParameterString(LEVEL_MAP, tr("Level map (kind=level;…)"),
                                                QStringLiteral("prefecture_city=1;district=1;county_city=2;county=2;town=3;street=3;township=4;other=4"),
                                                false, true));
  addParameter(new QgsProcessingParameterString(LEVEL_MASS, tr("Nominal population per level (level=people;…)"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterNumber(TOP_N, tr("N (top N)"), compat::NumberType::Integer, 5));
  addParameter(new QgsProcessingParameterNumber(SCORE_MIN, tr("Score threshold"), compat::NumberType::Double, 0.5));
  addParameter(new QgsProcessingParameterField(POP_FIELD, tr("Population field (rank-size report)"), QVariant(), INPUT,
                                               compat::FieldDataType::Numeric, false, true));
  addParameter(advanced(new QgsProcessingParameterEnum(NULLS, tr("Towns with NULL indicators"),
                                                       QStringList() << tr("Skip and count") << tr("Refuse"), false, NullsSkip)));
  addParameter(new QgsProcessingParameterFeatureSink(OUTPUT, tr("Town hierarchy"), compat::VectorPoint));
  addParameter(new QgsProcessingParameterFileDestination(REPORT, tr("Report"), tr("HTML files (*.html)"), QVariant(), true));
  for (const auto& [name, label] : std::vector<std::pair<QString, QString>>{
           {QStringLiteral("ZIPF_Q"), tr("Zipf exponent q")},
           {QStringLiteral("ZIPF_R2"), tr("Rank-size R²")},
           {QStringLiteral("PRIMACY_S2"), tr("Primacy S2")},
           {QStringLiteral("PRIMACY_S4"), tr("Four-city index S4")},
           {QStringLiteral("PRIMACY_S11"), tr("Eleven-city index S11")},
           {QStringLiteral("GINI"), tr("Gini coefficient")},
           {QStringLiteral("NUM_POLES"), tr("Number of growth poles")}})
    addOutput(new QgsProcessingOutputNumber(name, label));
  addOutput(new QgsProcessingOutputFile(QStringLiteral("REPORT_JSON"), tr("Report (JSON)")));
}

// What the run works from: the checked parameters and the towns' values,
// gathered into the core's request.
struct TownHierarchyAlgorithm::Inputs {
  std::unique_ptr<QgsProcessingFeatureSource> source;
  conversion::PointTable towns;
  std::vector<size_t> scoredRows;  // towns with every indicator (request order)
  poleaxis::HierarchyRequest request;
  std::vector<double> accessKm;
  poleaxis::NumberTable levelMass;
  bool withLines = false, sizeClasses = false;
  int classification = 0, levelField = -1, popField = -1;
  QString levelName, popName;
};

// The hierarchy, the city-size distribution and the planning masses.
struct TownHierarchyAlgorithm::Result {
  poleaxis::HierarchyResult hierarchy;
  std::unique_ptr<poleaxis::RankSize> rankSize;
  QStringList notes;
  QString rankSizeField;
  bool withMass = false;
  std::vector<QVariant> massOf;
};

QVariantMap TownHierarchyAlgorithm::execute(const QVariantMap& parameters, QgsProcessingContext& context,
                                            QgsProcessingFeedback* feedback) {
  const Inputs in = readInputs(parameters, context, feedback);
  const Result result = rank(in, feedback);
  QVariantMap outputs = writeTowns(in, result, parameters, context, feedback);
  summarise(result, feedback, outputs);
  writeReport(in, result, parameters, context, outputs);
  feedback->setProgress(100);
  return outputs;
}

TownHierarchyAlgorithm::Inputs TownHierarchyAlgorithm::readInputs(const QVariantMap& parameters, QgsProcessingContext& context,
                                                                  QgsProcessingFeedback* feedback) const {
  Inputs in;
  in.source = requireSource(parameters, INPUT, context);
  const std::unique_ptr<QgsProcessingFeatureSource>& source = in.source;
  const QgsFields fields = source->fields();
  std::unique_ptr<QgsProcessingFeatureSource> linesSource(parameterAsSource(parameters, LINES, context));

  const QStringList indicatorNames = compat::parameterFields(*this, parameters, FIELDS, context);
  const QStringList costNames = compat::parameterFields(*this, parameters, COST_FIELDS, context);
  const QString levelName = parameterAsString(parameters, LEVEL_FIELD, context);
  const int levelField = levelName.isEmpty() ? -1 : requireField(fields, levelName, LEVEL_FIELD, INPUT, false);
  if (indicatorNames.isEmpty() && !linesSource && levelField < 0)
    throw QgsProcessingException(tr("FIELDS: choose at least one indicator field (or give LINES to rank by accessibility, or a "
                                    "LEVEL_FIELD for levels from the administrative kind)."));
  poleaxis::NumberTable levelMap;
  poleaxis::NumberTable& levelMass = in.levelMass;
  try {
    if (levelField >= 0)
      levelMap = poleaxis::NumberTable::parse(parameterAsString(parameters, LEVEL_MAP, context).toStdString(), "level",
                                              "write kind=level, e.g. county_city=2;town=3");
    const QString massText = parameterAsString(parameters, LEVEL_MASS, context).trimmed();
    if (!massText.isEmpty())
      levelMass = poleaxis::NumberTable::parse(massText.toStdString(), "population", "write level=people, e.g. 1=1500000;2=250000");
  } catch (const poleaxis::InputError& e) {
    raise(e, levelField >= 0 && QString::fromStdString(e.what()).contains(QLatin1String("level")) ? LEVEL_MAP : LEVEL_MASS, {});
  }
  std::vector<int> indicatorFields;
  for (const QString& name : indicatorNames) indicatorFields.push_back(requireField(fields, name, FIELDS, INPUT, true));
  for (const QString& name : costNames)
    if (!indicatorNames.contains(name))
      throw QgsProcessingException(tr("COST_FIELDS: '%1' is not one of the indicator FIELDS.").arg(name));
  const QString poleName = parameterAsString(parameters, POLE_FIELD, context);
  const int poleField = poleName.isEmpty() ? -1 : requireField(fields, poleName, POLE_FIELD, INPUT, false);
  const QString popName = parameterAsString(parameters, POP_FIELD, context);
  const int popField = !popName.isEmpty() ? requireField(fields, popName, POP_FIELD, INPUT, true)
                       : indicatorFields.empty() ? -1 : indicatorFields.front();
  const bool refuseNulls = parameterAsEnum(parameters, NULLS, context) == NullsRefuse;
  const int classification = parameterAsEnum(parameters, CLASSIFICATION, context);
  const bool sizeClasses = classification == 4;
  if (sizeClasses && levelField >= 0)
    throw QgsProcessingException(tr("CLASSIFICATION: city size classes and LEVEL_FIELD both set the levels; choose one."));
  if (sizeClasses && popField < 0)
    throw QgsProcessingException(tr("POP_FIELD: China's city size classes need the urban population; choose POP_FIELD."));
  std::vector<QgsFeatureId> unknownSize;
  checkOutputFolders(parameters, {OUTPUT, REPORT}, context);

  feedback->pushInfo(tr("Reading towns"));
  in.towns = conversion::readPoints(*source, INPUT, context, feedback, true, 0, 20);
  const conversion::PointTable& towns = in.towns;
  warnWithoutGeometry(feedback, INPUT, towns.withoutGeometryIds);

  // Indicator values of the towns that have all of them.
  poleaxis::HierarchyRequest& request = in.request;
  for (const QString& name : indicatorNames)
    request.indicators.push_back({name.toStdString(), {}, costNames.contains(name)});
  std::vector<size_t>& scoredRows = in.scoredRows;
  std::vector<QgsFeatureId> nullIds;
  for (size_t row = 0; row < towns.features.size(); ++row) {
    const QgsAttributes attributes = towns.features[row].attributes();
    std::vector<double> values;
    for (size_t j = 0; j < indicatorFields.size(); ++j) {
      const double v = conversion::numberOrNan(attributes.at(indicatorFields[j]));
      if (std::isnan(v)) {
        if (refuseNulls)
          throw QgsProcessingException(tr("FIELDS: feature %1 has %3 in '%2'. Fill it with a number, filter the town out, or set NULLS to skip.")
                                           .arg(towns.ids[row])
                                           .arg(indicatorNames[int(j)], conversion::describeValue(attributes.at(indicatorFields[j]))));
        break;
      }
      // 1e300 people (or km, or yuan) is a typing or export error, and it
      // breaks every classification: refuse it with the feature.
      if (std::fabs(v) > kMaxIndicator)
        throw QgsProcessingException(tr("FIELDS: feature %1 has %2 in '%3', beyond any real value (more than 10^15). Fix the value or "
                                        "filter the town out.")
                                         .arg(towns.ids[row])
                                         .arg(v, 0, 'g', 6)
                                         .arg(indicatorNames[int(j)]));
      values.push_back(v);
    }
    if (values.size() < indicatorFields.size()) {
      nullIds.push_back(towns.ids[row]);
      continue;
    }
    if (sizeClasses) {
      const int sizeClass = poleaxis::china_city_size_class(conversion::numberOrNan(attributes.at(popField)));
      if (sizeClass == 0) {
        unknownSize.push_back(towns.ids[row]);
        continue;
      }
      request.given_levels.push_back(sizeClass);
    }
    if (levelField >= 0) {
      const QVariant kind = attributes.at(levelField);
      const double* level = kind.isNull() ? nullptr : levelMap.find(kind.toString().trimmed().toStdString());
      if (!level)
        throw QgsProcessingException(tr("LEVEL_MAP: feature %1 has kind '%2', which is not in the level map. Add %2=<level> to "
                                        "LEVEL_MAP, e.g. %2=4.")
                                         .arg(towns.ids[row])
                                         .arg(kind.isNull() ? QStringLiteral("NULL") : kind.toString()));
      if (!(*level >= 1) || *level != std::floor(*level))
        throw QgsProcessingException(tr("LEVEL_MAP: level %1 of kind '%2' is not a whole number >= 1.").arg(*level).arg(kind.toString()));
      request.given_levels.push_back(int(*level));
    }
    scoredRows.push_back(row);
    for (size_t j = 0; j < values.size(); ++j) request.indicators[j].values.push_back(values[j]);
    request.forced_pole.push_back(poleField >= 0 && truthy(attributes.at(poleField)));
  }
  if (!nullIds.empty())
    feedback->pushWarning(tr("%1 town(s) with NULL indicators left unscored: feature ids %2.").arg(nullIds.size()).arg(idList(nullIds)));
  if (!unknownSize.empty())
    feedback->pushWarning(tr("%1 town(s) with no population (0 or NULL) have no size class and are left unranked: feature ids %2.")
                              .arg(unknownSize.size())
                              .arg(idList(unknownSize)));

  std::vector<double>& accessKm = in.accessKm;
  if (linesSource) {
    feedback->pushInfo(tr("Measuring distance to the nearest line"));
    const conversion::LineTable lines = conversion::readLines(*linesSource, LINES, context, feedback);
    if (lines.lines.empty()) throw QgsProcessingException(tr("LINES: the layer has no line with a length."));
    const poleaxis::LineIndex index(lines.lines);
    for (size_t row : scoredRows) {
      conversion::throwIfCanceled(feedback);
      accessKm.push_back(index.nearest(towns.lonlat[row]).metres / 1000.0);
    }
    request.indicators.push_back({ACCESS.toStdString(), accessKm, true});
  }
  feedback->setProgress(40);

  const int mode = parameterAsEnum(parameters, WEIGHTING, context);
  request.weighting = mode == 0 ? poleaxis::Weighting::Entropy : mode == 1 ? poleaxis::Weighting::Equal : poleaxis::Weighting::Custom;
  if (request.weighting == poleaxis::Weighting::Custom) {
    std::vector<std::string> names;
    for (const poleaxis::Indicator& ind : request.indicators) names.push_back(ind.name);
    try {
      request.custom_weights = poleaxis::parse_weights(parameterAsString(parameters, WEIGHTS, context).toStdString(), names);
    } catch (const poleaxis::InputError& e) {
      raise(e, WEIGHTS, {});
    }
  }
  request.normalization = parameterAsEnum(parameters, NORMALIZATION, context) == 0 ? poleaxis::Normalization::MinMax
                                                                                   : poleaxis::Normalization::ZScore;
  request.levels = parameterAsInt(parameters, LEVELS, context);
  request.classification = sizeClasses ? poleaxis::Classification::Jenks : static_cast<poleaxis::Classification>(classification);
  if (request.classification == poleaxis::Classification::Fixed) {
    for (const QString& part : parameterAsString(parameters, THRESHOLDS, context).split(QRegularExpression(QStringLiteral("[;,\\s]+")), Qt::SkipEmptyParts)) {
      double t = 0;
      if (!poleaxis::parse_number(part.toStdString(), t))
        throw QgsProcessingException(tr("THRESHOLDS: '%1' is not a number; write ascending scores like 0.2;0.5;0.8.").arg(part));
      request.thresholds.push_back(t);
    }
    if (request.thresholds.empty())
      throw QgsProcessingException(tr("THRESHOLDS: fixed classification needs thresholds like 0.2;0.5;0.8."));
  } else if (levelField >= 0 || sizeClasses) {
    // Levels come from the kinds or the size classes: nothing to classify.
  } else if (request.levels < 2) {
    throw QgsProcessingException(tr("LEVELS: a hierarchy needs at least 2 levels, got %1.").arg(request.levels));
  } else if (size_t(request.levels) > scoredRows.size()) {
    throw QgsProcessingException(tr("LEVELS: %1 scored town(s) cannot fill %2 levels. Use fewer levels.")
                                     .arg(scoredRows.size())
                                     .arg(request.levels));
  }
  request.pole_rule = static_cast<poleaxis::PoleRule>(parameterAsEnum(parameters, POLE_RULE, context));
  request.top_n = parameterAsInt(parameters, TOP_N, context);
  request.score_min = parameterAsDouble(parameters, SCORE_MIN, context);
  request.pole_level = parameterAsInt(parameters, POLE_LEVEL, context);
  if (!std::isfinite(request.score_min)) throw QgsProcessingException(tr("SCORE_MIN: %1 is not a number.").arg(request.score_min));
  if (request.pole_rule == poleaxis::PoleRule::TopN && request.top_n < 1)
    throw QgsProcessingException(tr("TOP_N: N must be at least 1, got %1.").arg(request.top_n));

  in.withLines = bool(linesSource);
  in.sizeClasses = sizeClasses;
  in.classification = classification;
  in.levelField = levelField;
  in.levelName = levelName;
  in.popField = popField;
  in.popName = popName;
  return in;
}

TownHierarchyAlgorithm::Result TownHierarchyAlgorithm::rank(const Inputs& in, QgsProcessingFeedback* feedback) const {
  Result r;
  const QgsFields fields = in.source->fields();
  const conversion::PointTable& towns = in.towns;
  const std::vector<size_t>& scoredRows = in.scoredRows;
  const poleaxis::HierarchyRequest& request = in.request;
  const int popField = in.popField;
  const QString& popName = in.popName;
  const poleaxis::NumberTable& levelMass = in.levelMass;
  poleaxis::HierarchyResult& result = r.hierarchy;
  try {
    result = poleaxis::town_hierarchy(request);
  } catch (const poleaxis::InputError& e) {
    const QString what = QString::fromStdString(e.what());
    raise(e, what.contains(QLatin1String("threshold")) ? THRESHOLDS : what.contains(QLatin1String("weight")) ? WEIGHTS : FIELDS, {});
  }
  for (const poleaxis::IndicatorWeight& w : result.score.weights)
    if (w.constant)
      feedback->pushWarning(tr("Indicator '%1' has the same value in every town: weight 0.").arg(QString::fromStdString(w.name)));
  feedback->setProgress(60);

  // City-size distribution.
  std::unique_ptr<poleaxis::RankSize>& rankSize = r.rankSize;
  QStringList& notes = r.notes;
  r.rankSizeField = popField >= 0 ? fields.at(popField).name() : QString();
  const QString& rankSizeField = r.rankSizeField;
  if (popField >= 0) {
    std::vector<double> populations;
    for (size_t row : scoredRows) populations.push_back(conversion::numberOrNan(towns.features[row].attribute(popField)));
    try {
      rankSize = std::make_unique<poleaxis::RankSize>(poleaxis::rank_size(populations));
    } catch (const poleaxis::InputError& e) {
      if (e.item() >= 0) {
        std::vector<QgsFeatureId> ids;
        for (size_t row : scoredRows) ids.push_back(towns.ids[row]);
        raise(e, popName.isEmpty() ? FIELDS : POP_FIELD, ids,
              popName.isEmpty() ? tr("The rank-size report reads the population from the first indicator; set POP_FIELD to the "
                                     "population field, or fix the negative value")
                                : tr("A rank-size fit needs populations >= 0; fix the value or filter the town out"));
      }
      notes << tr("No rank-size fit: %1").arg(QString::fromStdString(e.what()));
      feedback->pushWarning(notes.last());
    }
    if (rankSize && rankSize->zero)
      feedback->pushInfo(tr("Rank-size: %1 town(s) with %2 = 0 (unknown) left out of the fit.").arg(rankSize->zero).arg(rankSizeField));
  }

  // The planning mass: the population where known, else the level's nominal one.
  r.withMass = !levelMass.entries().empty();
  const bool withMass = r.withMass;
  r.massOf.resize(scoredRows.size());
  std::vector<QVariant>& massOf = r.massOf;
  if (withMass) {
    for (size_t k = 0; k < scoredRows.size(); ++k) {
      const double population = popField >= 0 ? conversion::numberOrNan(towns.features[scoredRows[k]].attribute(popField)) : NAN;
      if (population > 0) {
        massOf[k] = population;
        continue;
      }
      const double* nominal = levelMass.find(std::to_string(result.level[k]));
      if (!nominal || !(*nominal > 0))
        throw QgsProcessingException(tr("LEVEL_MASS: level %1 has no nominal population > 0, and feature %2 has no population. "
                                        "Add %1=<people> to LEVEL_MASS.")
                                         .arg(result.level[k])
                                         .arg(towns.ids[scoredRows[k]]));
      massOf[k] = *nominal;
    }
  }
  return r;
}

QVariantMap TownHierarchyAlgorithm::writeTowns(const Inputs& in, const Result& r, const QVariantMap& parameters,
                                               QgsProcessingContext& context, QgsProcessingFeedback* feedback) const {
  const QgsFields fields = in.source->fields();
  const conversion::PointTable& towns = in.towns;
  const std::vector<size_t>& scoredRows = in.scoredRows;
  const poleaxis::HierarchyRequest& request = in.request;
  const std::vector<double>& accessKm = in.accessKm;
  const bool linesSource = in.withLines;
  const bool sizeClasses = in.sizeClasses;
  const std::unique_ptr<QgsProcessingFeatureSource>& source = in.source;
  const poleaxis::HierarchyResult& result = r.hierarchy;
  const std::vector<QVariant>& massOf = r.massOf;
  const bool withMass = r.withMass;
  // Output: input fields + results + normalised indicators.
  QgsFields added = makeFields({{QStringLiteral("score"), compat::value::Double},
       {QStringLiteral("rank"), compat::value::Int},
       {QStringLiteral("level"), compat::value::Int},
       {QStringLiteral("is_pole"), compat::value::Bool}});
  if (withMass) added.append(compat::field(QStringLiteral("mass"), compat::value::Double));
  if (sizeClasses) added.append(compat::field(QStringLiteral("size_cls"), compat::value::String));
  if (linesSource) added.append(compat::field(ACCESS, compat::value::Double));
  for (const poleaxis::Indicator& ind : request.indicators)
    added.append(compat::field(QStringLiteral("n_%1").arg(QString::fromStdString(ind.name).toLower()), compat::value::Double));
  const QgsFields outFields = combineOutputFields(fields, added, feedback, INPUT);
  QString outId;
  std::unique_ptr<QgsFeatureSink> sink =
      createSink(parameters, OUTPUT, context, outId, outFields, source->wkbType(), source->sourceCrs(), true);
  std::vector<long> scoredIndex(towns.features.size(), -1);
  for (size_t k = 0; k < scoredRows.size(); ++k) scoredIndex[scoredRows[k]] = long(k);
  for (size_t row = 0; row < towns.features.size(); ++row) {
    conversion::throwIfCanceled(feedback);
    QgsFeature f = towns.features[row];
    QgsAttributes attributes = f.attributes();
    const long k = scoredIndex[row];
    if (k >= 0) {
      attributes << (request.indicators.empty() ? QVariant() : QVariant(result.score.score[size_t(k)])) << result.rank[size_t(k)]
                 << result.level[size_t(k)] << bool(result.is_pole[size_t(k)]);
      if (withMass) attributes << massOf[size_t(k)];
      if (sizeClasses)
        attributes << QString::fromStdString(poleaxis::china_city_size_classes()[size_t(result.level[size_t(k)] - 1)].name_zh);
      if (linesSource) attributes << accessKm[size_t(k)];
      for (const std::vector<double>& column : result.score.normalized) attributes << column[size_t(k)];
    } else {
      for (int i = 0; i < added.count(); ++i) attributes << QVariant();
    }
    f.setFields(outFields, false);
    f.setAttributes(attributes);
    if (!sink->addFeature(f, QgsFeatureSink::FastInsert))
      throw QgsProcessingException(writeFeatureError(sink.get(), parameters, OUTPUT));
  }
  for (QgsFeature f : rowsWithoutGeometry(towns, outFields))
    if (!sink->addFeature(f, QgsFeatureSink::FastInsert))
      throw QgsProcessingException(writeFeatureError(sink.get(), parameters, OUTPUT));
  StylePostProcessor::styleOnLoad(context, outId, QStringLiteral("town_levels"));
  return {{OUTPUT, outId}};
}

void TownHierarchyAlgorithm::summarise(const Result& r, QgsProcessingFeedback* feedback, QVariantMap& outputs) const {
  const poleaxis::HierarchyResult& result = r.hierarchy;
  const std::unique_ptr<poleaxis::RankSize>& rankSize = r.rankSize;
  const QString& rankSizeField = r.rankSizeField;
  const int poles = int(std::count(result.is_pole.begin(), result.is_pole.end(), 1));
  outputs.insert(QStringLiteral("NUM_POLES"), poles);
  QStringList weightText;
  for (const poleaxis::IndicatorWeight& w : result.score.weights)
    weightText << QStringLiteral("%1=%2").arg(QString::fromStdString(w.name)).arg(w.weight, 0, 'f', 4);
  feedback->pushInfo(tr("Weights: %1").arg(weightText.join(QStringLiteral(", "))));
  QStringList levelText;
  for (int level = 1; level <= result.levels; ++level)
    levelText << (result.breaks.empty() ? tr("level %1: %2 town(s)").arg(level).arg(result.level_counts[size_t(level - 1)])
                                        : tr("level %1: %2 town(s), score up to %3")
                                              .arg(level)
                                              .arg(result.level_counts[size_t(level - 1)])
                                              .arg(result.breaks[size_t(result.levels - level)], 0, 'f', 4));
  feedback->pushInfo(levelText.join(QStringLiteral("; ")));
  feedback->pushInfo(tr("%n growth pole(s).", nullptr, poles));
  if (rankSize) {
    outputs.insert(QStringLiteral("ZIPF_Q"), rankSize->q);
    outputs.insert(QStringLiteral("ZIPF_R2"), rankSize->r2);
    outputs.insert(QStringLiteral("GINI"), rankSize->gini);
    for (const auto& [key, value] : std::vector<std::pair<QString, double>>{{QStringLiteral("PRIMACY_S2"), rankSize->s2},
                                                                          {QStringLiteral("PRIMACY_S4"), rankSize->s4},
                                                                          {QStringLiteral("PRIMACY_S11"), rankSize->s11}})
      if (std::isfinite(value)) outputs.insert(key, value);
    feedback->pushInfo(tr("Rank-size on %1: q = %2, R² = %3, S2 = %4, Gini = %5.")
                           .arg(rankSizeField)
                           .arg(rankSize->q, 0, 'f', 4)
                           .arg(rankSize->r2, 0, 'f', 4)
                           .arg(rankSize->s2, 0, 'f', 3)
                           .arg(rankSize->gini, 0, 'f', 3));
  }
}

void TownHierarchyAlgorithm::writeReport(const Inputs& in, const Result& r, const QVariantMap& parameters, QgsProcessingContext& context,
                                         QVariantMap& outputs) const {
  const QgsFields fields = in.source->fields();
  const conversion::PointTable& towns = in.towns;
  const std::vector<size_t>& scoredRows = in.scoredRows;
  const bool sizeClasses = in.sizeClasses;
  const int classification = in.classification;
  const int levelField = in.levelField;
  const QString& levelName = in.levelName;
  const std::unique_ptr<QgsProcessingFeatureSource>& source = in.source;
  const poleaxis::HierarchyResult& result = r.hierarchy;
  const std::unique_ptr<poleaxis::RankSize>& rankSize = r.rankSize;
  const QStringList& notes = r.notes;
  const QString& rankSizeField = r.rankSizeField;
  const QString reportPath = parameterAsFileOutput(parameters, REPORT, context);
  if (!reportPath.isEmpty()) {
    HierarchyReport report;
    report.title = tr("Town hierarchy — %1").arg(source->sourceName());
    report.hierarchy = &result;
    report.rankSize = rankSize.get();
    report.rankSizeField = rankSizeField;
    QStringList sizeText;
    for (const poleaxis::CitySizeClass& c : poleaxis::china_city_size_classes())
      sizeText << QStringLiteral("%1 %2 (%3) ≥ %4").arg(c.level).arg(QString::fromStdString(c.name_zh), QString::fromStdString(c.name_en)).arg(c.min_population, 0, 'f', 0);
    report.classification = sizeClasses ? tr("China city size classes (State Council 2014): %1").arg(sizeText.join(QStringLiteral("; ")))
                            : levelField >= 0 ? tr("levels from %1").arg(levelName)
                                            : QStringList{tr("Jenks natural breaks"), tr("Quantiles"), tr("Head/tail breaks"), tr("Fixed thresholds")}[classification];
    report.notes = notes;
    const int names = nameFieldIndex(fields);
    for (size_t row : scoredRows)
      report.townNames << (names >= 0 ? towns.features[row].attribute(names).toString() : QString::number(towns.ids[row]));
    const QString jsonPath = writeReportFiles(REPORT, reportPath, report.html().toUtf8(), report.json());
    outputs.insert(REPORT, reportPath);
    outputs.insert(QStringLiteral("REPORT_JSON"), jsonPath);
  }
}
