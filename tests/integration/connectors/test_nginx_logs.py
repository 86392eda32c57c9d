"""A real nginx writes two virtual hosts' logs (custom format with X-Forwarded-For), rotated
like logrotate does (rename, `nginx -s reopen`, gzip); the connector then searches them."""

from __future__ import annotations

import gzip
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.connectors.base import Subject
from app.connectors.web_logs import WebLogConnector
from app.core.progress import Progress

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
IP = "84.12.33.44"
SUBJECT = Subject("2026-010", "Zoë", "Jansen", ip_addresses=(IP,))

CONFIG = """
{user}
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 64; }}
http {{
    log_format proxied '$remote_addr - $remote_user [$time_local] "$request" '
                       '$status $body_bytes_sent "$http_referer" "$http_user_agent" '
                       '"$http_x_forwarded_for"';
    client_body_temp_path {root}/tmp/body;
    proxy_temp_path {root}/tmp/proxy;
    fastcgi_temp_path {root}/tmp/fastcgi;
    uwsgi_temp_path {root}/tmp/uwsgi;
    scgi_temp_path {root}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name shop.test;
        access_log {logs}/shop_access.log proxied;
        location / {{ return 200 "shop"; }}
    }}
    server {{
        listen 127.0.0.1:{port};
        server_name blog.test;
        access_log {logs}/blog-access.log proxied;
        location / {{ return 200 "blog"; }}
    }}
}}
"""


@dataclass
class Nginx:
    root: Path
    logs: Path
    port: int
    config: Path

    def signal(self, name: str) -> None:
        subprocess.run([str(NGINX), "-p", str(self.root), "-e", str(self.root / "error.log"),
                        "-c", str(self.config), "-s", name], check=True, timeout=20)  # fmt: skip

    def get(self, host: str, path: str, forwarded_for: str | None = None) -> None:
        headers = {"Host": host, "User-Agent": "privacy-desk-test"}
        if forwarded_for:
            headers["X-Forwarded-For"] = forwarded_for
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers)
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.status == 200


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def nginx(tmp_path: Path) -> Iterator[Nginx]:
    if NGINX is None:
        pytest.skip("nginx is not installed (apt-get install nginx-light or nginx)")
    root, logs = tmp_path / "nginx", tmp_path / "logs"
    (root / "tmp").mkdir(parents=True)
    logs.mkdir()
    port = _free_port()
    user = "user root;" if os.geteuid() == 0 else ""  # workers as root only where we are root
    config = root / "nginx.conf"
    config.write_text(CONFIG.format(user=user, root=root, logs=logs, port=port), encoding="utf-8")
    command = [NGINX, "-p", str(root), "-e", str(root / "error.log"), "-c", str(config)]
    started = subprocess.run(command, capture_output=True, text=True, timeout=30)
    if started.returncode != 0:
        pytest.fail(f"nginx did not start: {started.stderr}")
    server = Nginx(root, logs, port, config)
    try:
        for _ in range(50):
            try:
                server.get("shop.test", "/ping")
                break
            except OSError:
                time.sleep(0.1)
        yield server
    finally:
        server.signal("quit")
        for _ in range(50):
            if not (root / "nginx.pid").exists():
                break
            time.sleep(0.1)


def _wait_for(path: Path, text: str) -> None:
    for _ in range(50):  # nginx writes the line after the answer: wait for it
        if path.exists() and text in path.read_text(encoding="utf-8", errors="replace"):
            return
        time.sleep(0.1)
    raise AssertionError(f"{text} never reached {path.name}")


def test_real_nginx_logs_rotated_and_gzipped(nginx: Nginx) -> None:
    nginx.get("shop.test", "/before-rotation", forwarded_for=f"{IP}, 10.0.0.9")
    nginx.get("shop.test", f"/lookup?ip={IP}")  # only in the URL: not the person
    nginx.get("blog.test", "/artikel", forwarded_for=IP)
    _wait_for(nginx.logs / "blog-access.log", "/artikel")
    _wait_for(nginx.logs / "shop_access.log", "/lookup")
    # logrotate: rename, reopen, then compress the old file
    (nginx.logs / "shop_access.log").rename(nginx.logs / "shop_access.log.1")
    nginx.signal("reopen")
    nginx.get("shop.test", "/after-rotation", forwarded_for=IP)
    _wait_for(nginx.logs / "shop_access.log", "/after-rotation")
    with (nginx.logs / "shop_access.log.1").open("rb") as plain:
        with gzip.open(nginx.logs / "shop_access.log.1.gz", "wb") as packed:
            shutil.copyfileobj(plain, packed)
    (nginx.logs / "shop_access.log.1").unlink()

    conn = WebLogConnector("Web", {"path": str(nginx.logs)}, {})
    summary = conn.test_connection()
    assert "3 log file(s) read" in summary, summary
    for name in ("blog-access.log", "shop_access.log", "shop_access.log.1.gz"):
        assert f"{name} (combined + X-Forwarded-For)" in summary, summary
    found = {f.record_id.split("|")[0]: f for f in conn.search(SUBJECT, Progress())}
    assert set(found) == {"blog-access.log", "shop_access.log", "shop_access.log.1.gz"}
    assert found["shop_access.log.1.gz"].fields["sample requests"] == "/before-rotation"
    assert found["shop_access.log"].fields["sample requests"] == "/after-rotation"
    assert found["blog-access.log"].fields["requests"] == "1"
    assert "via 127.0.0.1" in found["blog-access.log"].fields["IP addresses"]
