#include "hierarchyreport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace {

QString tr(const char* text) { return QCoreApplication::translate("HierarchyReport", text); }

QString number(double v, int decimals = 4) {
  return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

QJsonValue jsonNumber(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }

QString escape(const QString& s) { return s.toHtmlEscaped(); }

// Ranks ordered best first.
std::vector<size_t> byRank(const poleaxis::HierarchyResult& h) {
  std::vector<size_t> order(h.rank.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return h.rank[a] < h.rank[b]; });
  return order;
}

}  // namespace

QString HierarchyReport::chartSvg() const {
  if (!rankSize) return QString();
  const poleaxis::RankSize& rs = *rankSize;
  const double w = 640, h = 420, left = 70, right = 20, top = 30, bottom = 50;
  const double xMax = std::log10(double(rs.used)), yMin = std::floor(std::log10(rs.sorted.back())),
               yMax = std::ceil(std::log10(rs.sorted.front()));
  const double xSpan = std::max(xMax, 1.0), ySpan = std::max(yMax - yMin, 1.0);
  auto px = [&](double lx) { return left + (w - left - right) * lx / xSpan; };
  auto py = [&](double ly) { return h - bottom - (h - top - bottom) * (ly - yMin) / ySpan; };
  QString svg = QStringLiteral(
                    "<svg xmlns='http://www.w3.org/2000/svg' width='%1' height='%2' font-family='sans-serif' font-size='12'>"
                    "<rect width='100%' height='100%' fill='white'/>")
                    .arg(w)
                    .arg(h);
  for (int e = 0; e <= int(std::floor(xSpan)); ++e)
    svg += QStringLiteral("<line x1='%1' y1='%2' x2='%1' y2='%3' stroke='#ddd'/><text x='%1' y='%4' text-anchor='middle'>%5</text>")
               .arg(px(e))
               .arg(top)
               .arg(h - bottom)
               .arg(h - bottom + 16)
               .arg(std::pow(10, e));
  for (int e = int(yMin); e <= int(yMax); ++e)
    svg += QStringLiteral("<line x1='%1' y1='%3' x2='%2' y2='%3' stroke='#ddd'/><text x='%4' y='%5' text-anchor='end'>1e%6</text>")
               .arg(left)
               .arg(w - right)
               .arg(py(e))
               .arg(left - 6)
               .arg(py(e) + 4)
               .arg(e);
  for (size_t i = 0; i < rs.sorted.size(); ++i)
    svg += QStringLiteral("<circle cx='%1' cy='%2' r='2.2' fill='#b2182b' fill-opacity='0.7'/>")
               .arg(px(std::log10(double(i + 1))), 0, 'f', 1)
               .arg(py(std::log10(rs.sorted[i])), 0, 'f', 1);
  // Fitted line: log10 P = (ln P1 − q ln r)/ln 10.
  const double y0 = rs.ln_p1 / std::log(10.0), y1 = y0 - rs.q * xMax;
  svg += QStringLiteral("<line x1='%1' y1='%2' x2='%3' y2='%4' stroke='#2166ac' stroke-width='2'/>")
             .arg(px(0))
             .arg(py(y0))
             .arg(px(xMax))
             .arg(py(y1));
  svg += QStringLiteral("<text x='%1' y='%2' text-anchor='middle'>%3</text>").arg((w + left) / 2).arg(h - 10).arg(escape(tr("rank (log scale)")));
  svg += QStringLiteral("<text x='%1' y='18'>%2</text>")
             .arg(left)
             .arg(escape(tr("%1 (log scale); fit: q = %2, R² = %3").arg(rankSizeField, number(rs.q, 3), number(rs.r2, 3))));
  svg += QStringLiteral("</svg>");
  return svg;
}

