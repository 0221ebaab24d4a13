"""What a figure and a text may be, wherever they come in (a cell, the period form, an Excel
template, a package, a plan file). Documented in docs/exchange-format.md and docs/plan-file.md.

- A figure is a finite decimal with |value| < 10^15 and at most 6 decimals.
- Plausibility: a numeric target of 0 is refused (progress divides by it) except for a
  "less is better" level, where 0 is a real goal; negative figures are refused where the
  indicator cannot go below zero (amounts, counts, shares: anything but a change target or
  a growth rate / index); a figure in % beyond ±1000% is refused.
- An implausible jump (more than 10× the target or the last figure) is not refused: it is
  asked about (window), shown as a warning (import preview), refused on the command line
  unless `--allow-jumps`.
- Texts: NFC-normalised; C0/C1 control characters removed (tab and newline kept in the
  multi-line fields); lone surrogates and other non-characters refused; each field has a
  length limit (`TEXT_LIMITS`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from .numbers import format_number
from .terms import Direction, IndicatorKind, TargetForm
from .text import fold

MAX_ABS = 10**15  # exclusive: 999.999.999.999.999 is the largest figure
MAX_DECIMALS = 6
MAX_RATE_PERCENT = 1000.0
JUMP_FACTOR = 10.0


class RuleError(ValueError):
    """A figure or text refused; the message is Vietnamese and says what to do."""


@dataclass(frozen=True)
class FigureKind:
    """What the rules need to know of an indicator."""

    name: str
    unit: str
    kind: IndicatorKind
    target_form: TargetForm
    direction: Direction = Direction.HIGHER

    @classmethod
    def of(cls, indicator: Any) -> FigureKind:
        """From anything with an indicator's fields (a table row, a definition)."""
        return cls(
            indicator.name,
            indicator.unit,
            IndicatorKind(indicator.kind),
            TargetForm(indicator.target_form),
            Direction(indicator.direction),
        )


