"""Web server log connector against real plain and gzip log files."""

from __future__ import annotations

import gzip
import os
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.connectors.base import Capability, Identifier, MatchStrength, Subject
from app.connectors.web_logs import WebLogConnector
from app.core.enums import IdentifierKind
from app.core.errors import Cancelled, ConnectorError, ValidationError
from app.core.progress import Progress

AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
SUBJECT = Subject(
    case_reference="2026-007",
    first_name="Jan",
    last_name="Jansen",
    emails=("jan.jansen+web@example.nl",),
    customer_numbers=("C-1001",),
    ip_addresses=("84.12.33.44",),
    user_ids=("jjansen",),
)


def line(ip: str, when: str, path: str, user: str = "-", combined: bool = True) -> str:
    base = f'{ip} - {user} [{when} +0100] "GET {path} HTTP/1.1" 200 512'
    return base + (f' "-" "{AGENT}"' if combined else "") + "\n"


SAMPLE = [
    line("84.12.33.44", "10/Nov/2026:10:00:00", "/"),
    line("84.12.33.44", "12/Nov/2026:11:30:00", "/diensten/", combined=False),
    line("10.1.2.3", "11/Nov/2026:09:00:00", "/portaal", user="jjansen"),
    line("10.1.2.3", "13/Nov/2026:09:05:00", "/portaal/facturen", user="JJansen"),
    line("10.9.9.9", "13/Nov/2026:12:00:00", "/afmelden?email=jan.jansen%2Bweb%40example.nl"),
    line("10.9.9.9", "13/Nov/2026:12:00:01", "/afmelden?email=xjan.jansen%2Bweb%40example.nl"),
    line("10.9.9.8", "14/Nov/2026:08:00:00", "/klant/C-1001/overzicht"),
    line("10.9.9.8", "14/Nov/2026:08:00:01", "/klant/C-10011/overzicht"),  # another customer
    line("84.12.0.0", "15/Nov/2026:08:00:00", "/"),  # truncated by two octets
    line("84.12.33.4", "15/Nov/2026:08:00:00", "/"),  # a different address with the same prefix
    '84.12.33.44 - - [16/Nov/2026:08:00:00 +0100] "GET /say?x=\\"hi\\" HTTP/1.1" 200 1 "-" "-"\n',
    "this line is not a log line 84.12.33.44\n",
]


WRITTEN = datetime(2026, 11, 16, 9, 0, tzinfo=UTC).timestamp()
ROTATED = datetime(2026, 10, 2, 6, 25, tzinfo=UTC).timestamp()


def connector(path: Path, **settings: object) -> WebLogConnector:
    return WebLogConnector("Web logs", {"path": str(path), **settings}, {})


@pytest.fixture
def log_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / "access.log").write_text("".join(SAMPLE))
    with gzip.open(folder / "access.log.2.gz", "wt") as out:
        out.write(line("84.12.33.44", "01/Oct/2026:07:00:00", "/oud"))
    (folder / "error.log").write_text(line("84.12.33.44", "01/Oct/2026:07:00:00", "/ignored"))
    # The files' real dates (the expiry follows them): last written when rotated.
    os.utime(folder / "access.log", (WRITTEN, WRITTEN))
    os.utime(folder / "access.log.2.gz", (ROTATED, ROTATED))
    return folder


def test_describe_offers_no_erasure() -> None:
    description = WebLogConnector.describe()
    assert description.kind == "web_logs"
    assert Capability.ERASE not in description.capabilities
    assert {s.name for s in description.settings} == {"path", "glob", "retention_days"}


def test_search_aggregates_per_file_and_identifier(log_dir: Path) -> None:
    findings = connector(log_dir).search(SUBJECT, Progress())
    got = {(f.record_id.split("|")[0], f.matched.value): f for f in findings}
    assert set(got) == {
        ("access.log", "84.12.33.44"),
        ("access.log", "84.12.0.0"),
        ("access.log", "jjansen"),
        ("access.log", "jan.jansen+web@example.nl"),
        ("access.log", "C-1001"),
        ("access.log.2.gz", "84.12.33.44"),
    }
    ip = got[("access.log", "84.12.33.44")]
    assert ip.strength is MatchStrength.WEAK
    assert ip.fields["requests"] == "3"  # combined, common and the escaped-quote line
    assert ip.fields["first seen"].startswith("2026-11-10 10:00:00")
    assert ip.fields["last seen"].startswith("2026-11-16 08:00:00")
    assert "2027-02-14" in ip.note  # file written 16 Nov + 90 days
    assert "configured" in ip.note and "2026-11-16" in ip.note
    user = got[("access.log", "jjansen")]
    assert user.strength is MatchStrength.STRONG
    assert user.fields["requests"] == "2"  # user ids compared case-insensitively
    assert "/portaal/facturen" in user.fields["sample requests"]
    email = got[("access.log", "jan.jansen+web@example.nl")]
    assert email.strength is MatchStrength.STRONG
    assert email.fields["requests"] == "1"  # the "xjan..." address is somebody else
    assert got[("access.log", "C-1001")].fields["requests"] == "1"
    truncated = got[("access.log", "84.12.0.0")]
    assert truncated.strength is MatchStrength.NOT_ATTRIBUTABLE
    assert truncated.matched == Identifier(IdentifierKind.IP_ADDRESS, "84.12.0.0")
    assert "deleted on" in got[("access.log.2.gz", "84.12.33.44")].note


