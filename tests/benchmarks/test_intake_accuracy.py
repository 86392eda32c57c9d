"""Benchmark: accuracy of the letter reader per field, on clean text and on scans (OCR), for the
training letters, the held-out letters and the datarequests.org templates separately.

OCR of the whole corpus (52 pages) takes minutes on 2 cores, so it is opt-in. The anchor,
measured in the same run, is the bare ``tesseract`` program on one page of the corpus; the
ratio says how much the whole intake reading (orientation, deskew, OCR, reading) costs per page
against it. Never fails for a slow machine; the accuracy goals are asserted by
tests/unit/core/test_intake_corpus.py (clean text) and tests/integration/test_intake_scans.py.

    PRIVACY_DESK_BENCH=1 .venv/bin/python -m pytest -s tests/benchmarks/test_intake_accuracy.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from pathlib import Path

import pytest

from app.reading import tesseract as tess
from app.reading.letter_file import letter_text_of_file
from tests.fixtures.intake.evaluate import GOAL_FIELDS, Letter, Score, letters, score_texts
from tests.fixtures.scans.make_scans import corpus_plan, datarequests_letters, make_corpus_scans

pytestmark = pytest.mark.skipif(
    os.environ.get("PRIVACY_DESK_BENCH") != "1" or tess.find_tesseract() is None,
    reason="benchmark: OCR of 52 scanned letters (several minutes); set PRIVACY_DESK_BENCH=1",
)


def _parts() -> dict[str, list[Letter]]:
    return {
        "train": letters("train"),
        "heldout": letters("heldout"),
        "datarequests": [Letter(n, t, e) for n, t, e in datarequests_letters()],
    }


def _print(title: str, score: Score) -> None:
    goal = [k for k in GOAL_FIELDS if score.total[k]]
    right = sum(score.right[k] for k in goal)
    total = sum(score.total[k] for k in goal)
    print(f"\n{title}: goal fields together {right}/{total} = {100 * right / max(total, 1):.1f} %")
    print("\n".join(score.table()))
    for miss in score.misses:
        print("    miss " + miss)


def test_intake_accuracy(tmp_path: Path) -> None:
    parts = _parts()
    for part, items in parts.items():
        _print(f"clean text, {part}", score_texts([(x, x.text) for x in items]))

    scans = make_corpus_scans(tmp_path / "scans")
    plan = {scan.name: scan for scan in corpus_plan()}
    seconds: list[float] = []
    texts: dict[str, str] = {}
    for name, path in scans.items():
        started = time.perf_counter()
        texts[name] = letter_text_of_file(path)
        seconds.append(time.perf_counter() - started)
    tesseract = tess.require_tesseract()
    anchor: list[float] = []
    first = next(iter(scans.values()))
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(
            [str(tesseract.path), str(first), "stdout", "-l", "nld+eng+deu"],
            check=True,
            capture_output=True,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
        anchor.append(time.perf_counter() - started)
    for part, items in parts.items():
        typed = [x for x in items if x.font != "hand"]
        hand = [x for x in items if x.font == "hand"]
        _print(f"scans, {part}, typed", score_texts([(x, texts[x.name]) for x in typed]))
        if hand:
            _print(
                f"scans, {part}, handwriting-style", score_texts([(x, texts[x.name]) for x in hand])
            )
    turned = [name for name, scan in plan.items() if scan.turn]
    median, base = statistics.median(seconds), statistics.median(anchor)
    print(
        f"\n{len(scans)} scans ({len(turned)} turned 90/180 degrees), {os.cpu_count()} cores: "
        f"median {median:.2f} s per page for OCR and reading; anchor, bare tesseract on one "
        f"page: {base:.2f} s; ratio {median / base:.2f}"
    )
