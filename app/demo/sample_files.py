"""Demo data on disk (web logs, a support mbox, documents) plus the connector settings to use it."""

from __future__ import annotations

import gzip
import mailbox
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

SUPPORT_ADDRESS = "support@databalance.example"
_PAGES = (
    "/",
    "/diensten/",
    "/over-ons/",
    "/contact/",
    "/privacy/",
    "/blog/backup-tips/",
    "/static/css/site.css",
    "/static/js/app.js",
    "/favicon.ico",
    "/zoeken?q=offerte",
)
_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Safari/605.1.15",
    "Mozilla/5.0 (Linux; Android 15) AppleWebKit/537.36 Chrome/139.0 Mobile Safari/537.36",
)

WEB_LOGS = "Webserverlogs (demo)"
SUPPORT_MAILBOX = "Supportmailbox (demo)"
SHARED_DOCUMENTS = "Gedeelde documenten (demo)"


@dataclass(frozen=True)
class SampleFileSystem:
    """A ready-to-use connector configuration pointing at the generated demo files."""

    name: str
    kind: str
    settings: Mapping[str, Any]


def _log_line(
    rng: random.Random, when: datetime, ip: str, path: str, user: str = "-", status: int = 200
) -> str:
    stamp = when.strftime("%d/%b/%Y:%H:%M:%S %z")
    size = rng.randint(300, 40000)
    agent = rng.choice(_AGENTS)
    referer = "-" if rng.random() < 0.5 else "https://www.databalance.example/"
    return f'{ip} - {user} [{stamp}] "GET {path} HTTP/1.1" {status} {size} "{referer}" "{agent}"\n'


def _random_ip(rng: random.Random) -> str:
    return ".".join(str(rng.randint(1, 254)) for _ in range(4))


def _truncate(ip: str) -> str:
    a, b, _, _ = ip.split(".")
    return f"{a}.{b}.0.0"


