"""Plan 65 as .txt, .docx and .pdf (tests/plan_documents.py) reads back as the same
paragraphs: the Word file exactly, the PDF once its wrapped lines are joined again."""

from __future__ import annotations

from pathlib import Path

from kh65_desktop.documents.text import read_document

from .plan_documents import appendix_rows, plan65_text, write_docx, write_pdf, write_txt


def _paragraphs(path: Path) -> list[str]:
    return [block.text for block in read_document(path).blocks]


def test_plan65_reads_the_same_as_txt_docx_and_pdf(tmp_path: Path) -> None:
    text = plan65_text()
    txt = _paragraphs(write_txt(text, tmp_path / "kh65.txt"))
    word = read_document(write_docx(text, tmp_path / "kh65.docx"))
    pdf = read_document(write_pdf(text, tmp_path / "kh65.pdf"))
    assert len(txt) > 130
    assert "**" not in "\n".join(txt)  # the text file's emphasis marks are not text
    assert [b.text for b in word.blocks] == txt
    # The PDF: every wrapped line joined back into its paragraph; the table's empty cell
    # has no text to find and the font has no "⁽ ⁾" glyphs: nothing else differs.
    expected = [p.replace("\t\t", "\t").replace("⁽¹⁾", "¹") for p in txt]
    assert [b.text for b in pdf.blocks] == expected
    assert {b.page for b in pdf.blocks} == set(range(1, pdf.blocks[-1].page + 1))
    assert pdf.blocks[-1].page >= 5  # A4 pages, so lines did wrap
    rows = [b for b in word.blocks if b.kind == "table_row"]
    assert len(rows) == 11 and rows[1].cells[:3] == ("1", "Thành phố Trà Vinh", "150")
    pdf_rows = [b for b in pdf.blocks if b.kind == "table_row"]
    assert [r.cells for r in pdf_rows][1:] == [tuple(c for c in r.cells if c) for r in rows[1:]]


def test_appendix_table_in_a_word_file(tmp_path: Path) -> None:
    rows = appendix_rows(
        [{"name": "Tỷ lệ hộ nghèo", "unit": "%", "target": "giảm 0,5", "lead": "Sở Y tế"}], 2026
    )
    path = write_docx("KẾ HOẠCH\nVề kinh tế", tmp_path / "pl.docx", appendix=rows)
    blocks = read_document(path).blocks
    assert [b.text for b in blocks][-3:] == [
        "Phụ lục",
        "STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2026\tCơ quan chủ trì",
        "1\tTỷ lệ hộ nghèo\t%\tgiảm 0,5\tSở Y tế",
    ]
