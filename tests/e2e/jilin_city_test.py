"""The Jilin city plan (吉林市, the prefecture-level city) from its township
points, as the README's main job draws it: levels from the administrative
kind, 吉林市 the central city, its five county-level units the growth poles,
the townships within 30 km of it the circle group (checked against pyproj's
geodesic distances, not ours), and a belt along the axis towards Changchun,
the external centre. Then the bad inputs of the new parameters.

Usage: jilin_city_test.py <companion parent dir> <testdata dir>
"""
import os
import re
import shutil
import subprocess
import unicodedata
import sys

from pyproj import Geod

from e2e_common import Checks, Qgis, private_testdata, recording_feedback

companion_dir, source_data = sys.argv[1:3]
scratch, testdata = private_testdata(source_data, "poleaxis-jilin-city-")
qgis = Qgis(companion_dir)
import processing  # noqa: E402
from qgis.core import QgsVectorLayer  # noqa: E402

checks = Checks()
check = checks.check
geod = Geod(ellps="WGS84")


townships = os.path.join(testdata, "jilin_city_townships.gpkg")
plan = {"TOWNS": townships, "LEVEL_FIELD": "kind",
        "LEVEL_MAP": "prefecture_city=1;district=1;county_city=2;county=2;town=3;street=3;township=4;other=4",
        "LEVEL_MASS": "1=1500000;2=250000;3=30000;4=8000", "CENTRAL_CITY": "\"name\" = '吉林市'", "CIRCLE_KM": 30,
        "POLE_RULE": 1, "POLE_LEVEL": 2, "BELT_KM": 10, "LINES": [os.path.join(testdata, "jilin_rail_lines.gpkg")],
        "CLASS_FIELD": "class", "TOLERANCE_M": 3000, "RIVERS": [os.path.join(testdata, "jilin_rivers.gpkg")],
        "EXTERNAL": os.path.join(testdata, "jilin_external.gpkg"), "EXTERNAL_MASS_FIELD": "population", "K": 3,
        "TITLE": "吉林市城镇体系规划图"}


def run(name, **changes):
    out = os.path.join(scratch, name)
    log = recording_feedback()
    result = processing.run("poleaxis:townsystem", dict(plan, OUTPUT=out + ".gpkg", PDF=out + ".pdf", **changes), feedback=log)
    return result, out + ".gpkg", log


def def_error(**changes):
    try:
        run("bad", **changes)
    except Exception as e:  # QgsProcessingException arrives as a plain Exception
        return str(e)
    return ""


