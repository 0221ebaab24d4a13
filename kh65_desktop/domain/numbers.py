"""Vietnamese numbers and dates, parsed and formatted in one place.

Clerks write "." between thousands and "," before decimals (3.300; 4.874,53; 53,05%),
and dates as 04/7/2024 or "ngày 04 tháng 7 năm 2024". Bad input raises
`VietnameseFormatError` with a message a clerk can act on; it never becomes zero.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal


class VietnameseFormatError(ValueError):
    """A number or date that cannot be read; the message is in Vietnamese."""


@dataclass(frozen=True)
class ParsedNumber:
    """A number as written, with how many decimals the writer showed."""

    value: float
    decimals: int


# Digits with optional "." groups of exactly three, then an optional "," decimal part.
_NUMBER = re.compile(r"^(?P<sign>[+\-−]?)(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?$")


def parse_number_detail(text: str | None) -> ParsedNumber:
    """Read a Vietnamese-format number and keep its shown decimals."""
    if text is None or not str(text).strip():
        raise VietnameseFormatError("Ô này cần một số, không được để trống.")
    raw = str(text).strip().replace("\u00a0", "").replace(" ", "")
    match = _NUMBER.match(raw)
    if not match:
        raise VietnameseFormatError(_explain(raw))
    sign = -1.0 if match["sign"] in ("-", "−") else 1.0
    frac = match["frac"] or ""
    value = float(match["int"].replace(".", "") + ("." + frac if frac else ""))
    return ParsedNumber(sign * value, len(frac))


def parse_number(text: str | None) -> float:
    """Read a Vietnamese-format number ("3.300,5" -> 3300.5)."""
    return parse_number_detail(text).value


def parse_optional_number(text: str | None) -> float | None:
    """Like `parse_number`, but an empty cell means "no figure" (None)."""
    if text is None or not str(text).strip():
        return None
    return parse_number(text)


def _explain(raw: str) -> str:
    """Say what is wrong with a string that is not a Vietnamese number."""
    shown = f"“{raw}”"
    if not re.search(r"\d", raw):
        return f"{shown} không phải là số. Hãy nhập số, ví dụ 3.300 hoặc 53,05."
    if raw.endswith("%") and _NUMBER.match(raw[:-1]):  # "87,5%": the unit is the column's
        return (
            f"{shown}: hãy bỏ dấu %, chỉ nhập số (ví dụ {raw[:-1]}); "
            "đơn vị đã có ở cột “Đơn vị tính”."
        )
    if raw.count(",") > 1:
        return (
            f"{shown} có nhiều hơn một dấu phẩy. Dấu phẩy chỉ dùng một lần, trước phần "
            "thập phân (ví dụ 4.874,53)."
        )
    if re.search(r"\.\d{1,2}$|\.\d{4,}", raw.split(",")[0]):
        return (
            f"{shown} không đúng cách viết số: dấu chấm dùng để tách hàng nghìn (3.300), "
            "phần thập phân viết sau dấu phẩy (39,33)."
        )
    return f"{shown} không đúng cách viết số. Ví dụ đúng: 3.300; 4.874,53; -0,30."


def format_number(value: float | None, decimals: int | None = None) -> str:
    """Write a number the Vietnamese way; `decimals=None` shows up to 2, trimming zeros."""
    if value is None:
        return ""
    if not math.isfinite(value) or abs(value) >= _SHOWN_WHOLE:
        return _absurd(value)
    if decimals is None:
        text = _fixed(value, 2)
        if "," in text:
            text = text.rstrip("0").rstrip(",")
        return text
    return _fixed(value, decimals)


_SHOWN_WHOLE = 1e18  # beyond the figure rules' 10^15; only a database from before them has it


def _absurd(value: float) -> str:
    """A figure stored before the figure rules (1e300, inf): shown as what it is, so the clerk
    can find and correct it, instead of failing every screen and report."""
    if math.isnan(value):
        return "(không phải số)"
    if math.isinf(value):
        return "(vô cực)" if value > 0 else "(âm vô cực)"
    return f"{value:.3e}".replace(".", ",")


def _fixed(value: float, decimals: int) -> str:
    if abs(round(value, decimals) - value) < 1e-9 and abs(value) < 1e15:
        text = f"{abs(value):.{decimals}f}"  # nothing to round: the fast path, most figures
        sign = "-" if value < 0 and float(text) != 0 else ""
    else:  # round half up on the decimal digits people see, not on the binary value
        quant = Decimal(1).scaleb(-decimals)
        rounded = Decimal(repr(value)).quantize(quant, rounding=ROUND_HALF_UP)
        sign = "-" if rounded < 0 else ""
        text = f"{abs(rounded):f}"
    whole, _, frac = text.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + frac if frac else "")


def round_half_up(value: float, decimals: int) -> float:
    """Round as people do on paper (44,615 -> 44,62), not banker's rounding."""
    if not math.isfinite(value) or abs(value) >= _SHOWN_WHOLE:
        return value  # beyond 28 significant digits there is nothing to round
    quant = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(quant, rounding=ROUND_HALF_UP))


