#pragma once

#include <qgsprocessingcontext.h>

class QgsMapLayer;

// Gives an output layer the print-ready QML style of its role
// (resources/styles/<role>.qml) when Processing loads it.
class StylePostProcessor : public QgsProcessingLayerPostProcessorInterface {
 public:
  explicit StylePostProcessor(const QString& role) : mRole(role) {}
  void postProcessLayer(QgsMapLayer* layer, QgsProcessingContext& context,
                        QgsProcessingFeedback* feedback) override;

  // Applies the role's style to a layer; false (with message) when it fails.
  static bool applyStyle(QgsMapLayer* layer, const QString& role, QString* message = nullptr);
  // Registers the post-processor for an output that will be loaded.
  static void styleOnLoad(QgsProcessingContext& context, const QString& destinationId, const QString& role);
  // Resource path of a role's style.
  static QString stylePath(const QString& role);

 private:
  QString mRole;
};
