"""End to end: poleaxis:townsystem runs the whole chain on the bundled Jilin
data into a folder with a Chinese name. Every layer of the GeoPackage is
checked (feature counts, valid geometries, the fields the plan needs, its
style stored as the default), the PDF is one A3 page that pdftoppm renders to
an inked image of the template's size, and the Jilin plan holds together:
Changchun the central city (the top-ranked town), five poles besides it, its
30 km circle group, belts along the axes and three Ward groups of the rest. Bad input
(missing roles, empty layers, a text population field, unwritable paths) is
refused naming the parameter, and a run cancelled after the GeoPackage was
written leaves no file behind.

Usage: townsystem_test.py <companion parent dir> <testdata dir> <artifacts dir>
"""
import os
import shutil
import sqlite3
import subprocess
import sys

from e2e_common import Checks, Qgis, private_testdata, recording_feedback, render_page

companion_dir, source_data, artifacts = sys.argv[1:4]
scratch, testdata = private_testdata(source_data, "poleaxis-townsystem-")
os.makedirs(artifacts, exist_ok=True)
qgis = Qgis(companion_dir)
import processing  # noqa: E402
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer  # noqa: E402

checks = Checks()
check = checks.check

towns = os.path.join(testdata, "jilin_towns.gpkg")
rail = os.path.join(testdata, "jilin_rail_lines.gpkg")
boundary = os.path.join(testdata, "jilin_boundary.geojson")
out = os.path.join(scratch, "吉林 规划")
os.makedirs(out)
gpkg, pdf, report = (os.path.join(out, name) for name in ("城镇体系.gpkg", "规划图.pdf", "等级.html"))
png = os.path.join(artifacts, "jilin_townsystem.png")
base = {"TOWNS": towns, "POP_FIELD": "population", "LINES": rail, "CLASS_FIELD": "class", "BOUNDARY": boundary,
        "TITLE": "吉林省城镇体系规划图", "SUBTITLE": "五个增长极、三个城镇群", "AUTHOR": "poleaxis tests"}
log = recording_feedback()
result = processing.run("poleaxis:townsystem", dict(base, OUTPUT=gpkg, PDF=pdf, PNG=png, DPI=60, REPORT=report), feedback=log)
timed = [line for line in log.lines if line.startswith("Stage ") and " took " in line]
check(len(timed) == 9 and all("peak memory so far" in line and " MB" in line for line in timed)
      and [int(line.split()[1]) for line in timed] == list(range(1, 10)),
      "the log gives each of the 9 stages its time and the peak memory so far: %s" % timed[:2])
check(all(os.path.exists(p) for p in (gpkg, pdf, png, report)), "GeoPackage, PDF, PNG and report written (Chinese paths)")
check(result["NUM_POLES"] == 5 and result["NUM_GROUPS"] >= 4, "5 growth poles and at least 4 town groups: %s" % result)

expected = {"towns": 230, "poles": 6, "service_circles": 6, "corridors": None, "axes": None, "desire_lines": None,
            "groups": result["NUM_GROUPS"], "influence_areas": 6, "boundary": 1}
layers = {}
for name, count in expected.items():
    layer = QgsVectorLayer("%s|layername=%s" % (gpkg, name), name, "ogr")
    layers[name] = layer
    n = layer.featureCount() if layer.isValid() else -1
    invalid = [f.id() for f in layer.getFeatures() if not f.geometry().isGeosValid()] if layer.isValid() else ["layer"]
    check(layer.isValid() and (n == count if count is not None else n > 0) and not invalid,
          "layer %s: %d feature(s), all geometries valid%s" % (name, n, "" if not invalid else " (invalid: %s)" % invalid[:5]))
town_fields = layers["towns"].fields().names()
check(all(f in town_fields for f in ("score", "level", "is_pole", "type", "type_zh", "group_id", "group_kind", "belts", "is_centre")),
      "towns carry score, level, is_pole, type, type_zh, group_id, group_kind, belts and is_centre")
