"""CLI commands that keep the house: settings, backup, the Art. 30 register, deadline, demo."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import Any

from app.cli.support import current_actor, open_db, print_json, say
from app.core.errors import UserError
from app.core.i18n import _, message_of, text_of


def cmd_settings(args: argparse.Namespace) -> int:
    from app.services.settings import get_setting, set_setting

    db = open_db(args)
    if args.value is not None:
        try:
            value = json.loads(args.value)
        except json.JSONDecodeError as exc:
            raise UserError(
                _("The value is not valid JSON: {reason} at {pos}", reason=exc.msg, pos=exc.pos)
            ) from exc
        if not isinstance(value, dict):
            raise UserError(
                _("The value must be a JSON object, e.g. '{example}'.", example='{"max_mb": 50}')
            )
        set_setting(db, actor=current_actor(args), key=args.key, value=value)
    print_json(get_setting(db, key=args.key))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from app.services.backup import backup_database

    result = backup_database(open_db(args), actor=current_actor(args), target=Path(args.out))
    say(
        _(
            "Backup written to {path}: {cases} cases, {size} MB in {seconds} s. It holds personal "
            "data: keep it safe, and delete it under the same retention as the cases.",
            path=result.path,
            cases=result.cases,
            size=f"{result.size_bytes / 1_000_000:.1f}",
            seconds=f"{result.seconds:.1f}",
        )
    )
    return 0


def cmd_register_export(args: argparse.Namespace) -> int:
    from app.services.register import export_processing_register

    data = export_processing_register(open_db(args), fmt=args.format)
    Path(args.out).write_bytes(data)
    print(args.out)
    return 0


def cmd_register_show(args: argparse.Namespace) -> int:
    from app.core.register_rules import REGISTER_LANGUAGES
    from app.services.register import list_activities, migration_report

    db = open_db(args)
    langs = [args.lang] if args.lang else list(REGISTER_LANGUAGES)
    for a in list_activities(db):
        print(f"{a.id}\t{a.name}")
        say(_("systems: {names}", names=", ".join(a.systems) or "-"), prefix="\t")
        recipients = "; ".join(a.values["recipients"].splitlines()) or "-"
        say(_("recipients: {names}", names=recipients), prefix="\t")
        for lang in langs:
            missing = a.missing_texts(lang)
            if missing:
                fields = ", ".join(missing)
                say(_("missing for {lang}: {fields}", lang=lang, fields=fields), prefix="\t")
    report = migration_report(db)
    if report:
        say(_("Upgrade report (linked systems): {report}", report=report))
    return 0


def cmd_register_set(args: argparse.Namespace) -> int:
    from app.core.errors import NotFoundError, ValidationError
    from app.services.register import list_activities, save_activity

    db = open_db(args)
    found = [a for a in list_activities(db) if args.activity in (str(a.id), a.name)]
    if not found:
        raise NotFoundError(
            _("There is no processing activity '{name}'. See `register show`.", name=args.activity)
        )
    values: dict[str, str] = {}
    for item in args.field:
        name, sep, text = item.partition("=")
        if not sep:
            raise ValidationError({"field": _("Write a field as FIELD=TEXT.")})
        values[name.strip()] = text.replace("\\n", "\n")
    if args.system or args.no_systems:
        values["systems"] = "\n".join(args.system or [])
    if not values:
        raise ValidationError({"field": _("Give --field FIELD=TEXT or --system NAME.")})
    activity = found[0]
    save_activity(
        db,
        actor=current_actor(args),
        values=values,
        activity_id=activity.id,
        expected_version=activity.version,
    )
    print(activity.name)
    return 0


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
            extension_error = message_of(exc)  # English in JSON, --lang in the text form
    data: dict[str, Any] = dict(deadlines_to_json(compute_deadlines(inp)))
    if extension_error:
        data["extension_refused"] = extension_error
    if args.format == "json":
        print_json(data)
    else:
        for key, value in data.items():
            shown = "" if value is None else text_of(value) if isinstance(value, str) else value
            print(f"{key:<18} {shown}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo.fill import fill_demo

    db = open_db(args)
    summary = fill_demo(db, cases=args.cases, with_systems=not args.no_systems)
    say(summary)
    return 0
