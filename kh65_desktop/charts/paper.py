"""Progress charts drawn for paper: the report's pictures (services/report_chart.py says what
they show).

Laid out at the size they are printed (165 mm wide, the report's text width) so that every
text is in the report's serif font (reports/fonts.py: Times New Roman, else Liberation
Serif) at 9 pt or more on paper. Names are wrapped, never cut; a chart taller than a page
is split into several pictures, each with its scale and legend, rather than shrunk.
Drawn with QPainter on an image (no window, no pyqtgraph): what is drawn is recorded
(`ChartPage.texts`) so tests read the real labels, fonts and sizes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
)

from ..domain.numbers import format_number
from ..domain.terms import Status
from ..reports.fonts import find_fonts
from ..services.report_chart import ChartEntry, ReportChart, report_chart
from ..services.rows import IndicatorRow
from .export import PRINT_WIDTH_PX
from .offscreen import ensure_app
from .style import STATUS_COLORS, status_text

PRINT_WIDTH_MM = 165.0  # reports/pdf.py TEXT_WIDTH: the picture is printed at this width
MAX_HEIGHT_MM = 215.0  # under the 232 mm a PDF page and the 230 mm a Word page give a picture
MM_PER_PT = 25.4 / 72
LABEL_PT, HEADING_PT, SMALL_PT = 10.0, 10.5, 9.0
LABEL_MM, GAP_MM, VALUE_MM = 70.0, 3.0, 25.0
PAD_MM, BAR_MM = 1.1, 3.6


@dataclass(frozen=True)
class DrawnText:
    """One line of text as drawn: what, in which font, how large on paper, where (mm)."""

    text: str
    family: str
    point_size: float  # at the printed size
    bold: bool
    left_mm: float
    width_mm: float  # the line's own width
    room_mm: float  # the width it had to fit in
    role: str  # "label", "heading", "value", "tick", "axis", "legend", "note"


@dataclass
class ChartPage:
    """One picture of a chart: its file, the indicators on it, what was written on it."""

    path: Path
    codes: list[str] = field(default_factory=list)
    texts: list[DrawnText] = field(default_factory=list)
    width_px: int = 0
    height_px: int = 0


def report_font_family() -> str:
    """The report's serif family, loaded into Qt from the same files the PDF embeds."""
    families: list[str] = []
    for path in find_fonts().files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else "Serif"


