"""End to end: real desktop QGIS under Xvfb starts with the plugin enabled in
a fresh profile; the provider, menu and toolbar are there, an algorithm runs,
the plugin unloads and loads again, and with --lang zh-Hans the names are
Chinese. Screenshots are kept in <artifacts>.

Usage: desktop_test.py <dir of libpoleaxisplugin.so> <testdata dir> <artifacts dir>
"""
import json
import os
import shutil
import subprocess
import sys

from e2e_common import Checks

plugin_dir, source_data, artifacts = sys.argv[1:4]
here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(artifacts, exist_ok=True)
# A private copy of the data: parallel tests must not share (or change) it.
testdata = os.path.join(os.path.abspath(artifacts), "testdata")
shutil.rmtree(testdata, ignore_errors=True)
shutil.copytree(source_data, testdata)
checks = Checks()
check = checks.check


# QGIS also scans its system plugin folder, where `.ci/setup` may have
# installed a release build under the same name. The build under test is
# copied under a name of its own and only that name is enabled.
UNDER_TEST = "libpoleaxisplugin_under_test"
test_dir = os.path.join(os.path.abspath(artifacts), "plugin-under-test")
shutil.rmtree(test_dir, ignore_errors=True)
os.makedirs(test_dir)
shutil.copy(os.path.join(plugin_dir, "libpoleaxisplugin.so"), os.path.join(test_dir, UNDER_TEST + ".so"))


def run_qgis(tag, extra_args):
    profiles = os.path.join(artifacts, "profiles-" + tag)
    shutil.rmtree(profiles, ignore_errors=True)
    ini_dir = os.path.join(profiles, "profiles", "default", "QGIS")
    os.makedirs(ini_dir)
    # A fresh profile with the plugin under test enabled and its folder searched.
    with open(os.path.join(ini_dir, "QGIS3.ini"), "w") as ini:
        ini.write("[Plugins]\n%s=true\nlibpoleaxisplugin=false\n\n[plugins]\nsearchPathsForPlugins=%s\n\n"
                  "[qgis]\nshowTips=false\ncheckVersion=false\n" % (UNDER_TEST, test_dir))
    report_path = os.path.join(artifacts, "desktop-%s.json" % tag)
    png = os.path.join(artifacts, "desktop-%s.png" % tag)
    for path in (report_path, png):
        if os.path.exists(path):
            os.remove(path)
    env = dict(os.environ, POLEAXIS_DESKTOP_JSON=report_path, POLEAXIS_DESKTOP_PNG=png,
               POLEAXIS_TESTDATA=testdata, POLEAXIS_PLUGIN_OBJECT="qgis_plugin_" + UNDER_TEST[3:],
               QGIS_PLUGINPATH="")
    env.pop("QT_QPA_PLATFORM", None)
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--nologo", "--noversioncheck",
               "--profiles-path", profiles, *extra_args, "--code", os.path.join(here, "desktop_check.py")]
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
    check(proc.returncode == 0, "[%s] QGIS exited 0 (rc=%d) %s" % (tag, proc.returncode, proc.stderr[-300:]))
    report = {}
    if os.path.exists(report_path):
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
    check("exception" not in report, "[%s] no exception in QGIS: %s" % (tag, report.get("exception", "")))
    check(os.path.exists(png) and os.path.getsize(png) > 20000, "[%s] screenshot %s" % (tag, png))
    return report


english = run_qgis("en", ["--lang", "en_US"])
check(english.get("provider") == "Pole-Axis Planner", "provider registered: %r" % english.get("provider"))
check("poleaxis:serviceradii" in english.get("algorithms", []), "serviceradii listed")
check(english.get("plugin_object") is True, "C++ plugin object loaded")
# QGIS opens every .so of its plugin folder to read its metadata, so an
# installed copy may be mapped too; the plugin object above is the one under
# test, and its unload removing the provider (below) shows whose provider it is.
check(any(p.endswith(UNDER_TEST + ".so") for p in english.get("libraries", [])),
      "QGIS loaded the build under test: %r" % english.get("libraries"))
check("Pole-Axis Planner" in english.get("plugin_menus", []), "Plugins ▸ Pole-Axis Planner menu: %r" % english.get("plugin_menus"))
check("poleaxis_action_serviceradii" in english.get("menu_actions", []), "menu opens Service radii")
check("poleaxis_action_about" in english.get("menu_actions", []) and "poleaxis_action_help" in english.get("menu_actions", []),
      "menu has Help and About")
check(english.get("menu_actions", [""])[0] == "poleaxis_action_townsystem", "the town-system run opens the menu: %r"
      % english.get("menu_actions", [])[:2])
check(english.get("toolbar") is True, "toolbar button present")
check(english.get("run_features") == 1, "processing.run inside QGIS desktop")
check("Desktop plan" in english.get("layouts", []), "planmap adds its layout to the project: %r" % english.get("layouts"))
check(english.get("after_unload") == {"provider": None, "toolbar": False}, "unload removes provider and toolbar: %r" % english.get("after_unload"))
check(english.get("after_reload") == {"provider": "Pole-Axis Planner", "toolbar": True}, "load again restores them: %r" % english.get("after_reload"))

# zh-Hans is the locale of Debian's qgis_zh-Hans.qm: QGIS's own UI is Chinese
# too (with zh_CN it stays English and the UI is mixed).
chinese = run_qgis("zh-Hans", ["--lang", "zh-Hans"])
check(chinese.get("provider") == "点轴规划", "zh_CN provider name: %r" % chinese.get("provider"))
names = chinese.get("display_names", [])
check("服务半径" in names and len(names) >= 9 and all(any("\u4e00" <= c <= "\u9fff" for c in n) for n in names),
      "every zh_CN algorithm name is Chinese: %r" % names)
check("点轴规划" in chinese.get("plugin_menus", []), "zh-Hans menu: %r" % chinese.get("plugin_menus"))
check(any("\u4e00" <= c <= "\u9fff" for c in chinese.get("qgis_plugins_menu", "")),
      "zh-Hans: QGIS's own Plugins menu is Chinese too: %r" % chinese.get("qgis_plugins_menu"))
check(not any("\u4e00" <= c <= "\u9fff" for c in english.get("qgis_plugins_menu", "x")),
      "en_US: QGIS's Plugins menu is English: %r" % english.get("qgis_plugins_menu"))

checks.finish()
