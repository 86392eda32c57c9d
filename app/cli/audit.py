"""CLI commands of the audit trail: `audit verify` (the keyed chain and every document's hash)."""

from __future__ import annotations

import argparse

from app.cli.support import open_db, print_json, say
from app.core.i18n import _, current_language, join


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from app.reports.dossier import local_time
    from app.services.audit_checkpoint import verify_in_full, verify_since_checkpoint

    db = open_db(args)
    if args.since_checkpoint:
        result = verify_since_checkpoint(db, documents=True)
    else:
        result = verify_in_full(db)
    head = result.head.short() if result.head else "(empty)"
    since = None if result.since is None else {"seq": result.since.seq, "hash": result.since.hash}
    if args.format == "json":
        print_json(
            {
                "ok": result.ok,
                "check": "full" if result.since is None else "since_checkpoint",
                "since": since,
                "events": result.events,
                "documents": result.documents,
                "head": None if result.head is None else {"seq": result.head.seq,
                                                          "hash": result.head.hash},
                "problems": [
                    {
                        "message": str(p.message),  # JSON stays English
                        "event_id": p.event_id,
                        "document_id": p.document_id,
                        "reference": p.reference,
                        "at": None if p.at is None else p.at.isoformat(),
                    }
                    for p in result.problems
                ],
            }
        )  # fmt: skip
        return 0 if result.ok else 1
    if result.ok and result.since is not None:
        say(
            _(
                "Audit trail intact since the last check ({since}): {events} newer events and "
                "{documents} documents checked. Chain head {head}. Events before {since} were "
                "not checked again; run `audit verify` without --since-checkpoint for that.",
                since=result.since.short(),
                events=result.events,
                documents=result.documents,
                head=head,
            )
        )
        return 0
    if result.ok:
        say(
            _(
                "Audit trail intact: {events} events and {documents} documents checked. "
                "Chain head {head}",
                events=result.events,
                documents=result.documents,
                head=head,
            )
        )
        return 0
    first = result.problems[0]
    where: list[str] = []
    if first.event_id is not None:
        where.append(_("event {id}", id=first.event_id))
    if first.document_id is not None:
        where.append(_("document {id}", id=first.document_id))
    if first.reference:
        where.append(_("case {reference}", reference=first.reference))
    if first.at is not None:
        where.append(local_time(first.at, current_language()))
    say(
        _(
            "Audit trail BROKEN at {where}: {problem}",
            where=join(where, ", "),
            problem=first.message,
        )
    )
    for other in result.problems[1:]:
        say(_("  also: {problem}", problem=other.message))
    say(
        _(
            "Chain head {head}. Restore the database from a backup and find out who changed it.",
            head=head,
        )
    )
    return 1


def cmd_audit_key(args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.services.audit_key import ENV_KEY, describe_key, export_key

    db = open_db(args)
    with db.session() as session:
        if args.export:
            fingerprint = export_key(session, Path(args.export))
            say(
                _(
                    "Key {fingerprint} written to {path}. Keep it apart from the database "
                    "(a colleague on the same database sets {env} to its contents).",
                    fingerprint=fingerprint,
                    path=args.export,
                    env=ENV_KEY,
                )
            )
            return 0
        where, fingerprint = describe_key(session)
    if not fingerprint:
        say(_("No audit-trail key yet: one is created when the first event is chained."))
    elif not where:
        say(
            _(
                "Key {fingerprint}: NOT on this computer. Restore it or set {env}.",
                fingerprint=fingerprint,
                env=ENV_KEY,
            )
        )
        return 1
    else:
        say(_("Key {fingerprint} is kept in {where}.", fingerprint=fingerprint, where=where))
    return 0
