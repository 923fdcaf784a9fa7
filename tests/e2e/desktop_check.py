"""Runs inside desktop QGIS (qgis --code): records what a planner would see
and writes it as JSON for desktop_test.py. Environment: POLEAXIS_DESKTOP_JSON,
POLEAXIS_DESKTOP_PNG, POLEAXIS_TESTDATA."""
import json
import os
import traceback

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QMetaObject, QObject, QTimer
from qgis.PyQt.QtWidgets import QToolBar, QToolButton
from qgis.utils import iface, plugins

report = {}


def provider_name():
    provider = QgsApplication.processingRegistry().providerById("poleaxis")
    return provider.name() if provider else None


def check():
    try:
        registry = QgsApplication.processingRegistry()
        report["provider"] = provider_name()
        provider = registry.providerById("poleaxis")
        report["algorithms"] = [a.id() for a in provider.algorithms()] if provider else []
        report["display_names"] = [a.displayName() for a in provider.algorithms()] if provider else []
        plugin = iface.mainWindow().findChild(QObject, os.environ["POLEAXIS_PLUGIN_OBJECT"])
        report["plugin_object"] = plugin is not None
        with open("/proc/self/maps") as maps:
            report["libraries"] = sorted({line.split()[-1] for line in maps if "poleaxis" in line})
        submenus = {a.text().replace("&", ""): a.menu() for a in iface.pluginMenu().actions() if a.menu()}
        report["plugin_menus"] = sorted(submenus)
        menu = next((m for t, m in submenus.items() if t in ("Pole-Axis Planner", "点轴规划")), None)
        report["menu_actions"] = [a.objectName() for a in menu.actions()] if menu else []
        report["menu_texts"] = [a.text() for a in menu.actions()] if menu else []
        report["qgis_plugins_menu"] = iface.pluginMenu().title()  # QGIS's own string
        toolbar = iface.mainWindow().findChild(QToolBar, "PoleaxisToolBar")
        report["toolbar"] = toolbar is not None and toolbar.findChild(QToolButton, "PoleaxisToolButton") is not None

        import processing
        towns = os.path.join(os.environ["POLEAXIS_TESTDATA"], "jilin_towns.gpkg")
        out = processing.run("poleaxis:serviceradii", {"INPUT": towns, "RADIUS": 30, "DISSOLVE": 2,
                                                        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        report["run_features"] = out.featureCount()
        # The plan map lands in the project as an editable layout.
        from qgis.core import QgsProject
        pdf = os.path.join(os.path.dirname(os.environ["POLEAXIS_DESKTOP_JSON"]), "desktop-plan.pdf")
        processing.run("poleaxis:planmap", {"CIRCLES": out, "TITLE": "Desktop plan", "PDF": pdf})
        report["layouts"] = [l.name() for l in QgsProject.instance().layoutManager().layouts()]

        # Show the provider in the Processing Toolbox for the screenshot.
        toolbox = plugins["processing"].toolbox
        toolbox.setVisible(True)
        toolbox.searchBox.setText("poleaxis")

        # Unload and load the plugin again inside the running QGIS.
        QMetaObject.invokeMethod(plugin, "unload")
        report["after_unload"] = {"provider": provider_name(),
                                  "toolbar": iface.mainWindow().findChild(QToolBar, "PoleaxisToolBar") is not None}
        QMetaObject.invokeMethod(plugin, "initGui")
        report["after_reload"] = {"provider": provider_name(),
                                  "toolbar": iface.mainWindow().findChild(QToolBar, "PoleaxisToolBar") is not None}
        toolbox.searchBox.setText("")
        toolbox.searchBox.setText("poleaxis")
    except Exception:  # reported, the driver fails on it
        report["exception"] = traceback.format_exc()
    QTimer.singleShot(1500, finish)


def finish():
    iface.mainWindow().grab().save(os.environ["POLEAXIS_DESKTOP_PNG"])
    with open(os.environ["POLEAXIS_DESKTOP_JSON"], "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False, indent=1)
    # Close the project before exit: QGIS 3.40 crashes on exit while layers
    # and layouts are still in it (seen with this script, rc 134).
    from qgis.core import QgsProject
    QgsProject.instance().clear()
    QTimer.singleShot(500, lambda: QgsApplication.instance().exit(0))


QTimer.singleShot(2500, check)
