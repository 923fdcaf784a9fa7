#include "townstandardsalgorithm.h"
#include "qgiscompat.h"

#include <qgsexception.h>
#include <qgsfeaturesink.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include <qgsprocessingutils.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

#include "conversion.h"
#include "poleaxis/town_standards.h"
#include "stylepostprocessor.h"

namespace {
const QString INPUT = QStringLiteral("INPUT");
const QString TARGETS = QStringLiteral("TARGETS");
const QString OUTPUT = QStringLiteral("OUTPUT");
const QString REPORT = QStringLiteral("REPORT");

QString opText(poleaxis::TargetOp op) {
  switch (op) {
    case poleaxis::TargetOp::AtLeast: return QStringLiteral("≥");
    case poleaxis::TargetOp::AtMost: return QStringLiteral("≤");
    case poleaxis::TargetOp::Above: return QStringLiteral(">");
    default: return QStringLiteral("<");
  }
}
QString escape(const QString& s) { return s.toHtmlEscaped(); }
}  // namespace

QString TownStandardsAlgorithm::displayName() const { return tr("Town standards (planning targets)"); }
QString TownStandardsAlgorithm::group() const { return tr("Poles"); }
QStringList TownStandardsAlgorithm::tags() const {
  return tr("standards,targets,indicators,small town,plan,built-up area,green,gas,waste,建设标准,规划指标,小城镇").split(',');
}
QString TownStandardsAlgorithm::shortDescription() const {
  return tr("Checks every town against a plan's targets (built-up area, road area per person, green cover…): pass or fail, "
            "the gap, and how many it meets.");
}

QString TownStandardsAlgorithm::helpText() const {
  return tr(
      "Checks each town against planning targets, as a district's small-town plan sets them.\n\n"
      "<b>Targets</b>: indicator op value;… where the indicator is a field of the towns and op is >=, <=, > or <, "
      "e.g. built_km2>=2;road_m2_pc>=8;green_pct>=30;park_m2_pc>=4;gas_pct>=60;waste_pct>=50 (the default).\n\n"
      "Per town and target: <field>_ok (1 met, 0 not met, NULL when the value is missing) and <field>_gap, how far "
      "the town falls short in the indicator's units (target − value for >=, value − target for <=; 0 when met, "
      "NULL when missing); n_met (targets met) and n_known (targets with a value). A NULL or non-numeric value "
      "(e.g. '1,000' in a text field) is missing: it is counted and the towns are named in the log and the "
      "report, never read as 0.\n\n"
      "<b>Report</b> (HTML, with a JSON twin): per target the towns that meet it, miss it and lack a value; the "
      "towns by targets met.");
}

void TownStandardsAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFeatureSource(INPUT, tr("Towns")));
  addParameter(new QgsProcessingParameterString(
      TARGETS, tr("Targets (indicator>=value;…)"),
      QStringLiteral("built_km2>=2;road_m2_pc>=8;green_pct>=30;park_m2_pc>=4;gas_pct>=60;waste_pct>=50")));
  addParameter(new QgsProcessingParameterFeatureSink(OUTPUT, tr("Towns against the targets")));
  addParameter(new QgsProcessingParameterFileDestination(REPORT, tr("Report"), tr("HTML files (*.html)"), QVariant(), true));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("ALL_MET"), tr("Towns meeting every target")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("MISSING_VALUES"), tr("Missing indicator values")));
}

// What the run works from: the checked targets and every town's values.
struct TownStandardsAlgorithm::Inputs {
  std::unique_ptr<QgsProcessingFeatureSource> source;
  std::vector<poleaxis::Target> targets;
  std::vector<QgsFeature> towns;
  std::vector<std::vector<double>> values;  // per target, per town; NaN where missing or not a number
};

QVariantMap TownStandardsAlgorithm::execute(const QVariantMap& parameters, QgsProcessingContext& context, QgsProcessingFeedback* feedback) {
  const Inputs in = readInputs(parameters, context, feedback);
  const poleaxis::StandardsResult result = poleaxis::check_standards(in.targets, in.values);
  warnMissing(in, result, feedback);
  QVariantMap outputs = writeTowns(in, result, parameters, context, feedback);
  writeReport(in, result, parameters, context, outputs);
  feedback->setProgress(100);
  return outputs;
}

