"""documents/text.py: .txt, .docx and .pdf in, paragraphs and table rows out; bad input
refused with a Vietnamese message that says what to do."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from kh65_desktop.documents.text import (
    MAX_BYTES,
    DocumentError,
    document_from_text,
    read_document,
)

SAMPLE = "Tỷ lệ bao phủ bảo hiểm y tế năm 2024 là 94,95%."

# The old fonts' codes for the letters of the sample sentence below (TCVN3 "ABC" and VNI).
_TCVN3 = {"ỷ": "\xfb", "ệ": "\xd6", "ả": "\xb6", "ủ": "\xf1", "ể": "\xd3", "ế": "\xd5"}
_TCVN3 |= {"à": "\xb5", "ă": "\xa8", "ạ": "\xb9"}
_VNI = {"ỷ": "yû", "ệ": "eä", "ả": "aû", "ủ": "uû", "ể": "eå", "ế": "eá", "à": "aø"}
_VNI |= {"ă": "aê", "ạ": "aï"}
OLD_FONT_TEXT = "Tỷ lệ bao phủ bảo hiểm y tế năm 2024 là 94,95%. Kế hoạch năm 2024."


def _encode(text: str, table: dict[str, str]) -> bytes:
    return "".join(table.get(c, c) for c in text).encode("latin-1", errors="replace")


def _windows_1258(text: str) -> bytes:
    """As Windows writes Vietnamese in code page 1258: hats precomposed, tones combining."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def test_pasted_text_keeps_lines_and_offsets() -> None:
    document = document_from_text("  Số: 65/KH-UBND \n\n" + SAMPLE + "\nA\tB\t1,5\n")
    assert [b.text for b in document.blocks] == ["Số: 65/KH-UBND", SAMPLE, "A\tB\t1,5"]
    assert document.text == "Số: 65/KH-UBND\n" + SAMPLE + "\nA\tB\t1,5"
    for block in document.blocks:
        assert document.text[block.start : block.start + len(block.text)] == block.text
    assert document.blocks[2].kind == "table_row"
    assert document.blocks[2].cells == ("A", "B", "1,5")


def test_odd_spaces_markup_and_decomposed_letters_made_plain() -> None:
    decomposed = "Ti\u0309nh"  # "Tỉnh" typed with a combining hook
    document = document_from_text(f"**Sở\u00a0Y\u200b tế**  chủ trì; {decomposed}")
    assert document.text == "Sở Y tế chủ trì; Tỉnh"


@pytest.mark.parametrize(
    "encoding, prefix",
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
    ],
)
def test_txt_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "kh.txt"
    path.write_bytes(prefix + f"Số: 65/KH-UBND\r\n{SAMPLE}\r\n".encode(encoding))
    document = read_document(path)
    assert document.kind == "txt"
    assert [b.text for b in document.blocks] == ["Số: 65/KH-UBND", SAMPLE]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_txt_in_utf16_without_its_mark_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "kh.txt"  # read as single bytes it was taken for TCVN3 and refused
    path.write_bytes(f"Kế hoạch số 65/KH-UBND\n{OLD_FONT_TEXT}\n".encode(encoding))
    document = read_document(path)
    assert [b.text for b in document.blocks] == ["Kế hoạch số 65/KH-UBND", OLD_FONT_TEXT]


def test_txt_in_windows_1258_is_read(tmp_path: Path) -> None:
    path = tmp_path / "kh.txt"
    path.write_bytes(_windows_1258("Tỷ lệ bao phủ bảo hiểm y tế, kế hoạch năm 2024"))
    assert read_document(path).text == "Tỷ lệ bao phủ bảo hiểm y tế, kế hoạch năm 2024"


@pytest.mark.parametrize("table, font", [(_TCVN3, "TCVN3"), (_VNI, "VNI")])
def test_old_font_text_is_named_and_refused(tmp_path: Path, table: dict, font: str) -> None:
    path = tmp_path / "cu.txt"
    path.write_bytes(_encode(OLD_FONT_TEXT, table))
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert f"bảng mã {font}" in str(caught.value)
    assert "Unikey" in str(caught.value) and "Unicode" in str(caught.value)


