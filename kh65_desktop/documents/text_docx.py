"""A Word (.docx) document's paragraphs and table rows, in the order the body has them
(plans often put their indicators in an appendix table)."""

from __future__ import annotations

import io
from collections.abc import Iterator

from .text import SEND_WORD, DocumentError, Piece, Progress

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old Word format, and encrypted .docx files
_STEP = 50  # body elements per progress call


def docx_pieces(name: str, raw: bytes, progress: Progress | None = None) -> list[Piece]:
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    if raw.startswith(_OLE):
        # Word saves a password-protected .docx inside an OLE container with this stream.
        if "EncryptedPackage".encode("utf-16-le") in raw:
            raise DocumentError(
                f"Tệp {name} được đặt mật khẩu nên không đọc được. Hãy mở bằng Word, bỏ mật "
                "khẩu (Tệp → Thông tin → Bảo vệ tài liệu), lưu lại rồi chọn lại tệp."
            )
        raise DocumentError(
            f"Tệp {name} là văn bản Word định dạng cũ (.doc) dù mang đuôi .docx. Hãy mở bằng "
            "Word, chọn Lưu thành (Save As) kiểu Word Document (.docx), rồi chọn lại."
        )
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as error:  # python-docx raises many kinds for a damaged package
        raise DocumentError(
            f"Tệp {name} bị hỏng hoặc không phải văn bản Word (.docx) nên không mở được. Hãy "
            f"mở thử bằng Word và lưu lại, hoặc xin bản khác. {SEND_WORD} còn nguyên vẹn."
        ) from error
    body = document.element.body
    children = list(body.iterchildren())
    pieces: list[Piece] = []
    tables = 0
    for index, child in enumerate(children, 1):
        if child.tag == qn("w:p"):
            # A line break inside a paragraph (Shift+Enter) starts a new line, as in .txt.
            for line in Paragraph(child, document).text.split("\n"):
                pieces.append(Piece(line))
        elif child.tag == qn("w:tbl"):
            pieces.extend(_rows(Table(child, document), tables))
            tables += 1
        if progress and (index % _STEP == 0 or index == len(children)):
            progress(index, len(children))
    return pieces


def _rows(table: object, number: int) -> Iterator[Piece]:
    """Each row's cells once: python-docx repeats a merged cell in every grid column it
    spans (and a vertically merged one in every row: kept there, it is that row's value)."""
    for row in table.rows:  # type: ignore[attr-defined]
        seen: set[int] = set()
        cells: list[str] = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text for p in cell.paragraphs))
        yield Piece("", "table_row", table=number, cells=tuple(cells))
