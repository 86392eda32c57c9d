"""Benchmark: 100k hostile texts through intake, edits and notes, 1k through the CLI.

Counts unhandled errors and partial writes (both must be 0) and prints the figures. Run with
`PRIVACY_DESK_BENCH=1 .venv/bin/python -m pytest -s tests/benchmarks/test_hostile_input_fuzz.py`
(SQLite; PostgreSQL too when PRIVACY_DESK_TEST_PG_URL is set). CI runs a few hundred examples
in tests/integration/test_hostile_input.py.
"""

from __future__ import annotations

import os
import random
import time
import traceback
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.data.database import Database, open_database
from tests.integration.hostile_input import (
    EDIT_FIELDS,
    Tally,
    case_inputs,
    drive_cli,
    drive_edit,
    drive_intake,
    drive_note,
    hostile_text,
)
from tests.integration.test_hostile_input import _plain_case

pytestmark = pytest.mark.skipif(
    os.environ.get("PRIVACY_DESK_BENCH") != "1",
    reason="benchmark: 100k hostile inputs (long); set PRIVACY_DESK_BENCH=1",
)

EXAMPLES = int(os.environ.get("PRIVACY_DESK_BENCH_FUZZ", "100000"))
CLI_EXAMPLES = int(os.environ.get("PRIVACY_DESK_BENCH_FUZZ_CLI", "1000"))
# A wall-clock budget per test in seconds (0 = none): the examples run in batches and the run
# stops after the batch that crosses the budget, printing exactly how many examples ran.
BUDGET = float(os.environ.get("PRIVACY_DESK_BENCH_FUZZ_SECONDS", "0"))
BATCH = 2000


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


def _batches(examples: int, began: float) -> list[int]:
    """Batch sizes still to run; empty once the target or the time budget is reached."""
    return [min(BATCH, examples)] if examples > 0 and not _over_budget(began) else []


def _over_budget(began: float) -> bool:
    return BUDGET > 0 and time.perf_counter() - began >= BUDGET


def _fuzz(db: Database, examples: int, began: float) -> tuple[Tally, list[str], int]:
    """Intake, edit and note in turn, in batches (each a fresh random seed) until `examples`
    ran or the budget is spent; failures are collected, not stopped at."""
    tally, failures = Tally(), []
    reference = _plain_case(db)
    rng = random.Random(2026)
    ran = 0
    remaining = examples
    while batch := _batches(remaining, began):
        ran += _fuzz_batch(db, reference, batch[0], rng, tally, failures)
        remaining -= batch[0]
        print(f"  ... {ran} examples, {len(failures)} failures so far", flush=True)
    return tally, failures, ran


def _fuzz_batch(
    db: Database,
    reference: str,
    examples: int,
    rng: random.Random,
    tally: Tally,
    failures: list[str],
) -> int:
    ran = 0

    @_settings(examples)
    @given(
        data=case_inputs(),
        changes=st.dictionaries(st.sampled_from(EDIT_FIELDS), hostile_text(), min_size=1),
        note=hostile_text(),
    )
    def run(data: object, changes: dict[str, str], note: str) -> None:
        nonlocal ran
        ran += 1
        step = rng.randrange(3)
        try:
            if step == 0:
                drive_intake(db, data, tally)  # type: ignore[arg-type]
            elif step == 1:
                drive_edit(db, reference, changes, tally)
            else:
                drive_note(db, reference, note, tally)
        except Exception:  # counted: an unhandled error or a partial write
            failures.append(traceback.format_exc(limit=3))

    run()
    return ran


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_hostile_input_through_the_services(backend: str, tmp_path: Path) -> None:
    if backend == "sqlite":
        db = open_database(f"sqlite:///{tmp_path / 'fuzz.sqlite3'}")
    else:
        url = os.environ.get("PRIVACY_DESK_TEST_PG_URL")
        if not url:
            pytest.skip("set PRIVACY_DESK_TEST_PG_URL")
        from tests.integration.conftest import _pg_database

        generator = _pg_database(url)
        db = next(generator)
    began = time.perf_counter()
    try:
        tally, failures, ran = _fuzz(db, EXAMPLES, began)
    finally:
        db.dispose()
        if backend != "sqlite":
            generator.close()
    seconds = time.perf_counter() - began
    print(
        f"\nhostile input ({backend}): {ran} of {EXAMPLES} examples ran, "
        f"{tally.accepted} accepted, "
        f"{tally.refused} refused, {len(failures)} unhandled errors or partial writes, "
        f"{seconds:.0f} s"
    )
    assert not failures, failures[:3]


def test_hostile_input_through_the_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = open_database(url)
    reference = _plain_case(db)
    tally, failures = Tally(), []

    @_settings(CLI_EXAMPLES)
    @given(name=hostile_text(), note=hostile_text())
    def run(name: str, note: str) -> None:
        try:
            drive_cli(url, db, reference, name, note, tally)
        except Exception:  # counted
            failures.append(traceback.format_exc(limit=3))

    began = time.perf_counter()
    try:
        run()
    finally:
        db.dispose()
    print(
        f"\nhostile input (CLI in-process): {CLI_EXAMPLES} examples, {tally.accepted} accepted, "
        f"{tally.refused} refused, {len(failures)} failures, {time.perf_counter() - began:.0f} s"
    )
    assert not failures, failures[:3]
