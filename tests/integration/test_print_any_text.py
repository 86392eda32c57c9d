"""Any text lays out in the dossier and letters: long fields wrap or are cut with a visible mark."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import replace

import pytest
from pypdf import PdfReader

from app.core.printable import printable
from app.letters import LetterType, compose_text, render_letter
from app.letters.formatting import AddressError
from app.letters.payloads import AccessPayload, DataRow, SystemData
from app.reports.dossier import render_dossier_pdf
from tests.letter_samples import sample_context
from tests.unit.reports.test_pdf_output import _small_dossier

STREET = ("Burgemeester van Nispen tot Sevenaerstraat " * 240)[:10_000]
SUMMARY = ("De betrokkene vraagt inzage in alle gegevens die over haar zijn vastgelegd. " * 140)[
    :10_000
]
WORD = "x" * 1_000_000


def _text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return "\n".join(p.extract_text() for p in pages)


def _dossier(value: str, summary: str) -> bytes:
    data = replace(
        _small_dossier("nl"),
        requester=[("Naam", "J. Jansen"), ("Straat", value)],
        request=[("Samenvatting", summary)],
        notes=[["24 november 2026 14:05", "m.devries", summary]],
    )
    return render_dossier_pdf(data)


def _letter(body_extra: str, value: str) -> bytes:
    ctx = sample_context(LetterType.ACCESS, "nl", data_rows=8)
    assert isinstance(ctx.payload, AccessPayload)
    rows = (*ctx.payload.data_by_system[0].rows, DataRow("KL-1", "Adres", value, "contact"))
    systems = (SystemData("CRM", rows), *ctx.payload.data_by_system[1:])
    ctx = replace(ctx, payload=replace(ctx.payload, data_by_system=systems))
    composed = compose_text(ctx)
    composed = replace(composed, body=composed.body + "\n\n" + body_extra)
    return render_letter(ctx, composed)


def _seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def test_printable_cuts_with_a_mark() -> None:
    assert printable("kort") == "kort"
    cut = printable("a" * 6000, limit=5000, lang="nl")
    assert cut == "a" * 5000 + "…[afgekapt]"
    assert printable("b" * 10, limit=5, lang="en") == "bbbbb…[cut off]"
    assert printable("c" * 10, limit=None) == "c" * 10


def test_dossier_lays_out_a_long_street_summary_and_a_huge_word() -> None:
    text = _text(_dossier(STREET, SUMMARY))
    flat = text.replace("\n", "")
    assert "Burgemeester van Nispen tot Sevenaerstraat" in text
    assert "…[afgekapt]" in flat  # 10,000 characters are more than one field prints
    assert "De betrokkene vraagt inzage" in text
    huge = _text(_dossier(WORD, WORD))
    assert "x" * 50 in huge.replace("\n", "") and "…[afgekapt]" in huge.replace("\n", "")


def test_letters_lay_out_a_long_paragraph_and_a_huge_word() -> None:
    text = _text(_letter(SUMMARY, STREET))
    flat = text.replace("\n", "")
    assert "De betrokkene vraagt inzage" in text and "Burgemeester van Nispen" in text
    assert "…[afgekapt]" in flat  # the 10,000-character data value in the appendix
    huge = _text(_letter(WORD, WORD)).replace("\n", "")
    assert "x" * 50 in huge and "…[afgekapt]" in huge


def test_a_street_too_long_for_the_window_is_refused_clearly() -> None:
    ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "nl")
    ctx = replace(ctx, addressee=replace(ctx.addressee, street_line=STREET))
    with pytest.raises(AddressError, match="PostNL allows at most 6"):
        render_letter(ctx, compose_text(ctx))


@pytest.mark.parametrize("make", [_dossier, _letter], ids=["dossier", "letter"])
def test_layout_time_grows_at_most_linearly(make: Callable[[str, str], bytes]) -> None:
    small, large = 250_000, 1_000_000  # four times the text
    make("w" * 1000, "w" * 1000)  # fonts registered, caches warm
    t_small = min(_seconds(lambda: make("w" * small, "v " * (small // 2))) for _ in range(2))
    t_large = min(_seconds(lambda: make("w" * large, "v " * (large // 2))) for _ in range(2))
    # Linear would be 4x; allow 3x slack for a busy machine (quadratic would be 16x and more).
    assert t_large <= 12 * t_small + 0.05, (t_small, t_large)
