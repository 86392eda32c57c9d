"""Connector configuration use cases: add, change, enable, test; secrets go to the SecretStore."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from app.connectors import registry
from app.connectors.base import Connector
from app.core.errors import ConnectorError, NotFoundError, UserError, ValidationError
from app.core.i18n import Message, _
from app.data.database import Database
from app.data.models import ConnectorConfig
from app.services import audit
from app.services.document_texts import forget_connector_texts, forget_in_file
from app.services.secrets import ENV_PASSPHRASE_FILE, SecretStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConnectorInfo:
    id: int
    name: str
    kind: str
    label: str
    settings: dict[str, Any]
    enabled: bool
    timeout_s: int
    capabilities: tuple[str, ...]
    missing_secrets: tuple[str, ...]


def _secret_fields(kind: str) -> list[str]:
    return [s.name for s in registry.describe(kind).settings if s.kind == "secret"]


def _validate(kind: str, settings: Mapping[str, Any]) -> dict[str, Any]:
    desc = registry.describe(kind)
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for spec in desc.settings:
        if spec.kind == "secret":
            continue
        value = settings.get(spec.name, spec.default)
        if spec.required and (value is None or value == ""):
            errors[spec.name] = _("'{label}' is required.", label=spec.label)
            continue
        if value is not None:
            clean[spec.name] = value
    unknown = set(settings) - {s.name for s in desc.settings}
    for name in sorted(unknown):
        clean[name] = settings[name]  # kind-specific extras (e.g. column maps) pass through
    if errors:
        raise ValidationError(errors)
    check = getattr(registry.REGISTRY[kind], "validate_settings", None)
    if check is not None:  # a kind that can tell wrong settings apart before the first test
        check(clean)
    else:  # every kind's constructor checks its settings without touching the system
        registry.create(kind, "check", clean, {})
    return clean


def _passwords_out_of_urls(
    kind: str, settings: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """(settings without a password in any address, secret field -> password found there)."""
    out = dict(settings)
    found: dict[str, str] = {}
    for spec in registry.describe(kind).settings:
        value = out.get(spec.name)
        if spec.kind != "url" or not isinstance(value, str) or "@" not in value:
            continue
        parts = urlsplit(value)
        try:
            password = parts.password
        except ValueError:  # an address urlsplit cannot read: the kind's validation says so
            continue
        if password is None:
            continue
        if not spec.secret:
            raise ValidationError(
                {
                    spec.name: _(
                        "Remove the password from the address: this kind of system keeps "
                        "no password there."
                    )
                }
            )
        user, _sep, host = parts.netloc.rpartition("@")
        login = user.partition(":")[0]
        out[spec.name] = urlunsplit(parts._replace(netloc=f"{login}@{host}" if login else host))
        found[spec.secret] = unquote(password)
    return out, found


def _missing_secrets(
    kind: str, name: str, settings: dict[str, Any], secrets: SecretStore | None
) -> tuple[str, ...]:
    """Secrets this system needs with its current settings that the store does not have."""
    if secrets is None:
        return ()
    try:
        connector: Any = instantiate(kind, name, settings, secrets)
    except UserError:  # settings incomplete: the connection test will say what is wrong
        return ()
    if hasattr(connector, "needed_secrets"):
        needed = tuple(connector.needed_secrets())
    else:
        needed = tuple(s.name for s in registry.describe(kind).settings
                       if s.kind == "secret" and s.required)  # fmt: skip
    return tuple(f for f in needed if not secrets.get(name, f))


def list_connectors(db: Database, *, secrets: SecretStore | None = None) -> list[ConnectorInfo]:
    with db.session() as session:
        rows = session.scalars(select(ConnectorConfig).order_by(ConnectorConfig.name)).all()
        result = []
        for row in rows:
            desc = registry.describe(row.kind)
            missing = _missing_secrets(row.kind, row.name, dict(row.settings), secrets)
            result.append(
                ConnectorInfo(
                    id=row.id,
                    name=row.name,
                    kind=row.kind,
                    label=desc.label,
                    settings=dict(row.settings),
                    enabled=row.enabled,
                    timeout_s=row.timeout_s,
                    capabilities=tuple(sorted(c.value for c in desc.capabilities)),
                    missing_secrets=missing,
                )
            )
        return result


def save_connector(
    db: Database,
    *,
    actor: str,
    name: str,
    kind: str,
    settings: Mapping[str, Any],
    enabled: bool = True,
    timeout_s: int = 120,
    secrets: SecretStore | None = None,
    secret_values: Mapping[str, str] | None = None,
) -> int:
    """Create or update a connector by name; secrets go to the store, never to the database."""
    if not name.strip():
        raise ValidationError({"name": _("Give the system a name, e.g. 'Self Service Portal'.")})
    if not 5 <= timeout_s <= 3600:
        raise ValidationError({"timeout_s": _("The time-out must be 5 to 3600 seconds.")})
    settings, from_urls = _passwords_out_of_urls(kind, settings)
    clean = _validate(kind, settings)
    to_store = {**from_urls, **{f: v for f, v in (secret_values or {}).items() if v}}
    if to_store:
        if secrets is None:
            raise UserError(_("No secret store is available to keep the password."))
        if secrets.needs_passphrase:
            raise secrets.locked_error()  # before anything is saved: never "saved" when not
        for field, value in to_store.items():
            if not secrets.set(name.strip(), field, value):
                raise UserError(
                    _(
                        "The keyring refused to store the {field} of '{name}'. Nothing was "
                        "saved. Unlock the keyring and save again.",
                        field=field,
                        name=name.strip(),
                    )
                )
    with db.session() as session:
        row = session.scalar(select(ConnectorConfig).where(ConnectorConfig.name == name.strip()))
        before = None if row is None else {"settings": row.settings, "enabled": row.enabled}
        if row is None:
            row = ConnectorConfig(name=name.strip(), kind=kind, settings=clean)
            session.add(row)
        else:
            if row.kind != kind or row.settings.get("path") != clean.get("path"):
                # Scan texts of another folder must not be taken for this one's files.
                forget_connector_texts(session, row.id)
            row.kind = kind
            row.settings = clean
        row.enabled = enabled
        row.timeout_s = timeout_s
        session.flush()
        audit.record(
            session,
            case=None,
            actor=actor,
            action="connector_saved",
            summary=_("Connector '{name}' ({kind}) saved", name=row.name, kind=kind),
            before=before,
            after={"settings": clean, "enabled": enabled},
        )
        return row.id


def delete_connector(db: Database, *, actor: str, name: str) -> None:
    with db.session() as session:
        row = session.scalar(select(ConnectorConfig).where(ConnectorConfig.name == name))
        if row is None:
            raise NotFoundError(_("There is no connector '{name}'.", name=name))
        # The text read from its scans is personal data: it goes with it (also by cascade).
        forget_connector_texts(session, row.id)
        session.delete(row)
        audit.record(session, case=None, actor=actor, action="connector_deleted", summary=name)
    forget_in_file(db)


def instantiate(
    row_kind: str, name: str, settings: Mapping[str, Any], secrets: SecretStore | None
) -> Connector:
    values: dict[str, str] = {}
    for field in _secret_fields(row_kind):
        value = None if secrets is None else secrets.get(name, field)
        if value:
            values[field] = value
    return registry.create(row_kind, name, settings, values)


def load_connector(db: Database, *, name: str, secrets: SecretStore | None = None) -> Connector:
    with db.session() as session:
        row = session.scalar(select(ConnectorConfig).where(ConnectorConfig.name == name))
        if row is None:
            raise NotFoundError(
                _("There is no connector '{name}'. See `privacy-desk connectors list`.", name=name)
            )
        return instantiate(row.kind, row.name, dict(row.settings), secrets)


def test_connector(db: Database, *, name: str, secrets: SecretStore | None = None) -> str:
    """Returns the connector's OK message or raises ConnectorError with what to do."""
    connector = load_connector(db, name=name, secrets=secrets)
    try:
        return connector.test_connection()
    except UserError:
        raise
    except Exception as exc:  # a connector bug or driver error: report it per system, clearly
        raise ConnectorError(
            _("{name}: {kind}: {exc}", name=name, kind=exc.__class__.__name__, exc=exc)
        ) from exc


