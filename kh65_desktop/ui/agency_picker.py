"""Agencies as pickers show them: current ones first under their names, those that ended
(merged, split, district level abolished) apart after a separator under "Cơ quan trước đây",
each saying until when and who carries its work now. The facts come from
services/organisations.py; this module only words and lays them out."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox

from ..domain.numbers import format_date
from ..services.organisations import PickerFacts, current_first, picker_facts
from ..services.rows import AgencyRow
from .context import AppContext
from .views import fill_combo


def label(row: AgencyRow, facts: PickerFacts | None) -> str:
    """A current agency renamed since the plan: its name in the plan, and today's. A past one:
    its last name, until when, and its successor."""
    if facts is None:
        return row.name
    if facts.past:
        until = format_date(facts.valid_to)
        if facts.successor:
            return QCoreApplication.translate("AgencyPicker", "{0} (đến {1}; nay: {2})").format(
                facts.name_then, until, facts.successor
            )
        return QCoreApplication.translate("AgencyPicker", "{0} (đến {1})").format(
            facts.name_then, until
        )
    if facts.name_then != row.name:
        # the plan's own name first (plan 65 says "Ban Dân tộc"), today's after it
        return QCoreApplication.translate("AgencyPicker", "{0} (nay: {1})").format(
            facts.name_then, row.name
        )
    return row.name


def _facts(context: AppContext) -> dict[int, PickerFacts]:
    return picker_facts(context.plans.engine, context.plan, context.today())


def ordered_rows(context: AppContext, rows: list[AgencyRow]) -> tuple[list[AgencyRow], int]:
    """The rows relabelled, current first; and how many are current (the rest are past)."""
    facts = _facts(context)
    by_id = {r.id: r for r in rows}
    current, past = current_first([r.id for r in rows], facts)
    ordered = [replace(by_id[i], name=label(by_id[i], facts.get(i))) for i in current + past]
    return ordered, len(current)


def agency_choices(context: AppContext) -> list[tuple[str, int]]:
    """(label, id) for a form's agency lists: current agencies first, then those that ended,
    each saying until when and who carries its work now (a 2026 plan's group is not given
    "Sở Kế hoạch và Đầu tư" as if it still existed)."""
    return [(r.name, r.id) for r in ordered_rows(context, context.agencies())[0]]


def fill_agency_combo(
    combo: QComboBox, context: AppContext, rows: list[AgencyRow], first: str | None = None
) -> None:
    """`fill_combo` for agencies: current ones, then a separator and a greyed, unselectable
    "Cơ quan trước đây" heading over the past ones."""
    ordered, current = ordered_rows(context, rows)
    fill_combo(combo, [(r.name, r.id) for r in ordered], first)
    if current == len(ordered):
        return
    at = current + (1 if first is not None else 0)
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.insertSeparator(at)
    combo.insertItem(at + 1, QCoreApplication.translate("AgencyPicker", "Cơ quan trước đây"), None)
    model = combo.model()
    if isinstance(model, QStandardItemModel):
        heading = model.item(at + 1)
        heading.setFlags(
            heading.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable
        )
    combo.setCurrentIndex(max(combo.findData(chosen), 0))
    combo.blockSignals(False)
