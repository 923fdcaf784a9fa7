"""Shared benchmark harness (protocol: ../shared/DESIGN.md §5).

- End to end: ours and the peer run inside one QGIS process on the same
  layers, several repetitions alternating who goes first, median; start-up
  excluded. Prints `ratio = peer / ours`.
- Core: a C++ binary times the algorithms/ function on plain arrays; the
  Python peer times its fit on the same arrays in the same run.
- Results are compared first; a ratio is printed only when they agree.
"""
import os
import statistics
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED_DATA = os.path.normpath(os.path.join(REPO, "..", "shared", "data"))

_app = None


def start_qgis(build_dir):
    """Starts headless QGIS with the native algorithms and our provider (from
    the build tree's companion)."""
    global _app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path[:0] = [os.path.join(build_dir, "plugin", "companion"), "/usr/share/qgis/python/plugins"]
    from qgis.core import QgsApplication
    QgsApplication.setPrefixPath("/usr", True)
    _app = QgsApplication([], False)
    _app.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    import poleaxis_processing
    poleaxis_processing.classFactory(None).initProcessing()
    return _app


def time_pair(ours, peer, repeats):
    """Runs both `repeats` times, alternating the order; returns medians and
    the last result of each."""
    ours_times, peer_times = [], []
    ours_result = peer_result = None
    for r in range(repeats):
        order = [("ours", ours), ("peer", peer)] if r % 2 == 0 else [("peer", peer), ("ours", ours)]
        for name, fn in order:
            start = time.perf_counter()
            result = fn()
            elapsed = time.perf_counter() - start
            if name == "ours":
                ours_times.append(elapsed)
                ours_result = result
            else:
                peer_times.append(elapsed)
                peer_result = result
    return statistics.median(ours_times), statistics.median(peer_times), ours_result, peer_result


def median_time(fn, repeats):
    """Median wall time of `repeats` calls, and the last result."""
    times, result = [], None
    for _ in range(repeats):
        result = None  # the previous result is freed outside the timing
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def report(case, peer_name, ours_s, peer_s, agree, detail):
    """Prints one benchmark line; the ratio only when results agree."""
    status = "agree" if agree else "DISAGREE"
    ratio = "ratio = %s / ours = %.2f" % (peer_name, peer_s / ours_s) if agree else "ratio withheld"
    print("%-44s ours %.3f s  %s %.3f s  results %s (%s)  %s"
          % (case, ours_s, peer_name, peer_s, status, detail, ratio), flush=True)
    return agree
