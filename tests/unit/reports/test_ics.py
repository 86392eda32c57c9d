"""Tests for the iCalendar export of deadlines, read back with a small RFC 5545 parser."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.reports.ics import DeadlineEvent, deadlines_to_ics, escape_text, fold_line

NOW = datetime(2026, 11, 24, 9, 30, 15, tzinfo=UTC)


def physical_lines(ics: str) -> list[str]:
    assert ics.endswith("\r\n")
    assert "\n" not in ics.replace("\r\n", "")  # no bare LF
    assert "\r" not in ics.replace("\r\n", "")  # no bare CR
    return ics[: -len("\r\n")].split("\r\n")


def unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").replace("\r\n\t", "").removesuffix("\r\n").split("\r\n")


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def parse(ics: str) -> list[dict[str, str]]:
    """Return one dict per VEVENT (property name with parameters -> raw value); alarms inline."""
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    stack: list[str] = []
    for line in unfold(ics):
        name, _, value = line.partition(":")
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = {}
            continue
        if name == "END":
            assert stack.pop() == value
            if value == "VEVENT":
                assert current is not None
                events.append(current)
                current = None
            continue
        if current is not None:
            key = f"VALARM.{name}" if stack[-1] == "VALARM" else name
            assert key not in current, f"property {key} twice"
            current[key] = value
    assert stack == []
    return events


def event(**overrides: object) -> DeadlineEvent:
    values: dict[str, object] = {
        "uid": "legal-PD-2026-0012@privacy-desk",
        "reference": "PD-2026-0012",
        "due": date(2026, 4, 7),
        "summary": "Wettelijke termijn PD-2026-0012",
        "description": "",
    }
    values.update(overrides)
    return DeadlineEvent(**values)  # type: ignore[arg-type]


def test_calendar_structure() -> None:
    ics = deadlines_to_ics([event()], now=NOW)
    lines = unfold(ics)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert any(line.startswith("PRODID:-//Privacy Desk//") for line in lines)
    [ev] = parse(ics)
    assert ev["UID"] == "legal-PD-2026-0012@privacy-desk"
    assert ev["DTSTAMP"] == "20261124T093015Z"
    assert ev["DTSTART;VALUE=DATE"] == "20260407"
    assert ev["DTEND;VALUE=DATE"] == "20260408"
    assert ev["SUMMARY"] == "Wettelijke termijn PD-2026-0012"
    assert ev["X-PRIVACY-DESK-REFERENCE"] == "PD-2026-0012"
    assert "DESCRIPTION" not in ev  # empty description left out
    assert ev["VALARM.ACTION"] == "DISPLAY"
    assert ev["VALARM.TRIGGER"] == "-P2D"
    assert ev["VALARM.DESCRIPTION"] == "Wettelijke termijn PD-2026-0012"


def test_dtend_crosses_month_and_year() -> None:
    events = [
        event(uid="a", due=date(2026, 12, 31)),
        event(uid="b", due=date(2024, 2, 28)),
        event(uid="c", due=date(2026, 4, 30)),
    ]
    parsed = parse(deadlines_to_ics(events, now=NOW))
    assert [(e["DTSTART;VALUE=DATE"], e["DTEND;VALUE=DATE"]) for e in parsed] == [
        ("20261231", "20270101"),
        ("20240228", "20240229"),
        ("20260430", "20260501"),
    ]


def test_dtstamp_is_converted_to_utc() -> None:
    amsterdam_summer = timezone(timedelta(hours=2))
    now = datetime(2026, 7, 1, 1, 15, 0, tzinfo=amsterdam_summer)
    [ev] = parse(deadlines_to_ics([event()], now=now))
    assert ev["DTSTAMP"] == "20260630T231500Z"


def test_dtstamp_defaults_to_current_utc_time() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    [ev] = parse(deadlines_to_ics([event()]))
    stamp = datetime.strptime(ev["DTSTAMP"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert before <= stamp <= datetime.now(UTC)


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        deadlines_to_ics([event()], now=datetime(2026, 11, 24, 9, 0))


def test_escaping_round_trips() -> None:
    text = "Verlengd; zie brief, paragraaf 2\\3\nTweede regel\r\nDerde"
    ics = deadlines_to_ics([event(summary=text, description=text)], now=NOW)
    [ev] = parse(ics)
    assert ev["SUMMARY"] == "Verlengd\\; zie brief\\, paragraaf 2\\\\3\\nTweede regel\\nDerde"
    assert unescape(ev["SUMMARY"]) == "Verlengd; zie brief, paragraaf 2\\3\nTweede regel\nDerde"
    assert unescape(ev["DESCRIPTION"]) == unescape(ev["SUMMARY"])


def test_control_characters_are_dropped() -> None:
    assert escape_text("a\x00b\x07c\td") == "abc\td"
    assert escape_text("x\udcffy") == "x\ufffdy"  # a lone surrogate cannot be UTF-8


@given(
    st.text(
        alphabet=st.characters(exclude_categories=["Cs", "Cc"]) | st.sampled_from("\n\t;,\\"),
        max_size=200,
    )
)
def test_escape_round_trips(text: str) -> None:
    escaped = escape_text(text)
    assert "\n" not in escaped  # a value stays on one content line
    escaped.encode("utf-8")
    assert unescape(escaped) == text


def test_long_lines_are_folded_at_75_octets() -> None:
    description = "Toelichting bij de verlenging van de termijn: " + "ééé € " * 40
    ics = deadlines_to_ics([event(description=description)], now=NOW)
    lines = physical_lines(ics)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)  # something was folded
    [ev] = parse(ics)
    assert unescape(ev["DESCRIPTION"]) == description


@given(
    st.text(
        alphabet=st.characters(exclude_characters="\r\n", exclude_categories=["Cs"]),
        max_size=400,
    )
)
def test_fold_line_never_exceeds_75_octets_and_unfolds_exactly(text: str) -> None:
    line = "DESCRIPTION:" + text
    folded = fold_line(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert folded.replace("\r\n ", "") == line


def test_fold_keeps_short_lines_and_breaks_exactly_at_75() -> None:
    assert fold_line("A" * 75) == "A" * 75
    assert fold_line("A" * 76) == "A" * 75 + "\r\n A"
    assert fold_line("A" * 74 + "é") == "A" * 74 + "\r\n é"  # two octets do not fit


def test_several_events_and_only_given_data() -> None:
    events = [
        event(uid="legal-PD-1@pd", reference="PD-1", summary="Termijn PD-1"),
        event(
            uid="promise-PD-2@pd", reference="PD-2", summary="Belofte PD-2", due=date(2026, 5, 1)
        ),
    ]
    ics = deadlines_to_ics(events, now=NOW)
    parsed = parse(ics)
    assert [e["UID"] for e in parsed] == ["legal-PD-1@pd", "promise-PD-2@pd"]
    assert [e["X-PRIVACY-DESK-REFERENCE"] for e in parsed] == ["PD-1", "PD-2"]
    # Nothing but what the caller passed plus fixed calendar words ends up in the file.
    values = {line.partition(":")[2] for line in unfold(ics)}
    assert values <= {
        "VCALENDAR",
        "VEVENT",
        "VALARM",
        "2.0",
        "GREGORIAN",
        "PUBLISH",
        "DISPLAY",
        "-P2D",
        "TRANSPARENT",
        "-//Privacy Desk//Deadline export//EN",
        "20261124T093015Z",
        "20260407",
        "20260408",
        "20260501",
        "20260502",
        "legal-PD-1@pd",
        "promise-PD-2@pd",
        "PD-1",
        "PD-2",
        "Termijn PD-1",
        "Belofte PD-2",
    }


def test_empty_calendar() -> None:
    ics = deadlines_to_ics([], now=NOW)
    assert parse(ics) == []
    assert unfold(ics)[0] == "BEGIN:VCALENDAR"
    assert unfold(ics)[-1] == "END:VCALENDAR"


def test_duplicate_or_empty_uid_is_refused() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        deadlines_to_ics([event(), event()], now=NOW)
    with pytest.raises(ValueError, match="non-empty uid"):
        deadlines_to_ics([event(uid="  ")], now=NOW)
