"""Letter workflow: fill a letter from the case, edit the draft, preview, finalise, print."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.code_words import code_word
from app.core.deadlines import check_extension_allowed
from app.core.enums import CaseStatus, DocumentKind, FindingReview, LetterStatus
from app.core.errors import NotFoundError, UserError, ValidationError
from app.core.finalise_gate import Unmet, apply_overrides
from app.core.i18n import _
from app.core.letter_effects import (
    CaseState,
    DecisionFacts,
    DecisionRule,
    LetterEffect,
    case_change,
    decisions,
)
from app.data.database import Database
from app.data.models import (
    Case,
    Document,
    Finding,
    Letter,
    Pause,
    RecipientNotice,
)
from app.letters import ComposedLetter, LetterContext, compose_text
from app.letters.compose import not_done_text, with_not_done, without_full_search_claim
from app.letters.kinds import LetterKind, letter_kind
from app.services import audit
from app.services.case_documents import store_document
from app.services.deadlines import calendar_settings, deadline_input, refresh
from app.services.gate import lock_case, unmet_in
from app.services.letter_context import build_context, layout_of
from app.services.letter_payloads import change_actions
from app.services.letter_post import mark_printed
from app.services.lookup import case_by_reference
from app.services.settings import handler_name_in

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class LetterInfo:
    id: int
    reference: str
    letter_type: str
    language: str
    subject: str
    body: str
    status: str
    letter_date: date | None
    document_id: int | None
    sha256: str
    finalised_at: datetime | None
    finalised_by: str
    recipient_name: str


def render_for_case(
    db: Database,
    *,
    reference: str,
    letter_type: str,
    lang: str | None = None,
    options: Mapping[str, str] | None = None,
    handled_by: str,
    letter_date: date | None = None,
) -> bytes:
    """Fill and render a letter without storing anything (CLI `letter`, previews, selftest)."""
    kind = letter_kind(letter_type)
    with db.session() as session:
        case = case_by_reference(session, reference)
        ctx = build_context(
            session,
            case,
            letter_type=kind.code,
            lang=lang or case.language,
            letter_date=letter_date or date.today(),
            handled_by=handler_name_in(session, handled_by),
            options=options,
        )
        from app.letters.renderer import render_letter  # ReportLab: loaded for a PDF only

        return render_letter(ctx, compose_text(ctx), layout_of(session))


def log_appendix_for_case(
    db: Database,
    *,
    reference: str,
    letter_type: str,
    lang: str | None = None,
    options: Mapping[str, str] | None = None,
    handled_by: str,
    letter_date: date | None = None,
) -> bytes | None:
    """The separate log appendix that goes with ``render_for_case``, if the letter has one."""
    if letter_type != "access":
        return None
    from app.letters.log_appendix import render_log_appendix
    from app.letters.payloads import AccessPayload

    with db.session() as session:
        case = case_by_reference(session, reference)
        ctx = build_context(
            session,
            case,
            letter_type=letter_type,
            lang=lang or case.language,
            letter_date=letter_date or date.today(),
            handled_by=handler_name_in(session, handled_by),
            options=options,
        )
        payload = ctx.payload
        if not isinstance(payload, AccessPayload) or not payload.log_appendix:
            return None
        return render_log_appendix(ctx, payload, layout_of(session))


def draft_letter(
    db: Database,
    *,
    actor: str,
    reference: str,
    letter_type: str,
    lang: str | None = None,
    options: Mapping[str, str] | None = None,
    letter_date: date | None = None,
) -> LetterInfo:
    """Fill the template from the case and keep the text as an editable draft."""
    kind = letter_kind(letter_type)
    with db.session() as session:
        case = case_by_reference(session, reference)
        language = lang or case.language
        ctx = build_context(
            session,
            case,
            letter_type=kind.code,
            lang=language,
            letter_date=letter_date or date.today(),
            handled_by=handler_name_in(session, actor),
            options=options,
        )
        composed = compose_text(ctx)
        letter = Letter(
            case_id=case.id,
            letter_type=kind.code,
            language=language,
            subject=composed.subject,
            body=composed.body,
            status=LetterStatus.DRAFT,
            created_by=actor,
            recipient_name=(options or {}).get("recipient_name", ""),
            options=dict(options or {}),
        )
        session.add(letter)
        session.flush()
        audit.record(
            session,
            case=case,
            actor=actor,
            action="letter_drafted",
            summary=_(
                "Draft {kind} letter ({language})",
                kind=code_word("letter", kind.code),
                language=language,
            ),
            after={"letter_id": letter.id, "type": kind.code},
        )
        return _info(session, letter, case.reference)


def _options(letter: Letter) -> dict[str, str]:
    return {str(k): str(v) for k, v in (letter.options or {}).items()}


def _info(session: Session, letter: Letter, reference: str) -> LetterInfo:
    sha = ""
    if letter.document_id is not None:
        doc = session.get(Document, letter.document_id)
        sha = "" if doc is None else doc.sha256
    return LetterInfo(
        id=letter.id,
        reference=reference,
        letter_type=letter.letter_type,
        language=letter.language,
        subject=letter.subject,
        body=letter.body,
        status=letter.status,
        letter_date=letter.letter_date,
        document_id=letter.document_id,
        sha256=sha,
        finalised_at=letter.finalised_at,
        finalised_by=letter.finalised_by,
        recipient_name=letter.recipient_name,
    )


def _letter(session: Session, letter_id: int) -> tuple[Letter, Case]:
    letter = session.get(Letter, letter_id)
    if letter is None:
        raise NotFoundError(_("That letter no longer exists."))
    case = session.get(Case, letter.case_id)
    assert case is not None
    return letter, case


def update_draft(db: Database, *, actor: str, letter_id: int, subject: str, body: str) -> None:
    if not subject.strip() or not body.strip():
        raise ValidationError({"body": _("A letter needs a subject and a text.")})
    with db.session() as session:
        letter, case = _letter(session, letter_id)
        if letter.status == LetterStatus.FINAL:
            raise UserError(
                _(
                    "This letter is final and was sent; it cannot be changed. Make a new letter "
                    "as a correction."
                )
            )
        letter.subject, letter.body = subject.strip(), body.strip()
        audit.record(
            session,
            case=case,
            actor=actor,
            action="letter_edited",
            summary=_("Draft letter {id} edited", id=letter.id),
        )


def _stored_context(
    session: Session, letter: Letter, case: Case, letter_date: date
) -> LetterContext:
    """The context of a stored letter: built once and used for the letter and its appendix."""
    return build_context(
        session,
        case,
        letter_type=letter.letter_type,
        lang=letter.language,
        letter_date=letter_date,
        handled_by=handler_name_in(session, letter.created_by),
        options=_options(letter),
    )


def _render_stored(session: Session, letter: Letter, ctx: LetterContext) -> bytes:
    from app.letters.renderer import render_letter

    return render_letter(ctx, ComposedLetter(letter.subject, letter.body), layout_of(session))


def _letter_name(reference: str, code: str, day: date, letter_id: int) -> str:
    return f"{reference}-{code}-{day.isoformat()}-{letter_id}.pdf"


def _log_appendix_name(reference: str, code: str, day: date, letter_id: int) -> str:
    return _letter_name(reference, code, day, letter_id).removesuffix(".pdf") + "-log.pdf"


def _log_appendix(session: Session, letter: Letter, ctx: LetterContext) -> bytes | None:
    """The separate log-data appendix of an access answer with many log lines, else None."""
    if letter.letter_type != "access":
        return None
    from app.letters.log_appendix import render_log_appendix
    from app.letters.payloads import AccessPayload

    payload = ctx.payload
    if not isinstance(payload, AccessPayload) or not payload.log_appendix:
        return None
    return render_log_appendix(ctx, payload, layout_of(session))


def log_appendix_pdf(db: Database, *, letter_id: int, today: date | None = None) -> bytes | None:
    """The letter's separate log appendix: the stored one of a final letter, else rendered."""
    with db.session() as session:
        letter, case = _letter(session, letter_id)
        if letter.status == LetterStatus.FINAL and letter.letter_date is not None:
            name = _log_appendix_name(
                case.reference, letter.letter_type, letter.letter_date, letter.id
            )
            doc = session.scalar(
                select(Document).where(Document.case_id == case.id, Document.filename == name)
            )
            return None if doc is None else doc.content
        if letter.letter_type != "access":
            return None
        return _log_appendix(
            session, letter, _stored_context(session, letter, case, today or date.today())
        )


