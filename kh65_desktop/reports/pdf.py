"""The report as an A4 PDF laid out by Decree 30/2020/NĐ-CP (see docs: official-format)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as P
from reportlab.platypus import Table as T

from . import fonts
from .document import Align, Heading, Letterhead, Paragraph, Picture, Report, Table, nfc
from .plain_text import PlainParagraph

MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
TEXT_WIDTH = A4[0] - MARGIN_LEFT - MARGIN_RIGHT  # 165 mm
BODY, TABLE_SIZE = 14, 11
SIGNING_WIDTH = TEXT_WIDTH - 75 * mm  # the signing block's column, right of "Nơi nhận"
_ALIGN = {Align.LEFT: TA_LEFT, Align.CENTER: TA_CENTER, Align.RIGHT: TA_RIGHT}


def _style(
    name: str,
    size: float = BODY,
    bold: bool = False,
    italic: bool = False,
    align: int = TA_LEFT,
    **extra: Any,
) -> ParagraphStyle:
    face = (
        fonts.FAMILY
        + {
            (False, False): "",
            (True, False): "-bold",
            (False, True): "-italic",
            (True, True): "-bolditalic",
        }[(bold, italic)]
    )
    extra.setdefault("leading", size * 1.2)
    return ParagraphStyle(name, fontName=face, fontSize=size, alignment=align, **extra)


# Superscript marks ("ban hành⁽¹⁾"): the serif fonts lack "⁽" and "⁾", so a run of them is
# drawn as ordinary characters raised and smaller (<super>), which every font can do.
_SUPERSCRIPT = str.maketrans("⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹", "()0123456789")
_SUPERSCRIPT_RUN = re.compile("[⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹]+")


# A word that may be wider than the text (a link, a code): Paragraph cuts it, plain text cannot.
_LONG_WORD = re.compile(r"\S{50}")


def _text(text: str) -> str:
    """Escaped, precomposed, line breaks kept, superscript marks raised."""
    marked = escape(nfc(text)).replace("\n", "<br/>")
    return _SUPERSCRIPT_RUN.sub(lambda m: f"<super>{m[0].translate(_SUPERSCRIPT)}</super>", marked)


class LetterheadBlock(Flowable):
    """The two-column header: issuing body with its short rule, national title and motto
    with its full rule, then the number and the place and date on one line."""

    LEFT_W, RIGHT_W = 70 * mm, TEXT_WIDTH - 70 * mm

    def __init__(self, letterhead: Letterhead) -> None:
        super().__init__()
        self.head = letterhead
        self.lines_left = [nfc(self.head.parent_body.upper())] if self.head.parent_body else []
        self.bold_left = [  # a name too long for its column broken inside it (as word.py)
            part
            for text in nfc(self.head.issuing_body.upper()).split("\n")
            for part in simpleSplit(text, fonts.FAMILY + "-bold", 13, self.LEFT_W) or [""]
        ]
        lines = len(self.lines_left) + len(self.bold_left)
        self.height = max(34 * mm, (5 + 5.5 * lines + 12) * mm)  # room for the number line

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return TEXT_WIDTH, self.height

    def draw(self) -> None:
        c, top = self.canv, self.height
        left_x, right_x = self.LEFT_W / 2, self.LEFT_W + self.RIGHT_W / 2
        y = top - 5 * mm
        for line in self.lines_left:
            self._centered(line, left_x, y, 13)
            y -= 5.5 * mm
        for line in self.bold_left:
            self._centered(line, left_x, y, 13, bold=True)
            y -= 5.5 * mm
        rule = max(stringWidth(t, fonts.FAMILY + "-bold", 13) for t in self.bold_left) / 3
        c.setLineWidth(0.6)
        c.line(left_x - rule / 2, y + 3 * mm, left_x + rule / 2, y + 3 * mm)
        title = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        motto = "Độc lập - Tự do - Hạnh phúc"
        self._centered(title, right_x, top - 5 * mm, 12, bold=True)
        self._centered(motto, right_x, top - 10.5 * mm, 13, bold=True)
        motto_width = stringWidth(motto, fonts.FAMILY + "-bold", 13)
        c.line(right_x - motto_width / 2, top - 12 * mm, right_x + motto_width / 2, top - 12 * mm)
        line_y = min(y - 3.5 * mm, top - 22 * mm)  # clear of the rule
        self._centered(nfc(self.head.number_line), left_x, line_y, 13)
        self._centered(nfc(self.head.place_date), right_x, line_y, 13, italic=True)

    def _centered(
        self, text: str, x: float, y: float, size: float, bold: bool = False, italic: bool = False
    ) -> None:
        face = fonts.FAMILY + ("-bold" if bold else "") + ("-italic" if italic else "")
        if bold and italic:
            face = fonts.FAMILY + "-bolditalic"
        self.canv.setFont(face, size)
        self.canv.drawCentredString(x, y, text)


class CentredRule(Flowable):
    """A short solid line under the subject (one third of the text width)."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.rule = width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width  # centred where the subject is centred: in the frame
        return available_width, 4

    def draw(self) -> None:
        self.canv.setLineWidth(0.6)
        middle = self.width / 2
        self.canv.line(middle - self.rule / 2, 3, middle + self.rule / 2, 3)