def test_ipv6_addresses_in_any_notation_and_their_truncated_prefixes(tmp_path: Path) -> None:
    path = tmp_path / "access.log"
    path.write_text(
        "".join(
            [
                line("2a02:a44:1b2c:3d00:8a1:22ff:fe33:4455", "10/Nov/2026:10:00:00", "/"),
                line("2A02:0A44:1B2C:3D00:08A1:22FF:FE33:4455", "10/Nov/2026:10:01:00", "/x"),
                line("2a02:a44:1b2c:3d00::", "11/Nov/2026:10:00:00", "/"),  # cut to /64
                line("2a02:a44:1b2c::", "12/Nov/2026:10:00:00", "/"),  # cut to /48
                line("2a02:a44:1b2c:3d00:8a1:22ff:fe33:4456", "12/Nov/2026:10:00:00", "/"),
                line("2a02:a44:9999::", "12/Nov/2026:10:00:00", "/"),  # another /48
            ]
        )
    )
    subject = Subject("2026-008", ip_addresses=("2a02:a44:1b2c:3d00:8a1:22ff:fe33:4455",))
    got = {f.matched.value: f for f in connector(path).search(subject, Progress())}
    assert set(got) == {
        "2a02:a44:1b2c:3d00:8a1:22ff:fe33:4455", "2a02:a44:1b2c:3d00::", "2a02:a44:1b2c::",
    }  # fmt: skip
    full = got["2a02:a44:1b2c:3d00:8a1:22ff:fe33:4455"]
    assert full.strength is MatchStrength.WEAK and full.fields["requests"] == "2"
    for prefix in ("2a02:a44:1b2c:3d00::", "2a02:a44:1b2c::"):
        assert got[prefix].strength is MatchStrength.NOT_ATTRIBUTABLE
        assert got[prefix].fields["requests"] == "1"
        assert "cannot be attributed" in got[prefix].note


def test_retention_setting_changes_the_note(log_dir: Path) -> None:
    findings = connector(log_dir, retention_days=5).search(SUBJECT, Progress())
    gz = next(f for f in findings if f.record_id.startswith("access.log.2.gz"))
    assert "2026-10-07" in gz.note  # rotated on 2 Oct + 5 days (configured)


def test_single_file_path(log_dir: Path) -> None:
    findings = connector(log_dir / "access.log.2.gz").search(SUBJECT, Progress())
    assert [f.fields["requests"] for f in findings] == ["1"]


def test_missing_folder_and_bad_settings(tmp_path: Path) -> None:
    with pytest.raises(ConnectorError, match="does not exist"):
        connector(tmp_path / "nope").test_connection()
    with pytest.raises(ValidationError):
        connector(tmp_path, retention_days="ninety")
    (tmp_path / "access.log").write_text("<html>not a log</html>\n")
    with pytest.raises(ConnectorError, match="log format"):
        connector(tmp_path).test_connection()


def test_damaged_gzip_is_a_clear_error(tmp_path: Path) -> None:
    data = gzip.compress("".join(SAMPLE * 200).encode())
    (tmp_path / "access.log.1.gz").write_bytes(data[: len(data) // 2])
    with pytest.raises(ConnectorError, match="damaged"):
        connector(tmp_path).search(SUBJECT, Progress())


def _big_log(path: Path, lines: int) -> None:
    with path.open("w") as out:
        for n in range(lines):
            ip = f"10.{n % 250}.{(n // 250) % 250}.{n % 7 + 1}"
            out.write(line(ip, "20/Nov/2026:10:00:00", f"/pagina/{n}?ref=nieuwsbrief"))
        out.write(line("84.12.33.44", "21/Nov/2026:10:00:00", "/einde"))


def test_large_log_is_streamed_in_little_memory(tmp_path: Path) -> None:
    _big_log(tmp_path / "access.log", 200_000)
    size_mb = (tmp_path / "access.log").stat().st_size / 1e6
    conn = connector(tmp_path)
    tracemalloc.start()
    try:
        started = time.perf_counter()
        findings = conn.search(SUBJECT, Progress())
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(f"\n{size_mb:.1f} MB log, 200k lines: {elapsed:.2f} s, peak {peak / 1e6:.2f} MB traced")
    assert [f.matched.value for f in findings] == ["84.12.33.44"]
    assert peak < 4_000_000, f"peak {peak} bytes: the file is not streamed"


def test_cancel_stops_a_long_scan(tmp_path: Path) -> None:
    _big_log(tmp_path / "access.log", 200_000)
    seen: list[float] = []

    def on_progress(fraction: float, _message: str) -> None:
        seen.append(fraction)
        if fraction > 0.05:
            progress.cancel()

    progress = Progress(on_progress=on_progress)
    with pytest.raises(Cancelled):
        connector(tmp_path).search(SUBJECT, progress)
    assert seen and max(seen) < 0.5, "the scan ran on after the cancel"