def preview_letter(db: Database, *, letter_id: int, today: date | None = None) -> bytes:
    """The PDF of a draft as it would be printed today; a final letter gives its stored copy."""
    with db.session() as session:
        letter, case = _letter(session, letter_id)
        if letter.status == LetterStatus.FINAL and letter.document_id is not None:
            doc = session.get(Document, letter.document_id)
            if doc is not None and doc.content is not None:
                return doc.content
        ctx = _stored_context(session, letter, case, today or date.today())
        return _render_stored(session, letter, ctx)


def _advance_for_answer(
    session: Session, case: Case, actor: str, effect: LetterEffect, today: date
) -> None:
    """Record what a sent letter means for the case: acknowledged, answered, paused, extended."""
    state = CaseState(
        status=CaseStatus(case.status),
        acknowledged=case.acknowledged_on is not None,
        open_pause=any(p.end_on is None for p in case.pauses),
    )
    change = case_change(effect, state)
    if change.acknowledge:
        case.acknowledged_on = today
    if change.answer:
        case.answered_on = case.answered_on or today
    if change.start_pause:
        case.pauses.append(Pause(start_on=today, reason="Clarification/identity letter sent"))
        audit.record(
            session,
            case=case,
            actor=actor,
            action="pause_started",
            summary=_(
                "Clock paused from {date}: clarification letter sent", date=today.isoformat()
            ),
        )
    for new in change.moves:
        audit.record(
            session,
            case=case,
            actor=actor,
            action="status_changed",
            summary=_(
                "Status {old} -> {new} (letter sent)",
                old=code_word("status", case.status),
                new=code_word("status", new.value),
            ),
            before={"status": case.status},
            after={"status": new.value},
        )
        case.status = new.value
    session.flush()
    refresh(session, case)