def _longest_line(text: str, font: str) -> float:
    """The width of the subject's longest line as it is set (a third of it is the rule)."""
    lines = simpleSplit(nfc(text), font, BODY, TEXT_WIDTH)
    return max((stringWidth(line, font, BODY) for line in lines), default=0.0)


def _title(head: Letterhead) -> list[Flowable]:
    subject = _style("subject", bold=True, align=TA_CENTER)
    parts: list[Flowable] = [
        Spacer(1, 6 * mm),
        P(_text(head.document_type), _style("type", bold=True, align=TA_CENTER)),
        P(_text(head.subject), subject),
        CentredRule(_longest_line(head.subject, subject.fontName) / 3),
        Spacer(1, 4 * mm),
    ]
    recipients = head.recipients
    if recipients:
        if len(recipients) == 1:
            lines = [f"{recipients[0]}."]
        else:
            lines = [
                f"- {r}{'.' if i == len(recipients) - 1 else ';'}" for i, r in enumerate(recipients)
            ]
        body = _style("to")
        cell = [P(_text(line), body) for line in lines]
        table = T(
            [[P("Kính gửi:", _style("to-label", align=TA_RIGHT)), cell]],
            colWidths=[30 * mm, 100 * mm],
        )
        table.setStyle(
            TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2)])
        )
        parts += [table, Spacer(1, 4 * mm)]
    return parts


CHUNK_ROWS = 60  # a long table is laid out in parts (reportlab splits one huge table slowly)
_PADDING = 3


ROW_LINES = 45  # a cell's lines per table row: a taller row would not fit on a page


def _cell(value: str, width: float, style: ParagraphStyle) -> str | list[str] | Flowable:
    """A plain string, broken into lines here where it must wrap: reportlab's Table draws
    plain lines several times faster than Paragraphs, the same on paper (a 121-page report
    has over 3.000 wrapped names). A text too long for one page comes as its lines, which
    `_rows` spreads over several rows."""
    text, room = nfc(value), width - 2 * _PADDING
    if _SUPERSCRIPT_RUN.search(text):
        return P(_text(value), style)  # raised marks need the Paragraph's markup
    if "\n" not in text and stringWidth(text, style.fontName, TABLE_SIZE) <= room:
        return text  # most cells: a figure or a short word
    lines: list[str] = []
    for part in text.split("\n"):
        lines += _wrapped(part, style.fontName, room)
    wide = any(stringWidth(line, style.fontName, TABLE_SIZE) > room for line in lines)
    if len(lines) <= ROW_LINES:
        return P(_text(value), style) if wide else "\n".join(lines)  # a wide word: split
    return [piece for line in lines for piece in _broken(line, style.fontName, room)]


def _wrapped(text: str, font: str, room: float) -> list[str]:
    """Lines broken at spaces; a word wider than the cell also after its slashes
    ("giường/" "vạn dân"), never inside a word."""
    lines = simpleSplit(text, font, TABLE_SIZE, room) or [""]
    if "/" not in text or all(stringWidth(x, font, TABLE_SIZE) <= room for x in lines):
        return lines
    pieces = [(p, i > 0) for word in text.split() for i, p in enumerate(_slash_parts(word))]
    lines, line = [], ""
    for piece, glued in pieces:  # glued: continues the word before it, no space between
        trial = line + piece if glued or not line else f"{line} {piece}"
        if line and stringWidth(trial, font, TABLE_SIZE) > room:
            lines.append(line)
            line = piece
        else:
            line = trial
    return [*lines, line]


def _slash_parts(word: str) -> list[str]:
    """ "giường/vạn" -> ["giường/", "vạn"]."""
    parts = word.split("/")
    return [p + "/" for p in parts[:-1]] + [parts[-1]] if len(parts) > 1 else [word]


def _broken(line: str, font: str, room: float) -> list[str]:
    """A line no wider than the cell, cut between characters if it must be."""
    if stringWidth(line, font, TABLE_SIZE) <= room:
        return [line]
    pieces, current = [], ""
    for char in line:
        if current and stringWidth(current + char, font, TABLE_SIZE) > room:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current]


