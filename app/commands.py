"""More CLI subcommands (connectors, search, review, erasure, register), kept apart for size."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.cli_support import current_actor, open_db, print_json
from app.core.errors import UserError, ValidationError


def _secrets() -> Any:
    from app.services.secrets import SecretStore

    return SecretStore()


def cmd_connectors_list(args: argparse.Namespace) -> int:
    from app.services.connectors import list_connectors

    rows = list_connectors(open_db(args), secrets=_secrets())
    if args.format == "json":
        print_json([r.__dict__ for r in rows])
        return 0
    for r in rows:
        state = "enabled " if r.enabled else "disabled"
        print(f"{r.name:<28} {r.kind:<16} {state} {', '.join(r.capabilities)}")
    print(f"{len(rows)} system(s)")
    return 0


def cmd_connectors_kinds(args: argparse.Namespace) -> int:
    from app.connectors.registry import kinds

    for d in kinds():
        settings = ", ".join(s.name + ("*" if s.required else "") for s in d.settings)
        print(f"{d.kind:<16} {d.label}\n{'':<16} settings: {settings}")
    return 0


def cmd_connectors_test(args: argparse.Namespace) -> int:
    from app.services.connectors import test_connector

    print(test_connector(open_db(args), name=args.name, secrets=_secrets()))
    return 0


def cmd_connectors_add(args: argparse.Namespace) -> int:
    from app.services.connectors import save_connector

    try:
        settings = json.loads(args.settings)
    except json.JSONDecodeError as exc:
        raise UserError(f"--settings is not valid JSON: {exc.msg} at {exc.pos}") from exc
    if not isinstance(settings, dict):
        raise UserError('--settings must be a JSON object, e.g. {"path": "/data/list.csv"}')
    secret_values = {}
    for item in args.secret or []:
        key, _, value = item.partition("=")
        secret_values[key] = value
    save_connector(
        open_db(args),
        actor=current_actor(args),
        name=args.name,
        kind=args.kind,
        settings=settings,
        enabled=not args.disabled,
        timeout_s=args.timeout,
        secrets=_secrets(),
        secret_values=secret_values,
    )
    print(f"saved {args.name}")
    return 0


def cmd_case_search(args: argparse.Namespace) -> int:
    from app.services.searches import search_case

    results = search_case(
        open_db(args), actor=current_actor(args), reference=args.reference, secrets=_secrets()
    )
    if args.format == "json":
        print_json(
            [
                {
                    "system": r.system,
                    "status": r.status,
                    "error": r.error or None,
                    "seconds": round(r.seconds, 3),
                    "findings": [
                        {
                            "record": f.record_id,
                            "location": f.location,
                            "matched": {"kind": f.matched.kind.value, "value": f.matched.value},
                            "strength": f.strength.value,
                            "categories": list(f.categories),
                            "fields": dict(f.fields),
                            "note": f.note or None,
                        }
                        for f in r.findings
                    ],
                }
                for r in results
            ]
        )
    else:
        for r in results:
            line = f"{r.system:<28} {r.status:<15} {len(r.findings):>4} found"
            print(line + (f"  {r.error}" if r.error else ""))
    return 1 if any(r.status == "failed" for r in results) and args.strict else 0


def cmd_case_findings(args: argparse.Namespace) -> int:
    from app.services.searches import findings_of

    rows = findings_of(open_db(args), reference=args.reference, confirmed_only=args.confirmed)
    if args.format == "json":
        print_json([r.__dict__ for r in rows])
        return 0
    for f in rows:
        print(
            f"{f.id:>5} {f.review:<10} {f.strength:<16} {f.system:<26} {f.record_id}"
            f"  ({f.matched_kind})"
        )
    return 0


def cmd_case_review(args: argparse.Namespace) -> int:
    from app.services.searches import review_findings

    db = open_db(args)
    for decision, ids in (("confirmed", args.confirm), ("rejected", args.reject)):
        if ids:
            review_findings(
                db,
                actor=current_actor(args),
                reference=args.reference,
                finding_ids=ids,
                decision=decision,
            )
    return 0


def cmd_case_change(args: argparse.Namespace) -> int:
    from app.connectors.base import Correction
    from app.services.changes import approve_plan, execute_plan, plan_changes

    db = open_db(args)
    operation = "erasure" if args.case_command == "erase" else "rectification"
    if args.step == "plan":
        corrections = []
        for item in getattr(args, "set", None) or []:
            field, _, value = item.partition("=")
            corrections.append(Correction(field, value))
        actions = plan_changes(
            db,
            actor=current_actor(args),
            reference=args.reference,
            operation=operation,
            corrections=corrections,
            secrets=_secrets(),
        )
    elif args.step == "approve":
        count = approve_plan(
            db, actor=current_actor(args), reference=args.reference, operation=operation
        )
        print(f"{count} change(s) approved")
        return 0
    else:
        actions = execute_plan(
            db,
            actor=current_actor(args),
            reference=args.reference,
            operation=operation,
            secrets=_secrets(),
        )
    if args.format == "json":
        print_json([a.__dict__ for a in actions])
    else:
        for a in actions:
            print(f"{a.system:<26} {a.record_id:<30} {a.action:<10} {a.outcome:<8} {a.detail}")
    return 1 if any(a.outcome == "failed" for a in actions) else 0


def cmd_register_export(args: argparse.Namespace) -> int:
    from app.services.register import export_register

    data = export_register(open_db(args), fmt=args.format)
    Path(args.out).write_bytes(data)
    print(args.out)
    return 0


def cmd_suppression_export(args: argparse.Namespace) -> int:
    from app.services.changes import suppression_csv

    Path(args.out).write_bytes(suppression_csv(open_db(args)))
    print(args.out)
    return 0


def _options(items: list[str] | None) -> dict[str, str]:
    options: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise UserError(f"'{item}' is not KEY=VALUE (e.g. --set reasons=\"...\").")
        options[key.strip()] = value
    return options


def cmd_letter(args: argparse.Namespace) -> int:
    from app.services.letters import draft_letter, finalise_letter, render_for_case

    db = open_db(args)
    options = _options(args.set)
    if args.final:
        draft = draft_letter(
            db,
            actor=current_actor(args),
            reference=args.reference,
            letter_type=args.type,
            lang=args.lang,
            options=options,
        )
        info = finalise_letter(db, actor=current_actor(args), letter_id=draft.id)
        from app.services.cases import document_content

        assert info.document_id is not None
        pdf = document_content(db, document_id=info.document_id)[2]
    else:
        pdf = render_for_case(
            db,
            reference=args.reference,
            letter_type=args.type,
            lang=args.lang,
            options=options,
            handled_by=current_actor(args),
        )
    Path(args.out).write_bytes(pdf)
    print(args.out)
    return 0


def cmd_letters_today(args: argparse.Namespace) -> int:
    from app.services.letters import todays_letters_pdf

    Path(args.out).write_bytes(todays_letters_pdf(open_db(args), duplex=args.duplex))
    print(args.out)
    return 0


def cmd_officer(args: argparse.Namespace) -> int:
    from app.services.settings import get_officer_name, set_officer_name

    db = open_db(args)
    login = current_actor(args)
    if args.name:
        set_officer_name(db, actor=login, login=login, name=args.name)
    print(get_officer_name(db, login=login))
    return 0


def cmd_case_identifiers(args: argparse.Namespace) -> int:
    from app.core.enums import IdentifierKind
    from app.services.cases import get_case, set_identifiers

    db = open_db(args)
    if args.identifier:
        pairs = []
        for item in args.identifier:
            kind, sep, value = item.partition("=")
            try:
                pairs.append((IdentifierKind(kind.strip()), value))
            except ValueError:
                known = ", ".join(k.value for k in IdentifierKind)
                raise UserError(f"Unknown identifier kind '{kind}'. Use one of: {known}.") from None
            if not sep:
                raise UserError(f"'{item}' is not KIND=VALUE, e.g. ip_address=84.91.43.157.")
        try:
            set_identifiers(
                db, actor=current_actor(args), reference=args.reference, identifiers=pairs
            )
        except ValidationError as exc:  # name the KIND=VALUE argument, not a field position
            raise UserError(
                "; ".join(
                    f"{args.identifier[int(key.rpartition('_')[2])]}: {message}"
                    for key, message in exc.errors.items()
                )
            ) from None
    for kind, value in get_case(db, reference=args.reference).requester.identifiers:
        print(f"{kind:<16} {value}")
    return 0


def cmd_case_decide(args: argparse.Namespace) -> int:
    from app.services.cases import get_case, set_outcomes

    db = open_db(args)
    outcomes: dict[str, str] = {}
    grounds: dict[str, str] = {}
    for code, decision in _options(args.decision).items():  # access=refused:GROUND
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


def cmd_backup(args: argparse.Namespace) -> int:
    from app.services.backup import backup_database

    result = backup_database(open_db(args), actor=current_actor(args), target=Path(args.out))
    print(
        f"Backup written to {result.path}: {result.cases} cases, "
        f"{result.size_bytes / 1_000_000:.1f} MB in {result.seconds:.1f} s. It holds personal "
        "data: keep it safe, and delete it under the same retention as the cases."
    )
    return 0


EDITABLE_SETTINGS = ("letter_layout", "retention", "attachments", "extra_holidays")


def cmd_settings(args: argparse.Namespace) -> int:
    from app.services.settings import get_setting, set_setting

    db = open_db(args)
    if args.value is not None:
        try:
            value = json.loads(args.value)
        except json.JSONDecodeError as exc:
            raise UserError(f"The value is not valid JSON: {exc.msg} at {exc.pos}") from exc
        if not isinstance(value, dict):
            raise UserError("The value must be a JSON object, e.g. '{\"max_mb\": 50}'.")
        set_setting(db, actor=current_actor(args), key=args.key, value=value)
    print_json(get_setting(db, key=args.key))
    return 0


def add_more_commands(case_sub: Any, sub: Any) -> None:
    """Register the subcommands of the later features on the parser built in app.cli."""
    settings = sub.add_parser("settings", help="show or change a business setting (audited)")
    settings.add_argument("key", choices=EDITABLE_SETTINGS)
    settings.add_argument("value", nargs="?", help="new value as a JSON object")
    settings.set_defaults(handler=cmd_settings)

    from app.core.outcomes import OUTCOMES, REFUSAL_GROUNDS

    idents = case_sub.add_parser(
        "identifiers", help="show or replace the identifiers searched for (customer number, IP...)"
    )
    idents.add_argument("reference")
    idents.add_argument("identifier", nargs="*", metavar="KIND=VALUE")
    idents.set_defaults(handler=cmd_case_identifiers)

    decide = case_sub.add_parser("decide", help="record the decision per request type")
    decide.add_argument("reference")
    decide.add_argument(
        "decision",
        nargs="+",
        metavar="TYPE=OUTCOME[:GROUND]",
        help=f"outcome: {', '.join(OUTCOMES)}; ground of a refusal: {', '.join(REFUSAL_GROUNDS)}",
    )
    decide.set_defaults(handler=cmd_case_decide)
    backup = sub.add_parser("backup", help="write a checked copy of the SQLite case base")
    backup.add_argument(
        "--out", required=True, metavar="FILE", help="e.g. cases-2026-11-25.sqlite3"
    )
    backup.set_defaults(handler=cmd_backup)
    officer = sub.add_parser("officer", help="your name as letters show it (handled by)")
    officer.add_argument("name", nargs="?", help='e.g. "M. de Vries"; without it: show it')
    officer.set_defaults(handler=cmd_officer)

    from app.letters import LetterType

    letter = sub.add_parser("letter", help="render a response letter for a case as PDF")
    letter.add_argument("reference")
    letter.add_argument("--type", required=True, choices=[t.value for t in LetterType])
    letter.add_argument("--lang", choices=["nl", "en"], help="default: the case's language")
    letter.add_argument("--out", required=True, metavar="FILE.pdf")
    letter.add_argument(
        "--set",
        action="append",
        metavar="KEY=VALUE",
        help="letter details, e.g. reasons=..., what_needed=..., why=...",
    )
    letter.add_argument(
        "--final",
        action="store_true",
        help="store it as sent: hashed copy, audit trail, case dates",
    )
    letter.set_defaults(handler=cmd_letter)

    today = sub.add_parser("letters-today", help="one PDF of all letters finalised today")
    today.add_argument("--out", required=True)
    today.add_argument("--duplex", action="store_true", help="blank page after odd letters")
    today.set_defaults(handler=cmd_letters_today)
    search = case_sub.add_parser("search", help="search all enabled systems for the person")
    search.add_argument("reference")
    search.add_argument("--format", default="table", choices=["table", "json"])
    search.add_argument("--strict", action="store_true", help="exit 1 when a system failed")
    search.set_defaults(handler=cmd_case_search)

    findings = case_sub.add_parser("findings", help="list what the searches found")
    findings.add_argument("reference")
    findings.add_argument("--confirmed", action="store_true")
    findings.add_argument("--format", default="table", choices=["table", "json"])
    findings.set_defaults(handler=cmd_case_findings)

    review = case_sub.add_parser("review", help="confirm or reject findings by id")
    review.add_argument("reference")
    review.add_argument("--confirm", type=int, nargs="*", default=[])
    review.add_argument("--reject", type=int, nargs="*", default=[])
    review.set_defaults(handler=cmd_case_review)

    for name, help_text in (("erase", "erasure"), ("rectify", "rectification")):
        change = case_sub.add_parser(name, help=f"{help_text}: plan, approve, execute")
        change.add_argument("reference")
        change.add_argument("step", choices=["plan", "approve", "execute"])
        if name == "rectify":
            change.add_argument("--set", action="append", metavar="FIELD=VALUE")
        change.add_argument("--format", default="table", choices=["table", "json"])
        change.set_defaults(handler=cmd_case_change)

    conn = sub.add_parser("connectors", help="the source systems that are searched")
    conn_sub = conn.add_subparsers(dest="connectors_command", metavar="ACTION", required=True)
    lst = conn_sub.add_parser("list", help="configured systems")
    lst.add_argument("--format", default="table", choices=["table", "json"])
    lst.set_defaults(handler=cmd_connectors_list)
    conn_sub.add_parser("kinds", help="built-in connector kinds").set_defaults(
        handler=cmd_connectors_kinds
    )
    test = conn_sub.add_parser("test", help="test the connection to one system")
    test.add_argument("name")
    test.set_defaults(handler=cmd_connectors_test)
    add = conn_sub.add_parser("add", help="add or change a system")
    add.add_argument("name")
    add.add_argument("--kind", required=True)
    add.add_argument("--settings", required=True, help="JSON object with the settings")
    add.add_argument("--secret", action="append", metavar="FIELD=VALUE")
    add.add_argument("--timeout", type=int, default=120)
    add.add_argument("--disabled", action="store_true")
    add.set_defaults(handler=cmd_connectors_add)

    reg = sub.add_parser("register", help="the record of processing activities (Art. 30)")
    reg_sub = reg.add_subparsers(dest="register_command", metavar="ACTION", required=True)
    exp = reg_sub.add_parser("export", help="export the register")
    exp.add_argument("--format", default="csv", choices=["csv", "json"])
    exp.add_argument("--out", required=True)
    exp.set_defaults(handler=cmd_register_export)

    sup = sub.add_parser("suppression", help="direct-marketing suppression list")
    sup_sub = sup.add_subparsers(dest="suppression_command", metavar="ACTION", required=True)
    sexp = sup_sub.add_parser("export", help="export for the newsletter system")
    sexp.add_argument("--out", required=True)
    sexp.set_defaults(handler=cmd_suppression_export)
