"""A control character or direction override typed or pasted into the intake form is shown at
its field; nothing is saved and nothing typed is lost."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.case_queries import count_cases
from app.ui.intake_dialog import IntakeDialog


def test_direction_override_in_a_name_is_refused_at_the_field(qtbot, ctx) -> None:
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    form.last_name.insert("Jansen\u202enesnaJ")  # pasted: QTest types ASCII only
    qtbot.keyClicks(form.street, "Hopbrouwer 18")
    qtbot.keyClicks(form.postcode, "5253 RE")
    qtbot.keyClicks(form.city, "Nieuwkuijk")
    qtbot.mouseClick(form.type_boxes["access"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    message = form.errors.message("last_name")
    assert "U+202E" in message and "direction" in message
    assert form.last_name.text() == "Jansen\u202enesnaJ"
    assert count_cases(ctx.db) == 0
