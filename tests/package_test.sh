#!/usr/bin/env bash
# Debian package of a build tree, end to end: cpack -G DEB builds
# poleaxis-qgis<series>_<version>_amd64.deb; it is installed into this system
# (the CI host for 3.22, the Debian 13 root for 3.40), qgis_process.bin lists
# the provider and runs poleaxis:serviceradii from the installed files only,
# then the package is purged and no file of it may remain.
# Not a CTest test: it installs system-wide, which parallel tests must not see.
# Usage: bash tests/package_test.sh <build dir>
set -euo pipefail
SRC="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$(cd "${1:?build dir}" && pwd)"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
fail() { echo "FAIL $*" >&2; exit 1; }
ok() { echo "ok   $*"; }

(cd "$BUILD" && cpack -G DEB >"$BUILD/cpack.log" 2>&1) || { cat "$BUILD/cpack.log"; fail "cpack -G DEB"; }
VERSION="$(sed -n 's/^version=//p' "$SRC/metadata.txt")"
SERIES="$(sed -n 's/^#define _QGIS_VERSION_INT \([0-9]*\)/\1/p' /usr/include/qgis/qgsconfig.h | awk '{printf "%d.%d", $1/10000, ($1/100)%100}')"
QGIS_FULL="$(dpkg-query -W -f='${Version}' libqgis-dev | sed 's/+.*//')"
NAME="poleaxis-qgis$SERIES"
DEB="$BUILD/${NAME}_${VERSION}_amd64.deb"
[ -f "$DEB" ] && ok "package file $(basename "$DEB")" || fail "no $DEB (cpack wrote: $(ls "$BUILD"/*.deb 2>/dev/null))"
[ "$(dpkg-deb -f "$DEB" Package)" = "$NAME" ] && ok "package name $NAME" || fail "package name $(dpkg-deb -f "$DEB" Package)"
DEPENDS="$(dpkg-deb -f "$DEB" Depends)"
echo "$DEPENDS" | grep -q "libqgis-core$QGIS_FULL" && ok "depends on libqgis-core$QGIS_FULL" || fail "Depends: $DEPENDS"
CONTENTS="$(dpkg-deb -c "$DEB" | awk '{print $6}')"
for path in ./usr/lib/qgis/plugins/libpoleaxisplugin.so ./usr/share/qgis/python/plugins/poleaxis_processing/__init__.py \
            ./usr/share/qgis/python/plugins/poleaxis_processing/metadata.txt ./usr/share/poleaxis/models/pole_axis_sketch.model3; do
  echo "$CONTENTS" | grep -qx "$path" && ok "ships ${path#.}" || fail "missing ${path#.}"
done

if dpkg-query -W -f='${Status}' "$NAME" 2>/dev/null | grep -q "install ok installed"; then
  fail "$NAME is installed here; this test will not replace it (apt-get purge $NAME first)"
fi
# An install made by hand (cmake --install, .ci/setup) owns the same paths:
# set it aside for the test and put it back on every exit, so that the purge
# below never takes it away.
ASIDE="$BUILD/package-test-aside"
WORK="$(mktemp -d)"
restore() {
  rm -rf "$WORK"
  if [ -d "$ASIDE" ]; then
    (cd "$ASIDE" && find . -type f -o -type l) | while read -r rel; do
      $SUDO mkdir -p "$(dirname "/${rel#./}")" && $SUDO mv -f "$ASIDE/${rel#./}" "/${rel#./}"
    done
    $SUDO rm -rf "$ASIDE"
  fi
}
trap restore EXIT
while read -r path; do
  case "$path" in */) continue;; esac
  if [ -e "${path#.}" ]; then
    $SUDO mkdir -p "$ASIDE$(dirname "${path#.}")" && $SUDO mv "${path#.}" "$ASIDE${path#.}"
    echo "note: ${path#.} (installed by hand) set aside until the test ends"
  fi
done <<<"$CONTENTS"

$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$DEB" >"$WORK/apt.log" 2>&1 \
  || { cat "$WORK/apt.log"; fail "apt-get install $DEB"; }
FILES="$(dpkg -L "$NAME")"
ok "installed ($(echo "$FILES" | wc -l) paths)"

# A fresh profile with only the companion enabled, and nothing from the build tree.
export HOME="$WORK/home" QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$WORK/run"
unset QGIS_PLUGINPATH QGIS_CUSTOM_CONFIG_PATH PYTHONPATH || true
mkdir -p "$HOME/.local/share/QGIS/QGIS3/profiles/default/QGIS" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
printf '[PythonPlugins]\npoleaxis_processing=true\n' > "$HOME/.local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini"
LIST="$(qgis_process.bin list 2>/dev/null)"
echo "$LIST" | grep -q "poleaxis:serviceradii" && ok "qgis_process.bin list shows poleaxis:serviceradii" || fail "qgis_process.bin list: no poleaxis"
OUT="$WORK/service_circles.gpkg"
qgis_process.bin run poleaxis:serviceradii -- INPUT="$SRC/testdata/jilin_towns.gpkg" RADIUS=30 OUTPUT="$OUT" >"$WORK/run.log" 2>&1 \
  || { cat "$WORK/run.log"; fail "qgis_process.bin run poleaxis:serviceradii"; }
COUNT="$(ogrinfo -ro -so -al "$OUT" | sed -n 's/^Feature Count: //p' | head -1)"
[ "${COUNT:-0}" -gt 0 ] && ok "serviceradii from the installed package wrote $COUNT circles" || fail "no circles in $OUT"

$SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q "$NAME" >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log"; fail "apt-get purge $NAME"; }
LEFT=()
while IFS= read -r path; do
  [ -z "$path" ] && continue
  if [ -f "$path" ] || [ -L "$path" ]; then LEFT+=("$path"); fi
  case "$path" in */poleaxis*) [ -d "$path" ] && LEFT+=("$path/");; esac
done <<<"$FILES"
[ ${#LEFT[@]} -eq 0 ] && ok "purged: nothing of $NAME left" || fail "left after purge: ${LEFT[*]}"
echo "package test passed: $NAME $VERSION on QGIS $QGIS_FULL"
