"""The access answer (Art. 15): the processings that apply, and a copy of the data to read.

The processings come from the register, linked to the systems by id; the officer may leave
out those that do not apply to this person (option ``leave_out``). The copy names each record
as a person knows it ("E-mail van 13 oktober 2026"), gives dates in the letter's language,
the person's own messages and documents in full and every log line, withholds other people's
data (``app.core.withholding``) and never shows paths, message ids or search metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import PurePath
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.connectors.base import TEXT_FIELD
from app.connectors.web_logs import LINES_FIELD
from app.core.dates import format_date
from app.core.enums import FindingReview
from app.core.errors import UserError
from app.core.i18n import C_, N_, _, translate
from app.core.register_rules import (
    missing_texts,
    named_recipients,
    recipients_unnamed,
    text_in,
)
from app.core.withholding import WITHHELD, OwnData, withhold_others
from app.data.models import Case, ConnectorConfig, Finding, ProcessingActivity
from app.letters.kinds import PayloadRequest
from app.letters.payloads import (
    AccessPayload,
    DataRow,
    LegendEntry,
    LogLine,
    ProcessingInfo,
    SystemData,
)
from app.services.searches import subject_of
from app.services.stored_settings import active_organisation, read_setting

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
LEAVE_OUT = "leave_out"  # letter option: processings left out (names or ids, one per line)
WITHHOLD = "withhold"  # letter option: other people's names to withhold too

# What a search adds to help the officer, never part of the copy.
_SEARCH_METADATA = frozenset({"snippet", "also matched", "problem", "file", "sample requests"})
_LOG_SUMMARY = frozenset(
    {"requests", "first seen", "last seen", "sample requests", "IP addresses", "user agents"}
)
# Table labels of the example portal mapping (resources/connectors), for the catalogues.
_RECORD_LABELS = (
    N_("Portal accounts"),
    N_("Support tickets"),
    N_("Remote support sessions"),
    N_("Portal logins"),
)
# Column names of files (CSV, spreadsheets) read as the catalogue's field names.
_FIELD_SYNONYMS = {
    "email": N_("e-mail address"),
    "e-mail": N_("e-mail address"),
    "mail": N_("e-mail address"),
    "subscribed on": N_("subscribed on"),
    "phone": N_("phone number"),
    "name": N_("name"),
}
_MAIL_FIELDS = (
    ("subject", C_("copy field", "Subject")),
    ("date", C_("copy field", "Date")),
    ("from", C_("copy field", "From")),
    ("to", C_("copy field", "To")),
    ("cc", C_("copy field", "Cc")),
)
_TEXT = C_("copy field", "Text")
_MAIL_UNDATED = C_("copy record", "E-mail without a date")
_ENTRY = C_("copy record", "Entry")
_LEGEND = {
    "contact details": C_("legend", "how to reach you: address, telephone, e-mail"),
    "identification": C_("legend", "data that identify you, such as your name"),
    "customer administration": C_("legend", "your customer number and account"),
    "support history": C_("legend", "your questions to our support and our answers"),
    "technical data": C_("legend", "data your computer sends: IP address, browser"),
    "online identifiers": C_("legend", "IP address and browser data of a website visit"),
    "website usage": C_("legend", "which pages of our website were requested"),
    "correspondence": C_("legend", "e-mails and letters between you and us"),
    "documents": C_("legend", "files in which your data appear"),
    "newsletter": C_("legend", "your subscription to our newsletter"),
}
_LEGEND_IP = (
    C_("legend", "IP address"),
    C_("legend", "the number of the internet connection a request came from"),
)
_LEGEND_BROWSER = (
    C_("legend", "Browser"),
    C_("legend", "the program and device used, as it announced itself"),
)
_LEGEND_WITHHELD = C_("legend", "data of another person that we may not give you (Art. 15(4) GDPR)")
_ISO = re.compile(
    r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?)?(?![\d:])"
)


# --- which processings -----------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """The processings an access answer prints and the systems with data but no processing."""

    processings: tuple[ProcessingActivity, ...]
    unlinked_systems: tuple[str, ...]
    found_systems: tuple[str, ...]


def _wanted(options: Mapping[str, str], key: str) -> list[str]:
    return [x.strip() for x in re.split(r"[;\n]", options.get(key, "") or "") if x.strip()]


def _confirmed(session: Session, case: Case) -> list[Finding]:
    return list(
        session.scalars(
            select(Finding)
            .where(Finding.case_id == case.id, Finding.review == FindingReview.CONFIRMED)
            .order_by(Finding.system, Finding.id)
        )
    )


def select_processings(
    session: Session, case: Case, options: Mapping[str, str], findings: Iterable[Finding] = ()
) -> Selection:
    """The register entries for this answer: linked to a system with data, or linked to none
    (they may apply to anyone), minus those the officer left out."""
    found = tuple(dict.fromkeys(f.system for f in (findings or _confirmed(session, case))))
    activities = list(session.scalars(select(ProcessingActivity).order_by(ProcessingActivity.id)))
    left_out: set[int] = set()
    by_name = {a.name.casefold(): a.id for a in activities}
    ids = {str(a.id): a.id for a in activities}
    for wanted in _wanted(options, LEAVE_OUT):
        pid = ids.get(wanted) or by_name.get(wanted.casefold())
        if pid is None:
            raise UserError(
                _(
                    "'{name}' is not a processing activity in the register. Leave out one "
                    "of: {known}.",
                    name=wanted,
                    known="; ".join(a.name for a in activities),
                )
            )
        left_out.add(pid)
    connectors = {
        k: v for k, v in session.execute(select(ConnectorConfig.name, ConnectorConfig.id))
    }
    found_ids = {connectors[s] for s in found if s in connectors}
    chosen: list[ProcessingActivity] = []
    covered: set[int] = set()
    if found:
        for a in activities:
            linked = {link.connector_id for link in a.links}
            if a.id in left_out or (linked and not linked & found_ids):
                continue
            chosen.append(a)
            covered |= linked
    unlinked = tuple(s for s in found if connectors.get(s) not in covered)
    return Selection(tuple(chosen), unlinked, found)


@dataclass(frozen=True)
class RegisterFacts:
    unlinked_systems: tuple[str, ...]
    unnamed_recipients: tuple[str, ...]
    missing_texts: tuple[str, ...]


def register_facts(
    session: Session, case: Case, options: Mapping[str, str], lang: str
) -> RegisterFacts:
    """The gate's register facts (``GateSnapshot`` fields) for an access answer in ``lang``."""
    chosen = select_processings(session, case, options)
    unnamed = tuple(
        a.name
        for a in chosen.processings
        if recipients_unnamed(
            a.recipients,
            text_in(_dutch(a), a.translations, "recipient_categories", lang)
            or a.recipient_categories,
            text_in(_dutch(a), a.translations, "recipients_unnamed_reason", lang)
            or a.recipients_unnamed_reason,
        )
    )
    missing = []
    for a in chosen.processings:
        fields = missing_texts(_dutch(a), a.translations, lang)
        if fields:
            missing.append(f"{a.name}: {', '.join(fields)}")
    return RegisterFacts(chosen.unlinked_systems, unnamed, tuple(missing))