QString HierarchyReport::html() const {
  const poleaxis::HierarchyResult& hr = *hierarchy;
  QString out = QStringLiteral(
                    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>%1</title><style>"
                    "body{font-family:'Noto Sans CJK SC','Noto Sans',sans-serif;margin:2em;max-width:60em}"
                    "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #bbb;padding:0.25em 0.6em;text-align:right}"
                    "th{background:#eee}td.t{text-align:left}.note{color:#a50}</style></head><body><h1>%1</h1>")
                    .arg(escape(title));
  for (const QString& note : notes) out += QStringLiteral("<p class='note'>%1</p>").arg(escape(note));

  out += QStringLiteral("<h2>%1</h2><table><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
             .arg(tr("Indicator weights"), tr("indicator"), tr("direction"), tr("entropy e"), tr("weight w"));
  for (const poleaxis::IndicatorWeight& w : hr.score.weights)
    out += QStringLiteral("<tr><td class='t'>%1</td><td class='t'>%2</td><td>%3</td><td>%4</td></tr>")
               .arg(escape(QString::fromStdString(w.name)), w.cost ? tr("cost") : tr("benefit"),
                    w.constant ? tr("constant") : number(w.entropy), number(w.weight));
  out += QStringLiteral("</table>");

  out += QStringLiteral("<h2>%1</h2><p>%2</p><table><tr><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>")
             .arg(tr("Levels"),
                  escape(tr("%1, %2 levels; goodness of variance fit %3.").arg(classification).arg(hr.levels).arg(number(hr.gvf, 3))),
                  tr("level"), tr("score above"), tr("score up to"), tr("towns"));
  for (int level = 1; level <= hr.levels; ++level) {
    const size_t cls = size_t(hr.levels - level);
    // Levels given from an administrative kind have no score breaks.
    const bool bounded = cls < hr.breaks.size();
    const double lower = cls == 0 || !bounded ? -INFINITY : hr.breaks[cls - 1];
    out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
               .arg(level)
               .arg(bounded ? number(lower) : QStringLiteral("—"))
               .arg(bounded ? number(hr.breaks[cls]) : QStringLiteral("—"))
               .arg(hr.level_counts[size_t(level - 1)]);
  }
  out += QStringLiteral("</table>");

  const size_t poles = size_t(std::count(hr.is_pole.begin(), hr.is_pole.end(), 1));
  out += QStringLiteral("<h2>%1</h2><table><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>")
             .arg(tr("Ranking (top 30) and growth poles: %1").arg(poles), tr("rank"), tr("town"), tr("score"), tr("level"), tr("pole"));
  const std::vector<size_t> order = byRank(hr);
  for (size_t r = 0; r < order.size() && r < 30; ++r) {
    const size_t i = order[r];
    out += QStringLiteral("<tr><td>%1</td><td class='t'>%2</td><td>%3</td><td>%4</td><td class='t'>%5</td></tr>")
               .arg(hr.rank[i])
               .arg(escape(i < size_t(townNames.size()) ? townNames[int(i)] : QString()))
               .arg(number(hr.score.score[i]))
               .arg(hr.level[i])
               .arg(hr.is_pole[i] ? tr("pole") : QString());
  }
  out += QStringLiteral("</table>");

  out += QStringLiteral("<h2>%1</h2>").arg(tr("City-size distribution"));
  if (!rankSize) {
    out += QStringLiteral("<p>%1</p>").arg(tr("No rank-size fit: fewer than 3 towns with a population above 0."));
  } else {
    const poleaxis::RankSize& rs = *rankSize;
    out += QStringLiteral("<p>%1</p><table>").arg(escape(tr("Rank-size rule ln P = ln P1 − q·ln r fitted by least squares on %1 towns with %2 > 0 (%3 with 0 left out).")
                                                             .arg(rs.used).arg(rankSizeField).arg(rs.zero)));
    const std::vector<std::pair<QString, QString>> rows{
        {tr("q (Zipf exponent)"), number(rs.q)},
        {tr("R²"), number(rs.r2)},
        {tr("fitted P1 = exp(ln P1)"), number(std::exp(rs.ln_p1), 0)},
        {tr("largest P1"), number(rs.sorted.front(), 0)},
        {tr("primacy S2 = P1/P2"), number(rs.s2)},
        {tr("four-city index S4 = P1/(P2+P3+P4)"), number(rs.s4)},
        {tr("eleven-city index S11 = 2·P1/(P2+…+P11)"), number(rs.s11)},
        {tr("Gini coefficient"), number(rs.gini)}};
    for (const auto& [label, value] : rows)
      out += QStringLiteral("<tr><td class='t'>%1</td><td>%2</td></tr>").arg(escape(label), value);
    out += QStringLiteral("</table><img alt='%1' src='data:image/svg+xml;base64,%2'/>")
               .arg(escape(tr("rank-size chart")), QString::fromLatin1(chartSvg().toUtf8().toBase64()));
  }
  out += QStringLiteral("</body></html>");
  return out;
}

QByteArray HierarchyReport::json() const {
  const poleaxis::HierarchyResult& hr = *hierarchy;
  QJsonObject root;
  root[QStringLiteral("title")] = title;
  root[QStringLiteral("classification")] = classification;
  root[QStringLiteral("notes")] = QJsonArray::fromStringList(notes);
  QJsonArray weights;
  for (const poleaxis::IndicatorWeight& w : hr.score.weights)
    weights.append(QJsonObject{{QStringLiteral("indicator"), QString::fromStdString(w.name)},
                               {QStringLiteral("cost"), w.cost},
                               {QStringLiteral("constant"), w.constant},
                               {QStringLiteral("entropy"), w.entropy},
                               {QStringLiteral("weight"), w.weight}});
  root[QStringLiteral("weights")] = weights;
  QJsonArray levels;
  for (int level = 1; level <= hr.levels; ++level) {
    const size_t cls = size_t(hr.levels - level);
    const bool bounded = cls < hr.breaks.size();
    levels.append(QJsonObject{{QStringLiteral("level"), level},
                              {QStringLiteral("score_max"), bounded ? QJsonValue(hr.breaks[cls]) : QJsonValue()},
                              {QStringLiteral("score_min_exclusive"), cls == 0 || !bounded ? QJsonValue() : QJsonValue(hr.breaks[cls - 1])},
                              {QStringLiteral("towns"), qint64(hr.level_counts[size_t(level - 1)])}});
  }
  root[QStringLiteral("levels")] = levels;
  root[QStringLiteral("gvf")] = std::isfinite(hr.gvf) ? QJsonValue(hr.gvf) : QJsonValue();
  QJsonArray poles;
  for (size_t i : byRank(hr))
    if (hr.is_pole[i]) poles.append(i < size_t(townNames.size()) ? townNames[int(i)] : QString());
  root[QStringLiteral("poles")] = poles;
  if (rankSize) {
    const poleaxis::RankSize& rs = *rankSize;
    root[QStringLiteral("rank_size")] = QJsonObject{{QStringLiteral("field"), rankSizeField},
                                                    {QStringLiteral("towns_used"), qint64(rs.used)},
                                                    {QStringLiteral("towns_zero"), qint64(rs.zero)},
                                                    {QStringLiteral("q"), rs.q},
                                                    {QStringLiteral("r2"), rs.r2},
                                                    {QStringLiteral("fitted_p1"), std::exp(rs.ln_p1)},
                                                    {QStringLiteral("s2"), jsonNumber(rs.s2)},
                                                    {QStringLiteral("s4"), jsonNumber(rs.s4)},
                                                    {QStringLiteral("s11"), jsonNumber(rs.s11)},
                                                    {QStringLiteral("gini"), rs.gini}};
  }
  return QJsonDocument(root).toJson(QJsonDocument::Indented);
}
