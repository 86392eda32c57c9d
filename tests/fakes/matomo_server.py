"""A fake Matomo speaking the PrivacyManager HTTP API (find/export/delete) on a real socket."""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

_VISIT_KEY = re.compile(r"^visits\[(\d+)\]\[(idsite|idvisit)\]$")


@dataclass
class FakeVisit:
    idsite: int
    idvisit: int
    visit_ip: str  # as stored, e.g. "84.12.0.0" when truncated
    user_id: str = ""
    visitor_id: str = "a1b2c3d4e5f60718"
    first_action: str = "2026-11-02 09:12:00"
    last_action: str = "2026-11-02 09:20:00"
    actions: list[str] = field(default_factory=lambda: ["https://example.nl/"])


class FakeMatomo:
    """In-memory Matomo. Switch ``mode`` to "slow", "garbage", "error500" for failure tests."""

    def __init__(self, token: str = "secret-token", sites: dict[int, str] | None = None) -> None:
        self.token = token
        self.sites = sites or {1: "www.example.nl"}
        self.visits: list[FakeVisit] = []
        self.mode = "ok"
        self.slow_seconds = 3.0  # "slow": the longest a request is held, unless released
        self.release = threading.Event()  # set it to let held "slow" requests answer at once
        self.answered = 0  # responses the server finished sending
        self.requests: list[dict[str, Any]] = []  # {"method", "params", "query"} per call
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._server.block_on_close = False  # a "slow" handler must not hold up stop()
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/"

    def start(self) -> FakeMatomo:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # -- API semantics ---------------------------------------------------------------------

    def _matches(self, visit: FakeVisit, segment: str) -> bool:
        # "," is OR and binds tighter than ";" (AND), as in Matomo's segment grammar.
        for conjunct in segment.split(";"):
            if not any(self._condition(visit, cond) for cond in conjunct.split(",")):
                return False
        return True

    @staticmethod
    def _condition(visit: FakeVisit, condition: str) -> bool:
        name, sep, value = condition.partition("==")
        if not sep:
            raise ValueError(f"The segment '{condition}' is not valid.")
        value = unquote(value)
        stored = {"userId": visit.user_id, "visitIp": visit.visit_ip, "visitorId": visit.visitor_id}
        if name not in stored:
            raise ValueError(f"Segment '{name}' is not a supported segment.")
        return stored[name] == value

    def _row(self, visit: FakeVisit) -> dict[str, Any]:
        return {
            "lastActionDateTime": visit.last_action,
            "idVisit": visit.idvisit,
            "idSite": visit.idsite,
            "siteName": self.sites.get(visit.idsite, ""),
            "visitorId": visit.visitor_id,
            "visitIp": visit.visit_ip,
            "userId": visit.user_id or None,
            "deviceType": "Desktop",
            "operatingSystem": "Linux",
            "browser": "Firefox 140.0",
        }

    @staticmethod
    def _requested_visits(params: dict[str, str]) -> list[tuple[int, int]]:
        found: dict[int, dict[str, int]] = {}
        for key, value in params.items():
            m = _VISIT_KEY.match(key)
            if m:
                found.setdefault(int(m[1]), {})[m[2]] = int(value)
        if not found or any(len(v) != 2 for v in found.values()):
            raise ValueError("The parameter visits must be an array of idsite and idvisit.")
        return [(v["idsite"], v["idvisit"]) for _, v in sorted(found.items())]

    def answer(self, method: str, params: dict[str, str]) -> Any:
        if method == "API.getMatomoVersion":
            return {"value": "5.2.0"}
        if params.get("token_auth") != self.token:
            raise PermissionError(
                "You can't access this resource as it requires 'admin' access for the website."
            )
        with self._lock:
            if method == "PrivacyManager.findDataSubjects":
                site = int(params["idSite"])
                return [
                    self._row(v)
                    for v in self.visits
                    if v.idsite == site and self._matches(v, params.get("segment", ""))
                ]
            keys = self._requested_visits(params)
            chosen = [v for v in self.visits if (v.idsite, v.idvisit) in keys]
            if method == "PrivacyManager.exportDataSubjects":
                return {
                    "log_visit": [
                        {
                            "idsite": v.idsite,
                            "idvisit": v.idvisit,
                            "location_ip": v.visit_ip,
                            "user_id": v.user_id,
                            "visit_first_action_time": v.first_action,
                            "visit_last_action_time": v.last_action,
                        }
                        for v in chosen
                    ],
                    "log_link_visit_action": [
                        {"idsite": v.idsite, "idvisit": v.idvisit, "idaction_url": url}
                        for v in chosen
                        for url in v.actions
                    ],
                }
            if method == "PrivacyManager.deleteDataSubjects":
                self.visits = [v for v in self.visits if v not in chosen]
                return {
                    "log_visit": len(chosen),
                    "log_link_visit_action": sum(len(v.actions) for v in chosen),
                    "log_conversion": 0,
                }
        raise ValueError(f"The method '{method}' does not exist or is not available.")

    # -- HTTP ------------------------------------------------------------------------------

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return  # keep test output quiet

            def do_GET(self) -> None:
                self._handle(b"")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self._handle(self.rfile.read(length))

            def _handle(self, body: bytes) -> None:
                query = urlsplit(self.path).query
                params = {k: v[-1] for k, v in parse_qs(query).items()}
                params.update({k: v[-1] for k, v in parse_qs(body.decode()).items()})
                method = params.get("method", "")
                fake.requests.append({"method": method, "params": params, "query": query})
                if fake.mode == "slow":
                    fake.release.wait(fake.slow_seconds)
                if fake.mode == "error500":
                    self._send(500, b"<html><body>Internal Server Error</body></html>", "text/html")
                    return
                if fake.mode == "garbage":
                    self._send(200, b"<!DOCTYPE html><html><body>Login</body></html>", "text/html")
                    return
                if params.get("module") != "API" or params.get("format") != "json":
                    self._send(200, b"<html>Matomo dashboard</html>", "text/html")
                    return
                try:
                    payload = fake.answer(method, params)
                except (PermissionError, ValueError, KeyError) as exc:
                    payload = {"result": "error", "message": str(exc)}
                self._send(200, json.dumps(payload).encode(), "application/json")

            def _send(self, status: int, body: bytes, ctype: str) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    self.wfile.flush()
                    with fake._lock:
                        fake.answered += 1
                except (BrokenPipeError, ConnectionResetError):
                    return  # the client gave up (time-out test); nothing left to tell it

        return Handler
