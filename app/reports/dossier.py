"""The case dossier: a PDF of everything done in one case, zipped with its documents."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.dates import format_date
from app.core.enums import REQUEST_TYPE_ARTICLE, RequestType
from app.core.i18n import _, restored
from app.data.models import (
    AuditEvent,
    Case,
    ChangeAction,
    ConnectorRun,
    Document,
    Finding,
    Letter,
    ManualTask,
    RecipientNotice,
)
from app.reports.chain_check import ChainCheck, chain_block
from app.reports.dossier_text import LANGUAGES, coded, number, text, word
from app.reports.pdf_common import (
    FRAME_WIDTH,
    build_pdf,
    data_table,
    key_value_table,
    make_styles,
    para,
)

LOCAL_ZONE: Final = ZoneInfo("Europe/Amsterdam")
_UNSAFE: Final = re.compile(r"[^\w.\- ()]+", re.UNICODE)


def local_time(at: datetime, lang: str) -> str:
    """A stored UTC time as people read it: Europe/Amsterdam, "24 november 2026 14:05:09"."""
    local = at.astimezone(LOCAL_ZONE)
    return f"{format_date(local.date(), lang)} {local:%H:%M:%S}"


@dataclass(frozen=True)
class DocumentEntry:
    id: int
    kind: str
    filename: str
    media_type: str
    size: int
    sha256: str
    created_at: datetime
    deleted: bool
    deleted_reason: str


@dataclass(frozen=True)
class SystemResult:
    system: str
    searches: int
    last_status: str
    findings: int
    reviews: dict[str, int]
    changes: dict[tuple[str, str], int]  # (operation, outcome) -> number of records


@dataclass(frozen=True)
class TimelineEntry:
    at: str
    actor: str
    action: str  # the stored code; the PDF shows its name with the code in brackets
    summary: str


@dataclass(frozen=True)
class DossierData:
    """Everything the dossier PDF shows, read in one session; labels already in ``lang``."""

    reference: str
    organisation: str
    generated_at: datetime
    requester: list[tuple[str, str]]
    representative: list[tuple[str, str]]
    request: list[tuple[str, str]]
    dates: list[tuple[str, str]]
    pauses: list[list[str]]
    identity_checks: list[list[str]]
    notes: list[list[str]]
    systems: list[SystemResult]
    manual_tasks: list[list[str]]
    recipient_notices: list[list[str]]
    letters: list[list[str]]
    documents: list[DocumentEntry]
    timeline: list[TimelineEntry]
    decisions: list[list[str]] = field(default_factory=list)
    lang: str = "en"
    chain: ChainCheck | None = None


def _d(value: date | None, lang: str) -> str:
    return "" if value is None else format_date(value, lang)


def _article(code: str) -> str:
    try:
        return str(REQUEST_TYPE_ARTICLE[RequestType(code)])
    except ValueError:
        return ""


def collect_dossier(
    session: Session,
    case: Case,
    *,
    organisation: str,
    now: datetime,
    letter_noun: Callable[[str, str], str],
    lang: str = "en",
) -> DossierData:
    """Read the case into a ``DossierData`` whose labels, codes and dates are in ``lang``.

    ``letter_noun(code, lang)`` names a letter type (the services pass the letter-kind
    registry's; reports and letters are layers of one level and do not import each other)."""
    if lang not in LANGUAGES:
        raise ValueError(
            _("unsupported dossier language {lang}; expected 'nl', 'en' or 'de'", lang=repr(lang))
        )

    def t(key: str) -> str:
        return text(key, lang)

    r = case.requester
    ids = ", ".join(f"{word('identifier', i.kind, lang)}: {i.value}" for i in r.identifiers)
    requester = [
        (t("name"), r.full_name),
        (t("salutation"), word("salutation", r.salutation, lang)),
        (t("address"), r.street),
        (t("postcode_city"), f"{r.postcode}  {r.city}".strip()),
        (t("country"), r.country),
        (t("email"), r.email),
        (t("phone"), r.phone),
        (t("birth_date"), _d(r.birth_date, lang)),
        (t("identifiers"), ids),
    ]
    rep = case.representative
    representative = (
        []
        if rep is None
        else [
            (t("name"), rep.name),
            (t("role"), word("role", rep.role, lang)),
            (t("organisation"), rep.organisation),
            (t("address"), " ".join(p for p in (rep.street, rep.postcode, rep.city) if p)),
            (t("email"), rep.email),
            (t("authorisation_document"), str(rep.authorisation_document_id or "")),
        ]
    )
    request = [
        (t("types"), ", ".join(word("type", x.code, lang) for x in case.request_types)),
        (t("status"), coded("status", case.status, lang)),
        (t("case_outcome"), coded("outcome", case.outcome, lang)),
        (t("channel"), word("channel", case.channel, lang)),
        (t("language"), word("language", case.language, lang)),
        (t("their_reference"), case.their_reference),
        (t("their_letter_date"), _d(case.their_letter_date, lang)),
        (t("handled_by"), case.assigned_to),
        (t("summary"), case.summary),
        (
            t("anonymised"),
            "" if case.anonymised_at is None else local_time(case.anonymised_at, lang),
        ),
    ]
    decisions = [
        [
            word("type", x.code, lang),
            _article(x.code),
            coded("outcome", x.outcome, lang)
            + (f"; {coded('refusal_ground', x.refusal_ground, lang)}" if x.refusal_ground else ""),
        ]
        for x in case.request_types
    ]
    dates = [
        (t("received"), _d(case.received_on, lang)),
        (t("registered"), _d(case.registered_on, lang)),
        (t("acknowledged"), _d(case.acknowledged_on, lang)),
        (t("promise"), _d(case.promise_on, lang)),
        (t("post_by"), _d(case.post_by_on, lang)),
        (t("legal_deadline"), _d(case.legal_due_on, lang)),
        (t("extension_notice"), _d(case.extension_notice_on, lang)),
        (t("extension_reason"), case.extension_reason),
        (t("extended_deadline"), _d(case.extended_due_on, lang)),
        (
            t("deadline_that_counts"),
            t("paused") if case.paused else _d(case.effective_due_on, lang),
        ),
        (t("answered"), _d(case.answered_on, lang)),
        (t("closed"), _d(case.closed_on, lang)),
    ]
    pauses = [
        [
            _d(p.start_on, lang),
            _d(p.end_on, lang),
            "" if p.end_on is None else str((p.end_on - p.start_on).days),
            p.reason,
        ]
        for p in case.pauses
    ]
    checks = [
        [
            _d(c.checked_on, lang),
            word("id_method", c.method, lang),
            coded("id_outcome", c.outcome, lang),
            c.document_type,
            c.checked_by,
            c.note,
        ]
        for c in case.identity_checks
    ]
    notes = [
        [local_time(n.created_at, lang), n.author, restored(n.text).render(lang)]
        for n in case.notes
    ]
    docs = [
        DocumentEntry(
            d.id,
            d.kind,
            d.filename,
            d.media_type,
            d.size,
            d.sha256,
            d.created_at,
            d.deleted_at is not None,
            d.deleted_reason,
        )
        for d in case.documents
    ]
    by_id = {d.id: d for d in docs}
    letters = []
    for letter in session.scalars(
        select(Letter).where(Letter.case_id == case.id).order_by(Letter.id)
    ):
        doc = by_id.get(letter.document_id) if letter.document_id is not None else None
        letters.append(
            [
                letter_noun(letter.letter_type, lang),
                word("letter_status", letter.status, lang),
                _d(letter.letter_date, lang),
                letter.recipient_name,
                "" if doc is None else doc.filename,
                "" if doc is None else doc.sha256,
            ]
        )
    tasks = [
        [
            x.system,
            word("manual", x.result, lang) if x.result else t("open"),
            x.done_by,
            "" if x.done_at is None else local_time(x.done_at, lang),
            x.note,
        ]
        for x in session.scalars(
            select(ManualTask).where(ManualTask.case_id == case.id).order_by(ManualTask.id)
        )
    ]
    notices = [
        [
            n.recipient,
            word("type", n.action, lang),
            word("notice_method", n.method, lang),
            _d(n.notified_on, lang),
            n.notified_by,
        ]
        for n in session.scalars(
            select(RecipientNotice)
            .where(RecipientNotice.case_id == case.id)
            .order_by(RecipientNotice.id)
        )
    ]
    timeline = [
        TimelineEntry(local_time(e.at, lang), e.actor, e.action, restored(e.summary).render(lang))
        for e in session.scalars(
            select(AuditEvent)
            .where(AuditEvent.case_id == case.id)
            .order_by(AuditEvent.at, AuditEvent.id)
        )
    ]
    return DossierData(
        reference=case.reference,
        organisation=organisation,
        generated_at=now,
        requester=requester,
        representative=representative,
        request=request,
        dates=dates,
        pauses=pauses,
        identity_checks=checks,
        notes=notes,
        systems=_systems(session, case.id),
        manual_tasks=tasks,
        recipient_notices=notices,
        letters=letters,
        documents=docs,
        timeline=timeline,
        decisions=decisions,
        lang=lang,
    )


def _systems(session: Session, case_id: int) -> list[SystemResult]:
    runs: dict[str, list[ConnectorRun]] = {}
    for run in session.scalars(
        select(ConnectorRun).where(ConnectorRun.case_id == case_id).order_by(ConnectorRun.id)
    ):
        runs.setdefault(run.system, []).append(run)
    reviews: dict[str, Counter[str]] = {}
    for system, review in session.execute(
        select(Finding.system, Finding.review).where(Finding.case_id == case_id)
    ):
        reviews.setdefault(system, Counter())[review] += 1
    changes: dict[str, Counter[tuple[str, str]]] = {}
    for system, operation, outcome in session.execute(
        select(ChangeAction.system, ChangeAction.operation, ChangeAction.outcome).where(
            ChangeAction.case_id == case_id
        )
    ):
        changes.setdefault(system, Counter())[(operation, outcome)] += 1
    result = []
    for system in sorted(set(runs) | set(reviews) | set(changes)):
        searches = [r for r in runs.get(system, []) if r.operation == "search"]
        result.append(
            SystemResult(
                system=system,
                searches=len(searches),
                last_status=searches[-1].status if searches else "",
                findings=sum(reviews.get(system, Counter()).values()),
                reviews=dict(reviews.get(system, Counter())),
                changes=dict(changes.get(system, Counter())),
            )
        )
    return result


def _reviews_text(counts: dict[str, int], lang: str) -> str:
    parts = sorted((word("review", k, lang), v) for k, v in counts.items())
    return ", ".join(f"{k}: {v}" for k, v in parts) or "-"


def _changes_text(counts: dict[tuple[str, str], int], lang: str) -> str:
    parts = sorted(
        (f"{word('type', op, lang)} {word('change', outcome, lang)}", v)
        for (op, outcome), v in counts.items()
    )
    return ", ".join(f"{k}: {v}" for k, v in parts) or "-"


def render_dossier_pdf(data: DossierData) -> bytes:
    """The dossier in ``data.lang``: an accountability record for an auditor or the AP."""
    lang = data.lang

    def t(key: str, **values: str) -> str:
        return text(key, lang, **values)

    def table(keys: list[str], rows: list[list[str]], widths: list[float]) -> Flowable:
        # The last column takes what is left of the frame.
        return data_table([t(k) for k in keys], rows, s, [*widths, FRAME_WIDTH - sum(widths)])

    s = make_styles()
    label = 42 * mm
    date_col = 28 * mm  # "30 september 2026" on one line at 8 pt, times wrap below
    story: list[Flowable] = [
        para(t("title", ref=data.reference), s.title),
        Spacer(0, 1.5 * mm),
        para(
            t("subtitle", org=data.organisation, at=local_time(data.generated_at, lang)),
            s.subtitle,
        ),
        para(t("h_requester"), s.h1),
        key_value_table(data.requester, s, label),
    ]
    if data.representative:
        story += [para(t("h_representative"), s.h1), key_value_table(data.representative, s, label)]
    story += [para(t("h_request"), s.h1), key_value_table(data.request, s, label)]
    story.append(para(t("h_decisions"), s.h2))
    story.append(
        table(["col_request", "col_article", "col_decision"], data.decisions, [42 * mm, 22 * mm])
        if data.decisions
        else para(t("no_decisions"), s.body)
    )
    story += [para(t("h_dates"), s.h1), key_value_table(data.dates, s, label)]
    if data.pauses:
        story += [
            para(t("h_pauses"), s.h2),
            table(
                ["col_from", "col_until", "col_days", "col_reason"],
                data.pauses,
                [date_col, date_col, 13 * mm],
            ),
        ]
    story.append(para(t("h_identity"), s.h1))
    story.append(
        table(
            ["col_date", "col_method", "col_outcome", "col_document", "col_checked_by", "col_note"],
            data.identity_checks,
            [date_col, 38 * mm, 26 * mm, 22 * mm, 24 * mm],
        )
        if data.identity_checks
        else para(t("no_identity"), s.body)
    )
    story.append(para(t("h_systems"), s.h1))
    if data.systems:
        rows = [
            [
                x.system,
                str(x.searches),
                coded("run", x.last_status, lang) if x.last_status else "-",
                str(x.findings),
                _reviews_text(x.reviews, lang),
                _changes_text(x.changes, lang),
            ]
            for x in data.systems
        ]
        story.append(
            table(
                [
                    "col_system",
                    "col_searches",
                    "col_last_search",
                    "col_findings",
                    "col_review",
                    "col_changes",
                ],
                rows,
                [36 * mm, 18 * mm, 24 * mm, 16 * mm, 34 * mm],
            )
        )
    else:
        story.append(para(t("no_systems"), s.body))
    if data.manual_tasks:
        story += [
            para(t("h_manual"), s.h2),
            table(
                ["col_system", "col_result", "col_done_by", "col_done_at", "col_note"],
                data.manual_tasks,
                [40 * mm, 24 * mm, 25 * mm, date_col],
            ),
        ]
    if data.recipient_notices:
        story += [
            para(t("h_notices"), s.h2),
            table(
                ["col_recipient", "col_action", "col_method", "col_on", "col_by"],
                data.recipient_notices,
                [55 * mm, 25 * mm, 22 * mm, date_col],
            ),
        ]
    story.append(para(t("h_letters"), s.h1))
    story.append(
        table(
            ["col_type", "col_status", "col_date", "col_recipient", "col_document", "col_sha"],
            data.letters,
            [28 * mm, 16 * mm, date_col, 24 * mm, 28 * mm],
        )
        if data.letters
        else para(t("no_letters"), s.body)
    )
    story.append(para(t("h_documents"), s.h1))
    doc_rows = [
        [
            str(d.id),
            coded("document", d.kind, lang),
            d.filename,
            number(d.size, lang),
            t("deleted", reason=d.deleted_reason) if d.deleted else t("in_dossier"),
            d.sha256,
        ]
        for d in data.documents
    ]
    story.append(
        table(
            ["col_id", "col_type", "col_file", "col_bytes", "col_state", "col_sha"],
            doc_rows,
            [9 * mm, 22 * mm, 34 * mm, 15 * mm, 28 * mm],
        )
        if doc_rows
        else para(t("no_documents"), s.body)
    )
    if data.notes:
        story += [
            para(t("h_notes"), s.h1),
            table(
                ["col_time", "col_author", "col_text"], data.notes, [date_col + 12 * mm, 25 * mm]
            ),
        ]
    story += [para(t("h_timeline"), s.h1), para(t("timeline_note"), s.small), Spacer(0, 1 * mm)]
    timeline_rows = [
        [e.at, e.actor, coded("action", e.action, lang), e.summary] for e in data.timeline
    ]
    story.append(
        table(
            ["col_time", "col_actor", "col_action", "col_summary"],
            timeline_rows,
            [date_col, 22 * mm, 36 * mm],
        )
    )
    if data.chain is not None:
        story += chain_block(data.chain, t, s, label)
    footer = t("footer", ref=data.reference, org=data.organisation)
    return build_pdf(story, title=t("title", ref=data.reference), footer_left=footer, lang=lang)


def safe_filename(name: str) -> str:
    """A file name that is safe inside a ZIP on every system (no folders, no odd characters)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE.sub("_", base).strip(" .")
    return cleaned[:120] or "document"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


ContentLoader = Callable[[int], bytes | None]


def write_dossier_zip(
    data: DossierData,
    pdf: bytes,
    path: Path,
    load_content: ContentLoader,
    *,
    tick: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Write the ZIP: dossier PDF, every kept document, manifest.json. Returns the manifest.

    Each document is read through ``load_content`` one at a time, so large scans never sit in
    memory together. A stored hash that does not match the bytes is flagged, never hidden.
    """
    pdf_name = f"{data.reference}-dossier.pdf"
    files: list[dict[str, Any]] = [
        {"path": pdf_name, "sha256": _sha256(pdf), "size": len(pdf), "kind": "dossier"}
    ]
    kept = [d for d in data.documents if not d.deleted]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(pdf_name, pdf)
        for index, doc in enumerate(kept, start=1):
            content = load_content(doc.id)
            if content is None:
                continue
            member = f"documents/{doc.id}-{safe_filename(doc.filename)}"
            archive.writestr(member, content)
            actual = _sha256(content)
            files.append(
                {
                    "path": member,
                    "document_id": doc.id,
                    "kind": doc.kind,
                    "original_filename": doc.filename,
                    "media_type": doc.media_type,
                    "size": len(content),
                    "sha256": actual,
                    "recorded_sha256": doc.sha256,
                    "matches_record": actual == doc.sha256,
                }
            )
            if tick is not None:
                tick(index, len(kept))
        manifest = {
            "reference": data.reference,
            "organisation": data.organisation,
            "generated_at": data.generated_at.isoformat(),
            "files": files,
        }
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return manifest


def document_loader(session: Session) -> ContentLoader:
    def load(document_id: int) -> bytes | None:
        return session.scalar(select(Document.content).where(Document.id == document_id))

    return load
