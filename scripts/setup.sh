#!/usr/bin/env bash
# Installs what Privacy Desk needs on a fresh Debian/Ubuntu machine: system libraries for Qt,
# Xvfb and poppler (for screenshots and PDF checks), a virtual environment with the exact
# versions of uv.lock, and the compiled translations. Work already done is skipped.
#   scripts/setup.sh            everything for development: tests, ruff, mypy, PyInstaller, Babel
#   scripts/setup.sh --runtime  only what the app needs to run (scripts/demo.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=dev
case "${1:-}" in
  --runtime) mode=runtime ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [--runtime]" >&2; exit 2 ;;
esac
step() { echo "setup: [$1] $2"; }

SYSTEM_PACKAGES=(
  python3 python3-venv ca-certificates
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 poppler-utils
  tesseract-ocr tesseract-ocr-nld tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-osd
)
# The handwriting-style font of the intake corpus scans (tests/fixtures/scans/make_scans.py).
[ "$mode" = dev ] && SYSTEM_PACKAGES+=(fonts-comic-neue)
[ "$mode" = dev ] && SYSTEM_PACKAGES+=(binutils)  # objdump, for PyInstaller

apt_updated=""
install_missing() {  # installs the Debian packages among "$@" that are not installed yet
  local missing=() pkg sudo=""
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    step system "Debian packages present (${#})"
    return 0
  fi
  step system "installing ${#missing[@]} Debian packages: ${missing[*]}"
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -z "$apt_updated" ]; then
    $sudo apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}
install_missing "${SYSTEM_PACKAGES[@]}"
# PyInstaller needs the shared libpython, which Debian's own python3 does not bring along.
if [ "$mode" = dev ] && command -v dpkg >/dev/null; then
  python_bin=$(readlink -f "$(command -v "${PYTHON:-python3}")")
  if dpkg -S "$python_bin" >/dev/null 2>&1; then
    install_missing "libpython$("$python_bin" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  fi
fi

# The venv is in step with the lock when the stamp inside it holds the hash of uv.lock and
# pyproject.toml: then there is nothing to install. A dev venv also serves --runtime.
stamp_file=.venv/.privacy-desk-lock
lock_hash=$(cat uv.lock pyproject.toml | sha256sum | cut -d' ' -f1)
current=$(cat "$stamp_file" 2>/dev/null || true)
if [ -x .venv/bin/python ] && { [ "$current" = "$lock_hash dev" ] || [ "$current" = "$lock_hash $mode" ]; }; then
  step packages "the venv matches uv.lock ($mode); nothing to install"
else
  source scripts/uv-bootstrap.sh
  ensure_uv
  extras=(--extra translations)  # Babel compiles the gettext catalogues in either mode
  [ "$mode" = dev ] && extras+=(--extra dev)
  step packages "installing the locked versions ($mode) into .venv"
  # --locked: refuses (and says so) when pyproject.toml changed without scripts/lock.sh.
  "$UV" sync --locked --python "${PYTHON:-python3}" "${extras[@]}"
  echo "$lock_hash $mode" > "$stamp_file"
fi

step translations "compiling"
scripts/build-translations.sh
step ready "$(.venv/bin/python --version), $(.venv/bin/privacy-desk --version)"
