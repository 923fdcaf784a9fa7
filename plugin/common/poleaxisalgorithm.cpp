#include "poleaxisalgorithm.h"
#include "qgiscompat.h"
#include "conversion.h"
#include "resourcepath.h"

#include <qgsexception.h>
#include <qgsprocessingoutputs.h>

#include "stylepostprocessor.h"

#include <gdal.h>
#include <qgsdatasourceuri.h>
#include <qgsprocessingutils.h>
#include <qgsproperty.h>
#include <qgsproviderregistry.h>
#include <qgsabstractdatabaseproviderconnection.h>
#include <qgsprovidermetadata.h>

#include <QDir>
#include <QRegularExpression>
#include <optional>
#include <cmath>
#include <QFile>
#include <QFileInfo>
#include <QIcon>

namespace {
// A destination table in PostGIS ("postgis:dbname=… table=\"s\".\"t\" (geom)").
struct DatabaseTable {
  QString uri, schema, table;
};
std::optional<DatabaseTable> databaseTableOf(const QString& destination) {
  static const QRegularExpression prefix(QStringLiteral("^(postgis|postgres):(//)?"), QRegularExpression::CaseInsensitiveOption);
  const QRegularExpressionMatch m = prefix.match(destination);
  if (!m.hasMatch()) return std::nullopt;
  const QString uri = destination.mid(m.capturedLength());
  const QgsDataSourceUri parsed(uri);
  if (parsed.table().isEmpty()) return std::nullopt;
  return DatabaseTable{uri, parsed.schema().isEmpty() ? QStringLiteral("public") : parsed.schema(), parsed.table()};
}
// A connection to the table's database; throws QgsProviderConnectionException.
std::unique_ptr<QgsAbstractDatabaseProviderConnection> connectionTo(const DatabaseTable& table) {
  QgsProviderMetadata* postgres = QgsProviderRegistry::instance()->providerMetadata(QStringLiteral("postgres"));
  if (!postgres) throw QgsProviderConnectionException(QStringLiteral("the PostgreSQL provider is not available"));
  std::unique_ptr<QgsAbstractDatabaseProviderConnection> connection(
      static_cast<QgsAbstractDatabaseProviderConnection*>(postgres->createConnection(table.uri, QVariantMap())));
  if (!connection) throw QgsProviderConnectionException(QStringLiteral("no connection could be made from the URI"));
  return connection;
}

// The file behind a destination or a layer source: (absolute path, layer
// name inside it or empty); an empty path for memory layers, databases and
// TEMPORARY_OUTPUT.
std::pair<QString, QString> fileOf(const QString& destination) {
  if (destination.isEmpty() || destination == QgsProcessing::TEMPORARY_OUTPUT || destination.startsWith(QLatin1String("memory:")))
    return {};
  QString uri = destination;
  QString provider = QStringLiteral("ogr");
  const int colon = destination.indexOf(QLatin1Char(':'));
  if (colon > 1 && !destination.mid(colon).startsWith(QLatin1String(":/")) && !destination.mid(colon).startsWith(QLatin1String(":\\"))) {
    provider = destination.left(colon);  // "ogr:dbname=…", "postgres:…"; not a Windows drive letter
    uri = destination.mid(colon + 1);
  }
  if (provider != QLatin1String("ogr")) return {};
  const QVariantMap parts = QgsProviderRegistry::instance()->decodeUri(provider, uri);
  const QString path = parts.value(QStringLiteral("path")).toString();
  if (path.isEmpty()) return {};
  return {QFileInfo(path).absoluteFilePath(), parts.value(QStringLiteral("layerName")).toString()};
}

// The layer names of an existing vector file (GeoPackage tables), without
// GeoPackage's own bookkeeping tables.
QStringList layersIn(const QString& path) {
  QStringList names;
  GDALDatasetH dataset = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  if (!dataset) return names;
  for (int i = 0; i < GDALDatasetGetLayerCount(dataset); ++i)
    names << QString::fromUtf8(OGR_L_GetName(GDALDatasetGetLayer(dataset, i)));
  GDALClose(dataset);
  names.removeAll(QStringLiteral("layer_styles"));
  return names;
}
}  // namespace

