"""Report use cases: register export, yearly report, case dossier and portability export."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.atomic_file import atomic_write
from app.core.enums import CaseStatus, RequestType
from app.core.errors import UserError, ValidationError
from app.core.faults import os_fault
from app.core.i18n import C_, _
from app.core.progress import Progress
from app.data.database import Database
from app.letters.kinds import letter_noun
from app.reports import register_export
from app.reports.portability import confirmed_records, write_portability_zip
from app.reports.yearly_figures import YearlyFigures, compute_figures
from app.services import audit
from app.services.lookup import case_by_reference
from app.services.paused import paused_dates_for
from app.services.stored_settings import active_organisation

if TYPE_CHECKING:  # ReportLab loads when a PDF is made, not when the app starts
    from app.reports.chain_check import ChainCheck

log = logging.getLogger(__name__)
LANGUAGES = ("nl", "en", "de")  # the reports and the dossier, like the letters


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it only when the block succeeds.

    A cancelled or failed export never leaves a half-written file under the chosen name.
    """
    path = path.expanduser()
    folder = path.resolve().parent
    if not folder.is_dir():
        raise UserError(
            _("The folder {folder} does not exist. Choose an existing folder.", folder=folder)
        )
    created = False  # False: the temporary file could not even be created in the folder
    try:
        with atomic_write(path) as temp:
            created = True
            yield temp
    except OSError as exc:
        if isinstance(exc, PermissionError) and not created:
            raise UserError(
                _("You may not write in {folder}. Choose another folder.", folder=folder)
            ) from exc
        fault = os_fault(exc, target=path)  # a full disk: named, and nothing left behind
        if fault is None:
            raise
        raise fault from exc


def _report(progress: Progress | None, fraction: float, message: str = "") -> None:
    if progress is not None:
        progress.report(fraction, message)


def _check_choices(statuses: tuple[str, ...], request_type: str) -> None:
    errors: dict[str, str] = {}
    known_status = {s.value for s in CaseStatus}
    bad = [s for s in statuses if s not in known_status]
    if bad:
        errors["status"] = _(
            "Unknown status {items}; use one of {items2}.",
            items=", ".join(bad),
            items2=", ".join(sorted(known_status)),
        )
    if request_type and request_type not in {t.value for t in RequestType}:
        errors["type"] = f"Unknown request type '{request_type}'; use one of " + ", ".join(
            t.value for t in RequestType
        )
    if errors:
        raise ValidationError(errors)


