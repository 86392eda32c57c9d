"""The explicit registry of connector kinds (no entry points: they break when frozen).

``REGISTRY`` maps a kind to its connector class, ``dict[str, type[Connector]]`` in behaviour:
it is a typed mutable mapping whose built-in entries are written as ``"module:Class"`` and
imported on first access, so that importing the registry (the CLI parser, the settings form)
loads no connector module and none of the libraries they use (SQLAlchemy, openpyxl,
imap_tools, pypdf...). Listing every kind (``kinds()``) imports them all.

Adding a kind: its module and one line below; a test or plug-in may call
``register_connector_kind`` instead (see docs/adding-a-connector.md).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, MutableMapping
from types import TracebackType
from typing import Any

from app.connectors.base import Capability, Connector, ConnectorDescription
from app.core.errors import UserError
from app.core.i18n import _


class ConnectorRegistry(MutableMapping[str, type[Connector]]):
    """kind -> connector class; an entry given as "module:Class" is imported when first read."""

    def __init__(self, entries: Mapping[str, str | type[Connector]]) -> None:
        self._entries: dict[str, str | type[Connector]] = dict(entries)

    def __getitem__(self, kind: str) -> type[Connector]:
        entry = self._entries[kind]
        if isinstance(entry, str):
            module, _sep, name = entry.partition(":")
            cls: type[Connector] = getattr(importlib.import_module(module), name)
            self._entries[kind] = entry = cls
        return entry

    def __setitem__(self, kind: str, cls: type[Connector]) -> None:
        self._entries[kind] = cls

    def __delitem__(self, kind: str) -> None:
        del self._entries[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, kind: object) -> bool:
        return kind in self._entries


REGISTRY: MutableMapping[str, type[Connector]] = ConnectorRegistry(
    {
        "sql": "app.connectors.sql_database:SqlDatabaseConnector",
        "tabular_file": "app.connectors.tabular_file:TabularFileConnector",
        "web_logs": "app.connectors.web_logs:WebLogConnector",
        "matomo": "app.connectors.matomo:MatomoConnector",
        "mailbox": "app.connectors.mail_store:MailStoreConnector",
        "document_folder": "app.connectors.document_folder:DocumentFolderConnector",
        "manual": "app.connectors.manual:ManualConnector",
    }
)


def kinds() -> list[ConnectorDescription]:
    return [cls.describe() for cls in REGISTRY.values()]


def describe(kind: str) -> ConnectorDescription:
    return _class(kind).describe()


def _class(kind: str) -> type[Connector]:
    try:
        return REGISTRY[kind]
    except KeyError:
        known = ", ".join(sorted(REGISTRY))
        raise UserError(
            _("Unknown connector kind '{kind}'. Known kinds: {known}.", kind=kind, known=known)
        ) from None


def create(
    kind: str, name: str, settings: Mapping[str, Any], secrets: Mapping[str, str]
) -> Connector:
    return _class(kind)(name, settings, secrets)


def can(kind: str, capability: Capability) -> bool:
    return capability in describe(kind).capabilities


class Registration:
    """Undo of one ``register_connector_kind``; also a context manager."""

    def __init__(self, kind: str, cls: type[Connector]) -> None:
        self.kind = kind
        self.cls = cls

    def undo(self) -> None:
        if self.kind in REGISTRY and REGISTRY[self.kind] is self.cls:
            del REGISTRY[self.kind]

    def __enter__(self) -> type[Connector]:
        return self.cls

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.undo()


def register_connector_kind(cls: type[Connector], kind: str | None = None) -> Registration:
    """Add a connector class under ``kind`` (default: its describe().kind); the result undoes it."""
    code = kind or cls.describe().kind
    if code in REGISTRY:
        raise ValueError(_("connector kind {code} is registered already", code=repr(code)))
    REGISTRY[code] = cls
    return Registration(code, cls)
