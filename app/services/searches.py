"""Search all systems for a case's data subject, in parallel; store and review the findings."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from app.connectors.base import Connector, Identifier, MatchStrength, StillReading, Subject
from app.connectors.base import Finding as FoundRecord
from app.connectors.manual import ManualCheckRequired
from app.core.code_words import code_word
from app.core.enums import FindingReview, IdentifierKind, LetterStatus
from app.core.errors import Cancelled, NotFoundError, UserError, ValidationError
from app.core.i18n import Message, _, join, message_of, restored, stored
from app.core.progress import Progress
from app.core.validation import clean_text
from app.data.database import Database
from app.data.models import Case, ConnectorConfig, ConnectorRun, Finding, Letter, ManualTask
from app.services import audit
from app.services.connectors import instantiate
from app.services.document_texts import BackgroundReader, scan_text_store
from app.services.lookup import case_by_reference
from app.services.secrets import SecretStore
from app.services.stored_settings import read_setting

log = logging.getLogger(__name__)

# Called from worker threads: (system, fraction 0..1, message). The GUI marshals it to its thread.
ProgressCallback = Callable[[str, float, str], None]
# Gives a connector what it needs from the app beyond its settings (e.g. its scan texts).
Prepare = Callable[[Connector], None]
# A system searched except for records still being prepared (scans being read by OCR): its
# findings so far are stored, but it does not count as searched until a search finds it "ok".
READING = "reading"


@dataclass
class SystemResult:
    system: str
    status: str  # ok | failed | cancelled | manual_pending | reading
    error: str = ""
    findings: list[FoundRecord] = field(default_factory=list)
    seconds: float = 0.0
    pending: int = 0  # reading: records (scans) still being read


def _cleaned(fields: Any) -> dict[str, Any]:
    """A finding's field values as storable text: connector data is cleaned, never refused."""
    return {
        clean_text(str(name), multiline=False): clean_text(value)
        if isinstance(value, str)
        else value
        for name, value in dict(fields).items()
    }


def subject_of(case: Case) -> Subject:
    r = case.requester
    ids: dict[str, list[str]] = {}
    for ident in r.identifiers:
        ids.setdefault(ident.kind, []).append(ident.value)
    return Subject(
        case_reference=case.reference,
        first_name=r.first_name or r.initials,
        last_name=" ".join(p for p in (r.name_prefix, r.last_name) if p),
        birth_date=r.birth_date,
        emails=tuple(dict.fromkeys([e for e in [r.email, *ids.get("email", [])] if e])),
        phones=tuple(dict.fromkeys([p for p in [r.phone, *ids.get("phone", [])] if p])),
        customer_numbers=tuple(ids.get(IdentifierKind.CUSTOMER_NUMBER.value, [])),
        postcode=r.postcode if r.country == "NL" else "",
        house_number=r.house_number,
        ip_addresses=tuple(ids.get(IdentifierKind.IP_ADDRESS.value, [])),
        user_ids=tuple(ids.get(IdentifierKind.USER_ID.value, [])),
    )


def _run_one(
    kind: str,
    name: str,
    settings: dict[str, Any],
    secrets: SecretStore | None,
    subject: Subject,
    progress: Progress,
    out: queue.Queue[SystemResult],
    prepare: Prepare | None = None,
) -> None:
    started = time.monotonic()
    try:
        connector = instantiate(kind, name, settings, secrets)
        if prepare is not None:
            prepare(connector)
        findings = list(connector.search(subject, progress))
        out.put(SystemResult(name, "ok", findings=findings, seconds=time.monotonic() - started))
    except StillReading as partial:
        out.put(
            SystemResult(
                name,
                READING,
                error=partial.message,
                findings=partial.findings,
                seconds=time.monotonic() - started,
                pending=partial.pending,
            )
        )
    except ManualCheckRequired as task:
        out.put(SystemResult(name, "manual_pending", error=task.instructions))
    except Cancelled:
        out.put(SystemResult(name, "cancelled", seconds=time.monotonic() - started))
    except UserError as exc:
        out.put(
            SystemResult(name, "failed", error=message_of(exc), seconds=time.monotonic() - started)
        )
    except Exception as exc:  # a broken connector must not stop the other systems
        log.exception("connector %s failed", name)
        out.put(
            SystemResult(
                name,
                "failed",
                error=_(
                    "Unexpected error in this system ({error})",
                    error=": ".join((exc.__class__.__name__, str(exc))),
                ),
                seconds=time.monotonic() - started,
            )
        )