QString PoleaxisAlgorithm::svgIconPath() const {
  const QString own = poleaxisResource(QStringLiteral("icons/%1.svg").arg(name()));
  return QFile::exists(own) ? own : poleaxisResource(QStringLiteral("icons/poleaxis.svg"));
}

QIcon PoleaxisAlgorithm::icon() const { return QIcon(svgIconPath()); }

int PoleaxisAlgorithm::requireField(const QgsFields& fields, const QString& name, const QString& parameter,
                                    const QString& layerParameter, bool numeric) {
  if (name.isEmpty())
    throw QgsProcessingException(tr("%1: choose a field of %2.").arg(parameter, layerParameter));
  const int index = fields.lookupField(name);
  if (index < 0)
    throw QgsProcessingException(tr("%1: field '%2' is not in %3. Fields there: %4.")
                                     .arg(parameter, name, layerParameter, fields.names().join(QStringLiteral(", "))));
  if (numeric && !fields.at(index).isNumeric())
    throw QgsProcessingException(tr("%1: field '%2' is %3, not numeric. Convert it with the Field calculator (to_real(\"%2\")) first.")
                                     .arg(parameter, name, fields.at(index).typeName()));
  return index;
}

void PoleaxisAlgorithm::raise(const poleaxis::InputError& error, const QString& parameter,
                              const std::vector<QgsFeatureId>& ids, const QString& hint) {
  QString message = parameter + QStringLiteral(": ");
  if (error.item() >= 0 && size_t(error.item()) < ids.size())
    message += tr("feature %1: ").arg(ids[size_t(error.item())]);
  message += QString::fromStdString(error.what());
  if (!hint.isEmpty()) message += QStringLiteral(". ") + hint;
  throw QgsProcessingException(message);
}

QString PoleaxisAlgorithm::idList(const std::vector<QgsFeatureId>& ids, size_t shown) {
  QStringList parts;
  for (size_t i = 0; i < ids.size() && i < shown; ++i) parts << QString::number(ids[i]);
  QString text = parts.join(QStringLiteral(", "));
  if (ids.size() > shown) text += tr(" and %1 more").arg(ids.size() - shown);
  return text;
}

void PoleaxisAlgorithm::checkOutputFolders(const QVariantMap& parameters, const QStringList& outputs,
                                           QgsProcessingContext& context) const {
  for (const QString& output : outputs) {
    const QgsProcessingParameterDefinition* definition = parameterDefinition(output);
    const bool file = definition && definition->type() == QgsProcessingParameterFileDestination::typeName();
    const QString destination = file ? parameterAsFileOutput(parameters, output, context) : destinationOf(parameters, output, context);
    // Only files: memory layers and databases have no folder.
    const QString path = file ? (destination.isEmpty() ? QString() : QFileInfo(destination).absoluteFilePath()) : fileOf(destination).first;
    if (path.isEmpty()) continue;
    const QFileInfo folder(QFileInfo(path).absolutePath());
    if (!folder.exists())
      throw QgsProcessingException(tr("%1: folder %2 does not exist. Choose an existing folder.").arg(output, folder.filePath()));
    if (!folder.isWritable())
      throw QgsProcessingException(tr("%1: folder %2 is not writable. Choose a folder you can write to.").arg(output, folder.filePath()));
  }
}

