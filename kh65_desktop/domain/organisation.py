"""Who or what was an agency or a locality on a date: its name, whether it existed, and
which body carries its work on (after renames, merges and splits).

Pure functions over plain data (codes, dates), so the storage, services, reports, exchange
and pickers all answer "who was X on date D" the same way. Agencies and localities share
them: a locality is a code with a validity and successions too (districts ending 30/6/2025,
provinces merged on 1/7/2025).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class SuccessionKind(StrEnum):
    MERGE = "merge"  # all of the predecessor's work passes to the successor
    SPLIT = "split"  # only the items named for this branch pass to it


class ItemKind(StrEnum):
    """What of a plan a split hands over: a whole group, one indicator, one task."""

    GROUP = "group"
    INDICATOR = "indicator"
    TASK = "task"


@dataclass(frozen=True)
class Validity:
    """From and to, both inclusive; None is "always" on that side."""

    valid_from: date | None = None
    valid_to: date | None = None

    def on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def during(self, starts_on: date, ends_on: date) -> bool:
        """On some day of [starts_on, ends_on] (a plan's year): a district that ended on
        30/6/2025 still counts for a 2025 plan, not for a 2026 one."""
        return (self.valid_from is None or self.valid_from <= ends_on) and (
            self.valid_to is None or self.valid_to >= starts_on
        )

    def ended_by(self, day: date) -> bool:
        """Past on `day`: it ended before it."""
        return self.valid_to is not None and self.valid_to < day

    def in_order(self) -> bool:
        return self.valid_from is None or self.valid_to is None or self.valid_from <= self.valid_to


def valid_on(valid_from: date | None, valid_to: date | None, day: date) -> bool:
    return Validity(valid_from, valid_to).on(day)


def valid_during(
    valid_from: date | None, valid_to: date | None, starts_on: date, ends_on: date
) -> bool:
    return Validity(valid_from, valid_to).during(starts_on, ends_on)


def name_at(current: str, earlier: Iterable[tuple[str, date]], day: date) -> str:
    """The name borne on `day`: of the earlier names (name, last day borne), the one whose
    last day is the earliest on or after `day`; else the current name."""
    borne = [(last, name) for name, last in earlier if last >= day]
    return min(borne)[1] if borne else current


@dataclass(frozen=True)
class Succession:
    predecessor: str  # code
    successor: str  # code
    on_date: date  # the successor's first day with the work
    kind: SuccessionKind = SuccessionKind.MERGE


class SuccessionCycle(ValueError):
    """A chain of successions that comes back to where it started: A → B → A."""

    def __init__(self, codes: list[str]) -> None:
        super().__init__(" → ".join(codes))
        self.codes = codes


def merges_of(successions: Iterable[Succession]) -> dict[str, list[Succession]]:
    """Each predecessor's whole-work successions, earliest first."""
    found: dict[str, list[Succession]] = {}
    for s in successions:
        if s.kind is SuccessionKind.MERGE:
            found.setdefault(s.predecessor, []).append(s)
    for chain in found.values():
        chain.sort(key=lambda s: s.on_date)
    return found


def find_cycle(successions: Iterable[Succession]) -> list[str] | None:
    """A cycle among the successions (whatever their dates and kinds), as the codes going
    round it, or None. A body cannot be its own successor, however far down the line."""
    edges: dict[str, list[str]] = {}
    for s in successions:
        edges.setdefault(s.predecessor, []).append(s.successor)
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    # depth-first without recursion: a locality list may chain thousands of predecessors
    for start in list(edges):
        if start in state:
            continue
        path, todo = [start], [iter(edges.get(start, []))]
        state[start] = 1
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                todo.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                todo.append(iter(edges.get(nxt, [])))
    return None


def successor_at(code: str, day: date, successions: Iterable[Succession]) -> str:
    """Who carries `code`'s whole work on `day`: merges that took effect by then are
    followed transitively (A → B → C gives C); `code` itself when none applies. A cycle
    raises SuccessionCycle instead of looping."""
    chains = merges_of(successions)
    seen = [code]
    while True:
        applied = [s for s in chains.get(seen[-1], []) if s.on_date <= day]
        if not applied:
            return seen[-1]
        nxt = applied[-1].successor
        if nxt in seen:
            raise SuccessionCycle(seen[seen.index(nxt) :] + [nxt])
        seen.append(nxt)


@dataclass(frozen=True)
class SplitItem:
    """One item of a plan handed by a split to one successor."""

    predecessor: str
    successor: str
    plan_code: str
    kind: ItemKind
    code: str  # group, indicator or task code within the plan


def split_successor(
    predecessor: str,
    plan_code: str,
    items: Iterable[SplitItem],
    *,
    task: str | None = None,
    indicator_line: Iterable[str] = (),
    group: str | None = None,
) -> str | None:
    """The successor a split gives one item of `plan_code`: a task by its own code; an
    indicator by its code, else its parents' (`indicator_line`, nearest first), else its
    group's; None when no item names it (the caller falls back to the merge successor)."""
    by_key = {
        (i.kind, i.code): i.successor
        for i in items
        if i.predecessor == predecessor and i.plan_code == plan_code
    }
    if task is not None and (ItemKind.TASK, task) in by_key:
        return by_key[ItemKind.TASK, task]
    for code in indicator_line:
        if (ItemKind.INDICATOR, code) in by_key:
            return by_key[ItemKind.INDICATOR, code]
    if group is not None and (ItemKind.GROUP, group) in by_key:
        return by_key[ItemKind.GROUP, group]
    return None


def current_and_past(
    validities: Mapping[str, Validity], today: date
) -> tuple[list[str], list[str]]:
    """Codes split into those valid today (or not yet begun) and those that ended before
    it, each in the given order: a picker lists the first, then the second apart."""
    current = [c for c, v in validities.items() if not v.ended_by(today)]
    past = [c for c, v in validities.items() if v.ended_by(today)]
    return current, past


def successor_of_item(
    code: str,
    day: date,
    successions: list[Succession],
    items: list[SplitItem],
    plan_code: str,
    *,
    task: str | None = None,
    indicator_line: tuple[str, ...] = (),
    group: str | None = None,
) -> str | None:
    """Who holds one item of `plan_code` (a task, an indicator, a group) on `day`, starting
    from the agency `code` that held it: a split gives it the successor its items name,
    else the split's merge successor; merges are followed transitively. None when a split
    ends the agency and names no successor for this item. A cycle raises SuccessionCycle."""
    seen = [code]
    while True:
        current = seen[-1]
        took = [s for s in successions if s.predecessor == current and s.on_date <= day]
        if not took:
            return current
        nxt = split_successor(
            current, plan_code, items, task=task, indicator_line=indicator_line, group=group
        )
        if nxt is None:
            merges = sorted(
                (s for s in took if s.kind is SuccessionKind.MERGE), key=lambda s: s.on_date
            )
            if not merges:
                return None
            nxt = merges[-1].successor
        if nxt in seen:
            raise SuccessionCycle(seen[seen.index(nxt) :] + [nxt])
        seen.append(nxt)
