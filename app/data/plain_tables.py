"""Lightweight Core views of the tables the fast reads use (`case show`, `today`, case list).

Plain ``table()``/``column()`` clauses instead of the declarative models: importing the
models and ``sqlalchemy.orm`` costs a command like `case show` about as much as its query
(issue 15). Only the columns these reads need are named; every column whose value is
converted on the way out (dates, UTC timestamps, JSON, booleans) carries the models' type, so
rows come back exactly as the ORM gives them, on SQLite and PostgreSQL alike. A test checks
each table and column against the models (tests/unit/data/test_plain_tables.py).
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Date, Integer, column, table
from sqlalchemy.sql.expression import TableClause

from app.data.types import UTCDateTime

organisation = table(
    "organisation",
    column("id", Integer),
    column("active", Boolean),
    column("promise_weeks", Integer),
)

reference_counter = table("reference_counter", column("year", Integer))

setting = table("setting", column("key"), column("value", JSON))

requester = table(
    "requester",
    column("id", Integer),
    column("salutation"),
    column("initials"),
    column("first_name"),
    column("name_prefix"),
    column("last_name"),
    column("street"),
    column("house_number"),
    column("postcode"),
    column("city"),
    column("country"),
    column("email"),
    column("phone"),
    column("birth_date", Date),
    column("name_key"),
)

requester_identifier = table(
    "requester_identifier",
    column("id", Integer),
    column("requester_id", Integer),
    column("kind"),
    column("value"),
)

case_file = table(
    "case_file",
    column("id", Integer),
    column("reference"),
    column("year", Integer),
    column("seq", Integer),
    column("received_on", Date),
    column("registered_on", Date),
    column("their_reference"),
    column("their_letter_date", Date),
    column("channel"),
    column("language"),
    column("status"),
    column("assigned_to"),
    column("summary"),
    column("requester_id", Integer),
    column("search_text"),
    column("type_codes"),
    column("promise_on", Date),
    column("post_by_on", Date),
    column("legal_due_on", Date),
    column("extended_due_on", Date),
    column("effective_due_on", Date),
    column("paused", Boolean),
    column("extension_notice_on", Date),
    column("extension_reason"),
    column("acknowledged_on", Date),
    column("answered_on", Date),
    column("closed_on", Date),
    column("outcome"),
    column("anonymised_at", UTCDateTime()),
    column("version", Integer),
    column("last_reminder_on", Date),
    column("ultimatum_on", Date),
    column("reminder_unknown", Boolean),
)

case_request_type = table(
    "case_request_type",
    column("id", Integer),
    column("case_id", Integer),
    column("code"),
    column("outcome"),
    column("refusal_ground"),
)

case_link = table(
    "case_link",
    column("id", Integer),
    column("case_id", Integer),
    column("other_case_id", Integer),
    column("relation"),
)

representative = table(
    "representative",
    column("id", Integer),
    column("case_id", Integer),
    column("name"),
    column("organisation"),
    column("role"),
    column("street"),
    column("postcode"),
    column("city"),
    column("country"),
    column("email"),
    column("authorisation_document_id", Integer),
    column("authorisation_dated", Date),
)

identity_check = table(
    "identity_check",
    column("id", Integer),
    column("case_id", Integer),
    column("method"),
    column("outcome"),
    column("checked_on", Date),
    column("checked_by"),
    column("document_type"),
    column("note"),
)

note = table(
    "note",
    column("id", Integer),
    column("case_id", Integer),
    column("author"),
    column("created_at", UTCDateTime()),
    column("text"),
)

pause = table(
    "pause",
    column("id", Integer),
    column("case_id", Integer),
    column("start_on", Date),
    column("end_on", Date),
    column("reason"),
)

# Never the content (deferred in the model): a scan can be megabytes.
document = table(
    "document",
    column("id", Integer),
    column("case_id", Integer),
    column("kind"),
    column("filename"),
    column("media_type"),
    column("sha256"),
    column("size", Integer),
    column("final", Boolean),
    column("masked", Boolean),
    column("deleted_at", UTCDateTime()),
    column("created_at", UTCDateTime()),
    column("created_by"),
    column("derived_from_id", Integer),
)

audit_event = table(
    "audit_event",
    column("id", Integer),
    column("case_id", Integer),
    column("at", UTCDateTime()),
    column("actor"),
    column("action"),
    column("summary"),
    column("before", JSON),
    column("after", JSON),
)

letter = table(
    "letter",
    column("id", Integer),
    column("case_id", Integer),
    column("status"),
    column("printed_at", UTCDateTime()),
)

connector_config = table(
    "connector_config", column("name"), column("kind"), column("settings", JSON)
)

connector_run = table(
    "connector_run",
    column("id", Integer),
    column("case_id", Integer),
    column("system"),
    column("operation"),
    column("status"),
)

finding = table("finding", column("id", Integer), column("case_id", Integer), column("review"))

change_action = table(
    "change_action",
    column("id", Integer),
    column("case_id", Integer),
    column("system"),
    column("operation"),
    column("action"),
    column("approved_at", UTCDateTime()),
    column("outcome"),
)

manual_task = table(
    "manual_task", column("id", Integer), column("case_id", Integer), column("result")
)

recipient_notice = table("recipient_notice", column("id", Integer), column("case_id", Integer))

TABLES: tuple[TableClause, ...] = (
    organisation,
    setting,
    reference_counter,
    requester,
    requester_identifier,
    case_file,
    case_request_type,
    case_link,
    representative,
    identity_check,
    note,
    pause,
    document,
    audit_event,
    letter,
    connector_config,
    connector_run,
    finding,
    change_action,
    manual_task,
    recipient_notice,
)

# The sorted-on columns that may be empty (``table()`` columns carry no nullability): only
# these get "NULLS LAST" in the case list's order (see case_queries._order; a test checks
# every sort column against the models).
NULLABLE: frozenset[tuple[str, str]] = frozenset(
    {("case_file", "legal_due_on"), ("case_file", "effective_due_on")}
)
