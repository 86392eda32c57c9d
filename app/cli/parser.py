"""The command-line parser: every subcommand and option, built from the standard library only."""

# Each subcommand names its function as "module:function" inside app.cli; app.cli.main imports
# that module only when the command runs. The value lists below mirror app.core (a unit test
# keeps them equal); letter types come from the letters package when a letter command is parsed.
from __future__ import annotations

import argparse
from collections.abc import Iterator
from datetime import date
from typing import Any

from app import PRODUCT_NAME, __version__
from app.core.kept_data import ART17_3_GROUNDS, KEEP_EVENTS

REQUEST_TYPES = ("access", "rectification", "erasure", "restriction", "portability", "objection")
CASE_STATUSES = (
    "registered",
    "identity_check",
    "in_progress",
    "on_hold",
    "answered",
    "closed",
    "withdrawn",
    "refused",
)
CHANNELS = ("post", "email", "web_form", "in_person", "phone")
REPRESENTATIVE_ROLES = ("lawyer", "parent", "guardian", "other")
ATTACHMENT_KINDS = ("scan", "authorisation", "id_copy", "attachment")
OUTCOMES = ("granted", "partly_refused", "refused", "no_data", "withdrawn")
REFUSAL_GROUNDS = (
    "manifestly_unfounded_or_excessive",
    "stated_in_refusal_letter",
    "kept_under_art_17_3",
    "compelling_grounds_art_21",
    "withheld_from_access",
)
IDENTITY_METHODS = (
    "matched_known_data",
    "extra_info_requested",
    "id_document_seen",
    "representative_authorisation",
)
IDENTITY_OUTCOMES = ("verified", "doubt", "failed")
# Irreversible steps ask on a terminal; scripts pass --yes (without it they change nothing).
_YES_HELP = "do not ask before this irreversible step (needed when not run from a terminal)"
GATE_CONDITIONS = (
    "identity",
    "systems_searched",
    "searches_failed",
    "manual_checks",
    "findings_reviewed",
    "changes_done",
    "authorisation",
    "portability_export",
    "processing_linked",
    "recipients_named",
    "register_language",
)
PORTABILITY_OUTCOMES = ("granted", "no_data", "refused")
EDITABLE_SETTINGS = (
    "letter_layout",
    "retention",
    "attachments",
    "extra_holidays",
    "reading_limits",
    "access_copy",
    "today",
    "letter_salutation",  # {"without_title": "neutral" | "full_name"}
    "sender",  # {"dpo_registered": true | false}
    "customer_number",
    "hot_folder",
)
LANGUAGES = ("nl", "en")  # the GUI and the commands' messages
LETTER_LANGUAGES = ("nl", "en", "de")  # the answer: a case's language, the letters
REPORT_LANGUAGES = ("nl", "en", "de")  # the register export, yearly report and dossier


def date_arg(value: str) -> date:
    """An argparse type for YYYY-MM-DD."""
    from app.core.dates import parse_iso_date
    from app.core.errors import ValidationError
    from app.core.i18n import _

    try:
        return parse_iso_date(value)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a date; use YYYY-MM-DD", value=value)
        ) from exc


def pause_arg(value: str) -> tuple[date, date | None]:
    """An argparse type for START:END (END may be empty: the pause still runs)."""
    from app.core.dates import parse_iso_date
    from app.core.errors import ValidationError
    from app.core.i18n import _

    start, _sep, end = value.partition(":")
    try:
        return parse_iso_date(start), (parse_iso_date(end) if end else None)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a pause; use START:END as YYYY-MM-DD:YYYY-MM-DD", value=value)
        ) from exc


class LetterTypeChoices:
    """The letter types as argparse choices, read from the letter-kind registry on first use."""

    def _values(self) -> list[str]:
        from app.letters.kinds import letter_codes

        return list(letter_codes())

    def __contains__(self, value: object) -> bool:
        return value in self._values()

    def __iter__(self) -> Iterator[str]:
        return iter(self._values())


