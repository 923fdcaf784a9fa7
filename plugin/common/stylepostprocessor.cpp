#include "stylepostprocessor.h"
#include "resourcepath.h"

#include <qgsmaplayer.h>
#include <qgsprocessingfeedback.h>

#include <QDomDocument>
#include <QFile>

QString StylePostProcessor::stylePath(const QString& role) {
  return poleaxisResource(QStringLiteral("styles/%1.qml").arg(role));
}

bool StylePostProcessor::applyStyle(QgsMapLayer* layer, const QString& role, QString* message) {
  QFile file(stylePath(role));
  QDomDocument doc;
  if (!layer || !file.open(QIODevice::ReadOnly) || !doc.setContent(&file)) {
    if (message) *message = QStringLiteral("style %1 not found").arg(stylePath(role));
    return false;
  }
  QString error;
  if (!layer->importNamedStyle(doc, error, QgsMapLayer::AllStyleCategories)) {
    if (message) *message = error;
    return false;
  }
  layer->triggerRepaint();
  return true;
}

void StylePostProcessor::postProcessLayer(QgsMapLayer* layer, QgsProcessingContext&,
                                          QgsProcessingFeedback* feedback) {
  QString message;
  if (!applyStyle(layer, mRole, &message) && feedback)
    feedback->pushWarning(QStringLiteral("Could not style %1: %2").arg(layer ? layer->name() : QString(), message));
}

void StylePostProcessor::styleOnLoad(QgsProcessingContext& context, const QString& destinationId,
                                     const QString& role) {
  if (context.willLoadLayerOnCompletion(destinationId))
    context.layerToLoadOnCompletionDetails(destinationId).setPostProcessor(new StylePostProcessor(role));
}
