"""Matomo (Piwik) statistics via the PrivacyManager HTTP API: find, export and delete visits."""

from __future__ import annotations

import ipaddress
import json
import logging
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from http.client import HTTPResponse
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from app.connectors.base import (
    Capability,
    ChangePlan,
    ConnectorDescription,
    Finding,
    Identifier,
    MatchStrength,
    Outcome,
    PlanItem,
    RecordResult,
    SettingSpec,
    Subject,
)
from app.connectors.identifier_match import is_truncated, truncated_forms
from app.connectors.text_search import strength_rank
from app.core.enums import IdentifierKind
from app.core.errors import Cancelled, ConnectorError, ValidationError
from app.core.i18n import N_, Message, _, join, message_of
from app.core.progress import Progress

log = logging.getLogger(__name__)

DEFAULT_SEGMENT_TEMPLATE = "userId=={user_id}"
DEFAULT_TIMEOUT_S = 30.0
MAX_RESPONSE_BYTES = 50 * 1024 * 1024
_CHUNK = 64 * 1024
CATEGORIES = (N_("online identifiers"), N_("website usage"))


@dataclass
class _Visit:
    site: int
    idvisit: int
    row: dict[str, Any]
    matched: Identifier
    strength: MatchStrength


def _parse_site_ids(value: Any) -> tuple[int, ...]:
    items = value.split(",") if isinstance(value, str) else list(value or ())
    try:
        ids = tuple(int(str(item).strip()) for item in items if str(item).strip())
    except ValueError as exc:
        raise ValidationError({"site_ids": _("Enter site ids as numbers, e.g. 1, 3.")}) from exc
    if not ids or any(i <= 0 for i in ids):
        raise ValidationError({"site_ids": _("Enter at least one site id (a number above 0).")})
    return ids