def _decision_facts(
    session: Session, case: Case, rule: DecisionRule, options: Mapping[str, str]
) -> DecisionFacts:
    """The facts the kind's decision rule reads, queried only when the rule needs them."""
    confirmed = 0
    outcomes: frozenset[str] = frozenset()
    withheld = False
    if rule == DecisionRule.ACCESS:
        from app.services.access_answer import build_access_payload

        withheld = build_access_payload(session, case, options, case.language).partly_refused
        confirmed = (
            session.scalar(
                select(func.count(Finding.id)).where(
                    Finding.case_id == case.id, Finding.review == FindingReview.CONFIRMED
                )
            )
            or 0
        )
    elif rule in (DecisionRule.ERASURE, DecisionRule.RECTIFICATION):
        # Data that deletes itself (log lines) is no refusal: only a ground of Art. 17(3) is.
        outcomes = frozenset(
            "expires" if a.outcome == "kept" and a.keep_ground == "expires" else a.outcome
            for a in change_actions(session, case, rule.value)
        )
    return DecisionFacts(
        request_codes=frozenset(t.code for t in case.request_types),
        options=options,
        confirmed_findings=confirmed,
        change_outcomes=outcomes,
        withheld=withheld,
    )


def _record_decisions(
    session: Session, case: Case, actor: str, kind: LetterKind, options: Mapping[str, str]
) -> None:
    rule = kind.effect.decides
    if rule == DecisionRule.NONE:
        return
    by_code = {t.code: t for t in case.request_types}
    facts = _decision_facts(session, case, rule, options)
    new = {c: decision for c, decision in decisions(rule, facts).items() if not by_code[c].outcome}
    if not new:
        return
    for code, (outcome, ground) in new.items():
        by_code[code].outcome = outcome
        by_code[code].refusal_ground = ground
    summary = ", ".join(f"{c}: {o}" + (f" ({g})" if g else "") for c, (o, g) in sorted(new.items()))
    audit.record(
        session,
        case=case,
        actor=actor,
        action="decision_recorded",
        summary=_(
            "{summary} ({kind} letter)", summary=summary, kind=code_word("letter", kind.code)
        ),
        after={c: o for c, (o, _) in new.items()},
    )


