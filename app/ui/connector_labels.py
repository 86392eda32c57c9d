"""Labels and help of the connector kinds and their settings in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.connectors.base import ConnectorDescription, SettingSpec

# The connectors describe themselves in English (CLI, logs); the settings form shows these
# texts, which lupdate collects into the .ts. The English source texts equal describe()'s own
# (a UI test keeps them in step), so a kind or setting missing here still shows in English.


def _kinds() -> dict[str, tuple[str, str]]:
    """Kind -> (label, help)."""
    return {
        "sql": (
            QCoreApplication.translate("ConnectorLabels", "SQL database"),
            QCoreApplication.translate(
                "ConnectorLabels",
                "Finds a person through the identifiers and joins declared in the mapping file.",
            ),
        ),
        "tabular_file": (
            QCoreApplication.translate("ConnectorLabels", "CSV or Excel file"),
            QCoreApplication.translate(
                "ConnectorLabels",
                "Every change keeps a backup copy <file>.<time>.bak next to the file for the "
                "number of days set; older backups are deleted whenever the file is used.",
            ),
        ),
        "web_logs": (
            QCoreApplication.translate("ConnectorLabels", "Web server access logs"),
            QCoreApplication.translate(
                "ConnectorLabels",
                "Reads Apache/nginx access logs (common or combined format, plain or .gz). "
                "Log lines cannot be erased one by one; they expire after the retention period.",
            ),
        ),
        "matomo": (
            QCoreApplication.translate("ConnectorLabels", "Matomo (Piwik) web statistics"),
            QCoreApplication.translate(
                "ConnectorLabels",
                "Uses the PrivacyManager plugin (GDPR tools) of Matomo 3.6 or later.",
            ),
        ),
        "mailbox": (
            QCoreApplication.translate("ConnectorLabels", "Mailbox (.eml folder, mbox or IMAP)"),
            QCoreApplication.translate(
                "ConnectorLabels",
                "Messages are only read, never marked as read or changed; delete by hand.",
            ),
        ),
        "document_folder": (
            QCoreApplication.translate("ConnectorLabels", "Document folder"),
            QCoreApplication.translate(
                "ConnectorLabels",
                "Reads text in documents, including subfolders. Scans without text are listed.",
            ),
        ),
        "manual": (
            QCoreApplication.translate("ConnectorLabels", "Manual check (no automation)"),
            QCoreApplication.translate(
                "ConnectorLabels",
                "Creates a task on the case; it counts as searched once someone completes it.",
            ),
        ),
    }


def _settings() -> dict[tuple[str, str], tuple[str, str]]:
    """(kind, setting) -> (label, help)."""
    timeout = QCoreApplication.translate("ConnectorLabels", "Time-out (seconds)")
    return {
        ("sql", "url"): (
            QCoreApplication.translate("ConnectorLabels", "Database URL"),
            QCoreApplication.translate(
                "ConnectorLabels",
                "SQLAlchemy URL without the password, e.g. "
                "postgresql+psycopg://privacy@db.example.nl:5432/portal, "
                "mysql+pymysql://privacy@db:3306/portal or sqlite:///C:/data/portal.db",
            ),
        ),
        ("sql", "mapping_file"): (
            QCoreApplication.translate("ConnectorLabels", "Mapping file"),
            QCoreApplication.translate(
                "ConnectorLabels", "TOML file that lists the tables and columns with personal data"
            ),
        ),
        ("sql", "password"): (QCoreApplication.translate("ConnectorLabels", "Password"), ""),
        ("tabular_file", "path"): (
            QCoreApplication.translate("ConnectorLabels", "File"),
            QCoreApplication.translate("ConnectorLabels", ".csv or .xlsx"),
        ),
        ("tabular_file", "identifier_columns"): (
            QCoreApplication.translate("ConnectorLabels", "Identifier columns"),
            QCoreApplication.translate(
                "ConnectorLabels",
                "column=kind pairs, e.g. 'email=email, klantnr=customer_number'; kinds: email, "
                "customer_number, user_id, phone, ip_address, name, first_name, last_name, "
                "postcode, house_number, birth_date",
            ),
        ),
        ("tabular_file", "categories"): (
            QCoreApplication.translate("ConnectorLabels", "Data categories"),
            "",
        ),
        ("tabular_file", "delimiter"): (
            QCoreApplication.translate("ConnectorLabels", "Delimiter (CSV)"),
            QCoreApplication.translate("ConnectorLabels", "empty: detect"),
        ),
        ("tabular_file", "encoding"): (
            QCoreApplication.translate("ConnectorLabels", "Encoding (CSV)"),
            "",
        ),
        ("tabular_file", "sheet"): (
            QCoreApplication.translate("ConnectorLabels", "Sheet (XLSX)"),
            QCoreApplication.translate("ConnectorLabels", "empty: first sheet"),
        ),
        ("tabular_file", "backup_days"): (
            QCoreApplication.translate("ConnectorLabels", "Keep backups (days)"),
            QCoreApplication.translate(
                "ConnectorLabels",
                "a backup holds the erased rows; 0 keeps no backup",
            ),
        ),
        ("web_logs", "path"): (
            QCoreApplication.translate("ConnectorLabels", "Log file or folder"),
            "",
        ),
        ("web_logs", "glob"): (
            QCoreApplication.translate("ConnectorLabels", "File name pattern"),
            QCoreApplication.translate(
                "ConnectorLabels",
                "Which files in the folder are logs, e.g. access.log* (includes .gz).",
            ),
        ),
        ("web_logs", "retention_days"): (
            QCoreApplication.translate("ConnectorLabels", "Retention (days)"),
            QCoreApplication.translate(
                "ConnectorLabels",
                "How long the raw logs are kept before they are deleted automatically.",
            ),
        ),
        ("matomo", "base_url"): (
            QCoreApplication.translate("ConnectorLabels", "Matomo address"),
            "",
        ),
        ("matomo", "site_ids"): (
            QCoreApplication.translate("ConnectorLabels", "Site ids"),
            QCoreApplication.translate("ConnectorLabels", "Comma separated, e.g. 1, 3"),
        ),
        ("matomo", "segment_template"): (
            QCoreApplication.translate("ConnectorLabels", "Segment for a user id"),
            QCoreApplication.translate(
                "ConnectorLabels",
                "Matomo segment; {user_id} is replaced by each user id, e-mail address and "
                "customer number. IP addresses are searched as well.",
            ),
        ),
        ("matomo", "timeout_s"): (timeout, ""),
        ("matomo", "token_auth"): (
            QCoreApplication.translate("ConnectorLabels", "API token"),
            QCoreApplication.translate(
                "ConnectorLabels", "Personal security > Auth tokens, of a user with admin access."
            ),
        ),
        ("mailbox", "source"): (QCoreApplication.translate("ConnectorLabels", "Source"), ""),
        ("mailbox", "path"): (
            QCoreApplication.translate("ConnectorLabels", "Folder or mbox file"),
            "",
        ),
        ("mailbox", "imap_host"): (
            QCoreApplication.translate("ConnectorLabels", "IMAP server"),
            "",
        ),
        ("mailbox", "imap_port"): (QCoreApplication.translate("ConnectorLabels", "IMAP port"), ""),
        ("mailbox", "imap_user"): (QCoreApplication.translate("ConnectorLabels", "IMAP user"), ""),
        ("mailbox", "imap_folder"): (
            QCoreApplication.translate("ConnectorLabels", "IMAP folder"),
            "",
        ),
        ("mailbox", "imap_ssl"): (QCoreApplication.translate("ConnectorLabels", "Use SSL/TLS"), ""),
        ("mailbox", "imap_password"): (
            QCoreApplication.translate("ConnectorLabels", "IMAP password"),
            "",
        ),
        ("mailbox", "timeout_s"): (timeout, ""),
        ("document_folder", "path"): (QCoreApplication.translate("ConnectorLabels", "Folder"), ""),
        ("document_folder", "extensions"): (
            QCoreApplication.translate("ConnectorLabels", "File types"),
            QCoreApplication.translate(
                "ConnectorLabels", "Separated by spaces, e.g. .txt .csv .pdf .docx .odt"
            ),
        ),
        ("document_folder", "max_file_mb"): (
            QCoreApplication.translate("ConnectorLabels", "Largest file (MB)"),
            QCoreApplication.translate(
                "ConnectorLabels",
                "Larger files are listed for a check by hand instead of being read.",
            ),
        ),
        ("manual", "instructions"): (
            QCoreApplication.translate("ConnectorLabels", "What to look up, where and how"),
            QCoreApplication.translate(
                "ConnectorLabels",
                "e.g. 'Look in the paper archive, cabinet 3, under the customer number'",
            ),
        ),
    }


def _choices() -> dict[str, str]:
    """Choice value -> what the officer sees (the stored value stays the English code)."""
    return {
        "eml_folder": QCoreApplication.translate("ConnectorLabels", "Folder of .eml files"),
        "mbox": QCoreApplication.translate("ConnectorLabels", "mbox file"),
        "imap": QCoreApplication.translate("ConnectorLabels", "IMAP server"),
    }


def kind_label(description: ConnectorDescription) -> str:
    return _kinds().get(description.kind, (description.label, ""))[0]


def kind_help(description: ConnectorDescription) -> str:
    known = _kinds().get(description.kind)
    return known[1] if known is not None else description.help


def setting_label(kind: str, spec: SettingSpec) -> str:
    return _settings().get((kind, spec.name), (spec.label, ""))[0]


def setting_help(kind: str, spec: SettingSpec) -> str:
    known = _settings().get((kind, spec.name))
    return known[1] if known is not None else spec.help


def choice_label(value: str) -> str:
    return _choices().get(value, value)
