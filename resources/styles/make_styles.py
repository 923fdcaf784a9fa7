"""Regenerates the QML style of every output role with PyQGIS, so the files
stay valid for the QGIS they ship with. Run: /usr/bin/python3 make_styles.py

Roles are named after the layers they style; the plugin applies them when
outputs load (StylePostProcessor) and stores them in GeoPackages.
"""
import os
import sys

from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsFillSymbol,
                       QgsGraduatedSymbolRenderer, QgsLinePatternFillSymbolLayer, QgsLineSymbol,
                       QgsMarkerSymbol, QgsPalLayerSettings, QgsRendererCategory, QgsRendererRange,
                       QgsSingleSymbolRenderer, QgsTextBufferSettings, QgsTextFormat, QgsVectorLayer,
                       QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtGui import QFont
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


def pole_labels(layer):
    """Labels growth poles with their Chinese (or other) name, haloed for print."""
    settings = QgsPalLayerSettings()
    settings.isExpression = True
    settings.fieldName = ("if(\"is_pole\", coalesce(attribute('name_zh'), attribute('name'), to_string($id)), NULL)")
    text = QgsTextFormat()
    text.setFont(QFont("Noto Sans CJK SC"))
    text.setSize(9)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def town_levels():
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=level:integer&field=is_pole:boolean", "town_levels", "memory")
    # Level 1 biggest and darkest; up to 8 levels.
    sizes = [6.0, 4.6, 3.4, 2.5, 1.9, 1.5, 1.2, 1.0]
    colors = ["128,0,38", "189,0,38", "227,26,28", "252,78,42", "253,141,60", "254,178,76", "254,217,118", "255,237,160"]
    categories = []
    for level, (size, color) in enumerate(zip(sizes, colors), start=1):
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": color, "outline_color": "255,255,255",
                                               "outline_width": "0.3", "size": str(size)})
        categories.append(QgsRendererCategory(level, symbol, "level %d" % level))
    layer.setRenderer(QgsCategorizedSymbolRenderer("level", categories))
    pole_labels(layer)
    save(layer, "town_levels")


def town_functions():
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=type:string", "town_functions", "memory")
    kinds = [("industrial", "Industrial 工业主导型", "102,102,102", "square"),
             ("eco_tourism", "Eco-tourism 生态旅游型", "26,152,80", "circle"),
             ("historic_cultural", "Historic-cultural 历史文化型", "153,52,4", "diamond"),
             ("trade_logistics", "Trade-logistics 商贸流通型", "33,102,172", "triangle"),
             ("modern_agriculture", "Modern agriculture 现代农业型", "166,217,106", "circle"),
             ("transport_hub", "Transport hub 交通枢纽型", "215,25,28", "star"),
             ("general", "General 综合型", "200,200,200", "circle")]
    categories = []
    for value, label, color, shape in kinds:
        symbol = QgsMarkerSymbol.createSimple({"name": shape, "color": color, "outline_color": "50,50,50",
                                               "outline_width": "0.2", "size": "3.2" if value != "general" else "2"})
        categories.append(QgsRendererCategory(value, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("type", categories))
    save(layer, "town_functions")


def graded_lines(name, with_zero):
    """Lines whose width and colour follow grade 1 (strongest) to 3."""
    layer = QgsVectorLayer("LineString?crs=EPSG:4326&field=grade:integer", name, "memory")
    styles = [(1, "grade 1", "178,24,43", "2.4"), (2, "grade 2", "239,138,98", "1.4"), (3, "grade 3", "253,219,199", "0.8")]
    if with_zero:
        styles.append((0, "no flow", "170,170,170", "0.25"))
    categories = [QgsRendererCategory(value, QgsLineSymbol.createSimple(
        {"color": color, "width": width, "capstyle": "round", "joinstyle": "round"}), label)
        for value, label, color, width in styles]
    layer.setRenderer(QgsCategorizedSymbolRenderer("grade", categories))
    save(layer, name)


def desire_lines():
    layer = QgsVectorLayer("LineString?crs=EPSG:4326&field=grav:double", "desire_lines", "memory")
    symbol = QgsLineSymbol.createSimple({"color": "33,102,172,170", "width": "0.3", "capstyle": "round"})
    # Thin, and thicker with gravity (relative to the layer's range).
    from qgis.core import QgsProperty, QgsSymbolLayer
    symbol.symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.PropertyStrokeWidth,
        QgsProperty.fromExpression('scale_linear("grav", minimum("grav"), maximum("grav"), 0.15, 1.2)'))
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    save(layer, "desire_lines")


