// The provider registers, describes itself, and can be added and removed
// repeatedly (the desktop plugin and the qgis_process companion share it).
#include <qgsapplication.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingregistry.h>

#include <QIcon>
#include <QRegularExpression>

#include <qgsrenderer.h>

#include "poleaxisprovider.h"
#include "stylepostprocessor.h"
#include "qgistest.h"

namespace {
QgsProcessingProvider* provider() {
  return QgsApplication::processingRegistry()->providerById(QStringLiteral("poleaxis"));
}
}  // namespace

TEST(Provider, IsRegisteredWithItsAlgorithms) {
  ASSERT_NE(provider(), nullptr);
  EXPECT_EQ(provider()->name(), QStringLiteral("Pole-Axis Planner"));
  EXPECT_TRUE(provider()->longName().contains(QStringLiteral("native C++")));
  EXPECT_FALSE(provider()->icon().isNull());
  EXPECT_FALSE(provider()->versionInfo().isEmpty());
  QStringList ids;
  for (const QgsProcessingAlgorithm* a : provider()->algorithms()) ids << a->id();
  EXPECT_TRUE(ids.contains(QStringLiteral("poleaxis:serviceradii"))) << ids.join(',').toStdString();
}

TEST(Provider, EveryAlgorithmHasHelpIconAndGroup) {
  for (const QgsProcessingAlgorithm* a : provider()->algorithms()) {
    SCOPED_TRACE(a->id().toStdString());
    EXPECT_GT(a->shortHelpString().size(), 400);
    EXPECT_TRUE(a->shortHelpString().contains(QStringLiteral("km")));
    EXPECT_FALSE(a->group().isEmpty());
    EXPECT_FALSE(a->icon().isNull());
    EXPECT_FALSE(a->displayName().isEmpty());
  }
}

// qgis_process prints the help as it is: no markup, and a parameter is named
// by the label the dialog shows, its id only in brackets after the label.
TEST(Provider, HelpIsPlainTextNamingParametersByTheirLabels) {
  const QRegularExpression tag(QStringLiteral("</?[a-zA-Z]+>"));
  for (const QgsProcessingAlgorithm* a : provider()->algorithms()) {
    SCOPED_TRACE(a->id().toStdString());
    const QString help = a->shortHelpString();
    EXPECT_FALSE(help.contains(tag)) << help.toStdString();
    QString prose = help;  // without the quoted labels, some of which spell an id ("radius EPS (km)")
    prose.remove(QRegularExpression(QStringLiteral("“[^”]*”")));
    for (const QgsProcessingParameterDefinition* p : a->parameterDefinitions()) {
      if (p->name() == QLatin1String("PDF") || p->name() == QLatin1String("PNG")) continue;  // file formats in the prose
      const QRegularExpression bare(QStringLiteral("(?<![A-Za-z0-9_(])%1(?![A-Za-z0-9_)])").arg(p->name()));
      EXPECT_FALSE(prose.contains(bare)) << p->name().toStdString() << " is named by its id in: " << help.toStdString();
      const QString bracketed = QStringLiteral("(%1)").arg(p->name());
      if (help.contains(bracketed)) {
        EXPECT_TRUE(help.contains(QStringLiteral("“%1” %2").arg(p->description(), bracketed))) << p->name().toStdString();
      }
    }
  }
}

TEST(Provider, RegistersOnceAndSurvivesRepeatedLoadUnload) {
  // The test main holds one registration; more users share it.
  EXPECT_FALSE(poleaxisregistration::acquire());
  poleaxisregistration::release();
  EXPECT_TRUE(poleaxisregistration::isRegistered());
  // Drop the main's registration, then load/unload/load again.
  poleaxisregistration::release();
  EXPECT_FALSE(poleaxisregistration::isRegistered());
  EXPECT_TRUE(poleaxisregistration::acquire());
  poleaxisregistration::release();
  EXPECT_FALSE(poleaxisregistration::isRegistered());
  EXPECT_TRUE(poleaxisregistration::acquire());  // the main's again
  EXPECT_NE(provider(), nullptr);
}