class _Parser(argparse.ArgumentParser):
    """argparse with one quirk mended (CPython 3.11): a positional whose value is "--" itself,
    after the "--" that ends the options (`case note AVG-2026-0001 -- --`), came out as an empty
    list instead of the text "--", and the command failed on it. Subcommands inherit the class."""

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> Any:
        value = super()._get_values(action, arg_strings)
        if value == [] and action.nargs is None and not action.option_strings:
            return "--"
        return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="privacy-desk",
        description=f"{PRODUCT_NAME}: register and answer GDPR requests that arrive by post. "
        "Without a command the desktop application starts.",
    )
    parser.add_argument("--version", action="version", version=f"{PRODUCT_NAME} {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: PRIVACY_DESK_DB or the SQLite file in your user data folder)",
    )
    parser.add_argument("--user", help="name recorded in the audit trail (default: login name)")
    parser.add_argument(
        "--demo", action="store_true", help="start the GUI on a fresh temporary demo database"
    )
    parser.add_argument(
        "--lang",
        dest="ui_lang",
        choices=LANGUAGES,
        help="language of the GUI and of the commands' messages (default: the GUI's setting; "
        "English for commands)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    case = sub.add_parser("case", help="register, list, show and change cases")
    case_sub = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    _add_case_commands(case_sub)
    _add_admin_commands(sub)
    _add_letter_commands(sub)
    _add_system_commands(case_sub, sub)
    _add_report_commands(case_sub, sub)
    _add_selftest_deadline_demo(sub)
    _add_inbox_commands(sub)
    return parser


def _add_letter_options(add: Any, *, received_required: bool, for_case_add: bool = True) -> None:
    """The letter's fields (`case add`, `inbox register`): types, person, references, scan."""
    add.add_argument(
        "--type", action="append", choices=REQUEST_TYPES, help="request type (repeat for several)"
    )
    add.add_argument(
        "--received",
        type=date_arg,
        required=received_required,
        help="date of receipt YYYY-MM-DD"
        + ("" if received_required else " (default: the day the file arrived)"),
    )
    add.add_argument(
        "--name",
        required=for_case_add,
        help='full name, e.g. "Jan van der Berg"'
        + ("" if for_case_add else " (required unless --reminder-of)"),
    )
    add.add_argument("--salutation", choices=["heer", "mevrouw", ""], default="")
    add.add_argument("--street", help='street and house number, e.g. "Kerkstraat 12"')
    add.add_argument("--postcode")
    add.add_argument("--city")
    add.add_argument("--country", default="NL", help="two-letter code (default NL)")
    add.add_argument("--email")
    add.add_argument("--phone")
    add.add_argument(
        "--identifier",
        action="append",
        metavar="KIND=VALUE",
        help="e.g. customer_number=DB100042 (repeatable)",
    )
    add.add_argument("--their-reference")
    add.add_argument("--their-letter-date", type=date_arg)
    add.add_argument("--channel", default="post", choices=CHANNELS)
    add.add_argument(
        "--lang", default="nl", choices=LETTER_LANGUAGES, help="language of the answer (letters)"
    )
    add.add_argument("--summary")
    if for_case_add:  # an inbox letter is its own scan
        add.add_argument(
            "--attach", metavar="FILE", help="scan of the letter (PDF, PNG, JPEG, TIFF)"
        )
    rep = add.add_argument_group("representative (lawyer, parent, guardian acting for the person)")
    rep.add_argument("--rep-name", help="name of the representative (required with any --rep-*)")
    rep.add_argument("--rep-role", choices=REPRESENTATIVE_ROLES, help="default: other")
    for option in ("organisation", "street", "postcode", "city", "country", "email"):
        rep.add_argument(f"--rep-{option}")
    rep.add_argument(
        "--rep-authorisation", metavar="FILE", help="the authorisation (machtiging): PDF or image"
    )
    rep.add_argument(
        "--rep-authorisation-date",
        type=date_arg,
        metavar="YYYY-MM-DD",
        help="the date the authorisation bears (letters say 'your authorisation dated ...')",
    )


def _add_case_commands(case_sub: Any) -> None:
    """`case add|read|list|show|status|note|attach|link|pause|resume|extend|identifiers|decide`."""
    add = case_sub.add_parser("add", help="register a letter as a new case; prints the reference")
    _add_letter_options(add, received_required=True)
    add.set_defaults(handler="cases:cmd_case_add")

    read = case_sub.add_parser(
        "read",
        help="read a letter (text, PDF, or a scan by OCR) and propose what it asks and who wrote "
        "it; JSON gives each field with its source line and a confidence",
    )
    read.add_argument("file", metavar="FILE")
    read.add_argument("--format", default="text", choices=["text", "json"])
    read.set_defaults(handler="cases:cmd_case_read")

    lst = case_sub.add_parser("list", help="list cases")
    lst.add_argument("--status", action="append", help="filter by status (repeatable)")
    lst.add_argument("--type", choices=REQUEST_TYPES)
    lst.add_argument("--search", help="text in reference, name, postcode or e-mail")
    lst.add_argument("--from", dest="received_from", type=date_arg)
    lst.add_argument("--to", dest="received_to", type=date_arg)
    lst.add_argument("--open", action="store_true", help="only open cases")
    lst.add_argument(
        "--sort",
        default="reference",
        choices=["reference", "received", "requester", "status", "due"],
    )
    lst.add_argument("--format", default="table", choices=["table", "csv", "json"])
    lst.set_defaults(handler="cases:cmd_case_list")

    show = case_sub.add_parser("show", help="show one case")
    show.add_argument("reference")
    show.add_argument("--format", default="text", choices=["text", "json"])
    show.set_defaults(handler="cases:cmd_case_show")

    status = case_sub.add_parser("status", help="change the status of a case")
    status.add_argument("reference")
    status.add_argument("status", choices=CASE_STATUSES)
    status.add_argument("--note")
    status.add_argument("--yes", action="store_true", help=_YES_HELP)
    status.set_defaults(handler="cases:cmd_case_status")

    note = case_sub.add_parser("note", help="add a note")
    note.add_argument("reference")
    note.add_argument("text")
    note.set_defaults(handler="cases:cmd_case_note")

    attach = case_sub.add_parser("attach", help="attach a document")
    attach.add_argument("reference")
    attach.add_argument("file")
    attach.add_argument("--kind", default="scan", choices=ATTACHMENT_KINDS)
    attach.add_argument("--masked", action="store_true", help="ID copy: BSN and photo blacked out")
    attach.add_argument(
        "--dated",
        type=date_arg,
        metavar="YYYY-MM-DD",
        help="with --kind authorisation: the date the authorisation bears",
    )
    attach.set_defaults(handler="cases:cmd_case_attach")

    link = case_sub.add_parser("link", help="link a case to another (e.g. a reminder)")
    link.add_argument("reference")
    link.add_argument("other_reference")
    link.add_argument(
        "--relation",
        default="related",
        choices=["reminder_of", "related"],
        help="reminder_of: REFERENCE is a reminder about OTHER_REFERENCE",
    )
    link.set_defaults(handler="cases:cmd_case_link")

    pause = case_sub.add_parser("pause", help="stop the clock (question sent to the person)")
    pause.add_argument("reference")
    pause.add_argument("--start", type=date_arg, help="date the question was sent (default today)")
    pause.add_argument("--reason", required=True)
    pause.set_defaults(handler="cases:cmd_case_pause")

    resume = case_sub.add_parser("resume", help="restart the clock (the person answered)")
    resume.add_argument("reference")
    resume.add_argument("--end", type=date_arg, help="date the answer arrived (default today)")
    resume.set_defaults(handler="cases:cmd_case_resume")

    extend = case_sub.add_parser("extend", help="extend by two months (Art. 12(3) AVG)")
    extend.add_argument("reference")
    extend.add_argument("--notice-sent", type=date_arg, help="date the notice was sent")
    extend.add_argument("--reason", required=True)
    extend.set_defaults(handler="cases:cmd_case_extend")

    idents = case_sub.add_parser(
        "identifiers", help="show or replace the identifiers searched for (customer number, IP...)"
    )
    idents.add_argument("reference")
    idents.add_argument("identifier", nargs="*", metavar="KIND=VALUE")
    idents.set_defaults(handler="cases:cmd_case_identifiers")

    decide = case_sub.add_parser("decide", help="record the decision per request type")
    decide.add_argument("reference")
    decide.add_argument(
        "decision",
        nargs="+",
        metavar="TYPE=OUTCOME[:GROUND]",
        help=f"outcome: {', '.join(OUTCOMES)}; ground of a refusal: {', '.join(REFUSAL_GROUNDS)}",
    )
    decide.set_defaults(handler="cases:cmd_case_decide")

    identity = case_sub.add_parser("identity", help="record how the identity was checked")
    identity.add_argument("reference")
    identity.add_argument("--method", required=True, choices=IDENTITY_METHODS)
    identity.add_argument("--outcome", required=True, choices=IDENTITY_OUTCOMES)
    identity.add_argument("--checked-on", type=date_arg, help="default today")
    identity.add_argument(
        "--document-type", default="", help="with id_document_seen: e.g. passport"
    )
    identity.add_argument("--note", default="")
    identity.set_defaults(handler="cases:cmd_case_identity")

    port = case_sub.add_parser(
        "decide-portability", help="record the portability decision (after the export)"
    )
    port.add_argument("reference")
    port.add_argument("outcome", choices=PORTABILITY_OUTCOMES)
    port.add_argument("--note", default="", help="required when refused: why")
    port.set_defaults(handler="cases:cmd_case_decide_portability")


def _add_admin_commands(sub: Any) -> None:
    """`settings`, `backup`, `audit verify` and `officer`."""
    settings = sub.add_parser("settings", help="show or change a business setting (audited)")
    settings.add_argument("key", choices=EDITABLE_SETTINGS)
    settings.add_argument("value", nargs="?", help="new value as a JSON object")
    settings.set_defaults(handler="admin:cmd_settings")

    backup = sub.add_parser("backup", help="write a checked copy of the SQLite case base")
    backup.add_argument(
        "--out", required=True, metavar="FILE", help="e.g. cases-2026-11-25.sqlite3"
    )
    backup.set_defaults(handler="admin:cmd_backup")

    audit = sub.add_parser("audit", help="the tamper-evident audit trail")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_sub.add_parser(
        "verify",
        help="check the keyed event chain and every document's SHA-256 (exit 1: broken)",
        description="Checks every event of the keyed chain from the first, and every stored "
        "document's SHA-256 (a full check). An intact result is remembered as the checkpoint "
        "(position and hash, sealed with the chain's key); dossiers, yearly reports and the "
        "check after start verify only the events after it.",
    )
    verify.add_argument("--format", choices=["text", "json"], default="text")
    verify.add_argument(
        "--since-checkpoint",
        action="store_true",
        help="fast check: only the events after the last verified checkpoint (and every "
        "document); a forged checkpoint is reported. Tampering with older events is found by "
        "the full check (without this option) only",
    )
    verify.set_defaults(handler="audit:cmd_audit_verify")
    key = audit_sub.add_parser("key", help="where the audit-trail key is kept; --export copies it")
    key.add_argument("--export", metavar="FILE", help="write the key to a new file (mode 0600)")
    key.set_defaults(handler="audit:cmd_audit_key")

    officer = sub.add_parser("officer", help="your name as letters show it (handled by)")
    officer.add_argument("name", nargs="?", help='e.g. "M. de Vries"; without it: show it')
    officer.set_defaults(handler="letters:cmd_officer")


def _add_letter_commands(sub: Any) -> None:
    """`letter`, `letters-today` and `letter-posted`."""
    letter = sub.add_parser("letter", help="render a response letter for a case as PDF")
    letter.add_argument("reference")
    letter.add_argument(
        "--type", required=True, choices=LetterTypeChoices(), metavar="TYPE", help="%(choices)s"
    )
    letter.add_argument(
        "--lang", choices=LETTER_LANGUAGES, help="nl, en or de; default: the case's language"
    )
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
        help="store it as sent: hashed copy, audit trail, case dates; an answer that is not "
        "ready exits with 3 and lists what is still to be done on stderr",
    )
    letter.add_argument(
        "--override",
        action="append",
        metavar="CONDITION=REASON",
        help="with --final: go on without one unmet condition, with a written reason (audited; "
        f"the letter names what was not done); conditions: {', '.join(GATE_CONDITIONS)}",
    )
    letter.add_argument("--yes", action="store_true", help=_YES_HELP)
    letter.set_defaults(handler="letters:cmd_letter")

    today = sub.add_parser("letters-today", help="one PDF of all letters finalised today")
    today.add_argument("--out", required=True)
    today.add_argument("--duplex", action="store_true", help="blank page after odd letters")
    today.set_defaults(handler="letters:cmd_letters_today")

    posted = sub.add_parser(
        "letter-posted", help="mark a case's final letters as sent by post (printed elsewhere)"
    )
    posted.add_argument("reference")
    posted.add_argument("--on", type=date_arg, required=True, help="the posting date")
    posted.add_argument("--type", metavar="TYPE", help="only letters of this type")
    posted.add_argument("--yes", action="store_true", help=_YES_HELP)
    posted.set_defaults(handler="letters:cmd_letter_posted")


