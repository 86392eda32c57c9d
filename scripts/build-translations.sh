#!/usr/bin/env bash
# Compiles the translations (the one place that does; setup.sh, build-bundle.sh and CI call it):
#   gettext: resources/locale/*/LC_MESSAGES/*.po -> .mo with Babel (everything below app/ui)
#   Qt:      resources/translations/*.ts -> .qm with pyside6-lrelease (app/ui)
# The compiled files are build output, not committed (.gitignore). A file is only rebuilt when
# its source is newer, so a second run does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
LRELEASE="${LRELEASE:-.venv/bin/pyside6-lrelease}"
if [ ! -x "$LRELEASE" ] && [ -x .venv/Scripts/pyside6-lrelease.exe ]; then
  LRELEASE=".venv/Scripts/pyside6-lrelease.exe"  # Git Bash on Windows
  PY=".venv/Scripts/python.exe"
fi
built=0
for po in resources/locale/*/LC_MESSAGES/*.po; do
  [ -e "$po" ] || continue
  mo="${po%.po}.mo"
  if [ ! -f "$mo" ] || [ "$po" -nt "$mo" ]; then
    "$PY" -m babel.messages.frontend compile -i "$po" -o "$mo" >/dev/null
    built=$((built + 1))
  fi
done
echo "translations: ${built} gettext catalogue(s) compiled"
built=0
for ts in resources/translations/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$LRELEASE" -silent "$ts" -qm "$qm"
    built=$((built + 1))
  fi
done
echo "translations: ${built} Qt file(s) compiled"
