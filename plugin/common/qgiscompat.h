// The one place where QGIS versions differ. QGIS 3.30–3.40 moved many enums
// into the Qgis namespace as scoped enums and removed the old C++ names;
// QGIS 3.22 (Debian 12) has only the old ones. The plugin spells every such
// name through compat::, so the rest of the code has no version #ifs.
// Thresholds are the "\since" of each Qgis:: enum in qgis.h.
#pragma once

#include <QList>
#include <QMetaType>
#include <QVariant>
#include <initializer_list>

#include <qgsconfig.h>  // _QGIS_VERSION_INT: 32216 for 3.22.16, 34006 for 3.40.6
#include <qgis.h>
#include <qgsfeaturerequest.h>
#include <qgsfeaturesource.h>
#include <qgsfield.h>
#include <qgslayertreemodel.h>
#include <qgslayoutitempicture.h>
#include <qgsprocessing.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingparameters.h>
#include <qgsrectangle.h>
#include <qgsunittypes.h>
#include <qgswkbtypes.h>

namespace compat {

// Geometry and unit enums (Qgis:: since 3.30).
#if _QGIS_VERSION_INT >= 33000
using WkbType = Qgis::WkbType;  // same member names as QgsWkbTypes::Type
using GeometryType = Qgis::GeometryType;
inline constexpr GeometryType PointGeometry = GeometryType::Point;
inline constexpr GeometryType LineGeometry = GeometryType::Line;
inline constexpr GeometryType PolygonGeometry = GeometryType::Polygon;
using DistanceUnit = Qgis::DistanceUnit;
inline constexpr DistanceUnit Metres = DistanceUnit::Meters;
inline constexpr DistanceUnit Kilometres = DistanceUnit::Kilometers;
inline constexpr DistanceUnit UnknownDistanceUnit = DistanceUnit::Unknown;
#else
using WkbType = QgsWkbTypes::Type;
using GeometryType = QgsWkbTypes::GeometryType;
inline constexpr GeometryType PointGeometry = QgsWkbTypes::PointGeometry;
inline constexpr GeometryType LineGeometry = QgsWkbTypes::LineGeometry;
inline constexpr GeometryType PolygonGeometry = QgsWkbTypes::PolygonGeometry;
using DistanceUnit = QgsUnitTypes::DistanceUnit;
inline constexpr DistanceUnit Metres = QgsUnitTypes::DistanceMeters;
inline constexpr DistanceUnit Kilometres = QgsUnitTypes::DistanceKilometers;
inline constexpr DistanceUnit UnknownDistanceUnit = QgsUnitTypes::DistanceUnknownUnit;
#endif

// Feature request flags (Qgis::FeatureRequestFlag since 3.36).
#if _QGIS_VERSION_INT >= 33600
inline constexpr Qgis::FeatureRequestFlag ExactIntersect = Qgis::FeatureRequestFlag::ExactIntersect;
#else
inline constexpr QgsFeatureRequest::Flag ExactIntersect = QgsFeatureRequest::ExactIntersect;
#endif

// Processing enums (Qgis:: since 3.36).
#if _QGIS_VERSION_INT >= 33600
using SourceType = Qgis::ProcessingSourceType;
inline constexpr SourceType VectorAny = SourceType::Vector;  // with or without geometry
inline constexpr SourceType VectorPoint = SourceType::VectorPoint;
inline constexpr SourceType VectorLine = SourceType::VectorLine;
inline constexpr SourceType VectorPolygon = SourceType::VectorPolygon;
using NumberType = Qgis::ProcessingNumberParameterType;  // ::Double, ::Integer
using FieldDataType = Qgis::ProcessingFieldParameterDataType;  // ::Any, ::Numeric, ::String
using AlgorithmFlags = Qgis::ProcessingAlgorithmFlags;
inline constexpr Qgis::ProcessingAlgorithmFlag NoThreading = Qgis::ProcessingAlgorithmFlag::NoThreading;
using ParameterFlags = Qgis::ProcessingParameterFlags;
inline constexpr Qgis::ProcessingParameterFlag ParameterOptional = Qgis::ProcessingParameterFlag::Optional;
inline constexpr Qgis::ProcessingParameterFlag ParameterAdvanced = Qgis::ProcessingParameterFlag::Advanced;
inline constexpr Qgis::ProcessingFileParameterBehavior FileBehaviour = Qgis::ProcessingFileParameterBehavior::File;
inline bool certainlyEmpty(const QgsFeatureSource& source) {
  return source.hasFeatures() == Qgis::FeatureAvailability::NoFeaturesAvailable;
}
#else
using SourceType = QgsProcessing::SourceType;
inline constexpr SourceType VectorAny = QgsProcessing::TypeVector;
inline constexpr SourceType VectorPoint = QgsProcessing::TypeVectorPoint;
inline constexpr SourceType VectorLine = QgsProcessing::TypeVectorLine;
inline constexpr SourceType VectorPolygon = QgsProcessing::TypeVectorPolygon;
using NumberType = QgsProcessingParameterNumber::Type;
using FieldDataType = QgsProcessingParameterField::DataType;
using AlgorithmFlags = QgsProcessingAlgorithm::Flags;
inline constexpr QgsProcessingAlgorithm::Flag NoThreading = QgsProcessingAlgorithm::FlagNoThreading;
using ParameterFlags = QgsProcessingParameterDefinition::Flags;
inline constexpr QgsProcessingParameterDefinition::Flag ParameterOptional = QgsProcessingParameterDefinition::FlagOptional;
inline constexpr QgsProcessingParameterDefinition::Flag ParameterAdvanced = QgsProcessingParameterDefinition::FlagAdvanced;
inline constexpr QgsProcessingParameterFile::Behavior FileBehaviour = QgsProcessingParameterFile::File;
inline bool certainlyEmpty(const QgsFeatureSource& source) { return source.hasFeatures() == QgsFeatureSource::NoFeaturesAvailable; }
#endif

// Layer filters take source types as ints in every version.
inline QList<int> sourceTypes(std::initializer_list<SourceType> types) {
  QList<int> out;
  for (SourceType t : types) out << static_cast<int>(t);
  return out;
}

// Picture format (Qgis:: since 3.40).
#if _QGIS_VERSION_INT >= 34000
inline constexpr Qgis::PictureFormat PictureSvg = Qgis::PictureFormat::SVG;
#else
inline constexpr QgsLayoutItemPicture::Format PictureSvg = QgsLayoutItemPicture::FormatSVG;
#endif

// An empty rectangle to grow with combineExtentWith (setNull since 3.34).
inline QgsRectangle emptyRectangle() {
  QgsRectangle r;
#if _QGIS_VERSION_INT >= 33400
  r.setNull();
#else
  r.setMinimal();
#endif
  return r;
}

// A field-list parameter's names (parameterAsStrings since 3.32).
inline QStringList parameterFields(const QgsProcessingAlgorithm& algorithm, const QVariantMap& parameters, const QString& name,
                                   QgsProcessingContext& context) {
  const QgsProcessingParameterDefinition* definition = algorithm.parameterDefinition(name);
#if _QGIS_VERSION_INT >= 33200
  return QgsProcessingParameters::parameterAsStrings(definition, parameters, context);
#else
  return QgsProcessingParameters::parameterAsFields(definition, parameters, context);
#endif
}

// Field value types: QgsField takes a QMetaType::Type since 3.38 (Qt6 has no
// QVariant::Type); before, a QVariant::Type.
#if _QGIS_VERSION_INT >= 33800
using ValueType = QMetaType::Type;
namespace value {
inline constexpr ValueType Bool = QMetaType::Type::Bool;
inline constexpr ValueType Int = QMetaType::Type::Int;
inline constexpr ValueType LongLong = QMetaType::Type::LongLong;
inline constexpr ValueType Double = QMetaType::Type::Double;
inline constexpr ValueType String = QMetaType::Type::QString;
}  // namespace value
#else
using ValueType = QVariant::Type;
namespace value {
inline constexpr ValueType Bool = QVariant::Bool;
inline constexpr ValueType Int = QVariant::Int;
inline constexpr ValueType LongLong = QVariant::LongLong;
inline constexpr ValueType Double = QVariant::Double;
inline constexpr ValueType String = QVariant::String;
}  // namespace value
#endif
inline QgsField field(const QString& name, ValueType type) { return QgsField(name, type); }

// Drops a legend model's filter by map (its hit test of layers a page drew
// before), so the legend nodes of newly added layers exist right away.
inline void clearLegendFilter(QgsLayerTreeModel* model) {
#if _QGIS_VERSION_INT >= 33200  // setFilterSettings \since 3.32
  model->setFilterSettings(nullptr);
#else
  model->setLegendFilterByMap(nullptr);
#endif
}

}  // namespace compat
