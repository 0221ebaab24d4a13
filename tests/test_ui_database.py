"""Cài đặt → Cơ sở dữ liệu… and the window on a server: the choice kept without a password,
"Kiểm tra kết nối" on a real server, the title naming the server, backups said as the server's,
a password asked again when refused, and a connection lost mid-edit said in Vietnamese with
nothing half-written."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from kh65_desktop.services.database_choice import in_use
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.engines import ServerAddress, parse_server_address
from kh65_desktop.ui import app, prompts
from kh65_desktop.ui.dialogs.database_dialog import DatabaseDialog
from kh65_desktop.ui.dialogs.help import AboutDialog

from .db_content import fingerprint
from .server_roles import password_role
from .ui_helpers import TODAY, cell, column, find_row, settings_in


def click_radio(qtbot, radio) -> None:  # type: ignore[no-untyped-def]
    """A click on the button's circle (its middle may be past its text)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(6, radio.height() // 2))
    assert radio.isChecked()


def _server_form(dialog: DatabaseDialog, qtbot, port: int, database: str) -> None:  # type: ignore[no-untyped-def]
    click_radio(qtbot, dialog.on_server)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(port)
    dialog.database.setText(database)
    dialog.user.setText("postgres")


def test_the_clerk_checks_a_server_and_keeps_it_without_the_password(
    qtbot, pg_server, tmp_path: Path
) -> None:
    pg_server.create_database("ui_choice")
    settings = settings_in(tmp_path)
    dialog = DatabaseDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.on_file.isChecked() and not dialog.host.isEnabled()
    _server_form(dialog, qtbot, pg_server.port, "ui_choice")
    qtbot.keyClicks(dialog.password, "bi-mat")
    qtbot.mouseClick(dialog.check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result.text().startswith("Kết nối được"), timeout=10_000)
    assert "cơ sở dữ liệu trống, KH65 sẽ tạo bảng" in dialog.result.text()
    dialog.accept()
    assert settings.database == f"postgresql://postgres@127.0.0.1:{pg_server.port}/ui_choice"
    settings.store.sync()
    assert "bi-mat" not in (tmp_path / "settings.ini").read_text(encoding="utf-8")
    again = DatabaseDialog(settings)  # shown as kept, next time
    qtbot.addWidget(again)
    assert again.on_server.isChecked() and again.database.text() == "ui_choice"
    assert again.password.text() == ""


