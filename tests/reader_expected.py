"""Comparing what the reader found with a hand transcription (plan-file dicts), field by
field, for the quality tests; doctext's documents/scoring.py measures the same for the
benchmark."""

from __future__ import annotations

import difflib
import re
from typing import Any

from kh65_desktop.documents.agency_names import expand
from kh65_desktop.domain.numbers import parse_number
from kh65_desktop.domain.text import fold


def indicators(plan: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(g, i) for g in plan.get("groups", []) for i in g.get("indicators", [])]


def tasks(plan: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = [t for g in plan.get("groups", []) for t in g.get("tasks", [])] + plan.get("tasks", [])
    return [item for block in blocks for item in block["items"]]


def _key(name: str) -> str:
    key = re.sub(r"^trong do:?\s*", "", fold(expand(name)))
    return re.sub(r"[^\w]+", " ", key).strip()


def similarity(a: str, b: str) -> float:
    """Names alike: their letters (difflib) and their words (shared over the shorter)."""
    ka, kb = _key(a), _key(b)
    wa, wb = set(ka.split()), set(kb.split())
    overlap = len(wa & wb) / max(1, min(len(wa), len(wb)))
    return (difflib.SequenceMatcher(None, ka, kb).ratio() + overlap) / 2


def match(found: dict[str, Any], expected: dict[str, Any]) -> dict[str, tuple[Any, Any] | None]:
    """Each expected indicator's found one: the most alike names paired first, each used
    once; below 0.6 alike, not found."""
    pool = indicators(found)
    wanted = indicators(expected)
    scores = sorted(
        (
            (similarity(item["name"], candidate["name"]), e, f)
            for e, (_, item) in enumerate(wanted)
            for f, (_, candidate) in enumerate(pool)
        ),
        key=lambda s: -s[0],
    )
    pairs: dict[str, tuple[Any, Any] | None] = {item["code"]: None for _, item in wanted}
    used_e: set[int] = set()
    used_f: set[int] = set()
    for score, e, f in scores:
        if score < 0.6:
            break
        if e in used_e or f in used_f:
            continue
        used_e.add(e)
        used_f.add(f)
        pairs[wanted[e][1]["code"]] = pool[f]
    return pairs


def _number(text: str | None) -> float | None:
    return None if text is None else parse_number(text)


def same_target(found: dict[str, Any], expected: dict[str, Any]) -> bool:
    f, e = found["target"], expected["target"]
    return (
        f["form"] == e["form"]
        and _number(f.get("value")) == _number(e.get("value"))
        and _number(f.get("share")) == _number(e.get("share"))
        and bool(f.get("strict")) == bool(e.get("strict"))
    )


def agency_names(plan: dict[str, Any], codes: list[str]) -> set[str]:
    names = {a["code"]: a["name"] for a in plan.get("agencies", [])}
    return {fold(names.get(c, c)) for c in codes}


def right_indicators(found: dict[str, Any], expected: dict[str, Any]) -> tuple[int, int, list[str]]:
    """(right, expected count, the wrong ones): found with the right target form and value
    and the right lead agencies of its group (compared by name)."""
    pairs = match(found, expected)
    groups = {i["code"]: g for g, i in indicators(expected)}
    wrong = []
    for code, pair in pairs.items():
        expected_item = next(i for _, i in indicators(expected) if i["code"] == code)
        if pair is None:
            wrong.append(f"{code}: không tìm thấy")
            continue
        group, item = pair
        if not same_target(item, expected_item):
            wrong.append(f"{code}: chỉ tiêu {item['target']} ≠ {expected_item['target']}")
        elif agency_names(found, group.get("lead", [])) != agency_names(
            expected, groups[code].get("lead", [])
        ):
            wrong.append(f"{code}: chủ trì {group.get('lead')} ≠ {groups[code].get('lead')}")
    return len(pairs) - len(wrong), len(pairs), wrong


def invented(found: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    matched = {id(p[1]) for p in match(found, expected).values() if p is not None}
    return [i["name"] for _, i in indicators(found) if id(i) not in matched]


def right_deadlines(found: dict[str, Any], expected: dict[str, Any]) -> tuple[int, int, list[str]]:
    """Tasks matched by their text; a deadline is right when its date (or its absence)
    and, for a recurring duty, its words agree."""
    found_tasks = tasks(found)
    wrong = []
    right = 0
    for item in tasks(expected):
        best = max(
            found_tasks,
            key=lambda t: difflib.SequenceMatcher(
                None, fold(t["text"])[:200], fold(item["text"])[:200]
            ).ratio(),
            default=None,
        )
        if best is None:
            wrong.append(item["text"][:50])
            continue
        same = best.get("deadline") == item.get("deadline") and bool(
            best.get("deadline_text")
        ) == bool(item.get("deadline_text"))
        if same:
            right += 1
        else:
            wrong.append(
                f"{item['text'][:50]}: {best.get('deadline_text')} ≠ {item.get('deadline_text')}"
            )
    return right, len(tasks(expected)), wrong
