"""Hostile office files built on the spot: zip bombs and a docx that keeps its parser busy."""

from __future__ import annotations

import zipfile
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
