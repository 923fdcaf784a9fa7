"""poleaxis:townstandards on hand-worked towns: met, gaps and counts by hand,
NULL and non-numeric text counted as missing (never 0) and named, the report's
JSON, and the bad-input matrix.

Usage: townstandards_test.py <companion parent dir> <scratch dir>
"""
import json
import os
import shutil
import sys

from e2e_common import Checks, Qgis, recording_feedback

companion_dir, scratch = sys.argv[1:3]
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
qgis = Qgis(companion_dir)
import processing  # noqa: E402
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer  # noqa: E402

checks = Checks()
check = checks.check
TARGETS = "built_km2>=2;road_m2_pc>=8;green_pct>=30"


def towns():
    # green_pct is text, as survey spreadsheets often are: '35', NULL, 'abc', '29.5'.
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string&field=built_km2:double&field=road_m2_pc:double&field=green_pct:string",
                           "towns", "memory")
    rows = [("甲镇", 2.5, 9.0, "35"), ("乙镇", 1.5, 8.0, None), ("丙镇", 3.0, 5.0, "abc"), ("丁镇", 2.0, 10.0, "29.5")]
    for k, row in enumerate(rows):
        f = QgsFeature(layer.fields())
        f.setAttributes(list(row))
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(126.5 + 0.1 * k, 43.8)))
        layer.dataProvider().addFeatures([f])
    return layer


def main():
    log = recording_feedback()
    report = os.path.join(scratch, "标准.html")
    result = processing.run("poleaxis:townstandards", {"INPUT": towns(), "TARGETS": TARGETS, "OUTPUT": "TEMPORARY_OUTPUT", "REPORT": report},
                            feedback=log)
    out = {f["name"]: f for f in result["OUTPUT"].getFeatures()}
    check([out[n]["n_met"] for n in ("甲镇", "乙镇", "丙镇", "丁镇")] == [3, 1, 1, 2], "targets met by hand: 3, 1, 1, 2")
    check([out[n]["n_known"] for n in ("甲镇", "乙镇", "丙镇", "丁镇")] == [3, 2, 2, 3], "missing values are not known: 3, 2, 2, 3")
    check(out["乙镇"]["built_km2_ok"] == 0 and abs(out["乙镇"]["built_km2_gap"] - 0.5) < 1e-12, "乙镇 falls 0.5 km² short of 2 km²")
    check(out["乙镇"]["road_m2_pc_ok"] == 1 and out["乙镇"]["road_m2_pc_gap"] == 0, "8 m² per person meets >= 8 (gap 0)")
    check(out["丙镇"]["green_pct_ok"] is None and out["丙镇"]["green_pct_gap"] is None, "'abc' is missing, not 0: NULL ok and gap")
    check(abs(out["丁镇"]["green_pct_gap"] - 0.5) < 1e-12, "'29.5' as text is read as 29.5: 0.5 points short")
    check(result["ALL_MET"] == 1 and result["MISSING_VALUES"] == 2, "one town meets every target; two values missing")
    check(any("green_pct" in w and "2 town(s)" in w and "not as 0" in w for w in log.warnings), "the log counts and names the missing values")
    data = json.load(open(report[:-5] + ".json", encoding="utf-8"))
    green = [t for t in data["targets"] if t["indicator"] == "green_pct"][0]
    check(sorted(green["missing_towns"]) == sorted(["乙镇", "丙镇"]) and green["met"] == 1 and green["not_met"] == 1,
          "the report names the towns without a value: %s" % green["missing_towns"])
    check("甲镇" in open(report, encoding="utf-8").read(), "the HTML report lists the towns")
    # Bad input, each refused naming its parameter.
    empty = QgsVectorLayer("Point?crs=EPSG:4326&field=built_km2:double", "empty", "memory")
    for parameters, fragment, what in (
            ({"TARGETS": ""}, "TARGETS", "no targets"),
            ({"TARGETS": "built_km2=2"}, "TARGETS", "no comparison"),
            ({"TARGETS": "built_km2>=two"}, "TARGETS", "a value that is not a number"),
            ({"TARGETS": "built_km2>=2;built_km2>=3"}, "TARGETS", "an indicator twice"),
            ({"TARGETS": "nosuch>=1"}, "TARGETS", "an indicator that is not a field"),
            ({"INPUT": empty}, "INPUT", "an empty layer"),
            ({"REPORT": os.path.join(scratch, "no", "such", "r.html")}, "REPORT", "a report folder that does not exist")):
        parameters = dict({"INPUT": towns(), "TARGETS": TARGETS, "OUTPUT": "TEMPORARY_OUTPUT"}, **parameters)
        try:
            processing.run("poleaxis:townstandards", parameters)
            message = ""
        except Exception as e:  # QgsProcessingException reaches Python as a plain Exception
            message = str(e)
        check(fragment in message, "%s is refused naming %s: %s" % (what, fragment, message[:100]))


main()
qgis.exit()
checks.finish()
