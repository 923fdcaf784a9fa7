"""End to end: the example model resources/models/pole_axis_sketch.model3
(Model Builder: town hierarchy → service circles by level → development
axes) loads, validates and runs on the Jilin data. Each output is checked
against what its stage promises: circles only around towns of levels 1–3
with the level table's radii, axes graded 1–3 over the rail network.

Usage: model_test.py <companion parent dir> <testdata dir> <model file>
"""
import math
import os
import shutil
import sys

from e2e_common import Checks, Qgis, private_testdata

companion_dir, source_data, model_file = sys.argv[1:4]
scratch, testdata = private_testdata(source_data, "poleaxis-model-")
qgis = Qgis(companion_dir)
import processing  # noqa: E402
from qgis.core import QgsDistanceArea, QgsProcessingModelAlgorithm, QgsProject  # noqa: E402

checks = Checks()
check = checks.check

model = QgsProcessingModelAlgorithm()
check(model.fromFile(model_file), "the model file loads")
children = sorted(c.algorithmId() for c in model.childAlgorithms().values())
check(children == ["poleaxis:developmentaxes", "poleaxis:serviceradii", "poleaxis:townhierarchy"],
      "it chains three poleaxis algorithms: %s" % children)
valid, problems = model.validate()
check(valid, "it validates (%s)" % problems)

result = processing.run(model, {"towns": os.path.join(testdata, "jilin_towns.gpkg"), "population": "population",
                                "lines": os.path.join(testdata, "jilin_rail_lines.gpkg"),
                                "hierarchy:Town hierarchy": "TEMPORARY_OUTPUT", "circles:Service circles": "TEMPORARY_OUTPUT",
                                "axes:Desire lines": "TEMPORARY_OUTPUT", "axes:Development axes": "TEMPORARY_OUTPUT"})
towns, circles, axes = (result[k] for k in ("hierarchy:Town hierarchy", "circles:Service circles", "axes:Development axes"))
check(towns.featureCount() == 230 and "level" in towns.fields().names(), "hierarchy: 230 towns with a level")
levels = [f["level"] for f in towns.getFeatures()]
expected = sum(1 for v in levels if v in (1, 2, 3))
check(circles.featureCount() == expected > 0, "one circle per town of levels 1–3: %d of %d" % (circles.featureCount(), expected))
area = QgsDistanceArea()
area.setSourceCrs(circles.crs(), QgsProject.instance().transformContext())
area.setEllipsoid("WGS84")
radius_of = {1: 30, 2: 15, 3: 8}
worst = 0.0
for f in circles.getFeatures():
    km = math.sqrt(area.measureArea(f.geometry()) / math.pi) / 1000
    worst = max(worst, abs(km - radius_of[f["level"]]) / radius_of[f["level"]])
check(worst < 0.01, "circle radii follow the level table 1=30;2=15;3=8 km (worst %.2f %%)" % (100 * worst))
grades = {f["grade"] for f in axes.getFeatures()}
check(axes.featureCount() > 0 and grades <= {1, 2, 3} and 1 in grades, "axes graded 1–3: %s" % sorted(grades))

# Outputs have labels in the run dialog and may be left out (temporary layers).
destinations = [d for d in model.parameterDefinitions() if d.isDestination()]
check(len(destinations) == 4 and all(d.description() for d in destinations),
      "the four model outputs are labelled: %s" % [d.description() for d in destinations])
# A model output is as mandatory as the child's own output (QGIS never makes
# it optional; qgis_process asks for native:buffer's OUTPUT the same way), so
# the model gives each one a default: a temporary layer.
check(all(d.defaultValue() == "TEMPORARY_OUTPUT" for d in destinations), "every model output defaults to a temporary layer")

# qgis_process shows the labels and runs the model.
import subprocess  # noqa: E402
env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=os.path.join(scratch, "profile"),
           QGIS_PLUGINPATH=companion_dir)
subprocess.run(["qgis_process.bin", "plugins", "enable", "poleaxis_processing"], env=env, capture_output=True, timeout=120)
helped = subprocess.run(["qgis_process.bin", "help", model_file], env=env, capture_output=True, text=True, timeout=120)
check(all(label in helped.stdout for label in ("Desire lines", "Development axes", "Service circles", "Town hierarchy")),
      "qgis_process help names the model outputs by their labels")
run = subprocess.run(["qgis_process.bin", "run", model_file, "--", "towns=" + os.path.join(testdata, "jilin_towns.gpkg"),
                      "population=population", "lines=" + os.path.join(testdata, "jilin_rail_lines.gpkg")]
                     + ["%s=TEMPORARY_OUTPUT" % d.name() for d in destinations],
                     env=env, capture_output=True, text=True, timeout=300)
check(run.returncode == 0 and "axes:Development axes" in run.stdout,
      "qgis_process runs the model (rc %d): %s" % (run.returncode, (run.stderr or run.stdout)[-300:]))

del towns, circles, axes, result
qgis.exit()
shutil.rmtree(scratch, ignore_errors=True)
checks.finish()
