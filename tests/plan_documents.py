"""Plan documents made in code, shared by the tests and benchmarks/plan_reader.py: plan 65's
text as .txt, as a Word file with real headings and a real table, as an A4 PDF whose lines
wrap (so the PDF reader must join them again), and a Word file whose indicators sit in an
appendix table."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from kh65_desktop.resources import resource_path

PLAN65_TEXT = resource_path("source", "KH-65-UBND-2024.txt")

_SECTION = re.compile(r"^[IVX]+\. ")
_GROUP = re.compile(r"^\d+\. \S")
_MARKUP = re.compile(r"(\*\*|\*)(.+?)\1")


def plan65_text() -> str:
    return PLAN65_TEXT.read_text(encoding="utf-8")


def _chunks(text: str) -> list[str | list[list[str]]]:
    """Lines, with runs of tab-separated lines (blank lines between allowed) as one table."""
    out: list[str | list[list[str]]] = []
    table: list[list[str]] | None = None
    for line in text.replace("\r\n", "\n").split("\n"):
        if "\t" in line:
            if table is None:
                table = []
                out.append(table)
            table.append(line.split("\t"))
        elif line.strip() == "" and table is not None:
            continue
        else:
            table = None
            out.append(line)
    return out


def _runs(line: str) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) parts of a line with Markdown emphasis; a "**" left open at the
    end of a line (the signature block) is dropped."""
    parts: list[tuple[str, bool, bool]] = []
    position = 0
    for match in _MARKUP.finditer(line):
        parts.append((line[position : match.start()], False, False))
        parts.append((match[2], match[1] == "**", match[1] == "*"))
        position = match.end()
    parts.append((line[position:], False, False))
    return [(t.replace("**", ""), b, i) for t, b, i in parts if t.replace("**", "")]


def write_txt(text: str, path: Path) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def write_docx(text: str, path: Path, appendix: Sequence[Sequence[str]] = ()) -> Path:
    """Each line a paragraph ("I." and "1." lines as headings, emphasis as bold or italic
    runs), tab-separated lines as a Word table, `appendix` rows as a table at the end."""
    import docx

    document = docx.Document()
    for chunk in _chunks(text):
        if isinstance(chunk, list):
            _table(document, chunk)
            continue
        if not chunk.strip():
            continue
        if _SECTION.match(chunk):
            paragraph = document.add_heading(level=1)
        elif _GROUP.match(chunk):
            paragraph = document.add_heading(level=2)
        else:
            paragraph = document.add_paragraph()
        for part, bold, italic in _runs(chunk):
            run = paragraph.add_run(part)
            run.bold, run.italic = bold or None, italic or None
    if appendix:
        document.add_page_break()
        document.add_paragraph("Phụ lục")
        _table(document, [list(row) for row in appendix])
    document.save(path)
    return path


def _table(document: object, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value


def write_pdf(text: str, path: Path) -> Path:
    """A4, the reports' Vietnamese font, paragraphs wrapped to the page width, tables as
    tables, a page number at the foot of every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from kh65_desktop.reports.fonts import register

    family = register()
    body = ParagraphStyle("body", fontName=family, fontSize=13, leading=16, spaceAfter=6)
    heading = ParagraphStyle("heading", parent=body, fontName=f"{family}-bold")
    flow: list[object] = []
    for chunk in _chunks(text):
        if isinstance(chunk, list):
            width = max(len(r) for r in chunk)
            rows = [r + [""] * (width - len(r)) for r in chunk]
            table = Table(rows, repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                        ("FONT", (0, 0), (-1, -1), family, 8.5),
                    ]
                )
            )
            flow += [table, Spacer(1, 8)]
            continue
        if not chunk.strip():
            continue
        chunk = chunk.replace("⁽", "").replace("⁾", "")  # glyphs the report font lacks
        markup = "".join(
            f"<b>{escape(t)}</b>" if b else f"<i>{escape(t)}</i>" if i else escape(t)
            for t, b, i in _runs(chunk)
        )
        style = heading if _SECTION.match(chunk) or _GROUP.match(chunk) else body
        flow.append(Paragraph(markup, style))

    def page_number(canvas: object, doc: object) -> None:
        canvas.setFont(family, 11)  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, str(doc.page))  # type: ignore[attr-defined]

    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=3 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )
    document.build(flow, onFirstPage=page_number, onLaterPages=page_number)
    return path


def appendix_rows(
    indicators: Sequence[dict[str, str]], year: int, header: Sequence[str] | None = None
) -> list[list[str]]:
    """An appendix table as resolutions print it: STT, chỉ tiêu, đơn vị, kế hoạch năm,
    cơ quan chủ trì."""
    rows = [
        list(
            header or ("STT", "Chỉ tiêu", "Đơn vị tính", f"Kế hoạch năm {year}", "Cơ quan chủ trì")
        )
    ]
    for number, item in enumerate(indicators, 1):
        rows.append([str(number), item["name"], item["unit"], item["target"], item["lead"]])
    return rows


def long_document(sections: int, text: str | None = None) -> str:
    """A long plan made by repeating plan 65's groups with figures and years varied, for the
    200-page benchmark (each copy differs so nothing can be cached by text)."""
    base = text or plan65_text()
    parts = []
    for copy in range(sections):
        shifted = re.sub(
            r"(?<![\d.,/])(\d{2,3}),(\d{2})(?!\d)",
            lambda m, c=copy: f"{m[1]},{(int(m[2]) + c) % 100:02d}",
            base,
        )
        parts.append(shifted.replace("năm 2024", f"năm {2024 + copy % 3}"))
    return "\n\n".join(parts)


VARIANTS = Path(__file__).parent / "fixtures" / "plan_variants"
# Variants given to the reader as a Word file (their tables as Word tables); others as .txt.
WORD_VARIANTS = {"ben-tre-2025-nghi-quyet"}


def variant_names() -> list[str]:
    return sorted(p.stem for p in VARIANTS.glob("*.toml"))


def variant_document(name: str, folder: Path) -> Path:
    """The variant's document as the reader gets it: its text, or a Word file built from it."""
    text = (VARIANTS / f"{name}.txt").read_text(encoding="utf-8")
    if name in WORD_VARIANTS:
        return write_docx(text, folder / f"{name}.docx")
    return write_txt(text, folder / f"{name}.txt")
