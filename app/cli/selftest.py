"""Installation self-test: database, letters, connectors, export and GUI in a temporary folder."""

from __future__ import annotations

import argparse
import io
import logging
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from app import PRODUCT_NAME, __version__
from app.core.enums import FindingReview, IdentifierKind, Language, RequestType
from app.core.errors import AppError
from app.core.letter_effects import DecisionRule
from app.letters.kinds import letter_kinds

log = logging.getLogger(__name__)

ACTOR = "selftest"
KEYRING_ENV = "PRIVACY_DESK_KEYRING"
# Letters that need no executed change; erasure and rectification run on the demo systems.
PLAIN_LETTERS = tuple(
    kind.code
    for kind in letter_kinds()
    if kind.effect.decides not in (DecisionRule.ERASURE, DecisionRule.RECTIFICATION)
)
DEMO_CASES = 20
PASSING = ("OK", "WARN")
OCR_LINE = "Privacy Desk 1234 AB Amsterdam"  # rendered and read back by the OCR step
SELFTEST_EMAIL = "sam.selftest@example.org"
NEW_LAST_NAME = "Zelftest"  # the rectification's new value; must appear in the letter


class StepFailed(Exception):
    """A check inside a step did not hold; the message says what was found."""


class Skipped(Exception):
    """A step could not run because an earlier step it needs failed."""


class Warned(Exception):
    """A step found something optional missing (OCR): said, but the run still passes."""


@dataclass
class StepResult:
    name: str
    status: str  # OK | WARN | FAIL | SKIP
    seconds: float
    message: str = ""

    def line(self) -> str:
        if self.status == "OK":
            detail = f": {self.message}" if self.message else ""
            return f"OK   {self.name}{detail} ({self.seconds:.2f} s)"
        return f"{self.status:<4} {self.name}: {self.message}"


@dataclass
class _State:
    """What later steps need from earlier ones."""

    db: Any = None
    reference: str = ""
    demo_refs: list[str] = field(default_factory=list)
    erased: str = ""
    rectified: str = ""


def frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def needs_offscreen(environ: Mapping[str, str]) -> bool:
    """On Linux/BSD without an X or Wayland display Qt must use the offscreen platform."""
    if sys.platform in ("win32", "darwin") or environ.get("QT_QPA_PLATFORM"):
        return False
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


