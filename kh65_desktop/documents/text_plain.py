"""Plain text: which encoding it is in, and its lines as blocks.

Offices still keep text typed in the old Vietnamese fonts (TCVN3 "ABC" fonts such as .VnTime,
and VNI fonts such as VNI-Times): the bytes are single-byte codes that only look right in
those fonts. Reading them as Unicode would give garbage that looks like text, so they are
recognised by their byte patterns and refused with the way to convert them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .text import SEND_WORD, DocumentError, Piece, Progress

# TCVN3 puts à á ạ â ă đ ê ô ơ ư and the capitals Ă Â Ê Ô Ơ Ư Đ at 0xA1-0xBF, a range
# that real text in Windows-1252 or Windows-1258 hardly uses (it holds ¡ ¢ £ © ® ° …).
_TCVN3_BYTES = frozenset(range(0xA1, 0xC0))
# VNI writes a vowel, then a byte for its hat or tone: "Vieät", "nhaân", "UÛy"; đ is 0xF1.
_VNI_PAIR = re.compile(
    rb"[aeouyAEOUY\xf4\xf6\xd4\xd6][\xc0-\xc5\xc8-\xcb\xd9\xdb\xd8\xd5\xcf"
    rb"\xe0-\xe5\xe8-\xeb\xf9\xfb\xf8\xf5\xef]|[\xd1\xf1][a-zA-Z\xc0-\xff]"
)
# Windows-1258 writes tones as combining bytes after the letter: 0xCC ̀, 0xEC ́, 0xD2 ̉,
# 0xDE ̃, 0xF2 ̣; ơ ư đ are 0xF5 0xFD 0xF0.
_CP1258_MARK = re.compile(
    rb"[a-zA-Z\xe2\xea\xf4\xe3\xf5\xfd\xc2\xca\xd4\xc3\xd5\xdd]"
    rb"[\xcc\xec\xd2\xde\xf2]"
)
_CONVERT = (
    "Hãy chuyển văn bản sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey: chọn bảng mã "
    "nguồn {font}, bảng mã đích Unicode) rồi lưu lại dạng UTF-8, hoặc gửi tệp Word (.docx)."
)
_LINES_PER_STEP = 500


def decode_plain(name: str, raw: bytes) -> str:
    """The text of a .txt file: UTF-8 (with or without BOM), UTF-16 (with or without), Windows-1258
    when it clearly is; the old TCVN3 and VNI fonts' text and anything else are refused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise _undecodable(name) from error
    unmarked = _utf16_without_bom(raw)
    if unmarked:
        try:
            return raw.decode(unmarked)
        except UnicodeDecodeError as error:
            raise _undecodable(name) from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    high = [b for b in raw if b >= 0x80]
    tcvn3 = sum(1 for b in high if b in _TCVN3_BYTES)
    vni = len(_VNI_PAIR.findall(raw))
    cp1258 = len(_CP1258_MARK.findall(raw))
    if tcvn3 >= 3 and tcvn3 >= vni and tcvn3 >= cp1258:
        raise DocumentError(
            f"Tệp {name} được gõ bằng bảng mã TCVN3 (ABC, phông .VnTime) cũ, không phải "
            "Unicode, nên không đọc đúng được chữ tiếng Việt. " + _CONVERT.format(font="TCVN3")
        )
    if vni >= 3 and vni >= cp1258:
        raise DocumentError(
            f"Tệp {name} được gõ bằng bảng mã VNI (phông VNI-Times) cũ, không phải Unicode, "
            "nên không đọc đúng được chữ tiếng Việt. " + _CONVERT.format(font="VNI Windows")
        )
    if cp1258 >= 3 and tcvn3 == 0:
        return raw.decode("cp1258", errors="replace")
    raise _undecodable(name)


def _utf16_without_bom(raw: bytes) -> str:
    """ "utf-16-le"/"utf-16-be" for UTF-16 saved without its mark (some exports do): every
    Latin letter then has a zero byte on the same side of each pair, and text never has
    zeros on the other side; "" otherwise. Read as single bytes, its Vietnamese letters' high
    bytes (0x1E for ế, ộ…) looked like an old font's."""
    pairs = len(raw) // 2
    if pairs < 2 or len(raw) % 2:
        return ""
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    if odd * 4 >= pairs and even == 0:
        return "utf-16-le"
    if even * 4 >= pairs and odd == 0:
        return "utf-16-be"
    return ""


def _undecodable(name: str) -> DocumentError:
    return DocumentError(
        f"Không nhận ra bảng mã chữ của tệp {name}. Hãy mở tệp, lưu lại với bảng mã UTF-8 "
        f"(Notepad: Lưu thành → Encoding: UTF-8) rồi chọn lại. {SEND_WORD}."
    )


_EMPHASIS = re.compile(r"(?<![^\s(\[“\"])\*+(?=\S)|(?<=\S)\*+(?!\w)")


def pieces_of_text(text: str, progress: Progress | None = None) -> Iterator[Piece]:
    """One block per line; a line with tabs is a table row (a table flattened by copying
    from Word); Markdown emphasis ("**Sở Y tế**", "*Số giường…:*") is dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    total = len(lines)
    for number, line in enumerate(lines, 1):
        line = _EMPHASIS.sub("", line)
        if "\t" in line.strip():
            yield Piece("", "table_row", cells=tuple(line.strip().split("\t")))
        else:
            yield Piece(line)
        if progress and (number % _LINES_PER_STEP == 0 or number == total):
            progress(number, total)
