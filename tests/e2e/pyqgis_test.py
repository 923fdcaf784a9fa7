"""End to end: a standalone PyQGIS script registers the provider through the
companion and calls processing.run("poleaxis:serviceradii", ...) as users do.

Usage: pyqgis_test.py <companion parent dir> <testdata dir>
"""
import os
import shutil
import sys

from e2e_common import Checks, Qgis, private_testdata

companion_dir, source_data = sys.argv[1:3]
scratch, testdata = private_testdata(source_data, "poleaxis-pyqgis-")
qgis = Qgis(companion_dir)
import processing  # noqa: E402
from qgis.core import QgsApplication, QgsDistanceArea, QgsProject, QgsVectorLayer  # noqa: E402

checks = Checks()
check = checks.check
companion = qgis.companion
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
del layer, out
qgis.exit()
shutil.rmtree(scratch, ignore_errors=True)
checks.finish()
