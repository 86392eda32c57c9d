"""Web server access logs (Apache/nginx common, combined, X-Forwarded-For; plain or gzip)."""

from __future__ import annotations

import ipaddress
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

from app.connectors.base import (
    Capability,
    ConnectorDescription,
    Finding,
    Identifier,
    MatchStrength,
    SettingSpec,
    Subject,
)
from app.connectors.identifier_match import truncated_forms
from app.connectors.log_scan import (
    LogLine,
    candidate_lines,
    first_line,
    format_name,
    parse_line,
)
from app.core.enums import IdentifierKind
from app.core.errors import ConnectorError, ValidationError
from app.core.i18n import N_, _, join
from app.core.progress import Progress

log = logging.getLogger(__name__)

DEFAULT_GLOB = "*access*.log*"  # access.log, site_access.log.1, other-access.log.2.gz
DEFAULT_RETENTION_DAYS = 90
MAX_SAMPLES = 5
# Every matching line goes into the finding (the access answer's copy gives them all); this cap
# only keeps a runaway log from filling the case base: beyond it the finding says so.
MAX_LINES = 20_000
LINES_FIELD = N_("log lines")  # one line each: time (ISO), address, request, status, browser
_TIME_FORMAT = "%d/%b/%Y:%H:%M:%S %z"
# Notes of findings stored before the expiry followed the files' dates: kept in the catalogue
# so those findings still read in the officer's language.
STORED_NOTES = (
    N_(
        "Log lines cannot be erased one by one; they expire on {date} ({n} days after the last "
        "request, kept for security only)."
    ),
    N_("Log lines cannot be erased one by one; they expire {n} days after they were written."),
)


@dataclass(frozen=True)
class _Target:
    """One identifier to look for, with the cheap byte test that selects candidate lines."""

    identifier: Identifier
    strength: MatchStrength
    prefilter: bytes  # lower-case bytes that a matching line must contain
    where: str  # "host" (client or X-Forwarded-For) | "user" | "url"
    pattern: re.Pattern[str] | None = None  # for "url"
    value: str = ""  # for "host" / "user": the exact (normalised) value


@dataclass
class _Aggregate:
    """All lines of one file that matched one identifier."""

    file: str
    target: _Target
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    requests: int = 0
    samples: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def add(
        self,
        when: datetime | None,
        request: str,
        host: str,
        agent: str,
        *,
        full_request: str = "",
        status: str = "",
    ) -> None:
        self.requests += 1
        if len(self.lines) < MAX_LINES:
            parts = (when.isoformat() if when else "", host, full_request or request, status, agent)
            self.lines.append("\t".join(p.replace("\t", " ").replace("\n", " ") for p in parts))
        if when is not None:
            if self.first_seen is None or when < self.first_seen:
                self.first_seen = when
            if self.last_seen is None or when > self.last_seen:
                self.last_seen = when
        for bucket, value in ((self.samples, request), (self.hosts, host), (self.agents, agent)):
            if value and value not in bucket and len(bucket) < MAX_SAMPLES:
                bucket.append(value[:200])


def _url_pattern(value: str) -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w.+%-])" + re.escape(value.lower()) + r"(?![\w-]|\.[a-z0-9])", re.IGNORECASE
    )


def _targets(subject: Subject) -> list[_Target]:
    targets: list[_Target] = []
    for raw_ip in subject.ip_addresses:
        try:
            ip = str(ipaddress.ip_address(raw_ip.strip()))
        except ValueError:
            continue
        ident = Identifier(IdentifierKind.IP_ADDRESS, ip)
        # Shared and dynamic addresses: an exact match is never proof on its own.
        targets.append(_Target(ident, MatchStrength.WEAK, _ip_prefilter(ip), "host", value=ip))
        for truncated in truncated_forms(ip):
            targets.append(
                _Target(
                    Identifier(IdentifierKind.IP_ADDRESS, truncated),
                    MatchStrength.NOT_ATTRIBUTABLE,
                    _ip_prefilter(truncated),
                    "host",
                    value=truncated,
                )
            )
    for user_id in subject.user_ids:
        if user_id.strip():
            value = user_id.strip()
            targets.append(
                _Target(
                    Identifier(IdentifierKind.USER_ID, value),
                    MatchStrength.STRONG,
                    value.lower().encode(),
                    "user",
                    value=value.lower(),
                )
            )
    for email in subject.emails:
        if email.strip():
            value = email.strip()
            # The local part survives URL encoding ("%40" for "@") in nearly every case.
            local = re.split(r"[^A-Za-z0-9._-]", value, maxsplit=1)[0] or value
            targets.append(
                _Target(
                    Identifier(IdentifierKind.EMAIL, value),
                    MatchStrength.STRONG,
                    local.lower().encode(),
                    "url",
                    pattern=_url_pattern(value),
                )
            )
    for number in subject.customer_numbers:
        if number.strip():
            value = number.strip()
            targets.append(
                _Target(
                    Identifier(IdentifierKind.CUSTOMER_NUMBER, value),
                    MatchStrength.STRONG,
                    value.lower().encode(),
                    "url",
                    pattern=re.compile(
                        r"(?<![0-9A-Za-z])" + re.escape(value) + r"(?![0-9A-Za-z])", re.IGNORECASE
                    ),
                )
            )
    return targets


