"""CLI commands on cases: register, read, list, show, status, notes, documents, the clock."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.support import confirmed, current_actor, open_db, options_of, print_json, say
from app.core.enums import CaseStatus, Channel, IdentifierKind, Language, RequestType
from app.core.errors import UserError, ValidationError
from app.core.i18n import _, join, text_of
from app.core.spreadsheet import csv_writer
from app.core.validation import CaseInput, RepresentativeInput, split_name


def cmd_case_add(args: argparse.Namespace) -> int:
    from app.services.cases import register_case

    data = case_input_of(args, args.received)
    attachment = Path(args.attach) if args.attach else None
    db = open_db(args)
    reference = register_case(db, actor=current_actor(args), data=data, attachment=attachment)
    print(reference)
    warn_authorisation(data, reference)
    return 0


def warn_authorisation(data: CaseInput, reference: str) -> None:
    if data.representative is not None and data.representative.authorisation is None:
        say(
            _(
                "{reference} has a representative without an authorisation (machtiging): "
                "send the answer only after the authorisation is received.",
                reference=reference,
            ),
            prefix="warning: ",
            file=sys.stderr,
        )


def case_input_of(args: argparse.Namespace, received: date | None) -> CaseInput:
    """The letter's fields given on the command line (`case add`, `inbox register`)."""
    first, prefix, last = split_name(args.name or "")
    try:
        types = tuple(RequestType(t) for t in (args.type or []))
        identifiers = tuple(
            (IdentifierKind(kind), value)
            for kind, _sep, value in (item.partition("=") for item in args.identifier or [])
        )
    except ValueError as exc:
        raise UserError(
            _("{reason}. See `privacy-desk case add --help` for the allowed values.", reason=exc)
        ) from exc
    return CaseInput(
        request_types=types,
        received_on=received,
        first_name=first,
        name_prefix=prefix,
        last_name=last,
        salutation=args.salutation or "",
        street=args.street or "",
        postcode=args.postcode or "",
        city=args.city or "",
        country=args.country,
        email=args.email or "",
        phone=args.phone or "",
        their_reference=args.their_reference or "",
        their_letter_date=args.their_letter_date,
        channel=Channel(args.channel),
        language=Language(args.lang),
        identifiers=identifiers,
        summary=args.summary or "",
        representative=_representative_of(args),
    )


def _representative_of(args: argparse.Namespace) -> RepresentativeInput | None:
    """The --rep-* options; any of them means a representative (whose name is then required)."""
    fields = ("name", "role", "organisation", "street", "postcode", "city", "country", "email")
    given = {name: getattr(args, f"rep_{name}") or "" for name in fields}
    dated = getattr(args, "rep_authorisation_date", None)
    if not any(given.values()) and not args.rep_authorisation and dated is None:
        return None
    given["role"] = given["role"] or "other"
    given["country"] = given["country"] or "NL"
    file = Path(args.rep_authorisation) if args.rep_authorisation else None
    return RepresentativeInput(**given, authorisation=file, authorisation_dated=dated)


def cmd_case_read(args: argparse.Namespace) -> int:
    """Suggest what a letter asks (types, reminder, complaint, references) and who wrote it
    (each proposal with its source line and a confidence); the officer decides."""
    from app.data.database import ENV_DB, data_dir
    from app.reading.letter_file import letter_text_of_file
    from app.services.letter_reading import ReaderSettings, reader_settings

    text = letter_text_of_file(Path(args.file))  # before the database: a bad file says so first
    # Our organisation (the recipient, never the sender) and the customer number pattern come
    # from the database in use; reading a letter never creates one.
    known = args.db or os.environ.get(ENV_DB) or (data_dir() / "privacy-desk.sqlite3").is_file()
    settings = reader_settings(open_db(args)) if known else ReaderSettings()
    reading = settings.read(text)
    if args.format == "json":
        print_json(reading.to_json())
    else:
        print("\n".join(reading.summary_lines()))
    return 0


def _row_json(row: Any, today: date) -> dict[str, Any]:
    return {
        "reference": row.reference,
        "received": row.received_on.isoformat(),
        "types": list(row.types),
        "status": row.status,
        "requester": {"name": row.requester_name, "postcode": row.postcode, "city": row.city},
        "promise": None if row.promise_on is None else row.promise_on.isoformat(),
        "legal": None if row.legal_due_on is None else row.legal_due_on.isoformat(),
        "effective": None if row.effective_due_on is None else row.effective_due_on.isoformat(),
        "paused": row.paused,
        "days_left": row.days_left(today),
        "assigned_to": row.assigned_to,
    }


