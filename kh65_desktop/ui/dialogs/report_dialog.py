"""The report's variable parts, prefilled from the agency and remembered per agency; then
preview and print, or save as PDF or Word. Writing the file runs off the GUI thread."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.file_names import file_name
from ...reports.builders import (
    ReportBuilder,
    ReportKind,
    ReportOptions,
    consolidating_office,
    default_letterhead,
)
from ...reports.document import Letterhead
from ...reports.produce import Signing, write_report
from ...services.consolidation import approved_agencies
from ...services.organisations import named_for
from ...services.report_texts import ReportTextService
from ...services.rows import IndicatorRow
from ...storage.models import Agency
from .. import prompts
from ..agency_picker import fill_agency_combo
from ..background import run_in_background
from ..context import AppContext
from ..printing import open_at_page_width, prepare_printer, print_pdf
from ..views import fill_combo
from .report_draft import open_report_draft
from .signing_choice import SigningChoice

_TEXT = ("parent_body", "issuing_body", "symbol", "authority", "signer_title", "signer_name")
_LISTS = ("recipients", "copies_to")


def chart_renderer(kind: ReportKind) -> Callable[[list[IndicatorRow], Path], list[Path]]:
    """Charts for the report, drawn for paper (split across pages when long)."""
    from ...charts.paper import report_chart_images

    def render(rows: list[IndicatorRow], path: Path) -> list[Path]:
        return report_chart_images(rows, path, by_agency=kind is ReportKind.PROVINCE)

    return render


class ReportDialog(QDialog):
    """Choose the report, correct its variable parts, then preview, print or save."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Báo cáo"))
        self.resize(760, 680)
        self.kind = QComboBox()
        for text, kind in (
            (self.tr("Báo cáo của cơ quan"), ReportKind.AGENCY),
            (  # by the plan's consolidating office, as named at the plan's end
                self.tr("Báo cáo toàn tỉnh ({0})").format(
                    consolidating_office(context.plans, context.plan)
                ),
                ReportKind.PROVINCE,
            ),
            (self.tr("Báo cáo theo địa bàn"), ReportKind.LOCALITY),
        ):
            self.kind.addItem(text, kind.value)
        self.agency = QComboBox()
        fill_agency_combo(self.agency, context, [a for a in context.agencies() if a.leads])
        mine = next(
            (a.id for a in context.agencies() if a.code == context.settings.clerk_agency),
            None,
        )
        if mine is not None and self.agency.findData(mine) >= 0:
            self.agency.setCurrentIndex(self.agency.findData(mine))
        self.period = QComboBox()
        periods = context.periods()
        fill_combo(self.period, [(p.name, p.id) for p in periods])
        self.period.setCurrentIndex(max(0, len(periods) - 1))
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.number = QLineEdit()
        self.issued_on = QDateEdit(QDate.currentDate())
        self.issued_on.setDisplayFormat("dd/MM/yyyy")
        self.issued_on.setCalendarPopup(True)
        self.subject = QPlainTextEdit()
        self.subject.setFixedHeight(52)
        self.subject.setTabChangesFocus(True)  # Tab goes on to the next field, not into it
        form = QFormLayout()
        form.addRow(self.tr("Loại báo cáo"), self.kind)
        form.addRow(self.tr("Cơ quan"), self.agency)
        form.addRow(self.tr("Kỳ báo cáo"), self.period)
        for key, label in (
            ("parent_body", self.tr("Cơ quan chủ quản")),
            ("issuing_body", self.tr("Cơ quan ban hành")),
        ):
            self.fields[key] = QLineEdit()
            form.addRow(label, self.fields[key])
        number_row = QHBoxLayout()
        self.fields["symbol"] = QLineEdit()
        number_row.addWidget(self.number, 1)
        number_row.addWidget(QLabel("/"))
        number_row.addWidget(self.fields["symbol"], 2)
        number_row.addWidget(QLabel(self.tr("Ngày")))
        number_row.addWidget(self.issued_on, 2)
        form.addRow(self.tr("Số, ký hiệu"), number_row)
        form.addRow(self.tr("Trích yếu"), self.subject)
        for key, label in (
            ("recipients", self.tr("Kính gửi (mỗi dòng một nơi)")),
            ("copies_to", self.tr("Nơi nhận (mỗi dòng một nơi)")),
        ):
            edit = QPlainTextEdit()
            edit.setFixedHeight(70)
            edit.setTabChangesFocus(True)
            self.fields[key] = edit
            form.addRow(label, edit)
        for key, label in (
            ("authority", self.tr("Thẩm quyền ký (TM./KT./Q.)")),
            ("signer_title", self.tr("Chức vụ người ký")),
            ("signer_name", self.tr("Họ tên người ký")),
        ):
            self.fields[key] = QLineEdit()
            form.addRow(label, self.fields[key])
        self.assessment = QCheckBox(self.tr("Đánh giá chung"))
        self.tasks = QCheckBox(self.tr("Nhiệm vụ, giải pháp"))
        self.notes = QCheckBox(self.tr("Ghi chú đối chiếu số liệu"))
        self.charts = QCheckBox(self.tr("Biểu đồ tiến độ"))
        sections = QHBoxLayout()
        for box in (self.assessment, self.tasks, self.notes, self.charts):
            box.setChecked(box is not self.notes)
            sections.addWidget(box)
        form.addRow(self.tr("Gồm các phần"), sections)
        # the province report from the figures the office has approved (Tình hình báo cáo)
        self.approved_only = QCheckBox(self.tr("Chỉ các chỉ tiêu có số liệu đã duyệt"))
        self.approved_only.setObjectName("approvedOnly")
        form.addRow("", self.approved_only)
        self.signing = SigningChoice(context.settings, self)
        form.addRow(self.signing)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, name, handler in (
            (self.tr("Phần lời văn…"), "reportDraft", self.open_draft),
            (self.tr("Xem trước và in…"), "preview", self.preview),
            (self.tr("Lưu PDF…"), "savePdf", lambda: self.save(".pdf")),
            (self.tr("Lưu Word…"), "saveDocx", lambda: self.save(".docx")),
            (self.tr("Đóng"), "close", self.reject),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(self.prefill)
        self.agency.currentIndexChanged.connect(self.prefill)
        self.period.currentIndexChanged.connect(self.prefill)
        self.prefill()

    # -- the variable parts ------------------------------------------------------------
    def chosen_kind(self) -> ReportKind:
        return ReportKind(self.kind.currentData())

    def chosen_agency(self) -> Agency | None:
        if self.chosen_kind() is not ReportKind.AGENCY or self.agency.currentData() is None:
            return None
        return self.context.plans.get(Agency, self.agency.currentData())

    def _key(self) -> str:
        agency = self.chosen_agency()
        return f"report/{agency.code if agency else self.chosen_kind().value}"

    def prefill(self) -> None:
        """Defaults for this agency, overridden by what was typed for it last time."""
        self.agency.setEnabled(self.chosen_kind() is ReportKind.AGENCY)
        self.approved_only.setEnabled(self.chosen_kind() is ReportKind.PROVINCE)
        period = next(
            (p for p in self.context.periods() if p.id == self.period.currentData()), None
        )
        head = default_letterhead(
            self.context.plan,
            self.chosen_kind(),
            # the agency's name at the period's end (services/organisations.py)
            named_for(self.context.plans.engine, self.chosen_agency(), self.context.plan, period),
            period,
            self.context.today(),
            office=consolidating_office(self.context.plans, self.context.plan, period),
        )
        store = self.context.settings.store
        for key in _TEXT + _LISTS:
            value = getattr(head, key)
            text = "\n".join(value) if key in _LISTS else value
            saved = store.value(f"{self._key()}/{key}")
            widget = self.fields[key]
            content = str(saved) if saved not in (None, "") else text
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(content)
            else:
                widget.setText(content)
        self.subject.setPlainText(head.subject)

    def letterhead(self) -> Letterhead:
        def text(key: str) -> str:
            widget = self.fields[key]
            return (
                widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
            ).strip()

        chosen = self.issued_on.date()
        return Letterhead(
            parent_body=text("parent_body"),
            issuing_body=text("issuing_body"),
            number=self.number.text().strip(),
            symbol=text("symbol"),
            place=self.context.plan.place,
            issued_on=date(chosen.year(), chosen.month(), chosen.day()),
            subject=self.subject.toPlainText().strip(),
            recipients=[line.strip() for line in text("recipients").splitlines() if line.strip()],
            copies_to=[line.strip() for line in text("copies_to").splitlines() if line.strip()],
            authority=text("authority"),
            signer_title=text("signer_title"),
            signer_name=text("signer_name"),
        )

    def remember(self) -> None:
        """Keep what was typed for this agency for its next report."""
        store = self.context.settings.store
        head = self.letterhead()
        for key in _TEXT + _LISTS:
            value = getattr(head, key)
            store.setValue(f"{self._key()}/{key}", "\n".join(value) if key in _LISTS else value)
        self.context.settings.sync()

    def options(self) -> ReportOptions:
        kind = self.chosen_kind()
        period = next(
            (p for p in self.context.periods() if p.id == self.period.currentData()), None
        )
        return ReportOptions(
            kind,
            self.letterhead(),
            self.chosen_agency(),
            period,
            include_tasks=self.tasks.isChecked(),
            include_assessment=self.assessment.isChecked(),
            include_notes=self.notes.isChecked(),
            include_charts=self.charts.isChecked(),
            chart_renderer=chart_renderer(kind) if self.charts.isChecked() else None,
            texts=ReportTextService(self.context.engine).for_report(
                self.context.plan, period, self.chosen_agency(), kind is ReportKind.PROVINCE
            ),
            approved_leads=approved_agencies(self.context.engine, period.id or 0)
            if period is not None
            and self.approved_only.isEnabled()
            and self.approved_only.isChecked()
            else None,
        )

    def open_draft(self) -> None:
        """The narrative sections of the chosen report, to write before printing it: the
        agency's, or for the province report the office's own (each agency's chosen there)."""
        agency = self.chosen_agency()
        self.draft = open_report_draft(
            self.context, self, agency.id if agency else None, self.period.currentData()
        )

    # -- output ----------------------------------------------------------------------------
    def write(
        self, path: Path, then: Callable[[Path], None], signing: Signing | None = None
    ) -> None:
        """Write the report off the GUI thread, then call `then` with the file."""
        self.remember()
        options, plans, today = self.options(), self.context.plans, self.context.today()
        plan = self.context.plan
        if options.include_charts:  # Qt draws on the GUI thread only: draw the chart first
            options.chart_renderer = _pre_rendered(options, plans, plan, today)
        self.status.setText(self.tr("Đang tạo báo cáo…"))
        run_in_background(
            self,
            self.tr("Đang tạo báo cáo…"),
            lambda: write_report(plans, options, path, today, plan, signing),
            lambda written: (
                self.status.setText(self.tr("Đã lưu: {0}").format(written)),
                then(written),
            ),
            lambda message: self.status.setText(
                self.tr("Không tạo được báo cáo: {0}").format(message)
            ),
        )

    def save(self, suffix: str) -> None:
        kinds = {".pdf": self.tr("Tệp PDF (*.pdf)"), ".docx": self.tr("Tệp Word (*.docx)")}
        agency = self.chosen_agency()
        whose = {ReportKind.PROVINCE: self.tr("toàn tỉnh"), ReportKind.LOCALITY: self.tr("địa bàn")}
        name = file_name(
            self.tr("Báo cáo"),
            agency.name if agency else whose.get(self.chosen_kind()),
            self.period.currentText(),
            suffix=suffix,
        )
        path = prompts.save_file(self, self.tr("Lưu báo cáo"), name, kinds[suffix])
        if path is None:
            return
        signing = self.signing.request() if suffix == ".pdf" else None
        if signing is not False:  # False: the clerk cancelled the PIN or passphrase
            self.write(path.with_suffix(suffix), lambda _: None, signing)

    def preview(self) -> None:
        folder = Path(tempfile.mkdtemp(prefix="kh65-preview-"))
        self.write(folder / "bao-cao.pdf", self.show_preview)

    def show_preview(self, pdf: Path) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Xem trước bản in"))
        open_at_page_width(dialog)
        dialog.paintRequested.connect(lambda target: print_pdf(target, pdf))
        self.preview_dialog = dialog
        prompts.run_dialog(dialog)


def _pre_rendered(options: ReportOptions, plans, plan, today: date):  # type: ignore[no-untyped-def]
    """Draw the chart now (GUI thread) and hand the files to the builder later."""
    renderer = options.chart_renderer
    assert renderer is not None
    builder = ReportBuilder(plans, plan, today)
    rows = builder.rows_for(options)
    folder = Path(tempfile.mkdtemp(prefix="kh65-chart-"))
    image = renderer(rows, folder / "tien-do.png") if rows else None

    def ready(_rows: list[IndicatorRow], path: Path) -> Path | list[Path]:
        return image if image is not None else path

    return ready
