#pragma once

#include <qgsprocessingprovider.h>

// Processing provider "poleaxis": every pole-axis planning algorithm.
class PoleaxisProvider : public QgsProcessingProvider {
  Q_OBJECT

 public:
  explicit PoleaxisProvider(QObject* parent = nullptr);

  QString id() const override { return QStringLiteral("poleaxis"); }
  QString name() const override;
  QString longName() const override;
  QString helpId() const override { return QStringLiteral("poleaxis"); }
  QIcon icon() const override;
  QString svgIconPath() const override;
  QString versionInfo() const override;
  bool load() override;

  // Makes the embedded resources (icons, styles, translations) available;
  // needed because they live in a static library.
  static void initResources();
  // Installs the zh_CN (or other) translation when `locale` has one; returns
  // whether one was installed. Called on load with QGIS's locale.
  static bool installTranslation(const QString& locale);
  // The plugin translation for a QGIS UI locale, or "" for English. Every
  // Chinese spelling QGIS uses maps to zh_CN: zh, zh_CN, zh-Hans (Debian's
  // qgis_zh-Hans.qm, the fully Chinese QGIS UI), zh_Hans_CN. Traditional
  // locales (zh-Hant, zh_TW) get it too: it is the only Chinese one there is.
  static QString translationFor(const QString& locale);

 protected:
  void loadAlgorithms() override;
};

// Shared by the desktop plugin and the qgis_process companion: the provider is
// registered once, removed when the last user releases it.
namespace poleaxisregistration {
bool acquire();   // true when this call registered it
void release();
bool isRegistered();
}  // namespace poleaxisregistration
