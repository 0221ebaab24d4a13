"""Text matching as Vietnamese clerks type: with or without diacritics."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


def without_marks(text: str) -> str:
    """The letters without diacritics, case kept: "Bảo hiểm Đài" -> "Bao hiem Dai"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case without diacritics: "Bảo hiểm Đài" -> "bao hiem dai"."""
    return without_marks(text).casefold()


@dataclass(frozen=True)
class Query:
    """What the clerk typed, prepared once per keystroke."""

    needles: tuple[str, ...]
    exact: bool  # the query has diacritics: match them exactly


@dataclass(frozen=True)
class Haystack:
    """A row's searchable text, prepared once per row (not once per keystroke)."""

    exact: str
    folded: str


def prepare_query(text: str) -> Query:
    words = text.split()
    exact = any(fold(w) != w.casefold() for w in words)
    needles = tuple(unicodedata.normalize("NFC", w).casefold() if exact else fold(w) for w in words)
    return Query(needles, exact)


def prepare_haystack(*texts: str) -> Haystack:
    joined = " ".join(texts)
    return Haystack(unicodedata.normalize("NFC", joined).casefold(), fold(joined))


def found(query: Query, haystack: Haystack) -> bool:
    """True when every word of the query occurs, diacritics ignored unless the query itself
    has them (then "bào" does not find "bảo")."""
    text = haystack.exact if query.exact else haystack.folded
    return all(n in text for n in query.needles)


def matches(query: str, *texts: str) -> bool:
    """`found` for one-off use."""
    return found(prepare_query(query), prepare_haystack(*texts))
