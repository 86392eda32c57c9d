"""CLI commands for letters: render or finalise one, today's print run, the officer's name."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.support import confirmed, current_actor, open_db, options_of
from app.core.errors import ValidationError
from app.core.i18n import _


def cmd_letter(args: argparse.Namespace) -> int:
    from app.services.letters import (
        draft_letter,
        finalise_letter,
        log_appendix_for_case,
        log_appendix_pdf,
        render_for_case,
    )
    from app.services.traces import finalising

    db = open_db(args)
    options = options_of(args.set)
    if args.override and not args.final:
        raise ValidationError({"override": _("--override goes with --final.")})
    if args.final:
        from app.core.finalise_gate import apply_overrides, parse_overrides
        from app.services.gate import unmet_for_case

        overrides = parse_overrides(args.override or [])
        # Checked before the draft is made, so that a refusal leaves no draft behind.
        unmet = unmet_for_case(
            db, reference=args.reference, letter_type=args.type, options=options, lang=args.lang
        )
        apply_overrides(unmet, overrides)  # GateRefused: exit code 3 with the list
        question = _(
            "Case {reference}: finalise the {type} letter? It is stored with its SHA-256 and "
            "cannot be changed afterwards.", reference=args.reference.upper(), type=args.type,
        )  # fmt: skip
        if not confirmed(args, question, what=_("finalise the letter")):
            return 1
        draft = draft_letter(
            db,
            actor=current_actor(args),
            reference=args.reference,
            letter_type=args.type,
            lang=args.lang,
            options=options,
        )
        with finalising(db, draft.id):  # a killed or failed finalisation leaves no draft
            info = finalise_letter(
                db, actor=current_actor(args), letter_id=draft.id, overrides=overrides
            )
        from app.services.case_documents import document_content

        assert info.document_id is not None
        pdf = document_content(db, document_id=info.document_id)[2]
        appendix = log_appendix_pdf(db, letter_id=info.id)
    else:
        pdf = render_for_case(
            db,
            reference=args.reference,
            letter_type=args.type,
            lang=args.lang,
            options=options,
            handled_by=current_actor(args),
        )
        appendix = log_appendix_for_case(
            db,
            reference=args.reference,
            letter_type=args.type,
            lang=args.lang,
            options=options,
            handled_by=current_actor(args),
        )
    Path(args.out).write_bytes(pdf)
    print(args.out)
    if appendix is not None:
        # Too many log lines for the letter: they go beside it, as the letter says.
        out = Path(args.out)
        log_out = out.with_name(f"{out.stem}-log{out.suffix or '.pdf'}")
        log_out.write_bytes(appendix)
        print(log_out)
    return 0


def cmd_letters_today(args: argparse.Namespace) -> int:
    from app.services.letters import todays_letters_pdf

    Path(args.out).write_bytes(todays_letters_pdf(open_db(args), duplex=args.duplex))
    print(args.out)
    return 0


def cmd_letter_posted(args: argparse.Namespace) -> int:
    from app.services.letter_post import mark_case_letters_posted

    question = _(
        "Case {reference}: record the final letters as sent by post on {day}? They then count "
        "as printed; this cannot be undone.", reference=args.reference.upper(), day=args.on,
    )  # fmt: skip
    if not confirmed(args, question, what=_("record the letters as sent by post")):
        return 1
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
