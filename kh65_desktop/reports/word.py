"""The same report as an editable Word file (python-docx), for the touch-ups before signing.

Laid out as the PDF is (reportlab, `pdf.py`): the same margins, column widths, sizes and
leading, so Word or LibreOffice breaks the pages about where the PDF does. Tables and
paragraphs are written as WordprocessingML directly (one parse per table): python-docx's
cell-by-cell API is slow on a report of thousands of rows, and it cannot say what matters
here anyway (a fixed column grid, rows kept whole, header rows repeated, rules that do not
narrow the text they underline)."""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml.etree import _Element
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from . import fonts
from .document import Align, Column, Heading, Letterhead, Paragraph, Part, Picture, Report, Row, nfc
from .document import Table as ReportTable
from .pdf import (
    BODY,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    TABLE_SIZE,
    TEXT_WIDTH,
    LetterheadBlock,
)

LANGUAGE = "vi-VN"  # Word checks the spelling in Vietnamese, not every word as wrong English
MM = 72 / 25.4  # points in a millimetre
CELL_PADDING = 3  # points around a table cell's text, as pdf.py's _PADDING (and reportlab's
# default top and bottom padding)
RULE_WEIGHT = 6  # eighths of a point: Word's 3/4 pt line (the PDF draws 0,6 pt)
_W = nsdecls("w")
_JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right"}


def _tw(points: float) -> int:
    """Twentieths of a point (twips), Word's unit for lengths."""
    return round(points * 20)


def _width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """The printed width in points, measured with the report's font (same metrics as Times)."""
    face = fonts.FAMILY + {
        (False, False): "",
        (True, False): "-bold",
        (False, True): "-italic",
    }.get((bold, italic), "-bolditalic")
    return stringWidth(nfc(text), face, size)


@dataclass(frozen=True)
class Look:
    """How a paragraph is set; lengths in points."""

    size: float = BODY
    bold: bool = False
    italic: bool = False
    align: str = "left"  # w:jc: left, center, right, both (justified)
    before: float = 0
    after: float = 0
    leading: float = 0  # at least this much from line to line; 0: single
    first: float = 0  # first-line indent; negative hangs
    left: float = 0
    right: float = 0
    keep_next: bool = False


def _run_properties(look: Look) -> str:
    size = round(look.size * 2)
    return (
        "<w:rPr>"
        + ("<w:b/>" if look.bold else "")
        + ("<w:i/>" if look.italic else "")
        + f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    )


def _paragraph_properties(look: Look, extra: str = "", exact: float = 0) -> str:
    spacing = f'<w:spacing w:before="{_tw(look.before)}" w:after="{_tw(look.after)}"'
    if exact:
        spacing += f' w:line="{_tw(exact)}" w:lineRule="exact"/>'
    elif look.leading:
        spacing += f' w:line="{_tw(look.leading)}" w:lineRule="atLeast"/>'
    else:
        spacing += ' w:line="240" w:lineRule="auto"/>'
    indent = ""
    if look.first or look.left or look.right:
        first = (
            f'w:hanging="{_tw(-look.first)}"'
            if look.first < 0
            else f'w:firstLine="{_tw(look.first)}"'
        )
        indent = f'<w:ind w:left="{_tw(look.left)}" w:right="{_tw(look.right)}" {first}/>'
    return (
        "<w:pPr>"
        + ("<w:keepNext/>" if look.keep_next else "")
        + extra
        + spacing
        + indent
        + f'<w:jc w:val="{look.align}"/>'
        + _run_properties(look)
        + "</w:pPr>"
    )


def _run(text: str, look: Look) -> str:
    """The text as a run; a line break in the text is a line break in Word."""
    lines = (f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in nfc(text).split("\n"))
    return f"<w:r>{_run_properties(look)}{'<w:br/>'.join(lines)}</w:r>"


def _p(text: str, look: Look) -> str:
    return f"<w:p>{_paragraph_properties(look)}{_run(text, look) if text else ''}</w:p>"


def _space(height: float, keep_next: bool = False) -> str:
    """An empty paragraph exactly `height` points tall (the PDF's Spacer)."""
    look = Look(size=1, keep_next=keep_next)
    return f"<w:p>{_paragraph_properties(look, exact=height)}</w:p>"


def _rule(length: float, room: float, keep_next: bool = False) -> str:
    """A solid line `length` points long, centred in `room`: the bottom border of an empty
    paragraph indented to the line's length, so the text above keeps its full width."""
    side = max(0.0, (room - length) / 2)
    look = Look(size=1, left=side, right=side, keep_next=keep_next)
    border = (
        f'<w:pBdr><w:bottom w:val="single" w:sz="{RULE_WEIGHT}" w:space="0" '
        'w:color="000000"/></w:pBdr>'
    )
    return f"<w:p>{_paragraph_properties(look, border, exact=4)}</w:p>"


