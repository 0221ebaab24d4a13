"""Reading a received JSON document safely, field by field.

Nothing in a received file is trusted: the JSON is parsed under limits (nesting, the number of
objects, the length of integers), and every field read from it is checked for its type, so a
wrong one ends in a Vietnamese message naming the field, never in a traceback or a wrong value
stored (str() of a dict, bool() of "false"). A clerk cannot mend a package by hand, so every
message asks for the file to be exported again. Fields this version does not know are ignored
(docs/exchange-format.md).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..domain.figure_rules import TEXT_LIMITS
from .data import MAX_VALUES, ExchangeError

RESEND = "Hãy đề nghị đơn vị gửi xuất lại tệp bằng KH65 Desktop rồi gửi lại."
MAX_DIGITS = 20  # no figure, code or version needs a longer integer
MAX_CODE = TEXT_LIMITS["code"]  # characters of a code: "65/KH-UBND/2024", "II.1.T5.1"
# Objects and lists in one document: one per figure, and room for periods, tasks and
# definitions. Each costs about 60 bytes of memory for 2 bytes of JSON ("{}"), so without a
# bound a 200 MB document of them would take gigabytes before any field could be checked.
MAX_CONTAINERS = MAX_VALUES + 100_000

Where = Callable[[], str]  # says where a field is; put together only for a message


class _LongInteger(Exception):
    def __init__(self, digits: int) -> None:
        self.digits = digits


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _LongInteger(len(text.lstrip("-")))  # before int(): Python refuses > 4300 digits
    return int(text)


def load_object(raw: bytes, path: Path, name: str) -> dict[str, Any]:
    """The JSON object in `raw`; raises ExchangeError saying what is wrong with it."""

    def refuse(problem: str) -> ExchangeError:
        return ExchangeError(path, f"phần “{name}” {problem} {RESEND}")

    containers = raw.count(b"{") + raw.count(b"[")
    if containers > MAX_CONTAINERS:
        raise refuse(
            f"chứa quá nhiều đối tượng ({containers:,}; tối đa {MAX_CONTAINERS:,}).".replace(
                ",", "."
            )
        )
    try:
        value = json.loads(raw.decode("utf-8"), parse_int=_integer)
    except UnicodeDecodeError:
        raise refuse("không phải văn bản UTF-8.") from None
    except json.JSONDecodeError as exc:
        raise refuse(
            f"không phải JSON hợp lệ (lỗi ở dòng {exc.lineno}, cột {exc.colno})."
        ) from None
    except _LongInteger as exc:
        raise refuse(
            f"có một số nguyên dài {exc.digits} chữ số (tối đa {MAX_DIGITS}): không thể là số "
            "liệu thật."
        ) from None
    except RecursionError:
        raise refuse("lồng nhau quá nhiều tầng (danh sách trong danh sách…).") from None
    except MemoryError:
        raise refuse("quá lớn để đọc trên máy này.") from None
    if not isinstance(value, dict):
        raise refuse(f"phải là một đối tượng JSON {{…}}, không phải {describe(value)}.")
    return value


def describe(value: Any) -> str:
    """A received value as the clerk may see it in a message, cut short."""
    if value is None:
        return "giá trị trống (null)"
    if isinstance(value, bool):
        return "giá trị đúng/sai (true/false)"
    if isinstance(value, dict):
        return "một đối tượng {…}"
    if isinstance(value, list):
        return "một danh sách […]"
    if isinstance(value, int | float):
        return f"số {value!r}"[:40]
    text = str(value)
    return f"“{text[:40]}…”" if len(text) > 40 else f"“{text}”"


def _wrong(path: Path, where: Where, key: str, wanted: str, value: Any) -> ExchangeError:
    return ExchangeError(
        path, f"{where()}: trường “{key}” phải là {wanted}, không phải {describe(value)}. {RESEND}"
    )


def record(value: Any, path: Path, where: Where) -> dict[str, Any]:
    if type(value) is not dict:
        wanted = f"phải là một đối tượng JSON {{…}}, không phải {describe(value)}"
        raise ExchangeError(path, f"{where()} {wanted}. {RESEND}")
    return value


def rows(body: dict[str, Any], key: str, path: Path) -> list[Any]:
    """A list of rows; missing or null is an empty list."""
    value = body.get(key)
    if value is None:
        return []
    if type(value) is not list:
        raise _wrong(path, lambda: "nội dung", key, "một danh sách […]", value)
    return value


def name(row: dict[str, Any], key: str, path: Path, where: Where) -> str:
    """A required, non-empty text."""
    value = row.get(key)
    if type(value) is str and value.strip():
        return value
    if key not in row:
        raise ExchangeError(path, f"{where()}: thiếu trường “{key}”. {RESEND}")
    raise _wrong(path, where, key, "một chuỗi chữ không rỗng", value)


def code(row: dict[str, Any], key: str, path: Path, where: Where) -> str:
    """A required code (of an indicator, period, task, group, agency or plan): short, since
    codes are repeated in every later message about the row."""
    value = name(row, key, path, where)
    if len(value) > MAX_CODE:
        raise ExchangeError(
            path,
            f"{where()}: trường “{key}” dài {len(value)} ký tự, không thể là một mã "
            f"(tối đa {MAX_CODE}). {RESEND}",
        )
    return value


def text(row: dict[str, Any], key: str, path: Path, where: Where) -> str:
    """An optional text; missing or null is ""."""
    value = row.get(key)
    if type(value) is str:
        return value
    if value is None:
        return ""
    raise _wrong(path, where, key, "một chuỗi chữ", value)


def optional_code(row: dict[str, Any], key: str, path: Path, where: Where) -> str | None:
    """A code that may be missing (null or ""): a locality, where none means province-wide."""
    value = row.get(key)
    if value is None or value == "":
        return None
    if type(value) is str and len(value) <= MAX_CODE:
        return value
    raise _wrong(path, where, key, f"một mã (chuỗi chữ, tối đa {MAX_CODE} ký tự) hoặc null", value)


def choice(row: dict[str, Any], key: str, allowed: type[StrEnum], path: Path, where: Where) -> str:
    """One of an enum's values (a kind, direction, target form or status)."""
    value = row.get(key)
    if type(value) is str:
        try:
            return allowed(value).value
        except ValueError:
            pass
    names = ", ".join(f"“{m.value}”" for m in allowed)
    raise _wrong(path, where, key, f"một trong {names}", value)


