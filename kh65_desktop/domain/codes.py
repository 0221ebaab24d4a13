"""What a stable code (an agency's "SKHDT", a locality's "TINH-VD", an item's "II.9.2") may
hold. Codes are typed into files and command lines and matched exactly: a space, a tab, an
invisible character (a control character, a right-to-left mark, a zero-width space) would
make a code that looks like another and never matches it."""

from __future__ import annotations

import unicodedata

from .figure_rules import text_limit

MAX_CODE = text_limit("code")


def code_problem(code: str) -> str | None:
    """Why `code` cannot be a code, in Vietnamese with what to do; None when it can."""
    if len(code) > MAX_CODE:
        return f"mã dài {len(code)} ký tự, tối đa {MAX_CODE}; hãy dùng mã ngắn."
    for char in code:
        if char.isspace():
            return "mã không được có khoảng trắng; hãy viết liền hoặc dùng dấu “-”."
        if unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"):
            return (
                f"mã có ký tự ẩn (U+{ord(char):04X}); hãy gõ lại mã bằng chữ, số và dấu "
                "“-”, “.”, “/”."
            )
    return None


def code_key(code: str) -> str:
    """What two codes are compared by: "65/kh-ubnd/2024" is "65/KH-UBND/2024", and "Kế
    hoạch" typed on a Mac (decomposed, NFD) is the one typed on Windows (NFC). Two plans
    whose codes differ only so would look the same in every list and `--plan`."""
    return unicodedata.normalize("NFC", code.strip()).casefold()
