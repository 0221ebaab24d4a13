"""The items a plan document's reader found, as the review window's tree: grouped as the plan
groups them (the document's details, the agencies, each group with its indicators and tasks),
each with how sure the reader is and what the clerk decided (chưa xem / chấp nhận / bỏ).
The unsure ones come first while `unsure_first` is on."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the FoundItem's key on its row's first cell
TITLE, TARGET, SURENESS, DECISION = range(4)
UNSURE_COLOUR = QColor("#9a5b00")
REJECTED_COLOUR = QColor("#8a8a8a")
ACCEPTED_COLOUR = QColor("#1b6e20")


class Decision(enum.Enum):
    UNSEEN = "unseen"
    ACCEPTED = "accepted"
    REJECTED = "rejected"

    def text(self) -> str:
        return {
            Decision.UNSEEN: QCoreApplication.translate("PlanReader", "Chưa xem"),
            Decision.ACCEPTED: QCoreApplication.translate("PlanReader", "Chấp nhận"),
            Decision.REJECTED: QCoreApplication.translate("PlanReader", "Bỏ"),
        }[self]


def _kind(item: Any) -> str:
    return str(getattr(item.kind, "value", item.kind))


def item_title(item: Any) -> str:
    """What the row calls the item: its name as edited, else as the reader found it."""
    key = {
        "details": "title",
        "agency": "name",
        "group": "heading",
        "indicator": "name",
        "task": "text",
    }.get(_kind(item))
    title = item.fields.get(key) if key else None
    return " ".join(str(title or item.title).split())


def sureness_text(item: Any) -> str:
    if item.sure:
        return QCoreApplication.translate("PlanReader", "Chắc chắn")
    reasons = "; ".join(item.reasons) or QCoreApplication.translate("PlanReader", "cần xem lại")
    return QCoreApplication.translate("PlanReader", "Chưa chắc: {0}").format(reasons)


def target_text(item: Any) -> str:
    """An indicator's target in a few characters ("8,50 %"); empty for other items."""
    if _kind(item) != "indicator":
        return ""
    target = item.fields.get("target") or {}
    value = str(target.get("value") or "")
    if not value:
        return str(target.get("text") or "")
    return f"{value} {item.fields.get('unit') or ''}".strip()


class ReviewModel(QStandardItemModel):
    """Rows keyed by FoundItem.key; the decisions live here, the fields in the items."""

    def __init__(self, read: Any, parent: QObject | None = None) -> None:
        super().__init__(0, 4, parent)
        self.read = read
        self.items = {item.key: item for item in read.items}
        self.decisions = {key: Decision.UNSEEN for key in self.items}
        self.unsure_first = True
        self.rows: dict[str, QStandardItem] = {}
        self.setHorizontalHeaderLabels(
            [
                self.tr("Mục tìm thấy"),
                self.tr("Chỉ tiêu năm"),
                self.tr("Độ tin cậy"),
                self.tr("Quyết định"),
            ]
        )
        self.rebuild()

    # -- building ------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Fill the tree again (after the order toggle changes)."""
        self.removeRows(0, self.rowCount())
        self.rows.clear()
        found = list(self.items.values())
        groups = [i for i in found if _kind(i) == "group"]
        group_keys = {g.key for g in groups}
        sections: list[tuple[str, Any, list[Any]]] = [
            (self.tr("Thông tin văn bản"), None, [i for i in found if _kind(i) == "details"]),
            (self.tr("Cơ quan"), None, [i for i in found if _kind(i) == "agency"]),
        ]
        for group in groups:
            members = [i for i in found if i.group_key == group.key and i is not group]
            members.sort(key=lambda i: _kind(i) != "indicator")  # indicators, then tasks
            sections.append(("", group, members))
        loose = [
            i for i in found if _kind(i) in ("indicator", "task") and i.group_key not in group_keys
        ]
        sections.append((self.tr("Mục chưa rõ thuộc nhóm nào"), None, loose))
        sections = [s for s in sections if s[1] is not None or s[2]]
        if self.unsure_first:
            sections.sort(key=lambda s: all(i.sure for i in self._section_items(s)))
        root = self.invisibleRootItem()
        for heading, group, members in sections:
            parent = self._append(root, group) if group is not None else self._heading(heading)
            for item in self._ordered(members):
                self._append(parent, item)

    @staticmethod
    def _section_items(section: tuple[str, Any, list[Any]]) -> Iterable[Any]:
        _, group, members = section
        return ([group] if group is not None else []) + members

    def _ordered(self, items: list[Any]) -> list[Any]:
        return sorted(items, key=lambda i: i.sure) if self.unsure_first else items

    def _heading(self, text: str) -> QStandardItem:
        cells = [QStandardItem(text)] + [QStandardItem() for _ in range(3)]
        font = cells[0].font()
        font.setBold(True)
        cells[0].setFont(font)
        for cell in cells:
            cell.setEditable(False)
        self.invisibleRootItem().appendRow(cells)
        return cells[0]

    def _append(self, parent: QStandardItem, item: Any) -> QStandardItem:
        cells = [QStandardItem() for _ in range(4)]
        for cell in cells:
            cell.setEditable(False)
        cells[TITLE].setData(item.key, KEY_ROLE)
        if _kind(item) == "group":
            font = cells[TITLE].font()
            font.setBold(True)
            cells[TITLE].setFont(font)
        parent.appendRow(cells)
        self.rows[item.key] = cells[TITLE]
        self.refresh(item.key)
        return cells[TITLE]

    # -- reading and changing ------------------------------------------------------------
    def refresh(self, key: str) -> None:
        """Show an item's fields and decision as they are now."""
        first = self.rows.get(key)
        if first is None:
            return
        item, decision = self.items[key], self.decisions[key]
        parent = first.parent() or self.invisibleRootItem()
        cells = [parent.child(first.row(), column) for column in range(4)]
        title = item_title(item)
        cells[TITLE].setText(title)
        cells[TITLE].setToolTip(title)
        cells[TARGET].setText(target_text(item))
        cells[SURENESS].setText(sureness_text(item))
        cells[SURENESS].setToolTip(sureness_text(item))
        cells[DECISION].setText(decision.text())
        colour = {
            Decision.ACCEPTED: ACCEPTED_COLOUR,
            Decision.REJECTED: REJECTED_COLOUR,
        }.get(decision)
        cells[DECISION].setForeground(QBrush(colour) if colour else QBrush())
        cells[SURENESS].setForeground(QBrush(UNSURE_COLOUR) if not item.sure else QBrush())
        font = cells[TITLE].font()
        font.setStrikeOut(decision is Decision.REJECTED)
        cells[TITLE].setFont(font)

    def key_of(self, index: QModelIndex) -> str | None:
        if not index.isValid():
            return None
        return index.siblingAtColumn(TITLE).data(KEY_ROLE)

    def index_of(self, key: str) -> QModelIndex:
        row = self.rows.get(key)
        return row.index() if row is not None else QModelIndex()

    def decide(self, key: str, decision: Decision) -> None:
        self.decisions[key] = decision
        self.refresh(key)

    def keys(self, decision: Decision) -> list[str]:
        return [k for k, d in self.decisions.items() if d is decision]

    def sure_unseen(self) -> list[str]:
        return [k for k in self.keys(Decision.UNSEEN) if self.items[k].sure]
