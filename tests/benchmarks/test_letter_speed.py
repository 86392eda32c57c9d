"""Benchmark: compose and render 50 letters; prints the median time per letter (never fails)."""

from __future__ import annotations

import statistics
import time

from app.letters import LetterType, compose_text, merge_pdfs, render_letter
from tests.letter_samples import sample_context


def test_letter_speed() -> None:
    types = list(LetterType)
    contexts = [sample_context(types[i % len(types)], ("nl", "en")[i % 2]) for i in range(50)]
    render_letter(contexts[0], compose_text(contexts[0]))  # warm up: font registration
    timings = []
    pdfs = []
    for ctx in contexts:
        start = time.perf_counter()
        pdfs.append(render_letter(ctx, compose_text(ctx)))
        timings.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    merged = merge_pdfs(pdfs)
    merge_ms = (time.perf_counter() - start) * 1000
    big = sample_context(LetterType.ACCESS, "nl", data_rows=500)
    start = time.perf_counter()
    render_letter(big, compose_text(big))
    big_ms = (time.perf_counter() - start) * 1000
    print(
        f"\nletters: median {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms "
        f"per letter (50 letters, all types); merge of 50: {merge_ms:.0f} ms "
        f"({len(merged) // 1024} KiB); access letter with 500 rows: {big_ms:.0f} ms"
    )
    assert all(pdf.startswith(b"%PDF") for pdf in pdfs)
