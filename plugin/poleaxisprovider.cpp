#include "poleaxisprovider.h"

#include <qgsapplication.h>
#include <qgsprocessingregistry.h>

#include <QCoreApplication>
#include <QIcon>
#include <QPointer>
#include <QTranslator>

#include "poleaxisversion.h"
#include "corridorbuffersalgorithm.h"
#include "developmentaxesalgorithm.h"
#include "influenceareasalgorithm.h"
#include "planmapalgorithm.h"
#include "townstandardsalgorithm.h"
#include "townsystemalgorithm.h"
#include "serviceradiialgorithm.h"
#include "townclustersalgorithm.h"
#include "townfunctionsalgorithm.h"
#include "townhierarchyalgorithm.h"
#include "resourcepath.h"

static void initPoleaxisResources() {
  Q_INIT_RESOURCE(poleaxis);
  Q_INIT_RESOURCE(poleaxis_i18n);
}

void PoleaxisProvider::initResources() {
  static const bool done = (initPoleaxisResources(), true);
  (void)done;
}

PoleaxisProvider::PoleaxisProvider(QObject* parent) : QgsProcessingProvider(parent) { initResources(); }

QString PoleaxisProvider::name() const { return tr("Pole-Axis Planner"); }

QString PoleaxisProvider::longName() const {
  return tr("Pole-Axis Planner %1 (native C++)").arg(QStringLiteral(POLEAXIS_VERSION));
}

QString PoleaxisProvider::versionInfo() const { return QStringLiteral(POLEAXIS_VERSION); }

QString PoleaxisProvider::svgIconPath() const { return poleaxisResource(QStringLiteral("icons/poleaxis.svg")); }

QIcon PoleaxisProvider::icon() const { return QIcon(svgIconPath()); }

bool PoleaxisProvider::installTranslation(const QString& locale) {
  static QPointer<QTranslator> installed;
  initResources();
  if (installed) {
    QCoreApplication::removeTranslator(installed);
    delete installed;
  }
  auto* translator = new QTranslator(QCoreApplication::instance());
  if (!translator->load(poleaxisResource(QStringLiteral("i18n/poleaxis_%1.qm").arg(locale))) &&
      !translator->load(poleaxisResource(QStringLiteral("i18n/poleaxis_%1.qm").arg(locale.left(2))))) {
    delete translator;
    return false;
  }
  QCoreApplication::installTranslator(translator);
  installed = translator;
  return true;
}

QString PoleaxisProvider::translationFor(const QString& locale) {
  const QString language = locale.trimmed().toLower().replace(QLatin1Char('-'), QLatin1Char('_')).section(QLatin1Char('_'), 0, 0);
  return language == QLatin1String("zh") ? QStringLiteral("zh_CN") : QString();
}

bool PoleaxisProvider::load() {
  // The UI translation (qgis --lang, or Settings ▸ Options ▸ General) wins
  // over the locale used for number formats.
  auto* app = qobject_cast<QgsApplication*>(QCoreApplication::instance());
  QString language = app ? app->translation() : QString();
  if (language.isEmpty()) language = QgsApplication::locale();
  const QString translation = translationFor(language);
  if (!translation.isEmpty()) installTranslation(translation);
  return QgsProcessingProvider::load();
}

void PoleaxisProvider::loadAlgorithms() {
  addAlgorithm(new CorridorBuffersAlgorithm());
  addAlgorithm(new DevelopmentAxesAlgorithm());
  addAlgorithm(new InfluenceAreasAlgorithm());
  addAlgorithm(new PlanMapAlgorithm());
  addAlgorithm(new ServiceRadiiAlgorithm());
  addAlgorithm(new TownClustersAlgorithm());
  addAlgorithm(new TownFunctionsAlgorithm());
  addAlgorithm(new TownHierarchyAlgorithm());
  addAlgorithm(new TownStandardsAlgorithm());
  addAlgorithm(new TownSystemAlgorithm());
}

namespace poleaxisregistration {

namespace {
QPointer<PoleaxisProvider> sProvider;
int sUsers = 0;
}  // namespace

bool acquire() {
  ++sUsers;
  QgsProcessingRegistry* registry = QgsApplication::processingRegistry();
  if (sProvider || registry->providerById(QStringLiteral("poleaxis"))) return false;
  sProvider = new PoleaxisProvider();
  if (!registry->addProvider(sProvider)) {
    sProvider = nullptr;  // the registry deleted it
    return false;
  }
  return true;
}

void release() {
  if (sUsers > 0) --sUsers;
  if (sUsers == 0 && sProvider) {
    QgsApplication::processingRegistry()->removeProvider(sProvider);  // deletes it
    sProvider = nullptr;
  }
}

bool isRegistered() { return QgsApplication::processingRegistry()->providerById(QStringLiteral("poleaxis")); }

}  // namespace poleaxisregistration
