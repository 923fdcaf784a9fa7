#include "poleaxisalgorithm.h"
#include "resourcepath.h"

#include <qgsexception.h>
#include <qgsprocessingoutputs.h>

#include "stylepostprocessor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>

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
    const QString destination = file ? parameterAsFileOutput(parameters, output, context)
                                     : parameterAsOutputLayer(parameters, output, context);
    // Only file paths: memory layers and provider URIs (memory:, ogr:, postgres:) are not absolute paths.
    const QString path = destination.section(QLatin1Char('|'), 0, 0);
    if (path.isEmpty() || !QFileInfo(path).isAbsolute()) continue;
    const QFileInfo folder(QFileInfo(path).absolutePath());
    if (!folder.exists())
      throw QgsProcessingException(tr("%1: folder %2 does not exist. Choose an existing folder.").arg(output, folder.filePath()));
    if (!folder.isWritable())
      throw QgsProcessingException(tr("%1: folder %2 is not writable. Choose a folder you can write to.").arg(output, folder.filePath()));
  }
}

std::unique_ptr<QgsFeatureSink> PoleaxisAlgorithm::createSink(const QVariantMap& parameters, const QString& name,
                                                              QgsProcessingContext& context, QString& destinationId,
                                                              const QgsFields& fields, QgsWkbTypes::Type geometryType,
                                                              const QgsCoordinateReferenceSystem& crs, bool required) const {
  std::unique_ptr<QgsFeatureSink> sink;
  try {
    sink.reset(parameterAsSink(parameters, name, context, destinationId, fields, geometryType, crs));
  } catch (const QgsProcessingException& e) {
    throw QgsProcessingException(tr("%1: %2").arg(name, e.what()));
  }
  if (!sink && required) throw QgsProcessingException(tr("%1: %2").arg(name, invalidSinkError(parameters, name)));
  // A whole file of its own (not a layer added to an existing GeoPackage, not memory or a database).
  const QString path = parameterAsOutputLayer(parameters, name, context);
  if (sink && !path.contains(QLatin1Char('|')) && QFileInfo(path).isAbsolute()) removeOnFailure(path);
  return sink;
}

void PoleaxisAlgorithm::removeOnFailure(const QString& path) const {
  if (!path.isEmpty()) mCreatedFiles << path;
}

QVariantMap PoleaxisAlgorithm::processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                                                QgsProcessingFeedback* feedback) {
  mCreatedFiles.clear();
  try {
    return execute(parameters, context, feedback);
  } catch (...) {
    // The sinks are closed by now (destroyed while unwinding).
    for (const QString& path : qAsConst(mCreatedFiles)) {
      const QFileInfo file(path);
      QFile::remove(path);
      for (const QString& suffix : {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) QFile::remove(path + suffix);
      // Shapefile companions.
      for (const QString& extension : {QStringLiteral("shx"), QStringLiteral("dbf"), QStringLiteral("prj"), QStringLiteral("cpg"), QStringLiteral("qix")})
        if (file.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0)
          QFile::remove(file.dir().filePath(file.completeBaseName() + QLatin1Char('.') + extension));
    }
    throw;
  }
}

int PoleaxisAlgorithm::nameFieldIndex(const QgsFields& fields) {
  for (const QString& name : {QStringLiteral("name_zh"), QStringLiteral("name")}) {
    const int i = fields.lookupField(name);
    if (i >= 0) return i;
  }
  for (int i = 0; i < fields.count(); ++i)
    if (fields.at(i).type() == QVariant::String) return i;
  return -1;
}

QgsFields PoleaxisAlgorithm::makeFields(std::initializer_list<std::pair<QString, QVariant::Type>> fields) {
  QgsFields out;
  for (const auto& [name, type] : fields) out.append(QgsField(name, type));
  return out;
}

std::unique_ptr<QgsProcessingFeatureSource> PoleaxisAlgorithm::requireSource(const QVariantMap& parameters, const QString& parameter,
                                                                            QgsProcessingContext& context) const {
  std::unique_ptr<QgsProcessingFeatureSource> source(parameterAsSource(parameters, parameter, context));
  if (!source) throw QgsProcessingException(invalidSourceError(parameters, parameter));
  if (!source->hasFeatures() || source->featureCount() == 0)
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
                                                    QgsWkbTypes::MultiLineString, lines.crs, false);
  if (!sink) return;
  NetworkInput::writeComponents(network, lines, *sink, context);
  outputs.insert(NetworkInput::COMPONENTS, id);
  StylePostProcessor::styleOnLoad(context, id, QStringLiteral("network_components"));
}
