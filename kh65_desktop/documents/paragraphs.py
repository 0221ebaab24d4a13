"""A document's paragraphs as the reader walks them (blocks a page break cut joined back,
footnotes skipped, a table row's cells kept) and the markers that start a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .phrases import plain
from .text import DocumentText

LETTER = re.compile(r"^(?P<l>[a-zđ])\)\s*(?P<h>.*)$")
NUMBERED = re.compile(r"^\d{1,2}\s*[.)]\s+")
BULLET = re.compile(r"^(?P<m>(?:[-–•+]\s*)+)")
FOOTNOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s")


@dataclass
class Para:
    """A paragraph of the document (blocks cut by a page break joined back)."""

    text: str  # the blocks' texts joined by a space, as a reader sees it
    start: int
    end: int
    row: tuple[str, ...] = ()  # a table row's cells

    @property
    def plain(self) -> str:
        return plain(self.text)


def paragraphs(document: DocumentText) -> list[Para]:
    """The document's paragraphs: a block starting in lower case continues the paragraph
    a page break cut (a footnote between them is skipped)."""
    paras: list[Para] = []
    for block in document.blocks:
        text = block.text.strip()
        if not text:
            continue
        end = block.start + len(block.text)
        cells = tuple(block.cells) or (tuple(block.text.split("\t")) if "\t" in block.text else ())
        if cells:
            paras.append(Para(text, block.start, end, tuple(c.strip() for c in cells)))
            continue
        if FOOTNOTE.match(text):
            continue
        previous = next((p for p in reversed(paras)), None)
        if (
            previous is not None
            and not previous.row
            and text[0].islower()
            and not LETTER.match(text)
            and not re.search(r"[.:;!?]\**$", previous.text)
        ):
            previous.text = f"{previous.text} {text}"
            previous.end = end
            continue
        paras.append(Para(text, block.start, end))
    return paras


def bullet_depth(marker: str) -> int:
    """How deep a bullet sits: "+" under "-"."""
    return 2 if "+" in marker else 1
