"""End to end: qgis_process (the real binary) lists and runs poleaxis:serviceradii
through the companion, in a fresh profile, and writes a GeoPackage.

Usage: qgis_process_test.py <companion parent dir> <testdata dir> <work dir>
The GeoPackage is read with sqlite3; the province's area comes from pyproj's
geodesic polygon area (an independent implementation).
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys

from e2e_common import Checks

companion_dir, source_data, work = sys.argv[1:4]
shutil.rmtree(work, ignore_errors=True)
# A private copy of the data: parallel tests must not share (or change) it.
testdata = os.path.join(work, "testdata")
shutil.copytree(source_data, testdata)
env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=os.path.join(work, "profile"),
           QGIS_PLUGINPATH=companion_dir)
checks = Checks()
check = checks.check


def qgis_process(*args):
    # /usr/bin/qgis_process is a wrapper that passes --noversioncheck, which
    # 3.22 rejects; the real binary is qgis_process.bin.
    return subprocess.run(["qgis_process.bin", *args], env=env, capture_output=True, text=True, timeout=300)


enable = qgis_process("plugins", "enable", "poleaxis_processing")
check(enable.returncode == 0, "plugins enable poleaxis_processing: " + enable.stderr[-300:])

listing = qgis_process("list")
check("poleaxis:serviceradii" in listing.stdout, "list shows poleaxis:serviceradii")

help_text = qgis_process("help", "poleaxis:serviceradii")
for name in ("INPUT", "RADIUS_MODE", "LEVEL_TABLE", "DISSOLVE", "STUDY_AREA", "DEMAND_POP_FIELD", "GAPS", "COVERED_PCT"):
    check(name in help_text.stdout, "help lists " + name)

out = os.path.join(work, "circles.gpkg")
gaps = os.path.join(work, "gaps.gpkg")
run = qgis_process("--json", "run", "poleaxis:serviceradii", "--",
                   "INPUT=" + os.path.join(testdata, "jilin_towns.gpkg"), "RADIUS=30", "DISSOLVE=2",
                   "STUDY_AREA=" + os.path.join(testdata, "jilin_boundary.geojson"),
                   "DEMAND=" + os.path.join(testdata, "jilin_towns.gpkg"), "DEMAND_POP_FIELD=population",
                   "OUTPUT=" + out, "GAPS=" + gaps)
check(run.returncode == 0, "run exits 0: " + run.stderr[-500:])
results = json.loads(run.stdout[run.stdout.index("{"):])["results"] if "{" in run.stdout else {}
check(results.get("CIRCLE_COUNT") == 230, "CIRCLE_COUNT = 230, got %r" % results.get("CIRCLE_COUNT"))
check(results.get("DEMAND_COVERED") == 230, "every town lies in its own circle")
check(0 < results.get("AREA_COVERED_PCT", 0) < 100, "AREA_COVERED_PCT within (0, 100)")

with sqlite3.connect(out) as db:
    tables = [r[0] for r in db.execute("select table_name from gpkg_contents")]
    check(len(tables) == 1, "one layer in the GeoPackage: %r" % tables)
    rows = db.execute('select n_centres, area_km2 from "%s"' % tables[0]).fetchall()
    check(len(rows) == 1 and rows[0][0] == 230, "one dissolved area of 230 centres: %r" % rows)
    geometry_type = db.execute("select geometry_type_name from gpkg_geometry_columns").fetchone()[0]
    check(geometry_type == "MULTIPOLYGON", "geometry type MULTIPOLYGON, got " + geometry_type)
    covered_km2 = rows[0][1]
with sqlite3.connect(gaps) as db:
    table = db.execute("select table_name from gpkg_contents").fetchone()[0]
    gap_km2 = db.execute('select sum(area_km2) from "%s"' % table).fetchone()[0]
from pyproj import Geod
from shapely.geometry import shape

with open(os.path.join(testdata, "jilin_boundary.geojson"), encoding="utf-8") as f:
    province = shape(json.load(f)["features"][0]["geometry"])
province_km2 = abs(Geod(ellps="WGS84").geometry_area_perimeter(province)[0]) / 1e6
check(abs(covered_km2 + gap_km2 - province_km2) / province_km2 < 1e-3,
      "covered %.1f + gaps %.1f km² = the province's %.1f km² (pyproj)" % (covered_km2, gap_km2, province_km2))

bad = qgis_process("run", "poleaxis:serviceradii", "--INPUT=" + os.path.join(testdata, "jilin_towns.gpkg"),
                   "--RADIUS=-3", "--OUTPUT=" + os.path.join(work, "bad.gpkg"))
check(bad.returncode != 0 and "RADIUS" in (bad.stdout + bad.stderr), "negative radius refused naming RADIUS")
check(not os.path.exists(os.path.join(work, "bad.gpkg")), "refused run wrote nothing")

checks.finish()
