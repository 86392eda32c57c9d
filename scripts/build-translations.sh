#!/usr/bin/env bash
# Compiles the translations (the one place that does; setup.sh, build-bundle.sh and CI call it):
#   Qt:      resources/translations/*.ts -> .qm with pyside6-lrelease (app/ui)
# The compiled files are build output, not committed (.gitignore). A file is only rebuilt when
# its source is newer, so a second run does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
LRELEASE="${LRELEASE:-.venv/bin/pyside6-lrelease}"
[ -x "$LRELEASE" ] || LRELEASE=".venv/Scripts/pyside6-lrelease.exe"  # Git Bash on Windows
built=0
for ts in resources/translations/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$LRELEASE" -silent "$ts" -qm "$qm"
    built=$((built + 1))
  fi
done
echo "translations: ${built} Qt file(s) compiled"
