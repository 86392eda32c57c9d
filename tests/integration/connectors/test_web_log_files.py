"""Web logs: every access log in the folder, formats named, X-Forwarded-For, block search."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from app.connectors import log_scan
from app.connectors.base import MatchStrength, Subject
from app.connectors.log_scan import BLOCK, candidate_lines, format_name, needle_groups
from app.connectors.web_logs import WebLogConnector
from app.core.errors import ConnectorError, ValidationError
from app.core.progress import Progress
from app.data.database import Database
from app.services.connectors import list_connectors, save_connector

IP = "84.12.33.44"
SUBJECT = Subject("2026-009", "Zoë", "Jansen", ip_addresses=(IP,))
AGENT = "Mozilla/5.0 (X11; Linux x86_64)"


def combined(host: str, path: str = "/", referer: str = "-", xff: str | None = None) -> str:
    text = (
        f'{host} - - [20/Nov/2026:10:00:00 +0100] "GET {path} HTTP/1.1" 200 5 "{referer}" "{AGENT}"'
    )
    return text + (f' "{xff}"' if xff is not None else "") + "\n"


def _conn(path: Path, **settings: object) -> WebLogConnector:
    return WebLogConnector("Web", {"path": str(path), **settings}, {})


def test_the_default_finds_every_access_log_and_names_what_it_skips(tmp_path: Path) -> None:
    (tmp_path / "access.log").write_text(combined(IP))
    (tmp_path / "shop_access.log.1").write_text(combined(IP, xff="-"))
    with gzip.open(tmp_path / "other-access.log.2.gz", "wt") as out:
        out.write(f'{IP} - - [01/Nov/2026:10:00:00 +0100] "GET / HTTP/1.1" 200 5\n')
    (tmp_path / "notes_access.log").write_text("Notes on the access log rotation\n" + combined(IP))
    (tmp_path / "empty_access.log").write_text("")
    (tmp_path / "error.log").write_text(combined(IP))  # not an access log by name
    text = _conn(tmp_path).test_connection()
    assert "3 log file(s) read" in text
    assert "access.log (combined)" in text
    assert "shop_access.log.1 (combined + X-Forwarded-For)" in text
    assert "other-access.log.2.gz (common)" in text
    assert "notes_access.log: the first line is not in a known access-log format" in text
    assert "empty_access.log: empty" in text and "error.log" not in text
    found = _conn(tmp_path).search(SUBJECT, Progress())
    assert sorted(f.record_id.split("|")[0] for f in found) == [
        "access.log", "other-access.log.2.gz", "shop_access.log.1",
    ]  # fmt: skip
    (tmp_path / "access.log").write_text("<html>\n")
    (tmp_path / "shop_access.log.1").unlink()
    (tmp_path / "other-access.log.2.gz").unlink()
    with pytest.raises(ConnectorError, match=r"Skipped: .*access\.log: the first line"):
        _conn(tmp_path).test_connection()


def test_the_address_counts_in_the_client_or_forwarded_for_field_only(tmp_path: Path) -> None:
    (tmp_path / "access.log").write_text(
        combined("10.0.0.1", "/a", xff=f"{IP}, 10.0.0.2")  # behind the proxy: found
        + combined("10.0.0.1", f"/lookup?ip={IP}")  # only in the URL: not the person
        + combined("10.0.0.1", "/b", referer=f"http://{IP}/")  # only in the referer
        + combined("10.0.0.3", "/c", xff=f"{IP}5")  # a longer address
        + combined(IP, "/d", xff="-")  # the client itself
    )
    [finding] = _conn(tmp_path).search(SUBJECT, Progress())
    assert finding.fields["requests"] == "2"
    assert finding.fields["sample requests"].split("\n") == ["/a", "/d"]
    assert f"{IP} (X-Forwarded-For, via 10.0.0.1)" in finding.fields["IP addresses"]
    assert finding.strength is MatchStrength.WEAK


def test_formats_with_a_virtual_host_and_custom_extra_fields() -> None:
    line = combined(IP).encode()
    assert format_name(b"www.example.nl:443 " + line) == "vhost + combined"
    assert format_name(line.rstrip() + b' "0.012"') == "combined + extra fields"
    assert format_name(b"2026-11-20 10:00:00 GET /") is None


@pytest.fixture(params=["memmem", "bytes.find"])
def finder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both block searches: the C library's memmem (where there is one) and bytes.find."""
    if request.param == "memmem":
        if log_scan._memmem() is None:
            pytest.skip("this C library has no memmem")
    else:
        monkeypatch.setattr(log_scan, "_memmem", lambda: None)
    return str(request.param)