def _dutch(a: ProcessingActivity) -> dict[str, str]:
    return {
        "name": a.name,
        "purposes": a.purposes,
        "legal_basis": a.legal_basis,
        "data_categories": a.data_categories,
        "recipient_categories": a.recipient_categories,
        "recipients_unnamed_reason": a.recipients_unnamed_reason,
        "retention": a.retention,
        "source": a.source,
        "transfers": a.transfers,
        "automated_decisions": a.automated_decisions,
    }


def _processing_info(a: ProcessingActivity, lang: str) -> ProcessingInfo:
    dutch = _dutch(a)

    def t(field: str) -> str:
        return text_in(dutch, a.translations, field, lang)

    return ProcessingInfo(
        name=t("name") or a.name,
        purposes=t("purposes") or "-",
        legal_basis=t("legal_basis") or "-",
        categories=t("data_categories") or "-",
        recipients=named_recipients(a.recipients),
        retention=t("retention") or "-",
        source=t("source") or ("-" if a.source.strip() else ""),
        automated_decisions=t("automated_decisions") or ("-" if a.automated_decisions else ""),
        transfers=t("transfers") or ("-" if a.transfers.strip() else ""),
        recipient_categories=t("recipient_categories")
        or ("-" if a.recipient_categories.strip() else ""),
        recipients_unnamed_reason=t("recipients_unnamed_reason"),
    )


