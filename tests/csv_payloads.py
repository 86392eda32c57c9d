"""The OWASP CSV injection payloads (tests/fixtures/csv_injection_payloads.txt) as strings."""

from __future__ import annotations

import codecs
from pathlib import Path

PAYLOAD_FILE = Path(__file__).parent / "fixtures" / "csv_injection_payloads.txt"


def payloads() -> list[str]:
    lines = PAYLOAD_FILE.read_text(encoding="utf-8").splitlines()
    return [codecs.decode(line, "unicode_escape") for line in lines if not line.startswith("#")]
