#include "poleaxisplugin.h"

#include <qgis.h>
#include <qgisinterface.h>
#include <qgsapplication.h>
#include <qgsmessagebar.h>
#include <qgsprocessingregistry.h>
#include <qgspythonrunner.h>

#include <QAction>
#include <QMenu>
#include <algorithm>
#include <utility>
#include <QMessageBox>
#include <QToolBar>
#include <QToolButton>

#include "poleaxisprovider.h"
#include "poleaxisversion.h"
#include "resourcepath.h"

PoleaxisPlugin::PoleaxisPlugin(QgisInterface* iface)
    : QgisPlugin(QStringLiteral(POLEAXIS_NAME), QString::fromUtf8(POLEAXIS_DESCRIPTION),
                 QStringLiteral(POLEAXIS_CATEGORY), QStringLiteral(POLEAXIS_VERSION), QgisPlugin::UI),
      mIface(iface) {}

QString PoleaxisPlugin::menuName() { return tr("Pole-Axis Planner"); }

void PoleaxisPlugin::initGui() {
  if (mLoaded) return;
  mLoaded = true;
  poleaxisregistration::acquire();
  PoleaxisProvider::initResources();
  QgsProcessingProvider* provider = QgsApplication::processingRegistry()->providerById(QStringLiteral("poleaxis"));

  mToolMenu = new QMenu(menuName());
  mToolMenu->setIcon(QIcon(poleaxisResource(QStringLiteral("icons/poleaxis.svg"))));
  auto separator = [this] {
    auto* line = new QAction(this);
    line->setSeparator(true);
    mActions << line;
  };
  if (provider) {
    // The one-shot town-system run first, then each algorithm on its own.
    QList<const QgsProcessingAlgorithm*> algorithms = provider->algorithms();
    std::stable_partition(algorithms.begin(), algorithms.end(),
                          [](const QgsProcessingAlgorithm* a) { return a->name() == QLatin1String("townsystem"); });
    for (const QgsProcessingAlgorithm* algorithm : algorithms) {
      auto* action = new QAction(algorithm->icon(), algorithm->displayName() + QStringLiteral("…"), this);
      action->setObjectName(QStringLiteral("poleaxis_action_%1").arg(algorithm->name()));
      action->setToolTip(algorithm->shortDescription());
      const QString id = algorithm->id();
      connect(action, &QAction::triggered, this, [this, id] { openAlgorithm(id); });
      mActions << action;
      if (algorithm == algorithms.first()) separator();
    }
    separator();
  }
  auto* help = new QAction(QgsApplication::getThemeIcon(QStringLiteral("/mActionHelpContents.svg")), tr("Help…"), this);
  help->setObjectName(QStringLiteral("poleaxis_action_help"));
  connect(help, &QAction::triggered, this, &PoleaxisPlugin::showHelp);
  mActions << help;
  auto* about = new QAction(QIcon(poleaxisResource(QStringLiteral("icons/poleaxis.svg"))), tr("About Pole-Axis Planner…"), this);
  about->setObjectName(QStringLiteral("poleaxis_action_about"));
  connect(about, &QAction::triggered, this, &PoleaxisPlugin::showAbout);
  mActions << about;

  for (QAction* action : std::as_const(mActions)) {
    mIface->addPluginToMenu(menuName(), action);
    mToolMenu->addAction(action);
  }

  mToolBar = mIface->addToolBar(menuName());
  mToolBar->setObjectName(QStringLiteral("PoleaxisToolBar"));
  auto* button = new QToolButton(mToolBar);
  button->setObjectName(QStringLiteral("PoleaxisToolButton"));
  button->setMenu(mToolMenu);
  button->setPopupMode(QToolButton::InstantPopup);
  button->setIcon(mToolMenu->icon());
  button->setToolTip(menuName());
  mToolBar->addWidget(button);
}

void PoleaxisPlugin::unload() {
  if (!mLoaded) return;
  mLoaded = false;
  for (QAction* action : std::as_const(mActions)) {
    mIface->removePluginMenu(menuName(), action);
    delete action;
  }
  mActions.clear();
  delete mToolBar;
  delete mToolMenu;
  poleaxisregistration::release();
}