# --- the copy --------------------------------------------------------------------------------


def format_moment(moment: datetime, lang: str) -> str:
    """ "18 oktober 2026, 07:48" in Europe/Amsterdam time (naive moments are taken as local)."""
    local = moment.astimezone(AMSTERDAM) if moment.tzinfo else moment
    return f"{format_date(local.date(), lang)}, {local:%H:%M}"


def readable_dates(text: str, lang: str) -> str:
    """ISO dates and timestamps in ``text`` written as the letter's language writes them."""

    def one(m: re.Match[str]) -> str:
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return m[0]
        if m[4] is None:
            return format_date(day, lang)
        try:
            moment = datetime.fromisoformat(m[0].replace(" ", "T").replace("Z", "+00:00"))
        except ValueError:
            return m[0]
        return format_moment(moment, lang)

    return _ISO.sub(one, text)


_NOT_A_RECORD_DATE = ("birth", "geboort", "geburt")


def _record_date(fields: Mapping[str, Any], lang: str) -> str:
    """The date a record is known by: its first moment (date and time), else its first date
    that is not a birth date."""
    candidates = [(str(k).lower(), _ISO.search(str(v))) for k, v in fields.items()]
    found = [(k, m) for k, m in candidates if m is not None]
    ordered = [m for _k, m in found if m[4] is not None] + [
        m for k, m in found if m[4] is None and not any(w in k for w in _NOT_A_RECORD_DATE)
    ]
    for m in ordered:
        try:
            return format_date(date(int(m[1]), int(m[2]), int(m[3])), lang)
        except ValueError:
            continue
    return ""


def field_label(field: str, lang: str) -> str:
    """A field name in the letter's language: "first_name" reads as "first name" first."""
    name = str(field)
    shown = translate(name, lang)
    if shown == name and ("_" in name or name.islower()):
        human = name.replace("_", " ").strip()
        shown = translate(_FIELD_SYNONYMS.get(human, human), lang)
    return shown


def _looks_like_file(location: str) -> bool:
    return "/" in location or "\\" in location or bool(PurePath(location).suffix)