std::unique_ptr<QgsFeatureSink> PoleaxisAlgorithm::createSink(const QVariantMap& parameters, const QString& name,
                                                              QgsProcessingContext& context, QString& destinationId,
                                                              const QgsFields& fields, compat::WkbType geometryType,
                                                              const QgsCoordinateReferenceSystem& crs, bool required) const {
  // A layer inside a GeoPackage ("x.gpkg|layername=roads"): QGIS 3.22 hands
  // that form to the file writer, which replaces the whole file. The
  // provider form adds (or replaces) just that layer.
  QVariantMap sinkParameters = parameters;
  const auto [file, layerInside] = fileOf(destinationOf(parameters, name, context));
  if (!file.isEmpty() && !layerInside.isEmpty() && QFileInfo(file).suffix().compare(QLatin1String("gpkg"), Qt::CaseInsensitive) == 0) {
    QgsDataSourceUri uri;
    uri.setDatabase(file);
    uri.setDataSource(QString(), layerInside, QStringLiteral("geom"));
    const QString providerForm = QStringLiteral("ogr:") + uri.uri(false);
    QVariant value = parameters.value(name);
    if (value.canConvert<QgsProcessingOutputLayerDefinition>()) {
      QgsProcessingOutputLayerDefinition definition = value.value<QgsProcessingOutputLayerDefinition>();
      definition.sink = QgsProperty::fromValue(providerForm);
      sinkParameters.insert(name, QVariant::fromValue(definition));
    } else {
      sinkParameters.insert(name, providerForm);
    }
  }
  const std::optional<DatabaseTable> table = databaseTableOf(destinationOf(parameters, name, context));
  if (table && geometryType == compat::WkbType::NoGeometry) {
    // A table without geometry: the usual "(geom)" would make PostGIS fail.
    QgsDataSourceUri uri(table->uri);
    uri.setGeometryColumn(QString());
    sinkParameters.insert(name, QStringLiteral("postgis:") + uri.uri(false));
  }
  std::unique_ptr<QgsFeatureSink> sink;
  try {
    sink.reset(parameterAsSink(sinkParameters, name, context, destinationId, fields, geometryType, crs));
  } catch (const QgsProcessingException& e) {
    throw QgsProcessingException(tr("%1: %2").arg(name, e.what()));
  }
  if (!sink && required) throw QgsProcessingException(tr("%1: %2").arg(name, invalidSinkError(parameters, name)));
  // A whole file of its own (not a layer added to an existing GeoPackage).
  const auto [path, inside] = fileOf(destinationOf(parameters, name, context));
  if (sink && !path.isEmpty() && inside.isEmpty()) removeOnFailure(path);
  if (sink && table && !mTablesExistedBefore.contains(table->schema + QLatin1Char('.') + table->table))
    mCreatedTables << QStringList{table->uri, table->schema, table->table}.join(QChar(0));
  return sink;
}

void PoleaxisAlgorithm::removeOnFailure(const QString& path) const {
  if (path.isEmpty()) return;
  const QString absolute = QFileInfo(path).absoluteFilePath();
  if (!mExistedBefore.contains(absolute)) mCreatedFiles << absolute;
}


QString PoleaxisAlgorithm::destinationOf(const QVariantMap& parameters, const QString& name, const QgsProcessingContext& context) const {
  const QgsProcessingParameterDefinition* definition = parameterDefinition(name);
  if (!definition) return QString();
  QVariant value = parameters.value(name);
  if (value.canConvert<QgsProcessingOutputLayerDefinition>()) value = value.value<QgsProcessingOutputLayerDefinition>().sink;
  if (value.canConvert<QgsProperty>())
    return value.value<QgsProperty>().valueAsString(context.expressionContext(), definition->defaultValue().toString());
  if (!value.isValid() || value.toString().isEmpty()) {
    const bool optional = definition->flags() & compat::ParameterOptional;
    return optional && !definition->defaultValue().isValid() ? QString() : definition->defaultValue().toString();
  }
  return value.toString();
}

