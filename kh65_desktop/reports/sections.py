"""The report's outline: numbered sections that print only when they have something to say,
and the clerk's narrative texts laid out under them (report-content.md, "Structure")."""

from __future__ import annotations

from ..domain.report_texts import AgencyTexts
from ..domain.terms import SectionKind
from .document import Heading, Paragraph, Part

ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """Section numbers: 1 -> "I", 14 -> "XIV"."""
    text = ""
    for value, letters in ROMAN:
        while number >= value:
            text, number = text + letters, number - value
    return text


class Outline:
    """Hands out consecutive numbers to the sections that are printed: a section with
    nothing in it gets no heading and no number."""

    def __init__(self) -> None:
        self.count = 0

    def section(self, title: str, parts: list[Part]) -> list[Part]:
        if not parts:
            return []
        self.count += 1
        return [Heading(f"{roman(self.count)}. {title.upper()}"), *parts]


class Numbered:
    """Level-2 items "1. …", "2. …" inside a section, numbered as they are printed."""

    def __init__(self) -> None:
        self.count = 0

    def item(self, title: str, parts: list[Part]) -> list[Part]:
        if not parts:
            return []
        self.count += 1
        return [Heading(f"{self.count}. {title}", level=2), *parts]


def paragraphs(text: str, first: str = "") -> list[Part]:
    """The clerk's text as paragraphs, one per line; `first` opens the first one
    ("Nguyên nhân: …")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if first and lines:
        lines[0] = f"{first} {lines[0]}"
    return [Paragraph(line) for line in lines]


def _section_text(texts: AgencyTexts, kinds: tuple[SectionKind, ...]) -> list[Part]:
    parts: list[Part] = []
    for kind in kinds:
        lead = "Nguyên nhân:" if kind is SectionKind.CAUSES else ""
        parts += paragraphs(texts.text(kind), lead)
    return parts


def narrative(texts: list[AgencyTexts], kinds: tuple[SectionKind, ...]) -> list[Part]:
    """A section's texts: the reporting office's own (agency_name ""), then each agency's
    under its name, numbered; nothing when nobody wrote anything."""
    parts: list[Part] = []
    numbered = Numbered()
    for agency in texts:
        own = _section_text(agency, kinds)
        if not agency.agency_name:
            parts[:0] = own
        else:
            parts += numbered.item(agency.agency_name, own)
    return parts


# The clerk's sections after the results, in the order a report prints them.
CLOSING_SECTIONS: tuple[tuple[str, tuple[SectionKind, ...]], ...] = (
    ("Tồn tại, hạn chế và nguyên nhân", (SectionKind.SHORTCOMINGS, SectionKind.CAUSES)),
    ("Nhiệm vụ, giải pháp thời gian tới", (SectionKind.NEXT_STEPS,)),
    ("Kiến nghị, đề xuất", (SectionKind.PROPOSALS,)),
)
SITUATION = ("Đặc điểm tình hình", (SectionKind.SITUATION,))
