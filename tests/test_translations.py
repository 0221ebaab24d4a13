"""Vietnamese first, English from Qt Linguist files that stay complete and current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kh65_desktop.domain import consistency, tasks, terms
from kh65_desktop.ui.app import install_translation
from kh65_desktop.ui.labels import DOMAIN_LABELS

from .ui_helpers import column, open_window

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "translations"
UI = Path(__file__).resolve().parent.parent / "kh65_desktop" / "ui"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    assert Path(found).exists(), f"{name} comes with PySide6"
    return found


def test_every_domain_label_is_listed_for_translation() -> None:
    enums = [
        terms.IndicatorKind,
        terms.Direction,
        terms.TargetForm,
        terms.Status,
        terms.StatedKind,
        terms.Role,
        terms.TaskStatus,
        tasks.Urgency,
        consistency.Severity,
    ]
    labels = {member.label for enum in enums for member in enum}
    assert labels <= set(DOMAIN_LABELS)


def test_english_file_is_complete_and_compiled(tmp_path: Path) -> None:
    messages = list(ET.parse(FOLDER / "kh65_en.ts").getroot().iter("message"))
    unfinished = [
        m.find("source").text for m in messages if m.find("translation").get("type") == "unfinished"
    ]
    assert messages and unfinished == []
    compiled = tmp_path / "kh65_en.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(FOLDER / "kh65_en.ts"), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == (FOLDER / "kh65_en.qm").read_bytes()


def test_no_text_in_the_code_is_missing_from_the_english_file(tmp_path: Path) -> None:
    copy = tmp_path / "check.ts"
    shutil.copy(FOLDER / "kh65_en.ts", copy)
    sources = [str(p) for p in UI.rglob("*.py")]
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(copy)], check=True, capture_output=True
    )
    new = [
        m.find("source").text
        for m in ET.parse(copy).getroot().iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert new == []


@pytest.fixture
def english(qapp: QApplication):
    translators = install_translation(qapp, "en")
    assert translators, "kh65_en.qm loads"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def test_the_window_in_english(english, qtbot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == [
        "Overview",
        "Agencies",
        "Indicators",
        "Tasks",
        "Localities",
        "Reporting status",
    ]
    proxy = window.indicators.proxy
    header = proxy.headerData(column(proxy, "status"), Qt.Orientation.Horizontal)
    assert header == "Assessment"
    statuses = {proxy.index(r, column(proxy, "status")).data() for r in range(proxy.rowCount())}
    assert statuses == {"Met", "On track", "Lagging", "At risk", "Not enough data"}
