"""A plan document's text: .docx, .pdf or .txt in, paragraphs and table rows out.

Everything after this module (phrases, the reader, the review window) sees one shape: the
text as one string, and the blocks it is made of with where each starts, so a found item can
point back at its sentence. Refusals are DocumentError with a Vietnamese message saying what
is wrong and what to do; nothing is written anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

Progress = Callable[[int, int], None]

MAX_BYTES = 30 * 1024 * 1024  # a 200-page plan with tables is about 1-3 MB as .docx or .pdf
SEND_WORD = "Hãy gửi hoặc chọn tệp Word (.docx) của văn bản"

# Spaces Word and PDFs carry that look like a space but are not one.
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_RUNS = re.compile(r"[ \t]{2,}|\t")


@dataclass(frozen=True)
class Block:
    text: str  # one paragraph, or one table row with its cells joined by "\t"
    start: int  # offset of `text` in DocumentText.text
    kind: str  # "paragraph" | "table_row"
    page: int | None = None  # PDF page (1-based); None for .docx/.txt
    table: int | None = None  # index of the table a row belongs to (.docx), else None
    cells: tuple[str, ...] = ()  # the row's cells (kind == "table_row")


@dataclass(frozen=True)
class DocumentText:
    name: str  # the file's name
    kind: str  # "docx" | "pdf" | "txt"
    text: str  # the blocks' texts joined by "\n" (NFC, odd spaces made plain)
    blocks: tuple[Block, ...]

    def block_at(self, offset: int) -> Block | None:
        """The block holding `offset` of `text` (for showing where a quote is)."""
        for block in self.blocks:
            if block.start <= offset <= block.start + len(block.text):
                return block
        return None


class DocumentError(Exception):
    """A document that cannot be read; the message says why and what to do (Vietnamese)."""


@dataclass(frozen=True)
class Piece:
    """A block before offsets are known: what the format readers yield."""

    text: str
    kind: str = "paragraph"
    page: int | None = None
    table: int | None = None
    cells: tuple[str, ...] = ()


def clean(text: str) -> str:
    """NFC, odd spaces plain, invisible characters gone, runs of spaces one, ends trimmed."""
    text = _INVISIBLE.sub("", _ODD_SPACES.sub(" ", unicodedata.normalize("NFC", text)))
    return _RUNS.sub(" ", text).strip()


def assemble(name: str, kind: str, pieces: Iterable[Piece]) -> DocumentText:
    """Join the pieces' cleaned texts with "\\n", dropping empty ones, and record offsets."""
    blocks: list[Block] = []
    parts: list[str] = []
    offset = 0
    for piece in pieces:
        if piece.kind == "table_row":
            cells = tuple(clean(c) for c in piece.cells)
            if not any(cells):
                continue
            text = "\t".join(cells)
        else:
            cells = ()
            text = clean(piece.text)
            if not text:
                continue
        blocks.append(Block(text, offset, piece.kind, piece.page, piece.table, cells))
        parts.append(text)
        offset += len(text) + 1
    return DocumentText(name, kind, "\n".join(parts), tuple(blocks))


def document_from_text(text: str, name: str = "văn bản") -> DocumentText:
    """Pasted or decoded text: one block per line; a line with tabs is a table row."""
    from .text_plain import pieces_of_text

    return assemble(name, "txt", pieces_of_text(text))


def read_document(path: Path, progress: Progress | None = None) -> DocumentText:
    """The text of a .docx, .pdf or .txt file, or DocumentError saying why not."""
    path = Path(path)
    kind = path.suffix.lower().lstrip(".")
    if kind == "doc":
        raise DocumentError(
            f"Tệp {path.name} là văn bản Word định dạng cũ (.doc). Hãy mở bằng Word, chọn "
            "Lưu thành (Save As) kiểu Word Document (.docx), rồi chọn lại tệp .docx."
        )
    if kind not in ("docx", "pdf", "txt"):
        raise DocumentError(
            f"Không đọc được tệp {path.name}: chỉ đọc được văn bản Word (.docx), PDF có lớp "
            "chữ (.pdf) hoặc văn bản thuần (.txt). Hãy chọn tệp có một trong các đuôi đó."
        )
    raw = _read_bytes(path)
    if kind == "docx":
        from .text_docx import docx_pieces

        pieces = docx_pieces(path.name, raw, progress)
    elif kind == "pdf":
        from .text_pdf import pdf_pieces

        pieces = pdf_pieces(path.name, raw, progress)
    else:
        from .text_plain import decode_plain, pieces_of_text

        pieces = pieces_of_text(decode_plain(path.name, raw), progress)
    document = assemble(path.name, kind, pieces)
    if not document.text.strip():
        raise DocumentError(
            f"Tệp {path.name} không có chữ nào để đọc. Hãy kiểm tra lại tệp (có thể chọn nhầm "
            "tệp trống)."
        )
    return document


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(
                f"Tệp {path.name} quá lớn ({size / 1024 / 1024:.0f} MB); chỉ đọc tệp đến "
                f"{MAX_BYTES // 1024 // 1024} MB. Một kế hoạch dài 200 trang chỉ khoảng vài MB: "
                "hãy kiểm tra đúng tệp chưa, hoặc lưu văn bản không kèm ảnh rồi chọn lại."
            )
        raw = path.read_bytes()
    except OSError as error:
        from ..storage.failures import explain_any

        raise DocumentError(f"Không đọc được tệp {path.name}: {explain_any(error)}.") from error
    if not raw.strip():
        raise DocumentError(
            f"Tệp {path.name} trống (không có nội dung). Hãy chọn đúng tệp văn bản kế hoạch."
        )
    return raw