def _add_system_commands(case_sub: Any, sub: Any) -> None:
    """`case search|findings|review|erase|rectify`, `connectors`, `register`, `suppression`."""
    search = case_sub.add_parser("search", help="search all enabled systems for the person")
    search.add_argument("reference")
    search.add_argument("--format", default="table", choices=["table", "json"])
    search.add_argument("--strict", action="store_true", help="exit 1 when a system failed")
    search.set_defaults(handler="systems:cmd_case_search")

    findings = case_sub.add_parser("findings", help="list what the searches found")
    findings.add_argument("reference")
    findings.add_argument("--confirmed", action="store_true")
    findings.add_argument("--format", default="table", choices=["table", "json"])
    findings.set_defaults(handler="systems:cmd_case_findings")

    review = case_sub.add_parser("review", help="confirm or reject findings by id")
    review.add_argument("reference")
    review.add_argument("--confirm", type=int, nargs="*", default=[])
    review.add_argument("--reject", type=int, nargs="*", default=[])
    review.add_argument(
        "--undo-reject", type=int, nargs="*", default=[], metavar="ID",
        help="put rejected findings back to review (until the access, erasure or rectification "
        "letter is final)",
    )  # fmt: skip
    review.set_defaults(handler="systems:cmd_case_review")

    for name, help_text in (("erase", "erasure"), ("rectify", "rectification")):
        steps = ["plan", "approve", "execute", "by-hand", "list"]
        change = case_sub.add_parser(
            name,
            help=f"{help_text}: plan, approve, execute"
            + (", keep (why kept data is kept)" if name == "erase" else ""),
        )
        change.add_argument("reference")
        change.add_argument("step", choices=steps + (["keep"] if name == "erase" else []))
        if name == "rectify":
            change.add_argument("--set", action="append", metavar="FIELD=VALUE")
        change.add_argument(
            "--action",
            type=int,
            action="append",
            metavar="ID",
            help="by-hand/keep: the planned change (its id); repeat for several",
        )
        change.add_argument("--note", default="", help="by-hand: what was done, where (required)")
        if name == "erase":
            change.add_argument("--system", default="", help="keep: every kept item of a system")
            change.add_argument(
                "--ground",
                choices=list(ART17_3_GROUNDS),
                help="keep: the exception of Art. 17(3) GDPR (a-e)",
            )
            change.add_argument("--statute", default="", help="keep: the statutory rule")
            change.add_argument(
                "--event",
                default="",
                help="keep: what the period runs from: "
                + ", ".join(KEEP_EVENTS)
                + ", or your own words",
            )
            change.add_argument("--event-on", type=date_arg, help="keep: the date of that event")
            change.add_argument("--period", default="", help="keep: e.g. '7 years', '6 months'")
            change.add_argument(
                "--expires-on",
                type=date_arg,
                help="keep: instead of a ground, the date the data deletes itself (log lines)",
            )
        change.add_argument("--format", default="table", choices=["table", "json"])
        change.add_argument("--yes", action="store_true", help=_YES_HELP)
        change.set_defaults(handler="systems:cmd_case_change")

    suppress = case_sub.add_parser(
        "suppress",
        help="direct-marketing objection (Art. 21(2)/(3)): put the person's e-mail address on "
        "the suppression list (audited)",
    )
    suppress.add_argument("reference")
    suppress.add_argument("--email", default="", help="default: the e-mail address of the case")
    suppress.set_defaults(handler="systems:cmd_case_suppress")

    conn = sub.add_parser("connectors", help="the source systems that are searched")
    conn_sub = conn.add_subparsers(dest="connectors_command", metavar="ACTION", required=True)
    lst = conn_sub.add_parser("list", help="configured systems")
    lst.add_argument("--format", default="table", choices=["table", "json"])
    lst.set_defaults(handler="systems:cmd_connectors_list")
    conn_sub.add_parser("kinds", help="built-in connector kinds").set_defaults(
        handler="systems:cmd_connectors_kinds"
    )
    test = conn_sub.add_parser("test", help="test the connection to one system")
    test.add_argument("name")
    test.set_defaults(handler="systems:cmd_connectors_test")
    index = conn_sub.add_parser(
        "index", help="read the scans of a document folder by OCR now (searches then use them)"
    )
    index.add_argument("name")
    index.set_defaults(handler="systems:cmd_connectors_index")
    add = conn_sub.add_parser("add", help="add or change a system")
    add.add_argument("name")
    add.add_argument("--kind", required=True)
    add.add_argument("--settings", required=True, help="JSON object with the settings")
    add.add_argument("--secret", action="append", metavar="FIELD=VALUE")
    add.add_argument("--timeout", type=int, default=120)
    add.add_argument("--disabled", action="store_true")
    add.set_defaults(handler="systems:cmd_connectors_add")

    reg = sub.add_parser("register", help="the record of processing activities (Art. 30)")
    reg_sub = reg.add_subparsers(dest="register_command", metavar="ACTION", required=True)
    exp = reg_sub.add_parser("export", help="export the register")
    exp.add_argument("--format", default="csv", choices=["csv", "json"])
    exp.add_argument("--out", required=True)
    exp.set_defaults(handler="admin:cmd_register_export")
    show = reg_sub.add_parser(
        "show", help="the processings, their linked systems and what an access answer lacks"
    )
    show.add_argument("--lang", choices=REPORT_LANGUAGES, help="check one letter language")
    show.set_defaults(handler="admin:cmd_register_show")
    rset = reg_sub.add_parser(
        "set",
        help="change one processing: --field NAME=TEXT (e.g. recipients, retention_en), "
        "--system NAME (links; repeat; replaces the links)",
    )
    rset.add_argument("activity", help="the processing's name or id")
    rset.add_argument("--field", action="append", metavar="FIELD=TEXT", default=[])
    rset.add_argument("--system", action="append", metavar="SYSTEM")
    rset.add_argument("--no-systems", action="store_true", help="remove every link")
    rset.set_defaults(handler="admin:cmd_register_set")

    sup = sub.add_parser("suppression", help="direct-marketing suppression list")
    sup_sub = sup.add_subparsers(dest="suppression_command", metavar="ACTION", required=True)
    sexp = sup_sub.add_parser("export", help="export for the newsletter system")
    sexp.add_argument("--out", required=True)
    sexp.set_defaults(handler="systems:cmd_suppression_export")


