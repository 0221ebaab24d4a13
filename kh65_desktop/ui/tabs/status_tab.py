"""Tình hình báo cáo: for the consolidating office, who has reported for a period, who is
late, the packages received; approve, return with a comment, reopen with a reason (each
undoable), the due date, and the list of units not reported for the reminder call."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import format_date, format_moment, format_number
from ...services.consolidation import (
    APPROVED_STATE,
    NOT_SENT,
    RETURNED_STATE,
    SENT,
    Package,
    PeriodStatus,
    UnitStatus,
    period_status,
)
from ...services.reminders import reminder_text, write_reminder
from ...storage.failures import explain_any
from ...storage.models import Period
from .. import prompts
from ..consolidation_commands import APPROVE, REOPEN, RETURN, DecideCommand, SetDueDateCommand
from ..context import AppContext
from ..printing import prepare_printer
from ..table_model import RIGHT, ROW_ROLE, Column, RowTableModel
from ..views import dialog_buttons, error_label, fill_combo, make_table

LATE = QColor("#b00020")
DONE = QColor("#1b7a2e")


class DecisionTextDialog(QDialog):
    """Asks for a return's comment or a reopen's reason (required: OK waits for it)."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit()
        self.text.setObjectName("decisionText")
        self.text.setTabChangesFocus(True)
        buttons = dialog_buttons(self, self.tr("Đồng ý"), self.tr("Hủy"))
        layout = QVBoxLayout(self)
        ask = QLabel(prompt)
        ask.setWordWrap(True)
        layout.addWidget(ask)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(480, 220)

    def value(self) -> str:
        return self.text.toPlainText().strip()