class MatomoConnector:
    """A Matomo instance; needs a token of a user with admin access to the sites."""

    kind = "matomo"

    def __init__(self, name: str, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> None:
        self.name = name
        base = str(settings.get("base_url") or "").strip()
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValidationError(
                {"base_url": _("Enter the Matomo address, e.g. https://stats.example.nl/")}
            )
        self._base_url = base.rstrip("/")
        self._endpoint = self._base_url if base.endswith(".php") else self._base_url + "/index.php"
        self._site_ids = _parse_site_ids(settings.get("site_ids"))
        self._template = str(settings.get("segment_template") or DEFAULT_SEGMENT_TEMPLATE)
        if "{user_id}" not in self._template:
            raise ValidationError({"segment_template": _("The template must contain {user_id}.")})
        try:
            self._timeout = float(settings.get("timeout_s") or DEFAULT_TIMEOUT_S)
        except (TypeError, ValueError) as exc:
            raise ValidationError({"timeout_s": _("Enter the time-out in seconds.")}) from exc
        self._token = secrets.get("token_auth", "")

    @classmethod
    def describe(cls) -> ConnectorDescription:
        return ConnectorDescription(
            kind=cls.kind,
            label=N_("Matomo (Piwik) web statistics"),
            settings=(
                SettingSpec("base_url", N_("Matomo address"), kind="url"),
                SettingSpec("site_ids", N_("Site ids"), help=N_("Comma separated, e.g. 1, 3")),
                SettingSpec(
                    "segment_template",
                    N_("Segment for a user id"),
                    required=False,
                    default=DEFAULT_SEGMENT_TEMPLATE,
                    help=N_(
                        "Matomo segment; {user_id} is replaced by each user id, e-mail "
                        "address and customer number. IP addresses are searched as well."
                    ),
                ),
                SettingSpec(
                    "timeout_s", N_("Time-out (seconds)"), kind="int", required=False, default=30
                ),
                SettingSpec(
                    "token_auth",
                    N_("API token"),
                    kind="secret",
                    help=N_("Personal security > Auth tokens, of a user with admin access."),
                ),
            ),
            capabilities=frozenset({Capability.SEARCH, Capability.ERASE, Capability.EXPORT}),
            help=N_("Uses the PrivacyManager plugin (GDPR tools) of Matomo 3.6 or later."),
        )

    # -- transport ---------------------------------------------------------------------------

    def _call(self, method: str, params: Mapping[str, str], progress: Progress) -> Any:
        """POST one API call; the token travels in the body so it never lands in access logs."""
        if not self._token:
            raise ConnectorError(
                _("No Matomo API token is stored for this connector. Enter it in the settings.")
            )
        progress.check()
        body = urlencode({**params, "format": "json", "token_auth": self._token}).encode()
        url = f"{self._endpoint}?{urlencode({'module': 'API', 'method': method})}"
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self._socket_timeout(progress)) as resp:
                raw = self._read(resp, progress)
        except urllib.error.HTTPError as exc:
            raise ConnectorError(self._http_error_message(exc.code)) from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise self._timeout_error() from exc
            raise ConnectorError(
                _(
                    "Cannot reach Matomo at {base_url} ({reason}). Check the address and that the "
                    "server is running.",
                    base_url=self._base_url,
                    reason=exc.reason,
                )
            ) from exc
        except TimeoutError as exc:
            raise self._timeout_error() from exc
        except OSError as exc:
            raise ConnectorError(
                _(
                    "The connection to Matomo at {base_url} failed ({exc}). Try again later.",
                    base_url=self._base_url,
                    exc=exc,
                )
            ) from exc
        return self._decode(raw, method)

    def _socket_timeout(self, progress: Progress) -> float:
        remaining = progress.remaining()
        timeout = self._timeout if remaining is None else min(self._timeout, remaining)
        if timeout <= 0:
            progress.check()  # raises the time-out error
        return max(timeout, 0.05)

    def _read(self, resp: HTTPResponse, progress: Progress) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            # Each read waits at most the socket time-out; the overall deadline is checked here.
            progress.check()
            chunk = resp.read(_CHUNK)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > MAX_RESPONSE_BYTES:
                raise ConnectorError(
                    _(
                        "Matomo sent an unexpectedly large answer. Check the address in the "
                        "settings."
                    )
                )
            chunks.append(chunk)

    def _timeout_error(self) -> ConnectorError:
        return ConnectorError(
            _(
                "Matomo at {base_url} did not answer in time (time-out). Try again later or "
                "raise the time-out in the connector settings.",
                base_url=self._base_url,
            )
        )

    def _http_error_message(self, code: int) -> Message:
        if code in (401, 403):
            return _(
                "Matomo refused access (HTTP {code}). Check the API token and that its user "
                "has admin access to the sites.",
                code=code,
            )
        if code == 404:
            return _(
                "No Matomo found at {base_url} (HTTP 404). Check the address.",
                base_url=self._base_url,
            )
        return _(
            "Matomo at {base_url} answered with a server error (HTTP {code}). "
            "Try again later or ask the Matomo administrator to check the server log.",
            base_url=self._base_url,
            code=code,
        )

    def _decode(self, raw: bytes, method: str) -> Any:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            looks_html = raw.lstrip()[:1] == b"<"
            check = _(
                "Check the address (it must point to the Matomo installation) and that the "
                "PrivacyManager plugin is active."
            )
            if looks_html:
                what = _(
                    "Matomo at {base_url} answered {method} with a web page (HTML) instead of "
                    "data.",
                    base_url=self._base_url,
                    method=method,
                )
            else:
                what = _(
                    "Matomo at {base_url} answered {method} with something that is not JSON "
                    "instead of data.",
                    base_url=self._base_url,
                    method=method,
                )
            raise ConnectorError(join([what, check])) from exc
        if isinstance(data, dict) and data.get("result") == "error":
            message = str(data.get("message") or "no reason given")[:300]
            raise ConnectorError(
                _("Matomo refused {method}: {message}", method=method, message=message)
            )
        return data

    # -- protocol --------------------------------------------------------------------------

    def test_connection(self) -> str:
        progress = Progress(timeout_s=self._timeout)
        version = self._call("API.getMatomoVersion", {}, progress)
        # A harmless search proves the token has admin rights and the plugin works.
        probe = self._template.replace("{user_id}", quote("privacy-desk-connection-test", safe=""))
        for site in self._site_ids:
            self._find(site, probe, progress)
        value = version.get("value") if isinstance(version, dict) else version
        return _(
            "Connected to Matomo {version}; {n} site(s) accessible.",
            version=value,
            n=len(self._site_ids),
        )

    def _find(self, site: int, segment: str, progress: Progress) -> list[dict[str, Any]]:
        data = self._call(
            "PrivacyManager.findDataSubjects", {"idSite": str(site), "segment": segment}, progress
        )
        if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
            raise ConnectorError(
                _(
                    "Matomo answered findDataSubjects in an unexpected shape. Check the Matomo "
                    "version."
                )
            )
        return data

    def _segments(self, subject: Subject) -> list[tuple[str, Identifier]]:
        """Segments to run, each with the identifier it searches for."""
        out: list[tuple[str, Identifier]] = []
        for kind, values in (
            (IdentifierKind.USER_ID, subject.user_ids),
            (IdentifierKind.EMAIL, subject.emails),
            (IdentifierKind.CUSTOMER_NUMBER, subject.customer_numbers),
        ):
            for value in values:
                if value.strip():
                    # Segment values are URL-encoded inside the segment (Matomo's own rule).
                    segment = self._template.replace("{user_id}", quote(value.strip(), safe=""))
                    out.append((segment, Identifier(kind, value.strip())))
        for raw in subject.ip_addresses:
            try:
                ip = str(ipaddress.ip_address(raw.strip()))
            except ValueError:
                continue
            out.append((f"visitIp=={ip}", Identifier(IdentifierKind.IP_ADDRESS, ip)))
            for truncated in truncated_forms(ip):
                ident = Identifier(IdentifierKind.IP_ADDRESS, truncated)
                out.append((f"visitIp=={truncated}", ident))
        return out

    @staticmethod
    def _strength(row: Mapping[str, Any], ident: Identifier) -> MatchStrength:
        if ident.kind is not IdentifierKind.IP_ADDRESS:
            return MatchStrength.STRONG
        # Only an address stored in full can point at a (shared) connection; a truncated one
        # stands for thousands of people.
        stored = str(row.get("visitIp") or "")
        full = stored == ident.value and not is_truncated(ident.value)
        return MatchStrength.WEAK if full else MatchStrength.NOT_ATTRIBUTABLE

    def search(self, subject: Subject, progress: Progress) -> Sequence[Finding]:
        segments = self._segments(subject)
        visits: dict[tuple[int, int], _Visit] = {}
        steps = len(segments) * len(self._site_ids) or 1
        step = 0
        for site in self._site_ids:
            for segment, ident in segments:
                progress.report(step / steps, _("Matomo site {site}", site=site))
                step += 1
                for row in self._find(site, segment, progress):
                    key = _visit_key(row, site)
                    strength = self._strength(row, ident)
                    known = visits.get(key)
                    if known is None or strength_rank(strength) < strength_rank(known.strength):
                        visits[key] = _Visit(key[0], key[1], row, ident, strength)
        details = self._export_details(list(visits.values()), progress)
        progress.report(1.0, _("Matomo searched"))
        return [self._finding(v, details.get((v.site, v.idvisit), {})) for v in visits.values()]

    @staticmethod
    def _visits_params(keys: Sequence[tuple[int, int]]) -> dict[str, str]:
        params: dict[str, str] = {}
        for n, (site, idvisit) in enumerate(keys):
            params[f"visits[{n}][idsite]"] = str(site)
            params[f"visits[{n}][idvisit]"] = str(idvisit)
        return params

    def _export_details(
        self, visits: Sequence[_Visit], progress: Progress
    ) -> dict[tuple[int, int], dict[str, str]]:
        """First action time and number of actions per visit, from exportDataSubjects."""
        if not visits:
            return {}
        data = self.export_data([(v.site, v.idvisit) for v in visits], progress)
        details: dict[tuple[int, int], dict[str, str]] = {}
        for row in data.get("log_visit", []) if isinstance(data, dict) else []:
            if isinstance(row, dict) and "idvisit" in row:
                key = (int(row.get("idsite") or 0), int(row["idvisit"]))
                details.setdefault(key, {})["first action"] = str(
                    row.get("visit_first_action_time", "")
                )
        for row in data.get("log_link_visit_action", []) if isinstance(data, dict) else []:
            if isinstance(row, dict) and "idvisit" in row:
                key = (int(row.get("idsite") or 0), int(row["idvisit"]))
                entry = details.setdefault(key, {})
                entry["actions"] = str(int(entry.get("actions", "0")) + 1)
        return details

    def export_data(self, visits: Sequence[tuple[int, int]], progress: Progress) -> dict[str, Any]:
        """Everything Matomo stores for these (idsite, idvisit) pairs, per log table."""
        data = self._call(
            "PrivacyManager.exportDataSubjects", self._visits_params(visits), progress
        )
        if isinstance(data, list) and not data:
            return {}
        if not isinstance(data, dict):
            raise ConnectorError(_("Matomo answered exportDataSubjects in an unexpected shape."))
        return data

    def _finding(self, visit: _Visit, extra: Mapping[str, str]) -> Finding:
        row = visit.row
        fields = {
            "site": f"{visit.site} {row.get('siteName') or ''}".strip(),
            "visit id": str(visit.idvisit),
            "first action": extra.get("first action") or str(row.get("lastActionDateTime", "")),
            "last action": str(row.get("lastActionDateTime", "")),
            "IP address (as stored)": str(row.get("visitIp") or ""),
            "user id": str(row.get("userId") or ""),
            "visitor id": str(row.get("visitorId") or ""),
            "device": " / ".join(
                str(row[k]) for k in ("deviceType", "operatingSystem", "browser") if row.get(k)
            ),
        }
        if "actions" in extra:
            fields["actions"] = extra["actions"]
        note = ""
        if visit.strength is MatchStrength.NOT_ATTRIBUTABLE:
            note = _("Matomo stores this address truncated by two octets; not attributable.")
        elif visit.strength is MatchStrength.WEAK:
            note = _("Matched on a full IP address only; shared addresses: check before use.")
        return Finding(
            system=self.name,
            record_id=f"{visit.site}:{visit.idvisit}",
            fields={k: v for k, v in fields.items() if v},
            categories=CATEGORIES,
            matched=visit.matched,
            strength=visit.strength,
            location=f"Matomo site {visit.site}",
            note=note,
        )

    # -- erasure ---------------------------------------------------------------------------

    def plan_erasure(self, findings: Sequence[Finding]) -> ChangePlan:
        items: list[PlanItem] = []
        for finding in findings:
            if finding.system != self.name:
                continue
            if finding.strength is MatchStrength.NOT_ATTRIBUTABLE:
                items.append(
                    PlanItem(
                        finding.record_id,
                        "keep",
                        reason=_("Not attributable to the person (IP address truncated)."),
                    )
                )
            else:
                items.append(
                    PlanItem(finding.record_id, "delete_row", fields=tuple(finding.fields))
                )
        return ChangePlan(system=self.name, operation="erasure", items=tuple(items))

    def erase(self, plan: ChangePlan, progress: Progress) -> list[RecordResult]:
        """Delete visit by visit, so every record gets its own outcome."""
        results: list[RecordResult] = []
        todo = list(plan.items)
        for n, item in enumerate(todo):
            if item.action == "keep":
                results.append(RecordResult(item.record_id, Outcome.KEPT, item.reason))
                continue
            try:
                progress.report(n / len(todo), _("Deleting visits in Matomo"))
                results.append(self._erase_one(item, progress))
            except Cancelled:
                results.extend(
                    RecordResult(i.record_id, Outcome.FAILED, _("Not done: cancelled."))
                    for i in todo[n:]
                )
                return results
            except ConnectorError as exc:
                results.append(RecordResult(item.record_id, Outcome.FAILED, message_of(exc)))
        return results

    def _erase_one(self, item: PlanItem, progress: Progress) -> RecordResult:
        try:
            site_text, visit_text = item.record_id.split(":")
            key = (int(site_text), int(visit_text))
        except ValueError:
            return RecordResult(item.record_id, Outcome.FAILED, _("Not a Matomo visit reference."))
        counts = self._call(
            "PrivacyManager.deleteDataSubjects", self._visits_params([key]), progress
        )
        if not isinstance(counts, dict):
            raise ConnectorError(_("Matomo answered deleteDataSubjects in an unexpected shape."))
        removed = {str(k): int(v) for k, v in counts.items() if str(v).isdigit()}
        summary = ", ".join(f"{table}: {n}" for table, n in sorted(removed.items()) if n)
        if removed.get("log_visit", 0) == 0:
            return RecordResult(
                item.record_id, Outcome.REMOVED, _("The visit was no longer present in Matomo.")
            )
        log.info("Matomo visit deleted (%s rows)", sum(removed.values()))
        return RecordResult(item.record_id, Outcome.REMOVED, summary)


def _visit_key(row: Mapping[str, Any], site: int) -> tuple[int, int]:
    try:
        return int(row.get("idSite") or site), int(row["idVisit"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ConnectorError(
            _("Matomo returned a visit without a valid idVisit. Check the Matomo version.")
        ) from exc
