"""Matomo connector against a fake Matomo speaking the PrivacyManager API over a real socket."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from app.connectors.base import Capability, Identifier, MatchStrength, Outcome, Subject
from app.connectors.matomo import MatomoConnector
from app.core.enums import IdentifierKind
from app.core.errors import Cancelled, ConnectorError, ValidationError
from app.core.progress import Progress
from tests.fakes.matomo_server import FakeMatomo, FakeVisit

TOKEN = "0123456789abcdef"


@pytest.fixture
def matomo() -> Iterator[FakeMatomo]:
    fake = FakeMatomo(token=TOKEN, sites={1: "www.example.nl", 2: "shop.example.nl"}).start()
    fake.visits = [
        FakeVisit(1, 101, "84.12.0.0", user_id="jan@example.nl", actions=["/a", "/b", "/c"]),
        FakeVisit(1, 102, "84.12.0.0", user_id=""),  # anonymous visit, same truncated net
        FakeVisit(2, 201, "84.12.33.44", user_id=""),  # site that stores the full address
        FakeVisit(2, 202, "10.0.0.0", user_id="C-1001"),
        FakeVisit(1, 103, "31.7.0.0", user_id="piet@example.nl"),
    ]
    yield fake
    fake.stop()


def connector(fake: FakeMatomo, **extra: object) -> MatomoConnector:
    settings = {"base_url": fake.base_url, "site_ids": "1, 2", "timeout_s": 5, **extra}
    return MatomoConnector("Statistics", settings, {"token_auth": TOKEN})


JAN = Subject(
    case_reference="2026-001",
    first_name="Jan",
    last_name="Jansen",
    emails=("jan@example.nl",),
    customer_numbers=("C-1001",),
    ip_addresses=("84.12.33.44",),
)


def test_describe_offers_erasure() -> None:
    description = MatomoConnector.describe()
    assert description.kind == "matomo"
    assert Capability.ERASE in description.capabilities
    assert any(s.name == "token_auth" and s.kind == "secret" for s in description.settings)


def test_connection_ok_and_token_in_body_only(matomo: FakeMatomo) -> None:
    message = connector(matomo).test_connection()
    assert "5.2.0" in message
    assert matomo.requests, "no request reached the server"
    for request in matomo.requests:
        assert "token_auth" not in request["query"]
        assert request["params"]["format"] == "json"


def test_wrong_token_gives_matomo_message(matomo: FakeMatomo) -> None:
    bad = MatomoConnector("S", {"base_url": matomo.base_url, "site_ids": "1"}, {"token_auth": "x"})
    with pytest.raises(ConnectorError, match="admin' access"):
        bad.test_connection()


def test_missing_token_is_a_clear_error(matomo: FakeMatomo) -> None:
    nothing = MatomoConnector("S", {"base_url": matomo.base_url, "site_ids": "1"}, {})
    with pytest.raises(ConnectorError, match="No Matomo API token"):
        nothing.test_connection()


def test_invalid_settings_are_validation_errors() -> None:
    with pytest.raises(ValidationError) as info:
        MatomoConnector("S", {"base_url": "stats.example.nl", "site_ids": "1"}, {})
    assert "base_url" in info.value.errors
    with pytest.raises(ValidationError) as info:
        MatomoConnector("S", {"base_url": "https://s.nl/", "site_ids": "one"}, {})
    assert "site_ids" in info.value.errors


def test_search_finds_visits_with_the_right_strength(matomo: FakeMatomo) -> None:
    findings = {f.record_id: f for f in connector(matomo).search(JAN, Progress())}
    assert set(findings) == {"1:101", "1:102", "2:201", "2:202"}
    # userId = e-mail: strong, and the export supplies first action time and action count.
    assert findings["1:101"].strength is MatchStrength.STRONG
    assert findings["1:101"].matched.kind is IdentifierKind.EMAIL
    assert findings["1:101"].fields["actions"] == "3"
    assert findings["1:101"].fields["first action"] == "2026-11-02 09:12:00"
    # Truncated address: not attributable; full address: weak.
    assert findings["1:102"].strength is MatchStrength.NOT_ATTRIBUTABLE
    assert findings["1:102"].fields["IP address (as stored)"] == "84.12.0.0"
    assert findings["2:201"].strength is MatchStrength.WEAK
    assert findings["2:202"].matched == Identifier(IdentifierKind.CUSTOMER_NUMBER, "C-1001")
    assert "1:103" not in findings  # another person's visit


def test_segment_values_are_url_encoded(matomo: FakeMatomo) -> None:
    connector(matomo).search(JAN, Progress())
    segments = [
        r["params"]["segment"]
        for r in matomo.requests
        if r["method"] == "PrivacyManager.findDataSubjects"
    ]
    assert "userId==jan%40example.nl" in segments
    assert "visitIp==84.12.0.0" in segments


def test_plan_and_erase_per_visit(matomo: FakeMatomo) -> None:
    conn = connector(matomo)
    findings = conn.search(JAN, Progress())
    plan = conn.plan_erasure(findings)
    actions = {item.record_id: item.action for item in plan.items}
    assert actions["1:101"] == "delete_row"
    assert actions["1:102"] == "keep"  # not attributable: not ours to delete
    results = {r.record_id: r for r in conn.erase(plan, Progress())}
    assert results["1:101"].outcome is Outcome.REMOVED
    assert "log_visit: 1" in results["1:101"].detail
    assert results["1:102"].outcome is Outcome.KEPT
    remaining = {(v.idsite, v.idvisit) for v in matomo.visits}
    assert remaining == {(1, 102), (1, 103)}
    deletes = [r for r in matomo.requests if r["method"] == "PrivacyManager.deleteDataSubjects"]
    assert deletes[0]["params"]["visits[0][idsite]"] == "1"
    assert deletes[0]["params"]["visits[0][idvisit]"] == "101"
    # A second run finds the visits gone and says so per record.
    again = {r.record_id: r for r in conn.erase(plan, Progress())}
    assert again["1:101"].outcome is Outcome.REMOVED
    assert "no longer present" in again["1:101"].detail


def test_erase_reports_failures_per_record(matomo: FakeMatomo) -> None:
    conn = connector(matomo)
    plan = conn.plan_erasure(conn.search(JAN, Progress()))
    matomo.mode = "error500"
    results = conn.erase(plan, Progress())
    failed = [r for r in results if r.outcome is Outcome.FAILED]
    assert failed and all("HTTP 500" in r.detail for r in failed)
    assert len(matomo.visits) == 5


def test_unreachable_matomo(matomo: FakeMatomo) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    conn = MatomoConnector(
        "S", {"base_url": f"http://127.0.0.1:{closed_port}/", "site_ids": "1"}, {"token_auth": "t"}
    )
    with pytest.raises(ConnectorError, match="Cannot reach Matomo"):
        conn.search(JAN, Progress())


def test_slow_matomo_times_out_via_progress(matomo: FakeMatomo) -> None:
    matomo.mode = "slow"
    matomo.slow_seconds = 60  # held until released: only the task's time-out can end the wait
    try:
        with pytest.raises(ConnectorError, match="time-out"):
            connector(matomo, timeout_s=3600).search(JAN, Progress(timeout_s=0.5))
        # The client gave up on its own: the server had not answered anything yet.
        assert matomo.requests and matomo.answered == 0
    finally:
        matomo.release.set()


def test_garbage_answer(matomo: FakeMatomo) -> None:
    matomo.mode = "garbage"
    with pytest.raises(ConnectorError, match="web page"):
        connector(matomo).search(JAN, Progress())


def test_http_500(matomo: FakeMatomo) -> None:
    matomo.mode = "error500"
    with pytest.raises(ConnectorError, match=r"server error \(HTTP 500\)"):
        connector(matomo).test_connection()


def test_cancel_stops_search(matomo: FakeMatomo) -> None:
    progress = Progress(on_progress=lambda fraction, _msg: progress.cancel())
    with pytest.raises(Cancelled):
        connector(matomo).search(JAN, progress)
    assert len(matomo.requests) <= 1


def test_full_ipv6_match_is_weak(matomo: FakeMatomo) -> None:
    matomo.visits.append(FakeVisit(1, 150, "2001:db8::7"))
    subject = Subject(case_reference="2026-002", ip_addresses=("2001:0db8::7",))
    findings = connector(matomo).search(subject, Progress())
    assert [(f.record_id, f.strength) for f in findings] == [("1:150", MatchStrength.WEAK)]


def test_truncated_ipv6_visits_are_found_but_not_attributable(matomo: FakeMatomo) -> None:
    matomo.visits += [
        FakeVisit(1, 160, "2a02:a44:1b2c::"),  # Matomo kept the /48
        FakeVisit(1, 161, "2a02:a44:1b2c:3d00::"),  # or the /64
        FakeVisit(1, 162, "2a02:a44:9999::"),  # another network
    ]
    subject = Subject("2026-003", ip_addresses=("2a02:a44:1b2c:3d00:8a1:22ff:fe33:4455",))
    findings = connector(matomo).search(subject, Progress())
    assert sorted((f.record_id, f.strength) for f in findings) == [
        ("1:160", MatchStrength.NOT_ATTRIBUTABLE),
        ("1:161", MatchStrength.NOT_ATTRIBUTABLE),
    ]