# -- tables -------------------------------------------------------------------------------
def _borders(kind: str) -> str:
    edges = "".join(
        f'<w:{edge} w:val="{kind}" w:sz="4" w:space="0" w:color="000000"/>'
        if kind == "single"
        else f'<w:{edge} w:val="nil"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return f"<w:tblBorders>{edges}</w:tblBorders>"


def _table_start(
    widths: list[float], grid: bool, centred: bool, padding: float, padding_y: float = 0
) -> str:
    """A table of fixed column widths (points): Word and LibreOffice keep them as given
    instead of fitting the columns to their contents."""
    total = sum(_tw(w) for w in widths)
    sides = (("top", padding_y), ("left", padding), ("bottom", padding_y), ("right", padding))
    margins = "".join(f'<w:{side} w:w="{_tw(pad)}" w:type="dxa"/>' for side, pad in sides)
    return (
        f"<w:tbl {_W}><w:tblPr>"
        f'<w:tblW w:w="{total}" w:type="dxa"/>'
        + (
            '<w:jc w:val="center"/>'
            if centred
            else '<w:jc w:val="left"/><w:tblInd w:w="0" w:type="dxa"/>'
        )
        + _borders("single" if grid else "nil")
        + '<w:tblLayout w:type="fixed"/>'
        + f"<w:tblCellMar>{margins}</w:tblCellMar>"
        + '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        + "</w:tblPr><w:tblGrid>"
        + "".join(f'<w:gridCol w:w="{_tw(w)}"/>' for w in widths)
        + "</w:tblGrid>"
    )


def _cell(width: float, content: str, span: int = 1, shade: bool = False, top: bool = False) -> str:
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{_tw(width)}" w:type="dxa"/>'
        + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
        + ('<w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/>' if shade else "")
        + f'<w:vAlign w:val="{"top" if top else "center"}"/></w:tcPr>{content}</w:tc>'
    )


def _row(cells: str, header: bool = False) -> str:
    """A row kept whole on one page (cantSplit); a header row repeats on every page."""
    return (
        f"<w:tr><w:trPr><w:cantSplit/>{'<w:tblHeader/>' if header else ''}</w:trPr>{cells}</w:tr>"
    )


_CELL = Look(size=TABLE_SIZE, leading=TABLE_SIZE * 1.2)


def _report_table(table: ReportTable) -> str:
    """The report's table: its columns' own widths, a header row on every page, rows never
    split, a group row kept with the row under it."""
    columns: list[Column] = table.columns
    widths = [c.width_mm * MM for c in columns]
    head = replace(_CELL, bold=True, align="center", keep_next=True)
    parts = [_table_start(widths, True, True, CELL_PADDING, CELL_PADDING)]
    parts.append(
        _row(
            "".join(
                _cell(w, _p(c.title, head), shade=True)
                for c, w in zip(columns, widths, strict=True)
            ),
            header=True,
        )
    )
    looks = {a: replace(_CELL, align=_JC[a]) for a in Align}
    totals = {a: replace(look, bold=True) for a, look in looks.items()}
    group = replace(_CELL, bold=True, keep_next=True)
    for row in table.rows:
        parts.append(
            _row(
                _group_cells(row, widths, group)
                if row.group
                else _cells(row, widths, columns, totals if row.total else looks)
            )
        )
    parts.append("</w:tbl>")
    return "".join(parts)


def _group_cells(row: Row, widths: list[float], look: Look) -> str:
    if len(widths) < 2:
        return _cell(widths[0], _p(" ".join(row.cells), look))
    code, title = row.cells[0], row.cells[1] if len(row.cells) > 1 else ""
    return _cell(widths[0], _p(code, replace(look, align="center"))) + _cell(
        sum(widths[1:]), _p(title, look), span=len(widths) - 1
    )


def _cells(row: Row, widths: list[float], columns: list[Column], looks: dict[Align, Look]) -> str:
    return "".join(
        _cell(w, _p(value, looks[c.align]))
        for value, w, c in zip(row.cells, widths, columns, strict=True)
    )