def _rows(cells: list[Any]) -> list[list[Any]]:
    """One table row, or several when a cell has more lines than a page holds: the text
    continues in the next row, so a row never has to be taller than a page."""
    tallest = max((len(c) for c in cells if isinstance(c, list)), default=1)
    rows = []
    for start in range(0, max(tallest, 1), ROW_LINES):
        rows.append(
            [
                "\n".join(c[start : start + ROW_LINES])
                if isinstance(c, list)
                else (c if start == 0 else "")
                for c in cells
            ]
        )
    return rows


def _table(table: Table) -> list[Flowable]:
    """The table in parts of about CHUNK_ROWS rows, each starting at a group row with its own
    header, which also repeats on every page."""
    parts, chunk = [], [0]
    for index, row in enumerate(table.rows):
        if row.group and index - chunk[-1] >= CHUNK_ROWS:
            chunk.append(index)
    chunk.append(len(table.rows))
    for start, end in zip(chunk, chunk[1:], strict=False):
        parts.append(_table_part(table, table.rows[start:end]))
    return parts


def _table_part(table: Table, rows: list) -> T:  # type: ignore[type-arg]
    head = _style("th", TABLE_SIZE, bold=True, align=TA_CENTER)
    styles = {a: _style(f"td-{a}", TABLE_SIZE, align=_ALIGN[a]) for a in Align}
    bold = {a: _style(f"tt-{a}", TABLE_SIZE, bold=True, align=_ALIGN[a]) for a in Align}
    group = _style("tg", TABLE_SIZE, bold=True)
    widths = [c.width_mm * mm for c in table.columns]
    data: list[list[Any]] = [[P(_text(c.title), head) for c in table.columns]]
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
        ("FONT", (0, 1), (-1, -1), fonts.FAMILY, TABLE_SIZE, TABLE_SIZE * 1.2),
    ]
    for position, column in enumerate(table.columns):
        commands.append(("ALIGN", (position, 1), (position, -1), column.align.value.upper()))
    groups: list[int] = []
    for row in rows:
        index = len(data)
        if row.group:
            data.append(
                [P(_text(row.cells[0]), group), P(_text(row.cells[1]), group)]
                + [""] * (len(table.columns) - 2)
            )
            commands.append(("SPAN", (1, index), (-1, index)))
            groups.append(index)
            continue
        chosen = bold if row.total else styles
        cells = [
            _cell(value, width, chosen[column.align])
            for value, width, column in zip(row.cells, widths, table.columns, strict=True)
        ]
        data += _rows(cells)
        if row.total:
            last = len(data) - 1
            commands.append(("FONT", (0, index), (-1, last), fonts.FAMILY + "-bold", TABLE_SIZE))
    for index in groups:  # a group row is kept with its first row
        if index + 1 < len(data):
            commands.append(("NOSPLIT", (0, index), (-1, index + 1)))
    result = T(data, colWidths=widths, repeatRows=1, splitInRow=0)  # rows kept whole
    result.setStyle(TableStyle(commands))
    return result


@dataclass(frozen=True)
class SignatureBlock:
    """Where the signature and seal go: the room left between the signer's title and name
    on the page the signing block fell on (page counted from 0; PDF points from the page's
    bottom left). reports/signing.py places the visible signature here."""

    page: int
    box: tuple[float, float, float, float]  # x0, y0, x1, y1


class _SignatureRoom(Spacer):
    """The blank space for the signature and seal; it notes where it was drawn."""

    def __init__(self, width: float, height: float, found: list[SignatureBlock]) -> None:
        super().__init__(width, height)
        self.found = found

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        self.found.append(
            SignatureBlock(self.canv.getPageNumber() - 1, (x, y, x + self.width, y + self.height))
        )


def _signature(head: Letterhead, closing: Flowable, found: list[SignatureBlock]) -> Flowable:
    copies = [P("<i><b>Nơi nhận:</b></i>", _style("cc-title", 12))]
    for i, line in enumerate(head.copies_to):
        end = "." if i == len(head.copies_to) - 1 else ";"
        copies.append(P(_text(f"- {line}{end}"), _style("cc", 11, leading=13)))
    signer = _style("sign", bold=True, align=TA_CENTER)
    signing = [
        P(_text(head.authority.upper()), signer),
        P(_text(head.signer_title.upper()), signer),
        _SignatureRoom(SIGNING_WIDTH, 25 * mm, found),
        P(_text(head.signer_name or " "), signer),
    ]
    table = T([[copies, signing]], colWidths=[75 * mm, SIGNING_WIDTH])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return KeepTogether([closing, Spacer(1, 6 * mm), table])


