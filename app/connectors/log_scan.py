"""Access-log lines at disk speed: formats, large blocks searched for byte needles, gzip.

A block is searched as a whole for each needle (the C library's ``memmem`` where there is
one, else ``bytes.find``; as ``grep -F`` does); only the lines around a hit are cut out and
parsed. The needles only pre-filter: the caller checks each
hit in the field it belongs to (an IP address in the client or X-Forwarded-For field, never
in the URL or the referrer).
"""

from __future__ import annotations

import ctypes
import functools
import ipaddress
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Final, Protocol, cast

from app.core.errors import ConnectorError
from app.core.i18n import _

MIN_SHARED_PREFIX: Final = 5  # bytes: shorter shared prefixes would match too much
BLOCK: Final = 1 << 20  # 1 MiB read buffer: the search runs at memory speed, the buffer stays small
GZIP_INPUT: Final = 1 << 17  # compressed bytes read at a time
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


class _Reader(Protocol):
    def readinto(self, view: memoryview) -> int: ...

    def tell(self) -> int: ...


class _Gunzip:
    """A gzip file (any number of members) read into the caller's buffer, as a plain file is."""

    def __init__(self, raw: BinaryIO, path: Path) -> None:
        self._raw = raw
        self._path = path
        self._unpack = zlib.decompressobj(wbits=31)
        self._pending = b""  # compressed bytes not yet given to zlib
        self._fed = False  # the current member has had input

    def tell(self) -> int:
        return self._raw.tell()  # compressed bytes read: the progress on disk

    def readinto(self, view: memoryview) -> int:
        while True:
            if not self._pending:
                self._pending = self._raw.read(GZIP_INPUT)
                if not self._pending:
                    if self._fed and not self._unpack.eof:
                        raise _damaged(
                            self._path,
                            EOFError(_("the file ends in the middle of the compressed data")),
                        )
                    return 0
            self._fed = True
            try:
                out = self._unpack.decompress(self._pending, len(view))
            except zlib.error as exc:
                raise _damaged(self._path, exc) from exc
            if self._unpack.eof:  # the next member, if any, starts in the unused data
                self._pending = self._unpack.unused_data
                self._unpack = zlib.decompressobj(wbits=31)
                self._fed = False
            else:
                self._pending = self._unpack.unconsumed_tail
            if out:
                view[: len(out)] = out
                return len(out)


@contextmanager
def _reader(path: Path) -> Iterator[_Reader]:
    with _open(path) as raw:
        try:
            head = raw.read(2)
            raw.seek(0)
        except OSError as exc:
            raise ConnectorError(
                _("Cannot open the log file {path}: {strerror}.", path=path, strerror=exc.strerror)
            ) from exc
        yield _Gunzip(raw, path) if head == GZIP_MAGIC else cast(_Reader, raw)


def first_line(path: Path, limit: int = 1 << 16) -> bytes:
    """The first line of a plain or gzip file (at most ``limit`` bytes of it)."""
    buf = bytearray(limit)
    filled = 0
    with _reader(path) as reader:
        while filled < limit:
            with memoryview(buf) as view:
                n = reader.readinto(view[filled:])
            if not n:
                break
            filled += n
            if buf.find(b"\n", filled - n, filled) != -1:
                break
    return bytes(buf[:filled]).split(b"\n", 1)[0]


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


_Find = Callable[[bytes, int, int], int]


@functools.cache
def _memmem() -> Any:
    """The C library's ``memmem`` where there is one (Linux, macOS, the BSDs), else None.

    CPython's ``bytes.find`` looks at nearly every byte of a log (its skip test is a 64-bit
    bloom filter, and digits, dots and most lower-case letters share its bits); glibc's
    ``memmem`` skips on pairs of bytes, as grep's Boyer-Moore does, and reads 1 GB of access
    log in about 40% of the time. Windows has no memmem: there ``bytes.find`` is used.
    """
    if sys.platform == "win32":
        return None
    try:
        function = ctypes.CDLL(None).memmem
    except (OSError, AttributeError):
        return None
    function.restype = ctypes.c_void_p
    function.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t)
    return function


class _MemFind:
    """``find(needle, start, end)`` over a bytearray through ``memmem``, answering as
    ``bytearray.find`` does. The exported buffer pins the bytearray: it cannot be resized or
    freed while this object lives."""

    def __init__(self, hay: bytearray, memmem: Any) -> None:
        self._memmem = memmem
        self._size = len(hay)
        self._pinned = ctypes.c_char.from_buffer(hay) if hay else None
        self._base = ctypes.addressof(self._pinned) if self._pinned is not None else 0

    def __call__(self, needle: bytes, start: int, end: int) -> int:
        if not 0 <= start < end <= self._size:
            return -1
        at = self._memmem(self._base + start, end - start, needle, len(needle))
        return -1 if at is None else int(at) - self._base


def _finder(hay: bytearray) -> _Find:
    memmem = _memmem()
    return hay.find if memmem is None else _MemFind(hay, memmem)


def candidate_lines(
    path: Path,
    needles: list[bytes],
    *,
    fold_case: bool,
    on_block: Callable[[int], None] | None = None,
    block: int = BLOCK,
) -> Iterator[bytes]:
    """Each line of the plain or gzip file holding one of ``needles``; other lines are skipped
    without being split. With ``fold_case`` the block is lower-cased (needles given lower).
    ``on_block`` gets the bytes read from disk so far, after each block.

    The file is read into one buffer (no new object per block); the unfinished line at its
    end is moved to the front before the next read, so a line cut by the block boundary is
    searched whole. A line longer than the buffer makes it grow."""
    groups = needle_groups(needles)
    buf = bytearray(block)
    kept = 0  # buf[:kept] is the start of a line not yet ended
    with _reader(path) as reader:
        while True:
            with memoryview(buf) as view:
                n = reader.readinto(view[kept:])
            if on_block is not None:
                on_block(reader.tell())
            if not n:
                if kept:  # the last line has no line break
                    yield from _hits(buf[:kept] + b"\n", kept + 1, groups, fold_case)
                return
            filled = kept + n
            end = buf.rfind(b"\n", kept, filled) + 1
            if end == 0:
                if filled == len(buf):
                    buf = buf + bytearray(len(buf))
                kept = filled
                continue
            yield from _hits(buf, end, groups, fold_case)
            buf[: filled - end] = buf[end:filled]
            kept = filled - end


def _hits(
    buf: bytearray, end: int, groups: list[tuple[bytes, tuple[bytes, ...]]], fold_case: bool
) -> Iterator[bytes]:
    """Lines in ``buf[:end]`` (whole lines) holding a needle of ``groups``."""
    hay = buf.lower() if fold_case else buf
    find = _finder(hay)
    starts: set[int] = set()
    for prefix, members in groups:
        alone = len(members) == 1
        at = find(prefix, 0, end)
        while at != -1:
            if alone or any(hay.startswith(n, at) for n in members):
                start = hay.rfind(b"\n", 0, at) + 1
                stop = hay.find(b"\n", at, end)
                starts.add(start)
                at = find(prefix, stop, end)
            else:
                at = find(prefix, at + 1, end)
    for start in sorted(starts):
        yield bytes(buf[start : buf.find(b"\n", start, end)])
