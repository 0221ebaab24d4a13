"""Text matching as Vietnamese clerks type: with or without diacritics."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case without diacritics: "Bảo hiểm Đài" -> "bao hiem dai"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold()


def matches(query: str, *texts: str) -> bool:
    """True when every word of `query` occurs in one of `texts`, diacritics ignored
    unless the query itself has them (then "bào" does not find "bảo")."""
    words = query.split()
    if not words:
        return True
    exact = any(fold(w) != w.casefold() for w in words)
    haystack = " ".join(texts)
    haystack = unicodedata.normalize("NFC", haystack).casefold() if exact else fold(haystack)
    needles = [unicodedata.normalize("NFC", w).casefold() if exact else fold(w) for w in words]
    return all(n in haystack for n in needles)
