"""Hostile office files built on the spot: zip bombs and a docx that keeps its parser busy."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import docx
import openpyxl

BOMB_MB = 150  # unpacks to this much; packed it is about 150 KB
_CHUNK = b" " * (1024 * 1024)


def plain_docx(path: Path, text: str) -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


def _inflate(path: Path, member: str, head: bytes, tail: bytes) -> None:
    """Rewrite ``path`` with ``member`` padded by BOMB_MB megabytes of spaces (deflated)."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name, data in parts.items():
            if name != member:
                target.writestr(name, data)
                continue
            with target.open(name, "w", force_zip64=True) as out:
                out.write(head)
                for _ in range(BOMB_MB):
                    out.write(_CHUNK)
                out.write(tail)


def docx_bomb(path: Path) -> Path:
    plain_docx(path, "Jan Jansen")
    with zipfile.ZipFile(path) as source:
        xml = source.read("word/document.xml")
    cut = xml.index(b"<w:body>") + len(b"<w:body>")
    _inflate(path, "word/document.xml", xml[:cut], xml[cut:])
    return path


def xlsx_bomb(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["email", "name"])
    sheet.append(["jan@example.nl", "Jan Jansen"])
    workbook.save(path)
    with zipfile.ZipFile(path) as source:
        xml = source.read("xl/worksheets/sheet1.xml")
    cut = xml.index(b"<sheetData>")
    _inflate(path, "xl/worksheets/sheet1.xml", xml[:cut], xml[cut:])
    return path


def slow_docx(path: Path, rows: int = 4000, cols: int = 10) -> Path:
    """A table python-docx reads in time quadratic in its rows (each row walks the whole table).

    Stored without compression: within every archive limit, only the time-out stops it.
    """
    plain_docx(path, "Jan Jansen")
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    cell = "<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
    row = "<w:tr>" + cell * cols + "</w:tr>"
    table = "<w:tbl><w:tblGrid>" + "<w:gridCol/>" * cols + "</w:tblGrid>" + row * rows + "</w:tbl>"
    body = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = body.replace("<w:body>", "<w:body>" + table, 1).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def xlsx_string_bomb(path: Path, megabytes: int = BOMB_MB) -> Path:
    """A workbook with one cell text ``megabytes`` long: openpyxl holds it whole."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["email", "name"])
    sheet.append(["jan@example.nl", "Jan Jansen"])
    workbook.save(path)
    with zipfile.ZipFile(path) as source:
        xml = source.read("xl/worksheets/sheet1.xml")
    cut = xml.index(b"Jan Jansen")
    _inflate_by(path, "xl/worksheets/sheet1.xml", xml[:cut], xml[cut:], b"A", megabytes)
    return path


def _inflate_by(
    path: Path, member: str, head: bytes, tail: bytes, byte: bytes, megabytes: int
) -> None:
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    chunk = byte * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name, data in parts.items():
            if name != member:
                target.writestr(name, data)
                continue
            with target.open(name, "w", force_zip64=True) as out:
                out.write(head)
                for _ in range(megabytes):
                    out.write(chunk)
                out.write(tail)


def pdf_with_content(path: Path, content: bytes) -> Path:
    """A one-page PDF whose page content stream is ``content`` (deflated), written by hand."""
    data = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def pdf_memory_bomb(path: Path) -> Path:
    """72 KB on disk; one 70 MB string in its text: more than 200 MB to extract."""
    return pdf_with_content(path, b"BT /F1 12 Tf 72 712 Td (" + b"A" * (70 << 20) + b") Tj ET\n")


def pdf_slow(path: Path) -> Path:
    """80 KB on disk; three million text operators keep pypdf busy for many seconds."""
    return pdf_with_content(
        path, b"BT /F1 12 Tf 72 712 Td " + b"(x) Tj 1 0 Td " * 3_000_000 + b"ET\n"
    )
