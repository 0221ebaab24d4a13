"""The baseline for start-up: a bare PySide6 window that loads the same libraries KH65
loads at start (Qt modules, SQLModel/SQLAlchemy, Alembic, pyqtgraph with NumPy, platformdirs),
shows a tabbed window at 1366x768 and quits."""

import importlib
import sys

LIBRARIES = (
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtSvg",
    "sqlmodel",
    "sqlalchemy",
    "alembic.command",
    "alembic.script",
    "alembic.migration",
    "pyqtgraph",
    "numpy",
    "platformdirs",
)
for name in LIBRARIES:  # imported by name so no tool can drop an "unused" import
    importlib.import_module(name)

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QTabWidget  # noqa: E402

app = QApplication(sys.argv)
window = QMainWindow()
tabs = QTabWidget()
tabs.addTab(QTableView(), "Chỉ tiêu")
window.setCentralWidget(tabs)
window.resize(1366, 768)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
