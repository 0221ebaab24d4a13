"""The main window: five tabs, the menus, undo/redo and the status bar. Tabs do the work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMessageBox, QTabWidget

from .. import APP_NAME
from ..domain.file_names import file_name
from ..services.checks import find_disagreements
from ..services.database_choice import in_use, server_label
from ..services.plans import list_plans
from ..storage.models import Agency, Period
from . import entity_actions, prompts
from .background import run_in_background
from .context import AppContext
from .dialogs.clerk import ask_clerk
from .dialogs.database_dialog import DatabaseDialog
from .dialogs.findings import FindingsDialog
from .dialogs.form import Field, FormDialog
from .dialogs.help import AboutDialog, HelpDialog
from .dialogs.imports_log import ImportsDialog
from .dialogs.locality_load import choose_locality_list
from .dialogs.new_plan import ask_new_plan
from .dialogs.period_entry import enter_period
from .dialogs.plan_reader import read_plan_document
from .dialogs.reorg_preview import apply_reorg
from .dialogs.verify_dialog import check_signature
from .live_refresh import follow_server
from .new_plan_commands import load_plan_command, new_plan_command
from .settings import LANGUAGES
from .tabs.agency_tab import AgencyTab
from .tabs.indicator_tab import IndicatorTab
from .tabs.locality_tab import LocalityTab
from .tabs.overview_tab import OverviewTab
from .tabs.status_tab import StatusTab
from .tabs.task_tab import TaskTab
from .unsaved_saves import UnsavedBar
from .window_fit import fit_on_screen, place_centred


def can_import(path: Path) -> bool:
    """Files the window takes by drag and drop: packages and Excel templates."""
    return path.suffix.lower() in (".kh65", ".xlsx")


class MainWindow(QMainWindow):
    """Holds the tabs and the actions that span them."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        prompts.remember_folders_in(context.settings)
        self._show_title()
        self.overview = OverviewTab(context)
        self.agencies = AgencyTab(context)
        self.indicators = IndicatorTab(context)
        self.tasks = TaskTab(context)
        self.localities = LocalityTab(context)
        self.status_tab = StatusTab(context)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for widget, title in (
            (self.overview, self.tr("Tổng quan")),
            (self.agencies, self.tr("Cơ quan")),
            (self.indicators, self.tr("Chỉ tiêu")),
            (self.tasks, self.tr("Nhiệm vụ")),
            (self.localities, self.tr("Địa bàn")),
            (self.status_tab, self.tr("Tình hình báo cáo")),
        ):
            self.tabs.addTab(widget, title)
        self.setCentralWidget(self.tabs)
        self.overview.indicator_activated.connect(self.show_indicator)
        self.agencies.indicator_activated.connect(self.show_indicator)
        self.status_tab.report_requested.connect(self.open_province_report)
        self.clerk_label = QLabel()
        self.statusBar().addPermanentWidget(self.clerk_label)
        self.unsaved_bar = UnsavedBar(context)  # saves kept after a lost connection
        self.statusBar().addPermanentWidget(self.unsaved_bar)
        context.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        context.error.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self._build_menus()
        self.setAcceptDrops(True)  # drop a .kh65 or .xlsx file to import it
        self._show_clerk()
        saved = context.settings.state("main_window")
        if saved is None or not self.restoreGeometry(saved):
            place_centred(self, QSize(1366, 768))
        fit_on_screen(self)
        self._fitted_when_shown = False
        self.live = follow_server(context)  # on a server: others' saves redrawn here

    def _build_menus(self) -> None:
        context, menus = self.context, self.menuBar()
        file_menu = menus.addMenu(self.tr("&Tệp"))
        import_action = file_menu.addAction(self.tr("Nhập số liệu từ tệp…"))
        import_action.setShortcut(QKeySequence.StandardKey.Open)
        import_action.triggered.connect(self.choose_import)
        file_menu.addAction(self.tr("Xuất số liệu…")).triggered.connect(self.export_data)
        file_menu.addAction(self.tr("Các lần nhập tệp…")).triggered.connect(
            lambda: ImportsDialog(self.context, self).exec()
        )
        file_menu.addSeparator()
        self.report_action = file_menu.addAction(self.tr("Báo cáo…"))
        self.report_action.setShortcut(QKeySequence.StandardKey.Print)
        self.report_action.triggered.connect(self.open_report)
        self.check_action = file_menu.addAction(self.tr("Đối chiếu số liệu văn bản…"))
        self.check_action.triggered.connect(self.run_check)
        file_menu.addAction(self.tr("Kiểm tra chữ ký…")).triggered.connect(
            lambda: check_signature(self)
        )
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("Thoát"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        edit_menu = menus.addMenu(self.tr("&Sửa"))
        self.undo_action = context.undo_stack.createUndoAction(self, self.tr("Hoàn tác"))
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = context.undo_stack.createRedoAction(self, self.tr("Làm lại"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.retry_action = edit_menu.addAction(self.tr("Lưu lại số chưa lưu"))
        self.retry_action.triggered.connect(context.retry_unsaved)
        edit_menu.addSeparator()
        self.find_action = edit_menu.addAction(self.tr("Tìm…"))
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.go_to_search)

        plan_menu = menus.addMenu(self.tr("&Kế hoạch"))
        self.plan_menu = plan_menu
        self.plan_group = QActionGroup(self)  # one plan shown at a time
        self.plan_actions: list[QAction] = []
        self.plans_end = plan_menu.addSeparator()
        self.new_plan_action = plan_menu.addAction(self.tr("Tạo kế hoạch mới từ kế hoạch này…"))
        self.new_plan_action.triggered.connect(self.new_plan)
        self.load_plan_action = plan_menu.addAction(self.tr("Nạp kế hoạch từ tệp…"))
        self.load_plan_action.triggered.connect(self.load_plan)
        self.read_plan_action = plan_menu.addAction(self.tr("Đọc kế hoạch từ văn bản…"))
        self.read_plan_action.triggered.connect(lambda: read_plan_document(context, self))
        plan_menu.addSeparator()
        self._list_plans()
        context.plan_switched.connect(self._plan_shown)
        context.changed.connect(self._list_plans)  # a plan made or undone elsewhere
        for text, handler in (
            (
                self.tr("Nhập số liệu kỳ mới…"),
                lambda: enter_period(
                    context,
                    self,
                    self.agencies.selected_agency().id if self.agencies.selected_agency() else None,
                ),
            ),
            (self.tr("Thêm kỳ báo cáo…"), lambda: entity_actions.edit_period(context, self)),
            (self.tr("Thêm chỉ tiêu…"), lambda: entity_actions.edit_indicator(context, self)),
            (self.tr("Thêm cơ quan…"), lambda: entity_actions.edit_agency(context, self)),
            (self.tr("Thêm địa phương…"), lambda: entity_actions.edit_locality(context, self)),
            (self.tr("Nạp danh sách địa bàn…"), lambda: choose_locality_list(context, self)),
            (self.tr("Thêm nhiệm vụ…"), lambda: entity_actions.add_task(context, self)),
        ):
            plan_menu.addAction(text).triggered.connect(handler)
        plan_menu.addSeparator()
        self.plan_editor_action = plan_menu.addAction(self.tr("Sửa kế hoạch…"))
        self.plan_editor_action.triggered.connect(self.open_plan_editor)
        self.reorg_action = plan_menu.addAction(self.tr("Áp dụng sắp xếp tổ chức…"))
        self.reorg_action.triggered.connect(lambda: apply_reorg(context, self))

        settings_menu = menus.addMenu(self.tr("&Cài đặt"))
        settings_menu.addAction(self.tr("Người nhập và cơ quan…")).triggered.connect(
            self.change_clerk
        )
        self.database_action = settings_menu.addAction(self.tr("Cơ sở dữ liệu…"))
        self.database_action.triggered.connect(self.choose_database)
        settings_menu.addAction(self.tr("Khóa ký gói số liệu…")).triggered.connect(self.open_keys)
        language_menu = settings_menu.addMenu(self.tr("Ngôn ngữ"))
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == context.settings.language)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            language_menu.addAction(action)

        help_menu = menus.addMenu(self.tr("Trợ &giúp"))
        self.help_action = help_menu.addAction(self.tr("Hướng dẫn sử dụng"))
        self.help_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.help_action.triggered.connect(self.show_help)
        help_menu.addAction(self.tr("Giới thiệu {0}").format(APP_NAME)).triggered.connect(
            lambda: AboutDialog(self.context, self).exec()
        )

    # -- plans ---------------------------------------------------------------------------
    def _show_title(self) -> None:
        plan = self.context.plan
        title = self.tr("{0} — Kế hoạch số {1}, năm {2}").format(APP_NAME, plan.number, plan.year)
        server = server_label(self.context.engine)
        if server:  # several clerks' shared database: say which one this window works on
            title += " — " + self.tr("CSDL {0}").format(server)
        self.setWindowTitle(title)

    def choose_database(self) -> None:
        """Cài đặt → Cơ sở dữ liệu…: a file or a server, used from the next start."""
        dialog = DatabaseDialog(self.context.settings, self, in_use(self.context.engine))
        if prompts.run_dialog(dialog):
            self.statusBar().showMessage(
                self.tr("Đã lưu lựa chọn cơ sở dữ liệu. KH65 dùng nó từ lần mở sau."), 15000
            )

    def _list_plans(self) -> None:
        """The plans at the top of the Kế hoạch menu, the one shown checked."""
        for action in self.plan_actions:
            self.plan_group.removeAction(action)
            self.plan_menu.removeAction(action)
            action.deleteLater()
        self.plan_actions = []
        for entry in list_plans(self.context.engine):
            action = QAction(
                self.tr("{0}, năm {1} — {2}").format(entry.number, entry.year, entry.issuing_body),
                self,
                checkable=True,
            )
            action.setData(entry.code)
            action.setChecked(entry.id == self.context.plan.id)
            action.triggered.connect(lambda _=False, code=entry.code: self.switch_plan(code))
            self.plan_group.addAction(action)
            self.plan_menu.insertAction(self.plans_end, action)
            self.plan_actions.append(action)

    def switch_plan(self, code: str) -> None:
        """Show another plan in every tab (and the next time the window opens)."""
        if code != self.context.plan.code:
            self.context.switch_plan(code)

    def _plan_shown(self) -> None:
        """Another plan is shown: dialogs opened on the previous one close (a report or an
        import prepared for one plan must not be written into another)."""
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.close()
        self._show_title()
        self._list_plans()

    def new_plan(self) -> None:
        """Next year's plan made from the one shown; the window then shows it."""
        new = ask_new_plan(self.context, self)
        if new is not None:
            self.context.push(
                new_plan_command(self.context, new, self.tr("tạo kế hoạch {0}").format(new.number))
            )

    def load_plan(self) -> None:
        """A plan from its data file (sent by the planning department); then shown."""
        path = prompts.open_file(
            self, self.tr("Nạp kế hoạch từ tệp"), self.tr("Tệp kế hoạch KH65 (*.toml)")
        )
        if path is None:
            return
        refused: list[str] = []
        self.context.error.connect(refused.append)
        try:
            command = load_plan_command(
                self.context, path, self.tr("nạp kế hoạch từ {0}").format(path.name)
            )
            pushed = self.context.push(command)
        finally:
            self.context.error.disconnect(refused.append)
        if not pushed and refused:  # a file's mistake deserves more than the status bar
            prompts.show_error(self, APP_NAME, refused[-1])

    def _show_clerk(self) -> None:
        self.clerk_label.setText(self.tr("Người nhập: {0}").format(self.context.clerk))

    def change_clerk(self) -> None:
        if ask_clerk(self.context, self):
            self._show_clerk()

    def set_language(self, code: str) -> None:
        self.context.settings.language = code
        QMessageBox.information(
            self,
            APP_NAME,
            QCoreApplication.translate(
                "MainWindow", "Ngôn ngữ mới được áp dụng khi mở lại ứng dụng."
            ),
        )

    def show_help(self) -> QDialog:
        """F1: the guide, beside the window (the clerk can follow it while working)."""
        self.help_dialog = HelpDialog(self.context, self)
        self.help_dialog.show()
        return self.help_dialog

    def go_to_search(self) -> None:
        """Ctrl+F: the search box of the tab on screen; the indicators' on a tab without one."""
        search = getattr(self.tabs.currentWidget(), "search", None)
        if search is None:
            self.tabs.setCurrentWidget(self.indicators)
            search = self.indicators.search
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()

    def show_indicator(self, indicator_id: int) -> None:
        self.tabs.setCurrentWidget(self.indicators)
        self.indicators.select_indicator(indicator_id)

    # -- exchange ------------------------------------------------------------------------
    def open_import(self, path: Path) -> QDialog:
        """The preview of a received file (also reached by dropping it on the window)."""
        from .dialogs.import_dialog import ImportDialog  # openpyxl loads on first use

        self.import_dialog = ImportDialog(self.context, path, self)
        self.import_dialog.show()
        return self.import_dialog

    def choose_import(self) -> None:
        path = prompts.open_file(
            self, self.tr("Nhập số liệu từ tệp"), self.tr("Gói KH65 hoặc mẫu Excel (*.kh65 *.xlsx)")
        )
        if path is not None:
            self.open_import(path)

    def export_data(self) -> None:
        """An agency's figures as a .kh65 package, an Excel template or CSV."""
        context = self.context
        agencies = [(a.name, a.id) for a in context.agencies()]
        mine = next(
            (a.id for a in context.agencies() if a.code == context.settings.clerk_agency),
            agencies[0][1],
        )
        periods = [(self.tr("Mọi kỳ (gói .kh65)"), None)] + [
            (p.name, p.id) for p in context.periods()
        ]
        dialog = FormDialog(
            self.tr("Xuất số liệu"),
            [
                Field("agency", self.tr("Cơ quan"), "choice", mine, agencies),
                Field("period", self.tr("Kỳ báo cáo"), "choice", None, periods),
                Field(
                    "definitions", self.tr("Kèm định nghĩa và chỉ tiêu của kế hoạch"), "bool", False
                ),
            ],
            self,
        )
        if not prompts.run_dialog(dialog):
            return
        values = dialog.values()
        agency = context.plans.get(Agency, values["agency"])
        path = prompts.save_file(
            self,
            self.tr("Xuất số liệu"),
            file_name(
                self.tr("Số liệu"),
                agency.name,
                context.plans.get(Period, values["period"]).name if values["period"] else None,
                suffix=".kh65",
            ),
            self.tr("Gói KH65 (*.kh65);;Mẫu Excel để điền số (*.xlsx);;CSV (*.csv)"),
        )
        if path is None:
            return
        period = context.plans.get(Period, values["period"]) if values["period"] else None
        plans, plan = context.plans, context.plan
        passphrase = None
        if path.suffix.lower() == ".kh65":  # signed with the agency's key: its passphrase
            from .dialogs.package_keys import ask_passphrase

            passphrase = ask_passphrase(self, agency.code)
            if passphrase is False:
                return
        from ..services.exchange_files import export_file  # openpyxl loads on first use

        run_in_background(
            self,
            self.tr("Đang xuất số liệu…"),
            lambda: export_file(
                plans, plan, agency, period, path, values["definitions"], passphrase or None
            ),
            lambda out: context.message.emit(self.tr("Đã xuất: {0}").format(out)),
            lambda message: prompts.show_error(self, APP_NAME, message),
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(can_import(Path(u.toLocalFile())) for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if can_import(path):
                self.open_import(path)
                event.acceptProposedAction()
                return

    def open_keys(self) -> QDialog:
        """Cài đặt → Khóa ký gói số liệu…: this office's key and the trusted offices."""
        from .dialogs.package_keys import KeysDialog

        self.keys_dialog = KeysDialog(self.context, self)
        self.keys_dialog.show()
        return self.keys_dialog

    def open_report(self) -> QDialog:
        """The report dialog (preview, print, PDF, Word); stays open beside the window."""
        from .dialogs.report_dialog import ReportDialog  # reportlab loads on first use

        self.report_dialog = ReportDialog(self.context, self)
        self.report_dialog.show()
        return self.report_dialog

    def open_province_report(self, period_id: int) -> QDialog:
        """The report dialog set to the province report of a period (Tình hình báo cáo)."""
        from ..reports.builders import ReportKind

        dialog = self.open_report()
        dialog.kind.setCurrentIndex(dialog.kind.findData(ReportKind.PROVINCE.value))
        dialog.period.setCurrentIndex(max(0, dialog.period.findData(period_id)))
        dialog.approved_only.setChecked(True)
        return dialog

    def open_plan_editor(self) -> QDialog:
        """Kế hoạch → Sửa kế hoạch…: the plan editor, beside the window."""
        from .dialogs.plan_editor import PlanEditorDialog

        if getattr(self, "plan_editor", None) is None:
            self.plan_editor = PlanEditorDialog(self.context, self)
        self.plan_editor.show()
        self.plan_editor.raise_()
        self.plan_editor.activateWindow()
        return self.plan_editor

    def run_check(self) -> None:
        """Compare the document's stated figures off the GUI thread, then show them."""
        engine, plan = self.context.engine, self.context.plan
        self.check_action.setEnabled(False)

        def done(findings: object) -> None:
            self.check_action.setEnabled(True)
            self.findings_dialog = FindingsDialog(self.context, list(findings), self)  # type: ignore[call-overload]
            self.findings_dialog.show()

        def failed(message: str) -> None:
            self.check_action.setEnabled(True)
            prompts.show_error(self, APP_NAME, self.tr("Không đối chiếu được: {0}").format(message))

        run_in_background(
            self,
            self.tr("Đang đối chiếu số liệu…"),
            lambda: find_disagreements(engine, plan),
            done,
            failed,
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted_when_shown:  # once framed, the frame's real size is known
            self._fitted_when_shown = True
            QTimer.singleShot(0, lambda: fit_on_screen(self))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.live is not None:
            self.live.close()
        self.context.settings.save_state("main_window", self.saveGeometry())
        self.context.settings.sync()
        super().closeEvent(event)
