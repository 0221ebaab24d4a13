"""Kế hoạch → Đọc kế hoạch từ văn bản…: a plan's .docx/.pdf/.txt read on a worker thread
(progress shown, cancellable), then reviewed side by side: the document's text on the left
with the current item's sentence highlighted, the items found on the right (unsure ones
first), each editable and accepted or rejected. Nothing is written until "Nạp kế hoạch",
which loads the kept items through the plan file's loader in one undoable command (as
"Nạp kế hoạch từ tệp…" does); "Lưu thành tệp kế hoạch…" writes them as a plan file."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, QThread, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from ...atomic_file import atomic_path
from ...documents.text import DocumentError
from ...file_errors import why_not_written
from ...services.plan_load import load_plan_text
from ...services.plan_reading import known_agencies, read_plan_file
from ...storage.failures import explain_any
from .. import prompts
from ..context import AppContext
from ..new_plan_commands import AddPlanCommand
from ..plan_reader_fields import FieldPath, FieldsPanel, set_value
from ..plan_reader_model import DECISION, SURENESS, TARGET, TITLE, Decision, ReviewModel
from ..window_fit import fit_on_screen

log = logging.getLogger(__name__)
QUOTE_COLOUR = QColor("#fff59d")
Read = Callable[[Path, Callable[..., None]], Any]  # (path, progress) -> ReadPlan


class ReadingCancelled(Exception):
    """The clerk pressed Hủy: the reader stops at its next progress report."""


# -- reading ---------------------------------------------------------------------------------
class DocumentReading(QThread):
    """Reads one document off the GUI thread; `cancelled` stops it at the next progress."""

    progressed = Signal(int)
    read_done = Signal(object)
    refused = Signal(str)

    def __init__(self, read: Read, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.read, self.path = read, path
        self.cancelled = False

    def progress(self, done: float = 0, total: float = 1) -> None:
        if self.cancelled:
            raise ReadingCancelled
        self.progressed.emit(int(100 * done / total) if total else 0)

    def run(self) -> None:
        try:
            result = self.read(self.path, self.progress)
        except ReadingCancelled:
            return
        except (DocumentError, OSError) as exc:  # their text is the clerk's message
            if not self.cancelled:
                self.refused.emit(explain_any(exc))
            return
        except Exception:  # noqa: BLE001 - a reader's bug: said plainly, logged for support
            log.exception("Đọc văn bản kế hoạch không thành công")
            if not self.cancelled:
                self.refused.emit(
                    QCoreApplication.translate(
                        "PlanReader",
                        "Không đọc được văn bản này do lỗi của chương trình (đã ghi vào nhật "
                        "ký). Hãy gửi văn bản cho bộ phận hỗ trợ, hoặc nạp kế hoạch từ tệp "
                        "kế hoạch.",
                    )
                )
            return
        if not self.cancelled:
            self.read_done.emit(result)


class ReadingProgress(QObject):
    """The progress dialog of one reading, and what happens when it ends."""

    def __init__(self, context: AppContext, parent: QWidget, read: Read, path: Path) -> None:
        super().__init__(parent)
        self.context, self.parent_widget, self.path = context, parent, path
        self.dialog: PlanReaderDialog | None = None
        self.thread = DocumentReading(read, path, self)
        self.progress = QProgressDialog(
            self.tr("Đang đọc {0}…").format(path.name), self.tr("Hủy"), 0, 100, parent
        )
        self.progress.setObjectName("readingProgress")
        self.progress.setWindowTitle(self.tr("Đọc kế hoạch từ văn bản"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setValue(0)
        self.progress.canceled.connect(self.cancel)
        self.setting, self.done, self.latest = False, False, 0
        self.thread.progressed.connect(self._progressed)
        self.thread.read_done.connect(self.show_read)
        self.thread.refused.connect(self.say_refused)
        self.thread.finished.connect(self._finished)
        # the window closed mid-read: stop at the next page rather than destroy a running
        # thread (Qt aborts the program then)
        QCoreApplication.instance().aboutToQuit.connect(self._stop)
        self.thread.start()

    def _stop(self) -> None:
        self.thread.cancelled = True
        self.thread.wait()

    def cancel(self) -> None:
        self.thread.cancelled = True
        self.progress.close()

    def _progressed(self, value: int) -> None:
        """A modal QProgressDialog's setValue runs the event loop: the reading's end (and
        another step) can come inside it, and the dialog must not be deleted under it."""
        self.latest = value
        if self.setting or self.done:
            return  # the outer call shows the latest value when its setValue returns
        self.setting = True
        try:
            shown = -1
            while shown != self.latest and not self.done:
                shown = self.latest
                self.progress.setValue(shown)
        finally:
            self.setting = False
        if self.done:
            self.progress.deleteLater()

    def _finished(self) -> None:
        QCoreApplication.instance().aboutToQuit.disconnect(self._stop)
        self.done = True
        self.progress.close()
        if not self.setting:  # else deleted once its setValue has returned
            self.progress.deleteLater()

    def say_refused(self, message: str) -> None:
        self.progress.close()
        prompts.show_error(self.parent_widget, self.tr("Không đọc được văn bản"), message)

    def show_read(self, read: Any) -> None:
        self.progress.close()
        if not read.indicator_count:
            prompts.show_error(
                self.parent_widget,
                self.tr("Không đọc được kế hoạch"),
                self.tr(
                    "Không tìm thấy chỉ tiêu nào: văn bản này có thể không phải là kế hoạch. "
                    "Hãy chọn văn bản kế hoạch (có các chỉ tiêu và nhiệm vụ được giao)."
                ),
            )
            return
        self.dialog = PlanReaderDialog(self.context, read, self.parent_widget)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.showMaximized()


def read_plan_document(
    context: AppContext, parent: QWidget, read: Read | None = None
) -> ReadingProgress | None:
    """Ask for the document and start reading it; None if the clerk chose nothing."""
    path = prompts.open_file(
        parent,
        QCoreApplication.translate("PlanReader", "Đọc kế hoạch từ văn bản"),
        QCoreApplication.translate(
            "PlanReader", "Văn bản kế hoạch (*.docx *.pdf *.txt);;Mọi tệp (*)"
        ),
    )
    if path is None:
        return None
    if read is None:

        def read(path: Path, progress: Callable[..., None]) -> Any:
            return read_with_service(context.engine, path, progress)

    return ReadingProgress(context, parent, read, path)


def read_with_service(engine: Engine, path: Path, progress: Callable[..., None]) -> Any:
    """The document reader (services/plan_reading), with the database's agencies."""
    return read_plan_file(engine, path, progress)


