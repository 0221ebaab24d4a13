"""One indicator named twice (in a results section, then in its group) made one item."""

from __future__ import annotations

import bisect
import difflib
import re

from ..domain.text import fold
from .items import FoundItem, ItemKind


def merge_twins(items: list[FoundItem]) -> None:
    """One indicator named twice (a results section, then its group): one item with
    both sentences and both stated figures."""
    summary = [i for i in items if i.kind is ItemKind.INDICATOR and i.fields.get("_summary")]
    others = sorted(
        (i for i in items if i.kind is ItemKind.INDICATOR and not i.fields.get("_summary")),
        key=lambda i: i.span[0],
    )
    for other in others:
        other.fields["_key"] = _name_key(other.fields["name"])
    for item in summary:
        match = _same_indicator(item, others)
        if match is None:
            continue
        f, g = item.fields, match.fields
        g["quotes"] = g["quotes"] + f["quotes"]
        g.setdefault("stated", []).extend(f.get("stated", []))
        if not g.get("values") and f.get("values"):
            g["values"] = f["values"]
        if not g.get("unit") and f.get("unit"):
            g["unit"] = f["unit"]
            match.reasons = [r for r in match.reasons if r != "đơn vị không rõ"]
            match.confidence = max(0.1, 1.0 - 0.25 * len(match.reasons))
        if g["target"]["form"] == "keep" and "value" not in g["target"]:
            figure = next((v.get("value") for v in f.get("values", []) if v.get("value")), None)
            if figure:
                g["target"]["value"] = figure
            if g["kind"] == "qualitative" and g.get("unit"):
                g["kind"] = "level"
        if not g.get("stated"):
            g.pop("stated", None)
        items.remove(item)
    for item in items:
        item.fields.pop("_summary", None)
        item.fields.pop("_key", None)


SAME_NAME = 0.88  # names this alike (difflib, folded) are one indicator named twice
NEAR = 80  # how many indicators after a results section its twins are looked for among


def _same_indicator(item: FoundItem, others: list[FoundItem]) -> FoundItem | None:
    """The indicator of a later group that a results section's one names again: the
    nearest after it with the same name (or one inside the other), else the most alike."""
    key = _name_key(item.fields["name"])
    if not key:
        return None
    best: tuple[float, FoundItem] | None = None
    first = bisect.bisect_right([o.span[0] for o in others], item.span[0])
    matcher = difflib.SequenceMatcher(None)
    matcher.set_seq2(key)  # the item's name is prepared once, each candidate compared to it
    for other in others[first : first + NEAR]:
        other_key = other.fields["_key"]
        if key == other_key or (len(key) > 12 and (key in other_key or other_key in key)):
            return other
        matcher.set_seq1(other_key)
        if matcher.real_quick_ratio() < SAME_NAME or matcher.quick_ratio() < SAME_NAME:
            continue
        ratio = matcher.ratio()
        if ratio >= SAME_NAME and (best is None or ratio > best[0]):
            best = (ratio, other)
    return best[1] if best else None


def _name_key(name: str) -> str:
    """A name folded for comparing, "giữ vững"/"duy trì" dropped."""
    key = fold(name)
    key = re.sub(r"^(giu vung|duy tri)\s+", "", key)
    return re.sub(r"[^\w]+", " ", key).strip()
