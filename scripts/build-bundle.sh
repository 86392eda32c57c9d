#!/usr/bin/env bash
# Builds the desktop bundle (dist/Privacy Desk/) with PyInstaller, prints build time and size,
# then runs the bundle's selftest in a clean environment (no venv, no PATH, empty HOME).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh  # system libraries (binutils for PyInstaller, Qt's libs), venv from uv.lock
scripts/build-translations.sh  # .mo and .qm files: build output, shipped as data

BUNDLE="dist/Privacy Desk"
started=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN build_installer.spec
build_s=$(( $(date +%s) - started ))
size=$(du -sh "$BUNDLE" | cut -f1)
echo "bundle: built $BUNDLE in ${build_s} s; size ${size}"

for exe in "$BUNDLE/privacy-desk" "$BUNDLE/Privacy Desk"; do
  [ -x "$exe" ] || { echo "bundle: $exe is missing" >&2; exit 1; }
done
# Translations: ours, and Qt's own for its standard buttons and dialogs.
for qm in privacy_desk_nl.qm privacy_desk_en.qm qtbase_nl.qm; do
  [ -n "$(find "$BUNDLE" -name "$qm" -print -quit)" ] || { echo "bundle: $qm missing" >&2; exit 1; }
done

# A clean environment like a fresh login: nothing from the venv or this shell leaks in, and the
# selftest's own temporary folder and the log file land under the throw-away HOME.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
started=$(date +%s)
set +e
env -i HOME="$home" QT_QPA_PLATFORM=offscreen \
  "$BUNDLE/privacy-desk" selftest
code=$?
set -e
echo "bundle: selftest exit code ${code} after $(( $(date +%s) - started )) s"
if [ "$code" -ne 0 ]; then
  echo "bundle: the selftest of the bundle failed" >&2
  exit 1
fi
echo "bundle: OK (${size}, build ${build_s} s)"
