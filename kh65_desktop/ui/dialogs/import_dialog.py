"""Import a file from another office: read and compare off the GUI thread, show every row
(added, changed old -> new, unchanged, conflicts with a choice), then write it all at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import format_date, format_number, local_time
from ...exchange.data import ExchangeData, ExchangeError
from ...services.carried_plan import CarriedPlanRefused, offered_plan
from ...services.exchange import Action, ExchangeService, ImportPreview, moment_text
from ...services.exchange_apply import redo_import
from ...services.exchange_files import read_file
from ...services.organisations import plan_mismatch
from ...services.package_keys import SignatureState, SignatureVerdict
from .. import prompts
from ..background import run_in_background
from ..commands import ServiceCommand
from ..context import AppContext
from ..new_plan_commands import carried_plan_command
from ..table_model import Column, RowTableModel
from ..views import make_table

_Index = QModelIndex | QPersistentModelIndex
_COLORS = {
    Action.ADD: "#1f5fa8",
    Action.CHANGE: "#a85f00",
    Action.CONFLICT: "#c62828",
    Action.UNCHANGED: "#6b6b6b",
    Action.REFUSED: "#6a1b9a",
}


class PreviewModel(RowTableModel):
    """The preview rows; the "Lấy số gửi đến" column is a check box on conflicts."""

    def __init__(self, parent: QWidget) -> None:
        columns = [
            Column(
                "action",
                self.tr("Thao tác"),
                lambda r: r.action.label,
                color=lambda r: QColor(_COLORS[r.action]),
            ),
            Column("code", self.tr("Mã"), lambda r: r.code),
            Column(
                "name", self.tr("Chỉ tiêu / nhiệm vụ"), lambda r: r.name, tooltip=lambda r: r.name
            ),
            Column("period", self.tr("Kỳ"), lambda r: r.period),
            Column("locality", self.tr("Địa phương"), lambda r: r.locality),
            Column("old", self.tr("Ở đây"), lambda r: r.old),
            Column("new", self.tr("Trong tệp"), lambda r: r.new),
            Column("ours_at", self.tr("Sửa ở đây lúc"), lambda r: moment_text(r.ours_at)),
            Column("theirs_at", self.tr("Sửa trong tệp lúc"), lambda r: moment_text(r.theirs_at)),
            Column("take", self.tr("Lấy số trong tệp"), lambda r: ""),
            Column("reason", self.tr("Lý do"), lambda r: r.reason, tooltip=lambda r: r.reason),
        ]
        super().__init__(columns, key=lambda r: id(r), parent=parent)

    def _is_choice(self, index: _Index) -> bool:
        return (
            index.isValid()
            and self.columns[index.column()].key == "take"
            and self.rows[index.row()].action is Action.CONFLICT
        )

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if self._is_choice(index) else flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and self._is_choice(index):
            take = self.rows[index.row()].take_theirs
            return Qt.CheckState.Checked if take else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole and self._is_choice(index):
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            self.rows[index.row()].take_theirs = checked
            self.dataChanged.emit(index, index)
            return True
        return super().setData(index, value, role)


class ImportCommand(ServiceCommand):
    """An import is one undoable step: undo puts back everything it changed."""

    def __init__(self, context: AppContext, preview: ImportPreview) -> None:
        super().__init__(context, context.tr("nhập tệp {0}").format(preview.data.source))
        self.preview = preview
        self.log_id: int | None = None
        self._undone_by: str | None = None  # who undid it: a redo checks the undo's rows

    def do(self) -> None:
        if self._undone_by is None or self.log_id is None:
            exchange = ExchangeService(self.context.engine)
            log = exchange.apply(self.context.plan, self.preview, self.context.clerk)
        else:  # Ctrl+Y: not over what was written since the undo
            log, kept = redo_import(
                self.context.engine,
                self.context.plan,
                self.preview,
                self.context.clerk,
                (self.log_id, self._undone_by),
            )
            self.tell_kept(kept, undoing=False)
        self.log_id, self._undone_by = log.id, None

    def undo_(self) -> None:
        assert self.log_id is not None
        kept = ExchangeService(self.context.engine).undo(self.log_id, self.context.clerk)
        self._undone_by = self.context.clerk
        self.tell_kept(kept, undoing=True, figures=False)  # what was written since stays


class ImportDialog(QDialog):
    """Reads `path` in the background, then shows the preview; "Nhập" writes it."""

    def __init__(self, context: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path = path
        self.preview: ImportPreview | None = None
        self.setWindowTitle(self.tr("Nhập số liệu từ tệp {0}").format(path.name))
        self.resize(1280, 620)
        self.summary = QLabel(self.tr("Đang đọc và đối chiếu tệp…"))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.signature = QLabel()  # who signed the package (services/package_keys.py)
        self.signature.setObjectName("signatureLine")
        self.signature.hide()
        self.model = PreviewModel(self)
        self.model.dataChanged.connect(self._choices_changed)
        self._counted = ""
        self.table = make_table(
            self.model,
            context.settings,
            "import_preview",
            widths={0: 85, 1: 70, 2: 250, 3: 140, 4: 110, 5: 95, 6: 95, 7: 120, 8: 125},
        )
        # "Lý do" is the last column, mostly past the edge at 1366 pixels: the current row's
        # reason is written out in full under the table, for the keyboard as for the mouse
        self.reason = QLabel()
        self.reason.setObjectName("rowReason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #6a1b9a")
        self.reason.hide()
        self.table.selectionModel().currentRowChanged.connect(self._show_reason)
        self.show_unchanged = QCheckBox(self.tr("Hiện cả dòng không đổi"))
        self.show_unchanged.toggled.connect(self._fill)
        self.apply_button = QPushButton(self.tr("Nhập"))
        self.apply_button.setObjectName("applyImport")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button = cancel = QPushButton(self.tr("Hủy"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_unchanged)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.signature)
        layout.addWidget(self.table)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        plan, engine, clerk = context.plan, context.engine, context.clerk

        def read() -> object:
            data = read_file(path, clerk)
            try:
                if data.plan_code != plan.code and offered_plan(engine, data) is not None:
                    return data  # a plan missing here, sent by its owner: the clerk is asked
            except CarriedPlanRefused as exc:  # a plan file sent on by another agency
                raise ExchangeError(path, str(exc)) from None
            return ExchangeService(engine).preview(plan, data)

        run_in_background(self, self.tr("Đang đọc tệp…"), read, self._previewed, self._refused)

    def _offer_plan(self, data: ExchangeData) -> None:
        """The package's plan is not here and its owner sent it: load it (undoably, as
        Kế hoạch → Nạp kế hoạch từ tệp…) and preview the figures in it, if the clerk agrees."""
        offered = offered_plan(self.context.engine, data)
        assert offered is not None
        question = self.tr(
            "Gói thuộc kế hoạch “{0}” (Kế hoạch số {1}), kế hoạch này chưa có ở đây. Gói có "
            "kèm kế hoạch do cơ quan tổng hợp gửi. Nạp kế hoạch từ gói rồi xem trước số liệu?"
        ).format(offered.code, offered.number)
        if not prompts.confirm(self, self.tr("Nạp kế hoạch từ gói"), question):
            why = plan_mismatch(self.context.engine, data.plan_code, self.context.plan)
            self._refused(str(ExchangeError(self.path, why)))
            return
        refused: list[str] = []
        self.context.error.connect(refused.append)
        try:
            command = carried_plan_command(
                self.context, data, self.tr("nạp kế hoạch từ gói {0}").format(self.path.name)
            )
            pushed = self.context.push(command)
        finally:
            self.context.error.disconnect(refused.append)
        if not pushed:
            self._refused(refused[-1] if refused else self.tr("Không nạp được kế hoạch."))
            return
        # the window closes the dialogs of the plan it leaves; this one now previews into
        # the plan just loaded, so it stays
        self.show()
        plan, engine = self.context.plan, self.context.engine  # the plan just loaded
        run_in_background(
            self,
            self.tr("Đang đối chiếu tệp…"),
            lambda: ExchangeService(engine).preview(plan, data),
            self._previewed,
            self._refused,
        )

    def _refused(self, message: str) -> None:
        self.summary.setText(message)
        self.summary.setStyleSheet("color: #b00020")

    def _previewed(self, preview: object) -> None:
        if isinstance(preview, ExchangeData):
            self._offer_plan(preview)
            return
        assert isinstance(preview, ImportPreview)
        self.preview = preview
        counts = preview.counts()
        text = self.tr(
            "Từ {0} (tạo lúc {1}): thêm mới {2}, thay đổi {3}, không đổi {4}, xung đột {5}, "
            "từ chối {6}."
        ).format(
            preview.sender,
            format_date(local_time(preview.data.created_at).date()),
            *(
                format_number(counts[a])  # "100.000", as clerks write it
                for a in (
                    Action.ADD,
                    Action.CHANGE,
                    Action.UNCHANGED,
                    Action.CONFLICT,
                    Action.REFUSED,
                )
            ),
        )
        if counts[Action.CONFLICT]:
            text += " " + self.tr(
                "Xung đột: số ở đây được sửa sau khi đơn vị gửi lập tệp; mặc "
                "định giữ số ở đây, đánh dấu ô để lấy số trong tệp."
            )
        if counts[Action.REFUSED] > preview.locked:  # not only approved figures
            text += " " + self.tr(
                "Từ chối: dòng không thuộc trách nhiệm của đơn vị gửi hoặc có thời điểm sai; "
                "không ghi, lý do ở cột “Lý do”."
            )
        if preview.locked:  # approved figures (storage/locks.py)
            text += " " + self.tr(
                "Đã duyệt, khóa: {0} số liệu đã được duyệt nên không nhận; muốn nhận, hãy mở "
                "lại kỳ của đơn vị đó (tab Tình hình báo cáo → Mở lại…)."
            ).format(format_number(preview.locked))
        if preview.earlier is not None:
            text += " " + self.tr("Tệp này đã được nhập ngày {0}.").format(
                format_date(local_time(preview.earlier.imported_at).date())
            )
        if preview.warnings:  # implausible jumps: shown, the clerk decides (figure_checks.py)
            text += "\n" + self.tr("Cần xem lại {0} số liệu bất thường: {1}").format(
                len(preview.warnings), "; ".join(preview.warnings[:5])
            )
        self._show_signature(preview.signature)
        self._counted = text
        self._choices_changed()
        self._fill()

    def _show_signature(self, verdict: SignatureVerdict | None) -> None:
        """ "Đã ký: … (đã xác thực)", "Khóa chưa được tin cậy (mã khóa …)" or "Chưa ký"."""
        if verdict is None:
            return
        if verdict.state is SignatureState.VERIFIED:
            text, color = self.tr("Đã ký: {0} (đã xác thực)").format(verdict.signer), "#1b5e20"
        elif verdict.state is SignatureState.UNTRUSTED:
            text = self.tr(
                "Khóa chưa được tin cậy (mã khóa {0}): gói ký bằng khóa của “{1}” nhưng khóa "
                "này chưa có trong danh sách tin cậy (Cài đặt → Khóa ký gói số liệu…)."
            ).format(verdict.short, verdict.signer)
            color = "#a85f00"
        elif verdict.sender_has_key:
            text = self.tr(
                "Chưa ký, dù đơn vị gửi đã có khóa được tin cậy: hãy gọi điện hỏi đơn vị gửi."
            )
            color = "#a85f00"
        else:
            text, color = self.tr("Chưa ký"), "#6b6b6b"
        self.signature.setText(self.tr("Chữ ký: {0}").format(text))
        self.signature.setStyleSheet(f"color: {color}; font-weight: bold")
        self.signature.show()

    def _choices_changed(self) -> None:
        """A conflict's box ticked or cleared: what the import would do changes with it."""
        if self.preview is not None and self.cancel_button.isEnabled():
            self.summary.setText(self._counted + self._outcome())
            self.apply_button.setEnabled(not self.preview.changes_nothing)

    def _outcome(self) -> str:
        """What the import would leave out; never "nothing changes" when it keeps ours."""
        assert self.preview is not None
        kept = self.preview.kept_here
        refused = self.preview.counts()[Action.REFUSED]
        parts = []
        if kept:
            parts.append(
                self.tr("{0} số liệu trong tệp được giữ như ở đây vì ở đây đã sửa sau").format(
                    format_number(kept)
                )
            )
        if refused:
            parts.append(self.tr("{0} dòng bị từ chối").format(format_number(refused)))
        if parts and self.preview.changes_nothing:
            return " " + self.tr("Nhập tệp này không ghi gì: {0}.").format("; ".join(parts))
        if parts:
            return " " + self.tr("Khi nhập: {0}.").format("; ".join(parts))
        if self.preview.changes_nothing:
            return " " + self.tr("Nhập tệp này không làm thay đổi gì.")
        return ""

    def _fill(self) -> None:
        if self.preview is None:
            return
        every = self.show_unchanged.isChecked()
        self.model.set_rows(
            [r for r in self.preview.rows if every or r.action is not Action.UNCHANGED]
        )
        first = next((i for i, r in enumerate(self.model.rows) if r.reason), None)
        if first is not None:  # the first row with a reason is the one to read first
            self.table.setCurrentIndex(self.model.index(first, 0))
        else:
            self._show_reason(QModelIndex())

    def _show_reason(self, current: QModelIndex | QPersistentModelIndex, *_: Any) -> None:
        row = self.model.rows[current.row()] if current.isValid() else None
        reason = row.reason if row is not None else ""
        self.reason.setText(self.tr("Lý do ({0}): {1}").format(row.code, reason) if row else "")
        self.reason.setVisible(bool(reason))

    def apply(self) -> None:
        """Write the import (one transaction, one undo step; seconds for a large file, so on
        a worker thread with progress shown) and close."""
        if self.preview is None:
            return
        self.apply_button.setEnabled(False)
        self.cancel_button.setEnabled(False)  # the write cannot be stopped halfway
        self.context.push_in_background(
            self,
            ImportCommand(self.context, self.preview),
            self.tr("Đang ghi số liệu vào cơ sở dữ liệu…"),
            self.accept,
            self._not_applied,
        )

    def reject(self) -> None:
        """Cancel, Escape or the close button: not while the import is being written."""
        if self.cancel_button.isEnabled():
            super().reject()

    def _not_applied(self, problem: str) -> None:
        self._refused(self.tr("Không nhập được: {0}. Dữ liệu không bị thay đổi.").format(problem))
        self.apply_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
