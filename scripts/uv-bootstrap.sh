#!/usr/bin/env bash
# Sourced by setup.sh and lock.sh: puts a pinned uv (from PyPI) into .venv-tools/ and sets $UV.
# uv itself is pinned so that the lock file's format and resolution are the same everywhere.
UV_VERSION="0.13.9"
UV=".venv-tools/bin/uv"
export UV_PYTHON_DOWNLOADS=never  # use the system's Python 3.11 (Debian 12), never fetch one

ensure_uv() {
  local python="${PYTHON:-python3}"
  if [ -x "$UV" ] && [ "$("$UV" --version 2>/dev/null | cut -d' ' -f2)" = "$UV_VERSION" ]; then
    return 0
  fi
  echo "setup: [uv] installing uv ${UV_VERSION} into .venv-tools/"
  rm -rf .venv-tools
  "$python" -m venv .venv-tools
  .venv-tools/bin/python -m pip install -q --disable-pip-version-check "uv==${UV_VERSION}"
}
