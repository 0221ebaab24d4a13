"""The official form of a report (Decree 30, see docs: official-format.md) checked on a
rendered PDF, whoever drew it: reportlab (the PDF report) or LibreOffice (the Word report,
converted). Both writers are held to the same rules by the same code."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from reportlab.pdfbase import pdfmetrics

from kh65_desktop.reports import fonts

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
LEFT, RIGHT, TOP, BOTTOM = 30 * MM, 15 * MM, 20 * MM, 20 * MM
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
REPORT_FACES = {  # the bundled Liberation Serif; Times New Roman where Windows has it
    "LiberationSerif",
    "LiberationSerif-Bold",
    "LiberationSerif-Italic",
    "LiberationSerif-BoldItalic",
    "TimesNewRomanPSMT",
    "TimesNewRomanPS-BoldMT",
    "TimesNewRomanPS-ItalicMT",
    "TimesNewRomanPS-BoldItalicMT",
}


def body_chars(page: pdfplumber.page.Page) -> list[dict]:
    """Every glyph but the page number (which belongs in the top margin)."""
    return [c for c in page.chars if c["top"] > TOP - 1]


def lines(page: pdfplumber.page.Page) -> list[str]:
    """The page's text lines, as a reader sees them (spaces collapsed)."""
    return [" ".join(line.split()) for line in (page.extract_text() or "").splitlines()]


def assert_each_on_one_line(page: pdfplumber.page.Page, *texts: str) -> None:
    """Each text whole on one printed line: not wrapped, not clipped."""
    printed = lines(page)
    for text in texts:
        assert any(text in line for line in printed), (text, printed[:12])


def assert_letterhead(page: pdfplumber.page.Page, issuing_body: str) -> None:
    """The national title, the motto and the issuing body each on one line of page 1."""
    assert_each_on_one_line(page, NATIONAL_TITLE, MOTTO, issuing_body)


def assert_a4_within_margins(pdf: pdfplumber.PDF) -> None:
    """A4 portrait, and no glyph of the body outside the margins on any page."""
    for page in pdf.pages:
        assert (page.width, page.height) == pytest.approx(A4, abs=0.5)
        for c in body_chars(page):
            where = (page.page_number, c["text"])
            assert c["x0"] >= LEFT - 0.5 and c["x1"] <= A4[0] - RIGHT + 0.5, where
            assert c["bottom"] <= A4[1] - BOTTOM + 0.5, where
    assert_text_starts_at_the_margins(pdf)


def assert_text_starts_at_the_margins(pdf: pdfplumber.PDF) -> None:
    """The text starts at the margins, not inside them: a heading or a paragraph without
    indent begins at the left margin, and the first line of a page just under the top one
    (a writer's padding, e.g. reportlab's 6 pt frame padding, moves everything ~2 mm in)."""
    glyphs = [c for page in pdf.pages for c in body_chars(page) if not c["text"].isspace()]
    assert min(c["x0"] for c in glyphs) == pytest.approx(LEFT, abs=1.5)
    assert min(c["top"] for c in glyphs) - TOP <= 5


def _report_font_glyphs() -> dict[int, int]:
    """The characters the report's own font has a glyph for (code point: glyph)."""
    fonts.register()
    face = pdfmetrics.getFont(fonts.FAMILY).face
    return face.charToGlyph  # type: ignore[no-any-return]


def assert_report_fonts_embedded(path: Path, pdf: pdfplumber.PDF) -> None:
    """The fonts are embedded (TrueType, subset) and every glyph is drawn in the report's
    serif font, but for a character that font lacks (another font may draw that one)."""
    assert b"/FontFile2" in path.read_bytes()
    has_glyph = _report_font_glyphs()
    for page in pdf.pages:
        for c in page.chars:
            prefix, _, face = c["fontname"].rpartition("+")
            assert len(prefix) == 6, c["fontname"]  # "ABCDEF+": an embedded subset
            if face not in REPORT_FACES:
                assert c["text"].isspace() or ord(c["text"][0]) not in has_glyph, (
                    page.page_number,
                    c["text"],
                    face,
                )


def assert_page_numbers(pdf: pdfplumber.PDF) -> None:
    """None on page 1; from page 2 the number alone, 13 pt, centred in the top margin."""
    assert [c for c in pdf.pages[0].chars if c["top"] < TOP - 1] == []
    for number, page in enumerate(pdf.pages[1:], start=2):
        in_margin = [c for c in page.chars if c["bottom"] < TOP and not c["text"].isspace()]
        assert "".join(c["text"] for c in in_margin) == str(number)
        middle = (min(c["x0"] for c in in_margin) + max(c["x1"] for c in in_margin)) / 2
        assert middle == pytest.approx(LEFT + (A4[0] - LEFT - RIGHT) / 2, abs=1)
        assert in_margin[0]["size"] == pytest.approx(13, abs=0.1)


def assert_header_row_on_every_table_page(pdf: pdfplumber.PDF, *headers: list[str]) -> int:
    """Every page that holds a table starts it with a header row (the first cells of one
    of `headers`); returns how many pages hold a table."""
    table_pages = [p for p in pdf.pages if p.find_tables()]
    for page in table_pages:
        first = page.find_tables()[0].extract()[0]
        cells = [" ".join((c or "").split()) for c in first]
        assert any(cells[: len(h)] == h for h in headers), (page.page_number, first)
    return len(table_pages)


SECTION_HEADING = re.compile(r"^[IVXL]+\. \S")  # "I. KẾT QUẢ THỰC HIỆN …"


def assert_no_heading_ends_a_page(pdf: pdfplumber.PDF) -> None:
    """A section heading is never the last line of a page, cut off from what it heads."""
    for page in pdf.pages[:-1]:
        last = lines(page.within_bbox((0, TOP - 1, page.width, page.height)))[-1]
        assert not SECTION_HEADING.match(last), (page.page_number, last)


def assert_signature_block(pdf: pdfplumber.PDF, authority: str, signer: str) -> None:
    """On the last page: "Nơi nhận:" level with the signing authority's first line, and
    room (at least 20 mm) above the signer's name for the signature and the seal."""
    words = pdf.pages[-1].extract_words(keep_blank_chars=True)

    def find(text: str) -> dict:
        found = [w for w in words if text in " ".join(w["text"].split())]
        assert found, (text, [w["text"] for w in words][-20:])
        return found[-1]

    copies, signing, name = find("Nơi nhận:"), find(authority), find(signer)
    assert copies["top"] == pytest.approx(signing["top"], abs=4)
    assert copies["x0"] < signing["x0"] and name["x0"] > copies["x1"]
    block = [w for w in words if copies["top"] - 1 <= w["top"] and w["x0"] > copies["x1"]]
    above = max(w["bottom"] for w in block if w["bottom"] < name["top"])
    assert name["top"] - above >= 20 * MM


def assert_no_group_row_ends_a_page(pdf: pdfplumber.PDF) -> int:
    """A table's group row (a code and a title spanning the other columns) is never the
    last row on a page; returns how many pages end inside a table (what was checked)."""
    checked = 0
    for page in pdf.pages[:-1]:
        tables = page.find_tables()
        if not tables:
            continue
        last = tables[-1].extract()[-1]
        checked += 1
        spanned = len(last) > 2 and all(cell is None for cell in last[2:])
        assert not spanned, (page.page_number, last)
    return checked
