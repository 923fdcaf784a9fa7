#include "conversion.h"

#include "poleaxis/geodesic_circle.h"
#include "qgiscompat.h"

#include <qgsexception.h>
#include <qgsfeaturerequest.h>
#include <qgsfeaturesource.h>
#include <qgsgeometrycollection.h>
#include <qgsmultipoint.h>
#include <qgspoint.h>
#include <qgsprocessingcontext.h>
#include <qgsprocessingfeedback.h>

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <limits>

#include "poleaxis/geodesic.h"
#include "poleaxis/polygon_ops.h"

namespace conversion {

namespace {

// lupdate files these under the context "conversion" (the namespace).
QString tr(const char* text) { return QCoreApplication::translate("conversion", text); }

poleaxis::Ring toRing(const QgsPolylineXY& line) {
  poleaxis::Ring ring;
  ring.reserve(size_t(line.size()));
  for (const QgsPointXY& p : line) ring.push_back({p.x(), p.y()});
  return ring;
}

void appendPolygon(const QgsPolygonXY& polygon, poleaxis::MultiPolygon& out) {
  poleaxis::Polygon p;
  for (const QgsPolylineXY& ring : polygon)
    if (ring.size() >= 4) p.rings.push_back(toRing(ring));
  if (!p.rings.empty()) out.push_back(std::move(p));
}

QgsPolygonXY toPolygonXY(const poleaxis::Polygon& polygon) {
  QgsPolygonXY rings;
  for (const poleaxis::Ring& ring : polygon.rings) {
    QgsPolylineXY line;
    line.reserve(int(ring.size()));
    for (const poleaxis::Point& p : ring) line.append(QgsPointXY(p.x, p.y));
    rings.append(line);
  }
  return rings;
}

void transformOrRefuse(QgsGeometry& g, const QgsCoordinateTransform& transform, const QString& parameter,
                       QgsFeatureId id) {
  try {
    g.transform(transform);
  } catch (const QgsCsException& e) {
    throw QgsProcessingException(
        tr("%1: feature %2 cannot be transformed to WGS 84: %3").arg(parameter).arg(id).arg(e.what()));
  }
}

// Refuses a geometry (in WGS 84) with a vertex that is not a number or lies
// off the globe: NaN vertices hung the overlay, and lon 500 was written back.
void refuseOffGlobe(const QgsGeometry& g, const QString& parameter, QgsFeatureId id) {
  for (auto v = g.vertices_begin(); v != g.vertices_end(); ++v) {
    const QgsPoint p = *v;
    if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
      throw QgsProcessingException(tr("%1: feature %2 has a vertex that is not a number. Fix or delete that vertex (Vertex tool, or "
                                      "Check validity) and run again.")
                                       .arg(parameter)
                                       .arg(id));
    if (std::fabs(p.y()) > 90.0 || std::fabs(p.x()) > 180.0 + 1e-9)
      throw QgsProcessingException(tr("%1: feature %2 has a vertex off the globe (%3, %4 in WGS 84). Check the layer's CRS and "
                                      "coordinates (longitudes −180…180, latitudes −90…90).")
                                       .arg(parameter)
                                       .arg(id)
                                       .arg(p.x())
                                       .arg(p.y()));
  }
}

}  // namespace

void throwCanceled() { throw QgsProcessingException(tr("Canceled.")); }

void throwIfCanceled(const QgsFeedback* feedback) {
  if (feedback && feedback->isCanceled()) throwCanceled();
}

QgsCoordinateReferenceSystem wgs84() { return QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")); }

QgsCoordinateReferenceSystem localProjectedCrs(const QgsRectangle& lonlat) {
  // An extent across ±180 has its centre beyond 180.
  const double lon = std::remainder(lonlat.center().x(), 360.0), lat = lonlat.center().y();
  if (lonlat.width() <= 6.0 && lonlat.height() <= 10.0) {
    const int zone = std::clamp(int(std::floor((lon + 180.0) / 6.0)) + 1, 1, 60);
    return QgsCoordinateReferenceSystem(QStringLiteral("EPSG:%1").arg((lat >= 0 ? 32600 : 32700) + zone));
  }
  return QgsCoordinateReferenceSystem::fromProj(
      QStringLiteral("+proj=aeqd +lat_0=%1 +lon_0=%2 +ellps=WGS84 +units=m +no_defs").arg(lat, 0, 'f', 4).arg(lon, 0, 'f', 4));
}

namespace {
// Largest scale error of a projection over an extent: 1 km geodesic steps
// east and north from a 5×5 grid of points, measured in the projection
// (its units times metresPerUnit).
double scaleError(const QgsRectangle& lonlat, const QgsCoordinateTransform& toWork, double metresPerUnit = 1.0) {
  const poleaxis::Geodesic& g = poleaxis::Geodesic::wgs84();
  double worst = 0;
  for (int i = 0; i <= 4; ++i)
    for (int j = 0; j <= 4; ++j) {
      const poleaxis::Point p{lonlat.xMinimum() + lonlat.width() * i / 4, lonlat.yMinimum() + lonlat.height() * j / 4};
      const QgsPointXY a = toWork.transform(QgsPointXY(p.x, p.y));
      for (double azimuth : {0.0, 90.0}) {
        const poleaxis::Point q = g.destination(p, azimuth, 1000.0);
        worst = std::max(worst, std::fabs(a.distance(toWork.transform(QgsPointXY(q.x, q.y))) * metresPerUnit / 1000.0 - 1.0));
      }
    }
  return worst;
}
}  // namespace

WorkingCrs workingCrs(const QgsRectangle& lonlat, const QgsCoordinateReferenceSystem& given, const QString& parameter,
                      const QString& what, const QgsProcessingContext& context, QgsProcessingFeedback* feedback) {
  if (given.isValid() && given.isGeographic())
    throw QgsProcessingException(tr("%1: %2 is geographic; choose a projected CRS in metres.").arg(parameter, given.authid()));
  if (given.isValid() && given.mapUnits() != compat::Metres)
    throw QgsProcessingException(tr("%1: %2 measures in %3, but distances and areas are worked in metres. Choose a projected CRS in "
                                    "metres (the local UTM zone, say), or leave %1 empty for a local one.")
                                     .arg(parameter, given.authid(), QgsUnitTypes::toString(given.mapUnits())));
  WorkingCrs out;
  out.crs = given.isValid() ? given : localProjectedCrs(lonlat);
  out.toWork = QgsCoordinateTransform(wgs84(), out.crs, context.transformContext());
  out.fromWork = QgsCoordinateTransform(out.crs, wgs84(), context.transformContext());
  const double error = scaleError(lonlat, out.toWork);
  const QString name = out.crs.authid().isEmpty() ? out.crs.toProj() : out.crs.authid();
  if (given.isValid() && !(error <= kMaxScaleError))
    throw QgsProcessingException(tr("%1: %2 distorts distances by up to %3 % over %4, more than %5 %: it is made for another area. "
                                    "Choose a CRS made for this area, or leave %1 empty for a local one.")
                                     .arg(parameter, name)
                                     .arg(100.0 * error, 0, 'f', 1)
                                     .arg(what)
                                     .arg(100.0 * kMaxScaleError, 0, 'f', 0));
  if (feedback) {
    feedback->pushInfo(tr("Working CRS: %1 (%2); largest scale error over %3 %4 %.")
                           .arg(name, out.crs.description(), what)
                           .arg(100.0 * error, 0, 'f', 3));
    if (!(error <= kMaxScaleError))
      feedback->pushWarning(tr("The local working CRS distorts distances by up to %1 % over %2: the extent is very large. Results "
                               "in km are approximate; split the area, or choose WORKING_CRS.")
                                .arg(100.0 * error, 0, 'f', 1)
                                .arg(what));
  }
  return out;
}

bool measuresGround(const QgsCoordinateReferenceSystem& layerCrs, const QgsRectangle& lonlat, const QString& parameter,
                    const QgsProcessingContext& context, QgsProcessingFeedback* feedback) {
  if (layerCrs.isGeographic() || layerCrs.mapUnits() == compat::UnknownDistanceUnit) return false;
  const double metresPerUnit = QgsUnitTypes::fromUnitToUnitFactor(layerCrs.mapUnits(), compat::Metres);
  const QgsCoordinateTransform toLayer(wgs84(), layerCrs, context.transformContext());
  const double worst = scaleError(lonlat, toLayer, metresPerUnit);
  if (worst <= 0.02) return true;
  if (feedback)
    feedback->pushInfo(tr("%1: the layer's CRS %2 distorts distances by up to %3 % over the data, so the work is done from "
                          "lon/lat on the ground (outputs stay in %2).")
                           .arg(parameter, layerCrs.authid())
                           .arg(100.0 * worst, 0, 'f', 1));
  return false;
}

std::vector<poleaxis::Point> transformPoints(const std::vector<poleaxis::Point>& points, const QgsCoordinateTransform& transform) {
  QVector<double> x(int(points.size())), y(int(points.size())), z(int(points.size()), 0.0);
  for (size_t i = 0; i < points.size(); ++i) x[int(i)] = points[i].x, y[int(i)] = points[i].y;
  transform.transformInPlace(x, y, z);
  std::vector<poleaxis::Point> out(points.size());
  for (size_t i = 0; i < points.size(); ++i) out[i] = {x[int(i)], y[int(i)]};
  return out;
}

QgsCoordinateTransform toWgs84(const QgsCoordinateReferenceSystem& crs, const QString& parameter,
                               const QgsProcessingContext& context) {
  if (!crs.isValid())
    throw QgsProcessingException(
        tr("%1: the layer has no coordinate reference system. Set it in Layer Properties ▸ Source, or run Assign projection first.")
            .arg(parameter));
  return QgsCoordinateTransform(crs, wgs84(), context.transformContext());
}

double numberOrNan(const QVariant& value) {
  if (value.isNull() || !value.isValid()) return std::numeric_limits<double>::quiet_NaN();
  bool ok = false;
  double v = value.toDouble(&ok);
  if (!ok && value.userType() == QMetaType::QString) {
    // Survey spreadsheets write thousands with commas ("1,000", "12,345.5"):
    // read those as numbers, and nothing else ("1,5" and "abc" stay NaN).
    static const QRegularExpression thousands(QStringLiteral("^\\s*[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?\\s*$"));
    const QString text = value.toString();
    if (thousands.match(text).hasMatch()) v = QString(text).remove(QLatin1Char(',')).trimmed().toDouble(&ok);
  }
  return ok && std::isfinite(v) ? v : std::numeric_limits<double>::quiet_NaN();
}

QString describeValue(const QVariant& value) {
  if (value.isNull() || !value.isValid()) return QStringLiteral("NULL");
  return std::isnan(numberOrNan(value)) ? tr("'%1' (not a number)").arg(value.toString().left(40)) : value.toString();
}

PointTable readPoints(const QgsFeatureSource& source, const QString& parameter,
                      const QgsProcessingContext& context, QgsProcessingFeedback* feedback,
                      bool keepFeatures, double progressFrom, double progressTo, bool toLonLat) {
  const QgsCoordinateTransform transform = toWgs84(source.sourceCrs(), parameter, context);
  PointTable table;
  QgsFeatureRequest request;
  if (!keepFeatures) request.setNoAttributes();
  const long total = source.featureCount();
  const double step = total > 0 ? (progressTo - progressFrom) / double(total) : 0.0;
  QgsFeatureIterator it = source.getFeatures(request);
  QgsFeature f;
  long index = 0;
  while (it.nextFeature(f)) {
    if (feedback && feedback->isCanceled()) break;
    if (feedback && (index++ % 1024) == 0) feedback->setProgress(progressFrom + step * double(index));
    const QgsGeometry g = f.geometry();
    if (g.isNull() || g.isEmpty()) {
      ++table.withoutGeometry;
      table.withoutGeometryIds.push_back(f.id());
      if (keepFeatures) table.withoutGeometryFeatures.push_back(f);
      continue;
    }
    if (QgsWkbTypes::geometryType(g.wkbType()) != compat::PointGeometry)
      throw QgsProcessingException(tr("%1: feature %2 is not a point. Use a point layer, or run Centroids first.")
                                       .arg(parameter)
                                       .arg(f.id()));
    const QgsAbstractGeometry* geometry = g.constGet();
    if (g.isMultipart()) {
      const int parts = qgsgeometry_cast<const QgsGeometryCollection*>(geometry)->numGeometries();
      if (parts != 1)
        throw QgsProcessingException(tr("%1: feature %2 is a multipoint with %3 parts. Split it with Multipart to singleparts first.")
                                         .arg(parameter)
                                         .arg(f.id())
                                         .arg(parts));
      geometry = qgsgeometry_cast<const QgsGeometryCollection*>(geometry)->geometryN(0);
    }
    const QgsPoint* point = qgsgeometry_cast<const QgsPoint*>(geometry);
    table.native.push_back({point->x(), point->y()});
    table.ids.push_back(f.id());
    if (keepFeatures) table.features.push_back(f);
  }
  throwIfCanceled(feedback);
  for (size_t i = 0; i < table.native.size(); ++i)
    if (!std::isfinite(table.native[i].x) || !std::isfinite(table.native[i].y))
      throw QgsProcessingException(tr("%1: feature %2 has a coordinate that is not a number. Fix its geometry or filter it out.")
                                       .arg(parameter)
                                       .arg(table.ids[i]));
  if (!toLonLat) return table;

  // One PROJ call for the layer; only when it fails, point by point to name the feature.
  auto outsideGlobe = [](const poleaxis::Point& p) {
    return !std::isfinite(p.x) || !std::isfinite(p.y) || std::fabs(p.y) > 90.0 || std::fabs(p.x) > 180.0 + 1e-9;
  };
  bool failed = false;
  try {
    table.lonlat = transform.isShortCircuited() ? table.native : transformPoints(table.native, transform);
    failed = std::any_of(table.lonlat.begin(), table.lonlat.end(), outsideGlobe);
  } catch (const QgsCsException&) {
    failed = true;
  }
  if (failed) {
    table.lonlat.resize(table.native.size());
    for (size_t i = 0; i < table.native.size(); ++i) {
      QgsPointXY point(table.native[i].x, table.native[i].y);
      try {
        point = transform.transform(point);
      } catch (const QgsCsException& e) {
        throw QgsProcessingException(tr("%1: feature %2 cannot be transformed to WGS 84: %3")
                                         .arg(parameter)
                                         .arg(table.ids[i])
                                         .arg(e.what()));
      }
      if (outsideGlobe({point.x(), point.y()}))
        throw QgsProcessingException(tr("%1: feature %2 lies outside the globe (%3, %4 in WGS 84). Check the layer's CRS.")
                                         .arg(parameter)
                                         .arg(table.ids[i])
                                         .arg(point.x())
                                         .arg(point.y()));
      table.lonlat[i] = {point.x(), point.y()};
    }
  }
  return table;
}

LineTable readLines(const QgsFeatureSource& source, const QString& parameter, const QgsProcessingContext& context,
                    QgsProcessingFeedback* feedback, int classField, bool keepAttributes) {
  const QgsCoordinateTransform transform = toWgs84(source.sourceCrs(), parameter, context);
  LineTable table;
  QgsFeatureRequest request;
  if (classField < 0 && !keepAttributes) request.setNoAttributes();
  QgsFeatureIterator it = source.getFeatures(request);
  QgsFeature f;
  while (it.nextFeature(f)) {
    throwIfCanceled(feedback);
    QgsGeometry g = f.geometry();
    if (g.isNull() || g.isEmpty()) {
      ++table.withoutGeometry;
      continue;
    }
    if (QgsWkbTypes::geometryType(g.wkbType()) != compat::LineGeometry)
      throw QgsProcessingException(tr("%1: feature %2 is not a line.").arg(parameter).arg(f.id()));
    if (QgsWkbTypes::isCurvedType(g.wkbType())) g = QgsGeometry(g.constGet()->segmentize());
    transformOrRefuse(g, transform, parameter, f.id());
    refuseOffGlobe(g, parameter, f.id());
    const QgsMultiPolylineXY parts = g.isMultipart() ? g.asMultiPolyline() : QgsMultiPolylineXY{g.asPolyline()};
    poleaxis::Line line;
    for (const QgsPolylineXY& part : parts) {
      poleaxis::Polyline points;
      for (const QgsPointXY& p : part)
        if (points.empty() || points.back().x != p.x() || points.back().y != p.y()) points.push_back({p.x(), p.y()});
      if (points.size() >= 2)
        line.push_back(std::move(points));
      else
        ++table.degenerateParts;
    }
    if (line.empty()) continue;
    table.lines.push_back(std::move(line));
    table.ids.push_back(f.id());
    if (classField >= 0) table.classes.push_back(f.attribute(classField).toString());
    if (keepAttributes) table.attributes.push_back(f.attributes());
  }
  return table;
}

// Unqualified return type: lupdate 5.15.15 (Debian 13) files the tr() calls
// of a function returning poleaxis::… under the context "poleaxis".
using PolygonsLonLat = poleaxis::MultiPolygon;
PolygonsLonLat readPolygonsAsLonLat(const QgsFeatureSource& source, const QString& parameter, const QgsProcessingContext& context,
                                    QgsProcessingFeedback* feedback) {
  const QgsCoordinateTransform transform = toWgs84(source.sourceCrs(), parameter, context);
  poleaxis::MultiPolygon all;
  QgsFeatureIterator it = source.getFeatures(QgsFeatureRequest().setNoAttributes());
  QgsFeature f;
  while (it.nextFeature(f)) {
    throwIfCanceled(feedback);
    QgsGeometry g = f.geometry();
    if (g.isNull() || g.isEmpty()) continue;
    if (QgsWkbTypes::geometryType(g.wkbType()) != compat::PolygonGeometry)
      throw QgsProcessingException(tr("%1: feature %2 is not a polygon.").arg(parameter).arg(f.id()));
    transformOrRefuse(g, transform, parameter, f.id());
    refuseOffGlobe(g, parameter, f.id());
    const poleaxis::MultiPolygon parts = toMultiPolygon(g);
    all.insert(all.end(), parts.begin(), parts.end());
  }
  return poleaxis::make_valid(all);
}

poleaxis::MultiPolygon toMultiPolygon(const QgsGeometry& geometry) {
  poleaxis::MultiPolygon out;
  if (geometry.isNull() || geometry.isEmpty()) return out;
  QgsGeometry linear = geometry;
  if (QgsWkbTypes::isCurvedType(linear.wkbType())) linear = QgsGeometry(linear.constGet()->segmentize());
  if (linear.isMultipart()) {
    for (const QgsPolygonXY& polygon : linear.asMultiPolygon()) appendPolygon(polygon, out);
  } else {
    appendPolygon(linear.asPolygon(), out);
  }
  return out;
}

QgsGeometry toGeometry(const poleaxis::Polygon& polygon) {
  return QgsGeometry::fromPolygonXY(toPolygonXY(polygon));
}

QgsRectangle lonLatExtentOf(const std::vector<poleaxis::Point>& lonlat) {
  if (lonlat.empty()) return compat::emptyRectangle();
  const poleaxis::Bounds b = poleaxis::compact_lonlat_bounds(lonlat);
  return QgsRectangle(b.xmin, b.ymin, b.xmax, b.ymax, false);
}

poleaxis::MultiPolygon polygonsToLonLat(const poleaxis::MultiPolygon& work, const QgsCoordinateTransform& fromWork) {
  poleaxis::MultiPolygon lonlat = work;
  for (poleaxis::Polygon& polygon : lonlat)
    for (poleaxis::Ring& ring : polygon.rings) ring = transformPoints(ring, fromWork);
  return poleaxis::lonlat_polygons(lonlat);
}

QgsGeometry validPolygons(QgsGeometry geometry) {
  if (geometry.isNull() || geometry.isEmpty()) return geometry;
  if (!geometry.isGeosValid()) {
    QgsGeometry fixed = geometry.makeValid();
    fixed.convertGeometryCollectionToSubclass(compat::PolygonGeometry);
    if (!fixed.isNull()) geometry = fixed;
  }
  geometry.convertToMultiType();
  return geometry;
}

QgsGeometry toGeometry(const poleaxis::MultiPolygon& polygons) {
  QgsMultiPolygonXY parts;
  parts.reserve(int(polygons.size()));
  for (const poleaxis::Polygon& polygon : polygons) parts.append(toPolygonXY(polygon));
  return QgsGeometry::fromMultiPolygonXY(parts);
}

}  // namespace conversion
