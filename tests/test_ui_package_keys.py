"""Signed packages in the window: the import dialog's signature line, and Cài đặt → Khóa ký
gói số liệu… (this office's key, trusting another office's key, undoably)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog

from kh65_desktop.exchange.signing import load_key, office_key, write_key_file
from kh65_desktop.ui import prompts

from .samples import office_package
from .test_signed_packages import _reseal
from .ui_helpers import answering, fill_form, open_window


def _signature(qtbot, window, package: Path) -> str:  # type: ignore[no-untyped-def]
    dialog = window.open_import(package)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    text = dialog.signature.text() if dialog.signature.isVisibleTo(dialog) else ""
    dialog.close()
    return text


def test_trusting_a_key_in_the_window_verifies_the_package_and_undo_removes_it(
    qtbot, db_path: Path, tmp_path: Path, keys_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = office_package(tmp_path, "CTHUE", "II.6.1", 4100.0)
    key = load_key(keys_folder, "CTHUE", None)
    assert key is not None
    key_file = write_key_file(key, tmp_path / "cthue.kh65key")
    window = open_window(qtbot, db_path, tmp_path / "ui")
    short = key.public.short
    assert _signature(qtbot, window, package).startswith(
        f"Chữ ký: Khóa chưa được tin cậy (mã khóa {short})"
    )
    keys = window.open_keys()
    questions: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda _p, _t, text: questions.append(text) or True)
    assert keys.trust_file(key_file)
    assert f"Mã khóa: {short}" in questions[0] and "gọi điện" in questions[0]
    assert [(k.office_name, k.agency_code) for k in keys.model.rows] == [("Cục Thuế tỉnh", "CTHUE")]
    assert window.undo_action.text() == "Hoàn tác tin cậy khóa của Cục Thuế tỉnh"
    assert _signature(qtbot, window, package) == "Chữ ký: Đã ký: Cục Thuế tỉnh (đã xác thực)"
    window.undo_action.trigger()
    assert keys.model.rows == []
    assert _signature(qtbot, window, package).startswith("Chữ ký: Khóa chưa được tin cậy")
    window.redo_action.trigger()
    assert len(keys.model.rows) == 1
    assert _signature(qtbot, window, package) == "Chữ ký: Đã ký: Cục Thuế tỉnh (đã xác thực)"


def test_a_package_changed_after_signing_is_refused_in_the_window(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    package = office_package(tmp_path, "CTHUE", "II.6.1", 4100.0)
    edited = _reseal(package, lambda c: c["values"][0].update(value=9.0))
    window = open_window(qtbot, db_path, tmp_path / "ui")
    dialog = window.open_import(edited)
    qtbot.waitUntil(lambda: "Không nhập được" in dialog.summary.text(), timeout=10000)
    assert "gói đã bị sửa sau khi ký" in dialog.summary.text()
    assert "Traceback" not in dialog.summary.text()
    assert not dialog.apply_button.isEnabled()


def test_a_file_that_is_not_a_key_is_refused_in_the_window(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = tmp_path / "ghi-chu.kh65key"
    text.write_text("{}", encoding="utf-8")
    window = open_window(qtbot, db_path, tmp_path / "ui")
    keys = window.open_keys()
    errors: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda _p, _t, message: errors.append(message))
    assert not keys.trust_file(text)
    assert "không phải tệp khóa KH65" in errors[0]
    assert keys.model.rows == [] and not window.undo_action.isEnabled()


def test_the_offices_own_key_and_a_wrong_passphrase_on_export(
    qtbot, db_path: Path, tmp_path: Path, keys_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path, tmp_path / "ui")
    window.context.settings.clerk_agency = "CTHUE"
    keys = window.open_keys()
    assert "chưa có khóa ký" in keys.own.text()
    out = tmp_path / "khoa.kh65key"
    monkeypatch.setattr(prompts, "save_file", lambda *args: out)
    keys.export_key()
    key = load_key(keys_folder, "CTHUE", None)
    assert key is not None and out.exists()
    assert f"mã khóa {key.public.short}" in keys.own.text()
    # a key under a passphrase: a wrong one exports nothing and says so
    other = tmp_path / "protected"
    office_key(other, "STC", "Sở Tài chính", "đúng")
    monkeypatch.setenv("KH65_KEYS_DIR", str(other))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: ("sai", True))
    monkeypatch.setattr(
        prompts,
        "run_dialog",
        answering(lambda d: fill_form(d, agency="Sở Tài chính", period="6 tháng đầu năm 2024")),
    )
    package = tmp_path / "stc.kh65"
    monkeypatch.setattr(prompts, "save_file", lambda *args: package)
    errors: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda _p, _t, message: errors.append(message))
    window.export_data()
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert "Mật khẩu khóa ký không đúng" in errors[0]
    assert not package.exists()