def cmd_case_list(args: argparse.Namespace) -> int:
    from app.services.case_queries import list_cases
    from app.services.dto import CaseFilter

    statuses: tuple[str, ...] = ()
    if args.status:
        try:
            statuses = tuple(CaseStatus(s).value for s in args.status)
        except ValueError as exc:
            allowed = ", ".join(s.value for s in CaseStatus)
            raise UserError(_("Unknown status. Use one of: {allowed}.", allowed=allowed)) from exc
    flt = CaseFilter(
        text=args.search or "",
        statuses=statuses,
        request_type=args.type or "",
        received_from=args.received_from,
        received_to=args.received_to,
        open_only=args.open,
    )
    db = open_db(args, reading=True)
    rows = list_cases(db, flt=flt, sort=args.sort, limit=None)
    today = date.today()
    if args.format == "json":
        print_json([_row_json(r, today) for r in rows])
    elif args.format == "csv":
        writer = csv_writer(sys.stdout)  # quoted, formulas neutralised (app.core.spreadsheet)
        writer.writerow(
            [
                "reference",
                "received",
                "types",
                "status",
                "name",
                "postcode",
                "city",
                "legal",
                "days_left",
            ]
        )
        for r in rows:
            writer.writerow(
                [
                    r.reference,
                    r.received_on.isoformat(),
                    "+".join(r.types),
                    r.status,
                    r.requester_name,
                    r.postcode,
                    r.city,
                    r.legal_due_on.isoformat() if r.legal_due_on else "",
                    r.days_left(today) if r.days_left(today) is not None else "",
                ]
            )
    else:
        print(
            f"{'reference':<15} {'received':<10} {'status':<14} {'due':<10} {'left':>5}  "
            f"{'types':<28} name"
        )
        for r in rows:
            left = r.days_left(today)
            due = (
                "paused"
                if r.paused
                else (r.effective_due_on.isoformat() if r.effective_due_on else "")
            )
            print(
                f"{r.reference:<15} {r.received_on.isoformat():<10} {r.status:<14} {due:<10} "
                f"{'' if left is None else left:>5}  {','.join(r.types):<28} {r.requester_name}"
            )
        say(_("{n} case(s)", n=len(rows)))
    return 0


def cmd_case_show(args: argparse.Namespace) -> int:
    from app.services.case_detail import get_case

    db = open_db(args, reading=True)
    detail = get_case(db, reference=args.reference)
    data = detail.to_json()
    if args.format == "json":
        print_json(data)
        return 0
    req = data["requester"]
    print(f"{detail.reference}  [{detail.status}]  {', '.join(detail.types)}")
    print(f"  requester : {req['name']}, {req['street']}, {req['postcode']}  {req['city']}")
    print(f"  received  : {data['received']} (registered {data['registered']})")
    print(f"  promise   : {data['promise']} (post by {data['post_by']})")
    print(
        f"  legal     : {data['legal']}   extended: {data['extended']}   paused: {data['paused']}"
    )
    for doc in data["documents"]:
        print(f"  document  : {doc['kind']} {doc['filename']} sha256={doc['sha256'][:16]}…")
    for event in data["audit"]:
        summary = text_of(event["summary"])  # a stored message: in the --lang language
        print(f"  {event['at'][:19]} {event['actor']:<10} {event['action']:<18} {summary}")
    return 0


def cmd_case_status(args: argparse.Namespace) -> int:
    from app.services.cases import change_status

    try:
        new = CaseStatus(args.status)
    except ValueError as exc:
        raise UserError(_("Unknown status '{status}'.", status=args.status)) from exc
    if new in (CaseStatus.CLOSED, CaseStatus.WITHDRAWN, CaseStatus.REFUSED):
        question = _(
            "Case {reference}: set the status to '{status}'? There is no way back from it.",
            reference=args.reference.upper(), status=new.value,
        )  # fmt: skip
        if not confirmed(args, question, what=_("change the status")):
            return 1
    db = open_db(args)
    change_status(
        db,
        actor=current_actor(args),
        reference=args.reference,
        new_status=new,
        note=args.note or "",
    )
    say(_("{reference} is now {status}", reference=args.reference.upper(), status=new.value))
    return 0


def cmd_case_note(args: argparse.Namespace) -> int:
    from app.services.case_records import add_note

    add_note(open_db(args), actor=current_actor(args), reference=args.reference, text=args.text)
    return 0


def cmd_case_attach(args: argparse.Namespace) -> int:
    from app.core.enums import DocumentKind
    from app.services.case_documents import add_document

    doc_id = add_document(
        open_db(args),
        actor=current_actor(args),
        reference=args.reference,
        path=Path(args.file),
        kind=DocumentKind(args.kind),
        masked=args.masked,
        authorisation_dated=args.dated,
    )
    print(doc_id)
    return 0


