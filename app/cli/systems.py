"""CLI commands on source systems: connectors, search, review, erase, rectify, suppression."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.cli.support import confirmed, current_actor, open_db, print_json, say
from app.core.errors import UserError
from app.core.i18n import _, text_of, translate


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
    say(_("{n} system(s)", n=len(rows)))
    return 0


def cmd_connectors_kinds(args: argparse.Namespace) -> int:
    from app.connectors.registry import kinds

    for d in kinds():
        settings = ", ".join(s.name + ("*" if s.required else "") for s in d.settings)
        print(f"{d.kind:<16} {translate(d.label)}\n{'':<16} settings: {settings}")
    return 0


def cmd_connectors_test(args: argparse.Namespace) -> int:
    from app.services.connectors import test_connector

    say(test_connector(open_db(args), name=args.name, secrets=_secrets()))
    return 0


def cmd_connectors_add(args: argparse.Namespace) -> int:
    from app.services.connectors import save_connector

    try:
        settings = json.loads(args.settings)
    except json.JSONDecodeError as exc:
        raise UserError(
            _("--settings is not valid JSON: {reason} at {pos}", reason=exc.msg, pos=exc.pos)
        ) from exc
    if not isinstance(settings, dict):
        raise UserError(
            _(
                "--settings must be a JSON object, e.g. {example}",
                example='{"path": "/data/list.csv"}',
            )
        )
    secret_values = {}
    for item in args.secret or []:
        key, _sep, value = item.partition("=")
        secret_values[key] = value
    store = _secrets()
    db = open_db(args)
    save_connector(
        db,
        actor=current_actor(args),
        name=args.name,
        kind=args.kind,
        settings=settings,
        enabled=not args.disabled,
        timeout_s=args.timeout,
        secrets=store,
        secret_values=secret_values,
    )
    say(_("saved {name}", name=args.name))
    from app.connectors import registry

    fields = [s.name for s in registry.describe(args.kind).settings if s.kind == "secret"]
    stored = [f for f in fields if store.get(args.name.strip(), f)]
    if stored:  # say where, so nobody believes a secret kept that only lived in memory
        say(_("{fields} stored in {where}", fields=", ".join(sorted(stored)), where=store.where))
    return 0


def cmd_connectors_index(args: argparse.Namespace) -> int:
    """Read every scan of a document folder by OCR now, with a progress line on stderr."""
    import sys

    from app.core.progress import Progress
    from app.services.document_index import index_connector

    last = [""]

    def show(fraction: float, message: str) -> None:
        text = text_of(message)
        if sys.stderr.isatty():
            print(f"\r{fraction * 100:5.1f}%  {text[:70]:<70}", end="", file=sys.stderr, flush=True)
        elif text.split(":")[0] != last[0]:  # a log: one line per scan
            last[0] = text.split(":")[0]
            print(f"{fraction * 100:5.1f}%  {last[0]}", file=sys.stderr, flush=True)

    result = index_connector(
        open_db(args), name=args.name, secrets=_secrets(), progress=Progress(on_progress=show)
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    say(
        _(
            "{read} scan(s) read ({failed} not readable: check those by hand), {cached} already "
            "read before.",
            read=result.read,
            failed=result.failed,
            cached=result.cached,
        )
    )
    return 0


def cmd_case_search(args: argparse.Namespace) -> int:
    import sys

    from app.services.searches import search_case

    def show(system: str, fraction: float, message: str) -> None:
        if sys.stderr.isatty():  # scans not read yet are read now: say what takes the time
            line = f"{system}: {text_of(message)}"[:78]
            print(f"\r{line:<78}", end="", file=sys.stderr, flush=True)

    results = search_case(
        open_db(args),
        actor=current_actor(args),
        reference=args.reference,
        secrets=_secrets(),
        on_progress=show,
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.format == "json":
        print_json(
            [
                {
                    "system": r.system,
                    "status": r.status,
                    "error": r.error or None,
                    "seconds": round(r.seconds, 3),
                    "still_reading": r.pending,
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
            print(line + (f"  {text_of(r.error)}" if r.error else ""))
        reading = sum(r.pending for r in results)
        if reading:
            say(
                _(
                    "{n} scanned document(s) still to be read; the search is not complete.",
                    n=reading,
                ),
                prefix="note: ",
            )
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
    from app.core.enums import FindingReview
    from app.services.searches import review_findings, undo_rejections

    db = open_db(args)
    if args.undo_reject:
        count = undo_rejections(
            db, actor=current_actor(args), reference=args.reference, finding_ids=args.undo_reject
        )
        say(_("{n} rejected finding(s) back to review", n=count))
    for decision, ids in (
        (FindingReview.CONFIRMED, args.confirm),
        (FindingReview.REJECTED, args.reject),
    ):
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
    from app.core.errors import ValidationError
    from app.services.changes import (
        approve_plan,
        execute_plan,
        plan_changes,
        record_removed_by_hand,
    )

    db = open_db(args)
    operation = "erasure" if args.case_command == "erase" else "rectification"
    if args.step == "by-hand":
        if not args.action:
            raise ValidationError({"action": _("Name the planned change with --action ID.")})
        for action_id in args.action:
            done = record_removed_by_hand(
                db,
                actor=current_actor(args),
                reference=args.reference,
                action_id=action_id,
                note=args.note,
            )
            print(f"{done.id} {done.system} {done.record_id}: {done.outcome}")
        return 0
    if args.step == "keep":
        return _keep(args, db)
    if args.step == "list":
        from app.services.changes import actions_of

        actions = actions_of(db, reference=args.reference, operation=operation)
    elif args.step == "plan":
        corrections = []
        for item in getattr(args, "set", None) or []:
            field, _sep, value = item.partition("=")
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
        say(_("{n} change(s) approved", n=count))
        return 0
    elif args.step == "execute":
        from app.services.changes import actions_of

        todo = [
            a for a in actions_of(db, reference=args.reference, operation=operation)
            if a.outcome in ("planned", "failed")
        ]  # fmt: skip
        question = _(
            "Case {reference}: execute {n} approved change(s) in {systems} source system(s)? "
            "Removed or overwritten data cannot be brought back.",
            reference=args.reference.upper(), n=len(todo), systems=len({a.system for a in todo}),
        )  # fmt: skip
        if not confirmed(args, question, what=_("execute the changes")):
            return 1
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
            detail = text_of(a.detail)
            if a.keep_ground and a.keep_until is not None:
                detail = f"[{_kept_words(a)}] {detail}"
            print(
                f"{a.id:>5} {a.system:<26} {a.record_id:<30} {a.action:<10} {a.outcome:<8} {detail}"
            )
    return 1 if any(a.outcome == "failed" for a in actions) else 0


def _kept_words(a: Any) -> str:
    if a.keep_ground == "expires":
        return f"expires {a.keep_until.isoformat()}"
    return f"Art. 17(3)({a.keep_ground}) until {a.keep_until.isoformat()}"


def _keep(args: argparse.Namespace, db: Any) -> int:
    """`case erase REF keep`: why kept data is kept (a ground of Art. 17(3), or its expiry)."""
    from app.core.errors import ValidationError
    from app.core.kept_data import EXPIRES, KeepDecision
    from app.services.kept_data import record_keep_decision

    if args.expires_on is not None and args.ground:
        raise ValidationError(
            {"ground": _("Give either --ground (with statute, event and period) or --expires-on.")}
        )
    if args.expires_on is None and not args.ground:
        raise ValidationError(
            {
                "ground": _(
                    "Give --ground a-e with --statute, --event, --event-on and --period, or "
                    "--expires-on DATE for data that deletes itself."
                )
            }
        )
    decision = KeepDecision(
        ground=EXPIRES if args.expires_on is not None else args.ground,
        statute=args.statute,
        event=args.event,
        event_on=args.event_on,
        period=args.period,
        expires_on=args.expires_on,
    )
    rows = record_keep_decision(
        db,
        actor=current_actor(args),
        reference=args.reference,
        decision=decision,
        action_ids=tuple(args.action or ()),
        system=args.system,
    )
    for a in rows:
        print(f"{a.id:>5} {a.system:<26} {a.record_id:<30} {_kept_words(a)}")
    return 0


def cmd_case_suppress(args: argparse.Namespace) -> int:
    """Direct-marketing objection: the case's e-mail address goes on the suppression list."""
    from datetime import date

    from app.services.case_detail import get_case
    from app.services.changes import suppress

    db = open_db(args)
    email = args.email or get_case(db, reference=args.reference).requester.email
    added = suppress(
        db, actor=current_actor(args), reference=args.reference, email=email, today=date.today()
    )
    if added:
        say(
            _(
                "{reference}: e-mail address added to the suppression list",
                reference=args.reference.upper(),
            )
        )
    else:
        say(
            _(
                "{reference}: the e-mail address was on the suppression list already",
                reference=args.reference.upper(),
            )
        )
    return 0


def cmd_suppression_export(args: argparse.Namespace) -> int:
    from app.services.changes import suppression_csv

    Path(args.out).write_bytes(suppression_csv(open_db(args)))
    print(args.out)
    return 0