def _add_report_commands(case_sub: Any, sub: Any) -> None:
    """`report register|yearly`, `case dossier|portability` and `retention list|apply`."""
    report = sub.add_parser("report", help="register exports and the yearly report")
    report_sub = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)

    reg = report_sub.add_parser("register", help="export the register of requests (CSV or XLSX)")
    reg.add_argument(
        "--from",
        dest="received_from",
        type=date_arg,
        required=True,
        help="first date of receipt, YYYY-MM-DD",
    )
    reg.add_argument(
        "--to",
        dest="received_to",
        type=date_arg,
        required=True,
        help="last date of receipt, YYYY-MM-DD",
    )
    reg.add_argument("--format", default="xlsx", choices=["csv", "xlsx"])
    reg.add_argument("--out", required=True, metavar="FILE")
    reg.add_argument(
        "--status",
        action="append",
        choices=CASE_STATUSES,
        help="only cases with this status (repeatable)",
    )
    reg.add_argument("--type", choices=REQUEST_TYPES)
    reg.add_argument(
        "--with-personal-data",
        action="store_true",
        help="add name, postcode and city (off by default)",
    )
    reg.add_argument(
        "--lang", default="nl", choices=REPORT_LANGUAGES, help="column headers and values"
    )
    reg.set_defaults(handler="reports:cmd_report_register")

    yearly = report_sub.add_parser("yearly", help="yearly report as PDF (no personal data)")
    yearly.add_argument("--year", type=int, required=True)
    yearly.add_argument("--lang", default="nl", choices=REPORT_LANGUAGES)
    yearly.add_argument("--out", required=True, metavar="FILE.pdf")
    yearly.set_defaults(handler="reports:cmd_report_yearly")

    dossier = case_sub.add_parser("dossier", help="export the case dossier (PDF + documents, ZIP)")
    dossier.add_argument("reference")
    dossier.add_argument("--out", required=True, metavar="FILE.zip")
    dossier.add_argument(
        "--lang",
        choices=REPORT_LANGUAGES,
        help="language of the dossier PDF (default: the case's answer language)",
    )
    dossier.set_defaults(handler="reports:cmd_case_dossier")

    port = case_sub.add_parser("portability", help="Art. 20 export of the confirmed findings (ZIP)")
    port.add_argument("reference")
    port.add_argument("--out", required=True, metavar="FILE.zip")
    port.set_defaults(handler="reports:cmd_case_portability")

    retention = sub.add_parser("retention", help="case files past their retention period")
    retention_sub = retention.add_subparsers(
        dest="retention_command", metavar="ACTION", required=True
    )
    lst = retention_sub.add_parser("list", help="list closed cases whose retention has passed")
    lst.add_argument("--format", default="table", choices=["table", "json"])
    lst.set_defaults(handler="reports:cmd_retention_list")
    apply = retention_sub.add_parser("apply", help="anonymise or delete those cases")
    apply.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    apply.add_argument("--mode", default="anonymise", choices=["anonymise", "delete"])
    apply.set_defaults(handler="reports:cmd_retention_apply")


