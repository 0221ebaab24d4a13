"""The plan editor's "Nhóm và chỉ tiêu" page: the groups and their indicators as a tree, to
add, edit, move and delete (each an undoable command). Targets are typed in the Chỉ tiêu tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import format_number
from ...domain.terms import Direction, IndicatorKind, TargetForm
from ...services.plan_editing import GroupNode, IndicatorNode, PlanEditing
from ...storage.models import Indicator, IndicatorGroup
from .. import prompts
from ..agency_picker import agency_choices
from ..context import AppContext
from ..labels import label
from ..plan_commands import AddCommand, ChangeCommand, DeleteCommand, MoveCommand
from .form import Field, FormDialog

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # ("group" | "indicator", id) on a row's first cell
GROUP, INDICATOR = "group", "indicator"


class OutlinePage(QWidget):
    """Groups at the top level, indicators under them, sub-indicators under those."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editing = PlanEditing(context.engine)
        self.nodes: dict[tuple[str, int], Any] = {}
        self.items: dict[tuple[str, int], QStandardItem] = {}  # each key's first cell
        self.model = QStandardItemModel(0, 6, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Mã"),
                self.tr("Tên nhóm, chỉ tiêu"),
                self.tr("Đơn vị tính"),
                self.tr("Loại"),
                self.tr("Dạng kế hoạch"),
                self.tr("Số liệu"),
            ]
        )
        self.tree = QTreeView()
        self.tree.setObjectName("outlineTree")
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 0px; }")  # as the tables' rows
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 130), (2, 110), (3, 90), (4, 110), (5, 70)):
            header.resizeSection(column, width)
        self.tree.activated.connect(lambda _: self.edit())  # Enter or double-click

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, shortcut, slot in (
            ("addGroup", self.tr("Thêm nhóm…"), "", self.add_group),
            ("addIndicator", self.tr("Thêm chỉ tiêu…"), "Ins", lambda: self.add_indicator()),
            ("addChild", self.tr("Thêm chỉ tiêu con…"), "", lambda: self.add_indicator(True)),
            ("edit", self.tr("Sửa…"), "F2", self.edit),
            ("up", self.tr("Lên"), "Alt+Up", lambda: self.move(-1)),
            ("down", self.tr("Xuống"), "Alt+Down", lambda: self.move(1)),
            ("delete", self.tr("Xóa…"), "Del", self.delete),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            if shortcut:
                button.setToolTip(f"{text} ({shortcut})")
                action = QAction(self.tree)
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.triggered.connect(slot)
                self.tree.addAction(action)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tree)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._enable())
        self.reload()

    # -- reading -------------------------------------------------------------------------
    def reload(self, select: tuple[str, int] | None = None) -> None:
        """Read the tree again, keeping (or moving to) the current row."""
        select = select or self.current_key()
        self.model.removeRows(0, self.model.rowCount())
        self.nodes.clear()
        self.items.clear()
        for group in self.editing.outline(self.context.plan.id):
            item = self._row(self.model.invisibleRootItem(), group)
            self._indicators(item, group.indicators)
        self.tree.expandAll()
        if select is not None and select in self.nodes:
            self.select(select)
        elif self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, 0))
        self._enable()

    def _indicators(self, parent: QStandardItem, nodes: tuple[IndicatorNode, ...]) -> None:
        for node in nodes:
            self._indicators(self._row(parent, node), node.children)

    def _row(self, parent: QStandardItem, node: GroupNode | IndicatorNode) -> QStandardItem:
        if isinstance(node, GroupNode):
            g = node.group
            key, texts = (GROUP, g.id), [g.code, g.heading, "", "", "", ""]
        else:
            i = node.indicator
            key = (INDICATOR, i.id)
            texts = [
                i.code,
                i.name,
                i.unit,
                label(IndicatorKind(i.kind)),
                label(TargetForm(i.target_form)),
                format_number(node.figures) if node.figures else "",
            ]
        items = [QStandardItem(text) for text in texts]
        items[1].setToolTip(texts[1])
        items[5].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if key[0] == GROUP:
            font = items[0].font()
            font.setBold(True)
            for item in items[:2]:
                item.setFont(font)
        items[0].setData(key, KEY_ROLE)
        parent.appendRow(items)
        self.nodes[key] = node  # type: ignore[index]
        self.items[key] = items[0]  # type: ignore[index]
        return items[0]

    def current_key(self) -> tuple[str, int] | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        key = index.siblingAtColumn(0).data(KEY_ROLE)
        return tuple(key) if key else None  # type: ignore[return-value]

    def _index_of(self, key: tuple[str, int]) -> QModelIndex:
        item = self.items.get(key)
        return item.index() if item is not None else QModelIndex()

    def select(self, key: tuple[str, int]) -> None:
        index = self._index_of(key)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _enable(self) -> None:
        index = self.tree.currentIndex()
        key = self.current_key()
        for name in ("addIndicator", "addChild", "edit", "up", "down", "delete"):
            self.buttons[name].setEnabled(key is not None)
        if key is None:
            return
        self.buttons["addChild"].setEnabled(key[0] == INDICATOR)
        siblings = self.model.rowCount(index.parent())
        self.buttons["up"].setEnabled(index.row() > 0)
        self.buttons["down"].setEnabled(index.row() < siblings - 1)

    # -- forms ---------------------------------------------------------------------------
    def _group_form(self, title: str, node: GroupNode | None, except_id: int | None) -> Any:
        agencies = agency_choices(self.context)
        g = node.group if node else None
        section = g.section if g else self._current_section()
        plan_id = self.context.plan.id

        def check(values: dict[str, Any]) -> str | None:
            return self.editing.group_refusal(plan_id, _group_values(values), except_id)

        dialog = FormDialog(
            title,
            [
                Field("code", self.tr("Mã nhóm"), value=g.code if g else "", required=True),
                Field("section", self.tr("Phần"), value=section, required=True),
                Field(
                    "heading",
                    self.tr("Tiêu đề nhóm"),
                    "long_text",
                    g.heading if g else "",
                    required=True,
                ),
                Field(
                    "lead_ids",
                    self.tr("Cơ quan chủ trì"),
                    "many",
                    list(node.lead_ids) if node else [],
                    agencies,
                ),
                Field(
                    "coordinating_ids",
                    self.tr("Cơ quan phối hợp"),
                    "many",
                    list(node.coordinating_ids) if node else [],
                    agencies,
                ),
            ],
            self,
            check,
        )
        return _group_values(dialog.values()) if prompts.run_dialog(dialog) else None

    def _current_section(self) -> str:
        key = self.current_key()
        if key is None:
            return "II"
        node = self.nodes[key]
        group_id = node.group.id if key[0] == GROUP else node.indicator.group_id
        return self.nodes[(GROUP, group_id)].group.section

    def _indicator_form(
        self, title: str, row: Indicator | None, check_with: dict[str, Any], code: str = ""
    ) -> dict[str, Any] | None:
        plan_id = self.context.plan.id

        def check(values: dict[str, Any]) -> str | None:
            if row is None:
                return self.editing.indicator_refusal(plan_id, {**check_with, **values})
            changes = {k: v for k, v in values.items() if getattr(row, k) != v}
            return self.editing.indicator_refusal(plan_id, changes, row.id)

        dialog = FormDialog(
            title,
            [
                Field("code", self.tr("Mã"), value=row.code if row else code, required=True),
                Field(
                    "name",
                    self.tr("Tên chỉ tiêu"),
                    "long_text",
                    row.name if row else "",
                    required=True,
                ),
                Field("unit", self.tr("Đơn vị tính"), value=row.unit if row else ""),
                Field(
                    "kind",
                    self.tr("Loại chỉ tiêu"),
                    "choice",
                    IndicatorKind(row.kind) if row else IndicatorKind.ACCUMULATING,
                    [(label(m), m) for m in IndicatorKind],
                ),
                Field(
                    "direction",
                    self.tr("Chiều tốt"),
                    "choice",
                    Direction(row.direction) if row else Direction.HIGHER,
                    [(label(m), m) for m in Direction],
                ),
                Field(
                    "target_form",
                    self.tr("Dạng kế hoạch"),
                    "choice",
                    TargetForm(row.target_form) if row else TargetForm.VALUE,
                    [(label(m), m) for m in TargetForm],
                ),
            ],
            self,
            check,
        )
        return dialog.values() if prompts.run_dialog(dialog) else None

    # -- actions -------------------------------------------------------------------------
    def add_group(self) -> bool:
        values = self._group_form(self.tr("Thêm nhóm chỉ tiêu"), None, None)
        if values is None:
            return False
        plan_id = self.context.plan.id
        command = AddCommand(
            self.context,
            lambda key: self.editing.add_group(plan_id, values, key),
            self.editing.remove_added_group,
            self.tr("thêm nhóm {0}").format(values["code"]),
        )
        return self._push(command, GROUP)

    def add_indicator(self, child: bool = False) -> bool:
        key = self.current_key()
        if key is None or (child and key[0] != INDICATOR):
            return False
        node = self.nodes[key]
        parent_id = node.indicator.id if child else None
        group_id = node.group.id if key[0] == GROUP else node.indicator.group_id
        where = {"plan_id": self.context.plan.id, "group_id": group_id, "parent_id": parent_id}
        group = self.nodes[(GROUP, group_id)]
        if child:
            title = self.tr("Thêm chỉ tiêu con của {0}").format(node.indicator.code)
            code = _next_code(node.indicator.code, node.children)
        else:
            title = self.tr("Thêm chỉ tiêu vào nhóm {0}").format(group.group.code)
            code = _next_code(group.group.code, group.indicators)
        values = self._indicator_form(title, None, where, code)
        if values is None:
            return False
        fields = {**where, **values}
        command = AddCommand(
            self.context,
            lambda key: self.editing.add_indicator(fields, key),
            self.editing.remove_added_indicator,
            self.tr("thêm chỉ tiêu {0}").format(values["code"]),
        )
        return self._push(command, INDICATOR)

    def edit(self) -> bool:
        key = self.current_key()
        if key is None:
            return False
        node = self.nodes[key]
        if key[0] == GROUP:
            values = self._group_form(self.tr("Sửa nhóm chỉ tiêu"), node, node.group.id)
            if values is None:
                return False
            state = {
                **{k: getattr(node.group, k) for k in ("code", "section", "heading")},
                "lead_ids": tuple(sorted(node.lead_ids)),
                "coordinating_ids": tuple(sorted(node.coordinating_ids)),
            }
            change, what = self.editing.change_group, self.tr("sửa nhóm {0}")
        else:
            row = node.indicator
            values = self._indicator_form(self.tr("Sửa chỉ tiêu"), row, {})
            if values is None:
                return False
            state = {k: getattr(row, k) for k in values}
            change, what = self.editing.change_indicator, self.tr("sửa chỉ tiêu {0}")
        changes = {k: v for k, v in values.items() if state[k] != v}
        if not changes:
            return False
        command = ChangeCommand(self.context, change, key[1], changes, what.format(values["code"]))
        return self.context.push(command)

    def move(self, step: int) -> bool:
        key = self.current_key()
        if key is None:
            return False
        node = self.nodes[key]
        model = IndicatorGroup if key[0] == GROUP else Indicator
        code = node.group.code if key[0] == GROUP else node.indicator.code
        text = (self.tr("chuyển {0} lên") if step < 0 else self.tr("chuyển {0} xuống")).format(code)
        pushed = self.context.push(MoveCommand(self.context, model, key[1], step, text))
        if pushed:
            self.select(key)
        return pushed

    def delete(self) -> bool:
        key = self.current_key()
        if key is None:
            return False
        node = self.nodes[key]
        if key[0] == GROUP:
            group = node.group
            command = DeleteCommand(
                self.context,
                lambda expected: self.editing.delete_group(group.id, expected),
                self.tr("xóa nhóm {0}").format(group.code),
            )
        else:
            indicator = node.indicator
            held = self.editing.holdings(indicator.id)
            if not held.empty and not prompts.confirm(
                self, self.tr("Xóa chỉ tiêu"), self._question(indicator, held)
            ):
                return False
            command = DeleteCommand(
                self.context,
                lambda expected: self.editing.delete_indicator(indicator.id, expected),
                self.tr("xóa chỉ tiêu {0}").format(indicator.code),
            )
        neighbour = self._neighbour()
        if not self.context.push(command):
            return False
        if neighbour is not None:  # the clerk stays where the row was
            self.select(neighbour)
        return True

    def _neighbour(self) -> tuple[str, int] | None:
        """The row to be on once the current one is gone: the next, else the one above."""
        index = self.tree.currentIndex()
        for other in (index.siblingAtRow(index.row() + 1), self.tree.indexAbove(index)):
            if other.isValid():
                return tuple(other.siblingAtColumn(0).data(KEY_ROLE))  # type: ignore[return-value]
        return None

    def _question(self, indicator: Indicator, held: Any) -> str:
        parts = [
            text.format(format_number(count))
            for count, text in (
                (held.sub_indicators, self.tr("{0} chỉ tiêu con")),
                (held.figures, self.tr("{0} số liệu")),
                (held.history, self.tr("{0} mục lịch sử thay đổi")),
                (held.locality_targets, self.tr("{0} kế hoạch địa bàn")),
                (held.stated, self.tr("{0} số liệu văn bản nêu")),
                (held.same_period, self.tr("{0} số liệu cùng kỳ")),
            )
            if count
        ]
        return self.tr(
            "Chỉ tiêu {0} “{1}” đang có {2}. Xóa chỉ tiêu sẽ xóa cả những dữ liệu này (có "
            "thể hoàn tác bằng Ctrl+Z). Xóa chỉ tiêu {0}?"
        ).format(indicator.code, _short(indicator.name), ", ".join(parts))

    def _push(self, command: AddCommand, kind: str) -> bool:
        if not self.context.push(command):
            return False
        assert command.key is not None
        self.select((kind, command.key))
        return True


def _group_values(values: dict[str, Any]) -> dict[str, Any]:
    return {
        **values,
        "lead_ids": tuple(sorted(values["lead_ids"])),
        "coordinating_ids": tuple(sorted(values["coordinating_ids"])),
    }


def _next_code(prefix: str, siblings: tuple[IndicatorNode, ...]) -> str:
    """A code to propose: "II.3.3" after II.3.1 and II.3.2 (the clerk may change it)."""
    numbers = [
        int(tail)
        for node in siblings
        if (tail := node.indicator.code.removeprefix(prefix + ".")).isdigit()
    ]
    return f"{prefix}.{max(numbers, default=0) + 1}"


def _short(name: str) -> str:
    return name if len(name) <= 80 else name[:77] + "…"