centre = [f["name"] for f in layers["towns"].getFeatures() if f["is_centre"]]
check(centre == ["Changchun"], "the central city is the top-ranked town, Changchun: %s" % centre)
poles = sorted(f["name"] for f in layers["towns"].getFeatures() if f["is_pole"])
check(len(poles) == 5 and "Jilin" in poles and "Changchun" not in poles, "five poles besides the central city, Jilin among them: %s" % poles)
kinds = {f["group_kind"] for f in layers["towns"].getFeatures() if not f["is_centre"]}
check(kinds <= {"circle", "belt", "cluster"} and "cluster" in kinds, "every other town in the circle, a belt or a Ward group: %s" % sorted(kinds))
clusters = [g for g in layers["groups"].getFeatures() if g["kind"] == "cluster"]
check(len(clusters) == 3, "three Ward groups of the rest (K = 3): %d" % len(clusters))
# pop_sum is planning mass: the population where known, else the level's nominal one (LEVEL_MASS).
in_clusters = sum(f["mass"] for f in layers["towns"].getFeatures() if f["group_kind"] == "cluster")
check(abs(sum(g["pop_sum"] for g in clusters) - in_clusters) < 1, "the Ward groups' planning populations add up to their towns'")
unknown = [f for f in layers["towns"].getFeatures() if not f["population"]]
check(unknown and all(f["mass"] > 0 for f in unknown), "towns of unknown population carry their level's nominal mass (%d towns)" % len(unknown))
grades = {f["grade"] for f in layers["axes"].getFeatures()}
check(1 in grades, "there is a grade-1 axis: %s" % sorted(grades))
top = max(layers["desire_lines"].getFeatures(), key=lambda f: f["grav"])
check({top["from_name"], top["to_name"]} == {"长春", "吉林"}, "the strongest pull is Changchun–Jilin: %s–%s" % (top["from_name"], top["to_name"]))
styles = dict(sqlite3.connect(gpkg).execute("select f_table_name, useAsDefault from layer_styles").fetchall())
check(set(styles) == set(expected) and all(styles.values()), "every layer has its style stored as default: %s" % sorted(styles))
check(layers["groups"].renderer().type() == "categorizedSymbol", "groups load with the stored categorized style")

info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
check("Pages:           1" in info and "1191 x 842 pts (A3)" in info, "one A3 landscape page")
width, height, share = render_page(pdf, scratch)
# A3 at 30 dpi: 420 × 297 mm → 496 × 351 px.
check(abs(width - 496) <= 1 and abs(height - 351) <= 1 and 0.05 < share < 0.9,
      "rendered page %dx%d px (A3 at 30 dpi), %.0f %% inked" % (width, height, 100 * share))
text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
check("吉林省城镇体系规划图" in text, "the Chinese title is text in the PDF")
with open(report, encoding="utf-8") as f:
    html = f.read()
check("Changchun" in html or "长春" in html, "the hierarchy report names the towns")


# In desktop QGIS the nine layers load when the run ends: they are queued on the context.
from qgis.core import QgsProcessingContext, QgsProject  # noqa: E402

context = QgsProcessingContext()
context.setProject(QgsProject.instance())
processing.run("poleaxis:townsystem", dict(base, OUTPUT=os.path.join(scratch, "load.gpkg"), PDF=os.path.join(scratch, "load.pdf")),
               context=context)
queued = sorted(d.name for d in context.layersToLoadOnCompletion().values())
check(queued == sorted(expected), "the nine layers are queued to load on completion: %s" % queued)
del context

# A town with NULL population is unranked: never the central city nor a pole (a NULL rank once read as 0, the best).
from qgis.core import QgsFeature  # noqa: E402

source = QgsVectorLayer(towns, "towns", "ogr")
nulled = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string&field=population:double", "nulled", "memory")
rows = []
for f in source.getFeatures():
    g = QgsFeature(nulled.fields())
    g.setGeometry(f.geometry())
    g.setAttributes([f["name"], None if f["name"] in ("Changchun", "Yanji") else float(f["population"])])
    rows.append(g)
nulled.dataProvider().addFeatures(rows)
processing.run("poleaxis:townsystem", dict(base, TOWNS=nulled, BOUNDARY=boundary, OUTPUT=os.path.join(scratch, "nulled.gpkg"),
                                           PDF=os.path.join(scratch, "nulled.pdf")))
plan_towns = list(QgsVectorLayer(os.path.join(scratch, "nulled.gpkg") + "|layername=towns", "t", "ogr").getFeatures())
chosen = {f["name"] for f in plan_towns if f["is_centre"] or f["is_pole"]}
check(chosen and not chosen & {"Changchun", "Yanji"} and [f["name"] for f in plan_towns if f["is_centre"]] == ["Jilin"],
      "towns with NULL population are neither the central city nor poles: centre Jilin, chosen %s" % sorted(chosen))
