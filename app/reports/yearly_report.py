"""The yearly (period) report as a PDF in Dutch or English: board summary, then the detail."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from app.core.dates import format_date
from app.core.enums import (
    CASE_STATUS_LABEL,
    REQUEST_TYPE_ARTICLE,
    REQUEST_TYPE_LABEL,
    CaseStatus,
    RequestType,
)
from app.core.outcomes import REFUSAL_GROUND_LABEL
from app.core.statistics import format_days, format_share, share
from app.reports.chain_check import ChainCheck, chain_block
from app.reports.pdf_common import (
    ACCENT,
    ACCENT_LIGHT,
    BOLD,
    FRAME_WIDTH,
    HEADER_BG,
    INK,
    MUTED,
    REGULAR,
    RULE,
    Styles,
    build_pdf,
    data_table,
    make_styles,
    para,
)
from app.reports.yearly_figures import YearlyFigures
from app.reports.yearly_texts import MONTH_ABBR, OUTCOME_LABEL, T

_OUTCOME_ORDER: Final = tuple(OUTCOME_LABEL["en"])


def _outcome_order(code: str) -> tuple[int, str]:
    known = list(_OUTCOME_ORDER)
    return (known.index(code), code) if code in known else (len(known), code)


@dataclass(frozen=True)
class ReportContext:
    organisation: str
    promise_weeks: int
    lang: str


def _type_label(code: str, lang: str) -> str:
    try:
        return REQUEST_TYPE_LABEL[lang][RequestType(code)]
    except ValueError:
        return code


def _status_label(code: str, lang: str) -> str:
    try:
        return CASE_STATUS_LABEL[lang][CaseStatus(code)]
    except ValueError:
        return code


def _article(code: str) -> str:
    try:
        return str(REQUEST_TYPE_ARTICLE[RequestType(code)])
    except ValueError:
        return ""


def _int(value: int, lang: str) -> str:
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "nl" else text


def _tiles(f: YearlyFigures, ctx: ReportContext, s: Styles) -> Table:
    """Key figures as tiles, three per row; every tile of a row has the same height."""
    t, lang, weeks = T[ctx.lang], ctx.lang, ctx.promise_weeks
    items = [
        (_int(f.total, lang), t["total"]),
        (format_share(f.within_promise_pct, lang), t["within_promise"].format(weeks=weeks)),
        (format_share(f.within_legal_pct, lang), t["within_legal"]),
        (format_days(f.median_days, lang), t["median"]),
        (format_days(f.p90_days, lang), t["p90"]),
        (_int(f.overdue_now, lang), t["overdue"]),
        (_int(f.answered, lang), t["answered"]),
        (_int(f.open_now, lang), t["open"]),
        (_int(f.extensions, lang), t["extensions"]),
        (_int(f.paused_cases, lang), t["paused"]),
        (_int(f.refusals, lang), t["refusals"]),
        (_int(f.withdrawn, lang), t["withdrawn"]),
    ]
    per_row, gap = 3, 4 * mm
    width = (FRAME_WIDTH - gap * (per_row - 1)) / per_row
    grid: list[list[Any]] = []
    heights: list[float | None] = []
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]
    for i in range(0, len(items), per_row):
        if grid:
            grid.append([""] * (2 * per_row - 1))  # the gap between two rows of tiles
            heights.append(gap)
        row: list[Any] = []
        for value, label in items[i : i + per_row]:
            if row:
                row.append("")
            row.append([para(value, s.figure), para(label, s.figure_label)])
        for col in range(0, 2 * per_row - 1, 2):
            commands.append(("BACKGROUND", (col, len(grid)), (col, len(grid)), HEADER_BG))
        grid.append(row)
        heights.append(None)
    widths = [width if c % 2 == 0 else gap for c in range(2 * per_row - 1)]
    table = Table(grid, colWidths=widths, rowHeights=heights, spaceBefore=5 * mm, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _fmt_date(d: date, lang: str) -> str:
    return format_date(d, lang)


def _is_full_year(f: YearlyFigures) -> bool:
    return (f.period_start, f.period_end) == (
        date(f.period_start.year, 1, 1),
        date(f.period_start.year, 12, 31),
    )


def _month_label(key: str, lang: str, with_year: bool) -> str:
    year, month = key.split("-")
    label = MONTH_ABBR[lang][int(month) - 1]
    return f"{label} {year[2:]}" if with_year else label


def _bar_chart(labels: Sequence[str], values: Sequence[int], height: float = 52 * mm) -> Drawing:
    """Vertical bars with the count above each bar; fonts are the embedded report fonts."""
    drawing = Drawing(FRAME_WIDTH, height, initialFontName=REGULAR)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 9 * mm
    chart.width, chart.height = FRAME_WIDTH - 16 * mm, height - 15 * mm
    chart.data = [list(values) or [0]]
    chart.categoryAxis.categoryNames = list(labels) or [""]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.valueMin = 0
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.visibleGrid = True
    top = max(values) if values else 0
    chart.valueAxis.valueMax = max(1, int(top * 1.15) + 1)
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 6.5
    chart.barLabels.fillColor = INK
    chart.barLabels.nudge = 5
    drawing.add(chart)
    return drawing


def _hbar_chart(labels: Sequence[str], values: Sequence[int]) -> Drawing:
    height = max(22 * mm, 7 * mm * len(labels) + 8 * mm)
    drawing = Drawing(FRAME_WIDTH, height, initialFontName=REGULAR)
    chart = HorizontalBarChart()
    chart.x, chart.y = 34 * mm, 4 * mm
    chart.width, chart.height = FRAME_WIDTH - 48 * mm, height - 8 * mm
    chart.data = [list(reversed(values)) or [0]]
    chart.categoryAxis.categoryNames = list(reversed(labels)) or [""]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.visible = False
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(1, max(values) if values else 1)
    chart.bars[0].fillColor = ACCENT_LIGHT
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = BOLD
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def _summary(f: YearlyFigures, ctx: ReportContext, s: Styles) -> list[Flowable]:
    t, lang = T[ctx.lang], ctx.lang
    start, end = _fmt_date(f.period_start, lang), _fmt_date(f.period_end, lang)
    title = (
        t["title_year"].format(year=f.period_start.year)
        if _is_full_year(f)
        else t["title_period"].format(start=start, end=end)
    )
    story: list[Flowable] = [
        para(title, s.title),
        Spacer(0, 1.5 * mm),
        para(
            t["subtitle"].format(
                org=ctx.organisation, start=start, end=end, today=_fmt_date(f.today, lang)
            ),
            s.subtitle,
        ),
        _tiles(f, ctx, s),
        para(t["in_brief"], s.h1),
    ]
    if f.total == 0:
        story.append(para(t["none"], s.body))
    else:
        brief = t["brief"].format(
            start=start,
            end=end,
            org=ctx.organisation,
            total=_int(f.total, lang),
            answered=_int(f.answered, lang),
            promise=format_share(f.within_promise_pct, lang),
            weeks=ctx.promise_weeks,
            legal=format_share(f.within_legal_pct, lang),
            median=format_days(f.median_days, lang),
            p90=format_days(f.p90_days, lang),
            today=_fmt_date(f.today, lang),
            open=_int(f.open_now, lang),
            overdue=_int(f.overdue_now, lang),
        )
        story.append(para(brief, s.body))
    labels = [_type_label(x.code, lang) for x in f.per_type]
    if labels:
        story += [para(t["per_type"], s.h1), _hbar_chart(labels, [x.requests for x in f.per_type])]
    story += [Spacer(0, 4 * mm), para(t["no_personal"], s.small)]
    return story


def _pct(part: int, whole: int, lang: str) -> str:
    return format_share(share(part, whole), lang)


def _detail(f: YearlyFigures, ctx: ReportContext, s: Styles) -> list[Flowable]:
    t, lang = T[ctx.lang], ctx.lang
    story: list[Flowable] = [para(t["per_type"], s.h1)]
    type_rows = [
        [
            _type_label(x.code, lang),
            _article(x.code),
            _int(x.requests, lang),
            _int(x.answered, lang),
            _pct(x.within_promise, x.answered, lang),
            _pct(x.within_legal, x.answered, lang),
        ]
        for x in f.per_type
    ]
    widths = [44 * mm, 18 * mm, 22 * mm, 24 * mm, 33 * mm, FRAME_WIDTH - 141 * mm]
    header = [
        t["type"],
        t["article"],
        t["requests"],
        t["answered"].capitalize(),
        t["share_promise"],
        t["share_legal"],
    ]
    story.append(data_table(header, type_rows, s, widths, right_align_from=1))

    with_year = f.period_start.year != f.period_end.year
    months = [_month_label(k, lang, with_year) for k, _ in f.per_month]
    story.append(
        KeepTogether([para(t["per_month"], s.h1), _bar_chart(months, [n for _, n in f.per_month])])
    )

    answered_total = sum(n for _, n in f.day_buckets)
    bucket_rows = [
        [label, _int(n, lang), _pct(n, answered_total, lang)] for label, n in f.day_buckets
    ]
    story.append(
        KeepTogether(
            [
                para(t["days"], s.h1),
                _bar_chart(
                    [label for label, _ in f.day_buckets],
                    [n for _, n in f.day_buckets],
                    height=44 * mm,
                ),
                data_table(
                    [t["days_col"], t["count"], t["share"]],
                    bucket_rows,
                    s,
                    [40 * mm, 30 * mm, 30 * mm],
                    right_align_from=1,
                ),
            ]
        )
    )

    story += _outcomes(f, ctx, s)

    story.append(para(t["systems"], s.h1))
    if f.systems:
        system_rows = [
            [x.system, _int(x.searches, lang), _int(x.failed, lang), _int(x.findings, lang)]
            for x in f.systems
        ]
        story.append(
            data_table(
                [t["system"], t["searches"], t["failed"], t["findings"]],
                system_rows,
                s,
                [70 * mm, 30 * mm, 30 * mm, 30 * mm],
                right_align_from=1,
            )
        )
    else:
        story.append(para(t["no_systems"], s.body))

    story.append(para(t["changes"], s.h1))
    if f.changes:
        story.append(_changes_table(f, ctx, s))
    else:
        story.append(para(t["no_changes"], s.body))

    status_rows = [[_status_label(status, lang), _int(n, lang)] for status, n in f.per_status]
    story.append(
        KeepTogether(
            [
                para(t["status"], s.h1),
                data_table(
                    ["Status", t["count"]], status_rows, s, [50 * mm, 30 * mm], right_align_from=1
                ),
            ]
        )
    )
    story += [para(t["definitions"], s.h1), para(t["def_text"], s.body)]
    return story


def _outcome_label(code: str, lang: str) -> str:
    return OUTCOME_LABEL[lang].get(code, code)


def _outcomes(f: YearlyFigures, ctx: ReportContext, s: Styles) -> list[Flowable]:
    """Outcomes per type as a pivot (type x outcome), then the refusals and their grounds."""
    t, lang = T[ctx.lang], ctx.lang
    codes = sorted({o for _, o, _ in f.outcomes}, key=_outcome_order)
    grid: dict[str, dict[str, int]] = defaultdict(dict)
    for code, outcome, n in f.outcomes:
        grid[code][outcome] = n
    rows = [
        [_type_label(code, lang), *(_int(counts.get(o, 0), lang) for o in codes)]
        for code, counts in grid.items()
    ]
    rest = (FRAME_WIDTH - 40 * mm) / max(1, len(codes))
    header = [t["type"], *(_outcome_label(o, lang) for o in codes)]
    story: list[Flowable] = [
        KeepTogether(
            [
                para(t["outcomes"], s.h1),
                data_table(header, rows, s, [40 * mm, *([rest] * len(codes))], right_align_from=1),
            ]
        )
    ]
    if not f.refusal_grounds:
        story.append(para(t["no_refusals"], s.body))
        return story
    rows = [
        [REFUSAL_GROUND_LABEL[lang].get(ground, ground), _int(n, lang)]
        for ground, n in f.refusal_grounds
    ]
    story += [
        Spacer(0, 3 * mm),
        para(t["refusal_note"].format(n=_int(f.refusals, lang)), s.body),
        data_table(
            [t["ground"], t["requests"]],
            rows,
            s,
            [FRAME_WIDTH - 30 * mm, 30 * mm],
            right_align_from=1,
        ),
    ]
    return story


def _changes_table(f: YearlyFigures, ctx: ReportContext, s: Styles) -> Table:
    t, lang = T[ctx.lang], ctx.lang
    outcomes = sorted({o for _, _, o, _ in f.changes})
    grouped: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for op, system, outcome, n in f.changes:
        grouped[(op, system)][outcome] = n
    rows = [
        [t.get(op, op), system, *(_int(counts.get(o, 0), lang) for o in outcomes)]
        for (op, system), counts in sorted(grouped.items())
    ]
    rest = (FRAME_WIDTH - 80 * mm) / max(1, len(outcomes))
    return data_table(
        [t["operation"], t["system"], *outcomes],
        rows,
        s,
        [30 * mm, 50 * mm, *([rest] * len(outcomes))],
        right_align_from=2,
    )


def render_yearly_pdf(
    figures: YearlyFigures,
    *,
    organisation: str,
    promise_weeks: int,
    lang: str,
    chain: ChainCheck | None = None,
) -> bytes:
    """The report as PDF bytes: page 1 is the summary for the board, the detail follows."""
    if lang not in T:
        raise ValueError(f"unsupported report language {lang!r}")
    ctx = ReportContext(organisation, promise_weeks, lang)
    s = make_styles()
    story = [*_summary(figures, ctx, s), PageBreak(), *_detail(figures, ctx, s)]
    if chain is not None:

        def t(key: str, **values: str) -> str:
            return T[lang][key].format(**values)

        story += chain_block(chain, t, s, 42 * mm)
    start, end = _fmt_date(figures.period_start, lang), _fmt_date(figures.period_end, lang)
    title = T[lang]["footer"].format(org=organisation, start=start, end=end)
    return build_pdf(story, title=title, footer_left=title, lang=lang)


__all__ = ["ReportContext", "render_yearly_pdf"]
