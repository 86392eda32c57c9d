#!/usr/bin/env bash
# Installs everything, then runs the test suite (unit, integration, UI offscreen).
# Set PRIVACY_DESK_TEST_PG_URL / PRIVACY_DESK_TEST_MARIADB_URL to include real servers.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
set +e
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"
code=$?
set -e
if [ "$code" -eq 5 ]; then
  echo "test: no tests were collected; that is a failure" >&2
  exit 1
fi
exit "$code"
