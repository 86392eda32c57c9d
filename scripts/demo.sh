#!/usr/bin/env bash
# Installs the runtime packages, then starts Privacy Desk on a fresh demo database.
# With no display (a server, a container) it runs under its own Xvfb instead of failing; then it
# prints the display number and a screenshot command. Stopping this script (Ctrl+C, or SIGTERM
# to its PID) stops the app and Xvfb and exits 0.
#   PRIVACY_DESK_DEMO_SKIP_SETUP=1  skip scripts/setup.sh when .venv already exists
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${PRIVACY_DESK_DEMO_SKIP_SETUP:-}" != 1 ] || [ ! -x .venv/bin/privacy-desk ]; then
  scripts/setup.sh --runtime
fi
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec .venv/bin/privacy-desk --demo "$@"  # one process: its PID is this script's PID
fi

# A free display number: no lock file and no socket of a running X server.
display=99
while [ -e "/tmp/.X${display}-lock" ] || [ -e "/tmp/.X11-unix/X${display}" ]; do
  display=$((display + 1))
done

xvfb_pid=""
app_pid=""
stop() {
  trap - TERM INT
  if [ -n "$app_pid" ]; then kill -TERM "$app_pid" 2>/dev/null || true; wait "$app_pid" || true; fi
  if [ -n "$xvfb_pid" ]; then kill -TERM "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" || true; fi
  app_pid="" xvfb_pid=""
}
on_signal() {
  echo "demo: stopping (app and Xvfb on :${display})"
  stop
  exit 0
}
trap on_signal TERM INT
trap stop EXIT

Xvfb ":${display}" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do  # up to 10 s for the server's socket
  [ -S "/tmp/.X11-unix/X${display}" ] && break
  kill -0 "$xvfb_pid" 2>/dev/null || { echo "demo: Xvfb did not start" >&2; exit 1; }
  sleep 0.1
done
echo "demo: no display found; running on the virtual screen :${display} (Xvfb, invisible)"
echo "demo: screenshot: DISPLAY=:${display} import -window root shot.png  (apt-get install imagemagick)"
echo "demo: stop with Ctrl+C or: kill $$"

DISPLAY=":${display}" .venv/bin/privacy-desk --demo "$@" &
app_pid=$!
set +e
wait "$app_pid"
code=$?
set -e
app_pid=""
exit "$code"
