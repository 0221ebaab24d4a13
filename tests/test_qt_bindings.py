"""The Qt bindings must not corrupt Python's reference counts: PySide6 6.12.0 released
`None` once for every `None` a Python `data()` returned, so a long session sorting and
filtering tables eventually aborted the app ("deallocating None"). pyproject.toml pins a
version without the fault; this test fails on one that has it."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt

from kh65_desktop.ui.proxies import IndicatorFilter
from kh65_desktop.ui.table_model import RowTableModel

from .ui_helpers import open_window


def test_returning_none_from_models_keeps_none_alive(qtbot, db_path, tmp_path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    model: RowTableModel = window.indicators.model
    proxy: IndicatorFilter = window.indicators.proxy
    before = sys.getrefcount(None)
    calls = 0
    for _ in range(10):  # a few thousand answers of "no data" (None): enough to see the
        proxy.sort(model.column_index("percent"), Qt.SortOrder.DescendingOrder)  # fault,
        for row in range(min(proxy.rowCount(), 45)):  # too few to abort the test run
            for column in range(proxy.columnCount()):
                proxy.index(row, column).data(Qt.ItemDataRole.ForegroundRole)
                calls += 1
    assert calls > 2000
    assert sys.getrefcount(None) > before - calls // 2  # the fault loses one per call
