"""Benchmark: the web-log search against `LC_ALL=C grep -F -f needles` and `zgrep -F`, CPU time.

By default (CI) a small generated log checks that the connector finds exactly the lines that
name the person in the client or X-Forwarded-For field; PRIVACY_DESK_BENCH=1 generates 1 GB
and the printed ratios are the figures (goal: 1.5x grep -F, 1.2x zgrep -F; warm page cache).
Both sides get the same search strings (the connector's own pre-filter needles) and select the
same lines (checked: grep's count is the connector's candidate count); the connector then also
parses each candidate and checks the field. The runs alternate (grep, connector, grep, ...) so
that a change in the machine's load falls on both sides; medians of ROUNDS runs.
"""

from __future__ import annotations

import gzip
import os
import random
import resource
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from app.connectors.base import Subject
from app.connectors.log_scan import candidate_lines
from app.connectors.web_logs import WebLogConnector, _targets
from app.core.progress import Progress

FULL = os.environ.get("PRIVACY_DESK_BENCH") == "1"
SIZE = 1_000_000_000 if FULL else 4_000_000
ROUNDS = 5
IP = "84.12.33.44"
AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0"


def _line(rng: random.Random, n: int, host: str, path: str, xff: str = "-") -> str:
    return (
        f"{host} - - [20/Nov/2026:10:{n // 60 % 60:02d}:{n % 60:02d} +0100] "
        f'"GET {path} HTTP/1.1" 200 {rng.randrange(100, 99999)} '
        f'"https://www.example.nl/p/{rng.randrange(10**6)}" "{AGENT}" "{xff}"\n'
    )


def _generate(path: Path) -> int:
    """A log of SIZE bytes; returns how many lines name the person as client or via XFF."""
    rng = random.Random(13)
    lines = []
    for n in range(40_000):  # an 8 MB block of other people's requests, repeated
        first, last = rng.randrange(1, 224), rng.randrange(1, 255)
        ip = f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{last}"
        lines.append(_line(rng, n, ip, f"/shop/item/{rng.randrange(10**5)}?ref=nb"))
    block = "".join(lines).encode()
    person = (
        _line(rng, 1, IP, "/account")
        + _line(rng, 2, "10.0.0.1", "/cart", xff=f"{IP}, 10.0.0.9")
        + _line(rng, 3, "10.0.0.2", f"/lookup?ip={IP}")  # in the URL only: not a hit
        + _line(rng, 4, "84.12.33.45", "/other")  # a neighbour's address
    ).encode()
    written = hits = 0
    with path.open("wb") as out:
        while written < SIZE:
            out.write(block)
            out.write(person)
            written += len(block) + len(person)
            hits += 2
    return hits


def _child(command: list[str]) -> tuple[float, int]:
    """(CPU seconds, the count printed) of a `grep -c` run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Counted into a pipe: GNU grep stops at the first match when its output is /dev/null.
    done = subprocess.run(command, stdout=subprocess.PIPE, env={**os.environ, "LC_ALL": "C"},
                          check=False)  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, int(done.stdout.split()[-1])


def _cpu_here(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


def _side_by_side(label: str, anchor: Callable[[], float], ours: Callable[[], float]) -> float:
    """The ratio of the medians, the two measured in turn."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(ROUNDS):
        times[0].append(anchor())
        times[1].append(ours())
    medians = [statistics.median(t) for t in times]
    for name, median, runs in zip((label, "connector search"), medians, times, strict=True):
        print(f"  {name:<34} CPU median {median:7.3f} s  (min {min(runs):.3f})")
    return medians[1] / medians[0]


@pytest.mark.skipif(shutil.which("grep") is None or shutil.which("zgrep") is None,
                    reason="grep and zgrep are needed as the anchor")  # fmt: skip
def test_web_log_search_against_grep(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    plain = folder / "access.log"
    hits = _generate(plain)
    packed = tmp_path / "packed" / "access.log.1.gz"
    packed.parent.mkdir()
    with plain.open("rb") as source, gzip.open(packed, "wb", compresslevel=6) as target:
        shutil.copyfileobj(source, target, 1 << 20)
    subject = Subject("bench", ip_addresses=(IP,))
    needles = tmp_path / "needles"
    needles.write_bytes(b"\n".join(sorted({t.prefilter for t in _targets(subject)})) + b"\n")

    def search(path: Path) -> int:
        found = WebLogConnector("Web", {"path": str(path)}, {}).search(subject, Progress())
        exact = [f for f in found if f.matched.value == IP]
        return int(exact[0].fields["requests"]) if exact else 0

    assert search(folder) == hits  # client or X-Forwarded-For; never the URL or a neighbour
    assert search(packed) == hits
    for path in (plain, packed):
        path.read_bytes()  # warm the page cache
    size = plain.stat().st_size
    print(f"\n{size / 1e6:,.0f} MB log ({packed.stat().st_size / 1e6:,.0f} MB gzip), "
          f"needles: {needles.read_text().split()}")  # fmt: skip
    wanted = [n for n in needles.read_bytes().split(b"\n") if n]
    for path in (plain, packed):
        tool = "grep" if path is plain else "zgrep"
        _cpu, counted = _child([tool, "-c", "-F", "-f", str(needles), str(path)])
        assert counted == sum(1 for _ in candidate_lines(path, wanted, fold_case=False)) > hits

    def grep(tool: str, path: Path) -> Callable[[], float]:
        return lambda: _child([tool, "-c", "-F", "-f", str(needles), str(path)])[0]

    print("plain:")
    ratio = _side_by_side("LC_ALL=C grep -c -F -f needles", grep("grep", plain),
                          lambda: _cpu_here(lambda: search(folder)))  # fmt: skip
    print(".gz:")
    ratio_gz = _side_by_side("LC_ALL=C zgrep -c -F -f needles", grep("zgrep", packed),
                             lambda: _cpu_here(lambda: search(packed)))  # fmt: skip
    print(f"ratio connector / grep -F:  {ratio:.2f}x (goal 1.5x)")
    print(f"ratio connector / zgrep -F: {ratio_gz:.2f}x (goal 1.2x)")
