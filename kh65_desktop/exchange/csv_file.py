"""CSV that Excel on Windows opens with the Vietnamese intact (UTF-8 with a BOM)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..domain.numbers import VietnameseFormatError, parse_number
from .safe_text import for_csv
from .table_cells import Figure


def _cell(value: Any) -> str:
    if isinstance(value, Figure):
        return value.text()  # "53,05%", "-0,3": a figure we wrote, never a formula
    text = "" if value is None else str(value)
    try:
        parse_number(text)  # a number ("-0,30") is not a formula
        return text
    except VietnameseFormatError:
        return for_csv(text)


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([_cell(h) for h in headers])
        writer.writerows([_cell(v) for v in row] for row in rows)
    return path