def main():
    result, gpkg, log = run("jilin_city")
    towns = list(QgsVectorLayer(gpkg + "|layername=towns", "towns", "ogr").getFeatures())
    check(len(towns) == 120, "all 120 township points are in the plan (%d)" % len(towns))
    # One rule for field clashes: the plan's own `rank` keeps its name, the townships' administrative rank becomes rank_in.
    check(sorted({f["rank_in"] for f in towns}) == [2, 3, 4] and sorted(f["rank"] for f in towns) == list(range(1, 121)),
          "the input's rank field is kept as rank_in (2, 3, 4); rank is the hierarchy's, 1…120")
    centre = [f for f in towns if f["is_centre"]]
    check([f["name"] for f in centre] == ["吉林市"], "吉林市 is the central city: %s" % [f["name"] for f in centre])
    poles = sorted(f["name"] for f in towns if f["is_pole"])
    check(poles == sorted(["永吉县", "舒兰市", "磐石市", "蛟河市", "桦甸市"]), "the five poles are exactly the five county-level units: %s" % poles)
    check(result["NUM_POLES"] == 5, "NUM_POLES is 5")
    # The circle group against pyproj's own geodesic distances.
    c = centre[0].geometry().asPoint()
    within = sorted(f["name"] for f in towns if f["name"] != "吉林市"
                    and geod.inv(c.x(), c.y(), f.geometry().asPoint().x(), f.geometry().asPoint().y())[2] <= 30000.0)
    circle = sorted(f["name"] for f in towns if f["group_kind"] == "circle")
    check(circle == within and len(circle) > 10,
          "the circle group is the %d towns within 30 km of 吉林市 by pyproj (ours %d)" % (len(within), len(circle)))
    # Every polygon the plan writes is valid for GEOS (service circles, corridors, groups, influence areas).
    invalid = {name: sum(1 for f in QgsVectorLayer(gpkg + "|layername=" + name, name, "ogr").getFeatures() if not f.geometry().isGeosValid())
               for name in ("service_circles", "corridors", "groups", "influence_areas")}
    check(not any(invalid.values()), "every output polygon is valid: %s invalid per layer" % invalid)
    groups = list(QgsVectorLayer(gpkg + "|layername=groups", "groups", "ogr").getFeatures())
    towards = [g for g in groups if g["kind"] == "belt" and "长春" in (g["name"] or "")]
    check(towards and towards[0]["n_towns"] > 0, "the axis towards Changchun carries a belt: %s" % [(g["name"], g["n_towns"]) for g in towards])
    carried = [f["name"] for f in towns if f["belts"] and "长春" in f["belts"]]
    check(len(carried) == (towards[0]["n_towns"] if towards else -1), "its towns list it in belts (%d)" % len(carried))
    both = [f["name"] for f in towns if f["group_kind"] == "circle" and f["belts"]]
    check(both, "belts may overlap the circle, as in the plan: %d towns in both" % len(both))
    axes = list(QgsVectorLayer(gpkg + "|layername=axes", "axes", "ogr").getFeatures())
    check(any(a["external"] == 1 and "长春" in a["name"] for a in axes), "the 吉林市—长春 axis is marked external")
    check(all(g.geometry().isGeosValid() for g in groups), "every group polygon is valid")
    rivers = [f for f in QgsVectorLayer(gpkg + "|layername=corridors", "c", "ogr").getFeatures() if f["corridor"] == "river"]
    check(rivers, "the Songhua makes a river belt")
    # Without a SUBTITLE the map says what the run found.
    # NFKC: pdftotext reads some glyphs of the CJK font as radicals (⼼ for 心).
    text = unicodedata.normalize("NFKC", subprocess.run(["pdftotext", gpkg[:-5] + ".pdf", "-"], capture_output=True, text=True).stdout).replace(" ", "")
    # (some radicals, e.g. ⻓, survive NFKC, so the run's numbers are matched in order)
    found = re.search("吉林市.{0,3}增.极5个.{0,2}30公.圈层%d个城镇.{0,2}城镇带2条" % len(circle), text)
    check(found is not None, "the subtitle states what the run found: the central city, 5 poles, %d towns in 30 km, 2 belts" % len(circle))

    # Bad input of the new parameters, each named.
    for changes, fragment, what in (
            ({"LEVEL_MAP": "prefecture_city=1;district=1;county_city=2;county=2;town=3;street=3;township=4"}, "'other'", "an unknown kind"),
            ({"CENTRAL_CITY": "\"name\" = '长春市'"}, "CENTRAL_CITY", "no town matches the central city"),
            ({"BELT_KM": 0}, "BELT_KM", "BELT_KM 0"),
            ({"BELT_KM": -5}, "BELT_KM", "BELT_KM < 0"),
            ({"LEVEL_MASS": "1=1500000;2=250000;3=30000"}, "LEVEL_MASS", "a level without mass"),
            ({"LEVEL_MASS": ""}, "LEVEL_MASS", "levels from kinds without masses"),
            ({"POLE_RULE": 2, "POLE_EXPRESSION": ""}, "POLE_EXPRESSION", "an empty pole expression"),
            ({"POLE_LEVEL": 7}, "POLE_LEVEL", "a pole level nobody has")):
        message = def_error(**changes)
        check(fragment in message, "%s is refused naming %s: %s" % (what, fragment, message[:110]))
    # Several matches: the top-ranked is taken, with a warning.
    several, several_gpkg, several_log = run("several", CENTRAL_CITY="\"kind\" IN ('prefecture_city', 'district')")
    layer = QgsVectorLayer(several_gpkg + "|layername=towns", "t", "ogr")
    rank = layer.fields().names()[layer.fields().lookupField("score") + 1]  # the hierarchy's rank (the input has a rank field too)
    matches = [f for f in layer.getFeatures() if f["kind"] in ("prefecture_city", "district")]
    top = min(matches, key=lambda f: f[rank])["name"]
    centre = [f["name"] for f in layer.getFeatures() if f["is_centre"]]
    check(len(matches) == 5 and centre == [top] and any("CENTRAL_CITY" in w and "5 towns match" in w for w in several_log.warnings),
          "several central-city matches: the top-ranked of the 5 (%s) with a warning" % top)


