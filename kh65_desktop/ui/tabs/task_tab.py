"""Nhiệm vụ: tasks with their agencies, deadlines and status; overdue ones stand out."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.tasks import Urgency
from ...domain.terms import TaskStatus
from ...services.rows import TaskRow
from .. import entity_actions, prompts
from ..agency_picker import fill_agency_combo
from ..columns import task_columns
from ..commands import DeleteTaskCommand
from ..context import AppContext
from ..delegates import ChoiceDelegate
from ..labels import label
from ..proxies import TaskFilter
from ..table_export import export_button
from ..table_model import ROW_ROLE, RowTableModel
from ..views import error_label, make_table


class UrgentTaskFilter(TaskFilter):
    """TaskFilter that can also hide tasks which are neither overdue nor due soon."""

    urgent_only = False

    def accepts(self, row: object) -> bool:
        assert isinstance(row, TaskRow)
        if self.urgent_only and row.urgency not in (Urgency.OVERDUE, Urgency.DUE_SOON):
            return False
        return super().accepts(row)


class TaskTab(QWidget):
    """The task table; status is edited in place, adds and deletes are undoable."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.model = RowTableModel(task_columns(context), key=lambda r: r.id, parent=self)
        self.proxy = UrgentTaskFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setObjectName("taskSearch")
        self.search.setPlaceholderText(self.tr("Tìm nhiệm vụ…"))
        self.search.setClearButtonEnabled(True)
        self.agency = QComboBox()
        self.agency.setObjectName("taskAgencyFilter")
        self.urgent = QCheckBox(self.tr("Chỉ việc quá hạn, sắp đến hạn"))
        add = QPushButton(self.tr("Thêm nhiệm vụ…"))
        add.setObjectName("addTask")
        add.clicked.connect(lambda: entity_actions.add_task(context, self))
        edit = QPushButton(self.tr("Sửa nhiệm vụ…"))
        edit.setObjectName("editTask")
        edit.clicked.connect(self.edit_selected)
        delete = QPushButton(self.tr("Xóa nhiệm vụ"))
        delete.setObjectName("deleteTask")
        delete.clicked.connect(self.delete_selected)
        self.error = error_label()
        self.table = make_table(
            self.proxy,
            context.settings,
            "tasks",
            widths={0: 70, 1: 520, 2: 200, 3: 200, 4: 95, 5: 120},
        )
        labels = [label(s) for s in TaskStatus]
        self.table.setItemDelegateForColumn(
            self.model.column_index("status"), ChoiceDelegate(labels, self.table)
        )
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.agency, 2)
        bar.addWidget(self.urgent)
        bar.addWidget(
            export_button(
                self,
                self.table,
                "nhiem-vu",
                lambda: [self.agency.currentText() if self.agency.currentData() else None],
            )
        )
        bar.addWidget(add)
        bar.addWidget(edit)
        bar.addWidget(delete)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.table)
        self.search.textChanged.connect(self.proxy.set_text)
        self.agency.currentIndexChanged.connect(
            lambda: self.proxy.set_agency(self.agency.currentData())
        )
        self.urgent.toggled.connect(self._set_urgent)
        self.model.edit_rejected.connect(self._show_error)
        context.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        fill_agency_combo(
            self.agency, self.context, self.context.agencies(), self.tr("Mọi cơ quan")
        )
        self.model.set_rows(self.context.tasks())
        self.error.hide()

    def _set_urgent(self, on: bool) -> None:
        self.proxy.change_filter(urgent_only=on)

    def selected_task(self) -> TaskRow | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def edit_selected(self) -> None:
        task = self.selected_task()
        if task is None:
            self._show_error(self.tr("Hãy chọn nhiệm vụ cần sửa."))
            return
        entity_actions.edit_task(self.context, self, task.id)

    def delete_selected(self) -> None:
        task = self.selected_task()
        if task is None:
            self._show_error(self.tr("Hãy chọn nhiệm vụ cần xóa."))
            return
        question = self.tr("Xóa nhiệm vụ {0}?\n\n{1}\n\nCó thể hoàn tác bằng Ctrl+Z.").format(
            task.code, task.text[:200]
        )
        if prompts.confirm(self, self.tr("Xóa nhiệm vụ"), question):
            self.context.push(
                DeleteTaskCommand(
                    self.context, task.id, self.tr("xóa nhiệm vụ {0}").format(task.code)
                )
            )

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
