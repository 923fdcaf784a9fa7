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
    # Outlines only: circles overlap each other and the groups.
    symbol = QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "style": "no", "outline_color": "204,102,0,255", "outline_style": "dash",
        "outline_width": "0.5", "outline_width_unit": "MM", "joinstyle": "round"})
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


# Scale-aware sizes: full size at 1:1.5 M and larger, shrinking to 40 % on a
# national map (@map_scale is the layout map's or the canvas's scale).
SCALE_FACTOR = "clamp(0.4, (1500000 / @map_scale) ^ 0.35, 1)"
# Which levels are drawn: levels 1-2 always; level 3 up to 1:25 M (a
# national plan shows levels 1-3); level 4 and below from 1:3 M (a province
# or prefecture plan shows every township).
LEVEL_MIN_SCALE = {3: 25000000, 4: 3000000}
# The plan map sets @poleaxis_lang to 'en' or 'zh'; without it (the canvas) Chinese names come first.
NAME = ("if(@poleaxis_lang = 'en', coalesce(attribute('name_en'), attribute('name'), attribute('name_zh')), "
        "coalesce(attribute('name_zh'), attribute('name'), attribute('name_en')))")
IS_POLE_OR_CENTRE = "(if(attribute('is_pole'), 1, 0) + if(attribute('is_centre'), 1, 0) > 0)"


def text_format(size, bold=False, color="40,40,40", italic=False):
    text = QgsTextFormat()
    font = QFont("Noto Sans CJK SC")
    font.setBold(bold)
    font.setItalic(italic)
    text.setFont(font)
    text.setSize(size)
    text.setColor(QColor(*[int(c) for c in color.split(",")]))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.7)
    buffer.setColor(QColor(255, 255, 255))
    text.setBuffer(buffer)
    return text


def label_settings(expression, size, priority, bold=False, color="40,40,40", placement=None, italic=False):
    """Label settings for PAL: collisions are resolved by priority (10 wins)."""
    settings = QgsPalLayerSettings()
    settings.isExpression = True
    settings.fieldName = expression
    settings.setFormat(text_format(size, bold, color, italic))
    settings.priority = priority
    if placement is not None:
        settings.placement = placement
    return settings


def label_rules(layer, rules):
    """Rule-based labels: (filter, settings, minimum scale or 0)."""
    from qgis.core import QgsRuleBasedLabeling
    root = QgsRuleBasedLabeling.Rule(None)
    for expression, settings, min_scale in rules:
        rule = QgsRuleBasedLabeling.Rule(settings, 0, min_scale, expression, "")
        root.appendChild(rule)
    layer.setLabeling(QgsRuleBasedLabeling(root))
    layer.setLabelsEnabled(True)


