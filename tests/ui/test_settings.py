"""The settings dialog: organisation profile with a version check, extra holidays, language."""

from __future__ import annotations

from datetime import date

from app.services.settings import get_organisation, get_setting, update_organisation
from app.ui.settings_dialog import LANGUAGE_KEY, SettingsDialog


def test_promise_and_holidays_are_saved(qtbot, ctx) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.promise_weeks.setValue(3)
    dialog.add_holiday(date(2026, 12, 24))
    dialog.save()
    assert not dialog.isVisible() or dialog.result() == dialog.DialogCode.Accepted
    assert get_organisation(ctx.db)["promise_weeks"] == 3
    assert get_setting(ctx.db, key="extra_holidays")["dates"] == ["2026-12-24"]


def test_bad_postcode_is_shown_at_the_field(qtbot, ctx) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.org_edits["postcode"].setText("1234 SA")
    dialog.save()
    assert dialog.isVisible()
    assert "SA" in dialog.errors.message("postcode")


def test_stale_profile_is_refused(qtbot, ctx) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    org = get_organisation(ctx.db)
    update_organisation(ctx.db, actor="colleague", expected_version=org["version"],
                        changes={"phone": "073 000 0000"})  # fmt: skip
    dialog.org_edits["website"].setText("https://example.nl")
    dialog.save()
    assert dialog.isVisible()
    assert "Someone else changed the organisation profile" in dialog.general_error.text()


def test_language_choice_is_stored(qtbot, ctx) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    chosen: list[str] = []
    dialog.language_chosen.connect(chosen.append)
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    dialog.save()
    assert ctx.settings.value(LANGUAGE_KEY) == "nl"
    assert chosen == ["nl"]


def test_letter_offsets_attachment_limit_and_retention_are_saved(qtbot, ctx) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.layout_edits["address_shift_down_mm"].setValue(2.5)
    dialog.fold_marks.setChecked(False)
    dialog.max_mb.setValue(20)
    row = next(r for r in range(dialog.retention_table.rowCount())
               if dialog.retention_table.item(r, 0).data(256) == "granted")  # fmt: skip
    dialog.retention_table.cellWidget(row, 1).setValue(18)
    dialog.save()
    layout = get_setting(ctx.db, key="letter_layout")
    assert layout["address_shift_down_mm"] == 2.5 and layout["fold_marks"] is False
    assert get_setting(ctx.db, key="attachments") == {"max_mb": 20}
    assert get_setting(ctx.db, key="retention")["granted"]["months"] == 18


def test_retention_without_reason_is_refused_in_the_dialog(qtbot, ctx) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.retention_table.item(0, 2).setText("   ")
    dialog.save()
    assert dialog.isVisible()
    assert dialog.retention_error.isVisible() and "reason" in dialog.retention_error.text()


def test_a_reference_row_shift_onto_the_fold_is_refused_at_its_field(qtbot, ctx) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    before = get_setting(ctx.db, key="letter_layout")
    dialog.layout_edits["reference_row_shift_down_mm"].setValue(-5.0)
    dialog.save()
    assert dialog.isVisible()
    assert "fold" in dialog.errors.message("reference_row_shift_down_mm")
    assert get_setting(ctx.db, key="letter_layout") == before


def test_greeting_style_and_fg_registration_are_saved(qtbot, ctx) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.salutation_style.setCurrentIndex(dialog.salutation_style.findData("full_name"))
    dialog.dpo_registered.setChecked(True)
    # The FG title is accepted in the same save, as the registration is stored first.
    dialog.org_edits["signatory_function"].setText("Functionaris gegevensbescherming")
    dialog.save()
    assert get_setting(ctx.db, key="letter_salutation") == {"without_title": "full_name"}
    assert get_setting(ctx.db, key="sender") == {"dpo_registered": True}
    assert get_organisation(ctx.db)["signatory_function"] == "Functionaris gegevensbescherming"


def test_an_fg_title_without_registration_is_refused(qtbot, ctx) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.org_edits["signatory_function"].setText("Functionaris gegevensbescherming")
    dialog.save()
    assert dialog.isVisible()
    assert "registered" in dialog.errors.message("signatory_function")