def _add_selftest_deadline_demo(sub: Any) -> None:
    """`selftest`, `deadline`, `today` and `demo`."""
    selftest = sub.add_parser(
        "selftest",
        help="check this installation (database, letters, connectors, export, window); "
        "uses a temporary folder and never touches your own database",
    )
    selftest.add_argument(
        "--no-gui", action="store_true", help="skip opening the main window (no Qt platform)"
    )
    selftest.add_argument(
        "--keep", action="store_true", help="keep the temporary folder and print its path"
    )
    selftest.set_defaults(handler="selftest:cmd_selftest")

    deadline = sub.add_parser("deadline", help="compute the deadlines for a date of receipt")
    deadline.add_argument("--received", type=date_arg, required=True)
    deadline.add_argument("--pause", type=pause_arg, action="append", metavar="START:END")
    deadline.add_argument("--extended-on", type=date_arg, help="date the extension notice was sent")
    deadline.add_argument("--weeks", type=int, default=4, help="promise in weeks (default 4)")
    deadline.add_argument("--holiday", type=date_arg, action="append", help="extra decree holiday")
    deadline.add_argument("--format", default="json", choices=["json", "text"])
    deadline.set_defaults(handler="admin:cmd_deadline")

    today = sub.add_parser("today", help="what needs a person today, per case (the to-do list)")
    today.add_argument(
        "--mine", action="store_true", help="only your cases and the unassigned ones"
    )
    today.add_argument("--format", default="table", choices=["table", "json"])
    today.set_defaults(handler="today:cmd_today")

    demo = sub.add_parser("demo", help="fill the database with realistic demo cases")
    demo.add_argument("--cases", type=int, default=200)
    demo.add_argument(
        "--no-systems",
        action="store_true",
        help="skip the sample source systems (portal database, newsletter, logs)",
    )
    demo.set_defaults(handler="admin:cmd_demo")


