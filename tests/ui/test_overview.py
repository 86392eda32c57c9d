"""The deadline overview: groups by urgency, the start-up banner, the calendar export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.core.enums import CaseStatus
from app.services.cases import change_status
from app.services.deadlines import start_pause
from app.ui.main_window import MainWindow
from app.ui.overview import DeadlineOverview
from app.ui.style import URGENCY_DUE_SOON, URGENCY_LATER, URGENCY_OVERDUE, URGENCY_PAUSED

from .helpers import new_case, received_for


def _make_cases(db) -> dict[str, str]:
    today = date.today()
    refs = {
        "overdue": new_case(db, received=received_for(today, -20, -3), last_name="Overdue"),
        "soon": new_case(db, received=received_for(today, 1, 6), last_name="Soon"),
        "later": new_case(db, received=received_for(today, 15, 40), last_name="Later"),
        "paused": new_case(db, received=received_for(today, -20, -3), last_name="Paused"),
        "closed": new_case(db, received=received_for(today, -20, -3), last_name="Done"),
    }
    start_pause(db, actor="t", reference=refs["paused"], start_on=today, reason="ID", today=today)
    change_status(db, actor="t", reference=refs["closed"], new_status=CaseStatus.WITHDRAWN)
    return refs


def test_open_cases_are_grouped_by_urgency(qtbot, ctx) -> None:
    refs = _make_cases(ctx.db)
    overview = DeadlineOverview(ctx)
    qtbot.addWidget(overview)
    assert overview.references_in(URGENCY_OVERDUE) == [refs["overdue"]]
    assert overview.references_in(URGENCY_DUE_SOON) == [refs["soon"]]
    assert overview.references_in(URGENCY_LATER) == [refs["later"]]
    assert overview.references_in(URGENCY_PAUSED) == [refs["paused"]]
    assert overview.counts == {"overdue": 1, "due_soon": 1, "later": 1, "paused": 1}
    # Urgency is written out, not only coloured.
    overdue_item = overview.groups[URGENCY_OVERDUE].child(0)
    assert overdue_item.text(1) == "Overdue"
    assert "overdue" in overdue_item.text(6)
    # A paused case keeps its dates: since when, and the deadline if the clock resumed today.
    paused = overview.groups[URGENCY_PAUSED].child(0)
    assert paused.text(4).startswith("paused since ") and paused.text(4).endswith("(0 days)")
    assert paused.text(5).endswith(" if resumed today")
    assert overview.groups[URGENCY_DUE_SOON].text(0) == "Due within 7 days (1)"
    assert "1 overdue" in overview.summary.text()


def test_banner_tells_how_many_cases_need_attention(qtbot, ctx) -> None:
    _make_cases(ctx.db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.tabs.currentWidget() is window.today  # the to-do list opens first (issue 15)
    assert window.banner.isVisible()
    assert window.banner.text.text() == "1 case overdue, 1 due this week"


def test_no_banner_when_nothing_is_due(qtbot, ctx) -> None:
    new_case(ctx.db, received=received_for(date.today(), 15, 40))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert not window.banner.isVisible()


def test_double_click_opens_the_case(qtbot, ctx) -> None:
    refs = _make_cases(ctx.db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    item = window.overview.groups[URGENCY_OVERDUE].child(0)
    window.overview.tree.itemActivated.emit(item, 0)
    assert window.tabs.count() == 5  # overview, today, cases, to register + the case
    assert window.tabs.currentWidget().reference == refs["overdue"]


def test_calendar_export_writes_references_not_names(qtbot, ctx, tmp_path: Path) -> None:
    refs = _make_cases(ctx.db)
    overview = DeadlineOverview(ctx)
    qtbot.addWidget(overview)
    target = tmp_path / "deadlines.ics"
    with qtbot.waitSignal(overview.export_finished, timeout=5000) as signal:
        overview.export_ics(target)
    text = target.read_text(encoding="utf-8")
    assert refs["soon"] in text and refs["overdue"] in text
    assert refs["paused"] not in text  # no date while the clock stands still
    assert refs["closed"] not in text
    for name in ("Soon", "Overdue", "Anna", "Jansen"):
        assert name not in text
    assert str(target) in signal.args[0]
