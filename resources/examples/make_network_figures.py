"""Renders the README's "networks from real data" figures: Guizhou's
development axes on the national rail with the lines joined at shared
vertices only (as drawn), and with the default noding (crossings,
T-junctions, 100 m tolerance) plus the external metropolises.

Run from the repository: /usr/bin/python3 resources/examples/make_network_figures.py <build dir>
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(REPO, "..", "shared", "data")
sys.path.insert(0, os.path.join(REPO, "bench"))
import harness  # noqa: E402

harness.start_qgis(sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "build-ci"))
import processing  # noqa: E402
from qgis.core import (QgsMapRendererParallelJob, QgsMapSettings, QgsRectangle, QgsVectorLayer,  # noqa: E402
                       QgsCoordinateReferenceSystem, QgsPalLayerSettings, QgsVectorLayerSimpleLabeling, QgsTextFormat)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

styles = os.path.join(REPO, "resources", "styles")
towns = QgsVectorLayer(os.path.join(REPO, "testdata", "guizhou_towns.gpkg"), "towns", "ogr")
biggest = sorted(towns.getFeatures(), key=lambda f: -f["population"])[:15]
towns.setSubsetString("fid in (%s)" % ",".join(str(f.id()) for f in biggest))
external = QgsVectorLayer(os.path.join(DATA, "china_towns.gpkg"), "external", "ogr")
external.setSubsetString("asciiname in ('Chongqing','Chengdu','Kunming','Nanning','Changsha','Guilin','Liuzhou','Huaihua') "
                         "and feature_code in ('PPLA','PPLA2')")
boundary = QgsVectorLayer(os.path.join(REPO, "testdata", "guizhou_boundary.geojson"), "boundary", "ogr")
boundary.loadNamedStyle(os.path.join(styles, "boundary.qml"))


def label(layer, size=9):
    settings = QgsPalLayerSettings()
    settings.fieldName = "name_zh"
    text = QgsTextFormat()
    text.setFont(QFont("Noto Sans CJK SC"))
    text.setSize(size)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


label(towns)
label(external, 10)


def figure(name, parameters):
    result = processing.run("poleaxis:developmentaxes", dict({
        "CENTRES": towns, "MASS_FIELD": "population", "LINES": [os.path.join(DATA, "china_rail_lines.gpkg")], "DISTANCE_MODE": 1,
        "SNAP_KM": 10, "PAIRS": 1, "TOP_N": 3, "DESIRE_LINES": "memory:", "AXES": "memory:", "COMPONENTS": "memory:"}, **parameters))
    components, axes = result["COMPONENTS"], result["AXES"]
    components.loadNamedStyle(os.path.join(styles, "network_components.qml"))
    axes.loadNamedStyle(os.path.join(styles, "axes.qml"))
    settings = QgsMapSettings()
    settings.setLayers([towns, external, axes, components, boundary])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    settings.setExtent(QgsRectangle(102.5, 23.8, 111.0, 30.2))
    settings.setOutputSize(QSize(900, 680))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    path = os.path.join(HERE, name)
    job.renderedImage().save(path)
    print("wrote %s: %d components, largest %.1f %% of km, %d pairs, %d unreachable"
          % (path, result["NUM_COMPONENTS"], result["LARGEST_SHARE"], result["NUM_PAIRS"], result["UNREACHABLE_PAIRS"]))


figure("guizhou_network_before.png", {"NODING": 0, "TOLERANCE_M": 0.01})
figure("guizhou_network_after.png", {"EXTERNAL": external, "EXTERNAL_MASS_FIELD": "population"})
