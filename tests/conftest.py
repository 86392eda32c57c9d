"""Test configuration: offscreen Qt before any QApplication exists; compiled catalogues."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PRIVACY_DESK_KEYRING", "memory")

LOCALE = Path(__file__).resolve().parents[1] / "resources" / "locale"


def compile_catalogues(locale: Path = LOCALE) -> list[Path]:
    """Compile every .po whose .mo is missing or older (what scripts/build-translations.sh does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(locale.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as source:
            catalog = read_po(source, locale=po.parent.parent.name)
        with mo.open("wb") as target:
            write_mo(target, catalog)
        written.append(mo)
    return written


@pytest.fixture(scope="session", autouse=True)
def _catalogues() -> Iterator[None]:
    """A fresh clone has no .mo files (built, not committed): compile them into the tree."""
    from app.core import i18n

    if compile_catalogues():
        i18n.clear_cache()
    yield