def corridors():
    """Translucent fills, paler with each band outward; one fill without bands."""
    from qgis.core import QgsRuleBasedRenderer
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=band:integer", "corridors", "memory")
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, label, alpha in (('"band" IS NULL OR "band" = 1', "corridor / band 1", 110),
                                     ('"band" = 2', "band 2", 70), ('"band" >= 3', "band 3+", 40)):
        symbol = QgsFillSymbol.createSimple({"color": "244,109,67,%d" % alpha, "outline_color": "215,48,39,160",
                                             "outline_width": "0.2", "outline_width_unit": "MM"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    save(layer, "corridors")


def simple_fill(name, fill, outline, width, style="solid", outline_style="solid"):
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", name, "memory")
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": fill, "style": style, "outline_color": outline, "outline_width": width,
        "outline_style": outline_style, "outline_width_unit": "MM"})))
    save(layer, name)


# Qualitative colours (ColorBrewer Set2) for groups and areas: neighbours
# carry different `colour` values, so neighbouring polygons differ.
QUALITATIVE = ["102,194,165", "252,141,98", "141,160,203", "231,138,195", "166,216,84", "255,217,47",
               "229,196,148", "179,179,179"]


def by_colour(name, alpha, outline, outline_style="solid"):
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=colour:integer", name, "memory")
    categories = []
    for index, rgb in enumerate(QUALITATIVE):
        symbol = QgsFillSymbol.createSimple({"color": "%s,%d" % (rgb, alpha), "outline_color": outline,
                                             "outline_width": "0.4", "outline_width_unit": "MM",
                                             "outline_style": outline_style})
        categories.append(QgsRendererCategory(index, symbol, "colour %d" % index))
    # More colours than the palette (rare): a neutral fill.
    categories.append(QgsRendererCategory(None, QgsFillSymbol.createSimple(
        {"color": "200,200,200,%d" % alpha, "outline_color": outline, "outline_width": "0.4"}), "other"))
    layer.setRenderer(QgsCategorizedSymbolRenderer("colour", categories))
    save(layer, name)


def grouped_towns():
    """Grouped towns dark, ungrouped (DBSCAN noise) small and grey."""
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=group_id:integer", "grouped_towns", "memory")
    from qgis.core import QgsRuleBasedRenderer
    root = QgsRuleBasedRenderer.Rule(None)
    for label, expression, props in (
            ("grouped", '"group_id" IS NOT NULL', {"name": "circle", "color": "84,39,143", "outline_color": "255,255,255",
                                                   "outline_width": "0.3", "size": "2.2"}),
            ("ungrouped", '"group_id" IS NULL', {"name": "circle", "color": "160,160,160", "outline_color": "255,255,255",
                                                 "outline_width": "0.2", "size": "1.4"})):
        root.appendChild(QgsRuleBasedRenderer.Rule(QgsMarkerSymbol.createSimple(props), 0, 0, expression, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    save(layer, "grouped_towns")


def plain_points():
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "towns_plain", "memory")
    layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "120,120,120", "outline_color": "255,255,255", "outline_width": "0.2", "size": "1.6"})))
    save(layer, "towns_plain")


def plain_lines():
    layer = QgsVectorLayer("LineString?crs=EPSG:4326", "lines_plain", "memory")
    layer.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": "60,60,60", "width": "0.5"})))
    save(layer, "lines_plain")


def network_components():
    """The largest component in dark grey, the separate pieces in red: what the noding could not join."""
    layer = QgsVectorLayer("MultiLineString?crs=EPSG:4326&field=comp_id:integer", "network_components", "memory")
    main = QgsLineSymbol.createSimple({"color": "70,70,70", "width": "0.5"})
    piece = QgsLineSymbol.createSimple({"color": "215,25,28", "width": "0.9"})
    categories = [QgsRendererCategory(1, main, "largest component"), QgsRendererCategory(None, piece, "separate pieces")]
    layer.setRenderer(QgsCategorizedSymbolRenderer("comp_id", categories))
    save(layer, "network_components")


def town_standards():
    """Towns by targets met (n_met): red for none, through amber, to green; grey without any value."""
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=n_met:integer", "town_standards", "memory")
    ranges = []
    for low, high, colour, label in ((0, 0, "215,48,39", "0"), (1, 2, "252,141,89", "1–2"), (3, 4, "254,224,139", "3–4"),
                                     (5, 6, "145,207,96", "5–6"), (7, 99, "26,152,80", "7 +")):
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "outline_color": "60,60,60",
                                               "outline_width": "0.2", "size": "2.4"})
        ranges.append(QgsRendererRange(low - 0.5, high + 0.5, symbol, label))
    layer.setRenderer(QgsGraduatedSymbolRenderer("n_met", ranges))
    save(layer, "town_standards")


if __name__ == "__main__":
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    service_circles()
    service_gaps()
    demand_coverage()
    town_levels()
    town_functions()
    graded_lines("axes", False)
    graded_lines("network_edges", True)
    desire_lines()
    corridors()
    simple_fill("boundary", "0,0,0,0", "80,80,80,255", "0.8", "no", "dash")
    by_colour("town_groups", 110, "84,39,143,220")
    by_colour("influence_areas", 60, "33,102,172,200", "dot")
    grouped_towns()
    plain_points()
    plain_lines()
    network_components()
    town_standards()
    app.exitQgis()
