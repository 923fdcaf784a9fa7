#pragma once

#include <qgisplugin.h>

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QToolBar;
class QToolButton;
class QgisInterface;

// The desktop plugin: registers the provider and gives planners a menu and a
// toolbar button that open each algorithm's dialog.
class PoleaxisPlugin : public QObject, public QgisPlugin {
  Q_OBJECT

 public:
  explicit PoleaxisPlugin(QgisInterface* iface);
  // Invokable so a running QGIS can be driven through unload/load cycles in tests.
  Q_INVOKABLE void initGui() override;
  Q_INVOKABLE void unload() override;

  static QString menuName();

 private:
  void openAlgorithm(const QString& algorithmId);
  void showHelp();
  void showAbout();

  QgisInterface* mIface = nullptr;
  QList<QAction*> mActions;
  QPointer<QToolBar> mToolBar;
  QPointer<QMenu> mToolMenu;
  bool mLoaded = false;
};
