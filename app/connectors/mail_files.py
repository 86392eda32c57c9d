"""Mail kept as files: a folder of messages (.eml or sniffed) and a Maildir with its folders."""

from __future__ import annotations

import mailbox
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.connectors.mail_message import SNIFF_BYTES, looks_like_mail
from app.core.errors import ConnectorError
from app.core.i18n import _
from app.core.progress import Progress

TRASH_NAMES = frozenset(
    {"trash", "deleted items", "deleted messages", "bin", "prullenbak", "papierkorb"}
)
INBOX = "INBOX"


def is_trash(folder: str, delimiter: str = ".") -> bool:
    """A Trash folder by its name (servers without SPECIAL-USE, Maildir folders)."""
    leaf = folder.rsplit(delimiter, 1)[-1] if delimiter else folder
    return leaf.strip().lower() in TRASH_NAMES


@dataclass(frozen=True)
class StoredMessage:
    """A message found in a file store: where it is and how to refer to it."""

    folder: str  # "INBOX", "Sent", or the file's path relative to the folder
    key: str  # Maildir key or relative file path
    location: str  # what the officer sees
    raw: bytes


def is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() and (path / "new").is_dir()


# -- a folder of message files ----------------------------------------------------------------


def mail_files(root: Path) -> tuple[list[Path], int]:
    """Every message file under ``root`` (.eml, or sniffed as mail); and how many lack .eml."""
    if not root.is_dir():
        raise ConnectorError(
            _("The mail folder {root} does not exist. Check the path in the settings.", root=root)
        )
    found: list[Path] = []
    sniffed = 0
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix.lower() == ".eml":
            found.append(path)
            continue
        try:
            with path.open("rb") as handle:
                head = handle.read(SNIFF_BYTES)
        except OSError:
            continue  # unreadable non-.eml files are not mail we can tell about
        if looks_like_mail(head):
            found.append(path)
            sniffed += 1
    return found, sniffed


def file_messages(root: Path, progress: Progress) -> Iterator[StoredMessage]:
    files, _sniffed = mail_files(root)
    for n, path in enumerate(files):
        progress.report(n / max(1, len(files)), _("Reading mail files"))
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ConnectorError(
                _("Cannot read {path}: {strerror}.", path=path, strerror=exc.strerror)
            ) from exc
        relative = str(path.relative_to(root))
        yield StoredMessage(relative, relative, str(path), raw)


def delete_files(
    root: Path, wanted: Callable[[StoredMessage], str | None], progress: Progress
) -> dict[str, list[str]]:
    """Delete every file for which ``wanted`` names a record; record -> the files deleted."""
    done: dict[str, list[str]] = {}
    for message in file_messages(root, progress):
        record = wanted(message)
        if record is not None:
            (root / message.key).unlink(missing_ok=True)
            done.setdefault(record, []).append(message.key)
    return done


# -- Maildir -----------------------------------------------------------------------------------


def maildir_folders(root: Path, chosen: Sequence[str]) -> list[tuple[str, mailbox.Maildir]]:
    """The Maildir's folders (INBOX is the root; ".Sent" is "Sent"), or the chosen ones."""
    if not is_maildir(root):
        raise ConnectorError(
            _(
                "{path} is not a Maildir (it has no cur and new folders). Check the path, or "
                "choose 'Folder of .eml files' or 'mbox file' as the source.",
                path=root,
            )
        )
    inbox = mailbox.Maildir(root, factory=None, create=False)
    folders: list[tuple[str, mailbox.Maildir]] = [(INBOX, inbox)]
    folders += [(name, inbox.get_folder(name)) for name in sorted(inbox.list_folders())]
    if not chosen:
        return folders
    wanted = {c.strip().lower(): c for c in chosen}
    picked = [(name, box) for name, box in folders if name.lower() in wanted]
    missing = set(wanted) - {name.lower() for name, _box in picked}
    if missing:
        raise ConnectorError(
            _(
                "The Maildir has no folder {names}. Its folders: {folders}.",
                names=", ".join(sorted(wanted[m] for m in missing)),
                folders=", ".join(name for name, _box in folders),
            )
        )
    return picked


def folder_path(root: Path, folder: str) -> Path:
    return root if folder == INBOX else root / f".{folder}"


def maildir_messages(
    root: Path, chosen: Sequence[str], progress: Progress, *, head_only: bool = False
) -> Iterator[StoredMessage]:
    """Every message of every (chosen) folder; read without moving or flagging anything."""
    folders = maildir_folders(root, chosen)
    for n, (name, box) in enumerate(folders):
        progress.report(n / max(1, len(folders)), _("Reading Maildir folders"))
        for key in box.iterkeys():
            progress.check()
            try:
                if head_only:
                    with box.get_file(key) as handle:
                        raw = handle.read(SNIFF_BYTES * 8)
                else:
                    raw = box.get_bytes(key)
            except (KeyError, FileNotFoundError):
                continue  # moved or deleted by the mail server meanwhile
            except OSError as exc:
                raise ConnectorError(
                    _("Cannot read {path}: {strerror}.", path=folder_path(root, name), strerror=exc)
                ) from exc
            yield StoredMessage(name, key, str(folder_path(root, name)), raw)


def delete_maildir_messages(
    root: Path,
    chosen: Sequence[str],
    wanted: Callable[[StoredMessage], str | None],
    *,
    include_trash: bool,
    progress: Progress,
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Delete the message files ``wanted`` names; (record -> folders deleted from,
    record -> Trash folders where a copy was left)."""
    done: dict[str, list[str]] = {}
    left: dict[str, list[str]] = {}
    boxes = dict(maildir_folders(root, chosen))
    for message in list(maildir_messages(root, chosen, progress, head_only=True)):
        record = wanted(message)
        if record is None:
            continue
        if is_trash(message.folder) and not include_trash:
            left.setdefault(record, []).append(message.folder)
            continue
        try:
            boxes[message.folder].remove(message.key)  # unlinks the file in cur/ or new/
        except KeyError:
            continue  # already gone
        done.setdefault(record, []).append(message.folder)
    return done, left