def _write_logs(
    folder: Path, people: Sequence[tuple[str, str, str]], rng: random.Random, now: datetime
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    homes = [_random_ip(rng) for _ in people]
    # (file name, days back from/to, IPs truncated): the rotated .gz is the older, anonymised log.
    plan = (
        ("access.log", 0, 3, False),
        ("access.log.1", 3, 5, False),
        ("access.log.2.gz", 5, 20, True),
    )
    for name, newest, oldest, truncated in plan:
        lines: list[tuple[datetime, str]] = []
        span = (oldest - newest) * 86400
        for _ in range(400):
            when = now - timedelta(days=newest, seconds=rng.randint(0, span))
            ip = _random_ip(rng)
            lines.append(
                (when, _log_line(rng, when, _truncate(ip) if truncated else ip, rng.choice(_PAGES)))
            )
        for index, (_, email, customer_number) in enumerate(people):
            if index % 3 == 2:
                continue  # not every person visited the website
            ip = _truncate(homes[index]) if truncated else homes[index]
            for _ in range(rng.randint(2, 5)):
                when = now - timedelta(days=newest, seconds=rng.randint(0, span))
                page = rng.choice(("/portaal/facturen", "/portaal/profiel", "/portaal/tickets"))
                lines.append((when, _log_line(rng, when, ip, page, user=customer_number)))
            when = now - timedelta(days=newest, seconds=rng.randint(0, span))
            unsubscribe = f"/nieuwsbrief/afmelden?email={quote(email, safe='')}"
            lines.append((when, _log_line(rng, when, ip, unsubscribe)))
        lines.sort()
        text = "".join(line for _, line in lines).encode()
        target = folder / name
        if name.endswith(".gz"):
            with gzip.open(target, "wb") as out:
                out.write(text)
        else:
            target.write_bytes(text)


def _mail(
    rng: random.Random,
    sender: str,
    to: str,
    subject: str,
    body: str,
    when: datetime,
    charset: str = "utf-8",
) -> mailbox.mboxMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{rng.getrandbits(64):016x}@databalance.example>"
    try:
        body.encode(charset)
    except UnicodeEncodeError:  # e.g. 'Yılmaz' in a latin-1 mail client: it would send UTF-8
        charset = "utf-8"
    msg.set_content(body, charset=charset)
    # The mbox "From " separator line carries the mail's own time, not the clock's: the same
    # seed must give the same bytes (a run that crosses a second boundary would differ).
    stored = mailbox.mboxMessage(msg)
    stored.set_from("MAILER-DAEMON", when.astimezone(UTC).timetuple())
    return stored


def _write_mbox(
    path: Path, people: Sequence[tuple[str, str, str]], rng: random.Random, now: datetime
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    box = mailbox.mbox(path, create=True)
    try:
        for index, (name, email, number) in enumerate(people):
            when = now - timedelta(days=rng.randint(2, 60), minutes=rng.randint(0, 600))
            if index % 2 == 0:
                box.add(
                    _mail(
                        rng,
                        f"{name} <{email}>",
                        SUPPORT_ADDRESS,
                        f"Vraag over factuur ({number})",
                        f"Goedemiddag,\n\nIk begrijp de laatste factuur voor klantnummer {number} "
                        f"niet. Kunt u mij bellen?\n\nMet vriendelijke groet,\n{name}\n",
                        when,
                    )
                )
                box.add(
                    _mail(
                        rng,
                        SUPPORT_ADDRESS,
                        f"{name} <{email}>",
                        f"Re: Vraag over factuur ({number})",
                        f"Beste {name},\n\nDank voor uw bericht; wij bellen u morgen.\n\n"
                        "Team Support\n",
                        when + timedelta(hours=3),
                    )
                )
            elif index % 3 == 1:
                # Only the name, in an internal note: a weak match for the officer to review.
                box.add(
                    _mail(
                        rng,
                        "collega@databalance.example",
                        SUPPORT_ADDRESS,
                        "Terugbelverzoek",
                        f"Hoi,\n\n{name} belde over een storing. Graag terugbellen.\n",
                        when,
                        charset="latin-1",
                    )
                )
        for n in range(5):
            when = now - timedelta(days=rng.randint(1, 90))
            box.add(
                _mail(
                    rng,
                    f"leverancier{n}@example.com",
                    SUPPORT_ADDRESS,
                    "Onderhoudsmelding",
                    "Gepland onderhoud aan de servers, zaterdag 02:00-04:00.\n",
                    when,
                )
            )
        box.flush()
    finally:
        box.close()


def _write_pdf(path: Path, lines: Sequence[str]) -> None:
    canvas = Canvas(str(path), pagesize=A4)
    y = 270 * mm
    for line in lines:
        canvas.drawString(25 * mm, y, line)
        y -= 7 * mm
    canvas.showPage()
    canvas.save()


def _write_scan_pdf(path: Path) -> None:
    """A page with only drawings and no text, like a scanned letter without OCR."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFillGray(0.85)
    canvas.rect(20 * mm, 150 * mm, 170 * mm, 120 * mm, fill=1, stroke=0)
    for n in range(12):
        canvas.setFillGray(0.3)
        canvas.rect(
            30 * mm, (255 - n * 8) * mm, (80 + (n * 37) % 70) * mm, 3 * mm, fill=1, stroke=0
        )
    canvas.showPage()
    canvas.save()


def _write_documents(folder: Path, people: Sequence[tuple[str, str, str]]) -> None:
    import docx

    folder.mkdir(parents=True, exist_ok=True)
    notes = ["Belnotities klantenservice", ""]
    for index, (name, _email, number) in enumerate(people):
        if index % 2 == 1:
            notes.append(f"- {name} ({number}) belde over de back-up; opgelost.")
    (folder / "belnotities.txt").write_text("\n".join(notes) + "\n", encoding="utf-8")
    rows = ["naam;e-mail;klantnummer"]
    rows.extend(f"{n};{e};{c}" for i, (n, e, c) in enumerate(people) if i % 3 == 0)
    (folder / "export-nieuwsbrief.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    if people:
        name, email, number = people[0]
        _write_pdf(
            folder / "overeenkomst.pdf",
            (
                "Overeenkomst van opdracht",
                f"Opdrachtgever: {name}",
                f"Klantnummer: {number}",
                f"E-mail: {email}",
            ),
        )
        letter = docx.Document()
        letter.add_heading("Klacht over storing", level=1)
        letter.add_paragraph(f"Van: {name}, {email}")
        letter.add_paragraph("Sinds vorige week werkt de back-up niet meer. Graag actie.")
        letter.save(str(folder / "klacht.docx"))
    _write_scan_pdf(folder / "scan-brief.pdf")


def create_sample_files(
    folder: Path,
    people: Sequence[tuple[str, str, str]],
    rng_seed: int = 7,
    now: datetime | None = None,
) -> list[SampleFileSystem]:
    """Write demo web logs, a support mbox and documents about ``people`` under ``folder``.

    ``people`` holds (full name, e-mail, customer number). The same seed gives the same files
    (apart from the dates, which follow ``now`` so retention notes stay realistic).
    """
    rng = random.Random(rng_seed)
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    logs = folder / "weblogs"
    mbox = folder / "mail" / "support.mbox"
    documents = folder / "documenten"
    _write_logs(logs, people, rng, moment)
    _write_mbox(mbox, people, rng, moment)
    _write_documents(documents, people)
    return [
        SampleFileSystem(
            WEB_LOGS,
            "web_logs",
            {"path": str(logs), "glob": "access.log*", "retention_days": 90},
        ),
        SampleFileSystem(
            SUPPORT_MAILBOX,
            "mailbox",
            # The demo shows automatic erasure; a real mailbox starts with removal by hand.
            {"source": "mbox", "path": str(mbox), "erase_mode": "automatic"},
        ),
        SampleFileSystem(
            SHARED_DOCUMENTS,
            "document_folder",
            {"path": str(documents), "extensions": ".txt .csv .pdf .docx .odt"},
        ),
    ]