# -- numbers ---------------------------------------------------------------------------------
def check_number(value: float | None, what: str) -> float | None:
    """Bounds and decimals; returns the value (None stays None)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RuleError(f"{what}: “{value}” không phải là số.")
    if not _within_bounds(value):
        raise RuleError(
            f"{what}: số quá lớn. Số liệu phải nhỏ hơn 1.000.000.000.000.000 "
            "(10^15) về trị tuyệt đối; hãy kiểm tra lại đơn vị tính."
        )
    if not number_ok(value):
        raise RuleError(
            f"{what}: có quá {MAX_DECIMALS} chữ số thập phân; hãy làm tròn "
            f"(tối đa {MAX_DECIMALS} chữ số sau dấu phẩy)."
        )
    return float(value)


def _within_bounds(value: float) -> bool:
    """Finite and below 10^15 (abs first: 10**400 is an int; NaN compares false)."""
    return abs(value) < MAX_ABS and math.isfinite(value)


def number_ok(value: float) -> bool:
    """What `check_number` accepts, as a quick yes or no for the hot paths (a file of
    100.000 figures): within bounds, decimals beyond binary noise (0,1 + 0,2 is
    0,30000000000000004) at most MAX_DECIMALS."""
    return _within_bounds(value) and abs(value - round(value, MAX_DECIMALS)) <= 1e-12 * max(
        1.0, abs(value)
    )


def figure_ok(value: float, negative_ok: bool, percent: bool) -> bool:
    """What `check_figure` adds to `check_number`, as a quick yes or no: the sign and the
    rate its indicator allows (`may_be_negative`, `is_percent`)."""
    return (value >= 0 or negative_ok) and not (percent and abs(value) > MAX_RATE_PERCENT)


def is_percent(indicator: FigureKind) -> bool:
    return indicator.unit.strip() == "%"


def check_decimals(decimals: int, what: str) -> None:
    """A number as typed: its shown decimals (parse_number_detail) within the limit."""
    if decimals > MAX_DECIMALS:
        raise RuleError(
            f"{what}: có {decimals} chữ số thập phân, tối đa {MAX_DECIMALS}; hãy làm tròn."
        )


def may_be_negative(indicator: FigureKind) -> bool:
    """Changes ("giảm 0,30%") and growth rates or indices can fall below zero; amounts,
    counts and shares cannot."""
    if indicator.target_form is TargetForm.CHANGE:
        return True
    name = fold(indicator.name)
    return indicator.kind is IndicatorKind.LEVEL and any(
        word in name for word in ("toc do", "tang truong", "chi so", "bien dong")
    )


def check_figure(value: float | None, indicator: FigureKind, what: str) -> float | None:
    """A reported figure of `indicator`: bounds, sign, rate."""
    value = check_number(value, what)
    if value is None:
        return None
    if value < 0 and not may_be_negative(indicator):
        raise RuleError(
            f"{what}: {format_number(value)} là số âm, nhưng chỉ tiêu “{_short(indicator.name)}” "
            "không thể âm. Hãy nhập số không âm (số giảm chỉ dùng cho chỉ tiêu dạng tăng/giảm)."
        )
    if is_percent(indicator) and abs(value) > MAX_RATE_PERCENT:
        raise RuleError(
            f"{what}: {format_number(value)}% vượt quá {format_number(MAX_RATE_PERCENT)}%; "
            "tỷ lệ này không hợp lý, hãy kiểm tra lại."
        )
    return value


def check_target(value: float | None, indicator: FigureKind, what: str) -> float | None:
    """A plan target: a figure that is also not 0 (except a "less is better" level)."""
    value = check_figure(value, indicator, what)
    zero_goal = indicator.direction is Direction.LOWER and indicator.kind is IndicatorKind.LEVEL
    if value is not None and value == 0 and not zero_goal:
        raise RuleError(
            f"{what}: kế hoạch bằng 0 không dùng được để tính tiến độ. Hãy nhập kế hoạch "
            "khác 0, hoặc để trống nếu chưa có."
        )
    return value


def check_share(value: float | None, what: str) -> float | None:
    """ "đạt trên 95% kế hoạch": a share in (0, 1000]%."""
    value = check_number(value, what)
    if value is not None and not 0 < value <= MAX_RATE_PERCENT:
        raise RuleError(
            f"{what}: tỷ lệ {format_number(value)}% phải lớn hơn 0 và không quá "
            f"{format_number(MAX_RATE_PERCENT)}%; hãy sửa lại tỷ lệ phải đạt."
        )
    return value


def jump_warning(
    value: float | None, target: float | None, last: float | None, what: str
) -> str | None:
    """A figure more than 10× the target or the last figure: likely a typo or a wrong unit."""
    if value is None:
        return None
    for reference, label in ((target, "kế hoạch"), (last, "số gần nhất")):
        if reference and abs(value) > JUMP_FACTOR * abs(reference):
            return (
                f"{what}: {format_number(value)} lớn hơn 10 lần {label} "
                f"({format_number(reference)}). Có thể nhầm đơn vị hoặc gõ thừa chữ số."
            )
    return None


# -- texts -----------------------------------------------------------------------------------
MULTILINE = frozenset({"text", "note", "lead_in", "source_quote", "quote", "report_text"})
TEXT_LIMITS: dict[str, int] = {
    "code": 50,
    "unit": 100,
    "number": 100,
    "kind": 100,
    "entered_by": 200,
    "updated_by": 200,
    "changed_by": 200,
    "imported_by": 200,
    "signer_name": 200,
    "note": 2000,
    "text": 5000,
    "lead_in": 5000,
    "source_quote": 5000,
    "quote": 5000,
    "report_text": 20000,  # a narrative section of a report: a page or two
}
DEFAULT_LIMIT = 500  # names, headings, labels, titles
FIELD_LABELS: dict[str, str] = {
    "code": "Mã",
    "name": "Tên",
    "unit": "Đơn vị tính",
    "note": "Ghi chú",
    "text": "Nội dung",
    "heading": "Tiêu đề nhóm",
    "target_text": "Kế hoạch (lời văn)",
    "deadline_text": "Thời hạn (lời văn)",
    "lead_in": "Câu dẫn",
    "entered_by": "Người nhập",
    "updated_by": "Người cập nhật",
    "baseline_label": "Ghi chú mức khởi điểm",
    "same_period_label": "Ghi chú cùng kỳ",
}
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1, but tab and newline
_BAD = re.compile(r"[\ud800-\udfff\ufffe\uffff]")  # lone surrogates, non-characters


def text_limit(field: str) -> int:
    return TEXT_LIMITS.get(field, DEFAULT_LIMIT)


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def clean_text(text: str | None, field: str, what: str) -> str:
    """The text as stored: NFC, no control characters; refused when it holds lone surrogates
    or non-characters, or is longer than the field's limit."""
    if text is None:
        return ""
    text = str(text)
    if _BAD.search(text):
        raise RuleError(
            f"{what}: văn bản chứa ký tự không hợp lệ (mã hóa hỏng); hãy gõ lại hoặc xin "
            "đơn vị gửi lại tệp."
        )
    if field in MULTILINE:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _CONTROLS.sub("", text)
    else:
        text = _CONTROLS.sub("", text.replace("\t", " ").replace("\r\n", " ").replace("\n", " "))
    text = unicodedata.normalize("NFC", text)
    limit = text_limit(field)
    if len(text) > limit:
        raise RuleError(
            f"{what}: dài {format_number(len(text))} ký tự, tối đa {format_number(limit)}; "
            "hãy rút gọn."
        )
    return text


def printable(text: str) -> str:
    """Stored text as a writer can take it (Word and Excel refuse control characters): for
    text stored before these rules; never raises."""
    return unicodedata.normalize("NFC", _BAD.sub("", _CONTROLS.sub("", text)))


def _short(name: str) -> str:
    return name if len(name) <= 60 else name[:57] + "…"
