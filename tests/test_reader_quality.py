"""How well the reader finds plan 65 in its own text (issue 15's thresholds), against the
hand transcription resources/plans/kh65-2024.toml: indicators with the right target form,
value and lead agency; task deadlines; figures printed in their sentences; none invented;
and the same measures on doctext's variants (tests/fixtures/plan_variants/)."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from kh65_desktop.documents.items import ItemKind, ReadPlan
from kh65_desktop.documents.phrases import figure_in
from kh65_desktop.documents.reader import indicator_figures, read_plan
from kh65_desktop.documents.scoring import Score, score
from kh65_desktop.documents.text import document_from_text, read_document
from kh65_desktop.resources import BUILTIN_PLAN, resource_path

from .conftest import SOURCE_TEXT
from .plan_documents import (
    VARIANTS,
    plan65_text,
    variant_document,
    variant_names,
    write_docx,
    write_pdf,
    write_txt,
)
from .reader_expected import invented, right_deadlines, right_indicators

EXPECTED = tomllib.loads(resource_path(*BUILTIN_PLAN).read_text(encoding="utf-8"))
# the agencies a database holding the built-in plan knows (services/plan_reading passes them)
KNOWN = [(a["code"], a["name"]) for a in EXPECTED["agencies"]]


def _read(known: bool) -> ReadPlan:
    document = document_from_text(SOURCE_TEXT.read_text(encoding="utf-8"), SOURCE_TEXT.name)
    return read_plan(document, KNOWN if known else ())


@pytest.fixture(scope="module")
def found() -> dict[str, Any]:
    return _read(known=True).plan_data()


@pytest.fixture(scope="module", params=["txt", "docx", "pdf"])
def scored(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Score:
    """Plan 65 made into each kind of file (tests/plan_documents.py), read back, scored by
    documents/scoring.py against the transcription."""
    writer = {"txt": write_txt, "docx": write_docx, "pdf": write_pdf}[request.param]
    path = writer(plan65_text(), tmp_path_factory.mktemp("plan") / f"kh65.{request.param}")
    return score(read_plan(read_document(path), KNOWN).plan_data(), EXPECTED)


def test_plan_65_in_every_kind_of_file_meets_the_thresholds(scored: Score) -> None:
    complete = scored.fields["indicator right (form, value, lead)"]
    assert complete.recall >= 0.90, scored.table()
    assert scored.fields["task deadline"].recall >= 0.95, scored.table()
    assert scored.fields["task deadline"].precision >= 0.95, scored.table()
    assert scored.invented == [], scored.invented
    assert scored.unquoted == [] and scored.figures_checked > 100


def test_nine_in_ten_indicators_have_the_right_target_and_lead(found: dict[str, Any]) -> None:
    right, total, wrong = right_indicators(found, EXPECTED)
    assert right / total >= 0.90, wrong


def test_indicators_without_known_agencies_still_have_their_targets() -> None:
    """With no agency known, leads are proposed as new agencies (compared by name)."""
    right, total, wrong = right_indicators(_read(known=False).plan_data(), EXPECTED)
    assert right / total >= 0.90, wrong


def test_task_deadlines_are_right(found: dict[str, Any]) -> None:
    right, total, wrong = right_deadlines(found, EXPECTED)
    assert right / total >= 0.95, wrong


def test_no_indicator_is_invented(found: dict[str, Any]) -> None:
    assert invented(found, EXPECTED) == []


def test_every_found_figure_is_printed_in_its_quote() -> None:
    read = _read(known=True)
    indicators = [i for i in read.items if i.kind is ItemKind.INDICATOR]
    assert len(indicators) >= 40
    for item in indicators:
        quotes = " ".join(item.fields["quotes"])
        for figure in indicator_figures(item.fields):
            assert figure_in(figure, quotes), (item.key, figure)
        assert read.document.text[item.span[0] : item.span[1]] == item.quote


# What the reader does not reach on doctext's variants, said here rather than hidden:
# Sóc Trăng's "Giải quyết việc làm cho 21.000 lao động" is named as written, the
# transcription calls it "Số lao động được giải quyết việc làm": counted as invented and
# missed by the scorer's name pairing.
NAMED_OTHERWISE = {"soc-trang-2023": ["Giải quyết việc làm"]}


@pytest.fixture(scope="module", params=variant_names())
def variant(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Score]:
    name = request.param
    expected = tomllib.loads((VARIANTS / f"{name}.toml").read_text(encoding="utf-8"))
    known = [(a["code"], a["name"]) for a in expected["agencies"]]
    document = read_document(variant_document(name, tmp_path_factory.mktemp(name)))
    return name, score(read_plan(document, known).plan_data(), expected)


def test_variants_meet_the_thresholds(variant: tuple[str, Score]) -> None:
    name, scored = variant
    table = f"{name}\n{scored.table()}"
    assert scored.fields["target form"].recall >= 0.90, table
    assert scored.fields["target value"].recall >= 0.90, table
    assert scored.fields["indicator right (form, value, lead)"].recall >= 0.90, table
    assert scored.fields["task deadline"].recall >= 0.95, table
    assert scored.fields["task deadline"].precision >= 0.95, table
    assert scored.invented == NAMED_OTHERWISE.get(name, []), table
    assert scored.unquoted == [], table
    for detail in ("details: number", "details: date", "details: signer"):
        assert scored.fields[detail].recall == 1.0, table