TownStandardsAlgorithm::Inputs TownStandardsAlgorithm::readInputs(const QVariantMap& parameters, QgsProcessingContext& context,
                                                                  QgsProcessingFeedback* feedback) const {
  Inputs in;
  in.source = requireSource(parameters, INPUT, context);
  const QgsFields fields = in.source->fields();
  try {
    in.targets = poleaxis::parse_targets(parameterAsString(parameters, TARGETS, context).toStdString());
  } catch (const poleaxis::InputError& e) {
    raise(e, TARGETS, {});
  }
  std::vector<int> fieldOf;
  for (const poleaxis::Target& t : in.targets) {
    const QString name = QString::fromStdString(t.indicator);
    const int index = fields.lookupField(name);
    if (index < 0)
      throw QgsProcessingException(tr("TARGETS: indicator '%1' is not a field of INPUT. Fields there: %2.")
                                       .arg(name, fields.names().join(QStringLiteral(", "))));
    fieldOf.push_back(index);
  }
  checkOutputFolders(parameters, {OUTPUT, REPORT}, context);

  in.values.resize(in.targets.size());
  QgsFeatureIterator it = in.source->getFeatures();
  QgsFeature f;
  const double total = in.source->featureCount() > 0 ? double(in.source->featureCount()) : 1.0;
  while (it.nextFeature(f)) {
    conversion::throwIfCanceled(feedback);
    for (size_t t = 0; t < in.targets.size(); ++t) in.values[t].push_back(conversion::numberOrNan(f.attribute(fieldOf[t])));
    in.towns.push_back(f);
    feedback->setProgress(60.0 * double(in.towns.size()) / total);
  }
  return in;
}

void TownStandardsAlgorithm::warnMissing(const Inputs& in, const poleaxis::StandardsResult& result, QgsProcessingFeedback* feedback) const {
  for (size_t t = 0; t < in.targets.size(); ++t) {
    if (!result.missing[t]) continue;
    std::vector<QgsFeatureId> ids;
    for (size_t i = 0; i < in.towns.size(); ++i)
      if (result.state[t][i] == poleaxis::TargetState::Missing) ids.push_back(in.towns[i].id());
    feedback->pushWarning(tr("%1: %2 town(s) have no numeric value (NULL or text) and are counted as missing, not as 0: feature ids %3.")
                              .arg(QString::fromStdString(in.targets[t].indicator))
                              .arg(result.missing[t])
                              .arg(idList(ids)));
  }
}

QVariantMap TownStandardsAlgorithm::writeTowns(const Inputs& in, const poleaxis::StandardsResult& result, const QVariantMap& parameters,
                                               QgsProcessingContext& context, QgsProcessingFeedback* feedback) const {
  // The towns with <field>_ok, <field>_gap, n_met, n_known.
  QgsFields added;
  for (const poleaxis::Target& t : in.targets) {
    added.append(compat::field(QString::fromStdString(t.indicator) + QStringLiteral("_ok"), compat::value::Int));
    added.append(compat::field(QString::fromStdString(t.indicator) + QStringLiteral("_gap"), compat::value::Double));
  }
  added.append(compat::field(QStringLiteral("n_met"), compat::value::Int));
  added.append(compat::field(QStringLiteral("n_known"), compat::value::Int));
  const QgsFields outFields = combineOutputFields(in.source->fields(), added, feedback, INPUT);
  QString outId;
  std::unique_ptr<QgsFeatureSink> sink =
      createSink(parameters, OUTPUT, context, outId, outFields, in.source->wkbType(), in.source->sourceCrs(), true);
  SinkWriter writer(sink.get(), parameters, OUTPUT);
  size_t allMet = 0, missingValues = 0;
  for (size_t t = 0; t < in.targets.size(); ++t) missingValues += result.missing[t];
  for (size_t i = 0; i < in.towns.size(); ++i) {
    conversion::throwIfCanceled(feedback);
    QgsFeature out = in.towns[i];
    QgsAttributes a = out.attributes();
    for (size_t t = 0; t < in.targets.size(); ++t) {
      const poleaxis::TargetState s = result.state[t][i];
      a << (s == poleaxis::TargetState::Missing ? QVariant() : QVariant(int(s)))
        << (std::isnan(result.gap[t][i]) ? QVariant() : QVariant(result.gap[t][i]));
    }
    a << result.met_count[i] << result.known_count[i];
    if (result.met_count[i] == int(in.targets.size())) ++allMet;
    out.setFields(outFields, false);
    out.setAttributes(a);
    writer.add(out);
  }
  writer.flush();
  StylePostProcessor::styleOnLoad(context, outId, QStringLiteral("town_standards"));
  feedback->pushInfo(tr("%1 of %2 town(s) meet every target.").arg(allMet).arg(in.towns.size()));
  return {{OUTPUT, outId}, {QStringLiteral("ALL_MET"), qlonglong(allMet)}, {QStringLiteral("MISSING_VALUES"), qlonglong(missingValues)}};
}