def export_request_register(
    db: Database,
    *,
    path: Path,
    received_from: date,
    received_to: date,
    fmt: str = "xlsx",
    statuses: tuple[str, ...] = (),
    request_type: str = "",
    with_personal_data: bool = False,
    lang: str = "nl",
    actor: str = "system",
    today: date | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the register of requests received in the period; returns the number of rows.

    Names, postcodes and cities only appear with ``with_personal_data``; the export itself is
    recorded in the audit trail (who exported what, with or without personal data).
    """
    today = today or date.today()
    if fmt not in register_export.FORMATS:
        raise ValidationError({"format": _("Choose csv or xlsx.")})
    if lang not in LANGUAGES:
        raise ValidationError({"lang": _("Choose nl, en or de.")})
    if received_from > received_to:
        raise ValidationError({"from": _("The start of the period is after its end.")})
    _check_choices(statuses, request_type)
    flt = register_export.RegisterFilter(
        received_from, received_to, statuses, request_type, with_personal_data
    )
    cols = register_export.columns(with_personal_data=with_personal_data, lang=lang)
    with atomic_output(path) as temp, db.session() as session:
        total = register_export.count_rows(session, flt)
        _report(progress, 0.0, _("{done} of {total}", done=0, total=total))

        def tick(done: int) -> None:
            _report(
                progress,
                done / total if total else 1.0,
                _("{done} of {total}", done=done, total=total),
            )

        rows = register_export.iter_rows(
            session,
            flt,
            today=today,
            lang=lang,
            paused_dates_of=lambda ids: paused_dates_for(session.connection(), ids, today),
        )
        if fmt == "csv":
            count = register_export.write_csv(rows, cols, temp, tick=tick)
        else:
            title = C_("register", "Register of GDPR requests").render(lang)
            count = register_export.write_xlsx(rows, cols, temp, sheet_title=title, tick=tick)
        _report(progress, 1.0, _("{done} of {total}", done=count, total=total))
    with db.session() as session:
        audit.record(
            session,
            case=None,
            actor=actor,
            action="register_exported",
            summary=(
                _(
                    "Register exported: {count} cases received {start} – {end} as {fmt} WITH "
                    "personal data",
                    count=count,
                    start=received_from.isoformat(),
                    end=received_to.isoformat(),
                    fmt=fmt,
                )
                if with_personal_data
                else _(
                    "Register exported: {count} cases received {start} – {end} as {fmt}",
                    count=count,
                    start=received_from.isoformat(),
                    end=received_to.isoformat(),
                    fmt=fmt,
                )
            ),
            after={
                "from": received_from,
                "to": received_to,
                "format": fmt,
                "rows": count,
                "statuses": list(statuses),
                "type": request_type,
                "with_personal_data": with_personal_data,
            },
        )
    log.info("register exported: %d rows, personal data %s", count, with_personal_data)
    return count


def compute_period_figures(
    db: Database,
    *,
    start: date,
    end: date,
    today: date | None = None,
    progress: Progress | None = None,
) -> YearlyFigures:
    """The report figures for cases received from ``start`` to ``end`` (inclusive)."""
    if start > end:
        raise ValidationError({"from": _("The start of the period is after its end.")})
    with db.session() as session:
        return compute_figures(
            session,
            start=start,
            end=end,
            today=today or date.today(),
            tick=None if progress is None else lambda f: progress.report(0.8 * f, _("figures")),
        )


def compute_yearly_figures(
    db: Database, year: int, *, today: date | None = None, progress: Progress | None = None
) -> YearlyFigures:
    """The figures of the requests received in calendar year ``year``."""
    return compute_period_figures(
        db, start=date(year, 1, 1), end=date(year, 12, 31), today=today, progress=progress
    )


def yearly_report(
    db: Database,
    *,
    year: int | None = None,
    start: date | None = None,
    end: date | None = None,
    lang: str = "nl",
    path: Path | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> bytes:
    """Render the yearly (or period) report PDF (to ``path`` when given); no personal data."""
    if lang not in LANGUAGES:
        raise ValidationError({"lang": _("Choose nl, en or de.")})
    if year is not None:
        start, end = date(year, 1, 1), date(year, 12, 31)
    if start is None or end is None:
        raise ValidationError({"year": _("Give a year, or the start and end of the period.")})
    figures = compute_period_figures(db, start=start, end=end, today=today, progress=progress)
    with db.session() as session:
        org = active_organisation(session)
        name, weeks = org.name, org.promise_weeks
    _report(progress, 0.85, _("layout"))
    chain = _chain_check(db, lang)
    from app.reports.yearly_report import render_yearly_pdf

    pdf = render_yearly_pdf(figures, organisation=name, promise_weeks=weeks, lang=lang, chain=chain)
    if path is not None:
        with atomic_output(path) as temp:
            temp.write_bytes(pdf)
    _report(progress, 1.0, _("done"))
    return pdf


def _chain_check(db: Database, lang: str, case_id: int | None = None) -> ChainCheck:
    """Verify the audit chain's events added since the last intact check (and the case's
    documents) for the printed record, which says which kind of check it was."""
    from app.reports.chain_check import ChainCheck
    from app.services.audit_chain import describe
    from app.services.audit_checkpoint import verify_since_checkpoint

    result = verify_since_checkpoint(db, documents=case_id is not None, case_id=case_id)
    problem = describe(result.problems[0], lang) if result.problems else ""
    head = result.head.short() if result.head else ""
    since = result.since.short() if result.since else ""
    return ChainCheck(result.ok, result.events, result.documents, head, problem, since)


def case_dossier(
    db: Database,
    *,
    reference: str,
    path: Path,
    actor: str,
    now: datetime | None = None,
    progress: Progress | None = None,
    lang: str | None = None,
) -> dict[str, Any]:
    """Write the dossier ZIP (PDF + documents + manifest.json); returns the manifest.

    The PDF is in ``lang`` ("nl", "en" or "de"); without it, in the case's answer language, else in
    the organisation's default language. manifest.json stays English (it is read by programs).
    """
    if lang is not None and lang not in LANGUAGES:
        raise ValidationError({"lang": _("Choose nl, en or de.")})
    now = now or datetime.now(UTC)
    with db.session() as session:
        case = case_by_reference(session, reference)
        org = active_organisation(session)
        chosen = next(
            c for c in (lang, case.language, org.default_language, "nl") if c in LANGUAGES
        )
        case_id = case.id
    chain = _chain_check(db, chosen, case_id)  # before the export's own transaction
    from app.reports import dossier as dossier_module  # ReportLab: loaded for a PDF only

    with atomic_output(path) as temp, db.session() as session:
        case = case_by_reference(session, reference)
        org = active_organisation(session)
        data = dossier_module.collect_dossier(
            session, case, organisation=org.name, now=now, letter_noun=letter_noun, lang=chosen
        )
        data = dataclasses.replace(data, chain=chain)
        _report(progress, 0.1, _("dossier"))
        pdf = dossier_module.render_dossier_pdf(data)
        _report(progress, 0.3, _("documents"))

        def tick(done: int, total: int) -> None:
            _report(
                progress,
                0.3 + 0.7 * done / total,
                _("document {done} of {total}", done=done, total=total),
            )

        manifest = dossier_module.write_dossier_zip(
            data, pdf, temp, dossier_module.document_loader(session), tick=tick
        )
        mismatched = [f["path"] for f in manifest["files"] if f.get("matches_record") is False]
        if mismatched:
            log.warning(
                "dossier %s: %d document(s) differ from their stored hash",
                case.reference,
                len(mismatched),
            )
        audit.record(
            session,
            case=case,
            actor=actor,
            action="dossier_exported",
            summary=_(
                "Dossier exported ({files} files); {n} document(s) differ from their stored hash",
                files=len(manifest["files"]),
                n=len(mismatched),
            )
            if mismatched
            else _("Dossier exported ({files} files)", files=len(manifest["files"])),
            after={
                "files": len(manifest["files"]),
                "hash_mismatches": len(mismatched),
                "lang": chosen,
            },
        )
    _report(progress, 1.0, _("done"))
    return manifest


def portability_export(
    db: Database,
    *,
    reference: str,
    path: Path,
    actor: str,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the Art. 20 ZIP of the confirmed findings; returns the number of records."""
    now = now or datetime.now(UTC)
    with atomic_output(path) as temp, db.session() as session:
        case = case_by_reference(session, reference)
        if case.anonymised_at is not None:
            raise UserError(
                _(
                    "Case {reference} is anonymised; its data can no longer be exported.",
                    reference=case.reference,
                )
            )
        records = confirmed_records(session, case.id)
        _report(progress, 0.5, _("records"))
        write_portability_zip(
            temp,
            reference=case.reference,
            organisation=active_organisation(session).name,
            created=now,
            records=records,
        )
        audit.record(
            session,
            case=case,
            actor=actor,
            action="portability_exported",
            summary=_("Portability export made ({n} confirmed records)", n=len(records)),
            after={"records": len(records)},
        )
    _report(progress, 1.0, _("done"))
    return len(records)
