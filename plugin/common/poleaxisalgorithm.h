// What every poleaxis algorithm shares: icon, field checks, turning the
// core's InputError into a QgsProcessingException that names the parameter
// and the feature, and the guards that keep a planner's data safe:
// - no exception but QgsProcessingException leaves an algorithm (QGIS
//   aborts on any other in a task, and qgis_process hangs);
// - an output that is also an input, or a plain .gpkg path onto a
//   GeoPackage that holds other layers, is refused before anything runs;
// - a failed or cancelled run removes only the files it created itself.
#pragma once

#include <qgsfeatureid.h>
#include <qgsfeature.h>
#include <qgsfeaturesink.h>
#include <qgsfields.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingparameters.h>

#include <QCoreApplication>
#include <initializer_list>
#include <utility>
#include <memory>
#include <vector>

#include "networkinput.h"
#include "qgiscompat.h"
#include "poleaxis/feedback.h"

namespace conversion {
struct PointTable;
}

class PoleaxisAlgorithm : public QgsProcessingAlgorithm {
  Q_DECLARE_TR_FUNCTIONS(PoleaxisAlgorithm)

 public:
  QIcon icon() const override;
  QString svgIconPath() const override;
  // helpText() as a reader sees it in the dialog and in `qgis_process help`:
  // plain text (no tags), parameters named by their labels, with the id in
  // brackets at the first mention.
  QString shortHelpString() const final;

 protected:
  // The algorithm's help: method, formulas, units. Parameter ids in capitals
  // (POP_FIELD) are replaced by their labels in shortHelpString().
  virtual QString helpText() const = 0;
  // The algorithm's work. Files its sinks created are removed when it throws
  // (a cancel included), so a failed run leaves no half-written output.
  virtual QVariantMap execute(const QVariantMap& parameters, QgsProcessingContext& context,
                              QgsProcessingFeedback* feedback) = 0;

  // The feature source of `parameter`; throws naming it when it cannot be
  // opened or has no features.
  std::unique_ptr<QgsProcessingFeatureSource> requireSource(const QVariantMap& parameters, const QString& parameter,
                                                            QgsProcessingContext& context) const;
  // Index of a field chosen in `parameter` of the layer in `layerParameter`;
  // throws naming both when it is missing, or not numeric when `numeric`.
  static int requireField(const QgsFields& fields, const QString& name, const QString& parameter,
                          const QString& layerParameter, bool numeric);
  // A core InputError as a QgsProcessingException: "<parameter>: feature <id>:
  // <what>. <hint>". ids maps the core's item index to feature ids.
  [[noreturn]] static void raise(const poleaxis::InputError& error, const QString& parameter,
                                 const std::vector<QgsFeatureId>& ids, const QString& hint = QString());
  // Refuses file outputs whose folder is missing or not writable, before any
  // output is created, so a bad path never leaves other outputs half-written.
  void checkOutputFolders(const QVariantMap& parameters, const QStringList& outputs,
                          QgsProcessingContext& context) const;
  // parameterAsSink whose failures name the parameter; null only when an
  // optional output was not requested.
  std::unique_ptr<QgsFeatureSink> createSink(const QVariantMap& parameters, const QString& name,
                                             QgsProcessingContext& context, QString& destinationId,
                                             const QgsFields& fields, compat::WkbType geometryType,
                                             const QgsCoordinateReferenceSystem& crs, bool required) const;
  // Adds features to a sink in batches: through the processing sink chain one
  // call per feature costs more than the feature on large layers. flush()
  // before reading the output; a failed write throws naming the parameter.
  class SinkWriter {
   public:
    SinkWriter(QgsFeatureSink* sink, const QVariantMap& parameters, const QString& name)
        : sink_(sink), parameters_(parameters), name_(name) {}
    void add(const QgsFeature& feature) {
      batch_.append(feature);
      if (batch_.size() >= kBatch) flush();
    }
    void flush();