def town_levels():
    """Towns by level (size and colour), growth poles ringed, the central city double-ringed.

    Sizes follow the map scale; small levels appear only on large-scale maps.
    Labels: poles and levels 1-3 by priority, small towns only at large scales;
    PAL drops what would collide, the least important first."""
    from qgis.core import QgsProperty, QgsRuleBasedRenderer
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=level:integer&field=is_pole:boolean&field=name:string",
                           "town_levels", "memory")
    sizes = [5.0, 3.8, 2.8, 1.9, 1.5, 1.2, 1.0, 0.9]
    colors = ["128,0,38", "189,0,38", "227,26,28", "252,78,42", "253,141,60", "254,178,76", "254,217,118", "255,237,160"]
    root = QgsRuleBasedRenderer.Rule(None)
    for level, (size, color) in enumerate(zip(sizes, colors), start=1):
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": color, "outline_color": "255,255,255",
                                               "outline_width": "0.25" if level <= 3 else "0.1", "size": str(size)})
        symbol.setDataDefinedSize(QgsProperty.fromExpression("%s * %s" % (size, SCALE_FACTOR)))
        expression = '"level" = %d' % level if level < 8 else '"level" >= 8'
        min_scale = LEVEL_MIN_SCALE[3] if level == 3 else LEVEL_MIN_SCALE[4] if level >= 4 else 0
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, min_scale, expression, "level %d" % level))
    ring = QgsMarkerSymbol.createSimple({"name": "circle", "color": "0,0,0,0", "outline_color": "60,0,20",
                                         "outline_width": "0.45", "size": "6.4"})
    ring.setDataDefinedSize(QgsProperty.fromExpression("6.4 * %s" % SCALE_FACTOR))
    root.appendChild(QgsRuleBasedRenderer.Rule(ring, 0, 0, "if(attribute('is_pole'), 1, 0) = 1", "growth pole"))
    centre = QgsMarkerSymbol.createSimple({"name": "circle", "color": "0,0,0,0", "outline_color": "60,0,20",
                                           "outline_width": "0.45", "size": "8.6"})
    centre.setDataDefinedSize(QgsProperty.fromExpression("8.6 * %s" % SCALE_FACTOR))
    root.appendChild(QgsRuleBasedRenderer.Rule(centre, 0, 0, "if(attribute('is_centre'), 1, 0) = 1", "central city"))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    around = QgsPalLayerSettings.OrderedPositionsAroundPoint
    label_rules(layer, [
        (IS_POLE_OR_CENTRE + ' OR "level" = 1', label_settings(NAME, 10, 10, True, "40,0,10", around), 0),
        ('NOT %s AND "level" = 2' % IS_POLE_OR_CENTRE, label_settings(NAME, 8.5, 8, True, placement=around), 0),
        ('NOT %s AND "level" = 3' % IS_POLE_OR_CENTRE, label_settings(NAME, 7, 6, placement=around), LEVEL_MIN_SCALE[3]),
        ('NOT %s AND "level" >= 4' % IS_POLE_OR_CENTRE, label_settings(NAME, 5.5, 3, color="90,90,90", placement=around), LEVEL_MIN_SCALE[4]),
    ])
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