def cmd_case_link(args: argparse.Namespace) -> int:
    from app.services.case_records import link_cases

    link_cases(
        open_db(args),
        actor=current_actor(args),
        reference=args.reference,
        other_reference=args.other_reference,
        relation=args.relation,
    )
    return 0


def cmd_case_pause(args: argparse.Namespace) -> int:
    from app.services.deadlines import start_pause

    start_pause(
        open_db(args),
        actor=current_actor(args),
        reference=args.reference,
        start_on=args.start or date.today(),
        reason=args.reason,
        today=date.today(),
    )
    return 0


def cmd_case_resume(args: argparse.Namespace) -> int:
    from app.services.deadlines import end_pause

    end_pause(
        open_db(args),
        actor=current_actor(args),
        reference=args.reference,
        end_on=args.end or date.today(),
        today=date.today(),
    )
    return 0


def cmd_case_extend(args: argparse.Namespace) -> int:
    from app.core.deadlines import deadlines_to_json
    from app.services.deadlines import grant_extension

    result = grant_extension(
        open_db(args),
        actor=current_actor(args),
        reference=args.reference,
        notice_sent_on=args.notice_sent or date.today(),
        reason=args.reason,
        today=date.today(),
    )
    print_json(deadlines_to_json(result))
    return 0


def cmd_case_identifiers(args: argparse.Namespace) -> int:
    from app.services.case_detail import get_case
    from app.services.case_records import set_identifiers

    db = open_db(args)
    if args.identifier:
        pairs = []
        for item in args.identifier:
            kind, sep, value = item.partition("=")
            try:
                pairs.append((IdentifierKind(kind.strip()), value))
            except ValueError:
                known = ", ".join(k.value for k in IdentifierKind)
                raise UserError(
                    _(
                        "Unknown identifier kind '{kind}'. Use one of: {known}.",
                        kind=kind,
                        known=known,
                    )
                ) from None
            if not sep:
                raise UserError(
                    _("'{item}' is not KIND=VALUE, e.g. ip_address=84.91.43.157.", item=item)
                )
        try:
            set_identifiers(
                db, actor=current_actor(args), reference=args.reference, identifiers=pairs
            )
        except ValidationError as exc:  # name the KIND=VALUE argument, not a field position
            raise UserError(
                join(
                    [
                        _(
                            "{argument}: {problem}",
                            argument=args.identifier[int(key.rpartition("_")[2])],
                            problem=message,
                        )
                        for key, message in exc.errors.items()
                    ],
                    "; ",
                )
            ) from None
    for kind, value in get_case(db, reference=args.reference).requester.identifiers:
        print(f"{kind:<16} {value}")
    return 0


def cmd_case_decide(args: argparse.Namespace) -> int:
    from app.services.case_detail import get_case
    from app.services.cases import set_outcomes

    db = open_db(args)
    outcomes: dict[str, str] = {}
    grounds: dict[str, str] = {}
    for code, decision in options_of(args.decision).items():  # access=refused:GROUND
        outcome, sep, ground = decision.partition(":")
        outcomes[code] = outcome.strip()
        if sep:
            grounds[code] = ground.strip()
    set_outcomes(
        db, actor=current_actor(args), reference=args.reference, outcomes=outcomes, grounds=grounds
    )
    detail = get_case(db, reference=args.reference)
    for code, outcome in detail.outcomes.items():
        ground = detail.refusal_grounds.get(code, "")
        print(f"{code:<15} {outcome or '-'}" + (f"  ({ground})" if ground else ""))
    return 0


def cmd_case_identity(args: argparse.Namespace) -> int:
    from datetime import date

    from app.core.enums import IdentityMethod, IdentityOutcome
    from app.services.case_documents import record_identity_check

    deleted = record_identity_check(
        open_db(args),
        actor=current_actor(args),
        reference=args.reference,
        method=IdentityMethod(args.method),
        outcome=IdentityOutcome(args.outcome),
        checked_on=args.checked_on or date.today(),
        document_type=args.document_type,
        note=args.note,
    )
    print(f"identity {args.outcome} ({args.method})")
    if deleted:
        print(f"{deleted} ID copy deleted")
    return 0


def cmd_case_decide_portability(args: argparse.Namespace) -> int:
    from app.services.portability import decide_portability

    decide_portability(
        open_db(args),
        actor=current_actor(args),
        reference=args.reference,
        outcome=args.outcome,
        note=args.note,
    )
    print(f"portability {args.outcome}")
    return 0