def _overridden(
    session: Session,
    letter: Letter,
    case: Case,
    kind: LetterKind,
    overrides: Mapping[str, str],
) -> list[Unmet]:
    """Check the kind's gate; the unmet conditions the officer overrode (else GateRefused)."""
    return apply_overrides(
        unmet_in(session, case, kind, _options(letter), letter.language), overrides
    )


def finalise_letter(
    db: Database,
    *,
    actor: str,
    letter_id: int,
    today: date | None = None,
    overrides: Mapping[str, str] | None = None,
) -> LetterInfo:
    """Render, store the exact PDF with its SHA-256, lock the letter and update the case.

    An answer letter passes its kind's finalise gate first (GateRefused lists what is still to
    be done); ``overrides`` maps a condition to the officer's written reason for going on
    without it: audited, and the letter then says what was not done.
    """
    today = today or date.today()
    overrides = {str(k): str(v) for k, v in (overrides or {}).items()}
    # One transaction: the gate check, the letter, its archived copy and the audit entries are
    # written together. The check runs under the case's lock, before the rendering, so two
    # officers cannot both pass on an old state and the officer hears at once what is missing.
    with db.session() as session:
        case_id = session.scalar(select(Letter.case_id).where(Letter.id == letter_id))
        if case_id is None:
            raise NotFoundError(_("That letter no longer exists."))
        lock_case(session, case_id)
        letter, case = _letter(session, letter_id)
        if letter.status == LetterStatus.FINAL:
            raise UserError(_("This letter is already final. Make a new letter for a correction."))
        kind = letter_kind(letter.letter_type)
        overridden = _overridden(session, letter, case, kind, overrides)
        if overridden:
            _record_overrides(session, letter, case, kind, actor, overridden, overrides)
        if kind.effect.extends_deadline and case.extension_notice_on is None:
            check_extension_allowed(deadline_input(case, calendar_settings(session)), today)
            case.extension_notice_on = today
            case.extension_reason = _options(letter).get("reasons", "") or "see letter"
            audit.record(
                session,
                case=case,
                actor=actor,
                action="extension_granted",
                summary=_("Extension notice sent (letter)"),
                after={"notice_sent_on": today},
            )
        ctx = _stored_context(session, letter, case, today)
        pdf = _render_stored(session, letter, ctx)
        doc = store_document(
            session,
            case=case,
            actor=actor,
            content=pdf,
            filename=_letter_name(case.reference, kind.code, today, letter.id),
            media_type="application/pdf",
            kind=DocumentKind.LETTER,
        )
        appendix = _log_appendix(session, letter, ctx)
        if appendix is not None:
            store_document(
                session,
                case=case,
                actor=actor,
                content=appendix,
                filename=_log_appendix_name(case.reference, kind.code, today, letter.id),
                media_type="application/pdf",
                kind=DocumentKind.LETTER,
            )
        letter.status = LetterStatus.FINAL
        letter.letter_date = today
        letter.document_id = doc.id
        letter.finalised_at = datetime.now(UTC)
        letter.finalised_by = actor
        if kind.effect.notifies_recipient:
            opts = _options(letter)
            session.add(
                RecipientNotice(
                    case_id=case.id,
                    recipient=opts.get("recipient_name", "") or letter.recipient_name,
                    action=opts.get("action", "erasure"),
                    method="letter",
                    notified_on=today,
                    notified_by=actor,
                )
            )
        audit.record(
            session,
            case=case,
            actor=actor,
            action="letter_sent",
            summary=_(
                "{kind} letter final ({language}), sha256 {sha256}",
                kind=code_word("letter", kind.code),
                language=letter.language,
                sha256=doc.sha256,
            ),
            after={"letter_id": letter.id, "document_id": doc.id, "sha256": doc.sha256},
        )
        _record_decisions(session, case, actor, kind, _options(letter))
        _advance_for_answer(session, case, actor, kind.effect, today)
        return _info(session, letter, case.reference)


