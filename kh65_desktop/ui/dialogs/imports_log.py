"""Every import so far (file, sender, time, counts), each one undoable, even after a restart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.numbers import format_moment, format_number
from ...services.exchange import ExchangeService
from ...services.import_undo import what_undo_keeps
from ...storage.models import ImportLog
from .. import prompts
from ..context import AppContext
from ..kept_text import kept_lines
from ..table_model import RIGHT, ROW_ROLE, Column, RowTableModel
from ..views import make_table


class ImportsDialog(QDialog):
    """The import log; "Hoàn tác" puts back what the chosen import changed."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.exchange = ExchangeService(context.engine)
        self.setWindowTitle(self.tr("Các lần nhập tệp"))
        self.resize(1000, 420)
        columns = [
            Column(
                "when",
                self.tr("Lúc nhập"),
                lambda r: format_moment(r.imported_at),
                sort=lambda r: r.imported_at,
            ),
            Column("file", self.tr("Tệp"), lambda r: r.file_name),
            Column("sender", self.tr("Đơn vị gửi"), lambda r: r.sender),
            Column("by", self.tr("Người nhập"), lambda r: r.imported_by),
            Column("added", self.tr("Thêm"), lambda r: format_number(r.added), align=RIGHT),
            Column("changed", self.tr("Đổi"), lambda r: format_number(r.changed), align=RIGHT),
            Column(
                "conflicts",
                self.tr("Xung đột lấy theo tệp"),
                lambda r: format_number(r.conflicts_taken),
                align=RIGHT,
            ),
            Column(
                "state",
                self.tr("Tình trạng"),
                lambda r: self.tr("Đã hoàn tác") if r.undone_at else self.tr("Đang áp dụng"),
            ),
        ]
        self.model = RowTableModel(columns, key=lambda r: r.id, parent=self)
        self.table = make_table(
            self.model, context.settings, "imports", widths={0: 120, 1: 200, 2: 200, 3: 140}
        )
        self.message = QLabel()
        undo = QPushButton(self.tr("Hoàn tác lần nhập đã chọn"))
        undo.setObjectName("undoImport")
        undo.clicked.connect(self.undo_selected)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.accept)
        self.message.setWordWrap(True)  # after an undo, it lists what was kept
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(undo)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.exchange.imports())

    def undo_selected(self) -> None:
        """Say first what was written since the import and stays; undo the rest if the
        clerk agrees (nothing is written otherwise), then say what was kept."""
        index = self.table.currentIndex()
        if not index.isValid():
            self.message.setText(self.tr("Hãy chọn một lần nhập."))
            return
        log: ImportLog = index.data(ROW_ROLE)
        try:
            kept = what_undo_keeps(self.context.engine, log.id or 0)
            if kept and not prompts.confirm(
                self,
                self.tr("Hoàn tác lần nhập tệp {0}").format(log.file_name),
                self.tr(
                    "Những mục sau đã được sửa sau lần nhập này nên sẽ được giữ nguyên, "
                    "không hoàn tác:"
                )
                + f"\n\n{kept_lines(kept)}\n\n"
                + self.tr("Hoàn tác phần còn lại?"),
            ):
                self.message.setText(self.tr("Chưa hoàn tác gì."))
                return
            kept = self.exchange.undo(log.id or 0, self.context.clerk)
        except LookupError as error:
            self.message.setText(str(error))
            return
        done = self.tr("Đã hoàn tác lần nhập tệp {0}.").format(log.file_name)
        if kept:
            done += " " + self.tr("Giữ nguyên {0} mục đã được sửa sau đó:").format(
                format_number(len(kept))
            )
            done += f"\n{kept_lines(kept)}"
        self.message.setText(done)
        self.refresh()
        self.context.notify()