def number(row: dict[str, Any], key: str, path: Path, where: Where) -> float | None:
    """A finite number or null."""
    value = row.get(key)
    if value is None:
        return None
    if type(value) is float or type(value) is int:
        value = float(value)  # ints are at most MAX_DIGITS long: no OverflowError
        if math.isfinite(value):
            return value
        shown = (
            "NaN không hợp lệ (không phải là số)"
            if math.isnan(value)
            else f"{value} không hợp lệ (vô hạn)"
        )
        raise ExchangeError(path, f"{where()}: trường “{key}” có giá trị {shown}. {RESEND}")
    raise _wrong(path, where, key, "một số", value)


def flag(row: dict[str, Any], key: str, path: Path, where: Where) -> bool | None:
    """true, false or null (never the text "false", which bool() would take as true)."""
    value = row.get(key)
    if value is None or type(value) is bool:
        return value
    raise _wrong(path, where, key, "true, false hoặc null", value)


def day(row: dict[str, Any], key: str, path: Path, where: Where) -> date | None:
    """A date "YYYY-MM-DD", or None when missing, null or ""."""
    value = row.get(key)
    if value is None or value == "":
        return None
    if type(value) is str:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _wrong(path, where, key, "một ngày dạng YYYY-MM-DD", value)


def required_day(row: dict[str, Any], key: str, path: Path, where: Where) -> date:
    found = day(row, key, path, where)
    if found is None:
        raise ExchangeError(path, f"{where()}: thiếu ngày ở trường “{key}”. {RESEND}")
    return found


def moment(row: dict[str, Any], key: str, path: Path, where: Where) -> datetime | None:
    """A time in ISO 8601, in UTC (a time without a zone is taken as UTC, as the database
    stores it); None when missing, null or "". Converted here, so a time at the end of the
    calendar (9999-12-31T23:59:59-12:00 is in year 10000 in UTC) is refused at the door."""
    value = row.get(key)
    if value is None or value == "":
        return None
    if type(value) is str:
        try:
            found = datetime.fromisoformat(value)
            return found.astimezone(UTC) if found.tzinfo else found.replace(tzinfo=UTC)
        except (ValueError, OverflowError):
            pass
    raise _wrong(path, where, key, "một thời điểm dạng ISO 8601 trong năm 1 đến 9999", value)
