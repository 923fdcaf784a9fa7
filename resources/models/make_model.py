"""Writes pole_axis_sketch.model3 beside this script: the example model that
chains poleaxis:townhierarchy, poleaxis:serviceradii and
poleaxis:developmentaxes (tests/e2e/model_test.py runs it). Run again after
changing an algorithm's parameters.

Usage: /usr/bin/python3 resources/models/make_model.py [build dir]
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench"))
import harness  # noqa: E402

harness.start_qgis(sys.argv[1] if len(sys.argv) > 1 else os.path.join(harness.REPO, "build"))
from qgis.core import (QgsProcessingModelAlgorithm, QgsProcessingModelParameter, QgsProcessingModelChildAlgorithm,
                       QgsProcessingModelChildParameterSource, QgsProcessingModelOutput, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessing, QgsProcessingParameterNumber)
from qgis.PyQt.QtCore import QPointF

m = QgsProcessingModelAlgorithm("Pole-axis sketch", "Pole-Axis Planner")
m.setHelpContent({"ALG_DESC": "Town hierarchy, service circles by level (1=30 km, 2=15 km, 3=8 km) and development axes "
                              "over the line network, chained: an example of poleaxis algorithms in the Model Builder."})
inputs = [("towns", QgsProcessingParameterFeatureSource("towns", "Towns", [QgsProcessing.TypeVectorPoint])),
          ("population", QgsProcessingParameterField("population", "Population field", None, "towns", QgsProcessingParameterField.Numeric)),
          ("lines", QgsProcessingParameterFeatureSource("lines", "Rail and highway lines", [QgsProcessing.TypeVectorLine]))]
for k, (name, definition) in enumerate(inputs):
    p = QgsProcessingModelParameter(name)
    p.setPosition(QPointF(120, 60 + 80 * k))
    m.addModelParameter(definition, p)

val = QgsProcessingModelChildParameterSource.fromStaticValue


def child(alg, cid, y, params, outputs):
    c = QgsProcessingModelChildAlgorithm(alg)
    c.setChildId(cid)
    c.setDescription(cid)
    c.setPosition(QPointF(420, y))
    for key, source in params.items():
        c.addParameterSources(key, [source])
    # The Model Builder stores every parameter; unset ones take the algorithm's defaults.
    from qgis.core import QgsApplication
    for d in QgsApplication.processingRegistry().algorithmById(alg).parameterDefinitions():
        if d.name() not in params and not d.isDestination():
            c.addParameterSources(d.name(), [val(d.defaultValue())])
    outs = {}
    for key, name in outputs.items():
        o = QgsProcessingModelOutput(name)
        o.setChildOutputName(key)
        o.setChildId(cid)
        outs[name] = o
    c.setModelOutputs(outs)
    m.addChildAlgorithm(c)

inp = QgsProcessingModelChildParameterSource.fromModelParameter
val = QgsProcessingModelChildParameterSource.fromStaticValue
out = QgsProcessingModelChildParameterSource.fromChildOutput
child("poleaxis:townhierarchy", "hierarchy", 60,
      {"INPUT": inp("towns"), "FIELDS": inp("population"), "LEVELS": val(4), "POLE_RULE": val(1), "TOP_N": val(5)},
      {"OUTPUT": "Town hierarchy"})
child("poleaxis:serviceradii", "circles", 180,
      {"INPUT": out("hierarchy", "OUTPUT"), "RADIUS_MODE": val(2), "LEVEL_FIELD": val("level"), "LEVEL_TABLE": val("1=30;2=15;3=8"),
       "SKIP_INVALID": val(True), "DISSOLVE": val(0)},
      {"OUTPUT": "Service circles"})
child("poleaxis:developmentaxes", "axes", 300,
      {"CENTRES": out("hierarchy", "OUTPUT"), "MASS_FIELD": inp("population"), "LINES": inp("lines"), "DISTANCE_MODE": val(1),
       "SNAP_KM": val(10), "PAIRS": val(1), "TOP_N": val(3)},
      {"DESIRE_LINES": "Desire lines", "AXES": "Development axes"})
valid, problems = m.validate()
if not valid:
    sys.exit("model not valid: %s" % problems)
m.toFile(os.path.join(HERE, "pole_axis_sketch.model3"))
