#!/usr/bin/env bash
# Installs everything, then starts Privacy Desk on a fresh demo database.
# With no display (a server, a container) it runs under Xvfb instead of failing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec .venv/bin/privacy-desk --demo "$@"
fi
echo "demo: no display found; starting under Xvfb (virtual screen :99-style, invisible)"
exec xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/privacy-desk --demo "$@"