def test_a_server_that_does_not_answer_is_said_in_the_dialog(qtbot, tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    dialog = DatabaseDialog(settings_in(tmp_path))
    qtbot.addWidget(dialog)
    _server_form(dialog, qtbot, port, "kh65")
    qtbot.mouseClick(dialog.check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "từ chối kết nối" in dialog.result.text(), timeout=10_000)
    assert "Connection refused" not in dialog.result.text()


def test_choosing_a_file_again_goes_back_to_a_file(qtbot, tmp_path: Path) -> None:
    settings = settings_in(tmp_path)
    settings.database = "postgresql://lan@may-chu:5432/kh65"
    dialog = DatabaseDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.on_server.isChecked() and dialog.host.text() == "may-chu"
    click_radio(qtbot, dialog.on_file)
    dialog.path.setText(str(tmp_path / "kh65.db"))
    dialog.accept()
    assert settings.database == str(tmp_path / "kh65.db")


def test_the_window_on_a_server_names_it_and_says_how_it_is_backed_up(
    qtbot, pg_server, tmp_path: Path
) -> None:
    address = parse_server_address(pg_server.create_database("ui_window"))
    window = app.open_server_window(address, settings_in(tmp_path))
    assert window is not None
    qtbot.addWidget(window)
    assert window.windowTitle().endswith(
        f"— CSDL ui_window trên máy chủ 127.0.0.1:{pg_server.port}"
    )
    line = window.statusBar().currentMessage()
    assert "KH65 không sao lưu tệp ở máy này" in line and "pg_dump" in line
    about = AboutDialog(window.context, window)
    qtbot.addWidget(about)
    assert about.paths["database"].text() == f"ui_window trên máy chủ 127.0.0.1:{pg_server.port}"
    note = about.paths["backups"].text()
    assert "KH65 không tạo bản sao lưu tệp" in note and "pg_dump -h 127.0.0.1" in note
    shown = DatabaseDialog(window.context.settings, window, in_use(window.context.engine))
    qtbot.addWidget(shown)  # Cài đặt → Cơ sở dữ liệu… shows the server in use
    assert shown.on_server.isChecked() and shown.database.text() == "ui_window"
    window.context.engine.dispose()


def test_a_refused_password_is_asked_again_and_never_kept(
    qtbot, pg_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pg_server.create_database("ui_login")
    password_role(pg_server, "hoa", "mat-khau-dung", "ui_login")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    asked: list[str] = []
    answers = iter(["sai", "mat-khau-dung"])

    def ask(address: ServerAddress, refused: str) -> str | None:
        asked.append(refused)
        return next(answers)

    monkeypatch.setattr(app, "ask_password", ask)
    address = ServerAddress("127.0.0.1", pg_server.port, "ui_login", "hoa")
    settings = settings_in(tmp_path)
    window = app.open_server_window(address, settings)
    assert window is not None
    qtbot.addWidget(window)
    assert "cần mật khẩu" in asked[0] and "sai mật khẩu" in asked[1]
    settings.store.sync()
    assert "mat-khau-dung" not in (tmp_path / "settings.ini").read_text(encoding="utf-8")
    window.context.engine.dispose()
    monkeypatch.setattr(app, "ask_password", lambda address, refused: None)  # cancelled
    assert app.open_server_window(address, settings) is None


def test_a_connection_lost_mid_edit_is_said_and_nothing_is_half_written(
    qtbot, pg_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    address = parse_server_address(pg_server.create_database("ui_lost"))
    window = app.open_server_window(address, settings_in(tmp_path))
    assert window is not None
    qtbot.addWidget(window)
    window.context.today = lambda: TODAY
    engine = window.context.engine
    errors: list[str] = []
    window.context.error.connect(errors.append)
    before = fingerprint(engine)
    pg_server.psql(  # the server drops every connection of this database (a restart)
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'ui_lost'"
    )
    pg_server.psql('ALTER DATABASE "ui_lost" WITH ALLOW_CONNECTIONS false')
    proxy = window.tasks.proxy
    index = proxy.index(find_row(proxy, "T1.1"), column(proxy, "status"))
    asked: list[str] = []

    def later(box: QMessageBox) -> bool:  # the clerk answers "Để sau"
        asked.append(box.text())
        box.findChild(QPushButton, "saveLater").click()
        return False

    monkeypatch.setattr(prompts, "run_dialog", later)
    proxy.setData(index, "Đã hoàn thành")
    assert len(asked) == 1 and "Mất kết nối tới máy chủ" in asked[0]
    assert len(errors) == 1 and errors[0].startswith("Chưa lưu «đổi tình trạng nhiệm vụ T1.1»")
    assert "máy chủ" in errors[0] and "psycopg" not in errors[0]
    pg_server.psql('ALTER DATABASE "ui_lost" WITH ALLOW_CONNECTIONS true')
    assert cell(proxy, "T1.1", "status") == "Chưa thực hiện"
    assert fingerprint(engine) == before  # nothing half-written
    assert PlanService(engine).tasks(window.context.plan, TODAY)[0].status.value == "not_started"
    engine.dispose()


def _start(tmp_path: Path, *db: str) -> subprocess.CompletedProcess[str]:
    """`kh65 [--db …]` as a clerk starts it, quitting once the window is shown."""
    config = tmp_path / "config" / "KH65"
    config.mkdir(parents=True, exist_ok=True)
    (config / "KH65 Desktop.conf").write_text(
        "[clerk]\nname=Nguyễn Văn A\n"
        + (f"[database]\ntarget={db[1]}\n" if db[:1] == ("-",) else ""),
        encoding="utf-8",
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("XDG_DATA")},
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "KH65_QUIT_WHEN_SHOWN": "1",
    }
    args = [] if db[:1] == ("-",) else ["--db", *db]
    command = [sys.executable, "-m", "kh65_desktop", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def test_the_window_starts_and_quits_cleanly_on_a_file_and_on_a_server(
    pg_server, tmp_path: Path
) -> None:
    on_file = _start(tmp_path, str(tmp_path / "kh65.db"))
    assert on_file.returncode == 0, on_file.stderr
    url = pg_server.create_database("ui_started")
    on_server = _start(tmp_path, url)
    assert on_server.returncode == 0, on_server.stderr
    assert "Traceback" not in on_server.stderr
    count = pg_server.psql("SELECT count(*) FROM indicator", "ui_started")
    assert int(count) > 0  # created and seeded by the window's start
    chosen = _start(tmp_path, "-", pg_server.url("ui_started").replace("+psycopg", ""))
    assert chosen.returncode == 0, chosen.stderr  # the database kept in the settings…
    assert not list(tmp_path.glob(".local/share/*/kh65.db"))  # …not the default file
