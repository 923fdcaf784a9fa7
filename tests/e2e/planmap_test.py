"""End to end: poleaxis:planmap prints a one-page plan of real Jilin outputs
(town hierarchy, service circles, axes, boundary) to PDF and PNG. The PDF
has the template's page size, renders (pdftoppm) to a page that is not blank,
and carries the Chinese title as text; bad input is refused and nothing is
written.

Usage: planmap_test.py <companion parent dir> <testdata dir> <artifacts dir>
"""
import os
import shutil
import subprocess
import unicodedata
import sys

from e2e_common import Checks, Qgis, pdf_text, private_testdata, reader_text, recording_feedback, render_page

companion_dir, source_data, artifacts = sys.argv[1:4]
scratch, testdata = private_testdata(source_data, "poleaxis-plan-")
os.makedirs(artifacts, exist_ok=True)
qgis = Qgis(companion_dir)
import processing  # noqa: E402
from qgis.core import QgsProcessingException, QgsVectorLayer  # noqa: E402

checks = Checks()
check = checks.check


towns = os.path.join(testdata, "jilin_towns.gpkg")
boundary = os.path.join(testdata, "jilin_boundary.geojson")
rail = os.path.join(testdata, "jilin_rail_lines.gpkg")
hierarchy = processing.run("poleaxis:townhierarchy", {"INPUT": towns, "FIELDS": "population", "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
circles = processing.run("poleaxis:serviceradii", {"INPUT": towns, "RADIUS": 30, "DISSOLVE": 2, "STUDY_AREA": boundary,
                                                    "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
cities = QgsVectorLayer(towns, "cities", "ogr")
cities.setSubsetString("population >= 100000")
axes = processing.run("poleaxis:developmentaxes", {"CENTRES": cities, "MASS_FIELD": "population", "LINES": rail, "DISTANCE_MODE": 1,
                                                    "SNAP_KM": 10, "PAIRS": 0, "GRADING": 1, "DESIRE_LINES": "TEMPORARY_OUTPUT",
                                                    "AXES": "TEMPORARY_OUTPUT"})["AXES"]

pdf = os.path.join(scratch, "吉林 规划图.pdf")
png = os.path.join(artifacts, "jilin_plan.png")
result = processing.run("poleaxis:planmap", {
    "TOWNS": hierarchy, "AXES": axes, "CIRCLES": circles, "BOUNDARY": boundary,
    "TITLE": "吉林省城镇体系规划图", "SUBTITLE": "增长极、发展轴与30公里半小时经济圈", "AUTHOR": "poleaxis tests",
    "SOURCE": "GeoNames (CC BY 4.0), Natural Earth, DCW/VMap0", "PDF": pdf, "PNG": png, "DPI": 60})
check(os.path.exists(pdf) and os.path.exists(png), "PDF and PNG written (Chinese file name)")
info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
check("Pages:           1" in info, "one page")
check("1191 x 842 pts (A3)" in info, "A3 landscape page: %s" % [line for line in info.splitlines() if "Page size" in line])
text = pdf_text(pdf)
check("吉林省城镇体系规划图" in text and "公里" in text, "title in Chinese and the scale bar's unit (公里) are text in the PDF")
# A Chinese title: every legend text in Chinese (pdftotext reads some CJK glyphs as radicals, so compare loosely).
english = [w for w in ("Legend", "level", "grade", "Towns", "Boundary", "circles", "km") if w in text]
check(not english and "图例" in text and "级城镇" in text and "级发展轴" in text,
      "with a Chinese title the legend is all Chinese (图例, …级城镇, …级发展轴; English words left: %s)" % english)
english_pdf = os.path.join(scratch, "english.pdf")
processing.run("poleaxis:planmap", {"TOWNS": hierarchy, "AXES": axes, "CIRCLES": circles, "BOUNDARY": boundary,
                                    "TITLE": "吉林省城镇体系规划图", "LANGUAGE": 2, "PDF": english_pdf})
english_text = pdf_text(english_pdf)
chinese_left = [w for w in ("图例", "级城镇", "级发展轴", "公里", "规划范围") if w in english_text]
check("Legend" in english_text and "level" in english_text and "grade" in english_text and "km" in english_text and not chinese_left,
      "with LANGUAGE = English the legend is all English (Chinese left: %s)" % chinese_left)
width, height, share = render_page(pdf, scratch)
check(width > height and 0.05 < share < 0.9, "the page is not blank: %.0f %% inked (%dx%d px)" % (100 * share, width, height))
from qgis.PyQt.QtGui import QImage  # noqa: E402

portrait = os.path.join(scratch, "portrait.pdf")
processing.run("poleaxis:planmap", {"BOUNDARY": boundary, "TEMPLATE": 3, "PDF": portrait})
check("595 x 842 pts (A4)" in subprocess.run(["pdfinfo", portrait], capture_output=True, text=True).stdout, "A4 portrait template")


# The inset: the map's lower right corner shows China's provinces (grey)
# with INSET, and the plan itself without it.
def corner_greys(path):
    image = QImage(path)
    w, h = image.width(), image.height()
    # A3 landscape: the inset sits at 260–330 × 219–274 mm of 420 × 297.
    box = [(x, y) for x in range(int(w * 265 / 420), int(w * 325 / 420), 2) for y in range(int(h * 224 / 297), int(h * 270 / 297), 2)]
    return sum(1 for x, y in box if image.pixelColor(x, y).name() == "#e1e1e1") / len(box)


with_inset, without_inset = os.path.join(scratch, "inset.png"), os.path.join(scratch, "no_inset.png")
processing.run("poleaxis:planmap", {"BOUNDARY": boundary, "PDF": os.path.join(scratch, "i.pdf"), "PNG": with_inset, "DPI": 40})
processing.run("poleaxis:planmap", {"BOUNDARY": boundary, "INSET": False, "PDF": os.path.join(scratch, "n.pdf"), "PNG": without_inset, "DPI": 40})
check(corner_greys(with_inset) > 0.1 and corner_greys(without_inset) == 0,
      "location inset: China's provinces in the corner (%.0f %% grey), none with INSET off"
      % (100 * corner_greys(with_inset)))


# Labels: every level-1-3 town's name is text in the PDF (PAL places them by
# priority; pdftotext reads the page as a reader would).
def names_of(layer, levels):
    return sorted({f["name_zh"] or f["name"] for f in layer.getFeatures() if f["level"] in levels and (f["name_zh"] or f["name"])})


top = names_of(hierarchy, (1, 2, 3))
missing = [n for n in top if reader_text(n) not in text]
check(top and not missing, "all %d level-1-3 towns are labelled (missing: %s)" % (len(top), missing))
small = names_of(hierarchy, (4, 5, 6, 7, 8, 9))
shown = [n for n in small if reader_text(n) in text]
check(len(shown) < len(small), "not every small town is labelled at this scale (%d of %d)" % (len(shown), len(small)))

# Groups: the legend names each group (few groups), in the page's language.
guizhou_towns = os.path.join(testdata, "guizhou_towns.gpkg")
guizhou_boundary = os.path.join(testdata, "guizhou_boundary.geojson")
guizhou = processing.run("poleaxis:townhierarchy", {"INPUT": guizhou_towns, "FIELDS": "population", "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
groups = processing.run("poleaxis:townclusters", {"INPUT": guizhou_towns, "METHOD": 5, "K": 4, "POP_FIELD": "population",
                                                  "OUTPUT": "TEMPORARY_OUTPUT", "GROUPS": "TEMPORARY_OUTPUT"})["GROUPS"]
leads = sorted({str(g["lead_name"]) for g in groups.getFeatures()})
grouped_pdf = os.path.join(scratch, "groups.pdf")
processing.run("poleaxis:planmap", {"TOWNS": guizhou, "GROUPS": groups, "BOUNDARY": guizhou_boundary, "TITLE": "贵州省城镇群",
                                    "PDF": grouped_pdf})
grouped_text = pdf_text(grouped_pdf)
named = [lead for lead in leads if reader_text(lead) in grouped_text]
check(len(leads) == 4 and len(named) == 4 and "各群一色" not in grouped_text,
      "the legend names the 4 groups by their lead towns: %s of %s" % (named, leads))


# The inset goes where it hides the least. The inset is found on the page by
# its backdrop (China's provinces, grey #e1e1e1, which no plan style uses);
# under that box, the same map rendered without the inset may carry at most
# 2 % of the ink that the map frame holds (towns, axes, labels).
def ink_under_inset(with_path, without_path):
    a, b = QImage(with_path), QImage(without_path)
    w, h = a.width(), a.height()
    # A3 landscape: the map frame is 10–333 × 35–277 mm of 420 × 297 (just inside it).
    frame = (int(w * 11 / 420), int(h * 36 / 297), int(w * 332 / 420), int(h * 276 / 297))
    grey = [(x, y) for y in range(frame[1], frame[3], 2) for x in range(frame[0], frame[2], 2) if a.pixelColor(x, y).name() == "#e1e1e1"]
    if not grey:
        return None, None
    # The backdrop is where that grey is dense (stray grey pixels elsewhere are antialiasing).
    from collections import Counter
    columns, rows = Counter(x for x, _ in grey), Counter(y for _, y in grey)
    dense_x = [x for x, c in columns.items() if c >= 0.2 * max(columns.values())]
    dense_y = [y for y, c in rows.items() if c >= 0.2 * max(rows.values())]
    pad = int(w * 3 / 420)  # the inset's frame around its backdrop
    x0, x1 = min(dense_x) - pad, max(dense_x) + pad
    y0, y1 = min(dense_y) - pad, max(dense_y) + pad

    def inked(x, y):
        return b.pixelColor(x, y).lightness() < 200

    total = sum(1 for y in range(frame[1], frame[3], 2) for x in range(frame[0], frame[2], 2) if inked(x, y))
    under = sum(1 for y in range(y0, y1 + 1, 2) for x in range(x0, x1 + 1, 2) if inked(x, y))
    return under / max(total, 1), (x0 * 420 / w, y0 * 297 / h, x1 * 420 / w, y1 * 297 / h)


axes_gz = processing.run("poleaxis:developmentaxes", {
    "CENTRES": guizhou, "MASS_FIELD": "population", "LINES": os.path.join(testdata, "guizhou_rail_lines.gpkg"), "DISTANCE_MODE": 1,
    "SNAP_KM": 10, "PAIRS": 0, "TOP_N": 3, "GRADING": 1, "DESIRE_LINES": "TEMPORARY_OUTPUT", "AXES": "TEMPORARY_OUTPUT"})["AXES"]
inset_png, plain_png = os.path.join(scratch, "gz_inset.png"), os.path.join(scratch, "gz_plain.png")
inset_feedback = recording_feedback()
processing.run("poleaxis:planmap", {"TOWNS": guizhou, "AXES": axes_gz, "TITLE": "贵州", "PDF": os.path.join(scratch, "gz1.pdf"),
                                    "PNG": inset_png, "DPI": 50}, feedback=inset_feedback)
inset_log = inset_feedback.lines
processing.run("poleaxis:planmap", {"TOWNS": guizhou, "AXES": axes_gz, "TITLE": "贵州", "INSET": False,
                                    "PDF": os.path.join(scratch, "gz2.pdf"), "PNG": plain_png, "DPI": 50})
share_under, box = ink_under_inset(inset_png, plain_png)
check(share_under is not None and share_under <= 0.02,
      "Guizhou: the inset covers %.2f %% of the map's ink (at %s mm of the page); log: %s"
      % (100 * (share_under or 0), box, [line for line in inset_log if "INSET" in line]))


def overlaps(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# The template's north arrow (317–329 × 39–57 mm) and scale bar (14–143 × 261–274 mm) stay clear.
check(box is not None and not overlaps(box, (317, 39, 329, 57)) and not overlaps(box, (14, 261, 143, 274)),
      "the inset leaves the north arrow and the scale bar visible (inset at %s mm)" % (box,))

# A planner's own template: the built-in A4 portrait one, from the checkout.
own = os.path.join(scratch, "我的模板.qpt")
shutil.copy(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "resources", "layouts", "plan_a4_portrait.qpt"), own)
custom = os.path.join(scratch, "custom.pdf")
processing.run("poleaxis:planmap", {"BOUNDARY": boundary, "TEMPLATE_FILE": own, "PDF": custom})
check("595 x 842 pts (A4)" in subprocess.run(["pdfinfo", custom], capture_output=True, text=True).stdout,
      "own template file (Chinese name) sets the page")
no_map = os.path.join(scratch, "no_map.qpt")
with open(own, encoding="utf-8") as f:
    text_ = f.read()
with open(no_map, "w", encoding="utf-8") as f:
    f.write(text_.replace('id="map"', 'id="main"'))


def refused(parameters, fragment, path):
    try:
        processing.run("poleaxis:planmap", parameters)
        return False
    except QgsProcessingException as e:
        return fragment in str(e) and not os.path.exists(path)


nothing = os.path.join(scratch, "nothing.pdf")
check(refused({"PDF": nothing}, "at least one layer", nothing), "no layer: refused")
empty = QgsVectorLayer("Polygon?crs=EPSG:4326", "empty", "memory")
check(refused({"BOUNDARY": empty, "PDF": nothing}, "BOUNDARY", nothing), "empty layer: refused naming the role")
check(refused({"BOUNDARY": boundary, "TEMPLATE_FILE": no_map, "PDF": nothing}, "TEMPLATE_FILE", nothing),
      "template without a map item: refused naming TEMPLATE_FILE")
bad = "/proc/no-such-folder/plan.pdf"
check(refused({"BOUNDARY": boundary, "PDF": bad}, "PDF", bad), "unwritable folder: refused, nothing written")

del hierarchy, circles, axes, cities, empty, guizhou, groups, axes_gz
qgis.exit()
shutil.rmtree(scratch, ignore_errors=True)
checks.finish()