def travel_circle():
    """CIRCLE_MINUTES: the circle group is the towns 吉林市 reaches within 30 minutes over the rail (20 km/h off it),
    the same towns serviceradii's travel-time coverage (checked against NetworkX elsewhere) finds."""
    result, gpkg, log = run("minutes", CIRCLE_MINUTES=30)
    towns = list(QgsVectorLayer(gpkg + "|layername=towns", "towns", "ogr").getFeatures())
    circle = sorted(f["name"] for f in towns if f["group_kind"] == "circle")
    centre = QgsVectorLayer(townships, "c", "ogr")
    centre.setSubsetString("name = '吉林市'")
    reach = processing.run("poleaxis:serviceradii", {
        "INPUT": centre, "RADIUS_MODE": 5, "TRAVEL_MINUTES": 30, "NETWORK": plan["LINES"], "CLASS_FIELD": "class",
        "SPEED_TABLE": "rail=120;rail_hsr=250;expressway=100;national_road=70", "ACCESS_SPEED_KMH": 20, "NETWORK_SNAP_KM": 10,
        "TOLERANCE_M": 3000, "DEMAND": townships, "OUTPUT": "TEMPORARY_OUTPUT", "DEMAND_OUTPUT": "TEMPORARY_OUTPUT"})
    expected = sorted(f["name"] for f in reach["DEMAND_OUTPUT"].getFeatures() if f["n_cover"] > 0 and f["name"] != "吉林市")
    check(circle == expected and circle, "the 30-minute circle group is the %d towns reached within 30 minutes (ours %d)" % (len(expected), len(circle)))
    groups = [g for g in QgsVectorLayer(gpkg + "|layername=groups", "g", "ogr").getFeatures() if g["kind"] == "circle"]
    # The plan's title is Chinese, so the group is named in Chinese (吉林市30分钟圈).
    check(groups and groups[0]["name"] == "吉林市30分钟圈" and groups[0].geometry().isGeosValid(),
          "its polygon is the travel-time area, named in the plan's language: %s" % [g["name"] for g in groups])
    check(not error_free_minutes(-1), "CIRCLE_MINUTES < 0 is refused")


def error_free_minutes(minutes):
    return "CIRCLE_MINUTES" not in def_error(CIRCLE_MINUTES=minutes)


def size_classes():
    """China's city size classes (State Council 2014) on Jilin province's GeoNames populations, against the table."""
    table = [(10e6, "超大城市"), (5e6, "特大城市"), (3e6, "Ⅰ型大城市"), (1e6, "Ⅱ型大城市"), (0.5e6, "中等城市"), (0.2e6, "Ⅰ型小城市"), (0, "Ⅱ型小城市")]
    def expected(p):
        return next(name for bound, name in table if p >= bound) if p and p > 0 else None
    log = recording_feedback()
    report = os.path.join(scratch, "size.html")
    result = processing.run("poleaxis:townhierarchy", {"INPUT": os.path.join(testdata, "jilin_towns.gpkg"), "FIELDS": ["population"],
                                                       "POP_FIELD": "population", "CLASSIFICATION": 4, "OUTPUT": "TEMPORARY_OUTPUT",
                                                       "REPORT": report}, feedback=log)
    towns = list(result["OUTPUT"].getFeatures())
    wrong = [(f["name"], f["population"], f["size_cls"]) for f in towns if f["size_cls"] != expected(f["population"])]
    check(not wrong, "every town's size class follows the State Council table (%d towns; wrong: %s)" % (len(towns), wrong[:3]))
    named = {f["name"]: f["size_cls"] for f in towns}
    check(named.get("Changchun") == "Ⅰ型大城市" and named.get("Jilin") == "Ⅱ型大城市" and named.get("Siping") == "中等城市",
          "Changchun 4.7 M is large city I, Jilin 1.9 M large city II, Siping 0.56 M medium")
    unknown = [f for f in towns if not f["population"]]
    check(unknown and all(f["level"] is None for f in unknown) and any("no size class" in w for w in log.warnings),
          "%d towns without population have no class and are named in the log" % len(unknown))
    check("超大城市" in open(report, encoding="utf-8").read(), "the report lists the classes with their Chinese names")


main()
travel_circle()
size_classes()
qgis.exit()
shutil.rmtree(scratch, ignore_errors=True)
checks.finish()
