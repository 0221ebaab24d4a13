"""A table's cells for a file: a figure stays a number (with how it is shown), the rest is text.

The window's "Xuất bảng…" and `kh65 indicators --out` hand the same cells to the Excel and
CSV writers: in Excel a figure is a real number with a number format, so it sums and sorts;
in CSV it is the Vietnamese text the screen shows ("3.300,5", "53,05%"), which Excel on a
Vietnamese Windows reads back as a number and a person reads as written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..domain.numbers import format_number

MAX_DECIMALS = 2  # what format_number shows by default


@dataclass(frozen=True)
class Figure:
    """A number as the screen shows it: `percent` values are in percent (53.05 for 53,05%);
    `prefix` is a word shown before it ("ước " for an estimate)."""

    value: float
    decimals: int = 0
    percent: bool = False
    prefix: str = ""

    @classmethod
    def shown(cls, value: float, percent: bool = False, prefix: str = "") -> Figure:
        """With the decimals the screen shows: 2 for a percentage, else up to 2, zeros trimmed."""
        if percent:
            return cls(value, 2, True, prefix)
        _, _, fraction = format_number(value).partition(",")
        return cls(value, min(len(fraction), MAX_DECIMALS), False, prefix)

    def text(self) -> str:
        """ "ước 3.300,5", "53,05%": as on screen."""
        number = format_number(self.value, self.decimals)
        return f"{self.prefix}{number}{'%' if self.percent else ''}"

    def excel_value(self) -> float:
        return self.value / 100 if self.percent else self.value

    def excel_format(self) -> str:
        """Grouped thousands and the shown decimals; Excel draws the separators of the PC's
        regional settings (3.300,5 on a Vietnamese Windows). The prefix is a literal."""
        number = "#,##0" + ("." + "0" * self.decimals if self.decimals else "")
        prefix = f'"{self.prefix}"' if self.prefix else ""
        return f"{prefix}{number}{'%' if self.percent else ''}"


Cell = Figure | str


def cell_text(cell: Cell | None) -> str:
    return cell.text() if isinstance(cell, Figure) else (cell or "")


def write_table_file(
    path: Path, title: str, headers: Sequence[str], rows: Sequence[Sequence[Cell | None]]
) -> Path:
    """A table to .csv (UTF-8 with a BOM, for Excel) or else .xlsx; returns the file written."""
    if path.suffix.lower() == ".csv":
        from .csv_file import write_csv

        return write_csv(path, headers, rows)
    from .excel import write_table  # openpyxl loads on first use

    return write_table(path.with_suffix(".xlsx"), title, headers, rows)