def test_docx_paragraphs_and_tables_in_order_merged_cells_once(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("1. Sở Y tế", level=2)
    document.add_paragraph("Dòng một\nDòng hai")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Chỉ tiêu"
    table.cell(0, 2).text = "Kế hoạch"
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "Số bác sĩ/vạn dân"
    table.cell(1, 2).text = "10,00"
    document.add_paragraph(SAMPLE)
    path = tmp_path / "kh.docx"
    document.save(path)
    calls: list[tuple[int, int]] = []
    read = read_document(path, lambda done, total: calls.append((done, total)))
    assert [b.text for b in read.blocks] == [
        "1. Sở Y tế",
        "Dòng một",
        "Dòng hai",
        "Chỉ tiêu\tKế hoạch",
        "1\tSố bác sĩ/vạn dân\t10,00",
        SAMPLE,
    ]
    assert read.blocks[4].kind == "table_row" and read.blocks[4].table == 0
    assert read.blocks[4].cells == ("1", "Số bác sĩ/vạn dân", "10,00")
    assert calls and calls[-1][0] == calls[-1][1]


def _pdf(path: Path, pages: list[list[str]], **options: object) -> None:
    from kh65_desktop.reports.fonts import register

    family = register()
    pdf = canvas.Canvas(str(path), pagesize=A4, **options)
    for number, lines in enumerate(pages, 1):
        pdf.setFont(family, 12)
        y = 780.0
        for line in lines:
            if line:
                pdf.drawString(72, y, line)
            y -= 16
        pdf.drawCentredString(297, 40, str(number))  # a running page number
        pdf.showPage()
    pdf.save()


def test_pdf_lines_joined_into_paragraphs_page_numbers_dropped(tmp_path: Path) -> None:
    path = tmp_path / "kh.pdf"
    _pdf(
        path,
        [
            ["1. Sở Y tế", "- Tỷ lệ bao phủ bảo hiểm y tế so với dân số", "năm 2024 là 94,95%;"],
            ["- Số bác sĩ/vạn dân năm 2024 là", "10,00 bác sĩ."],
        ],
    )
    pages: list[int] = []
    read = read_document(path, lambda done, total: pages.append(done))
    assert [b.text for b in read.blocks] == [
        "1. Sở Y tế",
        "- Tỷ lệ bao phủ bảo hiểm y tế so với dân số năm 2024 là 94,95%;",
        "- Số bác sĩ/vạn dân năm 2024 là 10,00 bác sĩ.",
    ]
    assert [b.page for b in read.blocks] == [1, 1, 2]
    assert pages == [1, 2]


def _refusal(path: Path) -> str:
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    return str(caught.value)


def test_scanned_pdf_without_text_asks_for_the_word_file(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(72, 400, 400, 300, fill=1)  # a page that is only a picture
    pdf.showPage()
    pdf.save()
    message = _refusal(path)
    assert "bản quét" in message and "Word (.docx)" in message


def test_encrypted_pdf_refused(tmp_path: Path) -> None:
    path = tmp_path / "mat-khau.pdf"
    _pdf(path, [[SAMPLE]], encrypt="bi-mat")
    assert "mật khẩu" in _refusal(path)


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("hong.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "bị hỏng"),
        ("hong.docx", b"PK\x03\x04 not really a zip file", "bị hỏng"),
        ("cu.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "định dạng cũ (.doc)"),
        (
            "mat-khau.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "mật khẩu",
        ),
        ("kh.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Save As"),
        ("trong.txt", b"", "trống"),
        ("trong.docx", b"  \n", "trống"),
        ("kh.odt", b"PK\x03\x04", ".docx"),
        ("la.txt", b"\x81\x8d\x8f\x90\x9d abc" * 3, "Không nhận ra bảng mã"),
    ],
)
def test_bad_files_refused_with_what_to_do(
    tmp_path: Path, name: str, content: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    message = _refusal(path)
    assert words in message
    assert name in message
    assert "Traceback" not in message and "Error" not in message


def test_too_large_file_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "lon.pdf"
    with path.open("wb") as handle:  # sparse: the size is there, no 31 MB written
        handle.truncate(MAX_BYTES + 1024 * 1024)
    message = _refusal(path)
    assert "quá lớn" in message and f"{MAX_BYTES // 1024 // 1024} MB" in message


def test_missing_file_refused_in_vietnamese(tmp_path: Path) -> None:
    message = _refusal(tmp_path / "khong-co.docx")
    assert "Không đọc được tệp khong-co.docx" in message


def test_docx_from_bytes_in_memory_matches_file(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(SAMPLE)
    document.save(buffer)
    path = tmp_path / "a.docx"
    path.write_bytes(buffer.getvalue())
    assert read_document(path).text == SAMPLE


def test_pdf_without_layout_marks_joins_by_sentences() -> None:
    """Justified text, evenly spaced, no indents: only a sentence's end ends a paragraph."""
    from kh65_desktop.documents.text_pdf import _Line, _paragraphs

    texts = ["Tỷ lệ bao phủ bảo hiểm y tế năm", "2024 là 94,95%.", "Số bác sĩ/vạn dân là", "10,00."]
    lines = [_Line(t, 1, 72.0, 520.0, 780.0 - 16 * n, 12.0, 20.0) for n, t in enumerate(texts)]
    assert [p.text for p in _paragraphs(lines)] == [
        "Tỷ lệ bao phủ bảo hiểm y tế năm 2024 là 94,95%.",
        "Số bác sĩ/vạn dân là 10,00.",
    ]