@contextmanager
def _temporary_env(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the run and restore them (the in-process test shares them)."""
    old = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def check_pdf(pdf: bytes, *must_contain: str) -> str:
    """Parse with pypdf: at least one page and every expected text present. Returns a summary."""
    from pypdf import PdfReader

    if not pdf.startswith(b"%PDF-"):
        raise StepFailed("the output is not a PDF")
    reader = PdfReader(io.BytesIO(pdf))
    if len(reader.pages) < 1:
        raise StepFailed("the PDF has no pages")
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    missing = [m for m in must_contain if m not in text]
    if missing:
        raise StepFailed(f"the PDF text lacks {', '.join(repr(m) for m in missing)}")
    return f"{len(reader.pages)} page(s), {len(pdf) // 1024} KB"


class SelfTest:
    """Runs the steps in order; each prints one line; a failed step never stops the others."""

    def __init__(self, folder: Path, *, out: TextIO, err: TextIO, gui: bool = True) -> None:
        self.folder = folder
        self.out = out
        self.err = err
        self.gui = gui
        self.state = _State()
        self.results: list[StepResult] = []

    # ---- running ------------------------------------------------------------------------

    def step(self, name: str, work: Callable[[], str | None]) -> bool:
        started = time.perf_counter()
        try:
            message = work() or ""
            result = StepResult(name, "OK", time.perf_counter() - started, message)
        except Skipped as exc:
            result = StepResult(name, "SKIP", time.perf_counter() - started, str(exc))
        except Warned as exc:
            result = StepResult(name, "WARN", time.perf_counter() - started, str(exc))
        except (StepFailed, AppError) as exc:  # AppError: UserError, SmokeTestFailed
            result = StepResult(name, "FAIL", time.perf_counter() - started, str(exc))
        except Exception as exc:  # a bug or a missing module in the bundle: show the traceback
            result = StepResult(
                name, "FAIL", time.perf_counter() - started, f"{type(exc).__name__}: {exc}"
            )
            traceback.print_exc(file=self.err)
            log.exception("selftest step failed: %s", name)
        self.results.append(result)
        print(result.line(), file=self.out, flush=True)
        return result.status in PASSING

    def _need(self, value: object, step: str) -> None:
        if not value:
            raise Skipped(f"needs the step '{step}'")

    def run(self) -> bool:
        self.step("check resources", self.check_resources)
        self.step("load database drivers", self.load_drivers)
        self.step("migrate database", self.migrate)
        self.step("register case", self.register)
        for letter_type in PLAIN_LETTERS:
            self.step(f"render letter {letter_type}", partial(self.render, letter_type))
        self.step("fill demo data", self.fill_demo)
        self.step("search demo systems (connectors)", self.search)
        self.step("erase on demo systems", self.erase)
        self.step("render letter erasure", self.render_erasure)
        self.step("finalise letter erasure (finalise gate)", self.finalise_erasure)
        self.step("rectify on demo systems", self.rectify)
        self.step("render letter rectification", self.render_rectification)
        self.step("export register (XLSX)", self.export_register)
        self.step("OCR (Tesseract)", self.ocr)
        if self.gui:
            self.step("open and close main window", self.main_window)
        if self.state.db is not None:
            self.state.db.dispose()  # close SQLite files before the folder is removed (Windows)
        return all(r.status in PASSING for r in self.results)

    # ---- steps --------------------------------------------------------------------------

    def check_resources(self) -> str:
        from app.core.resources import resource_path, resources_root
        from app.data.migration import migrations_dir

        wanted = [
            resource_path("fonts", "LiberationSans-Regular.ttf"),
            resource_path("fonts", "LiberationSans-Bold.ttf"),
            resource_path("letters", "nl", "acknowledgement.txt"),
            resource_path("letters", "en", "acknowledgement.txt"),
            resource_path("icons", "privacy-desk.svg"),
            migrations_dir() / "env.py",
            migrations_dir() / "script.py.mako",
            migrations_dir() / "versions",
        ]
        missing = [str(p) for p in wanted if not p.exists()]
        if missing:
            raise StepFailed(f"missing: {', '.join(missing)}")
        return f"in {resources_root().parent}"

    def load_drivers(self) -> str:
        from sqlalchemy import create_engine

        # Creating an engine imports the dialect and its driver without connecting: this is
        # what breaks first in a bundle when a driver is only named in a URL string.
        urls = (
            "postgresql+psycopg://selftest@127.0.0.1:1/selftest",
            "mysql+pymysql://selftest@127.0.0.1:1/selftest",
        )
        for url in urls:
            create_engine(url).dispose()
        return "sqlite, postgresql+psycopg, mysql+pymysql"

    def migrate(self) -> str:
        from app.data.database import current_revision, head_revision, open_database

        db = open_database(f"sqlite:///{self.folder / 'selftest.sqlite3'}")
        self.state.db = db
        head = head_revision()
        current = current_revision(db.engine)
        if current != head:
            raise StepFailed(f"database at revision {current}, expected head {head}")
        return f"revision {head}"

    def register(self) -> str:
        from app.core.validation import CaseInput
        from app.services.cases import register_case

        self._need(self.state.db, "migrate database")
        data = CaseInput(
            request_types=(RequestType.ACCESS, RequestType.OBJECTION),
            received_on=date.today(),
            first_name="Sam",
            last_name="Selftest",
            salutation="",
            street="Teststraat 1",
            postcode="1234 AB",
            city="Teststad",
            email=SELFTEST_EMAIL,
            language=Language.NL,
            identifiers=((IdentifierKind.CUSTOMER_NUMBER, "DB999999"),),
            summary="Created by the selftest",
        )
        self.state.reference = register_case(self.state.db, actor=ACTOR, data=data)
        return self.state.reference

    def _render(self, reference: str, letter_type: str, *expected: str) -> str:
        from app.services.letters import default_options, render_for_case

        pdf = render_for_case(
            self.state.db,
            reference=reference,
            letter_type=letter_type,
            lang="nl",
            options=default_options(letter_type, "nl"),
            handled_by=ACTOR,
        )
        return check_pdf(pdf, reference, *expected)

    def render(self, letter_type: str) -> str:
        self._need(self.state.reference, "register case")
        if letter_type == "objection":
            # A direct-marketing objection is answered only once the person is suppressed.
            from app.services.changes import suppress

            suppress(
                self.state.db,
                actor=ACTOR,
                reference=self.state.reference,
                email=SELFTEST_EMAIL,
                today=date.today(),
            )
        return self._render(self.state.reference, letter_type)

    def fill_demo(self) -> str:
        from app.demo.fill import fill_demo
        from app.services.case_queries import list_cases

        self._need(self.state.db, "migrate database")
        fill_demo(self.state.db, cases=DEMO_CASES)
        rows = list_cases(self.state.db, limit=None)
        # Paused cases cannot get an answer letter (their deadline is open), so skip them.
        self.state.demo_refs = [
            r.reference for r in rows if r.reference != self.state.reference and not r.paused
        ]
        if len(self.state.demo_refs) < 2:
            raise StepFailed(f"only {len(self.state.demo_refs)} usable demo case(s)")
        return f"{len(rows) - 1} cases"

    def search(self) -> str:
        from app.services.searches import findings_of, search_case
        from app.services.secrets import SecretStore

        self._need(self.state.demo_refs, "fill demo data")
        found: list[str] = []
        systems = 0
        searched = 0
        for reference in self.state.demo_refs:
            searched += 1
            results = search_case(
                self.state.db, actor=ACTOR, reference=reference, secrets=SecretStore()
            )
            failed = [f"{r.system}: {r.error}" for r in results if r.status == "failed"]
            if failed:
                raise StepFailed("; ".join(failed))
            systems = len(results)
            confirmed = findings_of(self.state.db, reference=reference, confirmed_only=True)
            if any(f.system == "Self Service Portal" for f in confirmed):
                found.append(reference)
            if len(found) == 2:
                break
        if len(found) < 2:
            raise StepFailed("the demo systems did not find two demo cases")
        self.state.erased, self.state.rectified = found
        return f"{systems} systems; {len(found)} of {searched} demo cases found in the portal"

    def _change(self, reference: str, operation: str, corrections: list[Any]) -> str:
        from app.services.changes import approve_plan, execute_plan, plan_changes
        from app.services.secrets import SecretStore

        secrets = SecretStore()
        plan_changes(
            self.state.db,
            actor=ACTOR,
            reference=reference,
            operation=operation,
            corrections=corrections,
            secrets=secrets,
        )
        approve_plan(self.state.db, actor=ACTOR, reference=reference, operation=operation)
        actions = execute_plan(
            self.state.db, actor=ACTOR, reference=reference, operation=operation, secrets=secrets
        )
        failed = [f"{a.system} {a.record_id}: {a.detail}" for a in actions if a.outcome == "failed"]
        if failed:
            raise StepFailed("; ".join(failed))
        done = sum(1 for a in actions if a.outcome in ("removed", "changed"))
        if done == 0:
            raise StepFailed(f"no record was changed ({len(actions)} action(s))")
        return f"{done} record(s) changed, {len(actions) - done} kept"

    def erase(self) -> str:
        from app.connectors import registry
        from app.connectors.base import Capability
        from app.services.connectors import list_connectors
        from app.services.searches import findings_of, review_findings

        self._need(self.state.erased, "search demo systems (connectors)")
        # The officer's review: findings in systems without automatic erasure (shared
        # documents, mail) are handled by hand, so they leave this plan.
        automatic = {
            c.name for c in list_connectors(self.state.db) if registry.can(c.kind, Capability.ERASE)
        }
        by_hand = [
            f.id
            for f in findings_of(self.state.db, reference=self.state.erased, confirmed_only=True)
            if f.system not in automatic
        ]
        if by_hand:
            review_findings(
                self.state.db,
                actor=ACTOR,
                reference=self.state.erased,
                finding_ids=by_hand,
                decision=FindingReview.REJECTED,
            )
        result = self._change(self.state.erased, "erasure", [])
        self._keep_reasons(self.state.erased)
        return result

    def _keep_reasons(self, reference: str) -> None:
        """The officer says why each kept item is kept: the demo portal keeps the customer
        number for the tax authority (Art. 17(3)(b)); its login times delete themselves."""
        from datetime import timedelta

        from app.core.kept_data import EXPIRES, KeepDecision
        from app.services.changes import actions_of
        from app.services.kept_data import record_keep_decision

        kept = [
            a
            for a in actions_of(self.state.db, reference=reference, operation="erasure")
            if a.outcome == "kept" and not a.keep_ground
        ]
        fiscal = [a.id for a in kept if "customer number" in a.fields]
        rest = [a.id for a in kept if a.id not in fiscal]
        today = date.today()
        if fiscal:
            record_keep_decision(
                self.state.db,
                actor=ACTOR,
                reference=reference,
                action_ids=fiscal,
                decision=KeepDecision(
                    "b",
                    statute="art. 52 Algemene wet inzake rijksbelastingen",
                    event="end_of_financial_year",
                    event_on=date(today.year, 12, 31),
                    period="7 years",
                ),
            )
        if rest:
            record_keep_decision(
                self.state.db,
                actor=ACTOR,
                reference=reference,
                action_ids=rest,
                decision=KeepDecision(EXPIRES, expires_on=today + timedelta(days=31)),
            )

    def render_erasure(self) -> str:
        self._need(self.state.erased, "search demo systems (connectors)")
        return self._render(self.state.erased, "erasure")

    def finalise_erasure(self) -> str:
        """The gate refuses the unidentified answer; the officer's work, done, lets it through."""
        from app.core.enums import IdentityMethod, IdentityOutcome
        from app.services.case_documents import record_identity_check
        from app.services.gate import unmet_for_case
        from app.services.letters import draft_letter, finalise_letter
        from app.services.reports import portability_export
        from app.services.searches import (
            complete_manual_task,
            findings_of,
            manual_tasks_of,
            review_findings,
        )

        reference = self.state.erased
        self._need(reference, "search demo systems (connectors)")
        db = self.state.db

        def unmet() -> list[str]:
            found = unmet_for_case(db, reference=reference, letter_type="erasure")
            return [u.condition.value for u in found]

        before = unmet()
        if "identity" not in before:
            raise StepFailed("the gate let an answer through without an identity check")
        # The name and address match the portal's customer record (the postal default).
        record_identity_check(
            db,
            actor=ACTOR,
            reference=reference,
            method=IdentityMethod.MATCHED_KNOWN_DATA,
            outcome=IdentityOutcome.VERIFIED,
            checked_on=date.today(),
        )
        for task in manual_tasks_of(db, reference=reference):
            if not task.result:  # the demo's paper archive holds nobody
                complete_manual_task(
                    db,
                    actor=ACTOR,
                    reference=reference,
                    task_id=task.id,
                    result="not_found",
                    note="",
                )
        pending = [f.id for f in findings_of(db, reference=reference) if f.review == "pending"]
        if pending:  # weak matches (name only) of the demo data are other people
            review_findings(
                db,
                actor=ACTOR,
                reference=reference,
                finding_ids=pending,
                decision=FindingReview.REJECTED,
            )
        if "portability_export" in unmet():
            path = self.folder / "portability.zip"
            portability_export(db, reference=reference, actor=ACTOR, path=path)
        left = unmet()
        if left:
            raise StepFailed("still open: " + ", ".join(left))
        draft = draft_letter(db, actor=ACTOR, reference=reference, letter_type="erasure")
        final = finalise_letter(db, actor=ACTOR, letter_id=draft.id)
        return f"refused first ({', '.join(before)}); final after the work, {final.sha256[:12]}"

    def rectify(self) -> str:
        from app.connectors.base import Correction

        self._need(self.state.rectified, "search demo systems (connectors)")
        return self._change(
            self.state.rectified, "rectification", [Correction("last name", NEW_LAST_NAME)]
        )

    def render_rectification(self) -> str:
        self._need(self.state.rectified, "search demo systems (connectors)")
        return self._render(self.state.rectified, "rectification", NEW_LAST_NAME)

    def export_register(self) -> str:
        from openpyxl import load_workbook

        from app.services.case_queries import count_cases
        from app.services.reports import export_request_register

        self._need(self.state.db, "migrate database")
        path = self.folder / "register.xlsx"
        count = export_request_register(
            self.state.db,
            path=path,
            received_from=date(2018, 5, 25),
            received_to=date.today(),
            fmt="xlsx",
            actor=ACTOR,
        )
        expected = count_cases(self.state.db)
        if count != expected:
            raise StepFailed(f"{count} rows exported, {expected} cases in the database")
        workbook = load_workbook(path, read_only=True)
        try:
            rows = sum(1 for _ in workbook.active.iter_rows()) if workbook.active else 0
        finally:
            workbook.close()
        if rows != count + 1:  # plus the header row
            raise StepFailed(f"the workbook has {rows} rows for {count} cases")
        return f"{count} cases, {path.stat().st_size // 1024} KB"

    def ocr(self) -> str:
        """Where Tesseract is, its version and languages; reads one rendered line back."""
        from PIL import Image, ImageDraw, ImageFont

        from app.core.resources import resource_path
        from app.reading import ocr
        from app.reading.tesseract import find_tesseract, unavailable_message

        tesseract = find_tesseract()
        if tesseract is None:
            raise Warned(f"{unavailable_message()} Everything else works without it.")
        image = Image.new("L", (1400, 160), 255)
        font = ImageFont.truetype(str(resource_path("fonts", "LiberationSans-Regular.ttf")), 48)
        ImageDraw.Draw(image).text((40, 50), OCR_LINE, font=font, fill=0)
        page = self.folder / "ocr-line.png"
        image.save(page)
        text = ocr.ocr_page(tesseract, page)
        if OCR_LINE not in " ".join(text.split()):
            raise StepFailed(f"{tesseract.describe()}; read {text!r}, expected {OCR_LINE!r}")
        if tesseract.missing_languages or not tesseract.has_osd:
            raise Warned(tesseract.describe())
        return tesseract.describe()

    def main_window(self) -> str:
        self._need(self.state.db, "migrate database")
        from app.ui.smoke import open_main_window

        return open_main_window(self.state.db, self.folder, actor=ACTOR)


def run_selftest(
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    gui: bool = True,
    keep: bool = False,
) -> int:
    """Run every step in a new temporary folder; 0 when all passed, 1 otherwise."""
    out = out or sys.stdout
    err = err or sys.stderr
    env = {KEYRING_ENV: "memory"}
    if gui and needs_offscreen(os.environ):
        env["QT_QPA_PLATFORM"] = "offscreen"
    folder = Path(tempfile.mkdtemp(prefix="privacy-desk-selftest-"))
    kind = "frozen bundle" if frozen() else "source"
    print(
        f"selftest: {PRODUCT_NAME} {__version__} ({kind}), Python {platform.python_version()}, "
        f"{platform.system()}; working in {folder}",
        file=out,
        flush=True,
    )
    started = time.perf_counter()
    with _temporary_env(env):
        test = SelfTest(folder, out=out, err=err, gui=gui)
        ok = test.run()
    passed = sum(1 for r in test.results if r.status == "OK")
    warned = sum(1 for r in test.results if r.status == "WARN")
    print(
        f"selftest: {passed} of {len(test.results)} steps OK"
        + (f", {warned} with a warning" if warned else "")
        + f" in {time.perf_counter() - started:.1f} s"
        + ("" if ok else " - FAILED"),
        file=out,
        flush=True,
    )
    if keep:
        print(f"selftest: kept {folder}", file=out)
    else:
        try:
            shutil.rmtree(folder)
        except OSError as exc:  # e.g. a file still open on Windows: say so, do not fail the test
            print(f"selftest: could not remove {folder}: {exc}", file=err)
    return 0 if ok else 1


def cmd_selftest(args: argparse.Namespace) -> int:
    """`privacy-desk selftest`: checks this installation in a temporary folder."""
    return run_selftest(gui=not args.no_gui, keep=args.keep)
