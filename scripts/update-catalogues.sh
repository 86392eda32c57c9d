#!/usr/bin/env bash
# Collects the message ids below app/ui (babel.cfg) into resources/locale/privacy_desk.pot and
# merges them into every resources/locale/<lang>/LC_MESSAGES/privacy_desk.po. New ids arrive
# untranslated: translate them (tests/unit/i18n fails while a Dutch text is missing), then
# compile with scripts/build-translations.sh. Commit the .pot and .po files, never the .mo.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
"$PY" -m babel.messages.frontend extract -F babel.cfg -k _ -k N_ -k P_:1,2 -k C_:1c,2 \
  --project "Privacy Desk" -o resources/locale/privacy_desk.pot . 2>&1 | grep -v '^extracting'
"$PY" -m babel.messages.frontend update -i resources/locale/privacy_desk.pot -d resources/locale \
  -D privacy_desk --width 100 --ignore-obsolete