void PoleaxisAlgorithm::guardDestinations(const QVariantMap& parameters, QgsProcessingContext& context) const {
  // A number parameter given as NaN or infinity passes QGIS's own checks; none of ours means anything then.
  for (const QgsProcessingParameterDefinition* definition : parameterDefinitions()) {
    const QString type = definition->type();
    if ((type != QgsProcessingParameterNumber::typeName() && type != QgsProcessingParameterDistance::typeName()) ||
        !parameters.contains(definition->name()))
      continue;
    const QVariant value = parameters.value(definition->name());
    if (!value.isValid() || value.isNull() || value.toString().isEmpty()) continue;
    const double number = QgsProcessingParameters::parameterAsDouble(definition, parameters, context);
    if (!std::isfinite(number))
      throw QgsProcessingException(tr("%1: %2 is not a number. Give a finite value (default %3).")
                                       .arg(definition->name(), value.toString(), definition->defaultValue().toString()));
  }
  // The files the inputs are read from.
  struct Input {
    QString parameter, path, layer;
  };
  std::vector<Input> inputs;
  for (const QgsProcessingParameterDefinition* definition : parameterDefinitions()) {
    if (definition->isDestination() || !parameters.contains(definition->name())) continue;
    const QString type = definition->type();
    QList<QgsMapLayer*> layers;
    if (type == QgsProcessingParameterMultipleLayers::typeName())
      layers = QgsProcessingParameters::parameterAsLayerList(definition, parameters, context);
    else if (type == QgsProcessingParameterFeatureSource::typeName() || type == QgsProcessingParameterVectorLayer::typeName() ||
             type == QgsProcessingParameterMapLayer::typeName() || type == QgsProcessingParameterRasterLayer::typeName())
      if (QgsMapLayer* layer = QgsProcessingParameters::parameterAsLayer(definition, parameters, context)) layers << layer;
    for (QgsMapLayer* layer : layers) {
      if (layer->providerType() != QLatin1String("ogr") && layer->providerType() != QLatin1String("gdal")) continue;
      const auto [path, inside] = fileOf(layer->source());
      if (!path.isEmpty()) inputs.push_back({definition->name(), path, inside});
    }
  }
  mExistedBefore.clear();
  mTablesExistedBefore.clear();
  for (const QgsProcessingParameterDefinition* definition : destinationParameterDefinitions()) {
    const QString name = definition->name();
    // A database table: the connection and the schema are checked before any work, and a
    // table there already is remembered (a failed run drops only the tables it created).
    if (const std::optional<DatabaseTable> table = databaseTableOf(destinationOf(parameters, name, context))) {
      try {
        const std::unique_ptr<QgsAbstractDatabaseProviderConnection> connection = connectionTo(*table);
        if (!connection->schemas().contains(table->schema))
          throw QgsProcessingException(tr("%1: schema \"%2\" does not exist in the database. Create it (CREATE SCHEMA %2;) or write to "
                                          "another schema, e.g. public.")
                                           .arg(name, table->schema));
        if (connection->tableExists(table->schema, table->table)) mTablesExistedBefore << table->schema + QLatin1Char('.') + table->table;
      } catch (const QgsProviderConnectionException& e) {
        throw QgsProcessingException(tr("%1: cannot reach the database (%2). Check the connection (host, port, user, database).")
                                         .arg(name, e.what()));
      }
      continue;
    }
    const auto [path, inside] = fileOf(destinationOf(parameters, name, context));
    if (path.isEmpty()) continue;
    const QFileInfo file(path);
    if (file.exists()) mExistedBefore << path;
    for (const Input& input : inputs) {
      const bool sameFile = file.exists() ? file.canonicalFilePath() == QFileInfo(input.path).canonicalFilePath() : path == input.path;
      // A new layer inside the input's GeoPackage is fine; replacing the file or that layer is not.
      if (sameFile && (inside.isEmpty() || input.layer.isEmpty() || inside == input.layer))
        throw QgsProcessingException(tr("%1: %2 is also the input %3, and writing there would replace it. Write to another file, "
                                        "or to a new layer inside it (%2|layername=new_name).")
                                         .arg(name, QDir::toNativeSeparators(path), input.parameter));
    }
    // A plain .gpkg path replaces the whole file: only layers this run writes may be there.
    if (inside.isEmpty() && file.exists() && file.suffix().compare(QLatin1String("gpkg"), Qt::CaseInsensitive) == 0) {
      QStringList ours = layersWrittenTo(name);
      if (ours.isEmpty()) ours << file.completeBaseName();
      QStringList others;
      for (const QString& layer : layersIn(path))
        if (!ours.contains(layer)) others << layer;
      if (!others.isEmpty())
        throw QgsProcessingException(tr("%1: %2 already holds other layers (%3), and writing to it would replace the whole "
                                        "GeoPackage. Write a new layer inside it (%2|layername=new_name), choose another file, "
                                        "or delete the file first to overwrite it.")
                                         .arg(name, QDir::toNativeSeparators(path), others.join(QStringLiteral(", "))));
    }
  }
}

