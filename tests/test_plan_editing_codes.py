"""The plan editor's codes: a code pasted with a space or an invisible character (a
zero-width space or a right-to-left mark from a web page or Word) is refused with what to
do, and nothing is written; a too long one and a name over its limit likewise."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine

from kh65_desktop.services.plan_editing import EditRefused, PlanEditing
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.storage.models import IndicatorGroup


def dump(db_path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db_path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(db.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


BAD_CODES = [
    ("II 1.9", "mã không được có khoảng trắng"),
    ("II.1.\u200b9", "mã có ký tự ẩn (U+200B)"),
    ("II.1.\u202e9", "mã có ký tự ẩn (U+202E)"),
    ("X" * 500, "dài 500 ký tự, tối đa 50"),
]


@pytest.mark.parametrize(("code", "says"), BAD_CODES)
def test_an_indicator_code_that_cannot_be_one_is_refused(
    engine: Engine, service: PlanService, db_path: Path, code: str, says: str
) -> None:
    editing, plan = PlanEditing(engine), service.current_plan()
    group = editing.outline(plan.id)[0].group
    before = dump(db_path)
    with pytest.raises(EditRefused, match=re.escape(says)):
        editing.add_indicator(
            {"plan_id": plan.id, "group_id": group.id, "code": code, "name": "Chỉ tiêu mới"}
        )
    first = editing.outline(plan.id)[0].indicators[0].indicator
    with pytest.raises(EditRefused, match=re.escape(says)):
        editing.change_indicator(first.id, {"code": code})
    assert dump(db_path) == before


@pytest.mark.parametrize(("code", "says"), BAD_CODES)
def test_a_group_code_that_cannot_be_one_is_refused(
    engine: Engine, service: PlanService, db_path: Path, code: str, says: str
) -> None:
    editing, plan = PlanEditing(engine), service.current_plan()
    before = dump(db_path)
    with pytest.raises(EditRefused, match=re.escape(says)):
        editing.add_group(plan.id, {"code": code, "section": "II", "heading": "Nhóm mới"})
    assert dump(db_path) == before


def test_the_first_group_moved_up_writes_nothing(
    engine: Engine, service: PlanService, db_path: Path
) -> None:
    editing, plan = PlanEditing(engine), service.current_plan()
    before = dump(db_path)
    assert editing.move(IndicatorGroup, editing.outline(plan.id)[0].group.id, -1) is None
    assert dump(db_path) == before
