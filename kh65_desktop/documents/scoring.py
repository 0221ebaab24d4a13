"""How well a plan read from its document matches the plan transcribed by hand.

Both sides are plan-file dicts (docs/plan-file.md). Indicators are paired by name across the
whole plan (accents and case aside, fuzzy: the reader may word a name slightly differently),
then each field is compared pair by pair. Precision = right / found, recall = right /
expected, per field; an indicator the reader made up (matching nothing) lowers the precision
of every field it has and is listed; a figure not in its item's quotes is listed too (it
must never happen: the reader may only take figures from the sentence it cites).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..domain.numbers import VietnameseFormatError, parse_number
from ..domain.text import fold

NAME_MATCH = 0.72  # names at least this alike (difflib ratio, folded) may be one indicator
TASK_MATCH = 0.8
TASK_CHARS = 160

Plan = dict[str, Any]


@dataclass(frozen=True)
class FieldScore:
    right: int
    found: int  # items the reader gave a value for this field
    expected: int  # items the transcription has a value for

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


@dataclass
class Score:
    fields: dict[str, FieldScore] = field(default_factory=dict)
    invented: list[str] = field(default_factory=list)  # found indicators matching nothing
    missed: list[str] = field(default_factory=list)  # expected indicators not found
    unquoted: list[tuple[str, str]] = field(default_factory=list)  # (indicator, figure)
    figures_checked: int = 0

    def table(self) -> str:
        """A Markdown table for BENCHMARKS.md."""
        lines = [
            "| field | precision | recall | right / found / expected |",
            "|---|---:|---:|---|",
        ]
        for name, s in self.fields.items():
            lines.append(
                f"| {name} | {s.precision:.1%} | {s.recall:.1%} | "
                f"{s.right} / {s.found} / {s.expected} |"
            )
        lines.append(f"| invented indicators | | | {len(self.invented)} |")
        lines.append(
            f"| figures not in their quote | | | {len(self.unquoted)} of {self.figures_checked} |"
        )
        return "\n".join(lines)


@dataclass(frozen=True)
class _Indicator:
    data: dict[str, Any]
    lead: frozenset[str]  # folded names of the lead agencies of its group


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w%/]+", " ", fold(text)).split())


def _number(text: Any) -> float | None:
    if text is None or str(text).strip() == "":
        return None
    try:
        return round(parse_number(str(text)), 6)
    except VietnameseFormatError:
        return None


def _agency_names(plan: Plan) -> dict[str, str]:
    names = {a["code"]: a["name"] for a in plan.get("agencies", [])}
    for set_name in plan.get("agency_sets", {}):  # a set is named by its own words
        names.setdefault(set_name, set_name)
    return names


def _indicators(plan: Plan) -> list[_Indicator]:
    names = _agency_names(plan)
    found: list[_Indicator] = []
    for group in plan.get("groups", []):
        lead = frozenset(_key(names.get(code, code)) for code in group.get("lead", []))
        found += [_Indicator(item, lead) for item in group.get("indicators", [])]
    return found


def _tasks(plan: Plan) -> list[dict[str, Any]]:
    blocks = [t for g in plan.get("groups", []) for t in g.get("tasks", [])]
    blocks += plan.get("tasks", [])
    return [item for block in blocks for item in block.get("items", [])]


def _pair(found: list[str], expected: list[str], threshold: float) -> dict[int, int]:
    """found index -> expected index: equal texts first, then the most alike pairs, each
    used once."""
    pairs: dict[int, int] = {}
    where = {text: j for j, text in reversed(list(enumerate(expected)))}
    for i, text in enumerate(found):
        j = where.get(text)
        if j is not None and j not in pairs.values():
            pairs[i] = j
    taken = set(pairs.values())
    candidates: list[tuple[float, int, int]] = []
    for i, a in enumerate(found):
        if i in pairs:
            continue
        for j, b in enumerate(expected):
            if j in taken:
                continue
            matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            ratio = matcher.ratio()
            if ratio >= threshold:
                candidates.append((ratio, i, j))
    for _ratio, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


Getter = Callable[[_Indicator], Hashable | None]


def _target(item: _Indicator, key: str) -> Any:
    return (item.data.get("target") or {}).get(key)


_INDICATOR_FIELDS: dict[str, Getter] = {
    "unit": lambda i: _key(i.data["unit"]) if i.data.get("unit") else None,
    "kind": lambda i: i.data.get("kind"),
    "target form": lambda i: _target(i, "form"),
    "target value": lambda i: _number(_target(i, "value")),
    "strict": lambda i: True if _target(i, "strict") else None,
    "share": lambda i: _number(_target(i, "share")),
    "baseline": lambda i: _number((i.data.get("baseline") or {}).get("value")),
    "lead agency": lambda i: i.lead or None,
}


def _figures(data: dict[str, Any]) -> list[str]:
    """The figures an indicator states, as written (as tests/test_transcription checks)."""
    target = data.get("target") or {}
    figures = [target.get("value"), target.get("share")]
    figures.append((data.get("same_period") or {}).get("value"))
    figures += [v.get("value") for v in data.get("values", [])]
    figures += [s.get("value") for s in data.get("stated", [])]
    return [str(f).lstrip("-") for f in figures if f not in (None, "")]


def _results(data: dict[str, Any]) -> Counter[float]:
    numbers = [_number(v.get("value")) for v in data.get("values", [])]
    numbers += [_number(s.get("value")) for s in data.get("stated", [])]
    return Counter(n for n in numbers if n is not None)


def _in_quotes(figure: str, quotes: str) -> bool:
    pattern = rf"(?<![\d.,]){re.escape(figure)}(?![\d]|,\d)"
    if re.search(pattern, quotes):
        return True
    # Tables typed the English way print "39.33" for 39,33.
    return "," in figure and re.search(pattern.replace(",", r"\."), quotes) is not None


def score(found: Plan, expected: Plan) -> Score:
    result = Score()
    got, want = _indicators(found), _indicators(expected)
    pairs = _pair(
        [_key(i.data.get("name", "")) for i in got],
        [_key(i.data.get("name", "")) for i in want],
        NAME_MATCH,
    )
    result.fields["indicator found"] = FieldScore(len(pairs), len(got), len(want))
    result.invented = [got[i].data.get("name", "") for i in range(len(got)) if i not in pairs]
    matched = set(pairs.values())
    result.missed = [want[j].data.get("name", "") for j in range(len(want)) if j not in matched]
    for name, get in _INDICATOR_FIELDS.items():
        result.fields[name] = _field(got, want, pairs, get)
    result.fields["indicator right (form, value, lead)"] = _complete(got, want, pairs)
    right = sum(
        sum((_results(got[i].data) & _results(want[j].data)).values()) for i, j in pairs.items()
    )
    result.fields["stated results"] = FieldScore(
        right,
        sum(sum(_results(i.data).values()) for i in got),
        sum(sum(_results(i.data).values()) for i in want),
    )
    _tasks_score(result, found, expected)
    _details_score(result, found, expected)
    for item in got:
        quotes = " ".join(item.data.get("quotes", []))
        for figure in _figures(item.data):
            result.figures_checked += 1
            if not _in_quotes(figure, quotes):
                result.unquoted.append((item.data.get("name", ""), figure))
    return result


def _field(
    got: list[_Indicator], want: list[_Indicator], pairs: dict[int, int], get: Getter
) -> FieldScore:
    right = sum(
        1 for i, j in pairs.items() if get(got[i]) is not None and get(got[i]) == get(want[j])
    )
    return FieldScore(
        right,
        sum(1 for i in got if get(i) is not None),
        sum(1 for i in want if get(i) is not None),
    )


def _complete(got: list[_Indicator], want: list[_Indicator], pairs: dict[int, int]) -> FieldScore:
    """Indicators with form, value and lead all as expected: the issue's 90% measure."""
    keys = [_INDICATOR_FIELDS[k] for k in ("target form", "target value", "lead agency")]
    right = sum(1 for i, j in pairs.items() if all(get(got[i]) == get(want[j]) for get in keys))
    return FieldScore(right, len(got), len(want))


