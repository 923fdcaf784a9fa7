"""What the Python end-to-end tests share: a private copy of testdata,
headless QGIS with Processing and our provider (through the build tree's
companion), and pass/fail bookkeeping ending in "N passed, N failed"."""
import gc
import os
import shutil
import sys
import tempfile


class Checks:
    def __init__(self):
        self.passes, self.failures = [], []

    def check(self, condition, message):
        print(("ok   " if condition else "FAIL ") + message)
        (self.passes if condition else self.failures).append(message)

    def finish(self):
        print("%d passed, %d failed" % (len(self.passes), len(self.failures)))
        sys.exit(1 if self.failures else 0)


def private_testdata(source_data, prefix):
    """A scratch folder holding a copy of testdata: parallel tests must not share
    (or change) the checkout's files. Returns (scratch, testdata)."""
    scratch = tempfile.mkdtemp(prefix=prefix)
    testdata = os.path.join(scratch, "testdata")
    shutil.copytree(source_data, testdata)
    return scratch, testdata


class Qgis:
    """Headless QGIS with Processing and the poleaxis provider registered by
    the companion in `companion_dir` (first on the path: an installed copy
    must not shadow the build under test)."""

    def __init__(self, companion_dir):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        sys.path[:0] = [companion_dir, "/usr/share/qgis/python/plugins"]
        from qgis.core import QgsApplication
        QgsApplication.setPrefixPath("/usr", True)
        self.app = QgsApplication([], False)
        self.app.initQgis()
        from processing.core.Processing import Processing
        Processing.initialize()
        import poleaxis_processing
        self.companion = poleaxis_processing.classFactory(None)
        self.companion.initProcessing()

    def exit(self):
        # Layers owned by Python must be gone before QGIS shuts GDAL down.
        gc.collect()
        self.app.exitQgis()


def recording_feedback():
    """A QgsProcessingFeedback that keeps what an algorithm says: .lines (info,
    and warnings prefixed "WARNING ") and .warnings."""
    from qgis.core import QgsProcessingFeedback

    class Recording(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines, self.warnings = [], []

        def pushInfo(self, text):
            self.lines.append(text)

        def pushWarning(self, text):
            self.warnings.append(text)
            self.lines.append("WARNING " + text)

    return Recording()


def render_page(pdf, scratch, dpi=30):
    """Renders a PDF's first page with pdftoppm; returns (width, height, share
    of sampled pixels that are inked, i.e. darker than near-white)."""
    import subprocess
    from qgis.PyQt.QtGui import QImage
    rendered = os.path.join(scratch, "page-%s" % os.path.basename(pdf))
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", pdf, rendered], check=True)
    image = QImage(rendered + ".png")
    inked = sum(1 for y in range(0, image.height(), 3) for x in range(0, image.width(), 3) if image.pixelColor(x, y).lightness() < 235)
    return image.width(), image.height(), inked / ((image.height() // 3 + 1) * (image.width() // 3 + 1))



# pdftotext writes some CJK characters as their radical forms; NFKC maps the
# Kangxi radicals back but not these simplified-radical supplements.
_RADICALS = str.maketrans({"⻓": "长", "⻔": "门", "⻢": "马", "⻋": "车", "⻄": "西", "⻅": "见", "⻉": "贝", "⻛": "风",
                           "⻜": "飞", "⻝": "食", "⻘": "青", "⻩": "黄", "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟", "⻆": "角",
                           "⻙": "韦", "⻚": "页", "⺠": "民", "⻦": "鸟", "⻥": "鱼", "⻣": "骨", "⻤": "鬼",
                           "⻁": "虎", "⺟": "母", "⻈": "讠", "⻐": "钅", "⻑": "長", "⻒": "镸", "⻊": "足", "⻨": "麦"})


def reader_text(text):
    """Text as a reader sees it, for comparing names with what pdftotext gives."""
    import unicodedata
    return unicodedata.normalize("NFKC", text or "").translate(_RADICALS)


def pdf_text(pdf):
    """The text a reader sees on a PDF's pages (pdftotext), normalised by reader_text."""
    import subprocess
    return reader_text(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout)
