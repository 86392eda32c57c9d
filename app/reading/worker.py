"""Untrusted documents parsed in a child process with a memory limit, killed on time-out/cancel.

A parser fed a hostile file can take gigabytes and minutes; a thread running it cannot be
stopped. The child process can: :class:`IsolatedReader` starts one per document, waits while
checking the caller's :class:`~app.core.progress.Progress` (cancel, time-out) and kills it when
either fires, so a connector that times out really stops.

The child is ``python -m app.reading.worker PATH`` from a source tree or an installed package;
in the frozen (PyInstaller) bundle it is the bundle's own executable with the hidden first
argument ``--read-document-worker`` (handled at the top of ``app.cli.main``). Its answer is one
JSON object on stdout.

What it parses: office documents and PDFs for the document-folder connector
(:meth:`IsolatedReader.read`), PDFs of letters at intake (the same), and XLSX sheets for the
tabular-file connector (:meth:`IsolatedReader.read_sheet`, answered by
:mod:`app.reading.workbook`).

Memory: on POSIX the child limits its own address space (``RLIMIT_AS``) before it parses, so a
bomb ends in a MemoryError instead of swapping the machine. On Windows the child puts itself in
a Job Object with a per-process memory limit (:mod:`app.reading.job_limit`; not exercised by
the Linux CI). The time-out and cancel bound the child everywhere, and the archive check bounds
what a zip may unpack to before any child starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.core.errors import ConnectorError
from app.core.i18n import _
from app.core.progress import Progress
from app.reading.archive import DocumentRefused, ReadingLimits, check_archive
from app.reading.documents import (
    DocumentFormat,
    DocumentText,
    PasswordProtected,
    UnreadableDocument,
    detect_format,
)

WORKER_FLAG = "--read-document-worker"
_ARCHIVES = (DocumentFormat.DOCX, DocumentFormat.ODT)
_POLL_S = 0.05


def _child_environment() -> dict[str, str]:
    """The parent's environment; from a source tree the child finds ``app`` like the parent."""
    env = dict(os.environ)
    if not getattr(sys, "frozen", False):
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