def _tasks_score(result: Score, found: Plan, expected: Plan) -> None:
    got, want = _tasks(found), _tasks(expected)
    # The opening words tell tasks apart; whole paragraphs would make pairing slow.
    pairs = _pair(
        [_key(t.get("text", ""))[:TASK_CHARS] for t in got],
        [_key(t.get("text", ""))[:TASK_CHARS] for t in want],
        TASK_MATCH,
    )
    result.fields["task found"] = FieldScore(len(pairs), len(got), len(want))

    def deadline(task: dict[str, Any]) -> str | None:
        value = task.get("deadline")
        return str(value) if value else None

    right = sum(
        1 for i, j in pairs.items() if deadline(got[i]) and deadline(got[i]) == deadline(want[j])
    )
    result.fields["task deadline"] = FieldScore(
        right, sum(1 for t in got if deadline(t)), sum(1 for t in want if deadline(t))
    )


def _details_score(result: Score, found: Plan, expected: Plan) -> None:
    mine, theirs = found.get("plan", {}), expected.get("plan", {})
    checks: Iterable[tuple[str, str, Callable[[Any], Any]]] = (
        ("details: number", "number", lambda v: _key(str(v))),
        ("details: date", "issued_on", str),
        ("details: signer", "signer_name", lambda v: " ".join(str(v).split()).casefold()),
    )
    for label, key, norm in checks:
        a = norm(mine[key]) if mine.get(key) else None
        b = norm(theirs[key]) if theirs.get(key) else None
        result.fields[label] = FieldScore(
            int(a is not None and a == b), int(a is not None), int(b is not None)
        )
