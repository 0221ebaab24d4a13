"""The same report as an editable Word file (python-docx), for the touch-ups before signing."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from . import fonts
from .document import Align, Heading, Letterhead, Paragraph, Picture, Report, Table, nfc

_ALIGN = {
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
}
TEXT_WIDTH_MM = 165


def _run(
    paragraph: DocxParagraph, text: str, size: float = 14, bold: bool = False, italic: bool = False
) -> None:
    run = paragraph.add_run(nfc(text))
    run.font.size, run.bold, run.italic = Pt(size), bold, italic


def _line(
    container,
    text: str,
    size: float = 14,
    bold: bool = False,  # type: ignore[no-untyped-def]
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
) -> DocxParagraph:
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    _run(paragraph, text, size, bold, italic)
    return paragraph


def _rule(paragraph: DocxParagraph, width_mm: float, column_mm: float) -> None:
    """A solid line under a paragraph, `width_mm` long and centred in its column."""
    side = max(0.0, (column_mm - width_mm) / 2)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _no_borders(table) -> None:  # type: ignore[no-untyped-def]
    table.style = None
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _letterhead(document, head: Letterhead) -> None:  # type: ignore[no-untyped-def]
    table = document.add_table(rows=2, cols=2)
    _no_borders(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.width, right.width = Mm(70), Mm(95)
    left.paragraphs[0].text = ""
    if head.parent_body:
        _run(left.paragraphs[0], head.parent_body.upper(), 13)
        left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    issuing = head.issuing_body.upper().split("\n")
    last = None
    for line in issuing:
        last = _line(left, line, 13, bold=True)
    if last is not None:
        width = len(issuing[-1]) * 2.6  # about 2,6 mm a capital at 13 pt
        _rule(last, width / 3, 70)
    _run(right.paragraphs[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _rule(_line(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True), 62, 95)
    number, place = table.cell(1, 0), table.cell(1, 1)
    _run(number.paragraphs[0], head.number_line, 13)
    number.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(place.paragraphs[0], head.place_date, 13, italic=True)
    place.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _title(document, head: Letterhead) -> None:  # type: ignore[no-untyped-def]
    document.add_paragraph()
    _line(document, head.document_type, 14, bold=True)
    subject = _line(document, head.subject, 14, bold=True)
    _rule(subject, min(len(head.subject) * 2.4, TEXT_WIDTH_MM) / 3, TEXT_WIDTH_MM)
    if not head.recipients:
        return
    if len(head.recipients) == 1:
        _line(document, f"Kính gửi: {head.recipients[0]}.", 14)
    else:
        _line(document, "Kính gửi:", 14)
        for i, name in enumerate(head.recipients):
            end = "." if i == len(head.recipients) - 1 else ";"
            _line(document, f"- {name}{end}", 14)
    document.add_paragraph()


def _table(document, table: Table) -> None:  # type: ignore[no-untyped-def]
    result = document.add_table(rows=1, cols=len(table.columns))
    result.style = "Table Grid"
    result.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = result.rows[0]
    header_properties = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page
    repeat.set(qn("w:val"), "true")
    header_properties.append(repeat)
    for cell, column in zip(header.cells, table.columns, strict=True):
        _cell(cell, column.title, WD_ALIGN_PARAGRAPH.CENTER, bold=True)
        cell.width = Mm(column.width_mm)
    for row in table.rows:
        cells = result.add_row().cells
        if row.group:
            _cell(cells[0], row.cells[0], WD_ALIGN_PARAGRAPH.CENTER, bold=True)
            merged = cells[1].merge(cells[-1])
            _cell(merged, row.cells[1], WD_ALIGN_PARAGRAPH.LEFT, bold=True)
            continue
        for cell, value, column in zip(cells, row.cells, table.columns, strict=True):
            _cell(cell, value, _ALIGN[column.align], bold=row.total)
            cell.width = Mm(column.width_mm)


def _cell(cell: _Cell, text: str, align: WD_ALIGN_PARAGRAPH, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    _run(paragraph, text, 11, bold=bold)


def _signature(document, head: Letterhead) -> None:  # type: ignore[no-untyped-def]
    document.add_paragraph()
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.width, right.width = Mm(75), Mm(90)
    _run(left.paragraphs[0], "Nơi nhận:", 12, bold=True, italic=True)
    for i, line in enumerate(head.copies_to):
        end = "." if i == len(head.copies_to) - 1 else ";"
        _line(left, f"- {line}{end}", 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _run(right.paragraphs[0], head.authority.upper(), 14, bold=True)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _line(right, head.signer_title.upper(), 14, bold=True)
    for _ in range(4):  # room for the signature and the seal
        _line(right, "", 14)
    _line(right, head.signer_name, 14, bold=True)


def _page_numbers(section) -> None:  # type: ignore[no-untyped-def]
    """A PAGE field centred in the header of every page but the first."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    run.font.size = Pt(13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def render_docx(report: Report, path: Path) -> Path:
    """Write the report as a .docx in the same form as the PDF."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(8)
    normal = document.styles["Normal"]
    normal.font.name = fonts.find_fonts().name
    normal.font.size = Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), fonts.find_fonts().name)
    _page_numbers(section)
    head = report.letterhead
    document.core_properties.title = nfc(head.subject)[:255]  # Word's limit for a property
    _letterhead(document, head)
    _title(document, head)
    for part in report.parts:
        if isinstance(part, Heading):
            paragraph = document.add_paragraph()
            _run(paragraph, part.text.upper() if part.level == 1 else part.text, 14, bold=True)
        elif isinstance(part, Paragraph):
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.space_after = Pt(6)
            if part.indent:
                paragraph.paragraph_format.first_line_indent = Mm(10)
            _run(paragraph, part.text, 14)
        elif isinstance(part, Table):
            _table(document, part)
            document.add_paragraph()
        elif isinstance(part, Picture):
            width = Mm(min(part.width_mm, TEXT_WIDTH_MM))
            picture = document.add_picture(str(part.path), width=width)
            if picture.height > Mm(230):  # a tall chart fits a page
                picture.width = int(picture.width * Mm(230) / picture.height)
                picture.height = Mm(230)
            if part.caption:
                _line(document, part.caption, 12, italic=True)
    _signature(document, head)
    document.save(str(path))
    return path
