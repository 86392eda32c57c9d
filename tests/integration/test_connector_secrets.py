"""Which secrets a configured system still needs: only those its settings really require."""

from __future__ import annotations

from pathlib import Path

from app.data.database import Database
from app.services.connectors import list_connectors, save_connector
from app.services.secrets import SecretStore


def test_missing_secrets_follow_the_settings(sqlite_db: Database, tmp_path: Path) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text('[[tables]]\nname = "t"\nprimary_key = "id"\n', encoding="utf-8")
    store = SecretStore(use_keyring=False)
    systems = {
        "Lokaal": ("sql", {"url": f"sqlite:///{tmp_path}/x.sqlite", "mapping_file": str(mapping)}),
        "Server": ("sql", {"url": "postgresql+psycopg://privacy@db/portal",
                           "mapping_file": str(mapping)}),
        "Mapjes": ("mailbox", {"source": "eml_folder", "path": str(tmp_path)}),
        "Postbus": ("mailbox", {"source": "imap", "imap_host": "mail", "imap_user": "p"}),
        "Stats": ("matomo", {"base_url": "http://127.0.0.1:9/", "site_ids": "1"}),
    }  # fmt: skip
    for name, (kind, settings) in systems.items():
        save_connector(sqlite_db, actor="o", name=name, kind=kind, settings=settings)
    missing = {c.name: c.missing_secrets for c in list_connectors(sqlite_db, secrets=store)}
    assert missing == {
        "Lokaal": (),
        "Server": ("password",),
        "Mapjes": (),
        "Postbus": ("imap_password",),
        "Stats": ("token_auth",),
    }
    store.set("Server", "password", "s3cret")
    after = {c.name: c.missing_secrets for c in list_connectors(sqlite_db, secrets=store)}
    assert after["Server"] == ()