# -- undoable review steps -------------------------------------------------------------------
class DecideCommand(QUndoCommand):
    """Accept or reject items (a group's or a heading's rows with it)."""

    def __init__(self, dialog: PlanReaderDialog, keys: list[str], decision: Decision) -> None:
        super().__init__(
            QCoreApplication.translate("PlanReader", "chấp nhận {0} mục")
            if decision is Decision.ACCEPTED
            else QCoreApplication.translate("PlanReader", "bỏ {0} mục")
        )
        self.setText(self.text().format(len(keys)))
        self.dialog, self.decision = dialog, decision
        self.before = {k: dialog.model.decisions[k] for k in keys}

    def redo(self) -> None:
        for key in self.before:
            self.dialog.model.decide(key, self.decision)
        self.dialog.decided()

    def undo(self) -> None:
        for key, decision in self.before.items():
            self.dialog.model.decide(key, decision)
        self.dialog.select(next(iter(self.before)))
        self.dialog.decided()


class FieldCommand(QUndoCommand):
    """One field of one item changed; undo shows the item with the old value."""

    def __init__(
        self, dialog: PlanReaderDialog, key: str, path: FieldPath, old: Any, new: Any
    ) -> None:
        super().__init__(QCoreApplication.translate("PlanReader", "sửa {0}").format(".".join(path)))
        self.dialog, self.key, self.path, self.old, self.new = dialog, key, path, old, new
        self.first = True

    def _put(self, value: Any) -> None:
        set_value(self.dialog.model.items[self.key].fields, self.path, value)
        self.dialog.model.refresh(self.key)
        if self.first:  # the panel already shows what was typed
            self.first = False
            return
        self.dialog.select(self.key)
        self.dialog.fields.reload()

    def redo(self) -> None:
        self._put(self.new)

    def undo(self) -> None:
        self._put(self.old)


