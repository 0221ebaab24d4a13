"""Which target forms fit which kind of indicator.

A qualitative indicator ("Giữ vững …", "Hoàn thành hồ sơ …") has a status, not a number, so
its target is kept or completed; an accumulating amount has a number to reach (a value, a
floor, a ceiling, a change); a level may also be a level to keep ("Giữ vững tỷ lệ …", as
plan 65's II.4.1).
"""

from __future__ import annotations

from .terms import IndicatorKind, TargetForm

_NUMBERS = (TargetForm.VALUE, TargetForm.FLOOR, TargetForm.CEILING, TargetForm.CHANGE)

FITTING_FORMS: dict[IndicatorKind, tuple[TargetForm, ...]] = {
    IndicatorKind.ACCUMULATING: _NUMBERS,
    IndicatorKind.LEVEL: (*_NUMBERS, TargetForm.KEEP),
    IndicatorKind.QUALITATIVE: (TargetForm.KEEP, TargetForm.MILESTONE),
}


def form_problem(kind: IndicatorKind, form: TargetForm) -> str | None:
    """Why `form` does not fit `kind` (a Vietnamese sentence saying what to choose), or None."""
    kind, form = IndicatorKind(kind), TargetForm(form)
    if form in FITTING_FORMS[kind]:
        return None
    names = [f"“{f.label}”" for f in FITTING_FORMS[kind]]
    fitting = f"{', '.join(names[:-1])} hoặc {names[-1]}"
    return (
        f"dạng kế hoạch “{form.label}” không dùng cho chỉ tiêu loại “{kind.label}”; "
        f"hãy chọn dạng {fitting} (hoặc đổi loại chỉ tiêu)."
    )
