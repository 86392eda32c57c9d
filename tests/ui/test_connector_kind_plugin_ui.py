"""The connectors dialog offers a connector kind registered by a test, and configures it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from app.connectors import registry
from app.services.connectors import list_connectors
from app.services.secrets import SecretStore
from app.ui.connectors_dialog import ConnectorsDialog, PathField
from tests.integration.connectors.test_connector_kind_plugin import (
    KIND,
    JsonRecordsConnector,
    records_file,
)


def test_the_dialog_configures_and_tests_a_registered_kind(qtbot, ctx, tmp_path: Path) -> None:
    with registry.register_connector_kind(JsonRecordsConnector):
        dialog = ConnectorsDialog(ctx, SecretStore(use_keyring=False))
        qtbot.addWidget(dialog)
        dialog.show()
        index = dialog.kind.findData(KIND)
        assert dialog.kind.itemText(index) == "JSON records file"
        dialog.kind.setCurrentIndex(index)
        form = dialog.form
        assert form is not None and form.kind == KIND
        captions = {label.text() for label in form.findChildren(QLabel)}
        assert "JSON file *:" in captions and "Data category:" in captions
        assert dialog.kind_help.text() == "Finds records by e-mail address."
        path_field = form.inputs["path"]
        assert isinstance(path_field, PathField)
        path_field.edit.setText(str(records_file(tmp_path)))
        qtbot.keyClicks(dialog.name, "Leden")
        dialog.test()
        qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
        assert dialog.test_result.text() == "OK: 2 records"
        assert [(c.name, c.kind) for c in list_connectors(ctx.db)] == [("Leden", KIND)]
        dialog.close()
    assert KIND not in registry.REGISTRY