class _Copy:
    """Builds the readable copy of one answer, counting what it withholds."""

    def __init__(self, lang: str, own: OwnData) -> None:
        self.lang = lang
        self.own = own
        self.withheld = 0
        self.categories: dict[str, str] = {}
        self.titles: dict[str, int] = {}
        self.has_ip = False

    def _withhold(self, text: str) -> str:
        clean, n = withhold_others(text, self.own, self.lang)
        self.withheld += n
        return clean

    def _title(self, title: str) -> str:
        n = self.titles.get(title, 0) + 1
        self.titles[title] = n
        return title if n == 1 else f"{title} ({n})"

    def _category(self, raw: Iterable[Any]) -> str:
        names = []
        for c in raw:
            shown = translate(str(c), self.lang)
            self.categories.setdefault(str(c), shown)
            names.append(shown)
        return ", ".join(names)

    def mail(self, f: Finding) -> list[DataRow]:
        lang = self.lang
        when = ""
        try:
            when = format_moment(parsedate_to_datetime(str(f.fields.get("date", ""))), lang)
        except (TypeError, ValueError, IndexError):
            when = ""
        day = when.split(",")[0]
        title = self._title(
            C_("copy record", "E-mail of {date}", date=day).render(lang)
            if when
            else _MAIL_UNDATED.render(lang)
        )
        category = self._category(f.categories)
        rows = []
        for key, label in _MAIL_FIELDS:
            value = str(f.fields.get(key, "") or "").strip()
            if key == "date":
                value = when
            elif key in ("from", "to", "cc"):
                value = self._withhold(value)
            if value:
                rows.append(DataRow(title, label.render(lang), value, category))
        text = str(f.fields.get(TEXT_FIELD, "") or "").strip()
        if text:
            rows.append(DataRow(title, _TEXT.render(lang), self._withhold(text), category))
        return rows

    def document(self, f: Finding) -> list[DataRow]:
        name = PurePath(str(f.fields.get("file") or f.record_id).replace("\\", "/")).name
        title = self._title(C_("copy record", "Document {name}", name=name).render(self.lang))
        text = str(f.fields.get(TEXT_FIELD, "") or "").strip()
        if not text:
            text = str(f.fields.get("snippet", "") or "").strip()
        return [
            DataRow(
                title,
                _TEXT.render(self.lang),
                self._withhold(readable_dates(text, self.lang)),
                self._category(f.categories),
            )
        ]

    def record(self, f: Finding) -> list[DataRow]:
        lang = self.lang
        fields = {k: v for k, v in f.fields.items() if k not in _SEARCH_METADATA}
        location = f.location.strip()
        label = (
            _ENTRY.render(lang)
            if not location or _looks_like_file(location)
            else translate(location, lang)
        )
        when = _record_date(fields, lang)
        title = self._title(f"{label}, {when}" if when else label)
        per_field = f.field_categories or {}
        record_category = self._category(f.categories)
        rows = []
        for field, value in fields.items():
            text = readable_dates(str(value), lang)
            if "\n" in text or len(text) > 80:
                text = self._withhold(text)
            if "ip" in str(field).lower().split():
                self.has_ip = True
            category = (
                self._category([per_field[field]]) if per_field.get(field) else record_category
            )
            label = field_label(str(field), lang)
            rows.append(DataRow(title, label[:1].upper() + label[1:], text, category))
        return rows

    def log_lines(self, f: Finding) -> list[tuple[str, LogLine]]:
        """(ISO time for sorting, the readable line) for every line of the finding."""
        self._category(f.categories)
        self.has_ip = True
        out = []
        for line in str(f.fields.get(LINES_FIELD, "") or "").splitlines():
            when, host, request, _status, agent = (line.split("\t") + [""] * 5)[:5]
            try:
                shown = format_moment(datetime.fromisoformat(when), self.lang) if when else ""
            except ValueError:
                shown = ""
            parts = request.split()
            # "GET /page HTTP/1.1": the page; another method (a form sent: POST) is named.
            if len(parts) >= 2:
                asked = parts[1] if parts[0] in ("GET", "HEAD") else f"{parts[0]} {parts[1]}"
            else:
                asked = request
            out.append((when, LogLine(shown, asked, host, agent)))
        return out

    def log_summary(self, f: Finding) -> list[DataRow]:
        """A log finding from before full lines were kept: what it says, without samples."""
        title = self._title(translate(N_("log lines"), self.lang))
        keep = ("requests", "first seen", "last seen", "IP addresses", "user agents")
        category = self._category(f.categories)
        return [
            DataRow(title, translate(k, self.lang), readable_dates(str(f.fields[k]), self.lang),
                    category)
            for k in keep
            if f.fields.get(k)
        ]  # fmt: skip

    def legend(self) -> tuple[LegendEntry, ...]:
        lang = self.lang
        entries = [
            LegendEntry(shown, _LEGEND[raw].render(lang))
            for raw, shown in self.categories.items()
            if raw in _LEGEND
        ]
        if self.has_ip:
            entries.append(LegendEntry(_LEGEND_IP[0].render(lang), _LEGEND_IP[1].render(lang)))
            entries.append(
                LegendEntry(_LEGEND_BROWSER[0].render(lang), _LEGEND_BROWSER[1].render(lang))
            )
        if self.withheld:
            entries.append(LegendEntry(WITHHELD.render(lang), _LEGEND_WITHHELD.render(lang)))
        return tuple(entries)


