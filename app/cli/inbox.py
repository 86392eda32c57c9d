"""CLI `inbox scan|list|register`: letters from the scanner's hot folder ("Te registreren")."""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from datetime import date

from app.cli.cases import case_input_of, warn_authorisation
from app.cli.support import current_actor, open_db, print_json, say
from app.core.errors import UserError
from app.core.i18n import _, restored


def cmd_inbox_scan(args: argparse.Namespace) -> int:
    """Add the files that are in the hot folder (size stable for 2 s) and read them."""
    from app.services import inbox
    from app.services.hot_folder import STABLE_S, FolderWatch

    db = open_db(args)
    folder = inbox.hot_folder(db)
    if folder is None:
        raise UserError(
            _(
                "No hot folder is set. Set it in Settings, or with `privacy-desk settings "
                "hot_folder '{example}'`.",
                example='{"path": "/path/to/scans"}',
            )
        )
    watch = FolderWatch(folder)
    watch.poll()
    time.sleep(STABLE_S + 0.1)
    added = [inbox.add_arrival(db, path=path) for path in watch.poll()]
    for item_id in inbox.to_read(db):
        entry = inbox.read_item(db, item_id=item_id)
        say(_("{id}: {file} {status}", id=entry.id, file=entry.filename, status=entry.status))
    say(_("{count} new file(s) in the inbox.", count=sum(1 for a in added if a is not None)))
    return 0


def cmd_inbox_list(args: argparse.Namespace) -> int:
    from app.services import inbox

    db = open_db(args)
    entries = inbox.waiting_items(db)
    if args.format == "json":
        rows = []
        for entry in entries:
            row = entry.to_json()
            row.update(inbox.proposals_of(db, entry).to_json())
            if args.with_text:
                row["text"] = entry.text
            rows.append(row)
        print_json(rows)
        return 0
    if not entries:
        print("No letters waiting to be registered.")
        return 0
    for entry in entries:
        found = inbox.proposals_of(db, entry)
        status = entry.status + (f" by {entry.claimed_by}" if entry.claimed_by else "")
        print(f"{entry.id:>4}  {entry.received_on.isoformat()}  {status:<18} {entry.filename}")
        if entry.error:
            print(f"      {restored(entry.error)}")
        types = ", ".join(t.value for t in found.reading.request_types) or "-"
        print(f"      types: {types}; reminder: {'yes' if found.reading.is_reminder else 'no'}")
        for earlier in found.earlier:
            print(f"      earlier case: {earlier.reference} ({earlier.found_by})")
    return 0


def cmd_inbox_register(args: argparse.Namespace) -> int:
    from app.services import inbox
    from app.services.reminders import Person

    db = open_db(args)
    actor = current_actor(args)
    entry = inbox.get_item(db, item_id=args.item)
    received: date = args.received or entry.received_on
    data = case_input_of(args, received)
    if not args.reminder_of and not args.name:
        raise UserError(_("Give --name (a new case) or --reminder-of REFERENCE (a reminder)."))
    found = inbox.proposals_of(db, entry)
    registration = inbox.Registration(
        data=data,
        reminder_of=(args.reminder_of or "").strip().upper(),
        confirmed_other_person=args.confirm_other_person,
        person=Person(data.last_name, data.postcode, data.email, data.birth_date),
        letter_date=data.their_letter_date or found.reading.letter_date,
        ultimatum_on=args.ultimatum or _proposed_ultimatum(found.ultimatum, args),
        reminder_unknown=args.reminder_unknown,
    )
    if registration.reminder_of and not args.name:  # the person: as the letter gave it
        registration = replace(registration, person=Person())
    inbox.claim_item(db, item_id=entry.id, actor=actor)
    try:
        reference = inbox.register_item(
            db, item_id=entry.id, actor=actor, registration=registration
        )
    except BaseException:
        inbox.release_item(db, item_id=entry.id, actor=actor)
        raise
    print(reference)
    if not registration.reminder_of:
        warn_authorisation(data, reference)
    return 0


def _proposed_ultimatum(proposal: object, args: argparse.Namespace) -> date | None:
    """A reminder's ultimatum as the letter states it, when --ultimatum is not given."""
    value = getattr(proposal, "value", "")
    if not value or not (args.reminder_of or args.reminder_unknown):
        return None
    say(_("Ultimatum from the letter: {date}", date=value), prefix="note: ")
    return date.fromisoformat(str(value))
