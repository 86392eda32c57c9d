#!/usr/bin/env bash
# Refreshes uv.lock: the newest versions inside pyproject.toml's ranges, for Linux and Windows
# (uv's lock is universal). `scripts/lock.sh --check` only verifies that the lock still matches
# pyproject.toml. Then run scripts/setup.sh and the tests, and commit uv.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/uv-bootstrap.sh
ensure_uv
if [ "${1:-}" = "--check" ]; then
  exec "$UV" lock --check
fi
"$UV" lock --upgrade "$@"
echo "lock: uv.lock refreshed; changed packages:"
git --no-pager diff --stat -- uv.lock 2>/dev/null || true
git --no-pager diff -U0 -- uv.lock 2>/dev/null | grep -E '^[-+](name|version) = ' || true
