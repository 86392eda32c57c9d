"""Access-log lines at disk speed: formats, large blocks searched for byte needles, gzip.

A block is searched as a whole for each needle (``bytes.find``, as ``grep -F`` does); only the
lines around a hit are cut out and parsed. The needles only pre-filter: the caller checks each
hit in the field it belongs to (an IP address in the client or X-Forwarded-For field, never
in the URL or the referrer).
"""

from __future__ import annotations

import ipaddress
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

from app.core.errors import ConnectorError
from app.core.i18n import _

MIN_SHARED_PREFIX: Final = 5  # bytes: shorter shared prefixes would match too much
BLOCK: Final = 1 << 19  # 512 KiB: large enough for bytes.find to run at memory speed
GZIP_MAGIC: Final = b"\x1f\x8b"

_QUOTED = r'"(?:[^"\\]|\\.)*"'
# [vhost[:port]] host ident user [time] "request" status size ["referer" "agent" ["extra"...]]
LINE: Final = re.compile(
    r"^(?:(?P<vhost>[^\s\[\"]+) (?=\S+ \S+ \S+ \[))?"
    r'(?P<host>\S+) \S+ (?P<user>\S+) \[(?P<time>[^\]]+)\] "(?P<request>(?:[^"\\]|\\.)*)"'
    r" (?P<status>\d{3}|-) (?P<size>\d+|-)"
    rf'(?: "(?P<referer>(?:[^"\\]|\\.)*)" "(?P<agent>(?:[^"\\]|\\.)*)"'
    rf"(?P<extra>(?: {_QUOTED})*))?"
    r"\s*$"
)
_EXTRA = re.compile(r'"((?:[^"\\]|\\.)*)"')


@dataclass(frozen=True)
class LogLine:
    """The fields of one parsed access-log line (strings as written, escapes kept)."""

    host: str
    user: str
    time: str
    request: str
    referer: str
    agent: str
    forwarded_for: tuple[str, ...]  # client addresses from X-Forwarded-For, first = client
    vhost: str = ""


def _forwarded(extra: str) -> tuple[str, ...]:
    """Addresses of the first extra quoted field that is an X-Forwarded-For list."""
    for value in _EXTRA.findall(extra):
        parts = [p.strip() for p in value.split(",") if p.strip()]
        if parts and all(_is_ip(p) for p in parts):
            return tuple(parts)
    return ()


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def parse_line(text: str) -> LogLine | None:
    found = LINE.match(text)
    if found is None:
        return None
    return LogLine(
        host=found["host"],
        user=found["user"],
        time=found["time"],
        request=found["request"],
        referer=found["referer"] or "",
        agent=found["agent"] or "",
        forwarded_for=_forwarded(found["extra"] or ""),
        vhost=found["vhost"] or "",
    )


def format_name(first_line: bytes) -> str | None:
    """The log format the line is written in, for the officer; None when it is none we know."""
    found = LINE.match(first_line.decode("utf-8", "replace").rstrip("\r\n"))
    if found is None:
        return None
    if found["agent"] is None:
        name = "common"
    elif found["extra"]:
        extras = _EXTRA.findall(found["extra"])
        if any(v == "-" or _forwarded(f'"{v}"') for v in extras):
            name = "combined + X-Forwarded-For"
        else:
            name = "combined + extra fields"
    else:
        name = "combined"
    return f"vhost + {name}" if found["vhost"] else name


def _open(path: Path) -> BinaryIO:
    try:
        return open(path, "rb", buffering=0)
    except OSError as exc:
        raise ConnectorError(
            _("Cannot open the log file {path}: {strerror}.", path=path, strerror=exc.strerror)
        ) from exc


def _damaged(path: Path, exc: Exception) -> ConnectorError:
    return ConnectorError(
        _(
            "The compressed log {name} is damaged ({exc}). Repair or remove the file and "
            "search again.",
            name=path.name,
            exc=exc,
        )
    )