class LoadReadPlanCommand(AddPlanCommand):
    """AddPlanCommand whose first write runs on a worker thread: it only writes; the
    window shows the new plan when the write is back on the GUI thread."""

    def do(self) -> None:
        if self.added is None:
            self.added = self.add()
            return
        super().do()  # redo, on the GUI thread


# -- the review window -----------------------------------------------------------------------
class PlanReaderDialog(QDialog):
    """The review of one read document; `loaded` once its plan is in the database."""

    def __init__(self, context: AppContext, read: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planReader")
        self.context, self.read = context, read
        self.loaded = False
        self.document_text = read.document.text
        self.setWindowTitle(self.tr("Xem lại kế hoạch đọc từ {0}").format(read.document.name))
        self.undo_stack = QUndoStack(self)

        self.text = QPlainTextEdit()
        self.text.setObjectName("documentText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setPlainText(self.document_text)
        self.quote_note = QLabel()
        self.quote_note.setObjectName("quoteNote")
        self.quote_note.setWordWrap(True)

        self.model = ReviewModel(read, self)
        self.tree = QTreeView()
        self.tree.setObjectName("foundItems")
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # fixed widths: a column sized to its contents measures every row at each change
        # (accepting 900 items took 26 s)
        header.resizeSection(TARGET, 100)
        header.resizeSection(SURENESS, 240)
        words = [d.text() for d in Decision]
        words.append(self.model.headerData(DECISION, Qt.Orientation.Horizontal))
        header.resizeSection(
            DECISION, max(self.fontMetrics().horizontalAdvance(w) for w in words) + 24
        )
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated.connect(lambda _: self._edit_fields())  # Enter: to the fields

        self.unsure_first = QCheckBox(self.tr("Mục chưa chắc lên trước"))
        self.unsure_first.setObjectName("unsureFirst")
        self.unsure_first.setChecked(True)
        self.unsure_first.toggled.connect(self._order)
        self.summary = QLabel()
        self.summary.setObjectName("summary")

        self.buttons: dict[str, QPushButton] = {}
        accept = self._button("accept", self.tr("Chấp nhận (Ctrl+Enter)"), self.accept_current)
        reject = self._button("reject", self.tr("Bỏ (Delete)"), self.reject_current)
        accept_sure = self._button(
            "acceptSure",
            self.tr("Chấp nhận tất cả mục chắc chắn (Ctrl+Shift+Enter)"),
            self.accept_sure,
        )
        undo = self._button("undo", self.tr("Hoàn tác (Ctrl+Z)"), self.undo_stack.undo)
        redo = self._button("redo", self.tr("Làm lại (Ctrl+Y)"), self.undo_stack.redo)
        save = self._button("save", self.tr("Lưu thành tệp kế hoạch…"), self.save_plan_file)
        load = self._button("load", self.tr("Nạp kế hoạch"), self.load_plan)
        close = self._button("close", self.tr("Đóng"), self.reject)
        self.undo_stack.canUndoChanged.connect(undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(redo.setEnabled)
        undo.setEnabled(False)
        redo.setEnabled(False)
        for keys, slot, where in (
            (["Ctrl+Return", "Ctrl+Enter"], self.accept_current, self),
            (["Ctrl+Shift+Return", "Ctrl+Shift+Enter"], self.accept_sure, self),
            (["Delete"], self.reject_current, self.tree),
            (["Ctrl+Z"], self.undo_stack.undo, self),
            (["Ctrl+Y", "Ctrl+Shift+Z"], self.undo_stack.redo, self),
            (["Ctrl+S"], self.save_plan_file, self),
            (["Ctrl+L"], self.load_plan, self),
            (["F6"], self._other_side, self),
        ):
            action = QAction(where)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(
                Qt.ShortcutContext.WidgetShortcut
                if where is self.tree
                else Qt.ShortcutContext.WindowShortcut
            )
            action.triggered.connect(slot)
            where.addAction(action)
        save.setToolTip(self.tr("Lưu các mục giữ lại thành tệp kế hoạch (Ctrl+S)"))
        load.setToolTip(self.tr("Nạp các mục giữ lại vào cơ sở dữ liệu (Ctrl+L)"))

        self.known_codes = {code for code, _ in known_agencies(context.engine)}
        self.fields = FieldsPanel(self._field_changed, agencies=self.agency_choices)
        self.fields.setObjectName("itemFields")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Văn bản: {0}").format(read.document.name)))
        left_layout.addWidget(self.text)
        left_layout.addWidget(self.quote_note)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        order = QHBoxLayout()
        order.addWidget(self.unsure_first)
        order.addStretch(1)
        order.addWidget(self.summary)
        top_layout.addLayout(order)
        top_layout.addWidget(self.tree)
        decide = QHBoxLayout()
        for button in (accept, reject, accept_sure):
            decide.addWidget(button)
        decide.addStretch(1)
        top_layout.addLayout(decide)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(top)
        right.addWidget(scroll)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        bottom = QHBoxLayout()
        bottom.addWidget(undo)
        bottom.addWidget(redo)
        bottom.addStretch(1)
        bottom.addWidget(save)
        bottom.addWidget(load)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        self.resize(1340, 720)
        fit_on_screen(self)
        # the text wide enough to read a sentence whole; the fields tall enough for an
        # indicator's dozen lines at 768 pixels
        width, height = self.width(), self.height()
        self.splitter.setSizes([width * 2 // 5, width * 3 // 5])
        right.setSizes([height * 11 // 20, height * 9 // 20])
        self.tree.expandAll()
        self.setFocusProxy(self.tree)
        self._first_row()
        self.decided()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.tree.setFocus()  # the keyboard starts in the list: arrows, Ctrl+Enter, Delete

    def _button(self, name: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter in a field ends the typing, never loads
        button.clicked.connect(slot)
        self.buttons[name] = button
        return button

    # -- the current item ----------------------------------------------------------------
    def current_key(self) -> str | None:
        return self.model.key_of(self.tree.currentIndex())

    def select(self, key: str) -> None:
        index = self.model.index_of(key)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _first_row(self) -> None:
        """The review starts on the first unsure item (while they come first), else on the
        first item."""
        first = None
        index = self.model.index(0, 0)
        while index.isValid():
            key = self.model.key_of(index)
            if key and first is None:
                first = index
            if key and self.model.unsure_first and not self.model.items[key].sure:
                first = index
                break
            index = self.tree.indexBelow(index)
        if first is not None:
            self.tree.setCurrentIndex(first)
            self.tree.scrollTo(first)

    def _current_changed(self, current: QModelIndex, _: QModelIndex) -> None:
        key = self.model.key_of(current)
        item = self.model.items.get(key) if key else None
        if item is None:
            self.fields.show_item(None, current.siblingAtColumn(TITLE).data() or "")
            self._highlight(None)
            return
        heading = current.siblingAtColumn(TITLE).data()
        if not item.sure:
            heading = f"{heading}\n{current.siblingAtColumn(SURENESS).data()}"
        self.fields.show_item(item, heading)
        self._highlight(item)

    def _quote_span(self, item: Any) -> tuple[int, int] | None:
        span = getattr(item, "span", None)
        if span and 0 <= span[0] < span[1] <= len(self.document_text):
            return span
        start = self.document_text.find(item.quote) if item.quote else -1
        return (start, start + len(item.quote)) if start >= 0 else None

    def _highlight(self, item: Any) -> None:
        """Select the item's sentence in the text and bring it into view."""
        span = self._quote_span(item) if item is not None else None
        cursor = self.text.textCursor()
        if span is None:
            cursor.clearSelection()
            self.text.setTextCursor(cursor)
            self.text.setExtraSelections([])
            self.quote_note.setText(
                self.tr("Mục này không có câu trích trong văn bản.") if item is not None else ""
            )
            return
        start, end = (_utf16(self.document_text[:i]) for i in span)
        cursor.setPosition(start)
        self.text.setTextCursor(cursor)  # the sentence's start in view, then the whole
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        marked = QTextEdit.ExtraSelection()
        marked.cursor = cursor
        marked.format = QTextCharFormat()
        marked.format.setBackground(QUOTE_COLOUR)
        self.text.setExtraSelections([marked])  # stays marked while the focus is elsewhere
        self.quote_note.clear()

    def _edit_fields(self) -> None:
        if self.fields.widgets:
            next(iter(self.fields.widgets.values())).setFocus()

    def _other_side(self) -> None:
        """F6: between the list and the fields (the keyboard's way across the splitter)."""
        if self.tree.hasFocus():
            self._edit_fields()
        else:
            self.tree.setFocus()

    def _order(self, unsure_first: bool) -> None:
        key = self.current_key()
        self.model.unsure_first = unsure_first
        self.model.rebuild()
        self.tree.expandAll()
        if key:
            self.select(key)
        else:
            self._first_row()

    # -- deciding ------------------------------------------------------------------------
    def _keys_under(self, index: QModelIndex) -> list[str]:
        keys = []
        key = self.model.key_of(index)
        if key:
            keys.append(key)
        first = index.siblingAtColumn(TITLE)
        for row in range(self.model.rowCount(first)):
            keys.extend(self._keys_under(self.model.index(row, TITLE, first)))
        return keys

    def _decide_current(self, decision: Decision) -> bool:
        index = self.tree.currentIndex()
        keys = self._keys_under(index) if index.isValid() else []
        if not keys:
            return False
        self.undo_stack.push(DecideCommand(self, keys, decision))
        below = self.tree.indexBelow(index)
        if self.model.rowCount(index.siblingAtColumn(TITLE)):  # past a group's own rows
            below = index.siblingAtRow(index.row() + 1)
            below = below if below.isValid() else self.tree.indexBelow(index)
        if below.isValid():
            self.tree.setCurrentIndex(below)
            self.tree.scrollTo(below)
        return True

    def accept_current(self) -> bool:
        return self._decide_current(Decision.ACCEPTED)

    def reject_current(self) -> bool:
        return self._decide_current(Decision.REJECTED)

    def accept_sure(self) -> bool:
        keys = self.model.sure_unseen()
        if not keys:
            return False
        self.undo_stack.push(DecideCommand(self, keys, Decision.ACCEPTED))
        return True

    def decided(self) -> None:
        counts = {d: len(self.model.keys(d)) for d in Decision}
        self.summary.setText(
            self.tr("{0} mục: {1} chấp nhận, {2} bỏ, {3} chưa xem").format(
                len(self.model.items),
                counts[Decision.ACCEPTED],
                counts[Decision.REJECTED],
                counts[Decision.UNSEEN],
            )
        )

    def agency_choices(self) -> list[tuple[str, str]]:
        """(code, name) of the read plan's agencies as the clerk has them now, those not in
        this database marked new, then its agency sets (named by their own name)."""
        choices = []
        for item in self.model.items.values():
            if str(getattr(item.kind, "value", item.kind)) != "agency":
                continue
            code, name = item.fields.get("code", item.key), item.fields.get("name", item.key)
            if code not in self.known_codes:
                name = self.tr("{0} (cơ quan mới)").format(name)
            choices.append((code, name))
        return choices + [(name, name) for name in self.read.agency_sets]

    def _field_changed(self, key: str, path: FieldPath, old: Any, new: Any) -> None:
        self.undo_stack.push(FieldCommand(self, key, path, old, new))

    # -- what is kept ----------------------------------------------------------------------
    def kept(self) -> set[str] | None:
        """The keys to keep: the accepted ones, and the unseen ones if the clerk says so;
        None if the clerk goes back to reviewing."""
        accepted = set(self.model.keys(Decision.ACCEPTED))
        unseen = self.model.keys(Decision.UNSEEN)
        if unseen:
            answer = ask_unseen(self, len(unseen))
            if answer is None:
                return None
            if answer == "all":
                accepted |= set(unseen)
        if not accepted:
            prompts.show_error(
                self,
                self.tr("Chưa có mục nào được giữ"),
                self.tr("Hãy chấp nhận các mục đúng (Ctrl+Enter) trước khi nạp hoặc lưu."),
            )
            return None
        return accepted

    def load_plan(self) -> bool:
        """The kept items into the database in one transaction on a worker thread (a
        200-page plan takes seconds), undoable in the window; True once it has started."""
        keep = self.kept()
        if keep is None:
            return False
        text = self.read.plan_text(lambda item: item.key in keep)
        name = Path(self.read.document.name).name
        engine = self.context.engine
        command = LoadReadPlanCommand(
            self.context,
            lambda: load_plan_text(engine, text, name),
            self.tr("nạp kế hoạch đọc từ {0}").format(name),
        )
        self.setEnabled(False)  # one load at a time
        self.context.push_in_background(
            self,
            command,
            self.tr("Đang nạp kế hoạch…"),
            lambda: self._loaded(command),
            self._refused,
        )
        return True

    def _loaded(self, command: LoadReadPlanCommand) -> None:
        self.loaded = True  # the window closes dialogs when it shows the new plan
        assert command.added is not None
        self.context.show_plan(command.added.code)
        self.accept()

    def _refused(self, problem: str) -> None:
        self.setEnabled(True)
        prompts.show_error(
            self,
            self.tr("Không nạp được kế hoạch"),
            self.tr(
                "{0}\n\nSửa mục được nêu trong danh sách bên phải (mã kế hoạch ở mục "
                "“Thông tin văn bản”), rồi bấm “Nạp kế hoạch” lại."
            ).format(problem),
        )

    def save_plan_file(self) -> bool:
        """The kept items as a plan file, to review later or send to other offices."""
        keep = self.kept()
        if keep is None:
            return False
        path = prompts.save_file(
            self,
            self.tr("Lưu thành tệp kế hoạch"),
            Path(self.read.document.name).stem + ".toml",
            self.tr("Tệp kế hoạch KH65 (*.toml)"),
        )
        if path is None:
            return False
        text = self.read.plan_text(lambda item: item.key in keep)
        try:
            with atomic_path(path) as temporary:
                temporary.write_text(text, encoding="utf-8")
        except OSError as exc:
            prompts.show_error(
                self,
                self.tr("Không lưu được tệp kế hoạch"),
                self.tr("Không lưu được {0}: {1}.").format(path.name, why_not_written(exc)),
            )
            return False
        self.context.message.emit(self.tr("Đã lưu tệp kế hoạch {0}").format(path.name))
        return True

    def reject(self) -> None:
        """Closing a review with decisions in it asks first (they are not kept anywhere)."""
        if (
            not self.loaded
            and self.undo_stack.count()
            and not prompts.confirm(
                self,
                self.tr("Đóng cửa sổ xem lại"),
                self.tr(
                    "Các mục đã xem và đã sửa chưa được nạp hay lưu thành tệp, sẽ mất khi "
                    "đóng. Vẫn đóng?"
                ),
            )
        ):
            return
        super().reject()


def ask_unseen(parent: QWidget, count: int) -> str | None:
    """ "all" (keep the unseen items too), "accepted" (only those accepted), or None (go
    back to the review)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("PlanReader", "Còn mục chưa xem"))
    box.setText(
        QCoreApplication.translate(
            "PlanReader",
            "Còn {0} mục chưa xem. Giữ cả các mục chưa xem, hay chỉ các mục đã chấp nhận?",
        ).format(count)
    )
    every = box.addButton(
        QCoreApplication.translate("PlanReader", "Giữ cả mục chưa xem"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    accepted = box.addButton(
        QCoreApplication.translate("PlanReader", "Chỉ mục đã chấp nhận"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    back = box.addButton(
        QCoreApplication.translate("PlanReader", "Quay lại xem tiếp"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(back)
    box.exec()
    clicked = box.clickedButton()
    return "all" if clicked is every else "accepted" if clicked is accepted else None


def _utf16(text: str) -> int:
    """A Python index as Qt's (UTF-16) position."""
    return len(text.encode("utf-16-le")) // 2
