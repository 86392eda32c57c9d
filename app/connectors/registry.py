"""The explicit registry of built-in connector kinds (no entry points: they break when frozen)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.connectors.base import Capability, Connector, ConnectorDescription
from app.connectors.document_folder import DocumentFolderConnector
from app.connectors.mail_store import MailStoreConnector
from app.connectors.manual import ManualConnector
from app.connectors.matomo import MatomoConnector
from app.connectors.sql_database import SqlDatabaseConnector
from app.connectors.tabular_file import TabularFileConnector
from app.connectors.web_logs import WebLogConnector
from app.core.errors import UserError
from app.core.i18n import _

REGISTRY: dict[str, Any] = {
    "sql": SqlDatabaseConnector,
    "tabular_file": TabularFileConnector,
    "web_logs": WebLogConnector,
    "matomo": MatomoConnector,
    "mailbox": MailStoreConnector,
    "document_folder": DocumentFolderConnector,
    "manual": ManualConnector,
}


def kinds() -> list[ConnectorDescription]:
    return [cls.describe() for cls in REGISTRY.values()]


def describe(kind: str) -> ConnectorDescription:
    return _class(kind).describe()  # type: ignore[no-any-return]


def _class(kind: str) -> Any:
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
    connector: Connector = _class(kind)(name, settings, secrets)
    return connector


def can(kind: str, capability: Capability) -> bool:
    return capability in describe(kind).capabilities