def test_lines_across_block_boundaries_and_gzip_members(tmp_path: Path, finder: str) -> None:
    filler = combined("10.1.1.1", "/x" * 40)
    text = filler * (BLOCK // len(filler) + 1)
    cut = BLOCK - 10  # the subject's line starts just before the first block's end
    body = text[:cut] + "\n" + combined(IP, "/edge") + text[cut:] + combined(IP, "/last").rstrip()
    path = tmp_path / "access.log"
    path.write_text(body)
    lines = list(candidate_lines(path, [IP.encode()], fold_case=False))
    assert [b"/edge" in x or b"/last" in x for x in lines] == [True, True]
    members = tmp_path / "access.log.1.gz"
    members.write_bytes(gzip.compress(combined(IP, "/one").encode())
                        + gzip.compress(combined(IP, "/two").encode()))  # fmt: skip
    [finding] = _conn(members).search(SUBJECT, Progress())
    assert finding.fields["requests"] == "2"


@pytest.mark.parametrize("block", [16, 61, 64, 4096])
def test_every_line_with_a_needle_whatever_the_block_size(
    tmp_path: Path, finder: str, block: int
) -> None:
    """Needles cut by the block end, lines longer than the buffer, CRLF, upper case, a last
    line without a line break; plain and gzip give the same lines as a line-by-line search."""
    lines = [
        combined(IP, "/a").rstrip("\n"),
        "x" * 150 + IP + "y" * 150,  # longer than the small buffers: it grows
        combined("10.0.0.1", "/Jan.Jansen%40Example.nl").rstrip("\n") + "\r",
        combined("84.12.0.0", "/b").rstrip("\n") + "\r",
        "84.12.9.9 no",
        "",
        "JAN.JANSEN",
        IP,
    ]
    text = "\n".join(lines)  # no line break after the last line
    plain = tmp_path / "access.log"
    plain.write_bytes(text.encode())
    packed = tmp_path / "access.log.1.gz"
    packed.write_bytes(gzip.compress(text.encode()))
    for needles, fold in (([IP.encode(), b"84.12.0.0"], False), ([b"jan.jansen"], True)):
        expected = [
            line.encode()
            for line in lines
            if any(n in (line.lower() if fold else line).encode() for n in needles)
        ]
        for path in (plain, packed):
            got = list(candidate_lines(path, needles, fold_case=fold, block=block))
            assert got == expected, (path.name, needles)
    positions: list[int] = []
    list(candidate_lines(plain, [b"zz"], fold_case=False, on_block=positions.append, block=64))
    assert positions[-1] == plain.stat().st_size and positions == sorted(positions)


def test_settings_are_checked_when_saved(sqlite_db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        save_connector(sqlite_db, actor="o", name="Web", kind="web_logs",
                       settings={"path": str(tmp_path), "retention_days": "ninety"})  # fmt: skip
    assert "retention_days" in refused.value.errors
    with pytest.raises(ValidationError) as refused:
        save_connector(sqlite_db, actor="o", name="Docs", kind="document_folder",
                       settings={"path": str(tmp_path), "max_file_mb": "big"})  # fmt: skip
    assert "max_file_mb" in refused.value.errors
    assert list_connectors(sqlite_db) == []


def test_an_address_and_its_truncated_form_are_searched_in_one_pass(tmp_path: Path) -> None:
    groups = needle_groups([b"84.12.33.44", b"84.12.0.0", b"jan.jansen"])
    assert groups == [
        (b"84.12.", (b"84.12.0.0", b"84.12.33.44")),
        (b"jan.jansen", (b"jan.jansen",)),
    ]
    lines = [b"84.12.9.9 - - x", b"1.1.1.1 - - 84.12.0.0", b"84.12.33.44 - -", b"x"]
    path = tmp_path / "access.log"
    path.write_bytes(b"\n".join(lines) + b"\n")
    needles = [b"84.12.33.44", b"84.12.0.0"]
    found = list(candidate_lines(path, needles, fold_case=False))
    assert found == lines[1:3]
