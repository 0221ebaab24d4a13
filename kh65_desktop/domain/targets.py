"""How a target reads in Vietnamese when the document gave no wording of its own."""

from __future__ import annotations

from .numbers import format_number, format_quantity
from .progress import Target
from .terms import TargetForm


def describe_target(target: Target, unit: str) -> str:
    """The document's wording if there is one, else e.g. "trên 95%", "giảm 0,30%"."""
    if target.text:
        return target.text
    value = target.value
    amount = format_quantity(abs(value), unit) if value is not None else ""
    if target.form is TargetForm.VALUE:
        text = format_quantity(value, unit) if value is not None else ""
        if target.share is not None:
            share = f"{'trên' if target.strict else 'từ'} {format_number(target.share)}% kế hoạch"
            text = f"{share} ({text})" if text else share
        return text
    if target.form is TargetForm.FLOOR:
        return f"trên {amount}" if target.strict else f"từ {amount} trở lên"
    if target.form is TargetForm.CEILING:
        return f"dưới {amount}" if target.strict else f"không quá {amount}"
    if target.form is TargetForm.CHANGE and value is not None:
        return f"{'giảm' if value < 0 else 'tăng thêm'} {amount}"
    if target.form is TargetForm.KEEP:
        return f"Giữ vững {amount}".strip()
    return "Hoàn thành"
