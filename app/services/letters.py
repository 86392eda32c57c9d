"""Letter workflow: fill a letter from the case, edit the draft, preview, finalise, print."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.code_words import code_word
from app.core.enums import CaseStatus, DocumentKind
from app.core.errors import NotFoundError, UserError, ValidationError
from app.core.i18n import _
from app.core.outcomes import (
    COMPELLING_GROUNDS_ART_21,
    GRANTED,
    KEPT_UNDER_ART_17_3,
    MANIFESTLY_UNFOUNDED_OR_EXCESSIVE,
    NO_DATA,
    PARTLY_REFUSED,
    REFUSED,
    STATED_IN_REFUSAL_LETTER,
    WITHHELD_FROM_ACCESS,
)
from app.core.status import allowed_next
from app.data.database import Database
from app.data.models import (
    Case,
    Document,
    Finding,
    Letter,
    Pause,
    RecipientNotice,
)
from app.letters import (
    ComposedLetter,
    LetterType,
    compose_text,
    merge_pdfs,
    render_letter,
)
from app.services import audit
from app.services.case_documents import store_document
from app.services.deadlines import calendar_settings, deadline_input, refresh
from app.services.letter_context import build_context, change_actions, layout_of, option_flag
from app.services.lookup import case_by_reference
from app.services.settings import officer_name_in

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ANSWER_TYPES = {
    LetterType.ACCESS,
    LetterType.RECTIFICATION,
    LetterType.ERASURE,
    LetterType.OBJECTION,
}

# Options a letter type needs from the officer (the form asks for them; the CLI takes --set).
OPTIONS: dict[LetterType, tuple[str, ...]] = {
    LetterType.CLARIFICATION: ("what_needed", "why", "id_copy_needed"),
    LetterType.EXTENSION: ("reasons",),
    LetterType.OBJECTION: ("direct_marketing", "upheld", "grounds"),
    LetterType.REFUSAL: ("reasons", "manifestly_unfounded_or_excessive"),
    LetterType.RECIPIENT_NOTICE: (
        "recipient_name",
        "recipient_street",
        "recipient_postcode",
        "recipient_city",
        "recipient_country",
        "action",
        "details",
    ),
    LetterType.ACCESS: ("redactions",),
}


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


def _letter_type(value: str) -> LetterType:
    try:
        return LetterType(value)
    except ValueError:
        known = ", ".join(t.value for t in LetterType)
        raise ValidationError(
            {"letter_type": _("Unknown letter type. Use one of: {known}.", known=known)}
        ) from None


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
    kind = _letter_type(letter_type)
    with db.session() as session:
        case = case_by_reference(session, reference)
        ctx = build_context(
            session,
            case,
            letter_type=kind,
            lang=lang or case.language,
            letter_date=letter_date or date.today(),
            handled_by=officer_name_in(session, handled_by),
            options=options,
        )
        return render_letter(ctx, compose_text(ctx), layout_of(session))


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
    kind = _letter_type(letter_type)
    with db.session() as session:
        case = case_by_reference(session, reference)
        language = lang or case.language
        ctx = build_context(
            session,
            case,
            letter_type=kind,
            lang=language,
            letter_date=letter_date or date.today(),
            handled_by=officer_name_in(session, actor),
            options=options,
        )
        composed = compose_text(ctx)
        letter = Letter(
            case_id=case.id,
            letter_type=kind.value,
            language=language,
            subject=composed.subject,
            body=composed.body,
            status="draft",
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
                kind=code_word("letter", kind.value),
                language=language,
            ),
            after={"letter_id": letter.id, "type": kind.value},
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
        if letter.status == "final":
            raise UserError(
                _(
                    "This letter is final and was sent; it cannot be changed. Make a new letter "
                    "as a "
                    "correction."
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


def _render_stored(session: Session, letter: Letter, case: Case, letter_date: date) -> bytes:
    ctx = build_context(
        session,
        case,
        letter_type=LetterType(letter.letter_type),
        lang=letter.language,
        letter_date=letter_date,
        handled_by=officer_name_in(session, letter.created_by),
        options=_options(letter),
    )
    return render_letter(ctx, ComposedLetter(letter.subject, letter.body), layout_of(session))


def preview_letter(db: Database, *, letter_id: int, today: date | None = None) -> bytes:
    """The PDF of a draft as it would be printed today; a final letter gives its stored copy."""
    with db.session() as session:
        letter, case = _letter(session, letter_id)
        if letter.status == "final" and letter.document_id is not None:
            doc = session.get(Document, letter.document_id)
            if doc is not None and doc.content is not None:
                return doc.content
        return _render_stored(session, letter, case, today or date.today())


def _advance_for_answer(
    session: Session, case: Case, actor: str, kind: LetterType, today: date
) -> None:
    """Record what a sent letter means for the case: acknowledged, answered, paused, extended."""
    status = CaseStatus(case.status)
    moves: list[CaseStatus] = []
    if kind == LetterType.ACKNOWLEDGEMENT and case.acknowledged_on is None:
        case.acknowledged_on = today
    elif kind == LetterType.REFUSAL:
        case.answered_on = case.answered_on or today
        if CaseStatus.REFUSED in allowed_next(status):
            moves = [CaseStatus.REFUSED]
    elif kind in ANSWER_TYPES:
        case.answered_on = case.answered_on or today
        if status in (CaseStatus.REGISTERED, CaseStatus.IDENTITY_CHECK):
            moves = [CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED]
        elif status == CaseStatus.IN_PROGRESS:
            moves = [CaseStatus.ANSWERED]
    elif kind == LetterType.CLARIFICATION and not any(p.end_on is None for p in case.pauses):
        case.pauses.append(Pause(start_on=today, reason="Clarification/identity letter sent"))
        if CaseStatus.ON_HOLD in allowed_next(status):
            moves = [CaseStatus.ON_HOLD]
        audit.record(
            session,
            case=case,
            actor=actor,
            action="pause_started",
            summary=_(
                "Clock paused from {date}: clarification letter sent", date=today.isoformat()
            ),
        )
    for new in moves:
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


def _decisions_of_letter(
    session: Session, case: Case, kind: LetterType, options: Mapping[str, str]
) -> dict[str, tuple[str, str]]:
    """The decision per request type that a sent answer communicates: (outcome, refusal ground)."""
    codes = {t.code for t in case.request_types}
    decided: dict[str, tuple[str, str]] = {}
    if kind == LetterType.ACCESS:
        confirmed = session.scalar(
            select(func.count(Finding.id)).where(
                Finding.case_id == case.id, Finding.review == "confirmed"
            )
        )
        access = (
            (NO_DATA, "")
            if not confirmed
            else (PARTLY_REFUSED, WITHHELD_FROM_ACCESS)
            if options.get("redactions")
            else (GRANTED, "")
        )
        decided = {c: access for c in ("access", "portability") if c in codes}
    elif kind in (LetterType.ERASURE, LetterType.RECTIFICATION):
        operation = "erasure" if kind == LetterType.ERASURE else "rectification"
        outcomes = {a.outcome for a in change_actions(session, case, operation)}
        if "kept" not in outcomes:
            decided = {operation: (GRANTED, "")}
        else:
            ground = KEPT_UNDER_ART_17_3 if operation == "erasure" else STATED_IN_REFUSAL_LETTER
            decided = {operation: (PARTLY_REFUSED, ground)}
    elif kind == LetterType.OBJECTION:
        # Direct marketing objections are always upheld (Art. 21(3)); others as decided.
        direct = option_flag(options, "direct_marketing", default=True)
        upheld = direct or option_flag(options, "upheld", default=True)
        decided = {"objection": (GRANTED, "") if upheld else (REFUSED, COMPELLING_GROUNDS_ART_21)}
    elif kind == LetterType.REFUSAL:
        unfounded = option_flag(options, "manifestly_unfounded_or_excessive")
        ground = MANIFESTLY_UNFOUNDED_OR_EXCESSIVE if unfounded else STATED_IN_REFUSAL_LETTER
        decided = {c: (REFUSED, ground) for c in codes}
    return {c: o for c, o in decided.items() if c in codes}


def _record_decisions(
    session: Session, case: Case, actor: str, kind: LetterType, options: Mapping[str, str]
) -> None:
    by_code = {t.code: t for t in case.request_types}
    new = {
        c: decision
        for c, decision in _decisions_of_letter(session, case, kind, options).items()
        if not by_code[c].outcome
    }
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
            "{summary} ({kind} letter)", summary=summary, kind=code_word("letter", kind.value)
        ),
        after={c: o for c, (o, _) in new.items()},
    )


def finalise_letter(
    db: Database, *, actor: str, letter_id: int, today: date | None = None
) -> LetterInfo:
    """Render, store the exact PDF with its SHA-256, lock the letter and update the case."""
    today = today or date.today()
    with db.session() as session:
        letter, case = _letter(session, letter_id)
        if letter.status == "final":
            raise UserError(_("This letter is already final. Make a new letter for a correction."))
        kind = LetterType(letter.letter_type)
        if kind == LetterType.EXTENSION and case.extension_notice_on is None:
            from app.core.deadlines import check_extension_allowed

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
        pdf = _render_stored(session, letter, case, today)
        doc = store_document(
            session,
            case=case,
            actor=actor,
            content=pdf,
            filename=f"{case.reference}-{kind.value}-{today.isoformat()}-{letter.id}.pdf",
            media_type="application/pdf",
            kind=DocumentKind.LETTER,
        )
        letter.status = "final"
        letter.letter_date = today
        letter.document_id = doc.id
        letter.finalised_at = datetime.now(UTC)
        letter.finalised_by = actor
        if kind == LetterType.RECIPIENT_NOTICE:
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
                kind=code_word("letter", kind.value),
                language=letter.language,
                sha256=doc.sha256,
            ),
            after={"letter_id": letter.id, "document_id": doc.id, "sha256": doc.sha256},
        )
        _record_decisions(session, case, actor, kind, _options(letter))
        _advance_for_answer(session, case, actor, kind, today)
        return _info(session, letter, case.reference)


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
                Letter.status == "final", Letter.finalised_at >= start, Letter.finalised_at < end
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
    return merge_pdfs(pdfs, duplex=duplex)


def default_options(letter_type: str, lang: str = "nl") -> dict[str, str]:
    """Reasonable example options, for the selftest and the demo (the officer edits them)."""
    nl = lang == "nl"
    return {
        "clarification": {
            "what_needed": "uw klantnummer of het e-mailadres waarmee u bij ons bekend bent"
            if nl
            else "your customer number or the e-mail address you use with us",
            "why": "wij vinden meerdere personen met uw naam"
            if nl
            else "we hold several people with your name",
        },
        "extension": {
            "reasons": "uw verzoek betreft veel systemen"
            if nl
            else "your request covers many systems"
        },
        "refusal": {
            "reasons": "wij verwerken geen gegevens van u" if nl else "we do not process your data"
        },
        "recipient_notice": {
            "recipient_name": "Mailing Partners B.V.",
            "recipient_street": "Postbus 100",
            "recipient_postcode": "5211 AA",
            "recipient_city": "'s-Hertogenbosch",
            "action": "erasure",
            "details": "e-mailadres en naam" if nl else "e-mail address and name",
        },
    }.get(letter_type, {})