class StatusTab(QWidget):
    """The units table and the packages of the chosen period."""

    report_requested = Signal(int)  # the province report for this period (its id)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.status: PeriodStatus | None = None
        self.period = QComboBox()
        self.period.setObjectName("statusPeriod")
        self.due = QDateEdit()
        self.due.setObjectName("statusDue")
        self.due.setDisplayFormat("dd/MM/yyyy")
        self.due.setCalendarPopup(True)
        set_due = QPushButton(self.tr("Đặt hạn nộp"))
        set_due.setObjectName("setDue")
        set_due.clicked.connect(self.set_due_date)
        self.summary = QLabel()
        self.summary.setObjectName("statusSummary")
        self.error = error_label()
        self.units = RowTableModel(self._unit_columns(), key=lambda r: (r.unit.kind, r.unit.id))
        self.table = make_table(
            self.units,
            context.settings,
            "status_units",
            widths={0: 270, 1: 75, 2: 65, 3: 230, 4: 130, 5: 80, 6: 90},
        )
        self.packages = RowTableModel(self._package_columns(), key=lambda p: p.log_id)
        self.package_table = make_table(
            self.packages,
            context.settings,
            "status_packages",
            widths={0: 200, 1: 250, 2: 120, 3: 150, 4: 170},
        )
        buttons = QHBoxLayout()
        for name, text, slot in (
            ("approve", self.tr("&Duyệt"), lambda: self.decide(APPROVE)),
            ("returnUnit", self.tr("Trả &lại…"), lambda: self.decide(RETURN)),
            ("reopen", self.tr("&Mở lại…"), lambda: self.decide(REOPEN)),
            ("exportNotReported", self.tr("Xuất danh sách chưa báo cáo…"), self.export_list),
            ("printNotReported", self.tr("In danh sách…"), self.print_list),
            ("copyNotReported", self.tr("Chép danh sách"), self.copy_list),
            ("provinceReport", self.tr("Báo cáo tỉnh từ số liệu đã duyệt…"), self.report),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Kỳ báo cáo")))
        top.addWidget(self.period, 2)
        top.addWidget(QLabel(self.tr("Hạn nộp")))
        top.addWidget(self.due)
        top.addWidget(set_due)
        top.addWidget(self.summary, 3)
        received = QGroupBox(self.tr("Các gói số liệu đã nhận trong kỳ"))
        box = QVBoxLayout(received)
        box.addWidget(self.package_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(received)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([430, 150])  # the units first: 24 rows of plan 65 nearly all in view
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(split)
        self.period.currentIndexChanged.connect(self.show_period)
        context.changed.connect(self.refresh)
        context.error.connect(lambda text: self.isVisible() and self._show_error(text))
        self.refresh()

    # -- columns -------------------------------------------------------------------------
    def _state_name(self, state: str) -> str:
        return {
            NOT_SENT: self.tr("chưa gửi"),
            SENT: self.tr("đã gửi"),
            APPROVED_STATE: self.tr("đã duyệt"),
            RETURNED_STATE: self.tr("trả lại"),
        }[state]

    def _days(self, row: UnitStatus) -> str:
        if row.state in (SENT, APPROVED_STATE):
            return ""
        if row.days_left < 0:
            return self.tr("trễ {0} ngày").format(format_number(-row.days_left))
        if row.days_left == 0:
            return self.tr("hạn hôm nay")
        return self.tr("còn {0} ngày").format(format_number(row.days_left))

    def _colour(self, row: UnitStatus) -> QColor | None:
        if row.late:
            return LATE
        return DONE if row.state == APPROVED_STATE else None

    def _unit_columns(self) -> list[Column[UnitStatus]]:
        def package(row: UnitStatus) -> str:
            p = row.last_package
            return f"{p.file_name}, {format_moment(p.imported_at)}" if p else ""

        return [
            Column("unit", self.tr("Đơn vị"), lambda r: r.unit.name, lambda r: r.unit.position),
            Column(
                "state",
                self.tr("Trạng thái"),
                lambda r: self._state_name(r.state),
                color=self._colour,
                tooltip=lambda r: r.comment,
            ),
            Column(
                "received",
                self.tr("Đã nhận"),
                lambda r: f"{format_number(r.received)}/{format_number(r.expected)}",
                lambda r: (r.received / r.expected) if r.expected else 0,
                RIGHT,
            ),
            Column(
                "package",
                self.tr("Gói gần nhất"),
                package,
                lambda r: r.last_package.imported_at.timestamp() if r.last_package else 0,
                tooltip=lambda r: r.last_package.sender if r.last_package else "",
            ),
            Column(
                "signer",
                self.tr("Người ký"),
                lambda r: self._signed(r.last_package) if r.last_package else "",
            ),
            Column("due", self.tr("Hạn nộp"), lambda r: format_date(r.due_on), lambda r: r.due_on),
            Column(
                "days", self.tr("Còn/trễ"), self._days, lambda r: r.days_left, color=self._colour
            ),
            Column(
                "comment",
                self.tr("Nhận xét, lý do"),
                lambda r: r.comment,
                tooltip=lambda r: (
                    f"{r.decided_by}, {format_moment(r.decided_at)}" if r.decided_at else ""
                ),
            ),
        ]

    def _signed(self, package: Package) -> str:
        states = {
            "verified": self.tr("đã xác thực"),
            "unsigned": self.tr("chưa ký"),
            "untrusted": self.tr("khóa chưa được tin cậy"),
        }
        state = states.get(package.signature_state, package.signature_state)
        return (
            f"{package.signer} ({state})" if package.signer and state else package.signer or state
        )

    def _package_columns(self) -> list[Column[Package]]:
        return [
            Column("file", self.tr("Tệp"), lambda p: p.file_name),
            Column("sender", self.tr("Đơn vị gửi"), lambda p: p.sender),
            Column(
                "at",
                self.tr("Lúc nhập"),
                lambda p: format_moment(p.imported_at),
                lambda p: p.imported_at.timestamp(),
            ),
            Column("by", self.tr("Người nhập"), lambda p: p.imported_by),
            Column("signer", self.tr("Chữ ký"), self._signed),
            Column("state", self.tr("Trạng thái"), self._package_state),
        ]

    def _package_state(self, package: Package) -> str:
        """Undone, or its unit's state when it is the unit's last package, else imported."""
        if package.undone:
            return self.tr("đã hoàn tác")
        units = self.status.units if self.status else []
        state = next(
            (u.state for u in units if u.last_package and u.last_package.log_id == package.log_id),
            None,
        )
        return self._state_name(state) if state else self.tr("đã nhập")

    # -- reading -------------------------------------------------------------------------
    def chosen_period(self) -> Period | None:
        wanted = self.period.currentData()
        return next((p for p in self.context.periods() if p.id == wanted), None)

    def refresh(self) -> None:
        periods = self.context.periods()
        had = self.period.currentData()
        fill_combo(self.period, [(p.name, p.id) for p in periods])
        if had is None and periods:  # first time: the newest period
            self.period.setCurrentIndex(len(periods) - 1)
        self.show_period()

    def show_period(self) -> None:
        period = self.chosen_period()
        if period is None:
            self.status = None
            self.units.set_rows([])
            self.packages.set_rows([])
            self.summary.setText(self.tr("Kế hoạch chưa có kỳ báo cáo."))
            return
        self.status = period_status(
            self.context.engine, self.context.plan, period, self.context.today
        )
        due = self.status.due_on
        self.due.setDate(QDate(due.year, due.month, due.day))
        self.units.set_rows(self.status.units)
        self.packages.set_rows(self.status.packages)
        units = self.status.units
        late = sum(1 for u in units if u.late)
        self.summary.setText(
            self.tr("{0}/{1} đơn vị đã gửi, {2} đã duyệt, {3} trễ hạn (hôm nay {4})").format(
                sum(1 for u in units if u.state != NOT_SENT),
                len(units),
                sum(1 for u in units if u.state == APPROVED_STATE),
                late,
                format_date(self.status.today),
            )
        )

    def selected(self) -> UnitStatus | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    # -- actions -------------------------------------------------------------------------
    def decide(self, what: str) -> None:
        row, period = self.selected(), self.chosen_period()
        if row is None or period is None:
            self._show_error(self.tr("Hãy chọn một đơn vị trong bảng."))
            return
        text = ""
        name = row.unit.name
        if what == RETURN:
            dialog = DecisionTextDialog(
                self.tr("Trả lại số liệu"),
                self.tr("Nhận xét gửi lại {0} (kỳ {1}):").format(name, period.name),
                self,
            )
        elif what == REOPEN:
            dialog = DecisionTextDialog(
                self.tr("Mở lại số liệu"),
                self.tr("Lý do mở lại số liệu của {0} (kỳ {1}); lý do được ghi lại:").format(
                    name, period.name
                ),
                self,
            )
        if what in (RETURN, REOPEN):
            if not prompts.run_dialog(dialog):
                return
            text = dialog.value()
        labels = {
            APPROVE: self.tr("duyệt số liệu {0}, kỳ {1}"),
            RETURN: self.tr("trả lại số liệu {0}, kỳ {1}"),
            REOPEN: self.tr("mở lại số liệu {0}, kỳ {1}"),
        }
        self.error.hide()
        self.context.push(
            DecideCommand(
                self.context, what, row.unit, period, text, labels[what].format(name, period.name)
            )
        )

    def set_due_date(self) -> None:
        period = self.chosen_period()
        if period is None:
            return
        chosen = self.due.date()
        day = date(chosen.year(), chosen.month(), chosen.day())
        self.error.hide()
        self.context.push(
            SetDueDateCommand(
                self.context,
                period.id or 0,
                day,
                self.tr("đặt hạn nộp báo cáo kỳ {0}: {1}").format(period.name, format_date(day)),
            )
        )

    def export_list(self) -> None:
        if self.status is None:
            return
        path = prompts.save_file(
            self,
            self.tr("Xuất danh sách đơn vị chưa báo cáo"),
            "chua-bao-cao.xlsx",
            self.tr("Bảng tính Excel (*.xlsx);;Tệp CSV (*.csv);;Văn bản (*.txt)"),
        )
        if path is None:
            return
        try:
            write_reminder(self.status, path)
        except OSError as exc:
            self._show_error(explain_any(exc))
            return
        self.context.message.emit(self.tr("Đã ghi {0}").format(path))

    def copy_list(self) -> None:
        if self.status is not None:
            QGuiApplication.clipboard().setText(reminder_text(self.status))
            self.context.message.emit(self.tr("Đã chép danh sách đơn vị chưa báo cáo."))

    def print_list(self) -> QPrintPreviewDialog | None:
        if self.status is None:
            return None
        document = QTextDocument()
        document.setPlainText(reminder_text(self.status))
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer)
        preview = QPrintPreviewDialog(printer, self)
        preview.paintRequested.connect(document.print_)
        preview.setWindowTitle(self.tr("In danh sách đơn vị chưa báo cáo"))
        preview.open()
        return preview

    def report(self) -> None:
        period = self.chosen_period()
        if period is not None:
            self.report_requested.emit(period.id)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
