"""End to end: a standalone PyQGIS script registers the provider through the
companion and calls processing.run("poleaxis:serviceradii", ...) as users do.

Usage: pyqgis_test.py <companion parent dir> <testdata dir>
"""
import os
import shutil
import sys
import tempfile

companion_dir, source_data = sys.argv[1:3]
# A private copy of the data: parallel tests must not share (or change) it.
scratch = tempfile.mkdtemp(prefix="poleaxis-pyqgis-")
testdata = os.path.join(scratch, "testdata")
shutil.copytree(source_data, testdata)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The build's companion first: an installed one must not shadow it.
sys.path[:0] = [companion_dir, "/usr/share/qgis/python/plugins"]

from qgis.core import QgsApplication, QgsDistanceArea, QgsProject, QgsVectorLayer  # noqa: E402

QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
from processing.core.Processing import Processing  # noqa: E402

Processing.initialize()
import processing  # noqa: E402
import poleaxis_processing  # noqa: E402

companion = poleaxis_processing.classFactory(None)
companion.initProcessing()
failures, passes = [], []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    (passes if condition else failures).append(message)


check(QgsApplication.processingRegistry().providerById("poleaxis") is not None, "provider registered by the companion")
towns = os.path.join(testdata, "jilin_towns.gpkg") + "|layername=jilin_towns"
table = "PPLA=50;PPLA2=30;PPLA3=15;PPLA4=8;PPL=8"
result = processing.run("poleaxis:serviceradii", {
    "INPUT": towns, "RADIUS_MODE": 2, "LEVEL_FIELD": "feature_code", "LEVEL_TABLE": table,
    "DISSOLVE": 1, "OUTPUT": "TEMPORARY_OUTPUT"})
layer = result["OUTPUT"]
check(isinstance(layer, QgsVectorLayer) and layer.featureCount() == 5, "five level areas")
levels = {f["level"]: f["radius_km"] for f in layer.getFeatures()}
check(levels == {"PPLA": 50, "PPLA2": 30, "PPLA3": 15, "PPLA4": 8, "PPL": 8}, "radius per level: %r" % levels)

# The same run as a batch of three fixed radii: areas grow with the radius.
measure = QgsDistanceArea()
measure.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
measure.setEllipsoid("WGS84")
areas = []
for radius in (10, 20, 30):
    out = processing.run("poleaxis:serviceradii", {"INPUT": towns, "RADIUS": radius, "DISSOLVE": 2,
                                                    "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    feature = next(out.getFeatures())
    areas.append(feature["area_km2"])
    check(abs(measure.measureArea(feature.geometry()) / 1e6 - feature["area_km2"]) < 1e-4 * feature["area_km2"],
          "area_km2 at %d km equals QGIS's ellipsoidal area" % radius)
check(areas[0] < areas[1] < areas[2], "dissolved area grows with radius: %r" % areas)

companion.unload()
check(QgsApplication.processingRegistry().providerById("poleaxis") is None, "provider removed on unload")
app.exitQgis()
shutil.rmtree(scratch, ignore_errors=True)
print("%d passed, %d failed" % (len(passes), len(failures)))
sys.exit(1 if failures else 0)
