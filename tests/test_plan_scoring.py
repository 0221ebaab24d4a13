"""documents/scoring.py: the measure of a read plan against its transcription."""

from __future__ import annotations

import copy
import tomllib
from typing import Any

from kh65_desktop.documents.scoring import score
from kh65_desktop.resources import BUILTIN_PLAN, resource_path

PLAN: dict[str, Any] = tomllib.loads(resource_path(*BUILTIN_PLAN).read_text(encoding="utf-8"))


def _indicator(plan: dict[str, Any], code: str) -> dict[str, Any]:
    return next(i for g in plan["groups"] for i in g.get("indicators", []) if i["code"] == code)


def test_the_transcription_against_itself_is_perfect() -> None:
    result = score(PLAN, PLAN)
    for name, field in result.fields.items():
        assert (field.precision, field.recall) == (1.0, 1.0), name
    assert result.fields["indicator found"].expected == 45
    assert result.invented == [] and result.missed == [] and result.unquoted == []
    assert result.figures_checked > 45


def test_names_match_without_accents_or_case() -> None:
    found = copy.deepcopy(PLAN)
    _indicator(found, "II.1.1")["name"] = "TY LE BAO PHU BAO HIEM Y TE SO VOI DAN SO"
    assert score(found, PLAN).fields["indicator found"].right == 45


def test_a_wrong_target_value_lowers_that_field_only() -> None:
    found = copy.deepcopy(PLAN)
    _indicator(found, "II.1.1")["target"]["value"] = "94,59"
    result = score(found, PLAN)
    value = result.fields["target value"]
    assert value.right == value.found - 1 == value.expected - 1
    assert value.precision < 1.0 and value.recall < 1.0
    assert result.fields["target form"].precision == 1.0
    assert result.fields["indicator right (form, value, lead)"].right == 44
    # 94,59 is not in the sentence the indicator cites
    assert result.unquoted == [("Tỷ lệ bao phủ bảo hiểm y tế so với dân số", "94,59")]


def test_a_missing_unit_lowers_recall_not_precision() -> None:
    found = copy.deepcopy(PLAN)
    del _indicator(found, "II.1.1")["unit"]
    unit = score(found, PLAN).fields["unit"]
    assert unit.precision == 1.0 and unit.recall < 1.0


def test_an_invented_indicator_counts() -> None:
    found = copy.deepcopy(PLAN)
    found["groups"][1]["indicators"].append(
        {
            "code": "X",
            "name": "Số hecta rừng trồng mới",
            "unit": "ha",
            "kind": "accumulating",
            "target": {"form": "value", "value": "120", "text": "120 ha"},
            "quotes": ["Trồng mới 120 ha rừng."],
        }
    )
    result = score(found, PLAN)
    assert result.invented == ["Số hecta rừng trồng mới"]
    assert result.fields["indicator found"].precision == 45 / 46
    assert result.fields["indicator found"].recall == 1.0
    assert result.fields["target value"].precision < 1.0


def test_wrong_lead_agency_and_task_deadline_counted() -> None:
    found = copy.deepcopy(PLAN)
    group = next(g for g in found["groups"] if g["code"] == "II.1")
    group["lead"] = ["SYT"]
    task = next(
        t for t in group["tasks"][4:] + group["tasks"] for t in t["items"] if t.get("deadline")
    )
    task["deadline"] = task["deadline"].replace(day=1)
    result = score(found, PLAN)
    lead = result.fields["lead agency"]
    assert lead.right == lead.expected - 3  # the group's three indicators
    deadline = result.fields["task deadline"]
    assert deadline.right == deadline.expected - 1


def test_details_and_table() -> None:
    found = copy.deepcopy(PLAN)
    found["plan"]["signer_name"] = "Lê Văn Hàn"
    del found["plan"]["number"]
    result = score(found, PLAN)
    assert result.fields["details: signer"].right == 0
    assert result.fields["details: number"].recall == 0.0
    assert result.fields["details: date"].recall == 1.0
    table = result.table()
    assert "| target value | 100.0% | 100.0% |" in table
    assert "| details: signer | 0.0% | 0.0% | 0 / 1 / 1 |" in table
