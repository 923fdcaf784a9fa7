// Moving features between QGIS and the plain types of algorithms/: points to
// WGS 84 lon/lat (the core's geodesic frame) and polygons both ways.
#pragma once

#include <qgsattributes.h>
#include <qgsfeature.h>
#include <qgscoordinatereferencesystem.h>
#include <qgscoordinatetransform.h>
#include <qgsfeatureid.h>
#include <qgsgeometry.h>
#include <qgsrectangle.h>

#include <vector>

#include "poleaxis/geo_types.h"
#include "poleaxis/line_index.h"

class QgsFeatureSource;
class QgsFeedback;
class QgsProcessingContext;
class QgsProcessingFeedback;

namespace conversion {

// The one "Canceled." exception every algorithm raises when the user cancels.
[[noreturn]] void throwCanceled();
void throwIfCanceled(const QgsFeedback* feedback);

// WGS 84, the frame every geodesic computation works in.
QgsCoordinateReferenceSystem wgs84();

// A projected CRS in metres for a lon/lat extent: the UTM zone when it is
// at most 6° wide and 10° high, else an azimuthal equidistant projection on
// its centre.
QgsCoordinateReferenceSystem localProjectedCrs(const QgsRectangle& lonlat);

// The projected CRS an algorithm works in: `given` when valid, else
// localProjectedCrs(lonlat). Logs the choice and its largest scale error over
// `what` (the extent). A given CRS is refused, naming `parameter`, when it is
// geographic, when its unit is not the metre (US feet would be read as
// metres), or when it distorts distances over the extent by more than
// kMaxScaleError (a zone far from the data); the local CRS only warns then.
struct WorkingCrs {
  QgsCoordinateReferenceSystem crs;
  QgsCoordinateTransform toWork;    // from WGS 84
  QgsCoordinateTransform fromWork;  // to WGS 84
};
constexpr double kMaxScaleError = 0.05;
WorkingCrs workingCrs(const QgsRectangle& lonlat, const QgsCoordinateReferenceSystem& given, const QString& parameter,
                      const QString& what, const QgsProcessingContext& context, QgsProcessingFeedback* feedback);

// Whether planar work may use a projected layer's own coordinates as ground
// distances: its unit is known and its scale error over `lonlat` stays within
// 2 %. Otherwise (Web Mercator at 44° N: 38 %) it logs why, and the caller
// works from lon/lat in a working CRS instead, so that kilometres are
// kilometres on the ground whatever the layer's CRS.
bool measuresGround(const QgsCoordinateReferenceSystem& layerCrs, const QgsRectangle& lonlat, const QString& parameter,
                    const QgsProcessingContext& context, QgsProcessingFeedback* feedback);

// Points through a transform in one PROJ call.
std::vector<poleaxis::Point> transformPoints(const std::vector<poleaxis::Point>& points, const QgsCoordinateTransform& transform);

// Transform from a layer's CRS to WGS 84; throws QgsProcessingException
// naming `parameter` when the layer has no valid CRS.
QgsCoordinateTransform toWgs84(const QgsCoordinateReferenceSystem& crs, const QString& parameter,
                               const QgsProcessingContext& context);

struct PointTable {
  std::vector<poleaxis::Point> lonlat;
  std::vector<poleaxis::Point> native;    // the same points in the layer's CRS
  std::vector<QgsFeatureId> ids;
  std::vector<QgsFeature> features;       // filled when asked for (attributes and original geometry)
  long withoutGeometry = 0;               // null or empty geometries, skipped
  std::vector<QgsFeatureId> withoutGeometryIds;  // their feature ids
  std::vector<QgsFeature> withoutGeometryFeatures;  // those rows, when features are kept: outputs keep every row
};

// Reads a point layer as lon/lat. Null and empty geometries are skipped and
// counted; a multipoint with more than one part, a non-point geometry or a
// point that cannot be transformed is refused with a QgsProcessingException
// naming the parameter and the feature id. Honours cancel; reports progress
// into [progressFrom, progressTo].
// toLonLat false leaves `lonlat` empty (planar work on a projected layer).
PointTable readPoints(const QgsFeatureSource& source, const QString& parameter,
                      const QgsProcessingContext& context, QgsProcessingFeedback* feedback,
                      bool keepFeatures, double progressFrom, double progressTo, bool toLonLat = true);

struct LineTable {
  std::vector<poleaxis::Line> lines;  // lon/lat parts of each feature
  std::vector<QgsFeatureId> ids;
  std::vector<QString> classes;      // the class field's value per line, when asked for
  std::vector<QgsAttributes> attributes;  // every attribute per line, when asked for
  long withoutGeometry = 0;          // null or empty geometries, skipped
  long degenerateParts = 0;          // parts with fewer than 2 distinct points, dropped
};

// Reads a line layer as lon/lat polylines (curves segmentised). A non-line
// geometry is refused naming the parameter and feature; null and empty ones
// are skipped and counted. classField < 0: no classes.
LineTable readLines(const QgsFeatureSource& source, const QString& parameter, const QgsProcessingContext& context,
                    QgsProcessingFeedback* feedback, int classField = -1, bool keepAttributes = false);

// Polygons of a layer in WGS 84, dissolved and repaired; null/empty geometries
// are skipped. Used for study areas.
poleaxis::MultiPolygon readPolygonsAsLonLat(const QgsFeatureSource& source, const QString& parameter,
                                             const QgsProcessingContext& context,
                                             QgsProcessingFeedback* feedback);

// Polygonal parts of a geometry (curves segmentised); other parts ignored.
poleaxis::MultiPolygon toMultiPolygon(const QgsGeometry& geometry);
QgsGeometry toGeometry(const poleaxis::MultiPolygon& polygons);
QgsGeometry toGeometry(const poleaxis::Polygon& polygon);

// An output polygon as it is written: when the transform back to the layer's
// CRS (or float rounding in a large union) left it invalid for GEOS, it is
// made valid and only its polygon parts are kept. Multi-type. Every polygon
// output goes through here, so that none is invalid (isGeosValid).
// The lon/lat extent of points, across ±180 when that is narrower (xmax
// then above 180): what a working CRS is chosen on.
QgsRectangle lonLatExtentOf(const std::vector<poleaxis::Point>& lonlat);

// Polygons from a working CRS back to lon/lat, vertex by vertex, through
// poleaxis::lonlat_polygons: a shape across ±180 is split there, one around
// a pole is closed along it, so the lon/lat polygon covers what the shape did.
poleaxis::MultiPolygon polygonsToLonLat(const poleaxis::MultiPolygon& work, const QgsCoordinateTransform& fromWork);
QgsGeometry validPolygons(QgsGeometry geometry);

// Numeric attribute as double; NaN for NULL or non-numeric values. Text with
// thousands separators ("1,000") reads as the number.
double numberOrNan(const QVariant& value);
// A value for a message: NULL, the number, or 'text' (not a number).
QString describeValue(const QVariant& value);

}  // namespace conversion
