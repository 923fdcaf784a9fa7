"""Every input row stays in the per-town outputs: towns without geometry
(NULL or empty) take no part in the work, and come out with their own
attributes and NULL results, so that planners can join outputs back by row
(as PostGIS does). townhierarchy, townfunctions, townclusters, corridorbuffers
(TOWNS_OUTPUT) and serviceradii (DEMAND_OUTPUT).

Usage: rows_kept_test.py <companion parent dir> <testdata dir>
"""
import os
import sys

from e2e_common import Checks, Qgis

companion_dir, testdata = sys.argv[1:3]
qgis = Qgis(companion_dir)
import processing  # noqa: E402
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer  # noqa: E402

checks = Checks()
check = checks.check


def towns():
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=code:string&field=population:double", "towns", "memory")
    rows = [("A", 900000.0, (126.55, 43.84)), ("B", 300000.0, (126.0, 43.5)), ("C", 80000.0, (126.9, 44.2)),
            ("noGeom", 50000.0, None), ("empty", 40000.0, "empty"), ("D", 60000.0, (125.8, 44.0))]
    for code, population, where in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes([code, population])
        if where == "empty":
            f.setGeometry(QgsGeometry.fromWkt("POINT EMPTY"))
        elif where:
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*where)))
        layer.dataProvider().addFeatures([f])
    return layer


def by_code(layer):
    return {f["code"]: f for f in layer.getFeatures()}


def main():
    rail = os.path.join(testdata, "jilin_rail_lines.gpkg")
    runs = {
        "townhierarchy": ({"INPUT": towns(), "FIELDS": ["population"], "LEVELS": 2, "OUTPUT": "TEMPORARY_OUTPUT"}, "OUTPUT", "level"),
        "townfunctions": ({"INPUT": towns(), "LINES": rail, "OUTPUT": "TEMPORARY_OUTPUT"}, "OUTPUT", "is_hub"),
        "townclusters": ({"INPUT": towns(), "METHOD": 0, "EPS": 80, "MIN_POINTS": 2, "OUTPUT": "TEMPORARY_OUTPUT"}, "OUTPUT", "group_id"),
        "corridorbuffers": ({"INPUT": [rail], "WIDTH": 10, "TOWNS": towns(), "OUTPUT": "TEMPORARY_OUTPUT",
                             "TOWNS_OUTPUT": "TEMPORARY_OUTPUT"}, "TOWNS_OUTPUT", "dist_km"),
        "serviceradii": ({"INPUT": towns(), "RADIUS": 30, "DEMAND": towns(), "OUTPUT": "TEMPORARY_OUTPUT",
                          "DEMAND_OUTPUT": "TEMPORARY_OUTPUT"}, "DEMAND_OUTPUT", "n_cover"),
    }
    for algorithm, (parameters, output, result_field) in runs.items():
        layer = processing.run("poleaxis:" + algorithm, parameters)[output]
        rows = by_code(layer)
        check(sorted(rows) == sorted(["A", "B", "C", "D", "noGeom", "empty"]), "%s: all 6 input rows kept (%s)" % (algorithm, sorted(rows)))
        ghost = [rows[c] for c in ("noGeom", "empty") if c in rows]
        check(len(ghost) == 2 and all(f.geometry().isEmpty() or f.geometry().isNull() for f in ghost) and
              all(f[result_field] is None or f[result_field] == QVariant() for f in ghost) and
              all(f["population"] in (50000.0, 40000.0) for f in ghost),
              "%s: the rows without geometry keep their attributes, with NULL %s" % (algorithm, result_field))
        check(rows["A"][result_field] is not None, "%s: the other rows have results (%s = %r)" % (algorithm, result_field, rows["A"][result_field]))
    checks.finish()


from qgis.PyQt.QtCore import QVariant  # noqa: E402
main()
qgis.exit()