def run_searches(
    configs: Sequence[tuple[str, str, dict[str, Any], int]],
    subject: Subject,
    *,
    secrets: SecretStore | None,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    prepare: Prepare | None = None,
) -> list[SystemResult]:
    """Search every system in its own thread; each has its own time-out; a hang is abandoned."""
    out: queue.Queue[SystemResult] = queue.Queue()
    progresses: dict[str, Progress] = {}
    deadlines: dict[str, float] = {}
    for kind, name, settings, timeout_s in configs:

        def report(fraction: float, message: str, _name: str = name) -> None:
            if on_progress is not None:
                on_progress(_name, fraction, message)

        progress = Progress(on_progress=report, timeout_s=float(timeout_s))
        progresses[name] = progress
        deadlines[name] = time.monotonic() + timeout_s + 2.0  # grace for a clean time-out
        thread = threading.Thread(
            target=_run_one,
            args=(kind, name, settings, secrets, subject, progress, out, prepare),
            name=f"connector-{name}",
            daemon=True,  # a connector stuck in a C call must not keep the app alive
        )
        thread.start()
    results: dict[str, SystemResult] = {}
    while len(results) < len(configs):
        if cancel is not None and cancel.is_set():
            for p in progresses.values():
                p.cancel()
        try:
            result = out.get(timeout=0.1)
            results[result.system] = result
            if on_progress is not None:
                on_progress(result.system, 1.0, result.status)
        except queue.Empty:
            now = time.monotonic()
            for name, limit in deadlines.items():
                if name not in results and now > limit:
                    progresses[name].cancel()
                    results[name] = SystemResult(
                        name,
                        "failed",
                        error=_(
                            "The system did not answer in time (time-out) and was left behind. "
                            "Check that it is reachable, or raise its time-out in the settings."
                        ),
                    )
                    if on_progress is not None:
                        on_progress(name, 1.0, "failed")
    return [results[name] for _, name, _, _ in configs]


def search_case(
    db: Database,
    *,
    actor: str,
    reference: str,
    secrets: SecretStore | None = None,
    only: Sequence[str] | None = None,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    scan_reader: BackgroundReader | None = None,
) -> list[SystemResult]:
    """Run all enabled connectors (or ``only`` these) for a case and store runs and findings.

    Scans in document folders come from the scan-text cache; those not read yet are queued on
    ``scan_reader`` (read in the background) and their system is reported as "reading". Without
    a reader (the command line, scripts) they are read now, within the system's time-out.
    """
    with db.session() as session:
        case = case_by_reference(session, reference)
        subject = subject_of(case)
        query = select(ConnectorConfig).where(ConnectorConfig.enabled.is_(True))
        rows = session.scalars(query.order_by(ConnectorConfig.name)).all()
        limits = {"reading_limits": read_setting(session, "reading_limits")}  # for documents
        configs = [
            (r.kind, r.name, dict(r.settings) | limits, r.timeout_s)
            for r in rows
            if only is None or r.name in only
        ]
    if not configs:
        raise UserError(_("No systems are set up to search. Add one under Settings > Systems."))
    if not (subject.emails or subject.customer_numbers or subject.last_name):
        raise UserError(_("The case has no name, e-mail or customer number to search for."))

    def prepare(connector: Connector) -> None:
        use = getattr(connector, "use_scan_texts", None)
        if use is not None:
            submit = None if scan_reader is None else scan_reader.submit
            background = submit is not None
            use(scan_text_store(db, connector, submit=submit, background=background,
                                read_now=not background))  # fmt: skip

    results = run_searches(
        configs, subject, secrets=secrets, on_progress=on_progress, cancel=cancel, prepare=prepare
    )
    store_results(db, actor=actor, reference=reference, results=results)
    return results


def store_results(
    db: Database, *, actor: str, reference: str, results: Sequence[SystemResult]
) -> None:
    """Replace each searched system's findings; keep earlier review decisions per record."""
    now = datetime.now(UTC)
    with db.session() as session:
        case = case_by_reference(session, reference)
        for result in results:
            run = ConnectorRun(
                case_id=case.id,
                system=result.system,
                operation="search",
                status=result.status,
                error=stored(result.error),
                findings_count=len(result.findings),
                started_at=now,
                finished_at=datetime.now(UTC),
                actor=actor,
            )
            session.add(run)
            session.flush()
            if result.status == "manual_pending":
                _ensure_manual_task(session, case, result.system, result.error)
                continue
            if result.status not in ("ok", READING):
                continue
            old = session.scalars(
                select(Finding).where(Finding.case_id == case.id, Finding.system == result.system)
            ).all()
            decisions = {f.record_id: (f.review, f.reviewed_by, f.reviewed_at) for f in old}
            for f in old:
                session.delete(f)
            for found in result.findings:
                review, by, at = decisions.get(found.record_id, _initial_review(found))
                session.add(
                    Finding(
                        case_id=case.id,
                        run_id=run.id,
                        system=found.system,
                        record_id=found.record_id,
                        location=clean_text(found.location, multiline=False, limit=500),
                        fields=_cleaned(found.fields),
                        categories=list(found.categories),
                        field_categories=dict(found.field_categories) or None,
                        matched_kind=found.matched.kind.value,
                        matched_value=found.matched.value,
                        strength=found.strength.value,
                        note=stored(
                            found.note
                            if isinstance(found.note, Message)
                            else clean_text(found.note)
                        ),
                        review=review,
                        reviewed_by=by,
                        reviewed_at=at,
                    )
                )
        summary = join(
            [
                _(
                    "{system}: {status} ({n} found)",
                    system=r.system,
                    status=code_word("run", r.status),
                    n=len(r.findings),
                )
                if r.status in ("ok", READING)
                else _("{system}: {status}", system=r.system, status=code_word("run", r.status))
                for r in results
            ],
            "; ",
        )
        audit.record(
            session,
            case=case,
            actor=actor,
            action="systems_searched",
            summary=summary,
            after={r.system: {"status": r.status, "found": len(r.findings)} for r in results},
        )