def _record_overrides(
    session: Session,
    letter: Letter,
    case: Case,
    kind: LetterKind,
    actor: str,
    overridden: list[Unmet],
    reasons: Mapping[str, str],
) -> None:
    """Audit each override with its reason; the letter names what was not done."""
    for unmet in overridden:
        code = unmet.condition.value
        audit.record(
            session,
            case=case,
            actor=actor,
            action="gate_overridden",
            summary=f"{kind.code} letter {letter.id} final without '{code}': {reasons[code]}",
            after={
                "letter_id": letter.id,
                "condition": code,
                "reason": reasons[code],
                "detail": unmet.detail,
            },
        )
    not_done = not_done_text(
        letter.language, {u.condition.value: u.detail for u in overridden}, kind.templates_dir
    )
    body = without_full_search_claim(
        letter.body, letter.language, {u.condition.value for u in overridden}
    )
    letter.body = with_not_done(body, letter.language, not_done, kind.templates_dir)


def letters_of(db: Database, *, reference: str) -> list[LetterInfo]:
    with db.session() as session:
        case = case_by_reference(session, reference)
        rows = session.scalars(select(Letter).where(Letter.case_id == case.id).order_by(Letter.id))
        return [_info(session, letter, case.reference) for letter in rows]


def letters_finalised_on(db: Database, *, day: date) -> list[LetterInfo]:
    start = datetime.combine(day, datetime.min.time(), AMSTERDAM).astimezone(UTC)
    end = start + timedelta(days=1)
    with db.session() as session:
        rows = session.execute(
            select(Letter, Case.reference)
            .join(Case, Case.id == Letter.case_id)
            .where(
                Letter.status == LetterStatus.FINAL,
                Letter.finalised_at >= start,
                Letter.finalised_at < end,
            )
            .order_by(Case.year, Case.seq, Letter.id)
        ).all()
        return [_info(session, letter, ref) for letter, ref in rows]


def todays_letters_pdf(db: Database, *, day: date | None = None, duplex: bool = False) -> bytes:
    """One merged PDF of every letter finalised that day, in reference order, for the printer."""
    letters = letters_finalised_on(db, day=day or datetime.now(AMSTERDAM).date())
    if not letters:
        raise UserError(_("No letters were finalised today; there is nothing to print."))
    with db.session() as session:
        pdfs = []
        for info in letters:
            doc = session.get(Document, info.document_id) if info.document_id else None
            if doc is None or doc.content is None:
                raise UserError(
                    _(
                        "The stored copy of the letter for {reference} is missing.",
                        reference=info.reference,
                    )
                )
            pdfs.append(doc.content)
        from app.letters.renderer import merge_pdfs

        merged = merge_pdfs(pdfs, duplex=duplex)
        mark_printed(session, [info.id for info in letters])
    return merged


def default_options(letter_type: str, lang: str = "nl") -> dict[str, str]:
    """Reasonable example options, for the selftest and the demo (the officer edits them)."""
    return letter_kind(letter_type).example_options(lang)
