"""A document's text in blocks (stand-in in the shape doctext's documents/text.py fixes;
replaced by theirs on merge)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    text: str
    start: int
    kind: str  # "paragraph" | "table_row"
    page: int | None = None
    table: int | None = None
    cells: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentText:
    name: str
    kind: str
    text: str
    blocks: tuple[Block, ...]


class DocumentError(Exception):
    pass


def document_from_text(text: str, name: str = "văn bản") -> DocumentText:
    lines = [unicodedata.normalize("NFC", line).strip() for line in text.splitlines()]
    blocks: list[Block] = []
    start = 0
    for line in lines:
        if not line:
            continue
        cells = tuple(line.split("\t")) if "\t" in line else ()
        blocks.append(Block(line, start, "table_row" if cells else "paragraph", cells=cells))
        start += len(line) + 1
    return DocumentText(name, "txt", "\n".join(b.text for b in blocks), tuple(blocks))
