"""Systems dialog (form generated from the kind, test connection, secrets) and the register."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from app.connectors import registry
from app.core.i18n import translate
from app.services.connectors import list_connectors
from app.services.register import list_activities, save_activity
from app.services.secrets import SecretStore
from app.ui.connectors_dialog import ConnectorsDialog, PathField, setting_text
from app.ui.register_dialog import RegisterDialog


def _dialog(qtbot, ctx, store: SecretStore | None = None) -> ConnectorsDialog:
    dialog = ConnectorsDialog(ctx, store or SecretStore(use_keyring=False))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "nieuwsbrief.csv"
    path.write_text("email,voornaam\nanna@example.nl,Anna\n", encoding="utf-8")
    return path


def _fill_csv(qtbot, dialog: ConnectorsDialog, path: str) -> None:
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Nieuwsbrief")
    dialog.kind.setCurrentIndex(dialog.kind.findData("tabular_file"))
    form = dialog.form
    assert form is not None and form.kind == "tabular_file"
    path_field = form.inputs["path"]
    assert isinstance(path_field, PathField)
    path_field.edit.setText(path)
    qtbot.keyClicks(form.inputs["identifier_columns"], "email=email")


def test_a_csv_system_is_added_through_the_generated_form_and_tests_ok(
    qtbot, ctx, tmp_path
) -> None:
    dialog = _dialog(qtbot, ctx)
    assert dialog.list.topLevelItemCount() == 0
    assert "in memory only" in dialog.secret_note.text()
    _fill_csv(qtbot, dialog, str(_csv(tmp_path)))
    task = dialog.test()
    assert task is not None
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert dialog.test_result.text().startswith("OK: ")
    saved = {c.name: c for c in list_connectors(ctx.db)}
    assert saved["Nieuwsbrief"].kind == "tabular_file"
    assert saved["Nieuwsbrief"].settings["identifier_columns"] == "email=email"
    assert dialog.list.topLevelItemCount() == 1
    assert dialog.list.currentItem().text(0) == "Nieuwsbrief"


def test_a_wrong_path_shows_the_error_inline(qtbot, ctx, tmp_path) -> None:
    dialog = _dialog(qtbot, ctx)
    _fill_csv(qtbot, dialog, str(tmp_path / "missing.csv"))
    dialog.test()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    text = dialog.test_result.text()
    assert text.startswith("Failed: ") and "does not exist" in text
    assert dialog.test_button.isEnabled()


def test_a_required_setting_is_flagged_at_its_field(qtbot, ctx, tmp_path) -> None:
    dialog = _dialog(qtbot, ctx)
    dialog.name.setText("Lijst")
    dialog.kind.setCurrentIndex(dialog.kind.findData("tabular_file"))
    dialog.form.inputs["path"].edit.setText(str(_csv(tmp_path)))
    assert not dialog.save()
    assert "required" in dialog.form.errors.message("identifier_columns")
    assert dialog.form.inputs["path"].edit.text().endswith("nieuwsbrief.csv")  # nothing lost
    assert list_connectors(ctx.db) == []


def test_a_password_is_stored_in_the_secret_store_and_never_shown(qtbot, ctx, tmp_path) -> None:
    store = SecretStore(use_keyring=False)
    dialog = _dialog(qtbot, ctx, store)
    dialog.name.setText("Portal")
    dialog.kind.setCurrentIndex(dialog.kind.findData("sql"))
    form = dialog.form
    form.inputs["url"].setText("sqlite:///" + str(tmp_path / "portal.db"))
    form.inputs["mapping_file"].edit.setText(str(tmp_path / "mapping.toml"))
    qtbot.keyClicks(form.inputs["password"], "geheim123")
    assert dialog.save()
    assert store.get("Portal", "password") == "geheim123"
    row = list_connectors(ctx.db)[0]
    assert "geheim123" not in json.dumps(row.settings)
    password = dialog.form.inputs["password"]
    assert password.text() == "" and "stored" in password.placeholderText()


def test_existing_mapping_settings_are_shown_as_text(qtbot) -> None:
    assert setting_text({"email": "email", "klantnr": "customer_number"}) == (
        "email=email, klantnr=customer_number"
    )
    assert setting_text(["contact details", "newsletter"]) == "contact details, newsletter"


def test_delete_asks_first_and_then_removes_the_system(qtbot, ctx, tmp_path) -> None:
    dialog = _dialog(qtbot, ctx)
    _fill_csv(qtbot, dialog, str(_csv(tmp_path)))
    assert dialog.save()
    box = dialog.ask_delete()
    assert box is not None and "Nieuwsbrief" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert list_connectors(ctx.db) == []
    assert dialog.list.topLevelItemCount() == 0


def test_register_dialog_saves_an_edit_and_refuses_a_stale_save(qtbot, ctx) -> None:
    dialog = RegisterDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    first = list_activities(ctx.db)[0]
    assert dialog.current is not None and dialog.current.id == first.id
    purposes = dialog.inputs["purposes"]
    purposes.setPlainText(first.values["purposes"] + "\nKlanttevredenheid meten.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = next(a for a in list_activities(ctx.db) if a.id == first.id)
    assert saved.values["purposes"].endswith("Klanttevredenheid meten.")
    assert saved.version == first.version + 1

    # Another officer saves the same activity meanwhile.
    save_activity(ctx.db, actor="collega", values={"retention": "2 jaar"}, activity_id=first.id,
                  expected_version=saved.version)  # fmt: skip
    dialog.inputs["retention"].setPlainText("5 jaar")
    assert not dialog.save()
    assert dialog.message is not None and dialog.message.objectName() == "staleMessage"
    assert "changed this processing activity meanwhile" in dialog.error.text()
    assert dialog.inputs["retention"].toPlainText() == "5 jaar"  # what was typed stays
    latest = next(a for a in list_activities(ctx.db) if a.id == first.id)
    assert latest.values["retention"] == "2 jaar"


def test_register_requires_the_legal_basis_and_exports_json(qtbot, ctx, tmp_path) -> None:
    dialog = RegisterDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.inputs["legal_basis"].setText("")
    assert not dialog.save()
    assert "Art. 30" in dialog.errors.message("legal_basis")
    dialog.export_format.setCurrentIndex(dialog.export_format.findData("json"))
    path = dialog.export(tmp_path / "register.json")
    assert path is not None
    names = [a["name"] for a in json.loads(path.read_text(encoding="utf-8"))]
    assert names == [a.name for a in list_activities(ctx.db)]


def test_the_dutch_settings_form_shows_dutch_labels_and_errors(qtbot, ctx_nl, tmp_path) -> None:
    dialog = _dialog(qtbot, ctx_nl)
    tabular = dialog.kind.findData("tabular_file")
    assert dialog.kind.itemText(tabular) == "CSV- of Excel-bestand"
    _fill_csv(qtbot, dialog, str(tmp_path / "weg.csv"))
    form = dialog.form
    assert form is not None
    captions = {label.text() for label in form.findChildren(QLabel)}
    assert "Bestand *:" in captions and "Scheidingsteken (CSV):" in captions
    assert form.inputs["path"].edit.accessibleName() == "Bestand"
    assert dialog.kind_help.text().startswith("Bij elke wijziging")
    dialog.test()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert dialog.test_result.text() == (
        f"Mislukt: Het bestand {tmp_path / 'weg.csv'} bestaat niet. Controleer de instelling "
        "'Bestand'."
    )
    form = dialog.form  # saving before the test built the form anew
    form.inputs["identifier_columns"].clear()
    assert not dialog.save()
    assert form.errors.message("identifier_columns") == (
        "'Kolommen met identificatiegegevens' is verplicht."
    )
    dialog.kind.setCurrentIndex(dialog.kind.findData("mailbox"))
    source = dialog.form.inputs["source"]
    assert source.currentText() == "Map met .eml-bestanden"
    source.setCurrentIndex(source.findData("imap"))
    assert dialog.form.values()[0]["source"] == "imap"  # the stored value stays the code


def test_connector_labels_live_with_the_connector(ctx) -> None:
    # Labels and help are declared (N_-marked) on the SettingSpec; the English UI shows them.
    dialog_free = {d.kind: d for d in registry.kinds()}
    for description in dialog_free.values():
        assert translate(description.label, "en") == description.label
        for spec in description.settings:
            assert spec.label and translate(spec.label, "en") == spec.label
    mailbox = dialog_free["mailbox"].settings[0]
    assert mailbox.choice_label("imap") == "IMAP server"
    assert mailbox.choice_label("unknown") == "unknown"
