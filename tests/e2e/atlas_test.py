"""End to end: poleaxis:townsystem with REGIONS plans each region on its own
and prints an atlas.

Bundled data: the towns of Jilin and Guizhou provinces in one layer, both
provinces' rail, and three regions — Jilin, Guizhou, and a small square with
one town. The GeoPackage's every layer has a region field; every town is in
the region whose polygon holds it (checked with GEOS through PyQGIS, not with
our code); the small square is skipped with a log line, not a failure; the
PDF has one page per planned region, titled with the region's name; the
legend is Chinese with a Chinese title and English with LANGUAGE = English;
progress moves per region; a cancel between regions leaves no file.

National atlas (../shared/data): all GeoNames towns of China, the national
rail, REGIONS = Natural Earth's provinces: one page per province that has
towns, titled with the province's Chinese name. Time and peak memory are
printed (they are reported in the README, not asserted).

Usage: atlas_test.py <companion parent dir> <testdata dir> <shared data dir>
"""
import os
import resource
import shutil
import subprocess
import sys
import time


def main():
    from e2e_common import Checks, Qgis, pdf_text, private_testdata, recording_feedback
    companion_dir, source_data, shared = sys.argv[1:4]
    scratch, testdata = private_testdata(source_data, "poleaxis-atlas-")
    qgis = Qgis(companion_dir)
    import processing
    from qgis.core import (QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer,
                           QgsVectorLayerUtils)

    checks = Checks()
    check = checks.check

    # Both provinces' towns in one layer, as a national layer would hold them.
    towns = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string&field=name_zh:string&field=population:double", "towns", "memory")
    for source in ("jilin_towns.gpkg", "guizhou_towns.gpkg"):
        layer = QgsVectorLayer(os.path.join(testdata, source), source, "ogr")
        for f in layer.getFeatures():
            g = QgsFeature(towns.fields())
            g.setAttributes([f["name"], f["name_zh"], f["population"]])
            g.setGeometry(f.geometry())
            towns.dataProvider().addFeature(g)
    regions = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=name_zh:string", "regions", "memory")
    shapes = {}
    for name, source in (("吉林省", "jilin_boundary.geojson"), ("贵州省", "guizhou_boundary.geojson")):
        boundary = QgsVectorLayer(os.path.join(testdata, source), name, "ogr")
        shape = QgsGeometry.unaryUnion([f.geometry() for f in boundary.getFeatures()])
        shape.convertToMultiType()
        shapes[name] = shape
        f = QgsFeature(regions.fields())
        f.setAttributes([name])
        f.setGeometry(shape)
        regions.dataProvider().addFeature(f)
    # A small square around one Jilin town outside both provinces' polygons would hold
    # nothing; this one lies in the sea east of Jilin and holds one added town.
    towns.dataProvider().addFeature(QgsVectorLayerUtils.createFeature(towns, QgsGeometry.fromPointXY(QgsPointXY(132.5, 40.5)),
                                                                      {0: "islet", 1: "小岛", 2: 1000.0}))
    square = QgsFeature(regions.fields())
    square.setAttributes(["小岛"])
    square.setGeometry(QgsGeometry.fromWkt("MULTIPOLYGON(((132 40,133 40,133 41,132 41,132 40)))"))
    regions.dataProvider().addFeature(square)
    rails = [os.path.join(testdata, "jilin_rail_lines.gpkg"), os.path.join(testdata, "guizhou_rail_lines.gpkg")]
    out = os.path.join(scratch, "图集")
    os.makedirs(out)
    gpkg, pdf = os.path.join(out, "两省.gpkg"), os.path.join(out, "两省.pdf")
    base = {"TOWNS": towns, "POP_FIELD": "population", "LINES": rails, "CLASS_FIELD": "class", "REGIONS": regions,
            "REGION_NAME_FIELD": "name_zh", "TITLE": "城镇体系规划图", "K": 3}

    feedback = recording_feedback()
    progress = []
    feedback.progressChanged.connect(progress.append)
    started = time.time()
    result = processing.run("poleaxis:townsystem", dict(base, OUTPUT=gpkg, PDF=pdf), feedback=feedback)
    print("two-province atlas: %.1f s" % (time.time() - started))
    check(result["NUM_REGIONS"] == 2, "two regions planned (got %s)" % result["NUM_REGIONS"])
    skipped = [line for line in feedback.lines if "skipped" in line]
    check(any("1 town" in line for line in skipped) and os.path.exists(pdf),
          "the one-town region is skipped with a log line, not a failure: %s" % skipped)
    pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    check("Pages:           2" in pages, "one PDF page per planned region")
    titles = [pdf_text_page(pdf, page).splitlines()[0] for page in (1, 2)]
    check(titles == ["吉林省城镇体系规划图", "贵州省城镇体系规划图"], "pages titled from the name field: %s" % titles)
    text = pdf_text(pdf)
    check("图例" in text and "Legend" not in text and "level" not in text, "a Chinese title: Chinese legends on every page")

    layers = [line.split(":")[1].split("(")[0].strip() for line in
              subprocess.run(["ogrinfo", "-q", gpkg], capture_output=True, text=True).stdout.splitlines() if ":" in line]
    without = [name for name in layers if name != "layer_styles"
               and QgsVectorLayer("%s|layername=%s" % (gpkg, name), name, "ogr").fields().indexOf("region") < 0]
    check(len(layers) >= 8 and not without, "every layer of the GeoPackage has a region field (%d layers; without: %s)" % (len(layers), without))
    planned = QgsVectorLayer(gpkg + "|layername=towns", "t", "ogr")
    wrong = [f["name"] for f in planned.getFeatures() if not shapes[f["region"]].contains(f.geometry())]
    per_region = {name: sum(1 for f in planned.getFeatures() if f["region"] == name) for name in shapes}
    inside = {name: sum(1 for f in towns.getFeatures() if shape.contains(f.geometry())) for name, shape in shapes.items()}
    check(not wrong and per_region == inside,
          "each region's towns are the towns its polygon holds: %s vs %s (misplaced: %s)" % (per_region, inside, wrong[:5]))
    poles = QgsVectorLayer(gpkg + "|layername=poles", "p", "ogr")
    pole_regions = sorted({f["region"] for f in poles.getFeatures()})
    check(pole_regions == sorted(shapes), "poles are picked in each region: %s" % pole_regions)
    steps = [p for p in progress if p is not None]
    check(steps == sorted(steps) and len({int(p // 10) for p in steps}) >= 8,
          "progress moves steadily through the regions (%d updates, %s … %s)" % (len(steps), steps[:2], steps[-2:]))

    english_pdf = os.path.join(out, "english.pdf")
    processing.run("poleaxis:townsystem", dict(base, TITLE="town system plan", LANGUAGE=2, OUTPUT=os.path.join(out, "en.gpkg"),
                                                PDF=english_pdf))
    english = pdf_text(english_pdf)
    check("Legend" in english and "图例" not in english and "级城镇" not in english,
          "LANGUAGE = English: English legends on every page")

    # Cancel after the first region: nothing written, the error says it was cancelled.
    class CancelAtSecondRegion(QgsProcessingFeedback):
        def pushInfo(self, text):
            if text.startswith("Region 2 of"):
                self.cancel()

    cancelled_gpkg, cancelled_pdf = os.path.join(out, "cancel.gpkg"), os.path.join(out, "cancel.pdf")
    try:
        processing.run("poleaxis:townsystem", dict(base, OUTPUT=cancelled_gpkg, PDF=cancelled_pdf), feedback=CancelAtSecondRegion())
        stopped = False
    except QgsProcessingException:
        stopped = True
    check(stopped and not os.path.exists(cancelled_gpkg) and not os.path.exists(cancelled_pdf),
          "a cancel between regions stops the run and leaves no file")

    try:
        processing.run("poleaxis:townsystem", dict(base, REGION_NAME_FIELD="no_such_field", OUTPUT=os.path.join(out, "x.gpkg"),
                                                    PDF=os.path.join(out, "x.pdf")))
        refused = ""
    except QgsProcessingException as e:
        refused = str(e)
    check("REGION_NAME_FIELD" in refused and "no_such_field" in refused, "a missing name field is refused naming it: %s" % refused[:120])

    # The national atlas from ../shared/data.
    national_gpkg, national_pdf = os.path.join(out, "china.gpkg"), os.path.join(out, "china.pdf")
    provinces = QgsVectorLayer(os.path.join(shared, "china_provinces.gpkg"), "provinces", "ogr")
    china_towns = QgsVectorLayer(os.path.join(shared, "china_towns.gpkg"), "china_towns", "ogr")
    check(provinces.isValid() and china_towns.isValid(), "the shared national data is there (%s)" % shared)
    started = time.time()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    national = processing.run("poleaxis:townsystem", {
        "TOWNS": china_towns, "POP_FIELD": "population", "LINES": [os.path.join(shared, "china_rail_lines.gpkg")],
        "REGIONS": provinces, "REGION_NAME_FIELD": "name_zh", "TITLE": "城镇体系规划图", "OUTPUT": national_gpkg, "PDF": national_pdf})
    seconds = time.time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with_towns = [p["name_zh"] for p in provinces.getFeatures()
                  if sum(1 for _ in china_towns.getFeatures(p.geometry().boundingBox())) and
                  any(p.geometry().contains(t.geometry()) for t in china_towns.getFeatures(p.geometry().boundingBox()))]
    count = int(subprocess.run(["pdfinfo", national_pdf], capture_output=True, text=True).stdout.split("Pages:")[1].split()[0])
    national_titles = [pdf_text_page(national_pdf, page).splitlines()[0] for page in range(1, count + 1)]
    expected = [name + "城镇体系规划图" for name in with_towns]
    print("national atlas: %d pages, %.1f s, peak RSS of the test process %d MB (%d MB before)"
          % (count, seconds, peak // 1024, before // 1024))
    check(national["NUM_REGIONS"] == len(with_towns) == count and national_titles == expected,
          "national atlas: one page per province with towns (%d of %d), titled with its Chinese name (differing: %s)"
          % (count, provinces.featureCount(), [(a, b) for a, b in zip(national_titles, expected) if a != b] or
             (national["NUM_REGIONS"], len(with_towns), count)))

    del towns, regions, planned, poles, provinces, china_towns, layer, boundary, feedback
    qgis.exit()
    shutil.rmtree(scratch, ignore_errors=True)
    checks.finish()


def pdf_text_page(pdf, page):
    from e2e_common import reader_text
    return reader_text(subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True, text=True).stdout)


if __name__ == "__main__":
    main()
