"""Command line: `privacy-desk` starts the GUI; subcommands run the same services headless."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from app import PRODUCT_NAME, __version__
from app.cli_support import current_actor, date_arg, open_db, print_json
from app.core.dates import parse_iso_date
from app.core.enums import CaseStatus, Channel, IdentifierKind, Language, RequestType
from app.core.errors import AppError, Cancelled, UserError, ValidationError
from app.core.private_files import private_umask
from app.core.spreadsheet import csv_writer
from app.core.validation import REPRESENTATIVE_ROLES, CaseInput, RepresentativeInput, split_name

log = logging.getLogger(__name__)

Handler = Callable[[argparse.Namespace], int]


# ---- case ----------------------------------------------------------------------------------


def cmd_case_add(args: argparse.Namespace) -> int:
    from app.services.cases import register_case

    first, prefix, last = split_name(args.name)
    try:
        types = tuple(RequestType(t) for t in (args.type or []))
        identifiers = tuple(
            (IdentifierKind(kind), value)
            for kind, _, value in (item.partition("=") for item in args.identifier or [])
        )
    except ValueError as exc:
        raise UserError(
            f"{exc}. See `privacy-desk case add --help` for the allowed values."
        ) from exc
    data = CaseInput(
        request_types=types,
        received_on=args.received,
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
    attachment = Path(args.attach) if args.attach else None
    db = open_db(args)
    reference = register_case(db, actor=current_actor(args), data=data, attachment=attachment)
    print(reference)
    if data.representative is not None and data.representative.authorisation is None:
        print(
            f"warning: {reference} has a representative without an authorisation (machtiging): "
            "send the answer only after the authorisation is received.",
            file=sys.stderr,
        )
    return 0


def _representative_of(args: argparse.Namespace) -> RepresentativeInput | None:
    """The --rep-* options; any of them means a representative (whose name is then required)."""
    fields = ("name", "role", "organisation", "street", "postcode", "city", "country", "email")
    given = {name: getattr(args, f"rep_{name}") or "" for name in fields}
    if not any(given.values()) and not args.rep_authorisation:
        return None
    given["role"] = given["role"] or "other"
    given["country"] = given["country"] or "NL"
    file = Path(args.rep_authorisation) if args.rep_authorisation else None
    return RepresentativeInput(**given, authorisation=file)


def cmd_case_read(args: argparse.Namespace) -> int:
    """Suggest what a letter asks (types, reminder, complaint, references); the officer decides."""
    from app.core.letter_text import letter_text_of_file, read_letter

    reading = read_letter(letter_text_of_file(Path(args.file)))
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
    from app.services.cases import list_cases
    from app.services.dto import CaseFilter

    statuses: tuple[str, ...] = ()
    if args.status:
        try:
            statuses = tuple(CaseStatus(s).value for s in args.status)
        except ValueError as exc:
            allowed = ", ".join(s.value for s in CaseStatus)
            raise UserError(f"Unknown status. Use one of: {allowed}.") from exc
    flt = CaseFilter(
        text=args.search or "",
        statuses=statuses,
        request_type=args.type or "",
        received_from=args.received_from,
        received_to=args.received_to,
        open_only=args.open,
    )
    db = open_db(args)
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
        print(f"{len(rows)} case(s)")
    return 0


def cmd_case_show(args: argparse.Namespace) -> int:
    from app.services.cases import get_case

    db = open_db(args)
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
        print(f"  {event['at'][:19]} {event['actor']:<10} {event['action']:<18} {event['summary']}")
    return 0


def cmd_case_status(args: argparse.Namespace) -> int:
    from app.services.cases import change_status

    try:
        new = CaseStatus(args.status)
    except ValueError as exc:
        raise UserError(f"Unknown status '{args.status}'.") from exc
    db = open_db(args)
    change_status(
        db,
        actor=current_actor(args),
        reference=args.reference,
        new_status=new,
        note=args.note or "",
    )
    print(f"{args.reference.upper()} is now {new.value}")
    return 0


def cmd_case_note(args: argparse.Namespace) -> int:
    from app.services.cases import add_note

    add_note(open_db(args), actor=current_actor(args), reference=args.reference, text=args.text)
    return 0


def cmd_case_attach(args: argparse.Namespace) -> int:
    from app.core.enums import DocumentKind
    from app.services.cases import add_document

    doc_id = add_document(
        open_db(args),
        actor=current_actor(args),
        reference=args.reference,
        path=Path(args.file),
        kind=DocumentKind(args.kind),
        masked=args.masked,
    )
    print(doc_id)
    return 0


def cmd_case_link(args: argparse.Namespace) -> int:
    from app.services.cases import link_cases

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


# ---- deadline, demo ------------------------------------------------------------------------


def _pause_arg(value: str) -> tuple[date, date | None]:
    start, _, end = value.partition(":")
    try:
        return parse_iso_date(start), (parse_iso_date(end) if end else None)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a pause; use START:END as YYYY-MM-DD:YYYY-MM-DD"
        ) from exc


def cmd_deadline(args: argparse.Namespace) -> int:
    from app.core.deadlines import (
        DeadlineInput,
        Pause,
        check_extension_allowed,
        compute_deadlines,
        deadlines_to_json,
    )

    extra = frozenset(args.holiday or [])
    base = DeadlineInput(
        received=args.received,
        promise_weeks=args.weeks,
        pauses=tuple(Pause(s, e) for s, e in args.pause or []),
        extra_holidays=extra,
    )
    extension_error = None
    inp = base
    if args.extended_on is not None:
        try:
            check_extension_allowed(base, args.extended_on)
            inp = dataclasses.replace(base, extension_notice_sent_on=args.extended_on)
        except UserError as exc:
            extension_error = str(exc)
    data: dict[str, Any] = dict(deadlines_to_json(compute_deadlines(inp)))
    if extension_error:
        data["extension_refused"] = extension_error
    if args.format == "json":
        print_json(data)
    else:
        for key, value in data.items():
            print(f"{key:<18} {'' if value is None else value}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services.demo_setup import fill_demo

    db = open_db(args)
    summary = fill_demo(db, cases=args.cases, with_systems=not args.no_systems)
    print(summary)
    return 0


# ---- parser --------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="privacy-desk",
        description=f"{PRODUCT_NAME}: register and answer GDPR requests that arrive by post. "
        "Without a command the desktop application starts.",
    )
    parser.add_argument("--version", action="version", version=f"{PRODUCT_NAME} {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: PRIVACY_DESK_DB or the SQLite file in your user data folder)",
    )
    parser.add_argument("--user", help="name recorded in the audit trail (default: login name)")
    parser.add_argument(
        "--demo", action="store_true", help="start the GUI on a fresh temporary demo database"
    )
    parser.add_argument("--lang", dest="ui_lang", choices=["nl", "en"], help="GUI language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    case = sub.add_parser("case", help="register, list, show and change cases")
    case_sub = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)

    add = case_sub.add_parser("add", help="register a letter as a new case; prints the reference")
    add.add_argument(
        "--type",
        action="append",
        choices=[t.value for t in RequestType],
        help="request type (repeat for several)",
    )
    add.add_argument("--received", type=date_arg, required=True, help="date of receipt YYYY-MM-DD")
    add.add_argument("--name", required=True, help='full name, e.g. "Jan van der Berg"')
    add.add_argument("--salutation", choices=["heer", "mevrouw", ""], default="")
    add.add_argument("--street", help='street and house number, e.g. "Kerkstraat 12"')
    add.add_argument("--postcode")
    add.add_argument("--city")
    add.add_argument("--country", default="NL", help="two-letter code (default NL)")
    add.add_argument("--email")
    add.add_argument("--phone")
    add.add_argument(
        "--identifier",
        action="append",
        metavar="KIND=VALUE",
        help="e.g. customer_number=DB100042 (repeatable)",
    )
    add.add_argument("--their-reference")
    add.add_argument("--their-letter-date", type=date_arg)
    add.add_argument("--channel", default="post", choices=[c.value for c in Channel])
    add.add_argument("--lang", default="nl", choices=["nl", "en"], help="language of the answer")
    add.add_argument("--summary")
    add.add_argument("--attach", metavar="FILE", help="scan of the letter (PDF, PNG, JPEG, TIFF)")
    rep = add.add_argument_group("representative (lawyer, parent, guardian acting for the person)")
    rep.add_argument("--rep-name", help="name of the representative (required with any --rep-*)")
    rep.add_argument("--rep-role", choices=REPRESENTATIVE_ROLES, help="default: other")
    for option in ("organisation", "street", "postcode", "city", "country", "email"):
        rep.add_argument(f"--rep-{option}")
    rep.add_argument(
        "--rep-authorisation", metavar="FILE", help="the authorisation (machtiging): PDF or image"
    )
    add.set_defaults(handler=cmd_case_add)

    read = case_sub.add_parser(
        "read", help="read a letter (text or PDF with a text layer) and suggest what it asks"
    )
    read.add_argument("file", metavar="FILE")
    read.add_argument("--format", default="text", choices=["text", "json"])
    read.set_defaults(handler=cmd_case_read)

    lst = case_sub.add_parser("list", help="list cases")
    lst.add_argument("--status", action="append", help="filter by status (repeatable)")
    lst.add_argument("--type", choices=[t.value for t in RequestType])
    lst.add_argument("--search", help="text in reference, name, postcode or e-mail")
    lst.add_argument("--from", dest="received_from", type=date_arg)
    lst.add_argument("--to", dest="received_to", type=date_arg)
    lst.add_argument("--open", action="store_true", help="only open cases")
    lst.add_argument(
        "--sort",
        default="reference",
        choices=["reference", "received", "requester", "status", "due"],
    )
    lst.add_argument("--format", default="table", choices=["table", "csv", "json"])
    lst.set_defaults(handler=cmd_case_list)

    show = case_sub.add_parser("show", help="show one case")
    show.add_argument("reference")
    show.add_argument("--format", default="text", choices=["text", "json"])
    show.set_defaults(handler=cmd_case_show)

    status = case_sub.add_parser("status", help="change the status of a case")
    status.add_argument("reference")
    status.add_argument("status", choices=[s.value for s in CaseStatus])
    status.add_argument("--note")
    status.set_defaults(handler=cmd_case_status)

    note = case_sub.add_parser("note", help="add a note")
    note.add_argument("reference")
    note.add_argument("text")
    note.set_defaults(handler=cmd_case_note)

    attach = case_sub.add_parser("attach", help="attach a document")
    attach.add_argument("reference")
    attach.add_argument("file")
    attach.add_argument(
        "--kind", default="scan", choices=["scan", "authorisation", "id_copy", "attachment"]
    )
    attach.add_argument("--masked", action="store_true", help="ID copy: BSN and photo blacked out")
    attach.set_defaults(handler=cmd_case_attach)

    link = case_sub.add_parser("link", help="link a case to another (e.g. a reminder)")
    link.add_argument("reference")
    link.add_argument("other_reference")
    link.add_argument(
        "--relation",
        default="related",
        choices=["reminder_of", "related"],
        help="reminder_of: REFERENCE is a reminder about OTHER_REFERENCE",
    )
    link.set_defaults(handler=cmd_case_link)

    pause = case_sub.add_parser("pause", help="stop the clock (question sent to the person)")
    pause.add_argument("reference")
    pause.add_argument("--start", type=date_arg, help="date the question was sent (default today)")
    pause.add_argument("--reason", required=True)
    pause.set_defaults(handler=cmd_case_pause)

    resume = case_sub.add_parser("resume", help="restart the clock (the person answered)")
    resume.add_argument("reference")
    resume.add_argument("--end", type=date_arg, help="date the answer arrived (default today)")
    resume.set_defaults(handler=cmd_case_resume)

    extend = case_sub.add_parser("extend", help="extend by two months (Art. 12(3) AVG)")
    extend.add_argument("reference")
    extend.add_argument("--notice-sent", type=date_arg, help="date the notice was sent")
    extend.add_argument("--reason", required=True)
    extend.set_defaults(handler=cmd_case_extend)

    from app.commands import add_more_commands
    from app.commands_reports import add_report_commands

    add_more_commands(case_sub, sub)
    add_report_commands(case_sub, sub)
    from app.commands_selftest import add_selftest_command

    add_selftest_command(sub)

    deadline = sub.add_parser("deadline", help="compute the deadlines for a date of receipt")
    deadline.add_argument("--received", type=date_arg, required=True)
    deadline.add_argument("--pause", type=_pause_arg, action="append", metavar="START:END")
    deadline.add_argument("--extended-on", type=date_arg, help="date the extension notice was sent")
    deadline.add_argument("--weeks", type=int, default=4, help="promise in weeks (default 4)")
    deadline.add_argument("--holiday", type=date_arg, action="append", help="extra decree holiday")
    deadline.add_argument("--format", default="json", choices=["json", "text"])
    deadline.set_defaults(handler=cmd_deadline)

    demo = sub.add_parser("demo", help="fill the database with realistic demo cases")
    demo.add_argument("--cases", type=int, default=200)
    demo.add_argument(
        "--no-systems",
        action="store_true",
        help="skip the sample source systems (portal database, newsletter, logs)",
    )
    demo.set_defaults(handler=cmd_demo)
    return parser


def _setup_logging() -> Path:
    from app.data.database import data_dir

    log_path = data_dir() / "privacy-desk.log"
    logging.basicConfig(
        filename=log_path,
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    from app.core.redaction import install

    for handler in logging.getLogger().handlers:
        install(handler)
    return log_path


def main(argv: Sequence[str] | None = None) -> int:
    private_umask()  # everything this process creates: readable by the user only (POSIX)
    parser = build_parser()
    args = parser.parse_args(argv)
    log_path = _setup_logging()
    if args.command is None:
        from app.ui.app import run_gui

        gui_code: int = run_gui(
            db_url=args.db, demo=args.demo, actor=current_actor(args), lang=args.ui_lang
        )
        return gui_code
    try:
        handler: Handler = args.handler
        code: int = handler(args)
        return code
    except Cancelled:
        return 130
    except BrokenPipeError:  # output piped into `head`: not an error
        sys.stderr.close()
        return 0
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except AppError as exc:
        log.exception("application error")
        print(f"error: {exc} (details in {log_path})", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: log the traceback, show one line
        log.exception("unexpected error in command %s", args.command)
        print(f"error: unexpected {exc.__class__.__name__}; details in {log_path}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