def worker_command() -> list[str]:
    """How to start the child: the frozen bundle runs itself, Python runs this module."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", "app.reading.worker"]


class IsolatedReader:
    """Reads documents in a child process each; ``last_pid`` is the most recent child."""

    def __init__(self, limits: ReadingLimits | None = None) -> None:
        self.limits = limits or ReadingLimits()
        self.last_pid: int | None = None

    def read(
        self, path: Path, *, max_pages: int | None = None, progress: Progress | None = None
    ) -> DocumentText:
        """Like ``read_document``; raises DocumentRefused for a bomb or a parser that overran."""
        form = detect_format(path)
        if form in _ARCHIVES:
            check_archive(path, self.limits)
        if form in (DocumentFormat.TEXT, DocumentFormat.IMAGE):
            from app.reading.documents import read_document

            return read_document(path)  # no parser to isolate
        args = [str(path), "--memory-mb", str(self.limits.memory_mb)]
        if max_pages is not None:
            args += ["--max-pages", str(max_pages)]
        answer = self._run(args, path, progress)
        return _decode(answer, path)

    def read_sheet(
        self, path: Path, *, sheet: str = "", progress: Progress | None = None
    ) -> dict[str, Any]:
        """One XLSX sheet parsed by openpyxl in the child: ``{"sheets", "title", "rows"}``
        (rows JSON-encoded, see :func:`app.reading.workbook.decode_rows`), or
        ``{"sheets", "missing_sheet": True}``. Raises DocumentRefused for a bomb or a parser
        that ran out of memory, UnreadableDocument for a file that is no workbook."""
        check_archive(path, self.limits)
        args = [str(path), "--memory-mb", str(self.limits.memory_mb), "--sheet", sheet]
        answer = self._run([*args, "--kind", "xlsx"], path, progress)
        if "error" in answer:
            _decode(answer, path)  # raises
        return answer

    def rewrite_sheet(
        self,
        path: Path,
        target: Path,
        *,
        sheet: str = "",
        removed: Sequence[int] = (),
        updated: Sequence[tuple[int, Sequence[Any]]] = (),
        progress: Progress | None = None,
    ) -> None:
        """Delete ``removed`` rows and write ``updated`` rows of ``path``'s sheet, saved as
        ``target``, with openpyxl in the child (values as :func:`encode_cell` gives them)."""
        from app.reading.workbook import encode_cell

        check_archive(path, self.limits)
        change = {
            "target": str(target),
            "removed": list(removed),
            "updated": [[n, [encode_cell(v) for v in values]] for n, values in updated],
        }
        args = [str(path), "--memory-mb", str(self.limits.memory_mb), "--sheet", sheet]
        answer = self._run(
            [*args, "--kind", "xlsx-rewrite"], path, progress, json.dumps(change).encode("utf-8")
        )
        if "error" in answer:
            _decode(answer, path)  # raises

    def _run(
        self,
        args: Sequence[str],
        path: Path,
        progress: Progress | None,
        given: bytes | None = None,
    ) -> dict[str, Any]:
        deadline = time.monotonic() + self.limits.timeout_s
        process = subprocess.Popen(
            [*worker_command(), *args],
            stdin=subprocess.DEVNULL if given is None else subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_child_environment(),
        )
        self.last_pid = process.pid
        try:
            while True:
                try:
                    out, _err = process.communicate(given, timeout=_POLL_S)
                    break
                except subprocess.TimeoutExpired:
                    given = None  # sent with the first call; a retry may not send it again
                    if progress is not None:
                        progress.check()  # Cancelled or the connector's time-out
                    if time.monotonic() > deadline:
                        raise ConnectorError(
                            _(
                                "Reading {name} took longer than {seconds} s and was stopped.",
                                name=path.name,
                                seconds=int(self.limits.timeout_s),
                            )
                        ) from None
        finally:
            if process.returncode is None:
                process.kill()
                process.communicate()  # reap it: no zombie, pipes closed
        try:
            answer: dict[str, Any] = json.loads(out.decode("utf-8"))
        except ValueError:
            # Killed by the system (out of memory) or crashed in C: no answer at all.
            raise DocumentRefused(
                _(
                    "{name} made the document reader stop (exit code {code}); it may be damaged "
                    "or built to overload the reader. Check it by hand.",
                    name=path.name,
                    code=process.returncode,
                )
            ) from None
        return answer


def _decode(answer: dict[str, Any], path: Path) -> DocumentText:
    error = answer.get("error")
    if error is None:
        return DocumentText(
            text=str(answer["text"]),
            format=DocumentFormat(answer["format"]),
            pages=int(answer.get("pages", 0)),
            needs_ocr=bool(answer.get("needs_ocr", False)),
        )
    detail = str(answer.get("detail", ""))
    if error == "password":
        raise PasswordProtected(path.name)
    if error == "memory":
        raise DocumentRefused(
            _(
                "{name} needed more than {limit} MB of memory to read and was stopped (it may "
                "be built to overload the reader). Check it by hand.",
                name=path.name,
                limit=answer.get("limit", "?"),
            )
        )
    if error == "os":
        raise OSError(int(answer.get("errno", 0) or 0), detail, str(path))
    raise UnreadableDocument(detail)


def _limit_memory(megabytes: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        from app.reading.job_limit import limit_own_memory

        try:
            limit_own_memory(megabytes)
        except OSError:  # an old Windows without nested jobs: the time-out still bounds us
            pass
        return
    import resource

    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_worker(argv: Sequence[str]) -> int:
    """The child: read one document, print one JSON answer. Exit 0 whenever it answered."""
    import argparse

    parser = argparse.ArgumentParser(prog="read-document-worker")
    parser.add_argument("path")
    parser.add_argument("--memory-mb", type=int, default=ReadingLimits().memory_mb)
    parser.add_argument("--max-pages", type=int, default=None)
    parser.add_argument("--kind", choices=("document", "xlsx", "xlsx-rewrite"), default="document")
    parser.add_argument("--sheet", default="")
    args = parser.parse_args(argv)
    from app.reading.documents import read_document

    answer: dict[str, Any]
    try:
        _limit_memory(args.memory_mb)
        if args.kind == "xlsx":
            from app.reading.workbook import sheet_answer

            answer = sheet_answer(Path(args.path), args.sheet)
        elif args.kind == "xlsx-rewrite":
            from app.reading.workbook import rewrite_answer

            change = json.loads(sys.stdin.buffer.read().decode("utf-8"))
            answer = rewrite_answer(Path(args.path), args.sheet, change)
        else:
            document = read_document(Path(args.path), max_pages=args.max_pages)
            answer = {
                "text": document.text,
                "format": document.format.value,
                "pages": document.pages,
                "needs_ocr": document.needs_ocr,
            }
    except MemoryError:
        answer = {"error": "memory", "limit": args.memory_mb}
    except PasswordProtected as exc:
        answer = {"error": "password", "detail": str(exc)}
    except UnreadableDocument as exc:
        if isinstance(exc.__cause__, MemoryError):
            answer = {"error": "memory", "limit": args.memory_mb}
        else:
            answer = {"error": "unreadable", "detail": str(exc)}
    except OSError as exc:
        answer = {"error": "os", "errno": exc.errno, "detail": exc.strerror or str(exc)}
    except Exception as exc:  # openpyxl raises many types on a damaged workbook
        answer = {"error": "unreadable", "detail": f"{type(exc).__name__}: {exc}"}
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    os.umask(0o077)
    sys.exit(run_worker(sys.argv[1:]))