   private:
    static constexpr int kBatch = 4096;
    QgsFeatureSink* sink_;
    const QVariantMap& parameters_;
    QString name_;
    QgsFeatureList batch_;
  };
  // A file this run writes outside a sink (PDF, report, a GeoPackage made by
  // hand): removed, with its sidecars, if the run throws, unless it existed
  // before the run. Sinks register their own files.
  void removeOnFailure(const QString& path) const;
  // Writes a report (HTML) and its JSON twin beside it (same name, .json);
  // both are removed if the run fails; throws naming `parameter` when a file
  // cannot be written. Returns the JSON path.
  QString writeReportFiles(const QString& parameter, const QString& htmlPath, const QByteArray& html, const QByteArray& json) const;
  // The destination a parameter asks for, as text (TEMPORARY_OUTPUT stays
  // as it is), without parameterAsOutputLayer()'s side effect of queueing a
  // layer to load on completion.
  QString destinationOf(const QVariantMap& parameters, const QString& name, const QgsProcessingContext& context) const;
  // The GeoPackage layers a file destination writes (townsystem's plan
  // layers): those may be overwritten in an existing file, any other layer
  // there makes the run refuse. Sinks write one layer named after the file.
  virtual QStringList layersWrittenTo(const QString& /*parameter*/) const { return {}; }
  // The field that names features in reports and labels: name_zh, name, or
  // the first text field; −1 when there is none.
  static int nameFieldIndex(const QgsFields& fields);
  // A feature's name: name_zh, else name (sparse Chinese names fall back to
  // GeoNames' romanised ones), else the nameFieldIndex field; NULL without.
  static QVariant featureName(const QgsFeature& feature);
  // The line network's parameters and outputs (NetworkInput), declared on this algorithm.
  void addNetworkParameters(const NetworkInput::Declare& declare);
  // Writes NetworkInput::COMPONENTS when requested and adds NUM_COMPONENTS
  // and LARGEST_SHARE to outputs.
  void writeNetworkComponents(const poleaxis::Network& network, const NetworkInput::Lines& lines,
                              const QVariantMap& parameters, QgsProcessingContext& context, QVariantMap& outputs) const;
  // Marks a parameter advanced (hidden under the dialog's Advanced section).
  template <class Parameter>
  static Parameter* advanced(Parameter* parameter) {
    parameter->setFlags(parameter->flags() | compat::ParameterAdvanced);
    return parameter;
  }
  // The input's fields followed by the algorithm's. One rule for clashes:
  // the algorithm's fields keep their documented names (styles classify by
  // them), and an input field of the same name (case-insensitive) is renamed
  // <name>_in, with a warning naming `parameter`.
  static QgsFields combineOutputFields(const QgsFields& input, const QgsFields& added, QgsProcessingFeedback* feedback,
                                       const QString& parameter);
  // Output fields from (name, type) pairs.
  static QgsFields makeFields(std::initializer_list<std::pair<QString, compat::ValueType>> fields);
  // The input rows that had no geometry, as output rows of `outFields` with
  // NULL results: planners join outputs back by row, so no row is dropped.
  static QgsFeatureList rowsWithoutGeometry(const conversion::PointTable& table, const QgsFields& outFields);
  // Warns, naming the parameter and the features, that points without geometry were skipped.
  static void warnWithoutGeometry(QgsProcessingFeedback* feedback, const QString& parameter, const std::vector<QgsFeatureId>& ids);
  // "3, 7, 12 and 4 more" for logs.
  static QString idList(const std::vector<QgsFeatureId>& ids, size_t shown = 10);

 private:
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) final;
  // Refuses destinations that would replace an input or other layers.
  void guardDestinations(const QVariantMap& parameters, QgsProcessingContext& context) const;
  void removeCreatedFiles() const;
  mutable QStringList mCreatedFiles;  // files this run wrote, removed if it throws
  mutable QStringList mExistedBefore;  // destination files that existed when the run began
  mutable QStringList mCreatedTables;  // database tables this run created (uri, schema, table), dropped if it throws
  mutable QStringList mTablesExistedBefore;  // destination tables ("schema.table") there when the run began
};