def format_percent(value: float | None, decimals: int = 2) -> str:
    """53.05 -> "53,05%"."""
    return "" if value is None else f"{format_number(value, decimals)}%"


def format_quantity(value: float | None, unit: str, decimals: int | None = None) -> str:
    """3300, "tỷ đồng" -> "3.300 tỷ đồng"; a "%" unit is written without a space."""
    if value is None:
        return ""
    number = format_number(value, decimals)
    if not unit:
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


RATE_DECIMALS = 2  # a rate is printed with two decimals: "83,50%" (report-content.md)


def format_measure(value: float | None, unit: str, decimals: int | None = None) -> str:
    """A figure as a report prints it, without its unit: a rate ("%") with two decimals
    (83,5 -> "83,50"), an amount as `format_number` writes it; `decimals` overrides both
    (a stated figure keeps the decimals the document shows)."""
    if decimals is None and unit == "%":
        return format_rate(value)
    return format_number(value, decimals)


def format_rate(value: float | None) -> str:
    """A rate or a share of plan as reports print it: two decimals ("83,50"), but a whole
    number whole ("100", "98"), as the documents write "đạt 100%" (never "100,00%")."""
    if value is None or not math.isfinite(value) or abs(value) >= _SHOWN_WHOLE:
        return format_number(value)
    text = format_number(value, RATE_DECIMALS)
    return text[: -RATE_DECIMALS - 1] if text.endswith("," + "0" * RATE_DECIMALS) else text


# A number written with a leading zero ("05%", "tăng thêm 06 xã"), not a decimal ("0,30")
# nor part of a date or a code ("04/7/2024", "25/2023/QĐ-TTg").
_LEADING_ZERO = re.compile(r"(?<![\d.,/])0+(?=\d)(?![\d.,]*/)")


def without_leading_zeros(text: str) -> str:
    """ "05%" -> "5%", "tăng thêm 06 xã" -> "tăng thêm 6 xã"; "0,30%" and dates unchanged.
    Decree 30 writes a leading zero only in document numbers and dates."""
    return _LEADING_ZERO.sub("", text)


_SHORT_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_LONG_DATE = re.compile(r"^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$", re.I)


def parse_date(text: str | None) -> date:
    """Read 04/7/2024, 04/07/2024 or "ngày 04 tháng 7 năm 2024"."""
    raw = (text or "").strip()
    if not raw:
        raise VietnameseFormatError("Ô này cần một ngày (ví dụ 04/7/2024), không được để trống.")
    match = _SHORT_DATE.match(raw) or _LONG_DATE.match(raw)
    if not match:
        raise VietnameseFormatError(
            f"“{raw}” không phải là ngày. Hãy viết ngày/tháng/năm, ví dụ 04/7/2024."
        )
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise VietnameseFormatError(
            f"“{raw}” không có trong lịch (ngày {day} tháng {month})."
        ) from None


def _day(d: date) -> str:
    return f"{d.day:02d}"


def _month(d: date) -> str:
    # Decree 30: days below 10 and months 1 and 2 get a leading zero.
    return f"{d.month:02d}" if d.month <= 2 else str(d.month)


def format_date(d: date | None) -> str:
    """date(2024, 7, 4) -> "04/7/2024"."""
    return "" if d is None else f"{_day(d)}/{_month(d)}/{d.year}"


def local_time(moment: datetime) -> datetime:
    """A stored time in this computer's time zone; one without a zone is UTC, as the
    database keeps every time."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone()


def format_moment(moment: datetime | None) -> str:
    """A stored time as the clerk reads it, in local time: "04/7/2024 09:30"."""
    if moment is None:
        return ""
    local = local_time(moment)
    return f"{format_date(local.date())} {local:%H:%M}"


def format_date_long(d: date) -> str:
    """date(2024, 7, 4) -> "ngày 04 tháng 7 năm 2024"."""
    return f"ngày {_day(d)} tháng {_month(d)} năm {d.year}"