# -- the document's parts -----------------------------------------------------------------
class _Writer:
    """Appends to the body of a python-docx document, in order, before its section."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.section = document.element.body.get_or_add_sectPr()

    def add(self, xml: str) -> _Element:
        element = parse_xml(xml if xml.startswith(f"<w:tbl {_W}") else _wrap(xml))
        self.section.addprevious(element)
        return element

    def add_all(self, *xml: str) -> None:
        for item in xml:
            self.add(item)

    def last_paragraph(self) -> DocxParagraph | None:
        previous = self.section.getprevious()
        if previous is None or previous.tag != qn("w:p"):
            return None
        return DocxParagraph(previous, self.document._body)  # type: ignore[arg-type]


def _wrap(paragraph: str) -> str:
    """A lone <w:p> with the namespace declared, for parse_xml."""
    return paragraph.replace("<w:p>", f"<w:p {_W}>", 1)


def _letterhead(writer: _Writer, head: Letterhead) -> None:
    """Two columns in a borderless table of fixed widths, as pdf.LetterheadBlock draws them:
    the issuing body with a short rule under it; the national title and the motto with a
    rule as long as the motto; then the number and the place and date on one line."""
    left_w, right_w = LetterheadBlock.LEFT_W, TEXT_WIDTH - LetterheadBlock.LEFT_W
    line = Look(size=13, align="center", leading=13 * 1.2)
    left = [_p(head.parent_body.upper(), line)] if head.parent_body else []
    bold = fonts.FAMILY + "-bold"
    issuing = [  # a name too long for the column broken here, so the rule can fit its lines
        part
        for text in nfc(head.issuing_body.upper()).split("\n")
        for part in simpleSplit(text, bold, 13, left_w) or [""]
    ]
    left += [_p(t, replace(line, bold=True)) for t in issuing]
    left.append(_rule(max(_width(t, 13, bold=True) for t in issuing) / 3, left_w))
    motto = "Độc lập - Tự do - Hạnh phúc"
    right = [
        _p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", replace(line, size=12, bold=True)),
        _p(motto, replace(line, bold=True)),
        _rule(_width(motto, 13, bold=True), right_w),
    ]
    dated = replace(line, before=14)
    writer.add(
        _table_start([left_w, right_w], grid=False, centred=False, padding=0)
        + _row(_cell(left_w, "".join(left), top=True) + _cell(right_w, "".join(right), top=True))
        + _row(
            _cell(left_w, _p(head.number_line, dated), top=True)
            + _cell(right_w, _p(head.place_date, replace(dated, italic=True)), top=True)
        )
        + "</w:tbl>"
    )
    writer.add(_space(11 * MM))  # the PDF's letterhead block is 34 mm tall


def _title(writer: _Writer, head: Letterhead) -> None:
    """Type and subject centred, the subject's rule a third of its length centred under it,
    then "Kính gửi:" with the recipients aligned after it (pdf._title's two columns)."""
    title = Look(bold=True, align="center", leading=BODY * 1.2, keep_next=True)
    subject_width = min(_width(head.subject, BODY, bold=True), TEXT_WIDTH)
    writer.add_all(
        _space(6 * MM),
        _p(head.document_type, title),
        _p(head.subject, title),
        _rule(subject_width / 3, TEXT_WIDTH),
        _space(4 * MM),
    )
    recipients = head.recipients
    if not recipients:
        return
    if len(recipients) == 1:
        lines = [f"{recipients[0]}."]
    else:
        last = len(recipients) - 1
        lines = [f"- {r}{'.' if i == last else ';'}" for i, r in enumerate(recipients)]
    label = "Kính gửi: "
    start = (TEXT_WIDTH - 130 * MM) / 2 + 30 * MM + 2  # where pdf._title's second column starts
    to = Look(left=start, leading=BODY * 1.2)
    writer.add(_p(label + lines[0], replace(to, first=-_width(label, BODY))))
    writer.add_all(*(_p(line, to) for line in lines[1:]), _space(4 * MM))


def _heading(writer: _Writer, part: Heading) -> None:
    look = Look(bold=True, before=6, after=6, leading=BODY * 1.2, keep_next=True)
    writer.add(_p(part.text.upper() if part.level == 1 else part.text, look))


def _text(writer: _Writer, part: Paragraph) -> None:
    look = Look(align="both", after=6, leading=BODY * 1.3, first=10 * MM if part.indent else 0)
    writer.add(_p(part.text, look))


def _table(writer: _Writer, part: ReportTable) -> None:
    writer.add(_report_table(part))
    writer.add(_space(4 * MM))


def _picture(writer: _Writer, part: Picture) -> None:
    width = Mm(min(part.width_mm, TEXT_WIDTH / MM))
    writer.document.add_picture(str(part.path), width=width)
    picture = writer.document.inline_shapes[-1]
    tallest = Mm(297 - 40 - 25)  # a tall chart fits a page, as in the PDF
    if picture.height > tallest:
        picture.width = int(picture.width * tallest / picture.height)
        picture.height = tallest
    placed = writer.last_paragraph()
    if placed is not None:
        placed.alignment = WD_ALIGN_PARAGRAPH.CENTER
        placed.paragraph_format.keep_with_next = bool(part.caption)
    if part.caption:
        writer.add(_p(part.caption, Look(size=12, italic=True, align="center", after=6)))


# Each kind of part and how it is written; a new kind in document.Part needs its entry here
# (tests/test_word_render.py checks that every one has one).
RENDERERS: dict[type, Callable[[_Writer, typing.Any], None]] = {
    Heading: _heading,
    Paragraph: _text,
    ReportTable: _table,
    Picture: _picture,
}


def _render(writer: _Writer, part: Part) -> None:
    for kind in type(part).__mro__:
        if kind in RENDERERS:
            RENDERERS[kind](writer, part)
            return
    raise TypeError(f"word.py cannot write a {type(part).__name__}: add it to RENDERERS")


def _signature(writer: _Writer, head: Letterhead) -> None:
    """ "Nơi nhận" on the left, the signing block on the right, level with it; kept on one
    page with the paragraph before it ("./."), as pdf._signature keeps them together."""
    closing = writer.last_paragraph()
    if closing is not None:
        closing.paragraph_format.keep_with_next = True
    left_w = 75 * MM
    right_w = TEXT_WIDTH - left_w
    copies = [_p("Nơi nhận:", Look(size=12, bold=True, italic=True, leading=12 * 1.2))]
    for i, line in enumerate(head.copies_to):
        end = "." if i == len(head.copies_to) - 1 else ";"
        copies.append(_p(f"- {line}{end}", Look(size=11, leading=13)))
    signer = Look(bold=True, align="center", leading=BODY * 1.2)
    signing = [
        _p(head.authority.upper(), signer),
        _p(head.signer_title.upper(), signer),
        _p(head.signer_name or " ", replace(signer, before=25 * MM)),  # room to sign and seal
    ]
    writer.add(_space(6 * MM, keep_next=True))
    writer.add(
        _table_start([left_w, right_w], grid=False, centred=False, padding=0)
        + _row(
            _cell(left_w, "".join(copies), top=True) + _cell(right_w, "".join(signing), top=True)
        )
        + "</w:tbl>"
    )
    writer.add(_space(1))  # Word ends a document with a paragraph, not a table


def _page_numbers(document: DocxDocument) -> None:
    """A PAGE field, 13 pt, centred in the top margin of every page but the first."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header_distance = Mm(8)
    header = section.header._element
    for old in list(header):
        header.remove(old)
    look = Look(size=13, align="center")
    properties = _run_properties(look)
    header.append(
        parse_xml(
            f"<w:p {_W}>{_paragraph_properties(look)}"
            f'<w:r>{properties}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{properties}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'<w:r>{properties}<w:fldChar w:fldCharType="separate"/></w:r>'
            f"<w:r>{properties}<w:t>2</w:t></w:r>"
            f'<w:r>{properties}<w:fldChar w:fldCharType="end"/></w:r></w:p>'
        )
    )


def _defaults(document: DocxDocument) -> None:
    """Times New Roman 14 pt, single spacing, no space after, in Vietnamese: the document
    defaults and the Normal style, so that text a clerk adds looks like the rest."""
    name = fonts.find_fonts().name
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        styles.remove(defaults)
    fonts_xml = f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'
    language = f'<w:lang w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}" w:bidi="ar-SA"/>'
    size = round(BODY * 2)
    styles.insert(
        0,
        parse_xml(
            f"<w:docDefaults {_W}><w:rPrDefault><w:rPr>{fonts_xml}"
            f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>{language}</w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
            "</w:pPr></w:pPrDefault></w:docDefaults>"
        ),
    )
    normal = document.styles["Normal"].element
    old = normal.find(qn("w:rPr"))
    if old is not None:
        normal.remove(old)
    normal.append(
        parse_xml(
            f'<w:rPr {_W}>{fonts_xml}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
            f"{language}</w:rPr>"
        )
    )
    for part in document.part.package.iter_parts():  # Word 2010's copy of the styles
        if str(part.partname).endswith("/stylesWithEffects.xml"):
            part._blob = part.blob.replace(b'"en-US"', f'"{LANGUAGE}"'.encode())
    document.core_properties.language = LANGUAGE


def render_docx(report: Report, path: Path) -> Path:
    """Write the report as a .docx in the same form as the PDF."""
    fonts.register()  # its metrics measure the rules and the indent after "Kính gửi:"
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP / MM), Mm(MARGIN_BOTTOM / MM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT / MM), Mm(MARGIN_RIGHT / MM)
    _defaults(document)
    _page_numbers(document)
    head = report.letterhead
    document.core_properties.title = nfc(head.subject)[:255]  # Word's limit for a property
    writer = _Writer(document)
    _letterhead(writer, head)
    _title(writer, head)
    for part in report.parts:
        _render(writer, part)
    _signature(writer, head)
    document.save(str(path))
    return path
