"""Test configuration: offscreen Qt before any QApplication exists."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PRIVACY_DESK_KEYRING", "memory")
# One audit-chain key for every test database (tests of key creation remove it).
os.environ.setdefault("PRIVACY_DESK_AUDIT_KEY", "5a" * 32)
