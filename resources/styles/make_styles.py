"""Regenerates the QML style of every output role with PyQGIS, so the files
stay valid for the QGIS they ship with. Run: /usr/bin/python3 make_styles.py

Roles are named after the layers they style; the plugin applies them when
outputs load (StylePostProcessor) and stores them in GeoPackages.
"""
import os
import sys

from qgis.core import (QgsApplication, QgsFillSymbol, QgsGraduatedSymbolRenderer,
                       QgsLinePatternFillSymbolLayer, QgsMarkerSymbol, QgsRendererRange,
                       QgsSimpleLineSymbolLayer, QgsSingleSymbolRenderer, QgsVectorLayer,
                       QgsLineSymbol)
from qgis.PyQt.QtGui import QColor

HERE = os.path.dirname(os.path.abspath(__file__))


def save(layer, role):
    path = os.path.join(HERE, role + ".qml")
    message, ok = layer.saveNamedStyle(path)
    if not ok:
        sys.exit("could not write %s: %s" % (path, message))
    print("wrote", path)


def service_circles():
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "service_circles", "memory")
    symbol = QgsFillSymbol.createSimple({
        "color": "255,170,0,56", "outline_color": "204,102,0,255",
        "outline_width": "0.4", "outline_width_unit": "MM", "joinstyle": "round"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setOpacity(1.0)
    save(layer, "service_circles")


def service_gaps():
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "service_gaps", "memory")
    symbol = QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": "200,30,30,255", "outline_width": "0.3",
        "outline_style": "dash", "outline_width_unit": "MM"})
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45)
    hatch.setDistance(2.0)
    hatch.setColor(QColor(200, 30, 30))
    hatch.setSubSymbol(QgsLineSymbol.createSimple({"color": "200,30,30,200", "width": "0.2"}))
    symbol.insertSymbolLayer(0, hatch)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    save(layer, "service_gaps")


def demand_coverage():
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=n_cover:integer", "demand_coverage", "memory")
    classes = [
        (0, 0, "not covered", "215,25,28", "cross2", 2.6),
        (1, 1, "1 circle", "26,150,65", "circle", 1.8),
        (2, 1e9, "2 or more circles", "0,90,50", "circle", 2.4),
    ]
    ranges = []
    for low, high, label, color, shape, size in classes:
        symbol = QgsMarkerSymbol.createSimple({
            "name": shape, "color": color, "outline_color": "255,255,255" if shape == "circle" else color,
            "outline_width": "0.2" if shape == "circle" else "0.5", "size": str(size)})
        ranges.append(QgsRendererRange(low, high, symbol, label))
    renderer = QgsGraduatedSymbolRenderer("n_cover", ranges)
    layer.setRenderer(renderer)
    save(layer, "demand_coverage")


if __name__ == "__main__":
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    service_circles()
    service_gaps()
    demand_coverage()
    app.exitQgis()
