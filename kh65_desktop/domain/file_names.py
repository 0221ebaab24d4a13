"""Names for the files a clerk saves: what, whose and which period, in plain letters.

Without diacritics on purpose: Windows itself is fine with them, but these files travel by
e-mail, zip and the province's document systems, where "Báo cáo" too often arrives as
"B�o c�o" (zip without its UTF-8 flag, old mail clients, NFC/NFD differences)."""

from __future__ import annotations

import re

from .text import without_marks

MAX_STEM = 120  # well inside Windows' 260-character paths, with a folder in front


def file_name(*parts: str | None, suffix: str) -> str:
    """("Báo cáo", "Sở Công Thương", "6 tháng đầu năm 2024"), ".pdf" ->
    "Bao-cao-So-Cong-Thuong-6-thang-dau-nam-2024.pdf"; empty parts are left out."""
    words = re.findall(r"[A-Za-z0-9]+", " ".join(without_marks(p) for p in parts if p))
    stem = "-".join(words)[:MAX_STEM].strip("-") or "KH65"
    return f"{stem}{suffix}"