def _initial_review(found: FoundRecord) -> tuple[FindingReview, str, datetime | None]:
    """Strong matches are pre-selected; weak ones wait for the officer (never reach a letter)."""
    if found.strength == MatchStrength.STRONG:
        return FindingReview.CONFIRMED, "pre-selected (strong match)", None
    return FindingReview.PENDING, "", None


def _ensure_manual_task(session: Any, case: Case, system: str, instructions: str) -> None:
    existing = session.scalar(
        select(ManualTask).where(ManualTask.case_id == case.id, ManualTask.system == system)
    )
    if existing is None:
        session.add(ManualTask(case_id=case.id, system=system, instructions=stored(instructions)))


def review_findings(
    db: Database, *, actor: str, reference: str, finding_ids: Sequence[int], decision: str
) -> int:
    """Confirm or reject findings (the officer's review). Returns how many changed."""
    try:
        review = FindingReview(decision)
    except ValueError:
        raise ValidationError({"decision": _("Choose confirmed or rejected.")}) from None
    with db.session() as session:
        case = case_by_reference(session, reference)
        rows = session.scalars(
            select(Finding).where(Finding.case_id == case.id, Finding.id.in_(finding_ids))
        ).all()
        if len(rows) != len(set(finding_ids)):
            raise NotFoundError(_("Some findings no longer exist; search again and review anew."))
        changed = 0
        for row in rows:
            if row.review != review:
                row.review = review
                row.reviewed_by = actor
                row.reviewed_at = datetime.now(UTC)
                changed += 1
        audit.record(
            session,
            case=case,
            actor=actor,
            action="findings_reviewed",
            summary=_(
                "{changed} finding(s) {decision}",
                changed=changed,
                decision=code_word("review", decision),
            ),
            after={"finding_ids": list(finding_ids), "decision": decision},
        )
        return changed


# Letters whose content rests on the review of the findings (what was found, what is removed).
_LETTERS_ON_FINDINGS = ("access", "erasure", "rectification")


def undo_rejections(db: Database, *, actor: str, reference: str, finding_ids: Sequence[int]) -> int:
    """Put rejected findings back to "pending" (audited), while no letter using them is final.

    Returns how many changed. Refuses, changing nothing, when a finding is not rejected or when
    the case's access, erasure or rectification letter is final (it was sent on that review).
    """
    if not finding_ids:
        raise ValidationError({"findings": _("Name the rejected findings to put back.")})
    with db.session() as session:
        case = case_by_reference(session, reference)
        rows = session.scalars(
            select(Finding).where(Finding.case_id == case.id, Finding.id.in_(finding_ids))
        ).all()
        if len(rows) != len(set(finding_ids)):
            raise NotFoundError(_("Some findings no longer exist; search again and review anew."))
        not_rejected = sorted(r.id for r in rows if r.review != FindingReview.REJECTED)
        if not_rejected:
            raise ValidationError(
                {
                    "findings": _(
                        "Only a rejection can be undone; finding(s) {ids} are not rejected.",
                        ids=", ".join(str(i) for i in not_rejected),
                    )
                }
            )
        final = session.scalars(
            select(Letter.id).where(
                Letter.case_id == case.id,
                Letter.status == LetterStatus.FINAL,
                Letter.letter_type.in_(_LETTERS_ON_FINDINGS),
            )
        ).first()
        if final is not None:
            raise UserError(
                _(
                    "A final letter of case {reference} (access, erasure or rectification) rests "
                    "on this review; a rejection can no longer be undone. Record a note on the "
                    "case instead.",
                    reference=reference,
                )
            )
        for row in rows:
            row.review = FindingReview.PENDING
            row.reviewed_by = actor
            row.reviewed_at = datetime.now(UTC)
        ids = sorted(r.id for r in rows)
        audit.record(
            session,
            case=case,
            actor=actor,
            action="rejection_undone",
            summary=_("{changed} rejected finding(s) back to review", changed=len(rows)),
            before={"finding_ids": ids, "review": FindingReview.REJECTED.value},
            after={"finding_ids": ids, "review": FindingReview.PENDING.value},
        )
        return len(rows)


