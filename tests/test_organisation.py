"""Who an agency or a locality was on a date (domain/organisation.py)."""

from __future__ import annotations

from datetime import date

import pytest

from kh65_desktop.domain.organisation import (
    ItemKind,
    SplitItem,
    Succession,
    SuccessionCycle,
    SuccessionKind,
    Validity,
    current_and_past,
    find_cycle,
    name_at,
    successor_at,
    successor_of_item,
)

MARCH = date(2025, 3, 1)


def test_the_name_on_a_date_is_the_earliest_earlier_name_still_borne() -> None:
    earlier = [("Ban Dân tộc", date(2025, 2, 28)), ("Ban Dân tộc tỉnh", date(2020, 1, 1))]
    assert name_at("Sở Dân tộc và Tôn giáo", earlier, date(2019, 5, 1)) == "Ban Dân tộc tỉnh"
    assert name_at("Sở Dân tộc và Tôn giáo", earlier, date(2024, 6, 14)) == "Ban Dân tộc"
    assert name_at("Sở Dân tộc và Tôn giáo", earlier, date(2025, 2, 28)) == "Ban Dân tộc"
    assert name_at("Sở Dân tộc và Tôn giáo", earlier, MARCH) == "Sở Dân tộc và Tôn giáo"


def test_validity_is_inclusive_and_open_ended() -> None:
    district = Validity(None, date(2025, 6, 30))
    assert district.on(date(2025, 6, 30)) and not district.on(date(2025, 7, 1))
    assert Validity(MARCH, None).on(MARCH) and not Validity(MARCH, None).on(date(2025, 2, 28))
    assert not Validity(MARCH, date(2025, 1, 1)).in_order()
    current, past = current_and_past({"A": district, "B": Validity()}, date(2026, 1, 1))
    assert (current, past) == (["B"], ["A"])


def test_merges_are_followed_transitively_from_their_dates() -> None:
    chain = [
        Succession("A", "B", MARCH),
        Succession("B", "C", date(2026, 1, 1)),
    ]
    assert successor_at("A", date(2024, 12, 31), chain) == "A"
    assert successor_at("A", MARCH, chain) == "B"
    assert successor_at("A", date(2026, 6, 1), chain) == "C"


def test_a_cycle_is_found_and_refused() -> None:
    loop = [Succession("A", "B", MARCH), Succession("B", "A", MARCH)]
    assert find_cycle(loop) == ["A", "B", "A"]
    with pytest.raises(SuccessionCycle):
        successor_at("A", MARCH, loop)
    assert find_cycle([Succession("A", "B", MARCH), Succession("C", "B", MARCH)]) is None


def test_a_split_gives_each_item_its_successor_and_the_rest_to_the_merge() -> None:
    links = [
        Succession("LD", "NV", MARCH, SuccessionKind.MERGE),
        Succession("LD", "GD", MARCH, SuccessionKind.SPLIT),
        Succession("LD", "NN", MARCH, SuccessionKind.SPLIT),
    ]
    items = [
        SplitItem("LD", "GD", "P", ItemKind.INDICATOR, "II.9.2"),
        SplitItem("LD", "NN", "P", ItemKind.TASK, "II.9.T1.3"),
        SplitItem("LD", "NN", "P", ItemKind.GROUP, "II.4"),
    ]
    after = date(2026, 1, 1)
    # a "trong đó" indicator follows its parent
    line = ("II.9.2.1", "II.9.2")
    assert successor_of_item("LD", after, links, items, "P", indicator_line=line) == "GD"
    assert successor_of_item("LD", after, links, items, "P", task="II.9.T1.3") == "NN"
    assert successor_of_item("LD", after, links, items, "P", group="II.4") == "NN"
    assert successor_of_item("LD", after, links, items, "P", indicator_line=("II.9.1",)) == "NV"
    # another plan's items are not this plan's
    assert successor_of_item("LD", after, links, items, "Q", indicator_line=line) == "NV"
    # before the change the item stays
    assert successor_of_item("LD", date(2024, 6, 14), links, items, "P", task="II.9.T1.3") == "LD"
    # without a merge branch an unnamed item has no successor
    only_split = links[1:]
    assert successor_of_item("LD", after, only_split, items, "P", indicator_line=("X",)) is None
