"""A PDF's text layer as paragraphs: lines broken by the page width joined again, running
page numbers dropped. A PDF without a text layer (a scan) is refused: reading it would need
OCR, and the Word file is at hand in the office that issued it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .text import SEND_WORD, DocumentError, Piece, Progress

# A line that starts a new item: "I.", "1.", "a)", "đ)", "-", "+", "•", "Điều 2", "Phụ lục".
_ITEM = re.compile(
    r"^(?:[IVXL]+\.\s|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s|[-+•–*]\s|Điều \d|Phụ lục|PHỤ LỤC|"
    r"Nơi nhận|TM\.|KT\.)"
)
_SENTENCE_END = re.compile(r"[.:;!?]$|[.:;!?][”\")]$")
_PAGE_NUMBER = re.compile(r"^(?:[-–]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–])?$")


@dataclass
class _Line:
    text: str
    page: int
    left: float  # x of the first character
    top: float  # y of the line's first character (PDF: up is larger)
    height: float


def pdf_pieces(name: str, raw: bytes, progress: Progress | None = None) -> list[Piece]:
    lines = list(_lines(name, raw, progress))
    if not any(line.text for line in lines):
        raise DocumentError(
            f"Tệp {name} là bản quét (ảnh chụp các trang), không có lớp chữ để đọc. {SEND_WORD}, "
            "hoặc bản PDF được lưu trực tiếp từ Word (không phải bản quét)."
        )
    return list(_paragraphs(lines))


def _lines(name: str, raw: bytes, progress: Progress | None) -> Iterator[_Line]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise DocumentError(
                f"Tệp {name} được đặt mật khẩu nên không đọc được. Hãy xin bản không đặt mật "
                f"khẩu. {SEND_WORD}."
            ) from error
        raise DocumentError(
            f"Tệp {name} bị hỏng hoặc không phải tệp PDF nên không mở được. Hãy xin bản khác. "
            f"{SEND_WORD}."
        ) from error
    try:
        total = len(pdf)
        for number in range(total):
            page = pdf[number]
            textpage = page.get_textpage()
            try:
                yield from _page_lines(textpage, number + 1)
            finally:
                textpage.close()
                page.close()
            if progress:
                progress(number + 1, total)
    finally:
        pdf.close()


def _page_lines(textpage: object, page: int) -> Iterator[_Line]:
    """The page's lines with the position of each line's first character, running page
    numbers (a number alone as the first or last line) left out."""
    text = textpage.get_text_range()  # type: ignore[attr-defined]
    lines: list[_Line] = []
    index = 0
    for part in text.split("\n"):
        line = part.rstrip("\r")
        stripped = line.strip()
        if stripped:
            first = index + (len(line) - len(line.lstrip()))
            try:
                left, bottom, _right, top = textpage.get_charbox(first)  # type: ignore[attr-defined]
            except Exception:  # a character pdfium cannot place: position unknown
                left, bottom, top = 0.0, 0.0, 0.0
            lines.append(_Line(stripped, page, left, top, max(top - bottom, 0.0)))
        index += len(part) + 1
    while lines and _PAGE_NUMBER.match(lines[-1].text):
        lines.pop()
    while lines and _PAGE_NUMBER.match(lines[0].text):
        lines.pop(0)
    yield from lines


def _paragraphs(lines: list[_Line]) -> Iterator[Piece]:
    """Join a line to the one before unless that one ends a sentence, this one starts an
    item, or the layout says a new paragraph begins (a wider gap above, or an indent)."""
    spacing = _usual_spacing(lines)
    margin: dict[int, float] = {}
    for line in lines:
        margin[line.page] = min(margin.get(line.page, line.left), line.left)
    current: list[str] = []
    page = lines[0].page if lines else None
    previous: _Line | None = None
    for line in lines:
        if previous is None or _starts_paragraph(previous, line, spacing, margin):
            if current:
                yield Piece(" ".join(current), page=page)
            current, page = [], line.page
        current.append(line.text)
        previous = line
    if current:
        yield Piece(" ".join(current), page=page)


def _starts_paragraph(
    previous: _Line, line: _Line, spacing: float | None, margin: dict[int, float]
) -> bool:
    if _SENTENCE_END.search(previous.text) or _ITEM.match(line.text):
        return True
    if line.page == previous.page and spacing:
        gap = previous.top - line.top
        if gap > spacing * 1.35 or gap < 0:  # a blank line's worth, or a new column
            return True
    return line.left > margin[line.page] + 12 and line.left > previous.left + 6  # an indent


def _usual_spacing(lines: list[_Line]) -> float | None:
    """The most common distance between consecutive lines on a page: the line spacing."""
    gaps = [
        round(a.top - b.top, 1)
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and a.top - b.top > 0
    ]
    if not gaps:
        return None
    return max(set(gaps), key=gaps.count)
