"""The installation selftest, run in-process on the source tree (the bundle runs it in CI)."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from app.cli.selftest import SelfTest, StepFailed, check_pdf, needs_offscreen, run_selftest


def _step_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line and not line.startswith("selftest:")]


def test_selftest_passes_every_step() -> None:
    out, err = io.StringIO(), io.StringIO()
    keyring_before = os.environ.get("PRIVACY_DESK_KEYRING")

    code = run_selftest(out=out, err=err)

    lines = _step_lines(out.getvalue())
    assert code == 0, out.getvalue() + err.getvalue()
    assert len(lines) == 20
    assert all(line.startswith("OK   ") for line in lines), out.getvalue()
    names = " | ".join(lines)
    for expected in (
        "migrate database",
        "register case",
        "render letter acknowledgement",
        "render letter erasure",
        "render letter rectification",
        "finalise letter erasure (finalise gate)",
        "search demo systems (connectors)",
        "export register (XLSX)",
        "open and close main window",
    ):
        assert expected in names
    assert out.getvalue().splitlines()[-1].startswith("selftest: 20 of 20 steps OK")
    # The temporary folder is gone and the environment is as before.
    folder = out.getvalue().splitlines()[0].rsplit("working in ", 1)[1]
    assert not Path(folder).exists()
    assert os.environ.get("PRIVACY_DESK_KEYRING") == keyring_before


def test_selftest_does_not_touch_the_configured_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real.sqlite3"
    monkeypatch.setenv("PRIVACY_DESK_DB", f"sqlite:///{real}")

    code = run_selftest(out=io.StringIO(), err=io.StringIO(), gui=False)

    assert code == 0
    assert not real.exists()


def test_a_failing_step_prints_fail_and_the_run_fails(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    test = SelfTest(tmp_path, out=out, err=err, gui=False)

    def broken() -> str:
        raise StepFailed("the PDF has no pages")

    assert test.step("render letter refusal", broken) is False
    assert test.step("register case", test.register) is False  # needs a database first
    lines = out.getvalue().splitlines()
    assert lines[0] == "FAIL render letter refusal: the PDF has no pages"
    assert lines[1] == "SKIP register case: needs the step 'migrate database'"


def test_check_pdf_demands_the_reference() -> None:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Ons kenmerk AVG-2026-0001")
    canvas.save()
    pdf = buffer.getvalue()

    assert check_pdf(pdf, "AVG-2026-0001").startswith("1 page(s)")
    with pytest.raises(StepFailed, match="AVG-2026-0002"):
        check_pdf(pdf, "AVG-2026-0002")
    with pytest.raises(StepFailed, match="not a PDF"):
        check_pdf(b"<html>", "AVG-2026-0001")


def test_offscreen_only_without_a_display() -> None:
    if sys.platform in ("win32", "darwin"):  # always a native display there
        assert needs_offscreen({}) is False
        return
    assert needs_offscreen({}) is True
    assert needs_offscreen({"DISPLAY": ":0"}) is False
    assert needs_offscreen({"WAYLAND_DISPLAY": "wayland-0"}) is False
    assert needs_offscreen({"QT_QPA_PLATFORM": "xcb"}) is False