def _unescape(field_value: str) -> str:
    return field_value.replace('\\"', '"').replace("\\\\", "\\")


def _request_path(request: str) -> str:
    parts = request.split(" ")
    return parts[1] if len(parts) >= 2 else request


class WebLogConnector:
    """Search access logs by IP address, user id and e-mail or customer number in URLs."""

    kind = "web_logs"

    def __init__(self, name: str, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> None:
        self.name = name
        path = str(settings.get("path") or "").strip()
        if not path:
            raise ValidationError({"path": _("Choose the log file or the folder with the logs.")})
        self._path = Path(path).expanduser()
        self._glob = str(settings.get("glob") or DEFAULT_GLOB)
        try:
            self._retention_days = int(settings.get("retention_days") or DEFAULT_RETENTION_DAYS)
        except (TypeError, ValueError) as exc:
            raise ValidationError({"retention_days": _("Enter a whole number of days.")}) from exc
        if self._retention_days < 0:
            raise ValidationError({"retention_days": _("Enter zero or more days.")})

    @classmethod
    def describe(cls) -> ConnectorDescription:
        return ConnectorDescription(
            kind=cls.kind,
            label=N_("Web server access logs"),
            settings=(
                SettingSpec("path", N_("Log file or folder"), kind="path"),
                SettingSpec(
                    "glob",
                    N_("File name pattern"),
                    required=False,
                    default=DEFAULT_GLOB,
                    help=N_(
                        "Which files in the folder are logs (default *access*.log*: rotated and "
                        ".gz included); a file is read only when its first line is in a known "
                        "access-log format."
                    ),
                ),
                SettingSpec(
                    "retention_days",
                    N_("Retention (days)"),
                    kind="int",
                    required=False,
                    default=DEFAULT_RETENTION_DAYS,
                    help=N_(
                        "How long the raw logs are kept before they are deleted automatically."
                    ),
                ),
            ),
            capabilities=frozenset({Capability.SEARCH}),
            help=(
                N_(
                    "Reads Apache/nginx access logs (common or combined format, also with a "
                    "virtual host or X-Forwarded-For field; plain or .gz). "
                    "Log lines cannot be erased one by one; they expire after the retention period."
                )
            ),
        )

    def _candidates(self) -> list[Path]:
        if self._path.is_file():
            return [self._path]
        if self._path.is_dir():
            return sorted(p for p in self._path.glob(self._glob) if p.is_file())
        raise ConnectorError(
            _(
                "The log location {path} does not exist or cannot be read. Check the path in the "
                "connector settings.",
                path=self._path,
            )
        )

    def survey(self) -> tuple[list[tuple[Path, str]], list[tuple[Path, str]]]:
        """(files read with their format, files skipped with why): a file is read only when
        its first line is in a log format this connector knows."""
        read: list[tuple[Path, str]] = []
        skipped: list[tuple[Path, str]] = []
        for path in self._candidates():
            try:
                head = first_line(path)
            except ConnectorError as exc:
                skipped.append((path, str(exc)))
                continue
            if not head.strip():
                skipped.append((path, str(_("empty"))))
                continue
            name = format_name(head)
            if name is None:
                skipped.append((path, str(_("the first line is not in a known access-log format"))))
            else:
                read.append((path, name))
        return read, skipped

    def test_connection(self) -> str:
        read, skipped = self.survey()
        parts = [str(_("{name} ({format})", name=p.name, format=fmt)) for p, fmt in read]
        left = [str(_("{name}: {why}", name=p.name, why=why)) for p, why in skipped]
        if not read:
            if not left:
                raise ConnectorError(
                    _(
                        "No log files matching '{glob}' in {path}. Check the folder and the file "
                        "name pattern.",
                        glob=self._glob,
                        path=self._path,
                    )
                )
            raise ConnectorError(
                _(
                    "No file in {path} is in Apache/nginx common or combined log format. "
                    "Skipped: {skipped}.",
                    path=self._path,
                    skipped="; ".join(left),
                )
            )
        text = _("{n} log file(s) read: {files}.", n=len(read), files=", ".join(parts))
        if left:
            text = join([text, _("Skipped: {skipped}.", skipped="; ".join(left))])
        return str(text)

    def search(self, subject: Subject, progress: Progress) -> Sequence[Finding]:
        targets = _targets(subject)
        if not targets:
            return []
        files = [p for p, _fmt in self.survey()[0]]
        if not files:
            return []
        sizes = [p.stat().st_size for p in files]  # once: logrotate may move files meanwhile
        total = sum(sizes) or 1
        done = 0
        findings: list[Finding] = []
        for number, path in enumerate(files, start=1):
            progress.report(
                done / total, _("Log file {number} of {n}", number=number, n=len(files))
            )
            aggregates = self._scan_file(path, targets, progress, done, total)
            done += sizes[number - 1]
            written = datetime.fromtimestamp(path.stat().st_mtime, UTC)
            findings.extend(self._finding(agg, written) for agg in aggregates)
        progress.report(1.0, _("Logs searched"))
        return findings

    def _scan_file(
        self, path: Path, targets: list[_Target], progress: Progress, done: int, total: int
    ) -> list[_Aggregate]:
        aggregates: dict[int, _Aggregate] = {}
        needles = sorted({t.prefilter for t in targets})
        fold_case = any(n != n.lower() or n.lower() != n.upper() for n in needles)
        message = _("Reading {name}", name=path.name)

        def reported(position: int) -> None:
            progress.report((done + position) / total, message)  # also checks cancel

        unparsed = 0
        for raw in candidate_lines(path, needles, fold_case=fold_case, on_block=reported):
            lowered = raw.lower() if fold_case else raw
            hits = [i for i, t in enumerate(targets) if t.prefilter in lowered]
            parsed = parse_line(raw.decode("utf-8", "replace").rstrip("\r"))
            if parsed is None:
                unparsed += 1
                continue
            self._match_line(parsed, [targets[i] for i in hits], hits, aggregates, path)
        if unparsed:
            log.info("%s: %d candidate lines not in a known log format", path.name, unparsed)
        return list(aggregates.values())

    def _match_line(
        self,
        parsed: LogLine,
        candidates: list[_Target],
        indexes: list[int],
        aggregates: dict[int, _Aggregate],
        path: Path,
    ) -> None:
        request = _unescape(parsed.request)
        decoded: str | None = None
        when: datetime | None = None
        parsed_time = False
        for index, target in zip(indexes, candidates, strict=True):
            if target.where == "host":
                # The client address or one in X-Forwarded-For; never the URL or referrer.
                hit = any(_same_ip(a, target.value) for a in (parsed.host, *parsed.forwarded_for))
            elif target.where == "user":
                user = parsed.user
                hit = user != "-" and unquote_plus(user).lower() == target.value
            else:
                if decoded is None:
                    decoded = unquote_plus(request) + "\n" + unquote_plus(_unescape(parsed.referer))
                assert target.pattern is not None
                hit = target.pattern.search(decoded) is not None
            if not hit:
                continue
            if not parsed_time:
                when = _parse_time(parsed.time)
                parsed_time = True
            agg = aggregates.get(index)
            if agg is None:
                agg = aggregates[index] = _Aggregate(path.name, target)
            client = parsed.host
            if parsed.forwarded_for:
                client = f"{parsed.forwarded_for[0]} (X-Forwarded-For, via {parsed.host})"
            agg.add(
                when,
                unquote_plus(_request_path(request)),
                client,
                _unescape(parsed.agent),
                full_request=unquote_plus(request),
            )

    def _finding(self, agg: _Aggregate, written: datetime) -> Finding:
        target = agg.target
        fields: dict[str, str] = {
            N_("requests"): str(agg.requests),
            N_("first seen"): agg.first_seen.isoformat(sep=" ") if agg.first_seen else "unknown",
            N_("last seen"): agg.last_seen.isoformat(sep=" ") if agg.last_seen else "unknown",
            N_("sample requests"): "\n".join(agg.samples),
            N_("IP addresses"): ", ".join(agg.hosts),
        }
        if agg.agents:
            fields[N_("user agents")] = "\n".join(agg.agents)
        fields[LINES_FIELD] = "\n".join(agg.lines)
        # The lines go when their file is deleted: the file's last write plus the retention
        # configured here. Only as configured: the server's own rotation is not checked.
        last = max(written, agg.last_seen) if agg.last_seen is not None else written
        expires = (last + timedelta(days=self._retention_days)).date()
        note = _(
            "Log lines cannot be erased one by one. Expected to be deleted on {date}: the file "
            "was last written on {written}, plus the retention of {n} days configured for this "
            "system (as configured here; the server's log rotation is not checked).",
            date=expires.isoformat(),
            written=written.date().isoformat(),
            n=self._retention_days,
        )
        if target.strength is MatchStrength.NOT_ATTRIBUTABLE:
            note = join(
                [note, _("The address is truncated and cannot be attributed to one person.")]
            )
        elif target.strength is MatchStrength.WEAK:
            note = join([note, _("IP addresses are shared and change: check before attributing.")])
        return Finding(
            system=self.name,
            record_id=f"{agg.file}|{target.identifier.kind.value}={target.identifier.value}",
            fields=fields,
            categories=(N_("online identifiers"), N_("website usage")),
            matched=target.identifier,
            strength=target.strength,
            location=str(self._path / agg.file) if self._path.is_dir() else str(self._path),
            note=note,
        )


def _ip_prefilter(ip: str) -> bytes:
    """Bytes every line with this address contains. IPv6 is written compressed or in full
    (``2001:db8::1`` / ``2001:0db8:0:0:0:0:0:1``): only the first group is the same in both."""
    if ":" in ip:
        return ip.split(":", 1)[0].encode() + b":"
    return ip.encode()


def _same_ip(host: str, wanted: str) -> bool:
    if host == wanted:
        return True
    try:
        return str(ipaddress.ip_address(host)) == wanted
    except ValueError:
        return False


def _parse_time(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, _TIME_FORMAT)
    except ValueError:
        return None
