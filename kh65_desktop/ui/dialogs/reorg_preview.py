"""Kế hoạch → Áp dụng sắp xếp tổ chức…: choose a reorganisation file, see what it does
(agencies renamed, merged, split, added, ended; for each plan where each item of an old
agency goes), then apply it as one undoable command (Ctrl+Z takes it back)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.reorg import ROLE_NAMES, ReorgPreview, ReorgRefused, ReorgService
from ...storage.reorg_file import ReorgFile
from .. import prompts
from ..commands import ServiceCommand
from ..context import AppContext
from ..views import dialog_buttons
from ..window_fit import fit_on_screen


class ApplyReorgCommand(ServiceCommand):
    """Apply a reorganisation file; undo puts the database back as it was."""

    def __init__(self, context: AppContext, reorg: ReorgFile) -> None:
        super().__init__(
            context,
            QCoreApplication.translate("Commands", "áp dụng sắp xếp tổ chức “{0}”").format(
                reorg.code
            ),
        )
        self.reorg = reorg
        self.log_id: int | None = None

    def do(self) -> None:
        service = ReorgService(self.context.plans.engine)
        self.log_id = service.apply(self.reorg, self.context.settings.clerk_name).log_id

    def undo_(self) -> None:
        assert self.log_id is not None
        ReorgService(self.context.plans.engine).undo(self.log_id)


class ReorgPreviewDialog(QDialog):
    """What the file would do, before anything is written."""

    def __init__(self, preview: ReorgPreview, file_name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Áp dụng sắp xếp tổ chức"))
        heading = QLabel(
            self.tr("Tệp {0}: {1}. Chưa ghi gì; xem lại rồi bấm “Áp dụng”.").format(
                file_name, preview.title
            )
        )
        heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("reorgPreview")
        self.tree.setHeaderLabels(
            [self.tr("Nội dung"), self.tr("Vai trò"), self.tr("Cơ quan cũ"), self.tr("Cơ quan mới")]
        )
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        changes = QTreeWidgetItem(self.tree, [self.tr("Thay đổi tổ chức")])
        changes.setFirstColumnSpanned(True)
        for change in preview.changes:
            item = QTreeWidgetItem(changes, [change.text])
            item.setFirstColumnSpanned(True)
            item.setToolTip(0, change.text)
            for detail in change.details:
                line = QTreeWidgetItem(item, [detail])
                line.setFirstColumnSpanned(True)
            item.setExpanded(len(change.details) <= 6)  # the long list of ended districts folds
        changes.setExpanded(True)
        for plan in preview.plans:
            title = (
                self.tr("{0}: lập sau thay đổi, phân công chuyển sang cơ quan mới")
                if plan.moved
                else self.tr(
                    "{0}: giữ nguyên phân công và tên cơ quan khi in; kế hoạch lập sau từ kế "
                    "hoạch này sẽ giao"
                )
            ).format(plan.plan)
            node = QTreeWidgetItem(self.tree, [title])
            node.setFirstColumnSpanned(True)
            node.setToolTip(0, title)
            for move in plan.moves:
                child = QTreeWidgetItem(
                    node, [move.item, ROLE_NAMES[move.role], move.old, move.new]
                )
                child.setToolTip(0, move.item)
            node.setExpanded(True)
        self.tree.setColumnWidth(0, 560)
        self.tree.setColumnWidth(1, 70)
        self.tree.setColumnWidth(2, 230)
        buttons = dialog_buttons(self, self.tr("Áp dụng"), self.tr("Hủy"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(1180, 640)
        fit_on_screen(self)


def apply_reorg(context: AppContext, parent: QWidget | None) -> bool:
    """Ask for a file, preview it, and apply it if the clerk agrees; True when applied."""
    path = prompts.open_file(
        parent,
        QCoreApplication.translate("Reorg", "Chọn tệp sắp xếp tổ chức"),
        QCoreApplication.translate("Reorg", "Tệp sắp xếp tổ chức (*.toml)"),
    )
    if path is None:
        return False
    return preview_and_apply(context, parent, path)


def preview_and_apply(context: AppContext, parent: QWidget | None, path) -> bool:  # type: ignore[no-untyped-def]
    service = ReorgService(context.plans.engine)
    title = QCoreApplication.translate("Reorg", "Không áp dụng được sắp xếp tổ chức")
    try:
        reorg = service.read(path)
        preview = service.preview(reorg)
    except ReorgRefused as exc:
        prompts.show_error(parent, title, str(exc))
        return False
    dialog = ReorgPreviewDialog(preview, path.name, parent)
    if not prompts.run_dialog(dialog):
        return False
    applied = context.push(ApplyReorgCommand(context, reorg))
    if applied:
        context.message.emit(
            QCoreApplication.translate(
                "Reorg", "Đã áp dụng sắp xếp tổ chức “{0}”; Ctrl+Z để hoàn tác."
            ).format(reorg.code)
        )
    return applied