def _url_passwords(kind: str, settings: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Like :func:`_passwords_out_of_urls`, for rows already saved: never raises."""
    try:
        return _passwords_out_of_urls(kind, settings)
    except (UserError, KeyError, ValueError):  # an unknown kind, or one with no secret field
        return dict(settings), {}


def move_url_passwords(
    db: Database, open_store: Callable[[], SecretStore | None]
) -> Message | None:
    """Passwords left inside connector URLs by older versions go to the secret store.

    Run at start-up. A connector saved before the secret store existed may still hold its
    password in an address; it is moved to the store (and read back) before the address is
    rewritten, so it is never lost. ``open_store`` is called only when there is one. When no
    store can keep it (the encrypted file is locked, or secrets live in memory only), nothing
    changes and the returned notice says what to do.
    """
    if db.read_only_cause is not None:
        return None  # nothing can be written now; the officer was told why
    with db.session() as session:
        rows = session.scalars(select(ConnectorConfig).order_by(ConnectorConfig.name)).all()
        pending = [(r.name, r.kind, dict(r.settings)) for r in rows]
    pending = [(n, k, s) for n, k, s in pending if _url_passwords(k, s)[1]]
    if not pending:
        return None
    names = ", ".join(n for n, _k, _s in pending)
    secrets = open_store()  # only now: opening a keyring can cost time or ask the user
    if secrets is None or not secrets.persistent:
        log.warning("%d connector(s) keep a password in their address", len(pending))
        where = _("no secret store") if secrets is None else secrets.where
        return _(
            "The systems {names} still have a password inside their database address, saved by "
            "an older version. It cannot be moved to a safe place now ({where}). Give the "
            "secrets file its passphrase (in the desktop app: Systems; on the command line: "
            "{env}) and start again; the password is then moved out of the address. Nothing "
            "was changed.",
            names=names,
            where=where,
            env=ENV_PASSPHRASE_FILE,
        )
    moved, refused = 0, []
    for name, kind, settings in pending:
        clean, found = _url_passwords(kind, settings)
        if not all(secrets.set(name, f, v) and secrets.get(name, f) == v for f, v in found.items()):
            refused.append(name)  # the keyring did not keep it: the address keeps it for now
            continue
        with db.session() as session:
            row = session.scalar(select(ConnectorConfig).where(ConnectorConfig.name == name))
            if row is None or dict(row.settings) != settings:
                continue  # changed meanwhile by someone else: it is cleaned when next saved
            row.settings = clean
            audit.record(
                session,
                case=None,
                actor="system",
                action="connector_saved",
                summary=_(
                    "Connector '{name}': password moved from its address to {where}",
                    name=name,
                    where=secrets.where,
                ),
                before=None,
                after={"settings": clean, "enabled": row.enabled},
            )
        moved += 1
    if moved:
        _checkpoint(db)
    if refused:
        return _(
            "The keyring refused the passwords of {names}; they stay in the database address "
            "until the keyring accepts them. Unlock the keyring and start again.",
            names=", ".join(refused),
        )
    return None


def _checkpoint(db: Database) -> None:
    """SQLite: the old row images leave the WAL (secure_delete already zeroes the freed cells)."""
    if db.engine.dialect.name != "sqlite":
        return
    try:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except OperationalError as exc:  # another process reads: the next checkpoint does it
        log.warning("connectors: WAL not truncated (%s)", exc.orig.__class__.__name__)
