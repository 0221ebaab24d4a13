"""The plan variants written for the reader (tests/fixtures/plan_variants/): each expected
plan file loads with the app's own loader, every quote is in the variant's document as the
reader sees it, and every figure is in its quote: the same rules plan 65's transcription
keeps (tests/test_transcription.py)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from kh65_desktop.documents.scoring import score
from kh65_desktop.documents.text import read_document
from kh65_desktop.services.plan_load import load_plan_file
from kh65_desktop.storage.models import Indicator, Plan, Task

from .plan_documents import VARIANTS, WORD_VARIANTS, variant_document, variant_names

NAMES = variant_names()


def _expected(name: str) -> dict[str, Any]:
    return tomllib.loads((VARIANTS / f"{name}.toml").read_text(encoding="utf-8"))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _indicators(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [i for g in plan["groups"] for i in g.get("indicators", [])]


def _tasks(plan: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = [t for g in plan["groups"] for t in g.get("tasks", [])] + plan.get("tasks", [])
    return [item for block in blocks for item in block["items"]]


def test_at_least_four_short_variants_one_in_word() -> None:
    assert len(NAMES) >= 4
    assert WORD_VARIANTS <= set(NAMES)
    for name in NAMES:
        assert 10 <= len(_indicators(_expected(name))) <= 25, name
        assert _tasks(_expected(name)), name


@pytest.mark.parametrize("name", NAMES)
def test_variant_plan_loads_with_the_app_loader(engine: Engine, name: str) -> None:
    expected = _expected(name)
    added = load_plan_file(engine, VARIANTS / f"{name}.toml")
    with Session(engine) as session:
        plan = session.get(Plan, added.plan_id)
        assert plan is not None and plan.code == expected["plan"]["code"]
        indicators = session.exec(select(Indicator).where(Indicator.plan_id == plan.id)).all()
        tasks = session.exec(select(Task).where(Task.plan_id == plan.id)).all()
    assert len(indicators) == len(_indicators(expected))
    assert len(tasks) == len(_tasks(expected))


@pytest.mark.parametrize("name", NAMES)
def test_variant_quotes_and_figures_are_in_its_document(tmp_path: Path, name: str) -> None:
    expected = _expected(name)
    document = read_document(variant_document(name, tmp_path))
    source = _norm(document.text)
    for item in _indicators(expected):
        assert item["quotes"], item["code"]
        for quote in item["quotes"]:
            assert _norm(quote) in source, (item["code"], quote)
    for task in _tasks(expected):
        assert _norm(task["text"]) in source, task["text"]
        if task.get("deadline_text"):
            assert task["deadline_text"] in task["text"]
    assert score(expected, expected).unquoted == []  # every figure is in its quote


def test_variants_are_not_plan65_renamed() -> None:
    plan65 = (Path(__file__).parent.parent / "resources/source/KH-65-UBND-2024.txt").read_text(
        encoding="utf-8"
    )
    sentences = {_norm(s) for s in re.split(r"[\n.;:]", plan65) if len(s.strip()) > 40}
    for name in NAMES:
        text = (VARIANTS / f"{name}.txt").read_text(encoding="utf-8")
        own = [_norm(s) for s in re.split(r"[\n.;:]", text) if len(s.strip()) > 40]
        shared = [s for s in own if s in sentences]
        assert len(shared) <= len(own) // 10, (name, shared[:3])
