"""The letter beside the intake form: its page images (zoomable) and its text, with the line a
proposal came from highlighted, on the page image and in the text, while its field has the
focus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageReader,
    QPainter,
    QPen,
    QPixmap,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.reading.page_lines import Box, PageLine, find_line
from app.ui.pdf_preview import render_pages

MAX_PAGES_SHOWN = 10
HIGHLIGHT = QColor("#ffe066")
PAGE_HIGHLIGHT = QColor(255, 200, 0, 90)  # translucent: the line stays readable under it
PAGE_HIGHLIGHT_EDGE = QColor(230, 140, 0, 220)
BOX_MARGIN = 0.004  # of the page: the mark sits just around the line's ink
ZOOM_STEPS = (0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0)  # 1.0: the page fits the view's width


def page_images(path: Path, data: bytes | None = None) -> list[QImage]:
    """The pages of a scan as images: a PDF rendered at 100 dpi, an image (every TIFF page)."""
    if data is None:
        data = path.read_bytes()
    if data.startswith(b"%PDF-"):
        try:
            return render_pages(data, dpi=100)[:MAX_PAGES_SHOWN]
        except ValueError:
            return []
    reader = QImageReader(str(path))
    images: list[QImage] = []
    for _index in range(max(1, reader.imageCount())):
        image = reader.read()
        if image.isNull():
            break
        images.append(image)
        if len(images) >= MAX_PAGES_SHOWN or not reader.jumpToNextImage():
            break
    return images


class LetterView(QWidget):
    """Tabs "Text" and "Scan"; :meth:`highlight` marks a line in the text and, where its position
    on the page is known (:meth:`set_page_lines`), on the page image, scrolled into view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterView")
        self.pages: list[QImage] = []
        self.page_lines: tuple[PageLine, ...] = ()
        self.page_labels: list[QLabel] = []
        self._scaled: list[QPixmap] = []  # each page at the current zoom, unmarked
        self.zoom = 1.0
        self.highlighted = ""
        # The line marked on a page image, and where (in that page label's pixels).
        self.page_highlight: PageLine | None = None
        self.page_highlight_rect: QRect | None = None

        self.text = QPlainTextEdit()
        self.text.setObjectName("letter_view_text")
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Text of the letter"))
        self.text.setPlaceholderText(
            self.tr("The text of the letter appears here when it has been read.")
        )

        self.page_box = QWidget()
        self.page_layout = QVBoxLayout(self.page_box)
        self.page_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_scroll = QScrollArea()
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setWidget(self.page_box)
        self.zoom_out_button = QPushButton(self.tr("Zoom out"))
        self.zoom_out_button.setObjectName("zoom_out")
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_in_button = QPushButton(self.tr("Zoom in"))
        self.zoom_in_button.setObjectName("zoom_in")
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        self.zoom_label = QLabel()
        zoom_row = QHBoxLayout()
        zoom_row.addWidget(self.zoom_out_button)
        zoom_row.addWidget(self.zoom_in_button)
        zoom_row.addWidget(self.zoom_label)
        zoom_row.addStretch(1)
        scan_tab = QWidget()
        scan_layout = QVBoxLayout(scan_tab)
        scan_layout.setContentsMargins(0, 4, 0, 0)
        scan_layout.addLayout(zoom_row)
        scan_layout.addWidget(self.page_scroll, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.text, self.tr("Text"))
        self.tabs.addTab(scan_tab, self.tr("Scan"))
        self.tabs.setTabEnabled(1, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    # ---- content --------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        self.text.setPlainText(text)
        self.highlighted = ""
        self._unmark_page()

    def set_pages(self, pages: list[QImage]) -> None:
        self.pages = pages
        self.page_lines = ()
        self.page_highlight = None
        self.tabs.setTabEnabled(1, bool(pages))
        self._show_pages()

    def set_page_lines(self, lines: tuple[PageLine, ...]) -> None:
        """Where the lines of the text sit on the pages shown (OCR or the PDF's text layer)."""
        self.page_lines = tuple(line for line in lines if line.page < len(self.pages))
        self._unmark_page()

    def show_scan(self) -> None:
        if self.pages:
            self.tabs.setCurrentIndex(1)
            self._show_pages()  # fitted to the width the view has now

    def clear(self) -> None:
        self.set_text("")
        self.set_pages([])

    def step_zoom(self, direction: int) -> None:
        steps = list(ZOOM_STEPS)
        nearest = min(range(len(steps)), key=lambda i: abs(steps[i] - self.zoom))
        self.zoom = steps[max(0, min(len(steps) - 1, nearest + direction))]
        self._show_pages()

    def _show_pages(self) -> None:
        while self.page_layout.count():
            item = self.page_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone at once, not only when the event loop deletes it
                widget.deleteLater()
        self.page_labels = []
        self._scaled = []
        fit = self.page_scroll.viewport().width() - 24
        fit = fit if fit > 150 else 420  # not laid out yet
        for number, image in enumerate(self.pages, 1):
            label = QLabel()
            label.setObjectName(f"page_{number}")
            scaled = image.scaledToWidth(
                max(50, int(fit * self.zoom)), Qt.TransformationMode.SmoothTransformation
            )
            pixmap = QPixmap.fromImage(scaled)
            label.setPixmap(pixmap)
            label.setAccessibleName(self.tr("Page %1 of the scan").replace("%1", str(number)))
            self.page_layout.addWidget(label)
            self.page_labels.append(label)
            self._scaled.append(pixmap)
        if self.page_highlight is not None:  # the same line, at the new zoom
            self._mark_page(self.page_highlight)
        self.zoom_label.setText(f"{round(self.zoom * 100)} %")
        self.zoom_out_button.setEnabled(self.zoom > ZOOM_STEPS[0])
        self.zoom_in_button.setEnabled(self.zoom < ZOOM_STEPS[-1])

    # ---- highlighting ---------------------------------------------------------------------

    def highlight(self, line: str) -> bool:
        """Mark the line that holds ``line`` (a quote) in the text and on the page image;
        False when the text does not hold it. The scan stays in front when it is: the mark on
        the page is scrolled into view."""
        on_page = self._mark_page(find_line(self.page_lines, line)) if line.strip() else False
        return self._mark_text(line, show=not (on_page and self.tabs.currentIndex() == 1))

    def _mark_text(self, line: str, *, show: bool) -> bool:
        self.highlighted = ""
        self.text.setExtraSelections([])
        wanted = " ".join(line.split()).strip("“”\"' …").casefold()
        if not wanted:
            return False
        document = self.text.document()
        block = document.begin()
        while block.isValid():
            plain = " ".join(block.text().split()).casefold()
            if plain and (wanted in plain or (len(plain) > 8 and plain in wanted)):
                selection = QTextEdit.ExtraSelection()
                fmt = QTextCharFormat()
                fmt.setBackground(HIGHLIGHT)
                fmt.setProperty(QTextCharFormat.Property.FullWidthSelection, True)
                selection.format = fmt
                cursor = QTextCursor(block)
                selection.cursor = cursor
                self.text.setExtraSelections([selection])
                self.text.setTextCursor(cursor)
                self.text.centerCursor()
                if show:
                    self.tabs.setCurrentIndex(0)
                self.highlighted = block.text()
                return True
            block = block.next()
        return False

    def _unmark_page(self) -> None:
        if self.page_highlight is not None:
            self.page_highlight = None
            self.page_highlight_rect = None
            for label, pixmap in zip(self.page_labels, self._scaled, strict=True):
                label.setPixmap(pixmap)

    def page_rect(self, page: int, box: Box) -> QRect:
        """``box`` (fractions of page ``page``) in the pixels of that page's label."""
        pixmap = self._scaled[page]
        width, height = pixmap.width(), pixmap.height()
        left = max(0.0, box.left - BOX_MARGIN) * width
        top = max(0.0, box.top - BOX_MARGIN) * height
        right = min(1.0, box.right + BOX_MARGIN) * width
        bottom = min(1.0, box.bottom + BOX_MARGIN) * height
        return QRect(int(left), int(top), max(1, round(right - left)), max(1, round(bottom - top)))

    def _mark_page(self, line: PageLine | None) -> bool:
        """Draw a translucent band over ``line`` on its page and scroll it into view."""
        self._unmark_page()
        if line is None or not 0 <= line.page < len(self.page_labels):
            return False
        rect = self.page_rect(line.page, line.box)
        marked = QPixmap(self._scaled[line.page])
        painter = QPainter(marked)
        painter.setPen(QPen(PAGE_HIGHLIGHT_EDGE, 2))
        painter.setBrush(PAGE_HIGHLIGHT)
        painter.drawRect(rect)
        painter.end()
        label = self.page_labels[line.page]
        label.setPixmap(marked)
        self.page_highlight = line
        self.page_highlight_rect = rect
        self.page_layout.activate()  # the labels' places, before the first paint
        centre = label.pos() + rect.center()
        self.page_scroll.ensureVisible(
            centre.x(), centre.y(), rect.width() // 2 + 20, rect.height() // 2 + 60
        )
        return True