def _own_data(session: Session, case: Case, options: Mapping[str, str]) -> OwnData:
    subject = subject_of(case)
    org = active_organisation(session)
    r = case.requester
    names = [r.full_name, " ".join(p for p in (r.first_name, r.name_prefix, r.last_name) if p)]
    return OwnData.of(
        [*subject.emails, *subject.phones, *subject.customer_numbers, *subject.ip_addresses,
         *subject.user_ids],
        names=names,
        keep_addresses=[org.email],
        extra_terms=_wanted(options, WITHHOLD),
    )  # fmt: skip


def build_access_payload(
    session: Session, case: Case, options: Mapping[str, str], lang: str
) -> AccessPayload:
    findings = _confirmed(session, case)
    copy = _Copy(lang, _own_data(session, case, options))
    rows: dict[str, list[DataRow]] = {}
    logs: dict[str, list[tuple[str, LogLine]]] = {}
    for f in findings:
        keys = set(f.fields)
        rows.setdefault(f.system, [])
        if LINES_FIELD in keys:
            logs.setdefault(f.system, []).extend(copy.log_lines(f))
        elif keys & _LOG_SUMMARY == _LOG_SUMMARY - {"user agents", "sample requests"} or (
            "requests" in keys and "first seen" in keys
        ):
            rows[f.system].extend(copy.log_summary(f))
        elif {"subject", "from"} <= keys:
            rows[f.system].extend(copy.mail(f))
        elif TEXT_FIELD in keys or ("file" in keys and "snippet" in keys):
            rows[f.system].extend(copy.document(f))
        else:
            rows[f.system].extend(copy.record(f))
    chosen = select_processings(session, case, options, findings)
    connectors = {
        k: v for k, v in session.execute(select(ConnectorConfig.id, ConnectorConfig.name))
    }
    heading: dict[str, str] = {}
    for a in chosen.processings:  # in register order: a system's first processing heads it
        for link in a.links:
            name = connectors.get(link.connector_id)
            if name is not None and name not in heading:
                heading[name] = _processing_info(a, lang).name
    merged: dict[str, tuple[list[DataRow], list[tuple[str, LogLine]]]] = {}
    for system, system_rows in rows.items():
        # Headed by what the data is for (its processing, in the letter's language); the
        # office's own name of the system only where no processing is linked. Systems of the
        # same processing share one section.
        title = heading.get(system, system)
        section = merged.setdefault(title, ([], []))
        section[0].extend(system_rows)
        section[1].extend(logs.get(system, []))
    systems = [
        SystemData(
            title,
            tuple(data_rows),
            tuple(line for _iso, line in sorted(set(lines), key=lambda p: p[0])),
        )
        for title, (data_rows, lines) in merged.items()
    ]
    threshold = int(read_setting(session, "access_copy").get("log_lines_in_letter", 200))
    return AccessPayload(
        processings=tuple(_processing_info(a, lang) for a in chosen.processings),
        data_by_system=tuple(systems),
        redactions=options.get("redactions", ""),
        no_data_found=not findings,
        withheld=copy.withheld,
        legend=copy.legend(),
        log_lines_in_letter=threshold,
    )


def access_payload(req: PayloadRequest) -> AccessPayload:
    return build_access_payload(req.session, req.case, req.options, req.lang)