del nulled, source

# Layers in different CRSs: towns in UTM 52N, boundary in Web Mercator, lines in WGS 84.
from qgis.core import QgsCoordinateReferenceSystem  # noqa: E402

utm_towns = processing.run("native:reprojectlayer", {"INPUT": towns, "TARGET_CRS": QgsCoordinateReferenceSystem("EPSG:32652"),
                                                     "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
mercator_boundary = processing.run("native:reprojectlayer", {"INPUT": boundary, "TARGET_CRS": QgsCoordinateReferenceSystem("EPSG:3857"),
                                                             "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
mixed = os.path.join(scratch, "mixed.gpkg")
mixed_result = processing.run("poleaxis:townsystem", dict(base, TOWNS=utm_towns, BOUNDARY=mercator_boundary, OUTPUT=mixed,
                                                         PDF=os.path.join(scratch, "mixed.pdf")))
mixed_poles = QgsVectorLayer("%s|layername=poles" % mixed, "poles", "ogr")
check(mixed_result["NUM_GROUPS"] == result["NUM_GROUPS"] and sorted(f["name"] for f in mixed_poles.getFeatures() if f["is_pole"]) == poles
      and mixed_poles.crs().authid() == "EPSG:32652",
      "towns, lines and boundary in three CRSs: the same poles and groups, outputs in the towns' CRS")
del mixed_poles, utm_towns, mercator_boundary


def refused(parameters, fragment, *paths):
    try:
        processing.run("poleaxis:townsystem", parameters)
        return "no error"
    except QgsProcessingException as e:
        left = [p for p in paths if os.path.exists(p)]
        return "" if fragment in str(e) and not left else "%s / left behind: %s" % (e, left)


bad_out = [os.path.join(scratch, "bad.gpkg"), os.path.join(scratch, "bad.pdf")]
bad = dict(base, OUTPUT=bad_out[0], PDF=bad_out[1])
for parameters, fragment, what in (
        ({k: v for k, v in bad.items() if k != "LINES"}, "LINES", "missing LINES"),
        (dict(bad, TOWNS=QgsVectorLayer("Point?crs=EPSG:4326&field=population:integer", "empty", "memory")), "TOWNS", "empty TOWNS"),
        (dict(bad, BOUNDARY=QgsVectorLayer("Polygon?crs=EPSG:4326", "empty", "memory")), "BOUNDARY", "empty BOUNDARY"),
        (dict(bad, POP_FIELD="name"), "POP_FIELD", "text population field"),
        (dict(bad, TOP_N=500), "TOP_N", "more poles than towns"),
        (dict(bad, OUTPUT="/proc/no-such-folder/plan.gpkg"), "OUTPUT", "unwritable GeoPackage folder"),
        (dict(bad, OUTPUT=os.path.join(scratch, "plan.shp")), "OUTPUT", "output that is not a GeoPackage"),
        (dict(bad, PDF="/proc/no-such-folder/plan.pdf"), "PDF", "unwritable PDF folder")):
    why = refused(parameters, fragment, *bad_out)
    check(why == "", "%s: refused naming %s, nothing written%s" % (what, fragment, "" if not why else " (%s)" % why))


class CancelAtMap(QgsProcessingFeedback):
    """Cancels when the last stage (the map) starts: the GeoPackage is written by then."""

    def pushInfo(self, info):
        if "planmap" in info:
            self.cancel()


cancelled = [os.path.join(scratch, "cancel.gpkg"), os.path.join(scratch, "cancel.pdf"), os.path.join(scratch, "cancel.html")]
try:
    processing.run("poleaxis:townsystem", dict(base, OUTPUT=cancelled[0], PDF=cancelled[1], REPORT=cancelled[2]), feedback=CancelAtMap())
    outcome = "finished"
except QgsProcessingException as e:
    outcome = str(e)
left = [p for p in cancelled if os.path.exists(p)]
check("anceled" in outcome and not left, "cancel at the map stage: %s, files left: %s" % (outcome[:60], left))

del layers, layer
qgis.exit()
shutil.rmtree(scratch, ignore_errors=True)
checks.finish()
