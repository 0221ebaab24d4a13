"""A body paragraph of plain text, laid out without reportlab's markup machinery.

A province report of a large plan has a thousand generated sentences; reportlab's Paragraph
parses markup and keeps fragments for each, which made them cost more than the 120 pages
of tables. Plain text needs none of that: words are measured once, lines filled greedily
(as Paragraph does), and each line drawn as one string, justified with word spacing (as
Paragraph does). Text with markup (superscripts) still goes through Paragraph.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

Line = tuple[str, float, int]  # text, width, spaces


class PlainParagraph(Flowable):
    """Justified (or left-aligned) plain text with a first-line indent and space after;
    splits between lines, never leaving one line alone at the foot of a page."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text, self.style = text, style
        self.lines: list[Line] = []
        self.first = True  # holds the paragraph's first line (indented)
        self.ends = True  # holds its last line (not justified)
        self._broken_at = -1.0
        self.spaceAfter = style.spaceAfter
        self.spaceBefore = style.spaceBefore

    def _break(self, width: float) -> list[Line]:
        style = self.style
        font, size = style.fontName, style.fontSize
        space = stringWidth(" ", font, size)
        lines: list[Line] = []
        words: list[str] = []
        used = 0.0
        room = width - style.firstLineIndent
        for word in self.text.split():
            measured = stringWidth(word, font, size)
            needed = measured + (space if words else 0)
            if words and used + needed > room:
                lines.append((" ".join(words), used, len(words) - 1))
                words, used, room = [word], measured, width
            else:
                words.append(word)
                used += needed
        lines.append((" ".join(words), used, max(len(words) - 1, 0)))
        return lines

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self.first and self.ends and self._broken_at != available_width:
            self.lines, self._broken_at = self._break(available_width), available_width
        self.width = available_width
        self.height = len(self.lines) * self.style.leading
        return available_width, self.height

    def _piece(self, lines: list[Line], first: bool, ends: bool) -> PlainParagraph:
        piece = PlainParagraph(self.text, self.style)
        piece.lines, piece.first, piece.ends = lines, first, ends
        return piece

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        fit = int((available_height + 1e-6) // self.style.leading)
        if fit >= len(self.lines):
            return [self]
        if fit < 2:
            return []  # one line alone at the foot of a page: all of it on the next
        head = self._piece(self.lines[:fit], self.first, False)
        head.spaceAfter = 0
        return [head, self._piece(self.lines[fit:], False, self.ends)]

    def draw(self) -> None:
        style, canvas = self.style, self.canv
        text = canvas.beginText()
        text.setFont(style.fontName, style.fontSize, style.leading)
        y = self.height - style.fontSize  # the first baseline, where Paragraph puts it
        last = len(self.lines) - 1
        for index, (line, used, spaces) in enumerate(self.lines):
            x = style.firstLineIndent if self.first and index == 0 else 0
            justify = style.alignment == TA_JUSTIFY and spaces and (index < last or not self.ends)
            text.setTextOrigin(x, y)
            text.setWordSpace((self.width - x - used) / spaces if justify else 0)
            text.textOut(line)
            y -= style.leading
        text.setWordSpace(0)
        canvas.drawText(text)
