"""A command typed wrong is refused in Vietnamese, with the usage line, exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from kh65_desktop.cli import main


def _refusal(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    return capsys.readouterr().err


def test_a_missing_required_option_is_named_in_vietnamese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refusal(["--db", str(tmp_path / "kh65.db"), "reopen", "--agency", "STC"], capsys)
    assert "Lỗi: thiếu tham số bắt buộc: --period" in err
    assert "Cách dùng: kh65 reopen" in err
    assert "the following arguments" not in err and "usage:" not in err


def test_an_unknown_command_and_an_unknown_option_are_said_in_vietnamese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refusal(["--db", str(tmp_path / "kh65.db"), "stauts"], capsys)
    assert "không có lựa chọn 'stauts'" in err and "invalid choice" not in err
    err = _refusal(["--db", str(tmp_path / "kh65.db"), "summary", "--jsn"], capsys)
    assert "không hiểu tham số: --jsn" in err


def test_an_option_without_its_value_is_said_in_vietnamese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refusal(["--db", str(tmp_path / "kh65.db"), "status", "--period"], capsys)
    assert "tham số --period cần một giá trị" in err