TEST(Provider, EveryChineseLocaleSpellingGetsTheTranslation) {
  for (const char* locale : {"zh", "zh_CN", "zh-Hans", "zh_Hans_CN", "zh-Hant", "ZH_cn"})
    EXPECT_EQ(PoleaxisProvider::translationFor(QString::fromLatin1(locale)), QStringLiteral("zh_CN")) << locale;
  for (const char* locale : {"en", "en_US", "", "fr_FR", "zu", "C"})
    EXPECT_EQ(PoleaxisProvider::translationFor(QString::fromLatin1(locale)), QString()) << locale;
  // The mapped name loads: the translation exists for all of them.
  EXPECT_TRUE(PoleaxisProvider::installTranslation(PoleaxisProvider::translationFor(QStringLiteral("zh_Hans_CN"))));
  EXPECT_FALSE(PoleaxisProvider::installTranslation(QStringLiteral("en")));
}

TEST(Provider, ChineseTranslationNamesTheAlgorithms) {
  std::unique_ptr<QgsProcessingAlgorithm> before(
      QgsApplication::processingRegistry()->createAlgorithmById(QStringLiteral("poleaxis:serviceradii")));
  EXPECT_EQ(before->displayName(), QStringLiteral("Service radii"));
  ASSERT_TRUE(PoleaxisProvider::installTranslation(QStringLiteral("zh_CN")));
  EXPECT_EQ(before->displayName(), QString::fromUtf8("服务半径"));
  EXPECT_TRUE(before->shortHelpString().contains(QString::fromUtf8("测地")));
  EXPECT_EQ(provider()->name(), QString::fromUtf8("点轴规划"));
  // Back to English: no translation for "en" exists, so the zh one is removed.
  EXPECT_FALSE(PoleaxisProvider::installTranslation(QStringLiteral("en")));
  EXPECT_EQ(before->displayName(), QStringLiteral("Service radii"));
}

TEST(Provider, EveryOutputRoleHasAStyleThatApplies) {
  struct Role {
    const char* name;
    const char* layer;
    const char* renderer;
  };
  for (const Role& role : {Role{"service_circles", "MultiPolygon?crs=EPSG:4326", "singleSymbol"},
                           Role{"service_gaps", "MultiPolygon?crs=EPSG:4326", "singleSymbol"},
                           Role{"demand_coverage", "Point?crs=EPSG:4326&field=n_cover:integer", "graduatedSymbol"},
                           Role{"town_levels", "Point?crs=EPSG:4326&field=level:integer", "RuleRenderer"},
                           Role{"town_functions", "Point?crs=EPSG:4326&field=type:string", "categorizedSymbol"},
                           Role{"axes", "LineString?crs=EPSG:4326&field=grade:integer", "categorizedSymbol"},
                           Role{"network_edges", "LineString?crs=EPSG:4326&field=grade:integer", "categorizedSymbol"},
                           Role{"desire_lines", "LineString?crs=EPSG:4326&field=grav:double", "singleSymbol"},
                           Role{"corridors", "MultiPolygon?crs=EPSG:4326&field=band:integer", "RuleRenderer"},
                           Role{"boundary", "MultiPolygon?crs=EPSG:4326", "singleSymbol"},
                           Role{"town_groups", "MultiPolygon?crs=EPSG:4326&field=colour:integer", "categorizedSymbol"},
                           Role{"influence_areas", "MultiPolygon?crs=EPSG:4326&field=colour:integer", "categorizedSymbol"},
                           Role{"grouped_towns", "Point?crs=EPSG:4326&field=group_id:integer", "RuleRenderer"},
                           Role{"towns_plain", "Point?crs=EPSG:4326", "singleSymbol"},
                           Role{"lines_plain", "LineString?crs=EPSG:4326", "singleSymbol"},
                           Role{"network_components", "MultiLineString?crs=EPSG:4326&field=comp_id:integer", "categorizedSymbol"},
                           Role{"town_standards", "Point?crs=EPSG:4326&field=n_met:integer", "graduatedSymbol"}}) {
    SCOPED_TRACE(role.name);
    QgsVectorLayer layer(QString::fromLatin1(role.layer), QStringLiteral("l"), QStringLiteral("memory"));
    QString message;
    EXPECT_TRUE(StylePostProcessor::applyStyle(&layer, QString::fromLatin1(role.name), &message)) << message.toStdString();
    ASSERT_NE(layer.renderer(), nullptr);
    EXPECT_EQ(layer.renderer()->type(), QString::fromLatin1(role.renderer));
  }
  QgsVectorLayer layer(QStringLiteral("Point?crs=EPSG:4326"), QStringLiteral("l"), QStringLiteral("memory"));
  EXPECT_FALSE(StylePostProcessor::applyStyle(&layer, QStringLiteral("no_such_role")));
}