@dataclass(frozen=True)
class FindingInfo:
    id: int
    system: str
    record_id: str
    location: str
    fields: dict[str, Any]
    categories: tuple[str, ...]
    matched_kind: str
    matched_value: str
    strength: str
    note: str
    review: str
    reviewed_by: str
    field_categories: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RunInfo:
    system: str
    operation: str
    status: str
    error: str
    findings_count: int
    started_at: datetime


@dataclass(frozen=True)
class ManualTaskInfo:
    id: int
    system: str
    instructions: str
    result: str
    note: str
    done_by: str
    done_at: datetime | None


def findings_of(db: Database, *, reference: str, confirmed_only: bool = False) -> list[FindingInfo]:
    with db.session() as session:
        case = case_by_reference(session, reference)
        query = select(Finding).where(Finding.case_id == case.id)
        if confirmed_only:
            query = query.where(Finding.review == FindingReview.CONFIRMED)
        rows = session.scalars(query.order_by(Finding.system, Finding.id)).all()
        return [
            FindingInfo(
                f.id,
                f.system,
                f.record_id,
                f.location,
                dict(f.fields),
                tuple(f.categories),
                f.matched_kind,
                f.matched_value,
                f.strength,
                restored(f.note),
                f.review,
                f.reviewed_by,
                dict(f.field_categories or {}),
            )
            for f in rows
        ]


def runs_of(db: Database, *, reference: str) -> list[RunInfo]:
    with db.session() as session:
        case = case_by_reference(session, reference)
        rows = session.scalars(
            select(ConnectorRun).where(ConnectorRun.case_id == case.id).order_by(ConnectorRun.id)
        ).all()
        return [
            RunInfo(
                r.system, r.operation, r.status, restored(r.error), r.findings_count, r.started_at
            )
            for r in rows
        ]


def manual_tasks_of(db: Database, *, reference: str) -> list[ManualTaskInfo]:
    with db.session() as session:
        case = case_by_reference(session, reference)
        rows = session.scalars(
            select(ManualTask).where(ManualTask.case_id == case.id).order_by(ManualTask.id)
        ).all()
        return [
            ManualTaskInfo(
                t.id,
                t.system,
                restored(t.instructions),
                t.result,
                t.note,
                t.done_by,
                t.done_at,
            )
            for t in rows
        ]


def complete_manual_task(
    db: Database, *, actor: str, reference: str, task_id: int, result: str, note: str
) -> None:
    """Record the outcome of a hand check ('found' / 'not_found'); it counts like any system."""
    if result not in ("found", "not_found"):
        raise ValidationError({"result": _("Choose 'found' or 'not found'.")})
    if result == "found" and not note.strip():
        raise ValidationError({"note": _("Describe what was found (which records, where).")})
    with db.session() as session:
        case = case_by_reference(session, reference)
        task = session.get(ManualTask, task_id)
        if task is None or task.case_id != case.id:
            raise NotFoundError(_("That manual check does not belong to this case."))
        task.result = result
        task.note = note.strip()
        task.done_by = actor
        task.done_at = datetime.now(UTC)
        session.add(
            ConnectorRun(
                case_id=case.id,
                system=task.system,
                operation="search",
                status="ok",
                findings_count=1 if result == "found" else 0,
                finished_at=datetime.now(UTC),
                actor=actor,
            )
        )
        if result == "found":
            session.add(
                Finding(
                    case_id=case.id,
                    system=task.system,
                    record_id=f"manual:{task.id}",
                    location=task.system,
                    fields={"found by hand": note.strip()},
                    categories=["manual check"],
                    matched_kind="other",
                    matched_value="manual check",
                    strength=MatchStrength.STRONG.value,
                    review=FindingReview.CONFIRMED,
                    reviewed_by=actor,
                    reviewed_at=datetime.now(UTC),
                )
            )
        audit.record(
            session,
            case=case,
            actor=actor,
            action="manual_check_done",
            summary=_("{system}: {result}", system=task.system, result=code_word("manual", result)),
        )


def to_found_record(row: Finding) -> FoundRecord:
    """A stored finding back as the connector value object (for plans)."""
    return FoundRecord(
        system=row.system,
        record_id=row.record_id,
        fields=dict(row.fields),
        categories=tuple(row.categories),
        matched=Identifier(IdentifierKind(row.matched_kind), row.matched_value),
        strength=MatchStrength(row.strength),
        location=row.location,
        note=restored(row.note),
        field_categories=dict(row.field_categories or {}),
    )
