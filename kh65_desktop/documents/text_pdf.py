"""A PDF's text layer as paragraphs: lines broken by the page width joined again, running
page numbers dropped. A PDF without a text layer (a scan) is refused: reading it would need
OCR, and the Word file is at hand in the office that issued it."""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .text import SEND_WORD, DocumentError, Piece, Progress

# A line that starts a new item: "I.", "1.", "a)", "đ)", "-", "+", "•", "Điều 2", "Phụ lục".
_ITEM = re.compile(
    r"^(?:[IVXL]+\.\s|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s|[-+•–*]\s|Điều \d|Phụ lục|PHỤ LỤC|"
    r"Nơi nhận|TM\.|KT\.|[¹²³⁴⁵⁶⁷⁸⁹]\s)"
)
_SENTENCE_END = re.compile(r"[.:;!?]$|[.:;!?][”\")]$")
_WORD = re.compile(r"\S+")
_PAGE_NUMBER = re.compile(r"^(?:[-–]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–])?$")


@dataclass
class _Line:
    text: str
    page: int
    left: float  # x of the first character
    right: float  # x where the last character ends
    top: float  # y of the line's top (PDF: up is larger)
    height: float
    first_word: float  # the width of its first word: would it have fitted on the line before?
    cells: tuple[str, ...] = ()  # pieces of text with wide gaps between: a table row


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
    """The page's lines with where each starts and ends, split into cells where a gap wider
    than a word space separates the text (a table row); running page numbers (a number
    alone as the first or last line) left out."""
    text = textpage.get_text_range()  # type: ignore[attr-defined]
    charbox = textpage.get_charbox  # type: ignore[attr-defined]

    def box(index: int) -> tuple[float, ...]:
        # The font's box, not the glyph's: the same height for "a" and "Ể", so line tops
        # and gaps compare across lines.
        return charbox(index, loose=True)  # type: ignore[no-any-return]

    lines: list[_Line] = []
    index = 0
    for part in text.split("\n"):
        line = part.rstrip("\r")
        if line.strip():
            lines.append(_line(line, index, box, page))
        index += len(part) + 1
    while lines and _PAGE_NUMBER.match(lines[-1].text):
        lines.pop()
    while lines and _PAGE_NUMBER.match(lines[0].text):
        lines.pop(0)
    yield from lines


def _line(text: str, start: int, box: Callable[[int], tuple[float, ...]], page: int) -> _Line:
    """A line's words with where each starts and ends: the boxes of each word's first and
    last characters (asking for every character's box costs twice the time)."""
    words: list[tuple[str, float, float]] = []  # (word, left, right)
    tops: list[float] = []
    bottoms: list[float] = []
    for match in _WORD.finditer(text):
        x0, y0, x1, y1 = box(start + match.start())
        right = box(start + match.end() - 1)[2] if match.end() - match.start() > 1 else x1
        words.append((match.group(), x0, right))
        tops.append(y1)
        bottoms.append(y0)
    # The median word's: a tall capital ("Ủ") or a superscript does not move the line.
    top, bottom = statistics.median(tops), statistics.median(bottoms)
    height = max(top - bottom, 0.0)
    return _Line(
        " ".join(w for w, _l, _r in words),
        page,
        words[0][1],
        words[-1][2],
        top,
        height,
        words[0][2] - words[0][1],
        _cells(words, height),
    )


def _cells(words: list[tuple[str, float, float]], height: float) -> tuple[str, ...]:
    """A table row's cells: words split where the gap is much wider than a word space. A
    justified line widens every space alike, so evenly wide gaps are not cells."""
    gaps = [b[1] - a[2] for a, b in zip(words, words[1:], strict=False)]
    wide = [g for g in gaps if g > max(height, 1.0) * 1.2]
    if len(wide) < 2 or (len(wide) == len(gaps) and max(wide) < min(wide) * 1.5):
        return ()
    cells: list[list[str]] = [[words[0][0]]]
    for gap, (word, _l, _r) in zip(gaps, words[1:], strict=True):
        if gap > max(height, 1.0) * 1.2:
            cells.append([])
        cells[-1].append(word)
    return tuple(" ".join(c) for c in cells)


def _paragraphs(lines: list[_Line]) -> Iterator[Piece]:
    """Join a line to the one before unless the layout says a paragraph ends there: the line
    before stops short of the right margin, a wider gap or an indent comes before this one,
    or this one starts an item ("1.", "a)", "-", …). A document that shows none of these
    (every line full, evenly spaced) falls back to sentences: a line ending "." or ";"
    ends its paragraph. Lines with wide gaps inside are table rows, kept as rows."""
    layout = _Layout(lines)
    current: list[str] = []
    page: int | None = None
    previous: _Line | None = None
    for line in lines:
        if line.cells:
            if current:
                yield Piece(" ".join(current), page=page)
            current, previous = [], None
            yield Piece("", "table_row", page=line.page, cells=line.cells)
            continue
        if previous is None or layout.starts_paragraph(previous, line):
            if current:
                yield Piece(" ".join(current), page=page)
            current, page = [], line.page
        current.append(line.text)
        previous = line
    if current:
        yield Piece(" ".join(current), page=page)


class _Layout:
    """What a page's geometry says: line spacing, margins, whether paragraphs are marked."""

    def __init__(self, lines: list[_Line]) -> None:
        gaps = [
            round(a.top - b.top, 1)
            for a, b in zip(lines, lines[1:], strict=False)
            if a.page == b.page and a.top - b.top > 0
        ]
        self.spacing = max(set(gaps), key=gaps.count) if gaps else None
        self.left: dict[int, float] = {}
        self.right: dict[int, float] = {}
        rights: dict[int, list[float]] = {}
        for line in lines:
            self.left[line.page] = min(self.left.get(line.page, line.left), line.left)
            if not line.cells:  # a table may reach past the text's margin
                rights.setdefault(line.page, []).append(line.right)
        for page, edges in rights.items():  # the margin most full lines reach
            edges.sort()
            self.right[page] = edges[int(0.9 * (len(edges) - 1))]
        self.marked = any(
            self._gap(a, b) or self._short(a, b) or self._indented(a, b)
            for a, b in zip(lines, lines[1:], strict=False)
            if a.page == b.page
        )

    def _gap(self, previous: _Line, line: _Line) -> bool:
        if line.page != previous.page or not self.spacing:
            return False
        gap = previous.top - line.top
        return gap > self.spacing * 1.25 or gap < 0  # a paragraph's space, or a new column

    def _short(self, line: _Line, following: _Line) -> bool:
        """The line stops where the next line's first word would have fitted."""
        room = self.right.get(line.page, line.right) - line.right
        return room > following.first_word + max(line.height, 6.0) * 0.6

    def _indented(self, previous: _Line, line: _Line) -> bool:
        return line.left > self.left[line.page] + 12 and line.left > previous.left + 6

    def starts_paragraph(self, previous: _Line, line: _Line) -> bool:
        if _ITEM.match(line.text):
            return True
        if self.marked:
            return (
                self._gap(previous, line)
                or self._short(previous, line)
                or self._indented(previous, line)
            )
        return _SENTENCE_END.search(previous.text) is not None
