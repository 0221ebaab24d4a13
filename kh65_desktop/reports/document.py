"""A report as a list of parts; the PDF and Word writers both render this one model."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from ..domain.figure_rules import printable
from ..domain.numbers import format_date_long


class ReportError(ValueError):
    """A report that cannot be written; the message says why in Vietnamese."""


def nfc(text: str) -> str:
    """Precomposed Unicode: "ệ" as one character, as fonts and search expect; without the
    control characters a database from before the text rules may hold (Word refuses them)."""
    return printable(text)


@dataclass
class Letterhead:
    """The variable parts of an official document (Decree 30, Appendix I)."""

    parent_body: str  # "UBND TỈNH TRÀ VINH" (empty for a local People's Committee)
    issuing_body: str  # "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"
    number: str  # "12" or "" while the number is not yet given
    symbol: str  # "BC-SKHĐT"
    place: str
    issued_on: date
    subject: str
    recipients: list[str]  # "Kính gửi"
    copies_to: list[str]  # "Nơi nhận"
    authority: str  # "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"
    signer_title: str  # "PHÓ GIÁM ĐỐC", "CHỦ TỊCH"
    signer_name: str
    document_type: str = "BÁO CÁO"

    @property
    def number_line(self) -> str:
        """ "Số: 12/BC-SKHĐT"; a number below 10 gets a leading zero; blank while unnumbered."""
        number = self.number.strip()
        if number.isdigit() and int(number) < 10:
            number = f"{int(number):02d}"
        return f"Số: {number or '      '}/{self.symbol}"

    @property
    def place_date(self) -> str:
        return f"{self.place}, {format_date_long(self.issued_on)}"


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Column:
    title: str
    width_mm: float
    align: Align = Align.LEFT


@dataclass(frozen=True)
class Row:
    """A table row; `group` rows span the table as a bold heading."""

    cells: tuple[str, ...]
    group: bool = False
    total: bool = False


@dataclass
class Table:
    columns: list[Column]
    rows: list[Row]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: "I. KẾT QUẢ …" (upper case); 2: "1. Sở Y tế" (bold)


@dataclass(frozen=True)
class Paragraph:
    text: str
    indent: bool = True


@dataclass(frozen=True)
class Picture:
    path: Path
    width_mm: float
    caption: str = ""


Part = Heading | Paragraph | Table | Picture


@dataclass
class Report:
    letterhead: Letterhead
    parts: list[Part] = field(default_factory=list)

    def add(self, *parts: Part) -> None:
        self.parts.extend(parts)