class _WithTableStart(Flowable):
    """Headings and a lead-in kept with the start of the table after them: they go to the
    next page only when not even the table's header and first row fit under them, so a
    long table still starts on the page where its heading is (KeepTogether would move
    the whole table, leaving the page half empty)."""

    def __init__(self, lead: list[Flowable], table: T) -> None:
        super().__init__()
        self.lead, self.table = lead, table

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, available_height + 1  # always placed through split()

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        at_top = frame is None or getattr(frame, "_atTop", False)
        height = sum(
            f.wrap(available_width, available_height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
            for f in self.lead
        )
        room = available_height - height
        if at_top or room > 0 and self.table.split(available_width, room):
            return [*self.lead, self.table]
        return []  # nothing of the table fits under them: all of it on the next page


def _kept(story: list[tuple[Flowable, bool]]) -> list[Flowable]:
    """Flowables marked to stay with what follows (headings, a lead-in ending in ":") are
    put together with it: a heading is never the last line of a page."""
    result: list[Flowable] = []
    lead: list[Flowable] = []
    for flowable, keep in story:
        if keep:
            lead.append(flowable)
            continue
        if not lead:
            result.append(flowable)
        elif isinstance(flowable, T):
            result.append(_WithTableStart(lead, flowable))
        else:
            result.append(KeepTogether([*lead, flowable]))
        lead = []
    return result + lead


def _body(report: Report) -> list[Flowable]:
    text = _style(
        "body", align=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6, leading=BODY * 1.3
    )
    plain = _style("plain", align=TA_JUSTIFY, spaceAfter=6, leading=BODY * 1.3)
    story: list[tuple[Flowable, bool]] = []
    for part in report.parts:
        if isinstance(part, Heading):
            heading = _style(f"h{part.level}", bold=True, spaceBefore=6, spaceAfter=6)
            shown = part.text.upper() if part.level == 1 else part.text
            story.append((P(_text(shown), heading), True))
        elif isinstance(part, Paragraph):
            lead_in = part.text.rstrip().endswith(":")
            style = text if part.indent else plain
            shown = nfc(part.text)
            if "\n" in shown or _SUPERSCRIPT_RUN.search(shown) or _LONG_WORD.search(shown):
                story.append((P(_text(part.text), style), lead_in))  # markup, or a word to cut
            else:
                story.append((PlainParagraph(shown, style), lead_in))
        elif isinstance(part, Table):
            story += [(t, False) for t in _table(part)]
            story.append((Spacer(1, 4 * mm), False))
        elif isinstance(part, Picture):
            image = Image(str(part.path))
            fit_height = A4[1] - MARGIN_TOP - MARGIN_BOTTOM - 25 * mm  # a tall chart fits a page
            scale = min(
                min(part.width_mm * mm, TEXT_WIDTH) / image.imageWidth,
                fit_height / image.imageHeight,
            )
            image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
            if part.caption:
                caption = P(
                    _text(part.caption),
                    _style("caption", 12, italic=True, align=TA_CENTER, spaceAfter=6),
                )
                story.append((KeepTogether([image, caption]), False))
            else:
                story.append((image, False))
    return _kept(story)


def _page_number(canvas: Any, doc: Any) -> None:
    """From page 2: the number, upright, centred over the text in the top margin."""
    canvas.saveState()
    canvas.setFont(fonts.FAMILY, 13)
    canvas.drawCentredString(
        MARGIN_LEFT + TEXT_WIDTH / 2, A4[1] - MARGIN_TOP / 2 - 4, str(doc.page)
    )
    canvas.restoreState()


def render_pdf(report: Report, path: Path) -> Path:
    """Write the report as an A4 PDF with embedded fonts."""
    render_signable_pdf(report, path)
    return path


def render_signable_pdf(report: Report, path: Path) -> SignatureBlock:
    """Write the report as render_pdf does and say where its signature block is."""
    fonts.register()
    head = report.letterhead
    document = BaseDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=nfc(head.subject),
        author=nfc(head.issuing_body.replace("\n", " ")),
        subject=nfc(head.document_type),
    )
    # The text starts at the margins themselves: a frame's default 6 pt padding would put
    # all of it 2 mm right of and below the margins Decree 30 sets.
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        TEXT_WIDTH,
        A4[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates(
        [
            PageTemplate("first", [frame], autoNextPageTemplate="later"),
            PageTemplate("later", [frame], onPage=_page_number),
        ]
    )
    found: list[SignatureBlock] = []
    body = _body(report)
    closing = body.pop() if body else Spacer(1, 1)  # "./." never sits alone above the signature
    story: list[Flowable] = [
        LetterheadBlock(head),
        *_title(head),
        *body,
        _signature(head, closing, found),
    ]
    document.build(story)
    return found[-1]  # a KeepTogether that moved is drawn only once, where it stayed
