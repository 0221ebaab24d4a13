"""A plan of the database written as a plan file, and read back into the same plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from kh65_desktop import cli
from kh65_desktop.cli import main
from kh65_desktop.services.plan_load import load_plan_file
from kh65_desktop.storage.database import open_database
from kh65_desktop.storage.models import (
    Agency,
    GroupAgency,
    Indicator,
    IndicatorGroup,
    Period,
    Plan,
    Task,
    TaskAgency,
)
from kh65_desktop.storage.plan_writer import figure_text, plan_file_text


@pytest.fixture(autouse=True)
def no_log_handlers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "configure_logging", lambda: None)  # no handlers per test


PLAN_65 = "65/KH-UBND/2024"
NEW = "65/KH-UBND/2024-bản-sao"


def written(engine: Engine, code: str = PLAN_65, new_code: str = NEW) -> str:
    """The plan's file, with its code changed so that it loads beside the original."""
    with Session(engine) as session:
        plan = session.exec(select(Plan).where(Plan.code == code)).one()
        text = plan_file_text(session, plan)
    line = f'code = "{code}"'
    assert text.count(line) == 1  # the [plan] table's code, nothing else
    return text.replace(line, f'code = "{new_code}"')


def snapshot(engine: Engine, code: str) -> dict[str, Any]:
    """Everything that defines the plan, by codes instead of ids."""
    with Session(engine) as session:
        plan = session.exec(select(Plan).where(Plan.code == code)).one()
        agency = {a.id: a.code for a in session.exec(select(Agency))}
        groups = list(
            session.exec(
                select(IndicatorGroup)
                .where(IndicatorGroup.plan_id == plan.id)
                .order_by(col(IndicatorGroup.position))
            )
        )
        group_code = {g.id: g.code for g in groups}
        indicators = list(
            session.exec(
                select(Indicator)
                .where(Indicator.plan_id == plan.id)
                .order_by(col(Indicator.group_id), col(Indicator.position))
            )
        )
        indicator_code = {i.id: i.code for i in indicators}
        tasks = list(
            session.exec(select(Task).where(Task.plan_id == plan.id).order_by(col(Task.position)))
        )

        def fields(row: Any, *skip: str) -> dict[str, Any]:
            return {k: v for k, v in row.model_dump().items() if k not in ("id", "plan_id", *skip)}

        def roles(table: Any, key: Any, owner_id: int | None) -> set[tuple[str, str]]:
            rows = session.exec(select(table).where(key == owner_id))
            return {(agency[r.agency_id], str(r.role)) for r in rows}

        return {
            "plan": fields(plan, "code"),
            "groups": [
                (
                    fields(g),
                    roles(GroupAgency, GroupAgency.group_id, g.id),
                )
                for g in groups
            ],
            "indicators": [
                {
                    **fields(i, "group_id", "parent_id"),
                    "group": group_code[i.group_id],
                    "parent": indicator_code.get(i.parent_id),
                }
                for i in indicators
            ],
            "tasks": [
                (
                    {**fields(t, "group_id"), "group": group_code.get(t.group_id)},
                    roles(TaskAgency, TaskAgency.task_id, t.id),
                )
                for t in tasks
            ],
            "periods": [
                fields(p)
                for p in session.exec(
                    select(Period).where(Period.plan_id == plan.id).order_by(col(Period.code))
                )
            ],
        }


def test_plan_65_written_and_loaded_into_a_fresh_database_is_the_same_plan(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(written(engine), encoding="utf-8")
    other = open_database(tmp_path / "other.db")
    try:
        load_plan_file(other, path)
        original, copy = snapshot(engine, PLAN_65), snapshot(other, NEW)
    finally:
        other.dispose()
    assert len(original["indicators"]) > 30 and len(original["tasks"]) > 30
    assert any(i["parent"] for i in original["indicators"])
    assert any(i["target_share"] is not None for i in original["indicators"])
    assert any(i["baseline_label"] for i in original["indicators"])
    for key in ("plan", "groups", "indicators", "tasks", "periods"):
        assert copy[key] == original[key], key


def test_quotes_backslashes_newlines_and_vietnamese_survive(engine: Engine, tmp_path: Path) -> None:
    odd = 'Chỉ tiêu “mới” "trích" \\ gạch ngược \\n không phải xuống dòng'
    with Session(engine) as session, session.begin():
        plan = session.exec(select(Plan).where(Plan.code == PLAN_65)).one()
        plan.title = 'Kế hoạch "đặc biệt" \\ năm 2024'
        indicator = session.exec(
            select(Indicator).where(Indicator.plan_id == plan.id).order_by(col(Indicator.id))
        ).first()
        assert indicator is not None
        indicator.name = odd
        indicator.note = "Dòng một\nDòng hai: \"trích dẫn\" và '\\'"
        indicator.source_quote = "Câu một.\n\nCâu ba ''' \"\"\"."
        indicator.target_value = 987.123456 if indicator.target_value else None
        task = session.exec(select(Task).where(Task.plan_id == plan.id)).first()
        assert task is not None
        task.text = "Nhiệm vụ có “ngoặc” và \\ và\nxuống dòng"
        task.note = "Ghi chú # không phải chú thích TOML"
    path = tmp_path / "odd.toml"
    path.write_text(written(engine), encoding="utf-8")
    load_plan_file(engine, path)
    original, copy = snapshot(engine, PLAN_65), snapshot(engine, NEW)
    assert copy == original
    names = [i["name"] for i in copy["indicators"]]
    assert odd in names


def test_figures_are_written_with_every_decimal_the_vietnamese_way() -> None:
    assert figure_text(4874.53) == "4874,53"
    assert figure_text(-0.3) == "-0,3"
    assert figure_text(5.0) == "5"
    assert figure_text(0.000001) == "0,000001"
    assert figure_text(-0.0) == "0"
    assert figure_text(999999999999999.0) == "999999999999999"


def test_kh65_plan_save_writes_the_chosen_plan(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kế hoạch.toml"
    assert main(["--db", str(db_path), "--plan", PLAN_65, "plan", "save", "--out", str(out)]) == 0
    assert str(out.name) in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert 'code = "65/KH-UBND/2024"' in text
    # the same plan a second time is refused by load: it is already there
    assert main(["--db", str(db_path), "plan", "load", str(out)]) == 2
    assert "đã có" in capsys.readouterr().err


def test_kh65_plan_save_into_a_missing_folder_says_so(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "không có" / "plan.toml"
    assert main(["--db", str(db_path), "plan", "save", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "không ghi được" in err and "Traceback" not in err