void PoleaxisAlgorithm::removeCreatedFiles() const {
  // The sinks are closed by now (destroyed while unwinding). Tables this run
  // created in a database go too; a table that was there before stays.
  for (const QString& entry : mCreatedTables) {
    const QStringList parts = entry.split(QChar(0));
    try {
      connectionTo({parts[0], parts[1], parts[2]})->dropVectorTable(parts[1], parts[2]);
    } catch (const QgsProviderConnectionException&) {
      // Best effort while failing anyway: the run's own error is the one to report.
    }
  }
  mCreatedTables.clear();
  for (const QString& path : mCreatedFiles) {
    const QFileInfo file(path);
    QFile::remove(path);
    for (const QString& suffix : {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) QFile::remove(path + suffix);
    // Shapefile companions.
    for (const QString& extension : {QStringLiteral("shx"), QStringLiteral("dbf"), QStringLiteral("prj"), QStringLiteral("cpg"), QStringLiteral("qix")})
      if (file.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0)
        QFile::remove(file.dir().filePath(file.completeBaseName() + QLatin1Char('.') + extension));
  }
}

QVariantMap PoleaxisAlgorithm::processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                                                QgsProcessingFeedback* feedback) {
  mCreatedFiles.clear();
  mCreatedTables.clear();
  guardDestinations(parameters, context);
  // Every failure leaves as a QgsProcessingException, after the cleanup.
  try {
    return execute(parameters, context, feedback);
  } catch (const QgsProcessingException&) {
    removeCreatedFiles();
    throw;
  } catch (const poleaxis::Canceled&) {
    removeCreatedFiles();
    conversion::throwCanceled();
  } catch (const poleaxis::InputError& e) {
    removeCreatedFiles();
    throw QgsProcessingException(tr("Input error: %1. Check the input layers and parameters for that value.").arg(QString::fromStdString(e.what())));
  } catch (const QgsException& e) {  // a coordinate transform (QgsCsException) and the like
    removeCreatedFiles();
    throw QgsProcessingException(tr("%1. Check the layers' coordinate reference systems and coordinates.").arg(e.what()));
  } catch (const std::bad_alloc&) {
    removeCreatedFiles();
    throw QgsProcessingException(tr("Out of memory. Run on fewer features (a selection or a filter), or on a machine with more memory."));
  } catch (const std::exception& e) {  // GEOS failures arrive as std::runtime_error
    removeCreatedFiles();
    throw QgsProcessingException(tr("Geometry engine error: %1. A geometry is probably invalid or out of range; run Check validity "
                                    "or Fix geometries on the inputs.")
                                     .arg(QString::fromStdString(e.what())));
  } catch (...) {
    removeCreatedFiles();
    throw QgsProcessingException(tr("Unexpected internal error. Please report it with the input layers."));
  }
}

int PoleaxisAlgorithm::nameFieldIndex(const QgsFields& fields) {
  for (const QString& name : {QStringLiteral("name_zh"), QStringLiteral("name")}) {
    const int i = fields.lookupField(name);
    if (i >= 0) return i;
  }
  for (int i = 0; i < fields.count(); ++i)
    if (fields.at(i).type() == compat::value::String) return i;
  return -1;
}