def _add_inbox_commands(sub: Any) -> None:
    """`inbox scan|list|register`: letters from the hot folder (setting hot_folder)."""
    inbox = sub.add_parser(
        "inbox", help='letters from the scanner\'s hot folder ("Te registreren")'
    )
    inbox_sub = inbox.add_subparsers(dest="inbox_command", metavar="ACTION", required=True)
    scan = inbox_sub.add_parser(
        "scan", help="pick up new files in the hot folder and read them (OCR); registers nothing"
    )
    scan.set_defaults(handler="inbox:cmd_inbox_scan")
    lst = inbox_sub.add_parser("list", help="the letters waiting to be registered")
    lst.add_argument("--format", default="text", choices=["text", "json"])
    lst.add_argument("--with-text", action="store_true", help="json: include the text read")
    lst.set_defaults(handler="inbox:cmd_inbox_list")
    register = inbox_sub.add_parser(
        "register",
        help="register a waiting letter as a new case, or as a reminder on an earlier case",
    )
    register.add_argument("item", type=int, metavar="ITEM", help="the number from `inbox list`")
    register.add_argument(
        "--reminder-of",
        metavar="REFERENCE",
        help="the letter is a reminder about this case: no new case, no new deadline",
    )
    register.add_argument(
        "--confirm-other-person",
        action="store_true",
        help="link the reminder even though name and address differ from that case",
    )
    register.add_argument(
        "--reminder-unknown",
        action="store_true",
        help="a reminder whose earlier request was not found: a new case, flagged",
    )
    register.add_argument(
        "--ultimatum", type=date_arg, help="the answer date the reminder demands (YYYY-MM-DD)"
    )
    _add_letter_options(register, received_required=False, for_case_add=False)
    register.set_defaults(handler="inbox:cmd_inbox_register")
