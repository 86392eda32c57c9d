"""One case: data subject, status actions, deadlines with pause/extension, documents, history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import CaseStatus
from app.core.errors import StaleDataError, UserError
from app.core.status import OPEN_STATUSES
from app.core.validation import country_name
from app.services.case_detail import get_case
from app.services.cases import change_status
from app.services.dto import CaseDetail, CaseRow
from app.ui import labels
from app.ui.case_dialogs import (
    ActionDialog,
    AddDocumentDialog,
    DecisionsDialog,
    EditCaseDialog,
    ExtensionDialog,
    IdentifiersDialog,
    IdentityCheckDialog,
    LinkCaseDialog,
    PauseDialog,
    ResumeDialog,
)
from app.ui.case_panels import DocumentsPanel, NotesPanel, TimelinePanel
from app.ui.confirm import ask_before
from app.ui.context import UiContext
from app.ui.errors import user_message
from app.ui.findings_tab import FindingsTab
from app.ui.letters_tab import LettersTab
from app.ui.shortcuts import annotate_tooltips
from app.ui.style import foreground, urgency_labels, urgency_of

OPEN_CODES = frozenset(s.value for s in OPEN_STATUSES)


# Statuses with no way back (app/core/status.py): asked before they are set.
FINAL_STATUSES = frozenset({CaseStatus.CLOSED, CaseStatus.WITHDRAWN, CaseStatus.REFUSED})


def _card(title: str) -> tuple[QFrame, QVBoxLayout, QGridLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    outer = QVBoxLayout(frame)
    outer.setContentsMargins(14, 10, 14, 12)
    heading = QLabel(title)
    heading.setStyleSheet("font-weight: 600;")
    outer.addWidget(heading)
    grid = QGridLayout()
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(6)
    grid.setColumnStretch(1, 1)
    outer.addLayout(grid)
    return frame, outer, grid


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = None if item is None else item.widget()
        if widget is not None:
            widget.deleteLater()


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CaseDetailView(QWidget):
    """One case: overview, documents, notes, history, letters and systems (findings) tabs."""

    reference_changed = Signal(str)

    def __init__(self, ctx: UiContext, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reference = reference
        self.detail: CaseDetail | None = None
        self.active_dialog: ActionDialog | None = None
        self.message: QWidget | None = None

        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.status_chip = QLabel()
        self.status_chip.setProperty("role", "chip")
        self.urgency = QLabel()
        self.subtitle = QLabel()
        self.subtitle.setProperty("role", "subtle")
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self.open_edit)
        self.link_button = QPushButton(self.tr("&Link case…"))
        self.link_button.setToolTip(
            self.tr("Link a reminder to the earlier request, or a related case")
        )
        self.link_button.clicked.connect(lambda: self._open_dialog(LinkCaseDialog))
        self.decisions_button = QPushButton(self.tr("Deci&sions…"))
        self.decisions_button.setToolTip(self.tr("The decision on each request type"))
        self.decisions_button.clicked.connect(lambda: self._open_dialog(DecisionsDialog))
        self.identifiers_button = QPushButton(self.tr("Identi&fiers…"))
        self.identifiers_button.setToolTip(
            self.tr("Customer numbers, IP addresses and other identifiers to search the systems by")
        )
        self.identifiers_button.clicked.connect(self.open_identifiers)
        self.reload_button = QPushButton(self.tr("Reloa&d"))
        self.reload_button.clicked.connect(self.reload)
        self.status_bar = QHBoxLayout()
        self.status_bar.setSpacing(6)
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.status_chip)
        heading.addWidget(self.urgency)
        heading.addStretch(1)
        heading.addWidget(self.reload_button)
        heading.addWidget(self.decisions_button)
        heading.addWidget(self.link_button)
        heading.addWidget(self.identifiers_button)
        heading.addWidget(self.edit_button)
        actions = QHBoxLayout()
        self.next_label = QLabel(self.tr("Next step:"))
        actions.addWidget(self.next_label)
        actions.addLayout(self.status_bar)
        actions.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.summary_page = QWidget()
        self._build_summary_page()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.summary_page)
        self.documents = DocumentsPanel(ctx)
        self.documents.add_requested.connect(lambda: self._open_dialog(AddDocumentDialog))
        self.documents.identity_requested.connect(lambda: self._open_dialog(IdentityCheckDialog))
        self.notes = NotesPanel(ctx)
        self.timeline = TimelinePanel(ctx)
        self.tabs.addTab(scroll, self.tr("Overview"))
        self.tabs.addTab(self.documents, self.tr("Documents"))
        self.tabs.addTab(self.notes, self.tr("Notes"))
        self.tabs.addTab(self.timeline, self.tr("History"))
        self.letters_tab = LettersTab(ctx, reference, self)
        self.findings_tab = FindingsTab(ctx, reference, ctx.secrets, self)
        # Context "FeatureHooks" (of the former feature_hooks.py) keeps the catalogues' entries.
        self.tabs.addTab(self.letters_tab, QCoreApplication.translate("FeatureHooks", "Letters"))
        self.tabs.addTab(self.findings_tab, QCoreApplication.translate("FeatureHooks", "Systems"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(heading)
        layout.addWidget(self.subtitle)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        ctx.events.cases_changed.connect(self._changed)
        self.reload()
        annotate_tooltips(self)  # every action's Alt key in its tooltip (Help > Keyboard shortcuts)

    @staticmethod
    def _decisions_text(d: CaseDetail) -> str:
        types, outcomes = labels.type_labels(), labels.outcome_labels()
        return "; ".join(
            f"{labels.label(types, c)}: {labels.label(outcomes, d.outcomes.get(c, ''))}"
            for c in d.types
        )

    def show_place(self, place: str) -> None:
        """Show the tab where a to-do task is done ("overview", "documents", "letters", ...)."""
        pages: dict[str, QWidget] = {
            "documents": self.documents,
            "letters": self.letters_tab,
            "systems": self.findings_tab,
        }
        page = pages.get(place)
        if page is None:
            self.tabs.setCurrentIndex(0)
        else:
            self.tabs.setCurrentWidget(page)
        self.tabs.currentWidget().setFocus()

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a further tab; returns its index."""
        return self.tabs.addTab(widget, title)

    # ---- layout of the overview tab --------------------------------------------------------

    def _build_summary_page(self) -> None:
        person, _, self.person_grid = _card(self.tr("Data subject"))
        letter, _, self.letter_grid = _card(self.tr("Letter"))
        deadlines, deadline_box, self.deadline_grid = _card(self.tr("Deadlines"))
        self.pause_button = QPushButton(self.tr("&Pause clock…"))
        self.resume_button = QPushButton(self.tr("Res&ume clock…"))
        self.extension_button = QPushButton(self.tr("&Grant extension…"))
        self.pause_button.clicked.connect(lambda: self._open_dialog(PauseDialog))
        self.resume_button.clicked.connect(lambda: self._open_dialog(ResumeDialog))
        self.extension_button.clicked.connect(lambda: self._open_dialog(ExtensionDialog))
        buttons = QHBoxLayout()
        for button in (self.pause_button, self.resume_button, self.extension_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        deadline_box.addLayout(buttons)
        left = QVBoxLayout()
        left.addWidget(person)
        left.addWidget(letter)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(deadlines)
        right.addStretch(1)
        columns = QHBoxLayout(self.summary_page)
        columns.setSpacing(12)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

    @staticmethod
    def _fill(grid: QGridLayout, rows: list[tuple[str, str]]) -> None:
        _clear(grid)
        for number, (name, value) in enumerate(rows):
            key = QLabel(name)
            key.setProperty("role", "subtle")
            key.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(key, number, 0)
            grid.addWidget(_value(value), number, 1)

    # ---- data ------------------------------------------------------------------------------

    def reload(self) -> None:
        try:
            self.detail = get_case(self.ctx.db, reference=self.reference, today=self.ctx.today())
        except UserError as exc:
            self.title.setText(self.reference)
            self.subtitle.setText(user_message(exc))
            return
        self._show(self.detail)

    def _changed(self, reference: str) -> None:
        if reference in ("", self.reference):
            self.reload()

    def _show(self, d: CaseDetail) -> None:
        lang = self.ctx.lang
        r = d.requester
        status = labels.status_labels()
        self.title.setText(d.reference)
        self.status_chip.setText(labels.label(status, d.status))
        received = labels.date_text(d.received_on, lang)
        self.subtitle.setText(
            self.tr("%1 · received %2 · handled by %3")
            .replace("%1", r.full_name)
            .replace("%2", received)
            .replace("%3", d.assigned_to or "—")
        )
        is_open = d.status in OPEN_CODES
        self.urgency.setText("")
        if is_open:
            urgency = urgency_of(_row_like(d), self.ctx.today())
            self.urgency.setText(urgency_labels()[urgency])
            self.urgency.setStyleSheet(f"color: {foreground(urgency).name()}; font-weight: 600;")

        address = "\n".join(
            p for p in (r.street, f"{r.postcode}  {r.city.upper()}".strip(),
                        country_name(r.country, lang) if r.country != "NL" else "") if p
        )  # fmt: skip
        person = [(self.tr("Name"), r.full_name), (self.tr("Address"), address or "—")]
        if r.email:
            person.append((self.tr("E-mail"), r.email))
        if r.phone:
            person.append((self.tr("Phone"), r.phone))
        if r.birth_date:
            person.append((self.tr("Date of birth"), labels.date_text(r.birth_date, lang)))
        kinds = labels.identifier_labels()
        for kind, value in r.identifiers:
            text = labels.label(kinds, kind)
            person.append((text[:1].upper() + text[1:], value))
        if d.representative is not None:
            rep = d.representative
            role = labels.label(labels.role_labels(), rep.role)
            person.append((self.tr("Representative"), f"{rep.name} ({role})"))
            person.append(
                (
                    self.tr("Authorisation"),
                    self.tr("missing: answer only after it has been received")
                    if rep.authorisation_document_id is None
                    else self.tr("received")
                    if rep.authorisation_dated is None
                    else self.tr("received, dated %1").replace(
                        "%1", labels.date_text(rep.authorisation_dated, lang)
                    ),
                )
            )
        checks = [
            f"{labels.label(labels.identity_outcome_labels(), c.outcome)} – "
            f"{labels.label(labels.identity_method_labels(), c.method)}, "
            f"{labels.date_text(c.checked_on, lang)} ({c.checked_by})"
            for c in d.identity_checks
        ]
        person.append((self.tr("Identity"), "\n".join(checks) or self.tr("not checked yet")))
        self._fill(self.person_grid, person)

        letter = [
            (self.tr("Request types"), labels.types_text(d.types)),
            (self.tr("Decisions"), self._decisions_text(d)),
            (self.tr("Received on"), received),
            (self.tr("Registered on"), labels.date_text(d.registered_on, lang)),
            (self.tr("Channel"), labels.label(labels.channel_labels(), d.channel)),
            (self.tr("Answer language"), labels.label(labels.language_labels(), d.language)),
        ]
        if d.their_reference or d.their_letter_date:
            their = d.their_reference
            if d.their_letter_date:
                their += (", " if their else "") + labels.date_text(d.their_letter_date, lang)
            letter.append((self.tr("Their reference"), their))
        if d.summary:
            letter.append((self.tr("Summary"), d.summary))
        for ref, relation in d.linked:
            text = f"{ref} ({labels.label(labels.relation_labels(), relation)})"
            letter.append((self.tr("Linked case"), text))
        self._fill(self.letter_grid, letter)
        self._fill(self.deadline_grid, self._deadline_rows(d))

        self.pause_button.setEnabled(is_open and not d.paused)
        self.resume_button.setEnabled(d.paused)
        self.extension_button.setEnabled(is_open and d.extension_notice_on is None)
        self.edit_button.setEnabled(not d.anonymised)
        self._status_buttons(d)
        self.documents.show_documents(d)
        self.notes.show_notes(d)
        self.timeline.show_events(d)

    def _deadline_rows(self, d: CaseDetail) -> list[tuple[str, str]]:
        rows = self._reminder_rows(d)
        lang = self.ctx.lang
        if d.paused:
            since = next((p for p in d.pauses if p.end_on is None), None)
            text = self.tr("The clock is paused: waiting for the data subject.")
            if since is not None:
                text += "\n" + self.tr("Since %1: %2").replace(
                    "%1", labels.date_text(since.start_on, lang)
                ).replace("%2", since.reason)
            rows.append((self.tr("Paused"), text))
            pd = d.paused_dates
            if pd is not None:  # the dates as they would be if the clock resumed today
                rows.append((self.tr("Paused so far"), self.tr("%n day(s)", "", pd.days_so_far)))
                promise = labels.date_text(pd.resumed.promise, lang)
                rows.append((self.tr("Promise if resumed today"), promise))
                rows.append(
                    (self.tr("Legal deadline if resumed today"),
                     labels.date_text(pd.resumed.legal, lang))
                )  # fmt: skip
            return rows
        if d.promise_on is not None:
            promise = labels.date_text(d.promise_on, lang)
            if d.post_by_on is not None and d.post_by_on != d.promise_on:
                promise += "\n" + self.tr("post by %1 (working day before)").replace(
                    "%1", labels.date_text(d.post_by_on, lang)
                )
            rows.append((self.tr("Our promise"), promise))
        rows.append((self.tr("Legal deadline"), labels.date_text(d.legal_due_on, lang)))
        if d.extended_due_on is not None:
            ext = labels.date_text(d.extended_due_on, lang)
            ext += "\n" + self.tr("notice sent %1: %2").replace(
                "%1", labels.date_text(d.extension_notice_on, lang)
            ).replace("%2", d.extension_reason)
            rows.append((self.tr("Extended deadline"), ext))
        if d.refusal_due_on is not None:
            rows.append((self.tr("Refusal due by"), labels.date_text(d.refusal_due_on, lang)))
        closed = [p for p in d.pauses if p.end_on is not None]
        if closed:
            days = sum((p.end_on - p.start_on).days for p in closed if p.end_on is not None)
            rows.append((self.tr("Paused before"), self.tr("%n day(s)", "", days)))
        if d.status in OPEN_CODES and d.effective_due_on is not None:
            left = (d.effective_due_on - self.ctx.today()).days
            rows.append((self.tr("Days left"), labels.days_left_text(left)))
        return rows

    def _reminder_rows(self, d: CaseDetail) -> list[tuple[str, str]]:
        """A reminder's ultimatum (a deadline the person set) and the reminder flags."""
        lang = self.ctx.lang
        rows: list[tuple[str, str]] = []
        if d.ultimatum_on is not None:
            rows.append((self.tr("Ultimatum (reminder)"), labels.date_text(d.ultimatum_on, lang)))
        if d.last_reminder_on is not None:
            rows.append((self.tr("Reminder received"), labels.date_text(d.last_reminder_on, lang)))
        if d.reminder_unknown:
            rows.append((self.tr("Note"), self.tr("A reminder about a request that was not found")))
        return rows

    def _status_buttons(self, d: CaseDetail) -> None:
        _clear(self.status_bar)
        texts = labels.status_actions()
        for code in d.allowed_next:
            if code == "on_hold":
                continue  # "Pause clock" records the question and its date, so use that
            button = QPushButton(texts.get(code, code))
            button.setObjectName(f"status_{code}")
            button.clicked.connect(lambda _c=False, s=code: self.ask_status(s))
            self.status_bar.addWidget(button)
        self.next_label.setVisible(self.status_bar.count() > 0)

    # ---- actions ---------------------------------------------------------------------------

    def ask_status(self, status: str) -> QMessageBox | None:
        """A status with no way back (closed, withdrawn, refused) asks first; others just apply."""
        if status not in FINAL_STATUSES:
            self.set_status(status)
            return None
        label = labels.label(labels.status_actions(), status)
        if status == CaseStatus.CLOSED:
            what = self.tr("A closed case cannot be reopened. This cannot be undone.")
        else:
            what = self.tr("This status cannot be undone; the case can afterwards only be "
                           "closed.")  # fmt: skip
        text = (
            self.tr("Case %1: %2?").replace("%1", self.reference).replace("%2", label)
            + "\n\n" + what
        )  # fmt: skip
        self.message = ask_before(
            self, title=self.tr("Change status"), text=text, action=label,
            on_yes=lambda: self.set_status(status), name="confirmStatus",
        )  # fmt: skip
        return self.message

    def set_status(self, status: str) -> None:
        if self.detail is None:
            return
        try:
            change_status(
                self.ctx.db,
                actor=self.ctx.actor,
                reference=self.reference,
                new_status=CaseStatus(status),
                expected_version=self.detail.version,
                today=self.ctx.today(),
            )
        except StaleDataError as exc:
            self.offer_reload(user_message(exc))
            return
        except UserError as exc:
            self.message = self.ctx.reporter.report(exc, self)
            return
        self.ctx.events.cases_changed.emit(self.reference)

    def offer_reload(self, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Case changed meanwhile"), text,
                          QMessageBox.StandardButton.NoButton, self)  # fmt: skip
        box.setObjectName("staleMessage")
        reload_button = box.addButton(self.tr("&Reload case"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.buttonClicked.connect(lambda button: self.reload() if button is reload_button else None)
        self.message = box
        box.open()
        return box

    def open_edit(self) -> None:
        dialog = self._open_dialog(EditCaseDialog)
        if dialog is not None:
            dialog.stale.connect(self.offer_reload)

    def open_identifiers(self) -> None:
        dialog = self._open_dialog(IdentifiersDialog)
        if dialog is not None:
            dialog.stale.connect(self.offer_reload)

    def _open_dialog(
        self, cls: Callable[[UiContext, CaseDetail, QWidget], ActionDialog]
    ) -> ActionDialog | None:
        if self.detail is None:
            return None
        dialog = cls(self.ctx, self.detail, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "active_dialog", None))
        self.active_dialog = dialog
        dialog.open()
        return dialog


def _row_like(d: CaseDetail) -> CaseRow:
    """The detail's deadline fields in the shape urgency_of reads."""
    return CaseRow(
        id=d.id, reference=d.reference, received_on=d.received_on, requester_name="",
        postcode="", city="", types=d.types, status=d.status, promise_on=d.promise_on,
        post_by_on=d.post_by_on, legal_due_on=d.legal_due_on, extended_due_on=d.extended_due_on,
        effective_due_on=d.effective_due_on, paused=d.paused, assigned_to=d.assigned_to,
        version=d.version,
    )  # fmt: skip
