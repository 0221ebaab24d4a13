"""Times New Roman where the system has it (every Windows PC); otherwise the bundled
Liberation Serif, which has the same metrics and every Vietnamese glyph."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resources import resource_path

FAMILY = "ReportSerif"
STYLES = ("regular", "bold", "italic", "bolditalic")
_TIMES = ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")
_LIBERATION = (
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
)


@dataclass(frozen=True)
class FontSet:
    """Which files the report uses, and the family name a Word file should ask for."""

    name: str  # "Times New Roman" in both cases: Word substitutes a metric-compatible font
    files: tuple[Path, ...]


def _windows_fonts() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def find_fonts() -> FontSet:
    """Times New Roman from the system if all four styles are there, else the bundled font."""
    if sys.platform == "win32":
        files = tuple(_windows_fonts() / name for name in _TIMES)
        if all(f.exists() for f in files):
            return FontSet("Times New Roman", files)
    return FontSet("Times New Roman", tuple(resource_path("fonts", n) for n in _LIBERATION))


def register() -> str:
    """Register the four styles with reportlab once; returns the family name to draw with."""
    if FAMILY in pdfmetrics.getRegisteredFontNames():
        return FAMILY
    fonts = find_fonts()
    for style, path in zip(STYLES, fonts.files, strict=True):
        name = FAMILY if style == "regular" else f"{FAMILY}-{style}"
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, f"{FAMILY}-bold")
    addMapping(FAMILY, 0, 1, f"{FAMILY}-italic")
    addMapping(FAMILY, 1, 1, f"{FAMILY}-bolditalic")
    return FAMILY
