"""Text written for a spreadsheet that a spreadsheet can never run as a formula."""

from __future__ import annotations

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


def is_dangerous(text: str) -> bool:
    return text.startswith(DANGEROUS_START)


def for_csv(text: str) -> str:
    """A leading apostrophe: Excel shows "'=1+1" as the text =1+1 (OWASP's advice)."""
    return "'" + text if is_dangerous(text) else text
