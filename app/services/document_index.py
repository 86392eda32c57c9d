"""`connectors index NAME`: read every scan of a document folder by OCR now, with progress."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.connectors.scan_texts import ScanState
from app.core.errors import UserError
from app.core.i18n import _
from app.core.progress import Progress
from app.data.database import Database
from app.services.connectors import load_connector
from app.services.document_texts import ReadJob, read_scan, scan_text_store


@dataclass(frozen=True)
class IndexResult:
    read: int  # scans read now
    failed: int  # of those, not readable (checked by hand)
    cached: int  # scans whose text was there already


def index_connector(
    db: Database, *, name: str, secrets: Any = None, progress: Progress | None = None
) -> IndexResult:
    """Read every scan of a document folder not read yet, now (``connectors index NAME``)."""
    connector: Any = load_connector(db, name=name, secrets=secrets)
    if not hasattr(connector, "use_scan_texts"):
        raise UserError(
            _(
                "'{name}' is no document folder: only document folders have scans to read.",
                name=name,
            )
        )
    progress = progress or Progress()
    jobs: list[ReadJob] = []
    connector.use_scan_texts(scan_text_store(db, connector, submit=jobs.append))
    listing = Progress(
        on_progress=lambda f, m: progress.report(0.0, _("Looking for scans: {step}", step=m))
    )
    cached, _queued = connector.prepare(listing)
    failed = 0
    for number, job in enumerate(jobs, 1):
        progress.report(
            (number - 1) / len(jobs),
            _("Scan {number} of {total}", number=number, total=len(jobs)),
        )
        if read_scan(db, job, progress=_step(progress, number, len(jobs))) is ScanState.FAILED:
            failed += 1
    progress.report(1.0, _("Scans read"))
    return IndexResult(read=len(jobs), failed=failed, cached=cached)


def _step(progress: Progress, number: int, total: int) -> Progress:
    """The progress of one scan of ``total``, reported as part of the whole."""

    def report(fraction: float, message: str) -> None:
        progress.report(
            (number - 1 + fraction) / total,
            _("Scan {number} of {total}: {step}", number=number, total=total, step=message),
        )

    return Progress(on_progress=report)
