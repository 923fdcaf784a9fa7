"""The bad-input matrix: every case of bad_inputs.json runs its algorithm on
that algorithm's valid base with the case's changes. The run must end in a
clear refusal (a QgsProcessingException whose message names what the case
says), within the time limit (no hang), and leave no file in its folder. The
bases themselves must run, so a refusal is about the case, not the base.

Usage: bad_input_matrix.py <companion parent dir> <testdata dir>
"""
import json
import math
import os
import shutil
import sys
import time

from e2e_common import recording_feedback, Checks, Qgis, private_testdata

companion_dir, source_data = sys.argv[1:3]
scratch, testdata = private_testdata(source_data, "poleaxis-matrix-")
qgis = Qgis(companion_dir)
import processing  # noqa: E402
from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsPointXY, QgsPolygon, QgsLineString, QgsPoint, QgsVectorLayer  # noqa: E402

checks = Checks()
check = checks.check
table = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "bad_inputs.json"), encoding="utf-8"))


def memory(uri, name, geometries, fields=()):
    layer = QgsVectorLayer(uri, name, "memory")
    for g in geometries:
        f = QgsFeature(layer.fields())
        f.setGeometry(g)
        f.setAttributes([v for v in fields])
        layer.dataProvider().addFeatures([f])
    return layer


def town_at(lon, lat):
    return memory("Point?crs=EPSG:4326&field=name:string&field=population:double", "towns",
                  [QgsGeometry.fromPointXY(QgsPointXY(126.5, 43.8)), QgsGeometry.fromPointXY(QgsPointXY(125.3, 43.9)),
                   QgsGeometry(QgsPoint(lon, lat))], ("t", 100000.0))


def polygon(vertices):
    return memory("Polygon?crs=EPSG:4326", "area", [QgsGeometry(QgsPolygon(QgsLineString([QgsPoint(x, y) for x, y in vertices])))])


def layers(folder):
    towns = os.path.join(testdata, "jilin_towns.gpkg")
    big = QgsVectorLayer(towns, "big", "ogr")
    big.setSubsetString("population > 400000")
    return {
        "@towns": towns, "@rail": os.path.join(testdata, "jilin_rail_lines.gpkg"), "@big_towns": big,
        "@nan_line": memory("LineString?crs=EPSG:4326", "nan", [QgsGeometry(QgsLineString([QgsPoint(125, 43), QgsPoint(126, math.nan), QgsPoint(127, 44)]))]),
        "@nan_polygon": polygon([(124, 42), (129, 42), (129, math.nan), (124, 45), (124, 42)]),
        "@lat95_polygon": polygon([(124, 42), (129, 42), (129, 95), (124, 45), (124, 42)]),
        "@lon500_town": town_at(500, 43.8), "@lat95_town": town_at(126, 95), "@pole_town": town_at(126, 89.9),
        "@empty_points": memory("Point?crs=EPSG:4326&field=population:double", "empty", []),
        "@polygons": polygon([(124, 42), (129, 42), (129, 45), (124, 45), (124, 42)]),
        "@same_file": towns, "@out.gpkg": os.path.join(folder, "out.gpkg"), "@out.pdf": os.path.join(folder, "out.pdf"),
        "@out.png": os.path.join(folder, "out.png"), "@boundary": os.path.join(testdata, "jilin_boundary.geojson"),
        "@no_crs_points": without_crs(memory("Point", "no crs", [QgsGeometry.fromPointXY(QgsPointXY(126.5, 43.8))])),
        "@folder.png": folder_png(folder),
        "@huge_population": huge_population(),
    }


def huge_population():
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string&field=population:double", "huge", "memory")
    for k, population in enumerate([1e300, 1e300, 1e300, 50000.0, 80000.0]):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(125.5 + 0.3 * k, 43.5)))
        f.setAttributes(["t%d" % k, population])
        layer.dataProvider().addFeatures([f])
    return layer


def without_crs(layer):
    layer.setCrs(QgsCoordinateReferenceSystem())  # memory layers default to EPSG:4326
    return layer


def folder_png(folder):
    """A PNG path that is a folder, outside the run's own folder so that the folder itself is not counted as left."""
    path = os.path.join(scratch, os.path.basename(folder) + "-plan.png")
    os.makedirs(path, exist_ok=True)
    return path


def resolve(value, names):
    if isinstance(value, list):
        return [resolve(v, names) for v in value]
    if isinstance(value, str) and value.startswith("@"):
        return names[value]
    if value in ("nan", "inf"):
        return float(value)
    return value


def run(algorithm, parameters, feedback=None):
    start = time.time()
    try:
        processing.run("poleaxis:" + algorithm, parameters, feedback=feedback)
        return "", time.time() - start
    except Exception as e:  # QgsProcessingException reaches Python as a plain Exception
        return str(e), time.time() - start


def main():
    for algorithm, base in table["bases"].items():
        folder = os.path.join(scratch, "base-" + algorithm)
        os.makedirs(folder)
        message, _ = run(algorithm, {k: resolve(v, layers(folder)) for k, v in base.items()})
        check(message == "", "the %s base runs: %s" % (algorithm, message[:80]))
    for n, case in enumerate(table["cases"]):
        folder = os.path.join(scratch, "case%02d" % n)
        os.makedirs(folder)
        names = layers(folder)
        parameters = {k: resolve(v, names) for k, v in dict(table["bases"][case["algorithm"]], **case["changes"]).items()}
        if "warns" in case:  # a value clamped with a warning: the run succeeds, quickly, and says so
            log = recording_feedback()
            message, seconds = run(case["algorithm"], parameters, log)
            check(message == "" and seconds < 60 and any(case["warns"] in w for w in log.warnings),
                  "%s, %s: ran in %.1f s and warned '%s': %s" % (case["algorithm"], case["why"], seconds, case["warns"], message[:110]))
            continue
        message, seconds = run(case["algorithm"], parameters)
        left = sorted(os.listdir(folder))
        check(case["names"] in message and not left and seconds < 60,
              "%s, %s: refused naming %s in %.1f s%s: %s" % (case["algorithm"], case["why"], case["names"], seconds,
                                                          " (files left: %s)" % left if left else "", message.splitlines()[0][:110] if message else "RAN"))
    check(os.path.getsize(os.path.join(testdata, "jilin_towns.gpkg")) > 0 and
          QgsVectorLayer(os.path.join(testdata, "jilin_towns.gpkg"), "t", "ogr").featureCount() == 230,
          "the towns' GeoPackage is intact after every case")


main()
qgis.exit()
shutil.rmtree(scratch, ignore_errors=True)
checks.finish()
