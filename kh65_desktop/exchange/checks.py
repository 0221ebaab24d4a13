"""The figure and text rules (domain/figure_rules.py) applied to a whole received file,
package or Excel template, before its preview: a file with one bad figure is refused whole,
naming the row or indicator, and nothing reaches the database."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import Any

from ..domain.figure_rules import (
    FigureKind,
    RuleError,
    check_figure,
    check_number,
    check_share,
    check_target,
    clean_text,
    number_ok,
    text_limit,
)
from ..domain.terms import IndicatorKind
from .data import ExchangeData, ExchangeError, TargetData, TextData, ValueData

MAX_SHOWN = 5  # problems listed in the message; the count says how many more


def check_received(data: ExchangeData) -> ExchangeData:
    """Refuse (ExchangeError) a file breaking the rules; return it with its texts cleaned."""
    problems: list[str] = []

    def attempt(action: Any, *args: Any) -> Any:
        try:
            return action(*args)
        except RuleError as error:
            problems.append(str(error))
            return None

    data.plan_code = attempt(clean_text, data.plan_code, "code", "Mã kế hoạch") or ""
    data.sender_code = attempt(clean_text, data.sender_code, "code", "Mã đơn vị gửi") or ""
    data.sender_name = attempt(clean_text, data.sender_name, "name", "Tên đơn vị gửi") or ""
    data.periods = [
        replace(
            p,
            code=attempt(clean_text, p.code, "code", f"Kỳ {p.code[:20]}, mã") or "",
            name=attempt(clean_text, p.name, "name", f"Kỳ {p.code[:20]}, tên") or "",
        )
        for p in data.periods
    ]
    kinds = {}
    for number, d in enumerate(data.definitions, start=1):
        kind = attempt(_definition, d, number)
        if kind is not None:
            kinds[d.code] = kind
    data.definitions = [
        attempt(_clean_definition, d, n) or d for n, d in enumerate(data.definitions, 1)
    ]
    for number, v in enumerate(data.values, start=1):
        if v.indicator in kinds or not _fine(v):  # most pass the quick look: 100.000 in 0,1 s
            attempt(_value, v, number, kinds.get(v.indicator))
        if len(problems) > 100:  # a file of 100.000 bad figures: enough to say what is wrong
            break
    data.tasks = [
        replace(
            t,
            note=attempt(clean_text, t.note, "note", f"Nhiệm vụ {t.code[:20]}, ghi chú") or "",
            updated_by=attempt(clean_text, t.updated_by, "updated_by", f"Nhiệm vụ {t.code[:20]}")
            or "",
        )
        for t in data.tasks
    ]
    data.texts = [attempt(_clean_section, t, n) or t for n, t in enumerate(data.texts, 1)]
    if problems:
        raise refusal(data, problems)
    return data


def _clean_section(t: TextData, number: int) -> TextData:
    """A report section: the text rules of a section (figure_rules' "report_text")."""
    where = f"phần lời văn thứ {number} (kỳ {str(t.period)[:30]}, {str(t.section)[:30]})"
    return replace(
        t,
        period=clean_text(t.period, "code", f"{where}, mã kỳ"),
        task=clean_text(t.task, "code", f"{where}, mã nhiệm vụ") if t.task else None,
        text=clean_text(t.text, "report_text", where),
        updated_by=clean_text(t.updated_by, "updated_by", f"{where}, người cập nhật"),
    )


def refusal(data: ExchangeData, problems: list[str]) -> ExchangeError:
    """A file refused for the figures it names (the first few, and how many more)."""
    # each problem is a sentence of its own, often with its full stop: one stop, not two
    shown = "; ".join(p.rstrip(". ") for p in problems[:MAX_SHOWN])
    more = len(problems) - MAX_SHOWN
    extra = f" (và {more} lỗi khác)" if more > 0 else ""
    return ExchangeError(
        data.source or "tệp",
        f"{shown}{extra}. Hãy sửa các số liệu này trong tệp (hoặc xin đơn vị gửi lại tệp) "
        "rồi nhập lại.",
    )


def _fine(v: ValueData) -> bool:
    """A quick look, true only when `_value` would find nothing to refuse or clean."""
    value = v.value
    if value is not None and (type(value) is not float or not number_ok(value)):
        return False
    try:
        joined = v.indicator + v.period + (v.locality or "") + v.text + v.note + v.entered_by
    except TypeError:  # a field that is not text
        return False
    return (
        max(len(v.indicator), len(v.period), len(v.locality or "")) <= _CODE
        and len(v.text) <= _TEXT
        and len(v.note) <= _NOTE
        and len(v.entered_by) <= _PERSON
        and joined.isprintable()  # no control characters, lone surrogates or line breaks
        and unicodedata.is_normalized("NFC", joined)
    )


_CODE, _TEXT = text_limit("code"), text_limit("text")
_NOTE, _PERSON = text_limit("note"), text_limit("entered_by")


def _where(v: ValueData, number: int) -> str:
    place = f"dòng {v.row}" if v.row is not None else f"số liệu thứ {number}"
    return f"{place} (chỉ tiêu {str(v.indicator)[:30]}, kỳ {str(v.period)[:30]})"


def _value(v: ValueData, number: int, kind: FigureKind | None) -> None:
    where = _where(v, number)
    for name in ("indicator", "period"):
        clean_text(getattr(v, name), "code", f"{where}, mã")
    if v.locality is not None:
        clean_text(v.locality, "code", f"{where}, mã địa bàn")
    v.value = check_figure(v.value, kind, where) if kind else check_number(v.value, where)
    if v.text:
        v.text = clean_text(v.text, "text", f"{where}, nội dung")
    if v.note:
        v.note = clean_text(v.note, "note", f"{where}, ghi chú")
    if v.entered_by:
        v.entered_by = clean_text(v.entered_by, "entered_by", f"{where}, người nhập")


def _definition(d: TargetData, number: int) -> FigureKind | None:
    """A definition's target within the rules; its kind, for the package's own figures of it."""
    where = f"định nghĩa thứ {number} (chỉ tiêu {str(d.code)[:30]})"
    try:
        kind = FigureKind.of(d)
    except ValueError:
        return None  # an unknown kind is refused by the preview, which names it
    if kind.kind is not IndicatorKind.QUALITATIVE:
        check_target(d.target_value, kind, where)
    else:
        check_number(d.target_value, where)
    check_share(d.target_share, where)
    return kind


def _clean_definition(d: TargetData, number: int) -> TargetData:
    where = f"định nghĩa thứ {number} (chỉ tiêu {str(d.code)[:30]})"
    return replace(
        d,
        code=clean_text(d.code, "code", f"{where}, mã"),
        group=clean_text(d.group, "code", f"{where}, mã nhóm"),
        name=clean_text(d.name, "name", f"{where}, tên"),
        unit=clean_text(d.unit, "unit", f"{where}, đơn vị tính"),
        target_text=clean_text(d.target_text, "target_text", f"{where}, kế hoạch"),
    )