QVariant PoleaxisAlgorithm::featureName(const QgsFeature& feature) {
  const QgsFields fields = feature.fields();
  for (const QString& name : {QStringLiteral("name_zh"), QStringLiteral("name")}) {
    const int i = fields.lookupField(name);
    if (i >= 0 && !feature.attribute(i).isNull() && !feature.attribute(i).toString().trimmed().isEmpty()) return feature.attribute(i);
  }
  const int any = nameFieldIndex(fields);
  return any >= 0 ? feature.attribute(any) : QVariant();
}

QgsFields PoleaxisAlgorithm::makeFields(std::initializer_list<std::pair<QString, compat::ValueType>> fields) {
  QgsFields out;
  for (const auto& [name, type] : fields) out.append(QgsField(name, type));
  return out;
}

std::unique_ptr<QgsProcessingFeatureSource> PoleaxisAlgorithm::requireSource(const QVariantMap& parameters, const QString& parameter,
                                                                            QgsProcessingContext& context) const {
  std::unique_ptr<QgsProcessingFeatureSource> source(parameterAsSource(parameters, parameter, context));
  if (!source) throw QgsProcessingException(invalidSourceError(parameters, parameter));
  if (compat::certainlyEmpty(*source) || source->featureCount() == 0)
    throw QgsProcessingException(tr("%1: the layer has no features.").arg(parameter));
  return source;
}

void PoleaxisAlgorithm::SinkWriter::flush() {
  if (batch_.isEmpty()) return;
  if (!sink_->addFeatures(batch_, QgsFeatureSink::FastInsert))
    throw QgsProcessingException(writeFeatureError(sink_, parameters_, name_));
  batch_.clear();
}

void PoleaxisAlgorithm::addNetworkParameters(const NetworkInput::Declare& declare) {
  for (QgsProcessingParameterDefinition* parameter : NetworkInput::parameters(declare)) addParameter(parameter);
  for (QgsProcessingOutputDefinition* output : NetworkInput::outputs()) addOutput(output);
}

void PoleaxisAlgorithm::writeNetworkComponents(const poleaxis::Network& network, const NetworkInput::Lines& lines,
                                               const QVariantMap& parameters, QgsProcessingContext& context,
                                               QVariantMap& outputs) const {
  outputs.insert(QStringLiteral("NUM_COMPONENTS"), qlonglong(network.components().size()));
  outputs.insert(QStringLiteral("LARGEST_SHARE"), network.largest_share());
  if (!parameterDefinition(NetworkInput::COMPONENTS)) return;
  QString id;
  std::unique_ptr<QgsFeatureSink> sink = createSink(parameters, NetworkInput::COMPONENTS, context, id, NetworkInput::componentFields(),
                                                    compat::WkbType::MultiLineString, lines.crs, false);
  if (!sink) return;
  NetworkInput::writeComponents(network, lines, *sink, context);
  outputs.insert(NetworkInput::COMPONENTS, id);
  StylePostProcessor::styleOnLoad(context, id, QStringLiteral("network_components"));
}

QString PoleaxisAlgorithm::writeReportFiles(const QString& parameter, const QString& htmlPath, const QByteArray& html,
                                            const QByteArray& json) const {
  const QFileInfo info(htmlPath);
  const QString jsonPath = info.path() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral(".json");
  removeOnFailure(htmlPath);
  removeOnFailure(jsonPath);
  for (const auto& [path, bytes] : std::vector<std::pair<QString, QByteArray>>{{htmlPath, html}, {jsonPath, json}}) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
      throw QgsProcessingException(tr("%1: cannot write %2. Choose a file in a folder you can write to.").arg(parameter, path));
  }
  return jsonPath;
}