class _Painter:
    """Text and shapes in millimetres on an image of the printed width."""

    def __init__(self, family: str, px_per_mm: float) -> None:
        self.family, self.px_per_mm = family, px_per_mm
        self.texts: list[DrawnText] = []
        self.painter: QPainter | None = None

    def font(self, points: float, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(self.family)
        # whole pixels, rounded up: never smaller on paper than asked
        font.setPixelSize(math.ceil(points * MM_PER_PT * self.px_per_mm))
        font.setBold(bold)
        font.setItalic(italic)
        return font

    def points(self, font: QFont) -> float:
        return font.pixelSize() / self.px_per_mm / MM_PER_PT

    def width(self, text: str, font: QFont) -> float:
        return QFontMetricsF(font).horizontalAdvance(text) / self.px_per_mm

    def line_mm(self, font: QFont) -> float:
        return QFontMetricsF(font).lineSpacing() / self.px_per_mm

    def wrap(self, text: str, font: QFont, room: float) -> list[str]:
        """Whole words per line; a word wider than the room alone on its line."""
        lines: list[str] = []
        for word in text.split():
            if lines and self.width(f"{lines[-1]} {word}", font) <= room:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return lines or [""]

    def text(
        self,
        lines: Sequence[str],
        font: QFont,
        left: float,
        top: float,
        room: float,
        role: str,
        right_align: bool = False,
        color: str = "#000000",
    ) -> float:
        """Draw lines from `top`; returns the height used (mm)."""
        step = self.line_mm(font)
        ascent = QFontMetricsF(font).ascent() / self.px_per_mm
        for i, line in enumerate(lines):
            width = self.width(line, font)
            x = left + room - width if right_align else left
            if self.painter is not None:
                self.painter.setFont(font)
                self.painter.setPen(QColor(color))
                self.painter.drawText(self._pt(x, top + i * step + ascent), line)
            else:  # measuring pass: record nothing
                continue
            self.texts.append(
                DrawnText(
                    line,
                    QFontInfo(font).family(),  # the family Qt really drew with
                    self.points(font),
                    font.bold(),
                    x,
                    width,
                    room,
                    role,
                )
            )
        return step * len(lines)

    def _pt(self, x: float, y: float) -> QPointF:
        return QPointF(x * self.px_per_mm, y * self.px_per_mm)

    def rect(self, left: float, top: float, width: float, height: float) -> QRectF:
        s = self.px_per_mm
        return QRectF(left * s, top * s, width * s, height * s)

    def line(self, x1: float, y1: float, x2: float, y2: float, pen: QPen) -> None:
        if self.painter is not None:
            self.painter.setPen(pen)
            self.painter.drawLine(self._pt(x1, y1), self._pt(x2, y2))


@dataclass(frozen=True)
class _Block:
    """A heading or an entry, measured: its wrapped lines and height (mm)."""

    heading: str
    entry: ChartEntry | None
    lines: tuple[str, ...]
    value_lines: tuple[str, ...]
    height: float


class PaperChart:
    """Lays out and draws a ReportChart as one or more pictures."""

    def __init__(self, chart: ReportChart, width_px: int = PRINT_WIDTH_PX) -> None:
        ensure_app()
        self.chart = chart
        self.width_px = width_px
        self.px_per_mm = width_px / PRINT_WIDTH_MM
        self.pen = _Painter(report_font_family(), self.px_per_mm)
        self.label_font = self.pen.font(LABEL_PT)
        self.heading_font = self.pen.font(HEADING_PT, bold=True)
        self.small_font = self.pen.font(SMALL_PT)
        self.italic_font = self.pen.font(SMALL_PT, italic=True)
        self.bar_left = LABEL_MM + GAP_MM
        self.bar_room = PRINT_WIDTH_MM - self.bar_left - GAP_MM - VALUE_MM
        self.value_left = PRINT_WIDTH_MM - VALUE_MM
        percents = [e.percent for e in chart.entries if e.percent is not None]
        top = max([100.0, *percents])
        self.axis_max = min(200.0, math.ceil(top / 25.0) * 25.0)
        self.tick_step = 25.0 if self.axis_max <= 150 else 50.0

    # -- measuring ---------------------------------------------------------------------
    def blocks(self) -> list[_Block]:
        pen, line = self.pen, self.pen.line_mm(self.label_font)
        blocks = []
        for section in self.chart.sections:
            if section.heading:
                lines = pen.wrap(section.heading, self.heading_font, PRINT_WIDTH_MM)
                height = len(lines) * pen.line_mm(self.heading_font) + 2 * PAD_MM
                blocks.append(_Block(section.heading, None, tuple(lines), (), height))
            for entry in section.entries:
                lines = pen.wrap(entry.label, self.label_font, LABEL_MM)
                if entry.percent is not None:  # "86,20%" kept whole, "(văn bản ghi)" below
                    values = [
                        line
                        for part in entry.text.split(" ", 1)
                        for line in pen.wrap(part, self.small_font, VALUE_MM)
                    ]
                else:  # a value instead of a bar: written across the bar's room
                    values = pen.wrap(entry.text, self.italic_font, self.bar_room + VALUE_MM)
                small = pen.line_mm(self.small_font)
                height = max(len(lines) * line, len(values) * small, BAR_MM) + 2 * PAD_MM
                blocks.append(_Block("", entry, tuple(lines), tuple(values), height))
        return blocks

    def footer_height(self, note: bool) -> float:
        pen = self.pen
        height = PAD_MM + pen.line_mm(self.small_font)  # the scale's numbers
        height += len(self._axis_lines()) * pen.line_mm(self.italic_font)
        height += len(self._legend_lines()) * pen.line_mm(self.small_font) + PAD_MM
        if note:
            height += len(self._note_lines()) * pen.line_mm(self.italic_font)
        return height + PAD_MM

    def _axis_lines(self) -> list[str]:
        return self.pen.wrap(self.chart.axis_title, self.italic_font, PRINT_WIDTH_MM)

    def _legend_items(self) -> list[Status]:
        drawn = {e.status for e in self.chart.entries if e.percent is not None}
        return [s for s in Status if s in drawn]

    def _legend_lines(self) -> list[list[Status]]:
        """Statuses, as many per line as fit (a box and the status's name each)."""
        lines: list[list[Status]] = [[]]
        used = 0.0
        for status in self._legend_items():
            width = 5.0 + self.pen.width(status_text(status), self.small_font) + 5.0
            if lines[-1] and used + width > PRINT_WIDTH_MM:
                lines.append([])
                used = 0.0
            lines[-1].append(status)
            used += width
        return [line for line in lines if line] or [[]]

    def _note_lines(self) -> list[str]:
        if not self.chart.missing:
            return []
        note = "Chưa có số liệu, không có trong biểu đồ: " + ", ".join(self.chart.missing) + "."
        return self.pen.wrap(note, self.italic_font, PRINT_WIDTH_MM)

    def pages(self) -> list[list[_Block]]:
        """Blocks per picture: as many as fit under MAX_HEIGHT_MM, a heading never last
        (it goes on with its first entry), a section carried over repeats its heading."""
        room = MAX_HEIGHT_MM - self.footer_height(note=bool(self.chart.missing))
        pages: list[list[_Block]] = [[]]
        used, heading = 0.0, None
        blocks = self.blocks()
        for i, block in enumerate(blocks):
            need = block.height
            if block.entry is None and i + 1 < len(blocks):
                need += blocks[i + 1].height  # kept with its first entry
            if pages[-1] and used + need > room:
                pages.append([])
                used = 0.0
                if block.entry is not None and heading is not None:
                    carried = self._carried(heading)
                    pages[-1].append(carried)
                    used += carried.height
            if block.entry is None:
                heading = block
            pages[-1].append(block)
            used += block.height
        return [p for p in pages if p]

    def _carried(self, heading: _Block) -> _Block:
        text = f"{heading.heading} (tiếp theo)"
        lines = self.pen.wrap(text, self.heading_font, PRINT_WIDTH_MM)
        height = len(lines) * self.pen.line_mm(self.heading_font) + 2 * PAD_MM
        return _Block(text, None, tuple(lines), (), height)

    # -- drawing -----------------------------------------------------------------------
    def render(self, path: Path) -> list[ChartPage]:
        """Write the pictures (path, then path-2.png, …); what each holds."""
        pages = self.pages()
        result = []
        for number, blocks in enumerate(pages, start=1):
            target = path if number == 1 else path.with_name(f"{path.stem}-{number}{path.suffix}")
            result.append(self._draw(blocks, target, last=number == len(pages)))
        return result

    def _x(self, percent: float) -> float:
        return self.bar_left + self.bar_room * min(max(percent, 0.0), self.axis_max) / (
            self.axis_max
        )

    def _draw(self, blocks: list[_Block], path: Path, last: bool) -> ChartPage:
        body = sum(b.height for b in blocks)
        height_mm = body + self.footer_height(note=last and bool(self.chart.missing))
        height_px = math.ceil(height_mm * self.px_per_mm)
        image = QImage(self.width_px, height_px, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        dots = round(self.px_per_mm * 1000)
        image.setDotsPerMeterX(dots)
        image.setDotsPerMeterY(dots)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        pen = self.pen
        pen.painter, pen.texts = painter, []
        page = ChartPage(path, width_px=self.width_px, height_px=height_px)
        grid = QPen(QColor("#d0d0d0"), max(1.0, 0.15 * self.px_per_mm))
        for tick in self._ticks():
            pen.line(self._x(tick), 0, self._x(tick), body, grid)
        top = 0.0
        for block in blocks:
            if block.entry is None:
                painter.fillRect(pen.rect(0, top, PRINT_WIDTH_MM, block.height), QColor("white"))
                pen.text(block.lines, self.heading_font, 0, top + PAD_MM, PRINT_WIDTH_MM, "heading")
            else:
                self._entry(block, top)
                page.codes.append(block.entry.code)
            top += block.height
        hundred = QPen(QColor("#202020"), max(1.0, 0.3 * self.px_per_mm), Qt.PenStyle.DashLine)
        pen.line(self._x(100), 0, self._x(100), body, hundred)
        self._footer(body, last)
        painter.end()
        pen.painter = None
        image.save(str(path))
        page.texts = pen.texts
        return page

    def _ticks(self) -> list[float]:
        count = int(self.axis_max / self.tick_step)
        return [i * self.tick_step for i in range(count + 1)]

    def _entry(self, block: _Block, top: float) -> None:
        entry, pen = block.entry, self.pen
        assert entry is not None and pen.painter is not None
        pen.text(block.lines, self.label_font, 0, top + PAD_MM, LABEL_MM, "label")
        middle = top + block.height / 2
        if entry.percent is None:  # on white: the 100% line passes behind the words
            widest = max(pen.width(line, self.italic_font) for line in block.value_lines)
            lines_mm = len(block.value_lines) * pen.line_mm(self.italic_font)
            backdrop = pen.rect(self.bar_left, top + PAD_MM, widest, lines_mm)
            pen.painter.fillRect(backdrop, QColor("white"))
            pen.text(
                block.value_lines,
                self.italic_font,
                self.bar_left,
                top + PAD_MM,
                self.bar_room + VALUE_MM,
                "value",
                color="#303030",
            )
            return
        color = QColor(STATUS_COLORS[entry.status])
        bar = pen.rect(
            self.bar_left, middle - BAR_MM / 2, self._x(entry.percent) - self.bar_left, BAR_MM
        )
        if entry.stated:  # the document's figure, not computed: hatched
            pen.painter.fillRect(bar, QColor("white"))
            pen.painter.fillRect(bar, _hatch(color))
            pen.painter.setPen(QPen(color, max(1.0, 0.2 * self.px_per_mm)))
            pen.painter.drawRect(bar)
        else:
            pen.painter.fillRect(bar, color)
        if entry.percent > self.axis_max:  # beyond the scale: a break in the bar
            x = self._x(self.axis_max) - 2.0
            white = QPen(QColor("white"), max(1.0, 0.5 * self.px_per_mm))
            pen.line(x, middle - BAR_MM, x + 1.0, middle + BAR_MM, white)
        if entry.expected is not None:
            tick = QPen(QColor("#202020"), max(1.0, 0.45 * self.px_per_mm))
            x = self._x(entry.expected)
            pen.line(x, middle - BAR_MM * 0.8, x, middle + BAR_MM * 0.8, tick)
        lines = block.value_lines
        value_top = middle - len(lines) * pen.line_mm(self.small_font) / 2
        pen.text(lines, self.small_font, self.value_left, value_top, VALUE_MM, "value", True)

    def _footer(self, top: float, last: bool) -> None:
        pen = self.pen
        assert pen.painter is not None
        axis = QPen(QColor("#202020"), max(1.0, 0.2 * self.px_per_mm))
        pen.line(self.bar_left, top, self.bar_left + self.bar_room, top, axis)
        y = top + PAD_MM * 0.5
        for tick in self._ticks():
            label = f"{format_number(tick)}%"
            width = pen.width(label, self.small_font)
            left = min(max(self._x(tick) - width / 2, 0), PRINT_WIDTH_MM - width)
            pen.text([label], self.small_font, left, y, width, "tick")
        y += pen.line_mm(self.small_font)
        y += pen.text(self._axis_lines(), self.italic_font, 0, y, PRINT_WIDTH_MM, "axis")
        y += PAD_MM
        for statuses in self._legend_lines():
            x = 0.0
            for status in statuses:
                box = pen.rect(x, y + 0.8, 3.5, 3.0)
                pen.painter.fillRect(box, QColor(STATUS_COLORS[status]))
                name = status_text(status)
                pen.text(
                    [name], self.small_font, x + 5.0, y, pen.width(name, self.small_font), "legend"
                )
                x += 5.0 + pen.width(name, self.small_font) + 5.0
            y += pen.line_mm(self.small_font)
        if last and self.chart.missing:
            pen.text(self._note_lines(), self.italic_font, 0, y, PRINT_WIDTH_MM, "note")


def _hatch(color: QColor) -> QBrush:
    """A diagonal hatch in the status colour: a stated figure, not computed."""
    return QBrush(color, Qt.BrushStyle.BDiagPattern)


def render_report_chart(
    rows: list[IndicatorRow], path: Path, by_agency: bool, width_px: int = PRINT_WIDTH_PX
) -> list[ChartPage]:
    """The report's progress chart of `rows`, as one or more pictures."""
    return PaperChart(report_chart(rows, by_agency), width_px).render(path)


def report_chart_images(rows: list[IndicatorRow], path: Path, by_agency: bool) -> list[Path]:
    """The pictures' files, for the report builder (ReportOptions.chart_renderer)."""
    return [page.path for page in render_report_chart(rows, path, by_agency)]