def blocks(path: Path) -> Iterator[tuple[bytes, int]]:
    """(bytes, position on disk) of a plain or gzip file, in large blocks; not line-aligned."""
    with _open(path) as raw:
        head = raw.read(2)
        raw.seek(0)
        if head == GZIP_MAGIC:
            for out in _gunzip_members(raw, path):
                yield out, raw.tell()
            return
        while True:
            chunk = raw.read(BLOCK)
            if not chunk:
                return
            yield chunk, raw.tell()


def _gunzip_members(raw: BinaryIO, path: Path) -> Iterator[bytes]:
    unpack = zlib.decompressobj(wbits=31)
    fed = False  # the current member has had input
    while True:
        chunk = raw.read(BLOCK // 4)
        if not chunk:
            break
        while chunk:
            fed = True
            try:
                out = unpack.decompress(chunk)
            except zlib.error as exc:
                raise _damaged(path, exc) from exc
            if out:
                yield out
            if unpack.eof:
                chunk = unpack.unused_data
                unpack = zlib.decompressobj(wbits=31)
                fed = bool(chunk)
            else:
                chunk = b""
    if fed and not unpack.eof:
        raise _damaged(path, EOFError(_("the file ends in the middle of the compressed data")))


def first_line(path: Path) -> bytes:
    """The first line of a plain or gzip file (at most one block)."""
    for chunk, _position in blocks(path):
        return chunk.split(b"\n", 1)[0]
    return b""


def _shared_prefix(a: bytes, b: bytes) -> bytes:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def needle_groups(needles: Iterable[bytes]) -> list[tuple[bytes, tuple[bytes, ...]]]:
    """Needles that share a long prefix, searched as that prefix once (an address and its
    truncated forms share the first octets): one pass over the block instead of several."""
    groups: list[tuple[bytes, list[bytes]]] = []
    for needle in sorted(set(needles)):
        if groups:
            prefix, members = groups[-1]
            shared = _shared_prefix(prefix, needle)
            if len(shared) >= MIN_SHARED_PREFIX:
                groups[-1] = (shared, [*members, needle])
                continue
        groups.append((needle, [needle]))
    return [(prefix, tuple(members)) for prefix, members in groups]


def candidate_lines(
    chunks: Iterable[tuple[bytes, int]], needles: list[bytes], *, fold_case: bool
) -> Iterator[tuple[bytes, int]]:
    """(line, disk position) of each line holding one of ``needles``; other lines are skipped
    without being split. With ``fold_case`` the block is lower-cased (needles given lower)."""
    groups = needle_groups(needles)
    carry = b""
    for chunk, position in chunks:
        first = chunk.find(b"\n") + 1
        if first == 0:
            carry += chunk
            continue
        # The line cut by the previous block is put together on its own; the rest of the block
        # is searched in place (no copy of the block).
        yield from _hits(carry + chunk[:first], 0, first, groups, fold_case, position)
        end = chunk.rfind(b"\n") + 1
        yield from _hits(chunk, first, end, groups, fold_case, position)
        carry = chunk[end:]
    if carry:
        yield from _hits(carry + b"\n", 0, len(carry) + 1, groups, fold_case, 0)


def _hits(
    block: bytes,
    begin: int,
    end: int,
    groups: list[tuple[bytes, tuple[bytes, ...]]],
    fold_case: bool,
    position: int,
) -> Iterator[tuple[bytes, int]]:
    """Lines in ``block[begin:end]`` (whole lines) holding a needle of ``groups``."""
    if end <= begin:
        return
    hay = block.lower() if fold_case else block
    starts: set[int] = set()
    for prefix, members in groups:
        alone = len(members) == 1
        at = hay.find(prefix, begin, end)
        while at != -1:
            if alone or any(hay.startswith(n, at) for n in members):
                start = max(begin, hay.rfind(b"\n", begin, at) + 1)
                stop = hay.find(b"\n", at, end)
                starts.add(start)
                at = hay.find(prefix, stop, end)
            else:
                at = hay.find(prefix, at + 1, end)
    for start in sorted(starts):
        yield block[start : block.find(b"\n", start, end)], position
