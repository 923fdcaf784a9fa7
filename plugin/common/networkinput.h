// The line network as every network algorithm takes it: one or more line
// layers (rail, highways, ferries, rivers) with per-layer class, speed and
// route-name fields, noded by one rule (NODING, TOLERANCE_M), and one report
// of what the noding joined and which components remain (log and the
// optional COMPONENTS layer). developmentaxes, serviceradii (travel time),
// townclusters (network distances) and townsystem all go through here.
#pragma once

#include <qgscoordinatereferencesystem.h>
#include <qgsattributes.h>
#include <qgsfeatureid.h>
#include <qgsfields.h>
#include <qgsprocessingparameters.h>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <vector>

#include "poleaxis/network.h"

class QgsProcessingAlgorithm;
class QgsProcessingContext;
class QgsProcessingFeedback;
class QgsFeatureSink;
class QgsVectorLayer;

class NetworkInput {
  Q_DECLARE_TR_FUNCTIONS(NetworkInput)

 public:
  // Parameter names, the same in every algorithm.
  static const QString LINES, CLASS_FIELD, SPEED_FIELD, SPEED_TABLE, DEFAULT_SPEED, NAME_FIELD, NODING, TOLERANCE_M,
      COMPONENTS;

  // What an algorithm declares. The field parameters are names (read in each
  // layer that has them), since a field list cannot follow several layers.
  struct Declare {
    QString linesLabel;
    QString linesName = LINES;               // serviceradii calls it NETWORK
    QString defaultSpeedName = DEFAULT_SPEED;  // and DEFAULT_SPEED_KMH
    bool optional = false;
    bool speeds = true;     // SPEED_FIELD, SPEED_TABLE, DEFAULT_SPEED
    bool routeNames = true; // NAME_FIELD
    bool components = true; // the COMPONENTS output
    // Refuse a CLASS_FIELD, SPEED_FIELD or NAME_FIELD that no layer has (off
    // for a second set of layers such as rivers, which may lack them).
    bool requireFields = true;
  };
  static QList<QgsProcessingParameterDefinition*> parameters(const Declare& declare);
  // The help text on noding, tolerance and components, shared by every network algorithm.
  static QString helpText();

  struct Lines {
    std::vector<poleaxis::Line> lines;  // lon/lat
    std::vector<QgsFeatureId> ids;      // feature id in its layer
    std::vector<int> layer;             // index into layerNames
    std::vector<QString> classes;       // class field value, else the layer name
    std::vector<QString> routeNames;    // NAME_FIELD value, or empty
    std::vector<double> speeds;         // km/h, NaN where none is known
    QString parameter = LINES;          // the lines' parameter name, for messages
    std::vector<QgsAttributes> attributes;  // every attribute of each line
    std::vector<QgsFields> layerFields;     // per layer
    // Adds other's lines (a second parameter, e.g. rivers) after these.
    void append(const Lines& other);
    QStringList layerNames;
    QgsCoordinateReferenceSystem crs;   // the first layer's: outputs along the lines use it
    poleaxis::NodingOptions noding;
    bool empty() const { return lines.empty(); }
  };
  // Reads LINES (absent and optional: empty Lines). needSpeeds refuses a line
  // without a speed (network minutes, travel time), naming the parameter and
  // the feature. Throws QgsProcessingException naming the parameter.
  static Lines read(const QgsProcessingAlgorithm& algorithm, const QVariantMap& parameters, QgsProcessingContext& context,
                    QgsProcessingFeedback* feedback, bool needSpeeds, const Declare& declared);

  // The network of these lines with centres spliced in; InputError from the
  // core becomes a QgsProcessingException naming LINES or TOLERANCE_M.
  static std::unique_ptr<poleaxis::Network> build(const Lines& lines, const std::vector<poleaxis::Point>& centres,
                                                  double snapKm, QgsProcessingFeedback* feedback, double progressFrom,
                                                  double progressTo);
  // A LineError from the network builder as a QgsProcessingException naming
  // the lines' parameter, layer and feature, or TOLERANCE_M.
  [[noreturn]] static void refuse(const poleaxis::LineError& error, const Lines& lines);
  // Logs what the noding joined, the components and the centres moved to the
  // largest one (ids: the centres' feature ids, for the log).
  static void log(const poleaxis::Network& network, const std::vector<QgsFeatureId>& centreIds,
                  QgsProcessingFeedback* feedback);
  // The COMPONENTS layer: one multi-line per component, largest first.
  static QgsFields componentFields();
  // Writes the component features into sink (in lines.crs).
  static void writeComponents(const poleaxis::Network& network, const Lines& lines, QgsFeatureSink& sink,
                              QgsProcessingContext& context);
  // A layer's own name: a layer opened from a path is named after the file
  // ("roads.gpkg"); its lines' class is then "roads", or the GeoPackage
  // layer's name when the path picks one.
  static QString layerName(const QgsVectorLayer& layer);
  // Adds the NUM_COMPONENTS and LARGEST_SHARE output definitions.
  static QList<QgsProcessingOutputDefinition*> outputs();
};
