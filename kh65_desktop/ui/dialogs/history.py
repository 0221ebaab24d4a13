"""The history of an indicator's figures: old -> new, who, when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...domain.numbers import format_moment, format_number
from .. import prompts
from ..context import AppContext
from ..table_model import Column, RowTableModel
from ..views import make_table


@dataclass(frozen=True)
class HistoryRow:
    id: int
    period: str
    locality: str
    old: str
    new: str
    who: str
    when: datetime


def history_rows(context: AppContext, indicator_id: int) -> list[HistoryRow]:
    periods = {p.id: p.name for p in context.periods()}
    localities = {loc.id: loc.name for loc in context.plans.localities()}
    rows = []
    for change in context.edits.value_history(indicator_id):
        rows.append(
            HistoryRow(
                change.id or 0,
                periods.get(change.period_id, ""),
                localities.get(change.locality_id, "") if change.locality_id else "",
                format_number(change.old_value) or change.old_text or "—",
                format_number(change.new_value) or change.new_text or "—",
                change.changed_by,
                change.changed_at,
            )
        )
    return rows


class HistoryDialog(QDialog):
    """A read-only table of changes, newest last."""

    def __init__(
        self, context: AppContext, indicator_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lịch sử số liệu"))
        self.resize(820, 380)
        columns = [
            Column("period", self.tr("Kỳ"), lambda r: r.period),
            Column("locality", self.tr("Địa phương"), lambda r: r.locality),
            Column("old", self.tr("Số cũ"), lambda r: r.old),
            Column("new", self.tr("Số mới"), lambda r: r.new),
            Column("who", self.tr("Người sửa"), lambda r: r.who),
            Column(
                "when", self.tr("Thời gian"), lambda r: format_moment(r.when), sort=lambda r: r.when
            ),
        ]
        self.model = RowTableModel(columns, key=lambda r: r.id, parent=self)
        self.model.set_rows(history_rows(context, indicator_id))
        table = make_table(
            self.model, context.settings, "history", widths={0: 170, 1: 130, 2: 100, 3: 100, 4: 150}
        )
        title = QLabel(name)
        title.setWordWrap(True)
        empty = QLabel(self.tr("Chưa có thay đổi nào được ghi lại cho chỉ tiêu này."))
        empty.setVisible(not self.model.rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(empty)
        layout.addWidget(table)
        layout.addWidget(buttons)


def show_history(context: AppContext, indicator_id: int, name: str, parent: QWidget) -> None:
    prompts.run_dialog(HistoryDialog(context, indicator_id, name, parent))
