"""The plan editor's service: each edit, each refusal leaving the database as it was, and a
deleted indicator put back exactly (figures, history, district targets) by undo."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from kh65_desktop.domain.terms import AgencyKind, IndicatorKind, TargetForm
from kh65_desktop.services.editing import EditService, ValueKey
from kh65_desktop.services.periods import PeriodRefused, PeriodService
from kh65_desktop.services.plan_editing import EditRefused, PlanEditing
from kh65_desktop.services.plan_service import PlanService
from kh65_desktop.services.row_snapshots import RestoreRefused
from kh65_desktop.storage.models import (
    Agency,
    Indicator,
    IndicatorGroup,
    Locality,
    Plan,
)

from .test_exchange import fingerprint

pytestmark = pytest.mark.both_engines


@pytest.fixture
def editing(engine: Engine) -> PlanEditing:
    return PlanEditing(engine)


@pytest.fixture
def plan(service: PlanService) -> Plan:
    return service.current_plan()


def _codes(editing: PlanEditing, plan: Plan, group_code: str) -> list[str]:
    group = next(g for g in editing.outline(plan.id) if g.group.code == group_code)
    out: list[str] = []

    def walk(nodes: Any) -> None:
        for node in nodes:
            out.append(node.indicator.code)
            walk(node.children)

    walk(group.indicators)
    return out


def _indicator(service: PlanService, code: str) -> int:
    return next(r.id for r in service.indicator_rows() if r.code == code)


def _group(editing: PlanEditing, plan: Plan, code: str) -> int:
    return next(g.group.id for g in editing.outline(plan.id) if g.group.code == code)


# -- the plan's own details ------------------------------------------------------------------
def test_plan_details_change_and_change_back(
    editing: PlanEditing, plan: Plan, service: PlanService, engine: Engine
) -> None:
    before = fingerprint(engine)
    changes = {"number": "9/KH-UBND", "place": "Vĩnh Long", "signer_name": "Nguyễn Văn B"}
    old = editing.change_plan(plan.id, changes)
    assert old == {"number": "65/KH-UBND", "place": "Trà Vinh", "signer_name": "Lê Văn Hân"}
    stored = service.get(Plan, plan.id)
    assert (stored.number, stored.place, stored.signer_name) == tuple(changes.values())
    # undo: only while the plan is still as the edit left it
    assert editing.change_plan(plan.id, old, expected=changes) == changes
    assert fingerprint(engine) == before
    assert editing.change_plan(plan.id, changes, expected={"number": "khác"}) is None
    assert fingerprint(engine) == before


def test_a_new_year_moves_the_plan_span_when_no_period_is_left_outside(
    editing: PlanEditing, plan: Plan, service: PlanService, engine: Engine
) -> None:
    for period in service.periods(plan):
        PeriodService(engine).delete(period.id)
    old = editing.change_plan(plan.id, {"year": 2025, "issued_on": date(2025, 1, 10)})
    stored = service.get(Plan, plan.id)
    assert (stored.year, stored.starts_on, stored.ends_on) == (
        2025,
        date(2025, 1, 1),
        date(2025, 12, 31),
    )
    assert old == {
        "year": 2024,
        "issued_on": date(2024, 7, 4),
        "starts_on": date(2024, 1, 1),
        "ends_on": date(2024, 12, 31),
    }


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"number": "  "}, "Kế hoạch chưa có số hiệu; hãy nhập số hiệu."),
        ({"title": ""}, "Kế hoạch chưa có trích yếu; hãy nhập trích yếu."),
        ({"year": 1800}, "Năm kế hoạch “1800” không hợp lệ; hãy nhập năm từ 2000 đến 2100."),
        (
            {"issued_on": date(2026, 1, 5)},
            "Ngày ban hành 05/01/2026 không hợp với kế hoạch năm 2024 (01/01/2024 – "
            "31/12/2024); hãy nhập ngày từ 01/01/2023 đến 31/12/2024.",
        ),
        (
            {"year": 2025, "issued_on": date(2025, 1, 2)},
            "Kỳ “6 tháng đầu năm 2024” kết thúc ngày 30/6/2024, ngoài năm kế hoạch mới "
            "(01/01/2025 – 31/12/2025); hãy sửa hoặc xóa kỳ đó trước khi đổi năm.",
        ),
    ],
)
def test_bad_plan_details_are_refused_and_nothing_written(
    editing: PlanEditing, plan: Plan, engine: Engine, changes: dict, reason: str
) -> None:
    before = fingerprint(engine)
    assert editing.plan_refusal(plan.id, changes) == reason
    with pytest.raises(EditRefused, match="^" + reason.replace("(", r"\(").replace(")", r"\)")):
        editing.change_plan(plan.id, changes)
    assert fingerprint(engine) == before


# -- groups and indicators -------------------------------------------------------------------
def test_add_a_group_with_its_agencies_an_indicator_and_a_sub_indicator(
    editing: PlanEditing, plan: Plan, service: PlanService, engine: Engine
) -> None:
    before = fingerprint(engine)
    sct = next(a.id for a in service.agencies(plan) if a.code == "SCT")
    group_id = editing.add_group(
        plan.id,
        {"code": "II.12", "section": "II", "heading": "Chuyển đổi số", "lead_ids": [sct]},
    )
    added = editing.outline(plan.id)[-1]
    assert (added.group.code, added.lead_ids, added.group.position) == ("II.12", (sct,), 12)
    first = editing.add_indicator(
        {"plan_id": plan.id, "group_id": group_id, "code": "II.12.1", "name": "Hồ sơ trực tuyến"}
    )
    editing.add_indicator(
        {"plan_id": plan.id, "group_id": group_id, "code": "II.12.2", "name": "Chữ ký số"}
    )
    sub = editing.add_indicator(
        {
            "plan_id": plan.id,
            "group_id": group_id,
            "parent_id": first,
            "code": "II.12.1.1",
            "name": "trong đó: mức độ toàn trình",
            "unit": "%",
            "kind": IndicatorKind.LEVEL,
            "target_value": 80.0,
        }
    )
    assert _codes(editing, plan, "II.12") == ["II.12.1", "II.12.1.1", "II.12.2"]
    row = next(r for r in service.indicator_rows() if r.id == sub)
    assert (row.lead, row.parent_code, row.unit) == (("Sở Công Thương",), "II.12.1", "%")
    # undo, in the stack's order: each goes, the group last, and nothing else changed
    assert editing.remove_added_indicator(sub)
    assert _codes(editing, plan, "II.12") == ["II.12.1", "II.12.2"]
    for ind in (first, _indicator(service, "II.12.2")):
        assert editing.remove_added_indicator(ind)
    assert editing.remove_added_group(group_id)
    assert fingerprint(engine) == before


def test_undoing_an_added_indicator_keeps_it_when_figures_arrived_since(
    editing: PlanEditing, plan: Plan, service: PlanService, edits: EditService
) -> None:
    group_id = _group(editing, plan, "II.3")
    new = editing.add_indicator(
        {"plan_id": plan.id, "group_id": group_id, "code": "II.3.9", "name": "Mới"}
    )
    edits.record_value(ValueKey(new, service.periods(plan)[0].id), 5.0, "Khác")
    assert not editing.remove_added_indicator(new)
    assert "II.3.9" in _codes(editing, plan, "II.3")
    assert not editing.remove_added_group(group_id)  # it holds indicators


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({"code": "II.3.9", "name": "  "}, "Chỉ tiêu II.3.9 chưa có tên; hãy nhập tên chỉ tiêu."),
        ({"code": "", "name": "Mới"}, "Chỉ tiêu chưa có mã; hãy nhập mã (ví dụ II.12.1)."),
        (
            {"code": "II.6.1", "name": "Mới"},
            "Mã chỉ tiêu “II.6.1” đã có trong kế hoạch (chỉ tiêu “Thu nội địa”); hãy chọn mã khác.",
        ),
        (
            {
                "code": "II.3.9",
                "name": "Mới",
                "kind": IndicatorKind.QUALITATIVE,
                "target_form": TargetForm.VALUE,
            },
            "Chỉ tiêu II.3.9: dạng kế hoạch “Giá trị” không dùng cho chỉ tiêu loại “Định "
            "tính”; hãy chọn dạng “Giữ vững” hoặc “Hoàn thành” (hoặc đổi loại chỉ tiêu).",
        ),
        (
            {
                "code": "II.3.9",
                "name": "Mới",
                "kind": IndicatorKind.ACCUMULATING,
                "target_form": TargetForm.MILESTONE,
            },
            "Chỉ tiêu II.3.9: dạng kế hoạch “Hoàn thành” không dùng cho chỉ tiêu loại “Lũy "
            "kế”; hãy chọn dạng “Giá trị”, “Tối thiểu”, “Tối đa” hoặc “Mức thay đổi” (hoặc "
            "đổi loại chỉ tiêu).",
        ),
        (
            {"code": "II.3.9", "name": "Mới", "target_value": 0.0},
            "Chỉ tiêu II.3.9: kế hoạch bằng 0 không dùng được để tính tiến độ. Hãy nhập kế "
            "hoạch khác 0, hoặc để trống nếu chưa có.",
        ),
    ],
)
def test_a_bad_indicator_is_refused_and_nothing_written(
    editing: PlanEditing, plan: Plan, engine: Engine, values: dict, reason: str
) -> None:
    values = {"plan_id": plan.id, "group_id": _group(editing, plan, "II.3"), **values}
    before = fingerprint(engine)
    assert editing.indicator_refusal(plan.id, values) == reason
    with pytest.raises(EditRefused) as refused:
        editing.add_indicator(values)
    assert str(refused.value) == reason
    assert fingerprint(engine) == before


def test_changing_an_indicator_is_checked_like_adding_one(
    editing: PlanEditing, service: PlanService, engine: Engine
) -> None:
    ind = _indicator(service, "II.3.1")
    before = fingerprint(engine)
    for changes, reason in (
        ({"code": "II.3.2"}, "Mã chỉ tiêu “II.3.2” đã có"),
        ({"name": ""}, "chưa có tên"),
        ({"kind": IndicatorKind.QUALITATIVE}, "dạng kế hoạch “Giá trị” không dùng"),
    ):
        with pytest.raises(EditRefused, match=reason):
            editing.change_indicator(ind, changes)
    assert fingerprint(engine) == before
    changes = {"name": "Giải ngân vốn đầu tư công", "unit": "triệu đồng", "code": "II.3.1a"}
    old = editing.change_indicator(ind, changes)
    assert old == {
        "name": "Giải ngân kế hoạch vốn đầu tư công",
        "unit": "tỷ đồng",
        "code": "II.3.1",
    }
    assert editing.change_indicator(ind, old, expected=changes) == changes
    assert fingerprint(engine) == before


def test_two_plans_may_share_indicator_codes(
    editing: PlanEditing, plan: Plan, engine: Engine
) -> None:
    with Session(engine) as session:
        other = Plan(
            **{
                **plan.model_dump(exclude={"id"}),
                "code": "9/KH-UBND/2026",
                "year": 2026,
                "starts_on": date(2026, 1, 1),
                "ends_on": date(2026, 12, 31),
                "issued_on": date(2026, 1, 5),
            }
        )
        session.add(other)
        session.commit()
        other_id = other.id
    group = editing.add_group(
        other_id, {"code": "II.6", "section": "II", "heading": "Thu ngân sách"}
    )
    editing.add_indicator(
        {"plan_id": other_id, "group_id": group, "code": "II.6.1", "name": "Thu nội địa"}
    )
    assert [n.indicator.code for n in editing.outline(other_id)[0].indicators] == ["II.6.1"]
    with pytest.raises(EditRefused, match="Mã nhóm “II.6” đã có"):
        editing.add_group(other_id, {"code": "II.6", "section": "II", "heading": "Lặp"})


def test_move_groups_and_indicators_with_their_sub_indicators(
    editing: PlanEditing, plan: Plan, service: PlanService, engine: Engine
) -> None:
    before = fingerprint(engine)
    assert _codes(editing, plan, "II.1") == ["II.1.1", "II.1.2", "II.1.2.1"]
    old, new = editing.move(Indicator, _indicator(service, "II.1.2"), -1)
    assert _codes(editing, plan, "II.1") == ["II.1.2", "II.1.2.1", "II.1.1"]
    assert [r.code for r in service.indicator_rows()][12:15] == ["II.1.2", "II.1.2.1", "II.1.1"]
    assert editing.move(Indicator, _indicator(service, "II.1.2"), -1) is None  # first already
    assert editing.move(Indicator, _indicator(service, "II.1.2.1"), 1) is None  # only child
    assert editing.set_positions(Indicator, old, expected=new)
    assert fingerprint(engine) == before

    groups_old, groups_new = editing.move(IndicatorGroup, _group(editing, plan, "II.2"), 1)
    assert [g.group.code for g in editing.outline(plan.id)][1:4] == ["II.1", "II.3", "II.2"]
    editing.move(Indicator, _indicator(service, "II.3.2"), -1)  # a later edit elsewhere
    assert editing.set_positions(IndicatorGroup, groups_old, expected=groups_new)
    assert not editing.set_positions(IndicatorGroup, groups_old, expected=groups_new)


def test_delete_an_indicator_with_its_figures_and_put_it_back_exactly(
    editing: PlanEditing, plan: Plan, service: PlanService, edits: EditService, engine: Engine
) -> None:
    ind = _indicator(service, "II.3.2")
    period = service.periods(plan)[0]
    edits.record_value(ValueKey(ind, period.id), 540.0, "Nguyễn Thị Lan")  # history too
    held = editing.holdings(ind)
    assert (held.figures, held.history, held.locality_targets, held.stated) == (10, 1, 9, 24)
    before = fingerprint(engine)
    snapshot = editing.delete_indicator(ind)
    assert "II.3.2" not in _codes(editing, plan, "II.3")
    with Session(editing.engine) as session:
        assert session.get(Indicator, ind) is None
    editing.restore(snapshot)
    assert fingerprint(engine) == before
    # redo deletes again only while everything is as the undo put it back
    edits.record_value(ValueKey(ind, period.id), 541.0, "Khác")
    assert editing.delete_indicator(ind, expected=snapshot) is None
    assert "II.3.2" in _codes(editing, plan, "II.3")


def test_deleting_a_parent_takes_its_sub_indicator_and_undo_brings_both(
    editing: PlanEditing, plan: Plan, service: PlanService, engine: Engine
) -> None:
    parent = _indicator(service, "II.1.2")
    assert editing.holdings(parent).sub_indicators == 1
    before = fingerprint(engine)
    snapshot = editing.delete_indicator(parent)
    assert _codes(editing, plan, "II.1") == ["II.1.1"]
    editing.restore(snapshot)
    assert fingerprint(engine) == before


def test_undo_of_a_delete_is_refused_when_its_code_was_taken_since(
    editing: PlanEditing, plan: Plan, service: PlanService, engine: Engine
) -> None:
    ind = _indicator(service, "II.3.2")
    snapshot = editing.delete_indicator(ind)
    editing.add_indicator(
        {
            "plan_id": plan.id,
            "group_id": _group(editing, plan, "II.3"),
            "code": "II.3.2",
            "name": "X",
        }
    )
    before = fingerprint(engine)
    with pytest.raises(RestoreRefused, match="mã “II.3.2” đã được dùng lại"):
        editing.restore(snapshot)
    assert fingerprint(engine) == before


def test_groups_are_deleted_only_when_empty(
    editing: PlanEditing, plan: Plan, engine: Engine
) -> None:
    before = fingerprint(engine)
    with pytest.raises(EditRefused, match="^Nhóm II.3 còn 2 chỉ tiêu và 2 nhiệm vụ; hãy xóa"):
        editing.delete_group(_group(editing, plan, "II.3"))
    assert fingerprint(engine) == before
    group = editing.add_group(plan.id, {"code": "II.12", "section": "II", "heading": "Mới"})
    with_group = fingerprint(engine)
    snapshot = editing.delete_group(group)
    assert "II.12" not in [g.group.code for g in editing.outline(plan.id)]
    editing.restore(snapshot)
    assert fingerprint(engine) == with_group


# -- agencies and localities -------------------------------------------------------------------
def test_an_agency_nothing_refers_to_is_deleted_and_undo_brings_it_back(
    editing: PlanEditing, edits: EditService, engine: Engine
) -> None:
    new = edits.add_row(
        Agency(code="SDTTG", name="Sở Dân tộc và Tôn giáo", kind=AgencyKind.PROVINCIAL)
    )
    before = fingerprint(engine)
    assert editing.uses(Agency, new) == []
    snapshot = editing.delete_unused(Agency, new)
    with Session(editing.engine) as session:
        assert session.get(Agency, new) is None
    editing.restore(snapshot)
    assert fingerprint(engine) == before


def test_an_agency_or_locality_in_use_is_refused_naming_what_refers_to_it(
    editing: PlanEditing, plan: Plan, service: PlanService, engine: Engine
) -> None:
    before = fingerprint(engine)
    skhdt = next(a.id for a in service.agencies(plan) if a.code == "SKHDT")
    with pytest.raises(EditRefused) as refused:
        editing.delete_unused(Agency, skhdt)
    assert str(refused.value) == (
        "Cơ quan “Sở Kế hoạch và Đầu tư” còn được phân công ở nhóm chỉ tiêu II.3 (kế hoạch "
        "65/KH-UBND); 7 nhiệm vụ được giao. Hãy bỏ những phân công, số liệu đó trước, rồi "
        "xóa lại."
    )
    tra_cu = next(loc.id for loc in service.localities() if loc.code == "TCU")
    with pytest.raises(EditRefused) as refused:
        editing.delete_unused(Locality, tra_cu)
    assert str(refused.value).startswith(
        "Địa phương “Huyện Trà Cú” còn là địa bàn của cơ quan “Ủy ban nhân dân huyện Trà Cú”; "
        "1 kế hoạch địa bàn; 1 số liệu"
    )
    assert fingerprint(engine) == before


def test_undo_of_a_period_delete_is_refused_when_its_code_was_taken_since(
    plan: Plan, service: PlanService, engine: Engine
) -> None:
    periods = PeriodService(engine)
    snapshot = periods.delete(service.periods(plan)[0].id)
    periods.add({**snapshot.period, "id": None, "name": "Nửa đầu năm 2024"})
    before = fingerprint(engine)
    with pytest.raises(PeriodRefused) as refused:
        periods.restore(snapshot)
    assert str(refused.value) == "mã kỳ “2024-H1” đã có; hãy chọn mã khác"
    assert fingerprint(engine) == before


def test_a_group_heading_and_agencies_change_and_change_back(
    editing: PlanEditing, plan: Plan, service: PlanService, engine: Engine
) -> None:
    group = _group(editing, plan, "II.5")
    sct, syt = (next(a.id for a in service.agencies(plan) if a.code == c) for c in ("SCT", "SYT"))
    before = fingerprint(engine)
    changes = {"heading": "Sở Công Thương và Sở Y tế", "coordinating_ids": (syt,)}
    old = editing.change_group(group, changes)
    assert old == {"heading": "Sở Công Thương", "coordinating_ids": ()}
    node = next(g for g in editing.outline(plan.id) if g.group.id == group)
    assert (node.group.heading, node.lead_ids, node.coordinating_ids) == (
        "Sở Công Thương và Sở Y tế",
        (sct,),
        (syt,),
    )
    row = next(r for r in service.indicator_rows() if r.code == "II.5.1")
    assert row.coordinating == ("Sở Y tế",)
    with pytest.raises(EditRefused, match="Mã nhóm “II.6” đã có"):
        editing.change_group(group, {"code": "II.6"})
    assert editing.change_group(group, old, expected={"heading": "khác"}) is None
    assert editing.change_group(group, old, expected=changes) == changes
    assert fingerprint(engine) == before
