"""Benchmark: what the PDF/A-2b step costs per letter, against ReportLab's rendering alone.

Prints the medians and their ratio; never fails on a slow machine. Run with
`PRIVACY_DESK_BENCH=1 .venv/bin/python -m pytest -s tests/benchmarks/test_pdfa_cost.py`.
"""

from __future__ import annotations

import os
import statistics
import time

import pytest

from app.letters import LetterType, compose_text, render_letter, renderer
from tests.letter_samples import sample_context

pytestmark = pytest.mark.skipif(
    os.environ.get("PRIVACY_DESK_BENCH") != "1",
    reason="benchmark: renders 2 x 60 letters; set PRIVACY_DESK_BENCH=1",
)


def _median_ms(rounds: int) -> float:
    types = list(LetterType)
    timings = []
    for i in range(rounds):
        ctx = sample_context(types[i % len(types)], ("nl", "en")[i % 2])
        composed = compose_text(ctx)
        start = time.perf_counter()
        render_letter(ctx, composed)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def test_pdfa_step_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    _median_ms(3)  # warm up: fonts, catalogues, the ICC profile
    with_pdfa = _median_ms(60)
    # The anchor, in the same run: the same letters with the PDF/A step left out.
    monkeypatch.setattr(renderer, "mark_pdfa", lambda canvas, lang: None)
    anchor = _median_ms(60)
    print(
        f"\nletter with PDF/A-2b: median {with_pdfa:.1f} ms; ReportLab alone (anchor): "
        f"{anchor:.1f} ms; ratio {with_pdfa / anchor:.2f}"
    )
