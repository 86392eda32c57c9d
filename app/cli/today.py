"""CLI `today`: the officer's to-do list, as a table or as JSON for a morning mail or cron job."""

from __future__ import annotations

import argparse
from datetime import date

from app.cli.support import current_actor, open_db, print_json, say


def cmd_today(args: argparse.Namespace) -> int:
    from app.core.i18n import _, translate
    from app.core.todo import TASK_LABEL
    from app.services.today import todo_part

    officer = current_actor(args) if args.mine else None
    part = todo_part(open_db(args, reading=True), today=date.today(), officer=officer)
    items, others = part.items, part.others
    if args.format == "json":
        print_json([item.to_json() for item in items])
        return 0
    if not items:
        if others:  # never "nothing" while someone's cases need a person
            say(
                _(
                    "Nothing in your cases needs a person today; {count} tasks in other "
                    "officers' cases (leave out --mine to see them).",
                    count=others,
                )
            )
        else:
            say(_("Nothing needs a person today."))
        return 0
    current = None
    for item in items:
        if item.task != current:
            current = item.task
            print(f"{translate(TASK_LABEL[item.task], 'en')} ({item.task.value})")
        due = item.due.isoformat() if item.due is not None else "-"
        detail = f"  {item.detail}" if item.detail else ""
        print(f"  {item.reference:<16} due {due:<10}{detail}")
        if item.command:
            print(f"      {item.command}")
    if others:
        say(_("{count} more tasks in other officers' cases (leave out --mine).", count=others))
    return 0