void TownStandardsAlgorithm::writeReport(const Inputs& in, const poleaxis::StandardsResult& result, const QVariantMap& parameters,
                                         QgsProcessingContext& context, QVariantMap& outputs) const {
  const QString reportPath = parameterAsFileOutput(parameters, REPORT, context);
  if (reportPath.isEmpty()) return;
  const std::vector<QgsFeature>& towns = in.towns;
  const std::vector<poleaxis::Target>& targets = in.targets;
  const int names = nameFieldIndex(in.source->fields());
  auto townName = [&](size_t i) { return names >= 0 ? towns[i].attribute(names).toString() : QString::number(towns[i].id()); };
  const qlonglong allMet = outputs.value(QStringLiteral("ALL_MET")).toLongLong();
  QString html = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head><body><h1>%1</h1>")
                     .arg(escape(tr("Town standards — %1").arg(in.source->sourceName())));
  html += QStringLiteral("<table border=\"1\"><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
              .arg(tr("target"), tr("met"), tr("not met"), tr("missing"), tr("towns without a value"));
  QJsonArray jsonTargets;
  for (size_t t = 0; t < targets.size(); ++t) {
    QStringList missing;
    for (size_t i = 0; i < towns.size(); ++i)
      if (result.state[t][i] == poleaxis::TargetState::Missing) missing << townName(i);
    const QString label = QString::fromStdString(targets[t].indicator) + QLatin1Char(' ') + opText(targets[t].op) + QLatin1Char(' ') +
                          QString::number(targets[t].value);
    html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                .arg(escape(label))
                .arg(result.met[t])
                .arg(result.not_met[t])
                .arg(result.missing[t])
                .arg(escape(missing.join(QStringLiteral(", "))));
    jsonTargets.append(QJsonObject{{QStringLiteral("indicator"), QString::fromStdString(targets[t].indicator)},
                                   {QStringLiteral("op"), opText(targets[t].op)},
                                   {QStringLiteral("value"), targets[t].value},
                                   {QStringLiteral("met"), qint64(result.met[t])},
                                   {QStringLiteral("not_met"), qint64(result.not_met[t])},
                                   {QStringLiteral("missing"), qint64(result.missing[t])},
                                   {QStringLiteral("missing_towns"), QJsonArray::fromStringList(missing)}});
  }
  html += QStringLiteral("</table><h2>%1</h2><table border=\"1\"><tr><th>%2</th><th>%3</th><th>%4</th></tr>")
              .arg(tr("Towns"), tr("town"), tr("targets met"), tr("targets with a value"));
  QJsonArray jsonTowns;
  std::vector<size_t> order(towns.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return result.met_count[x] > result.met_count[y]; });
  for (size_t i : order) {
    html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>").arg(escape(townName(i))).arg(result.met_count[i]).arg(result.known_count[i]);
    jsonTowns.append(QJsonObject{{QStringLiteral("name"), townName(i)}, {QStringLiteral("fid"), qint64(towns[i].id())},
                                 {QStringLiteral("met"), result.met_count[i]}, {QStringLiteral("known"), result.known_count[i]}});
  }
  html += QStringLiteral("</table></body></html>");
  const QJsonObject root{{QStringLiteral("targets"), jsonTargets}, {QStringLiteral("towns"), jsonTowns},
                         {QStringLiteral("all_met"), qint64(allMet)}};
  const QString jsonPath = writeReportFiles(REPORT, reportPath, html.toUtf8(), QJsonDocument(root).toJson());
  outputs.insert(REPORT, reportPath);
  outputs.insert(QStringLiteral("REPORT_JSON"), jsonPath);
}