QgsFields PoleaxisAlgorithm::combineOutputFields(const QgsFields& input, const QgsFields& added, QgsProcessingFeedback* feedback,
                                                 const QString& parameter) {
  auto taken = [&](const QString& name, const QgsFields& fields) { return fields.lookupField(name) >= 0; };
  QgsFields out;
  QStringList renamed;
  for (int i = 0; i < input.count(); ++i) {
    QgsField field = input.at(i);
    if (taken(field.name(), added)) {
      QString name = field.name() + QStringLiteral("_in");
      for (int k = 2; taken(name, added) || taken(name, input) || taken(name, out); ++k) name = field.name() + QStringLiteral("_in%1").arg(k);
      renamed << QStringLiteral("%1 → %2").arg(field.name(), name);
      field.setName(name);
    }
    out.append(field);
  }
  for (int i = 0; i < added.count(); ++i) out.append(added.at(i));
  if (!renamed.isEmpty() && feedback)
    feedback->pushWarning(tr("%1: the layer's own field(s) %2 are renamed in the output, since this algorithm writes fields of those names.")
                              .arg(parameter, renamed.join(QStringLiteral(", "))));
  return out;
}

QgsFeatureList PoleaxisAlgorithm::rowsWithoutGeometry(const conversion::PointTable& table, const QgsFields& outFields) {
  QgsFeatureList rows;
  for (const QgsFeature& input : table.withoutGeometryFeatures) {
    QgsFeature f = input;
    QgsAttributes attributes = f.attributes();
    while (attributes.size() < outFields.count()) attributes << QVariant();
    f.setFields(outFields, false);
    f.setAttributes(attributes);
    rows << f;
  }
  return rows;
}

void PoleaxisAlgorithm::warnWithoutGeometry(QgsProcessingFeedback* feedback, const QString& parameter, const std::vector<QgsFeatureId>& ids) {
  if (ids.empty() || !feedback) return;
  feedback->pushWarning(tr("%1: %2 feature(s) without geometry (NULL or empty) take no part; outputs with a row per town keep "
                           "theirs, with NULL results: feature ids %3.").arg(parameter).arg(ids.size()).arg(idList(ids)));
}

QString PoleaxisAlgorithm::shortHelpString() const {
  QString text = helpText();
  // qgis_process prints the help as it is, so no markup.
  static const QRegularExpression tag(QStringLiteral("</?[a-zA-Z]+>"));
  text.remove(tag);
  text.replace(QLatin1String("&lt;"), QLatin1String("<")).replace(QLatin1String("&gt;"), QLatin1String(">")).replace(QLatin1String("&amp;"), QLatin1String("&"));
  // Parameter ids become the labels the dialog shows, longest id first (so
  // LEVEL_MAP is not read as LEVEL). File formats that are also ids (PDF,
  // PNG) are words in the prose and stay.
  QList<const QgsProcessingParameterDefinition*> parameters;
  for (const QgsProcessingParameterDefinition* p : parameterDefinitions())
    if (p->name() != QLatin1String("PDF") && p->name() != QLatin1String("PNG")) parameters << p;
  std::sort(parameters.begin(), parameters.end(), [](auto* a, auto* b) { return a->name().size() > b->name().size(); });
  // Placeholders first, so a label that contains another id is left alone.
  QStringList labels;
  for (int i = 0; i < parameters.size(); ++i) {
    const QRegularExpression id(QStringLiteral("(?<![A-Za-z0-9_])%1(?![A-Za-z0-9_])").arg(QRegularExpression::escape(parameters[i]->name())));
    const QString placeholder = QStringLiteral("\x01%1\x02").arg(i);
    bool first = true;
    QRegularExpressionMatch m;
    int from = 0;
    while ((m = id.match(text, from)).hasMatch()) {
      const QString replacement = placeholder + (first ? QStringLiteral("\x03") : QString());
      text.replace(m.capturedStart(), m.capturedLength(), replacement);
      from = m.capturedStart() + replacement.size();
      first = false;
    }
  }
  for (int i = 0; i < parameters.size(); ++i) {
    const QString label = parameters[i]->description();
    text.replace(QStringLiteral("\x01%1\x02\x03").arg(i), QStringLiteral("“%1” (%2)").arg(label, parameters[i]->name()));
    text.replace(QStringLiteral("\x01%1\x02").arg(i), QStringLiteral("“%1”").arg(label));
  }
  return text;
}
