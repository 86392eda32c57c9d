"""Mailboxes (message files, Maildir, mbox, an IMAP account): searched, and erased on request."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.connectors.base import (
    BY_HAND,
    Capability,
    ChangePlan,
    ConnectorDescription,
    Finding,
    Outcome,
    PlanItem,
    RecordResult,
    SettingSpec,
    Subject,
)
from app.connectors.mail_files import (
    delete_files,
    delete_maildir_messages,
    file_messages,
    is_maildir,
    mail_files,
    maildir_folders,
    maildir_messages,
)
from app.connectors.mail_message import (
    ERASE_NOTE,
    HAND_NOTE,
    HEADER_ERRORS,
    analyse_message,
    content_key,
    message_id,
    unreadable,
)
from app.connectors.text_search import Needle, subject_needles
from app.core.errors import ConnectorError, ValidationError
from app.core.i18n import N_, _, join
from app.core.progress import Progress

if TYPE_CHECKING:  # imap_tools is imported only when an IMAP account is used
    from app.connectors.mail_imap import ImapAccount

log = logging.getLogger(__name__)

SOURCES = ("eml_folder", "mbox", "maildir", "imap")
ERASE_MODES = ("by_hand", "automatic")
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_BACKUP_DAYS = 7
MAX_BACKUP_DAYS = 365
_DELETE = "delete_row"


def _folder_list(settings: Mapping[str, Any]) -> tuple[str, ...]:
    """The folders setting ("INBOX, Sent"); the old single `imap_folder` still counts."""
    value = settings.get("folders")
    if value is None or value == "":
        value = settings.get("imap_folder") or ""
    items = value if isinstance(value, list | tuple) else str(value).split(",")
    return tuple(str(f).strip() for f in items if str(f).strip())


class MailStoreConnector:
    """Search e-mail for messages from, to or about the data subject; erase them on request."""

    kind = "mailbox"

    def __init__(self, name: str, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> None:
        self.name = name
        self._source = str(settings.get("source") or "eml_folder")
        if self._source not in SOURCES:
            raise ValidationError(
                {
                    "source": _(
                        "Unknown source '{source}'. Valid values: {valid}.",
                        source=self._source,
                        valid=", ".join(SOURCES),
                    )
                }
            )
        self._path = Path(str(settings.get("path") or "")).expanduser()
        if self._source != "imap" and not str(settings.get("path") or "").strip():
            raise ValidationError({"path": _("Choose the mail folder or mbox file.")})
        self._check_path_kind()
        self._ssl = bool(settings.get("imap_ssl", True))
        self._host = str(settings.get("imap_host") or "").strip()
        self._user = str(settings.get("imap_user") or "").strip()
        self._folders = _folder_list(settings)
        self._password = secrets.get("imap_password", "")
        try:
            self._port = int(settings.get("imap_port") or (993 if self._ssl else 143))
            self._timeout = float(settings.get("timeout_s") or DEFAULT_TIMEOUT_S)
        except (TypeError, ValueError) as exc:
            raise ValidationError(
                {"imap_port": _("Enter the port and time-out as numbers.")}
            ) from exc
        if self._source == "imap" and not (self._host and self._user):
            raise ValidationError({"imap_host": _("Enter the IMAP server and user name.")})
        self._erase_mode = str(settings.get("erase_mode") or "by_hand")
        if self._erase_mode not in ERASE_MODES:
            raise ValidationError(
                {
                    "erase_mode": _(
                        "Unknown erasure mode '{mode}'. Valid values: {valid}.",
                        mode=self._erase_mode,
                        valid=", ".join(ERASE_MODES),
                    )
                }
            )
        self._erase_trash = bool(settings.get("erase_trash", False))
        given = settings.get("backup_days")
        days = str(DEFAULT_BACKUP_DAYS if given is None or given == "" else given).strip()
        if not days.isdigit() or int(days) > MAX_BACKUP_DAYS:
            raise ValidationError(
                {"backup_days": _("A whole number of days from 0 to {n}, e.g. 7.", n=365)}
            )
        self._backup_days = int(days)

    @classmethod
    def validate_settings(cls, settings: Mapping[str, Any]) -> None:
        """Refuse settings that cannot work when they are saved, not first at `test`."""
        cls("check", settings, {})

    def _check_path_kind(self) -> None:
        path = self._path
        if self._source == "mbox" and path.is_dir():
            kind = _("Maildir") if is_maildir(path) else _("Folder of .eml files")
            raise ValidationError(
                {
                    "path": _(
                        "{path} is a folder, not an mbox file: choose the source '{kind}', "
                        "or the mbox file itself.",
                        path=path,
                        kind=kind,
                    )
                }
            )
        if self._source in ("maildir", "eml_folder") and path.is_file():
            raise ValidationError(
                {
                    "path": _(
                        "{path} is a file, not a folder: for a single mailbox file choose the "
                        "source 'mbox file'.",
                        path=path,
                    )
                }
            )
        if self._source == "maildir" and path.is_dir() and not is_maildir(path):
            raise ValidationError(
                {
                    "path": _(
                        "{path} is not a Maildir (it has no cur and new folders): choose the "
                        "Maildir itself, or the source 'Folder of .eml files'.",
                        path=path,
                    )
                }
            )

    @classmethod
    def describe(cls) -> ConnectorDescription:
        return ConnectorDescription(
            kind=cls.kind,
            label=N_("Mailbox (.eml folder, mbox or IMAP)"),
            settings=(
                SettingSpec(
                    "source",
                    N_("Source"),
                    kind="choice",
                    default="eml_folder",
                    choices=SOURCES,
                    choice_labels=(
                        N_("Folder of .eml files"),
                        N_("mbox file"),
                        N_("Maildir (with cur, new, tmp and .Sent etc.)"),
                        N_("IMAP server"),
                    ),
                ),
                SettingSpec("path", N_("Folder or mbox file"), kind="path", required=False),
                SettingSpec("imap_host", N_("IMAP server"), required=False),
                SettingSpec("imap_port", N_("IMAP port"), kind="int", required=False, default=993),
                SettingSpec("imap_user", N_("IMAP user"), required=False),
                SettingSpec(
                    "folders",
                    N_("Folders"),
                    required=False,
                    default="",
                    help=N_("IMAP or Maildir folders, separated by commas; empty: every folder"),
                ),
                SettingSpec(
                    "imap_ssl", N_("Use SSL/TLS"), kind="bool", required=False, default=True
                ),
                SettingSpec("imap_password", N_("IMAP password"), kind="secret", required=False),
                SettingSpec(
                    "timeout_s", N_("Time-out (seconds)"), kind="int", required=False, default=30
                ),
                SettingSpec(
                    "erase_mode",
                    N_("Erasure"),
                    kind="choice",
                    required=False,
                    default="by_hand",
                    choices=ERASE_MODES,
                    choice_labels=(
                        N_("Remove by hand (the plan lists each message)"),
                        N_("Delete the messages automatically"),
                    ),
                ),
                SettingSpec(
                    "erase_trash",
                    N_("Also erase copies in Trash"),
                    kind="bool",
                    required=False,
                    default=False,
                ),
                SettingSpec(
                    "backup_days",
                    N_("Keep mbox backups (days)"),
                    kind="int",
                    required=False,
                    default=str(DEFAULT_BACKUP_DAYS),
                    help=N_("a backup holds the erased messages; 0 keeps no backup"),
                ),
            ),
            capabilities=frozenset({Capability.SEARCH, Capability.ERASE}),
            help=N_(
                "Searching only reads: nothing is marked as read or changed. Erasure is done by "
                "hand unless 'Delete the messages automatically' is chosen."
            ),
        )

    @property
    def _imap_account(self) -> ImapAccount:
        from app.connectors.mail_imap import ImapAccount

        return ImapAccount(
            self._host,
            self._port,
            self._user,
            self._password,
            self._ssl,
            self._timeout,
            self._folders,
        )

    def _timeout_for(self, progress: Progress) -> float:
        remaining = progress.remaining()
        return self._timeout if remaining is None else max(0.05, min(remaining, self._timeout))

    def needed_secrets(self) -> tuple[str, ...]:
        """Only an IMAP account needs a password (not a folder of .eml files or an mbox)."""
        return ("imap_password",) if self._source == "imap" and not self._password else ()

    def test_connection(self) -> str:
        if self._source == "eml_folder":
            files, sniffed = mail_files(self._path)
            text = str(_("{n} .eml file(s) found.", n=len(files) - sniffed))
            if sniffed:
                text += str(_(" And {n} mail file(s) without the .eml extension.", n=sniffed))
            return text
        if self._source == "mbox":
            from app.connectors.mail_mbox import read_messages

            return str(_("mbox with {n} message(s).", n=sum(1 for _m in read_messages(self._path))))
        if self._source == "maildir":
            folders = maildir_folders(self._path, self._folders)
            listing = join(
                [_("{n} in {name}", n=len(box), name=name) for name, box in folders], ", "
            )
            return str(_("Maildir with {n} folder(s): {counts}.", n=len(folders), counts=listing))
        from app.connectors.mail_imap import folder_counts

        counts = folder_counts(self._imap_account, self._timeout)
        listed = join([_("{n} message(s) in {name}", n=n, name=name) for name, n in counts], ", ")
        return str(_("Connected; {listed}.", listed=listed))

    def search(self, subject: Subject, progress: Progress) -> Sequence[Finding]:
        needles = subject_needles(subject)
        if not needles:
            return []
        note = ERASE_NOTE if self._erase_mode == "automatic" else HAND_NOTE
        found: dict[str, Finding] = {}
        for raw, location, fallback_id in self._messages(needles, progress):
            try:
                finding = analyse_message(
                    raw,
                    needles,
                    system=self.name,
                    location=location,
                    fallback_id=fallback_id,
                    note=note,
                )
            except HEADER_ERRORS as exc:
                log.warning("A mail message could not be parsed (%s)", type(exc).__name__)
                finding = unreadable(self.name, location, fallback_id)
            if finding is None:
                continue
            same = found.get(finding.record_id)
            if same is None:
                found[finding.record_id] = finding
            elif location not in same.location.split("; "):
                # A copy of the same message in another folder (Sent, Archive): one finding.
                found[finding.record_id] = replace(same, location=f"{same.location}; {location}")
        progress.report(1.0, _("Mailbox searched"))
        return list(found.values())

    def _messages(
        self, needles: Sequence[Needle], progress: Progress
    ) -> Iterator[tuple[bytes, str, str]]:
        if self._source == "eml_folder":
            for m in file_messages(self._path, progress):
                yield m.raw, m.location, m.key
        elif self._source == "maildir":
            for m in maildir_messages(self._path, self._folders, progress):
                yield m.raw, m.location, f"{m.folder}/{m.key}"
        elif self._source == "mbox":
            from app.connectors.mail_mbox import read_messages

            for n, raw in enumerate(read_messages(self._path)):
                progress.report(0.0, _("Reading mbox"))
                if n % 50 == 0:
                    progress.check()
                yield raw, str(self._path), f"{self._path.name}#{content_key(raw)}"
        else:
            from app.connectors.mail_imap import search_messages

            account = self._imap_account
            yield from search_messages(account, needles, progress, self._timeout_for(progress))

    # -- erasure ---------------------------------------------------------------------------

    def plan_erasure(self, findings: Sequence[Finding]) -> ChangePlan:
        """Remove by hand (a person deletes, then records it) until automatic is chosen."""
        items: list[PlanItem] = []
        for f in findings:
            shown = {k: f.fields[k] for k in ("subject", "date", "from") if k in f.fields}
            shown["location"] = f.location
            if self._erase_mode == "automatic":
                items.append(PlanItem(f.record_id, _DELETE, tuple(f.fields), old_values=shown))
                continue
            reason = _(
                "Remove by hand: delete this message in {location} (also its copies in Sent, "
                "Archive and Trash), then record it as done. Automatic erasure can be chosen "
                "in the system's settings.",
                location=f.location or self.name,
            )
            items.append(PlanItem(f.record_id, BY_HAND, reason=str(reason), old_values=shown))
        return ChangePlan(self.name, "erasure", tuple(items))

    def erase(self, plan: ChangePlan, progress: Progress) -> list[RecordResult]:
        results: dict[str, RecordResult] = {}
        records: list[str] = []
        for item in plan.items:
            if item.action == _DELETE:
                records.append(item.record_id)
            # A removal by hand is the officer's to do and to record: no result here, so it
            # stays open (never "kept", which would count as done).
        if records:
            if self._source == "imap":
                results.update(self._erase_imap(records, progress))
            elif self._source == "maildir":
                results.update(self._erase_maildir(records, progress))
            elif self._source == "mbox":
                results.update(self._erase_mbox(records))
            else:
                results.update(self._erase_files(records, progress))
        return [results[i.record_id] for i in plan.items if i.record_id in results]

    def _matcher(self, records: Sequence[str]) -> Callable[[bytes, str], str | None]:
        wanted = set(records)

        def record_of(raw: bytes, fallback: str) -> str | None:
            ident = message_id(raw)
            if ident and ident in wanted:
                return ident
            return fallback if fallback in wanted else None

        return record_of

    def _erase_imap(self, records: Sequence[str], progress: Progress) -> dict[str, RecordResult]:
        from app.connectors.mail_imap import erase_messages

        done = erase_messages(
            self._imap_account,
            records,
            include_trash=self._erase_trash,
            progress=progress,
            timeout=self._timeout_for(progress),
        )
        return {r: _folder_result(r, e.deleted, e.left_in_trash, e.failed) for r, e in done.items()}

    def _erase_maildir(self, records: Sequence[str], progress: Progress) -> dict[str, RecordResult]:
        record_of = self._matcher(records)
        done, left = delete_maildir_messages(
            self._path,
            self._folders,
            lambda m: record_of(m.raw, f"{m.folder}/{m.key}"),
            include_trash=self._erase_trash,
            progress=progress,
        )
        return {r: _folder_result(r, done.get(r, []), left.get(r, []), []) for r in records}

    def _erase_files(self, records: Sequence[str], progress: Progress) -> dict[str, RecordResult]:
        record_of = self._matcher(records)
        try:
            done = delete_files(self._path, lambda m: record_of(m.raw, m.key), progress)
        except OSError as exc:
            raise ConnectorError(_("Cannot delete a mail file: {error}.", error=exc)) from exc
        return {r: _folder_result(r, done.get(r, []), [], []) for r in records}

    def _erase_mbox(self, records: Sequence[str]) -> dict[str, RecordResult]:
        from app.connectors.mail_mbox import prune_backups, remove_messages

        record_of = self._matcher(records)
        hit: set[str] = set()

        def choose(raw: bytes) -> bool:
            record = record_of(raw, f"{self._path.name}#{content_key(raw)}")
            if record is not None:
                hit.add(record)
            return record is not None

        try:
            _count, backup = remove_messages(self._path, choose, backup_days=self._backup_days)
        except OSError as exc:
            raise ConnectorError(_("Cannot rewrite the mbox file: {error}.", error=exc)) from exc
        prune_backups(self._path, self._backup_days)
        if backup is None:
            kept = _("no backup was kept ('Keep mbox backups' is 0 days).")
        else:
            kept = _(
                "the previous file is kept as {name} for {days} days.",
                name=backup.name,
                days=self._backup_days,
            )
        name = self._path.name
        return {
            r: RecordResult(
                r,
                Outcome.REMOVED,
                str(_("Deleted from {name}; {kept}", name=name, kept=str(kept)))
                if r in hit
                else str(_("Not found any more: it was already deleted.")),
            )
            for r in records
        }


def _folder_result(
    record: str, deleted: Sequence[str], trash: Sequence[str], failed: Sequence[str]
) -> RecordResult:
    """One result per message, naming the folders it was deleted from (or why not)."""
    if failed:
        return RecordResult(record, Outcome.FAILED, "; ".join(failed))
    left = ""
    if trash:
        left = str(
            _(
                " A copy in {folders} was left: tick 'Also erase copies in Trash' to remove it.",
                folders=", ".join(trash),
            )
        )
    if deleted:
        text = _("Deleted from {folders}.", folders=", ".join(deleted))
        return RecordResult(record, Outcome.REMOVED, str(text) + left)
    if trash:
        return RecordResult(record, Outcome.KEPT, left.strip())
    return RecordResult(
        record, Outcome.REMOVED, str(_("Not found any more: it was already deleted."))
    )