def graded_lines(name, with_zero, labelled=False):
    """Lines whose width and colour follow grade 1 (boldest) to 3 (thin, dashed); axes labelled with their route names."""
    from qgis.core import QgsProperty, QgsSymbolLayer
    layer = QgsVectorLayer("LineString?crs=EPSG:4326&field=grade:integer&field=name:string", name, "memory")
    styles = [(1, "grade 1", "178,24,43", 2.2, "solid"), (2, "grade 2", "215,48,39", 1.3, "solid"),
              (3, "grade 3", "244,109,67", 0.7, "dash")]
    if with_zero:
        styles.append((0, "no flow", "170,170,170", 0.25, "solid"))
    categories = []
    for value, label, color, width, pen in styles:
        symbol = QgsLineSymbol.createSimple({"color": color, "width": str(width), "capstyle": "round",
                                             "joinstyle": "round", "line_style": pen})
        # Thinner on small-scale maps, never below 60 %.
        symbol.symbolLayer(0).setDataDefinedProperty(
            QgsSymbolLayer.PropertyStrokeWidth,
            QgsProperty.fromExpression("%s * max(0.6, %s)" % (width, SCALE_FACTOR)))
        categories.append(QgsRendererCategory(value, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("grade", categories))
    if labelled:
        curved = QgsPalLayerSettings.Curved
        label_rules(layer, [
            ('"grade" = 1', label_settings("attribute('name')", 8.5, 9, True, "120,10,25", curved), 0),
            ('"grade" = 2', label_settings("attribute('name')", 7.5, 7, False, "140,20,20", curved), 0),
            ('"grade" >= 3', label_settings("attribute('name')", 6.5, 4, False, "150,50,30", curved), 0),
        ])
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
    """Light bands under everything else: rail and road corridors peach, paler with each band outward; river corridors pale blue; no outlines."""
    from qgis.core import QgsRuleBasedRenderer
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=band:integer&field=corridor:string", "corridors", "memory")
    root = QgsRuleBasedRenderer.Rule(None)
    river = "coalesce(attribute('corridor'), '') = 'river'"
    for expression, label, color in ((river, "river corridor", "198,219,239,150"),
                                     ('NOT %s AND ("band" IS NULL OR "band" = 1)' % river, "corridor / band 1", "253,208,162,150"),
                                     ('NOT %s AND "band" = 2' % river, "band 2", "253,208,162,90"),
                                     ('NOT %s AND "band" >= 3' % river, "band 3+", "253,208,162,50")):
        symbol = QgsFillSymbol.createSimple({"color": color, "outline_style": "no"})
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


# A group's name on the page: its name (or lead town) and its kind in the
# page's language; a group without either is numbered.
GROUP_NAME = ("coalesce(nullif(coalesce(attribute('name'), attribute('lead_name')), '') || "
              "if(@poleaxis_lang = 'en', CASE WHEN attribute('kind') = 'belt' THEN ' belt' WHEN attribute('kind') = 'cluster' THEN ' group' ELSE '' END, "
              "CASE WHEN attribute('kind') = 'belt' THEN '城镇带' WHEN attribute('kind') = 'cluster' THEN '城镇群' ELSE '' END), "
              "if(@poleaxis_lang = 'en', 'group ', '城镇群 ') || to_string(attribute('group_id')))")


def by_colour(name, alpha, outline_alpha, outline_style="solid", soft=False, labelled=False):
    """One qualitative colour per `colour` value, so neighbours differ.

    soft: a shapeburst envelope, strong at the edge and fading inward, so
    overlapping groups and the towns inside stay readable; else a pale fill."""
    from qgis.core import QgsShapeburstFillSymbolLayer
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=colour:integer&field=name:string", name, "memory")

    def symbol_for(rgb):
        r, g, b = [int(c) for c in rgb.split(",")]
        if soft:
            burst = QgsShapeburstFillSymbolLayer(QColor(r, g, b, alpha), QColor(r, g, b, 0))
            burst.setUseWholeShape(False)
            burst.setMaxDistance(3.5)
            burst.setBlurRadius(2)
            # The edge line on top of the glow (createSimple's fill layer is transparent).
            symbol = QgsFillSymbol.createSimple({
                "color": "0,0,0,0", "style": "no", "outline_color": "%d,%d,%d,%d" % (r * 0.7, g * 0.7, b * 0.7, outline_alpha),
                "outline_width": "0.35", "outline_style": outline_style})
            symbol.insertSymbolLayer(0, burst)
            return symbol
        return QgsFillSymbol.createSimple({"color": "%s,%d" % (rgb, alpha),
                                           "outline_color": "%d,%d,%d,%d" % (r * 0.7, g * 0.7, b * 0.7, outline_alpha),
                                           "outline_width": "0.3", "outline_width_unit": "MM", "outline_style": outline_style})

    categories = [QgsRendererCategory(index, symbol_for(rgb), "colour %d" % index) for index, rgb in enumerate(QUALITATIVE)]
    # More colours than the palette (rare): a neutral fill.
    categories.append(QgsRendererCategory(None, symbol_for("200,200,200"), "other"))
    layer.setRenderer(QgsCategorizedSymbolRenderer("colour", categories))
    if labelled:
        settings = label_settings(GROUP_NAME, 8.5, 5, False, "70,30,110", QgsPalLayerSettings.Horizontal, italic=True)
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)
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
    graded_lines("axes", False, labelled=True)
    graded_lines("network_edges", True)
    desire_lines()
    corridors()
    simple_fill("boundary", "0,0,0,0", "80,80,80,255", "0.8", "no", "dash")
    by_colour("town_groups", 170, 230, soft=True, labelled=True)
    by_colour("influence_areas", 22, 200, "dot")
    grouped_towns()
    plain_points()
    plain_lines()
    network_components()
    town_standards()
    app.exitQgis()