void PoleaxisPlugin::openAlgorithm(const QString& algorithmId) {
  // QGIS 3.22 has no public C++ API for the standard algorithm dialog; the
  // Processing plugin's Python one is the dialog every other provider gets.
  const QString command = QStringLiteral("import processing\nprocessing.execAlgorithmDialog('%1')").arg(algorithmId);
  if (!QgsPythonRunner::isValid() || !QgsPythonRunner::run(command)) {
    mIface->messageBar()->pushWarning(menuName(), tr("Open %1 from the Processing Toolbox: Python support is not available.").arg(algorithmId));
  }
}

void PoleaxisPlugin::showHelp() {
  QString text = tr("<p>Each algorithm's own help (formulas, parameters, units) is in its dialog and in "
                    "<code>qgis_process.bin help poleaxis:&lt;name&gt;</code>.</p>");
  text += QStringLiteral("<table cellpadding=\"3\">");
  if (const QgsProcessingProvider* provider = QgsApplication::processingRegistry()->providerById(QStringLiteral("poleaxis")))
    for (const QgsProcessingAlgorithm* algorithm : provider->algorithms())
      text += QStringLiteral("<tr><td><b>%1</b><br><code>%2</code></td><td>%3</td></tr>")
                  .arg(algorithm->displayName().toHtmlEscaped(), algorithm->id(), algorithm->shortDescription().toHtmlEscaped());
  text += QStringLiteral("</table>");
  text += tr("<p>Styles, layout templates and the example model (Processing Toolbox ▸ Models) come with the plugin; "
             "the README describes methods, tests and benchmarks.</p>");
  QMessageBox box(QMessageBox::Information, tr("Pole-Axis Planner help"), text, QMessageBox::Close, mIface->mainWindow());
  box.setTextFormat(Qt::RichText);
  box.exec();
}

void PoleaxisPlugin::showAbout() {
  QMessageBox::about(mIface->mainWindow(), tr("About Pole-Axis Planner"),
                     tr("<b>Pole-Axis Planner %1</b><br>%2<br><br>Processing provider <code>poleaxis</code>. "
                        "Open the algorithms from the Processing Toolbox, this menu, the toolbar button, "
                        "PyQGIS (processing.run) or qgis_process.")
                         .arg(QStringLiteral(POLEAXIS_VERSION), QString::fromUtf8(POLEAXIS_DESCRIPTION)));
}

// ---- Entry points QGIS's plugin registry looks up (3.22: pointers to static strings).

static const QString sName = QStringLiteral(POLEAXIS_NAME);
static const QString sDescription = QString::fromUtf8(POLEAXIS_DESCRIPTION);
static const QString sCategory = QStringLiteral(POLEAXIS_CATEGORY);
static const QString sVersion = QStringLiteral(POLEAXIS_VERSION);
static const QString sExperimental = QStringLiteral(POLEAXIS_EXPERIMENTAL);

QGISEXTERN QgisPlugin* classFactory(QgisInterface* iface) { return new PoleaxisPlugin(iface); }
QGISEXTERN const QString* name() { return &sName; }
QGISEXTERN const QString* description() { return &sDescription; }
QGISEXTERN const QString* category() { return &sCategory; }
QGISEXTERN int type() { return QgisPlugin::UI; }
QGISEXTERN const QString* version() { return &sVersion; }
QGISEXTERN const QString* icon() {
  PoleaxisProvider::initResources();
  static const QString sIcon = poleaxisResource(QStringLiteral("icons/poleaxis.svg"));
  return &sIcon;
}
QGISEXTERN const QString* experimental() { return &sExperimental; }
QGISEXTERN void unload(QgisPlugin* plugin) { delete plugin; }

// ---- For the qgis_process companion (Python, via ctypes).
QGISEXTERN int poleaxis_register_provider() { return poleaxisregistration::acquire() ? 1 : 0; }
QGISEXTERN void poleaxis_unregister_provider() { poleaxisregistration::release(); }
