"""The CLI parser (standard library only): value lists match app.core, every command resolves."""

from __future__ import annotations

import argparse
import inspect
from collections.abc import Iterator

import pytest

from app.cli import parser as cli_parser
from app.cli import resolve_handler
from app.core.enums import (
    CaseStatus,
    Channel,
    DocumentKind,
    IdentityMethod,
    IdentityOutcome,
    Language,
    RequestType,
)
from app.core.finalise_gate import Condition
from app.core.outcomes import OUTCOMES, REFUSAL_GROUNDS
from app.core.validation import REPRESENTATIVE_ROLES
from app.letters.kinds import letter_kinds
from app.services.portability import PORTABILITY_OUTCOMES
from app.services.reports import LANGUAGES as REPORT_LANGUAGES

# Scripts depend on these names: a command is added here on purpose, never removed by accident.
CASE_ACTIONS = """add read list show status note attach link pause resume extend identifiers
decide search findings review erase rectify dossier portability identity
decide-portability suppress""".split()
DOCUMENTED_COMMANDS = {f"case {action}" for action in CASE_ACTIONS} | {
    "connectors list", "connectors kinds", "connectors test", "connectors add", "connectors index",
    "report register", "report yearly", "retention list", "retention apply",
    "register export", "register show", "register set", "suppression export", "settings",
    "backup", "officer", "letter",
    "letters-today", "selftest", "deadline", "demo", "audit verify",
    "audit key", "today", "letter-posted", "inbox scan", "inbox list", "inbox register",
}  # fmt: skip


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every leaf command with its words, e.g. ("case", "add")."""
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subparsers:
        yield path, parser
    for action in subparsers:
        for name, child in action.choices.items():
            yield from _commands(child, (*path, name))


def test_value_lists_match_the_core() -> None:
    assert cli_parser.REQUEST_TYPES == tuple(t.value for t in RequestType)
    assert cli_parser.CASE_STATUSES == tuple(s.value for s in CaseStatus)
    assert cli_parser.CHANNELS == tuple(c.value for c in Channel)
    assert cli_parser.LETTER_LANGUAGES == tuple(lang.value for lang in Language)
    assert cli_parser.LANGUAGES == ("nl", "en")  # the GUI's languages (Qt catalogues)
    assert cli_parser.REPORT_LANGUAGES == REPORT_LANGUAGES
    assert cli_parser.REPRESENTATIVE_ROLES == REPRESENTATIVE_ROLES
    assert set(cli_parser.ATTACHMENT_KINDS) <= {k.value for k in DocumentKind}
    assert cli_parser.OUTCOMES == OUTCOMES
    assert cli_parser.REFUSAL_GROUNDS == REFUSAL_GROUNDS
    assert cli_parser.IDENTITY_METHODS == tuple(m.value for m in IdentityMethod)
    assert cli_parser.IDENTITY_OUTCOMES == tuple(o.value for o in IdentityOutcome)
    assert cli_parser.GATE_CONDITIONS == tuple(c.value for c in Condition)
    assert cli_parser.PORTABILITY_OUTCOMES == PORTABILITY_OUTCOMES


def test_letter_types_come_from_the_letter_kind_registry() -> None:
    choices = cli_parser.LetterTypeChoices()
    assert list(choices) == [kind.code for kind in letter_kinds()]
    assert "acknowledgement" in choices and "nope" not in choices


def test_every_command_names_a_function_that_exists() -> None:
    commands = list(_commands(cli_parser.build_parser()))
    words = {" ".join(path) for path, _ in commands}
    assert words == DOCUMENTED_COMMANDS
    for path, sub in commands:
        target = sub.get_default("handler")
        assert isinstance(target, str) and ":" in target, path
        function = resolve_handler(argparse.Namespace(handler=target))
        assert inspect.isfunction(function) and function.__name__.startswith("cmd_"), path


def test_bad_dates_and_pauses_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    parser = cli_parser.build_parser()
    with pytest.raises(SystemExit) as exc:
        parser.parse_args(["deadline", "--received", "20261124"])
    assert exc.value.code == 2 and "is not a date" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        parser.parse_args(["deadline", "--received", "2026-11-24", "--pause", "2026-11-30:x"])
    assert "is not a pause" in capsys.readouterr().err
    args = parser.parse_args(["deadline", "--received", "2026-11-24", "--pause", "2026-11-30:"])
    assert args.pause[0][1] is None and args.handler == "admin:cmd_deadline"


def test_a_text_that_is_two_dashes_stays_text() -> None:
    """`case note REF -- --` (found by the hostile-input fuzzer): argparse 3.11 gave an empty
    list for the note, and the command failed with an unexpected error."""
    from app.cli.parser import build_parser

    parser = build_parser()
    assert parser.parse_args(["case", "note", "AVG-2026-0001", "--", "--"]).text == "--"
    assert parser.parse_args(["case", "note", "AVG-2026-0001", "--", "-- x"]).text == "-- x"
    assert parser.parse_args(["case", "note", "AVG-2026-0001", "--", "x"]).text == "x"
    assert parser.parse_args(["case", "note", "AVG-2026-0001", "plain"]).text == "plain"
