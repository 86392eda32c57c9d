"""CLI commands for reports, dossiers, portability exports and retention."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.support import current_actor, open_db, say
from app.core.errors import UserError
from app.core.i18n import _, text_of


def _progress(args: argparse.Namespace) -> Any:
    """A Progress that prints a percentage on stderr when it is a terminal."""
    from app.core.progress import Progress

    if not sys.stderr.isatty():
        return Progress()

    def show(fraction: float, message: str) -> None:
        text = text_of(message)
        print(f"\r{fraction * 100:5.1f}%  {text:<30}", end="", file=sys.stderr, flush=True)

    return Progress(on_progress=show)


def _done_line() -> None:
    if sys.stderr.isatty():
        print(file=sys.stderr)


def cmd_report_register(args: argparse.Namespace) -> int:
    from app.services.reports import export_request_register

    db = open_db(args)
    count = export_request_register(
        db,
        path=Path(args.out),
        received_from=args.received_from,
        received_to=args.received_to,
        fmt=args.format,
        statuses=tuple(args.status or ()),
        request_type=args.type or "",
        with_personal_data=args.with_personal_data,
        lang=args.lang,
        actor=current_actor(args),
        progress=_progress(args),
    )
    _done_line()
    say(_("{n} case(s) written to {path}", n=count, path=args.out))
    return 0


def cmd_report_yearly(args: argparse.Namespace) -> int:
    from app.services.reports import yearly_report

    if not str(args.out).lower().endswith(".pdf"):
        raise UserError(_("The yearly report is a PDF: give an output file ending in .pdf."))
    db = open_db(args)
    yearly_report(db, year=args.year, lang=args.lang, path=Path(args.out), progress=_progress(args))
    _done_line()
    say(_("Report {year} written to {path}", year=args.year, path=args.out))
    return 0


def cmd_case_dossier(args: argparse.Namespace) -> int:
    from app.services.reports import case_dossier

    db = open_db(args)
    manifest = case_dossier(
        db,
        reference=args.reference,
        path=Path(args.out),
        actor=current_actor(args),
        progress=_progress(args),
        lang=args.lang,
    )
    _done_line()
    say(_("Dossier with {n} file(s) written to {path}", n=len(manifest["files"]), path=args.out))
    return 0


def cmd_case_portability(args: argparse.Namespace) -> int:
    from app.services.reports import portability_export

    db = open_db(args)
    count = portability_export(
        db,
        reference=args.reference,
        path=Path(args.out),
        actor=current_actor(args),
        progress=_progress(args),
    )
    _done_line()
    say(_("{n} confirmed record(s) written to {path}", n=count, path=args.out))
    return 0


def _print_expired(rows: list[Any]) -> None:
    print(f"{'reference':<15} {'closed':<10} {'outcome':<15} {'months':>6} {'ends':<10}  reason")
    for r in rows:
        print(
            f"{r.reference:<15} {r.closed_on.isoformat():<10} {r.outcome or '-':<15} "
            f"{r.months:>6} {r.retention_end.isoformat():<10}  {r.reason}"
        )
    say(_("{n} case(s) past their retention period", n=len(rows)))


def cmd_retention_list(args: argparse.Namespace) -> int:
    from app.services.retention import list_expired

    rows = list_expired(open_db(args))
    if args.format == "json":
        print(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2))
    else:
        _print_expired(rows)
    return 0


def cmd_retention_apply(args: argparse.Namespace) -> int:
    from app.services.retention import apply_retention, list_expired
    from app.services.traces import confirmation_lines

    db = open_db(args)
    rows = list_expired(db)
    if not rows:
        from app.services.document_texts import purge_document_texts

        purge_document_texts(db)  # scan texts no longer needed go even when no case is due
        say(_("No case is past its retention period."))
        return 0
    _print_expired(rows)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(
                _(
                    "Confirmation needed: run again with --yes to {mode} these {n} case(s).",
                    mode=args.mode,
                    n=len(rows),
                )
            )
        answer = input(f"{args.mode.capitalize()} these {len(rows)} case(s)? Type yes: ")
        if answer.strip().lower() != "yes":
            say(_("Nothing changed."))
            return 1
    result = apply_retention(
        db,
        actor=current_actor(args),
        references=[r.reference for r in rows],
        mode=args.mode,
        progress=_progress(args),
    )
    _done_line()
    n = len(result.references)
    if result.mode == "anonymise":
        say(_("{n} case(s) anonymised", n=n))
    else:
        say(_("{n} case(s) deleted", n=n))
    for line in confirmation_lines(result.copies):  # what else held them, and what is left
        print(f"  {line}")
    if not result.compacted:
        say(
            _(
                "the database file could not be compacted because another program uses it; "
                "removed data may linger in free space until `retention apply` runs again with "
                "Privacy Desk closed elsewhere."
            ),
            prefix="note: ",
            file=sys.stderr,
        )
    return 0
