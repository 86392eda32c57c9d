"""Until the Dutch gettext catalogue carries the handed-over label texts, build one from them.

The connector and letter labels moved from Qt's .ts into the connector modules and the
letter-kind registry (gettext, N_-marked); their Dutch texts are handed over in
docs/*-label-translations.tsv for the catalogue. Tests that show those labels in Dutch use
``handover_catalogue``: with a compiled Dutch catalogue in resources/locale it does nothing.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.core import i18n

ROOT = Path(__file__).resolve().parents[1]


def _write_mo(path: Path, messages: dict[str, str]) -> None:
    """A GNU .mo file (the format gettext reads), sorted by message id."""
    keys = sorted(messages)
    ids = b"".join(k.encode() + b"\0" for k in keys)
    strs = b"".join(messages[k].encode() + b"\0" for k in keys)
    count = len(keys)
    start_ids = 7 * 4
    start_strs = start_ids + count * 8
    data_start = start_strs + count * 8
    id_table, str_table, offset = [], [], data_start
    for k in keys:
        n = len(k.encode())
        id_table += [n, offset]
        offset += n + 1
    for k in keys:
        n = len(messages[k].encode())
        str_table += [n, offset]
        offset += n + 1
    header = struct.pack("<7I", 0x950412DE, 0, count, start_ids, start_strs, 0, 0)
    body = struct.pack(f"<{len(id_table)}I", *id_table) + struct.pack(
        f"<{len(str_table)}I", *str_table
    )
    path.write_bytes(header + body + ids + strs)


@contextmanager
def handover_catalogue(tmp_path: Path) -> Iterator[None]:
    if (i18n.locale_dir() / "nl" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo").exists():
        yield
        return
    messages = {"": "Content-Type: text/plain; charset=UTF-8\n"}
    for tsv in sorted((ROOT / "docs").glob("*-label-translations.tsv")):
        for line in tsv.read_text(encoding="utf-8").splitlines()[1:]:
            msgid, _tab, nl = line.partition("\t")
            messages[msgid] = nl
    folder = tmp_path / "locale" / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    _write_mo(folder / f"{i18n.DOMAIN}.mo", messages)
    i18n._locale_dir_override.append(tmp_path / "locale")
    i18n.clear_cache()
    try:
        yield
    finally:
        i18n._locale_dir_override.remove(tmp_path / "locale")
        i18n.clear_cache()
