"""CLI commands for letters: render or finalise one, today's print run, the officer's name."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.support import current_actor, open_db, options_of


def cmd_letter(args: argparse.Namespace) -> int:
    from app.services.letters import draft_letter, finalise_letter, render_for_case

    db = open_db(args)
    options = options_of(args.set)
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
        from app.services.case_documents import document_content

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


def cmd_letter_posted(args: argparse.Namespace) -> int:
    from app.services.letter_post import mark_case_letters_posted

    count = mark_case_letters_posted(
        open_db(args),
        actor=current_actor(args),
        reference=args.reference,
        posted_on=args.on,
        letter_type=args.type,
    )
    print(f"{count} letter(s) marked as sent by post")
    return 0


def cmd_officer(args: argparse.Namespace) -> int:
    from app.services.settings import get_officer_name, set_officer_name

    db = open_db(args)
    login = current_actor(args)
    if args.name:
        set_officer_name(db, actor=login, login=login, name=args.name)
    print(get_officer_name(db, login=login))
    return 0
