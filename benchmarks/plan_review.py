"""The review window of a plan read from its document (ui/dialogs/plan_reader.py): how long
the clerk waits on the GUI thread once the reading is done.

    QT_QPA_PLATFORM=offscreen python benchmarks/plan_review.py

On plan 65's .docx and on the 200-page document (tests/plan_documents.long_document, as
benchmarks/plan_reader.py reads it): the dialog built and shown, the order toggled, every
sure item accepted (one undoable step), the kept items made into a plan file's text, and
that text loaded through the plan loader (a fresh database each time). The reading itself
runs on a worker thread and is measured by benchmarks/plan_reader.py.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from kh65_desktop.services.plan_load import load_plan_text  # noqa: E402
from kh65_desktop.services.plan_reading import read_plan_file  # noqa: E402
from kh65_desktop.storage.database import open_database  # noqa: E402
from kh65_desktop.ui.context import AppContext  # noqa: E402
from kh65_desktop.ui.dialogs.plan_reader import PlanReaderDialog  # noqa: E402
from kh65_desktop.ui.plan_reader_model import Decision  # noqa: E402
from tests.plan_documents import long_document, plan65_text, write_docx  # noqa: E402
from tests.ui_helpers import settings_in  # noqa: E402

REPEAT = 3


def median_ms(step: Callable[[], object], prepare: Callable[[], None] = lambda: None) -> float:
    times = []
    for _ in range(REPEAT):
        prepare()
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(app: QApplication, folder: Path, name: str, text: str) -> None:
    engine = open_database(folder / f"{name}.db")
    path = write_docx(text, folder / f"{name}.docx")
    read = read_plan_file(engine, path)
    context = AppContext(engine, settings_in(folder))
    read.item("details").fields["code"] = "BENCH/REVIEW"  # plan 65 is in the database
    dialogs: list[PlanReaderDialog] = []

    def open_dialog() -> None:
        dialog = PlanReaderDialog(context, read)
        dialog.show()
        app.processEvents()
        dialogs.append(dialog)

    opened = median_ms(open_dialog)
    dialog = dialogs[-1]
    toggled = median_ms(lambda: dialog.unsure_first.toggle())
    accepted = median_ms(dialog.accept_sure, dialog.undo_stack.undo)
    keep = set(dialog.model.keys(Decision.ACCEPTED))
    made = median_ms(lambda: read.plan_text(lambda item: item.key in keep))
    plan_text = read.plan_text(lambda item: item.key in keep)
    targets = []

    def fresh() -> None:
        targets.append(open_database(folder / f"{name}-load-{len(targets)}.db"))

    loaded = median_ms(lambda: load_plan_text(targets[-1], plan_text, path.name), fresh)
    print(
        f"| {name} ({len(read.items)} mục, {read.indicator_count} chỉ tiêu) | {opened:.0f} ms "
        f"| {toggled:.0f} ms | {accepted:.0f} ms ({len(keep)} mục) | {made:.0f} ms "
        f"| {loaded:.0f} ms |"
    )
    for dialog in dialogs:
        dialog.hide()  # close() would ask whether to drop the decisions
        dialog.deleteLater()
    for target in [engine, *targets]:
        target.dispose()


def main() -> None:
    app = QApplication.instance() or QApplication([])
    print(
        "| văn bản | mở cửa sổ xem lại | đổi thứ tự | chấp nhận mục chắc chắn "
        "| tạo tệp kế hoạch | nạp |"
    )
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        measure(app, Path(folder), "kh65", plan65_text())
        measure(app, Path(folder), "208-trang", long_document(20))


if __name__ == "__main__":
    main()
