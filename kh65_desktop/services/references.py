"""What still refers to an agency or a locality, said in words: a clerk may delete one only
when nothing does (no group or task assigned to it, no figure, no district target).

History rows (value_change) do not hold a locality back: they go with it and come back with
it on undo (a figure typed there by mistake and undone leaves only history behind).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from ..domain.numbers import format_number
from ..storage.models import Agency, GroupAgency, IndicatorGroup, Plan
from .row_snapshots import referring, table_of

# Tables that go with the row deleted instead of holding it back.
GOES_WITH = frozenset({"value_change"})

# How a referring table is named in the refusal: "{n} …".
_WHAT = {
    "task_agency": "{0} nhiệm vụ được giao",
    "report_text": "{0} đoạn nội dung báo cáo",
    "reported_value": "{0} số liệu",
    "locality_target": "{0} kế hoạch địa bàn",
    "stated_figure": "{0} số liệu văn bản nêu",
    "same_period_value": "{0} số liệu cùng kỳ",
}


def uses(connection: Connection, model: type[Any], key: int) -> list[str]:
    """Each kind of row that refers to the row, in a phrase ("nhóm chỉ tiêu II.1 (kế hoạch
    65/KH-UBND)", "3 số liệu"); empty when nothing does."""
    table = table_of(model)
    found = []
    for other, column in referring(table):
        if other.name in GOES_WITH:
            continue
        if other is table_of(GroupAgency):
            groups = connection.execute(
                select(IndicatorGroup.code, Plan.number)  # type: ignore[call-overload]
                .join(GroupAgency, GroupAgency.group_id == IndicatorGroup.id)
                .join(Plan, Plan.id == IndicatorGroup.plan_id)
                .where(GroupAgency.agency_id == key)
                .order_by(Plan.number, IndicatorGroup.position)
            ).all()
            if groups:
                listed = ", ".join(f"{code} (kế hoạch {number})" for code, number in groups)
                found.append(f"được phân công ở nhóm chỉ tiêu {listed}")
            continue
        if other is table_of(Agency):
            names = connection.execute(select(other.c.name).where(column == key)).scalars().all()
            if names:
                found.append("là địa bàn của cơ quan " + ", ".join(f"“{n}”" for n in names))
            continue
        count = connection.execute(
            select(func.count()).select_from(other).where(column == key)
        ).scalar_one()
        if count:
            what = _WHAT.get(other.name, "{0} dòng trong bảng " + other.name)
            found.append(what.format(format_number(count)))
    return found
