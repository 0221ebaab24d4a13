"""An indicator's sentence taken apart: its name and target before the results, the results'
clauses, a sentence whose results come first, "trong đó" parts and their names, the kind.
"""

from __future__ import annotations

import re
from typing import Any

from ..domain.terms import TargetForm
from ..domain.text import fold
from . import phrases
from .agency_names import expand
from .phrases import MEASURE

PERIOD_CLAUSE = re.compile(
    r"quý (?:I|II|III|IV)\b|\b0?\d tháng\b|tháng đầu năm|tháng cuối năm"
    r"|đến \d{1,2}/\d{1,2}/\d{4}|còn lại|cùng kỳ",
    re.I,
)

# "…, trong đó …": where an indicator's parts begin, in its head and in its results
IN_WHICH = re.compile(r"[,;]?\s*\btrong đó\b,?\s*", re.I)
PERCENT_OF_PLAN_PERIOD = re.compile(r"tháng đầu năm|tháng cuối năm", re.I)


def indicator_figures(fields: dict[str, Any]) -> list[str]:
    """The figures of an indicator that must be printed in its sentences."""
    target = fields.get("target", {})
    figures = [target.get("value"), target.get("share"), fields.get("same_period", {}).get("value")]
    figures += [v.get("value") for v in fields.get("values", [])]
    figures += [s.get("value") for s in fields.get("stated", [])]
    return [f for f in figures if f]


def indicator_kind(name: str, unit: str, form: TargetForm) -> str:
    """qualitative (kept or a milestone, no unit), level (rates, shares, per-head
    figures) or accumulating."""
    if form in (TargetForm.KEEP, TargetForm.MILESTONE) and not unit:
        return "qualitative"
    if form is TargetForm.CHANGE and unit != "%":
        return "accumulating"
    if (
        unit == "%"
        or "/" in unit
        or re.match(r"(tỷ lệ|tỷ trọng|tốc độ|chỉ số)\b", name, re.I)
        or re.search(r"bình quân|đầu người", name, re.I)  # a per-head figure is a level
    ):
        return "level"
    return "accumulating"


def split_head(text: str) -> tuple[str, str]:
    """The indicator and its target (before the colon) from the results (after it)."""
    depth = 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if ch == ":" and depth == 0:
            return text[:i].strip(), text[i + 1 :].strip()
    measure = MEASURE.search(text)
    if measure and PERIOD_CLAUSE.search(text[measure.end() :]):
        cut = re.search(r"[,;]\s+", text[measure.end() :])
        if cut:
            return text[: measure.end() + cut.start()], text[measure.end() + cut.end() :]
    return text, ""


_VERB = re.compile(
    r"\s+(?:là|đạt|chiếm|tăng thêm|tăng|giảm|dưới|trên|từ|không quá|tối đa|tối thiểu|ít nhất"
    r"|giữ vững ở mức|giữ vững|duy trì ở mức|duy trì|cho)"
    r"(?=\s+(?:\([^)]*\)\s*)?(?:cả năm\s+|năm (?:19|20)\d{2}\s+)?"
    r"(?:là\s+|đạt\s+|trên\s+|dưới\s+|từ\s+|tối thiểu\s+|tối đa\s+)?\d)",
)


def _verb(head: str) -> re.Match[str] | None:
    """The verb before the target: one followed by a figure with a unit or ending the
    phrase ("dưới 15%", not the "dưới 5 tuổi" of a name)."""
    for match in _VERB.finditer(head):
        measure = MEASURE.search(head, match.end())
        rate = phrases.RATE.match(head, match.end() + 1)
        if rate is not None:
            return match
        if measure is None:
            return None
        after = head[measure.end() :].strip()
        if measure.group("u") or not after or after[0] in "(;,.:":
            return match
    return None


_NAME_END = re.compile(r"\s+(?:năm (?:19|20)\d{2}|cả năm)\b")


def head_spec(head: str, child: bool) -> dict[str, Any] | None:
    """An indicator's name and target from the words before its results."""
    if not head:
        return None
    lowered = head.casefold()
    if re.match(r"(giữ vững|duy trì)\b", lowered) and not MEASURE.search(head):
        name = capital(re.sub(r"^(giữ vững|duy trì)\s+", "", head, flags=re.I))
        return {
            "name": name,
            "unit": "",
            "target": phrases.Target(TargetForm.KEEP, text=head),
            "_child": child,
        }
    keep = re.match(r"(?:giữ vững|duy trì)\s+(?=\d)", lowered)
    level = MEASURE.match(head, keep.end()) if keep else None
    if keep and level is not None:
        unit, rest = level.group("u") or "", head[level.end() :].strip()
        return {
            "name": capital(f"Tỷ lệ {rest}" if unit == "%" else rest),
            "unit": unit,
            "target": phrases.Target(TargetForm.KEEP, level.group("n"), unit=unit, text=head),
            "_child": child,
        }
    if re.match(r"hoàn thành\b", lowered) and not MEASURE.search(head):
        return {
            "name": head,
            "unit": "",
            "target": phrases.Target(TargetForm.MILESTONE, text=head),
            "_child": child,
        }
    ends = [m.start() for m in (_NAME_END.search(head), _verb(head)) if m]
    measure = MEASURE.search(head)
    if not ends and measure is None:
        return None
    cut = min(ends) if ends else measure.start()  # type: ignore[union-attr]
    name = head[:cut].strip(" ,")
    phrase = head[cut:]
    phrase_plain = re.sub(r"^\s*(?:năm (?:19|20)\d{2}|cả năm)\s*", "", phrase)
    phrase_plain = re.sub(r"^\s*(?:là|đạt|chiếm)\s+", "", phrase_plain)
    tgt = phrases.target(re.sub(r"\((?:tăng|giảm)[^)]*so[^)]*\)", "", phrase_plain), name)
    if not name or tgt is None:
        return None
    if tgt.form is TargetForm.CHANGE:
        # the indicator is the change: "Tỷ lệ hộ nghèo (theo chuẩn …) giảm trong năm"
        qualifier = re.match(r"\s*(?:tăng thêm|tăng|giảm)\s*(\([^)]*\))", phrase)
        verb = "giảm" if (tgt.value or "").startswith("-") else "tăng thêm"
        after = re.search(r"\d[^(]*(\(theo [^)]*\))", phrase)
        said = f" {(qualifier or after).group(1)}" if qualifier or after else ""
        name = f"{name}{said} {verb} trong năm"
    spec: dict[str, Any] = {
        "name": capital(name),
        "unit": tgt.unit,
        "target": tgt,
        "_child": child,
    }
    if tgt.text:
        tgt.text = re.sub(r"\s*\((?:tăng|giảm)[^)]*\)", "", tgt.text).strip()
    base = phrases.baseline(phrase, tgt.value, tgt.unit) if tgt.value else None
    if base:
        spec["baseline"] = {"value": base.value, "label": base.label, "derived": base.derived}
    before = re.search(
        rf"\(năm (?P<y>(?:19|20)\d{{2}}) (?:thực hiện|đạt|là) (?P<n>{phrases.NUMBER})", phrase
    )
    if before and "baseline" not in spec:  # "(năm 2025 thực hiện 7 ca)"
        spec["baseline"] = {
            "value": before.group("n"),
            "label": f"năm {before.group('y')}",
            "derived": f"văn bản: năm {before.group('y')} thực hiện {before.group('n')}",
        }
    note = re.search(r"\((theo [^)]*)\)", phrase)
    if note:
        spec["note"] = capital(note.group(1))
    return spec


RESULT_START = re.compile(
    r"^(?:ước\s+)?(?:thực hiện\s+)?(?:trong\s+)?0?\d+ tháng đầu năm(?: (?:19|20)\d{2})?\s+", re.I
)
TARGET_CLAUSE = re.compile(
    r"^(?:(?:chỉ tiêu|kế hoạch|mục tiêu)(?: cả)?(?: năm)?(?: (?:19|20)\d{2})?|phấn đấu cả năm)\s+",
    re.I,
)
_TARGET_VERB = re.compile(
    r"^.*?(?=\b(?:đạt|là|trên|dưới|từ|tối thiểu|tối đa|không quá|tăng|giảm)\b)"
)


def named_part(clause: str, parts: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The "trong đó" part a results clause names by all its own words ("… tăng thêm tỷ lệ
    dân cư nông thôn sử dụng nước sạch 0,85%" for the part "sử dụng nước sạch")."""
    words = set(fold(clause).split())
    for part in parts:
        own = fold(re.sub(r"^Trong đó:\s*", "", part["name"])).split()
        if len(own) >= 2 and all(w in words for w in own):
            return part
    return None


def _wide_clauses(text: str) -> list[str]:
    """Clauses, a comma before a period or a target ("…, 06 tháng đầu năm đạt …") cutting too."""
    cut = re.compile(
        r",\s+(?=(?:ước\s+)?(?:trong\s+)?0?\d+ tháng"
        r"|chỉ tiêu|kế hoạch năm|phấn đấu cả năm|còn lại)",
        re.I,
    )
    return [c.strip() for clause in result_clauses(text) for c in cut.split(clause) if c.strip()]


def reordered(text: str) -> tuple[str, str] | None:
    """A sentence whose results come before its target ("6 tháng đầu năm giải ngân … được
    1.245,30 tỷ đồng …; chỉ tiêu cả năm …", "Số doanh nghiệp …: ước 6 tháng đầu năm …;
    kế hoạch năm 2023 là 480 doanh nghiệp"): the (head, tail) _head_spec and _apply_tail
    read, the target's clause moved to the head."""
    start = RESULT_START.match(text)
    head_part, colon, rest = text.partition(":")
    if start is not None:
        first = _wide_clauses(text)[0]
        words = first[start.end() :]
        end = re.search(r"\s+(?:được|đạt|là|thực hiện)\b|\s+\d", words)
        name = capital(words[: end.start()] if end else words)
        clauses = _wide_clauses(text)
    elif (
        colon
        and not MEASURE.search(head_part)
        and not re.match(r"(giữ vững|duy trì|hoàn thành)\b", head_part, re.I)
    ):
        name = head_part.strip()
        clauses = _wide_clauses(rest)
    else:
        return None
    for index, clause in enumerate(clauses):
        said = TARGET_CLAUSE.match(clause)
        if said is None or PERIOD_CLAUSE.search(clause) or not MEASURE.search(clause):
            continue
        phrase = clause[said.end() :]
        phrase = _TARGET_VERB.sub("", phrase, count=1) if not phrase[0].isdigit() else phrase
        phrase = phrase if re.match(r"\D", phrase) else f"là {phrase}"
        tail = "; ".join(c for i, c in enumerate(clauses) if i != index)
        return f"{name} {phrase}", tail
    return None


def child_name(name: str, parent: str) -> str:
    """A "trong đó" part named with its parent's subject ("BHXH tự nguyện" under "Tỷ lệ
    tham gia bảo hiểm xã hội …" -> "Trong đó: tỷ lệ tham gia bảo hiểm xã hội tự nguyện")."""
    own = expand(name)
    if re.match(r"(tỷ lệ|tỷ trọng|số|tổng|có)\b", own, re.I) or not re.match(
        r"(tỷ lệ|tỷ trọng)\b", parent, re.I
    ):
        stem = ""
    else:
        base = re.sub(r"\s+(?:giảm|tăng thêm) trong năm$", "", parent)
        words, parent_words = own.split(), base.split()
        folded = [fold(w) for w in parent_words]
        first = fold(words[0]) if words else ""
        at = folded.index(first) if first in folded else len(parent_words)
        stem = " ".join(parent_words[:at]) + " "
        stem = stem[0].lower() + stem[1:]
    lower = len(own) > 1 and own[1].islower()
    return f"Trong đó: {stem}{own[0].lower() if lower else own[0]}{own[1:]}"


def result_clauses(tail: str) -> list[str]:
    """The results after the colon, one clause each ("; " and sentence ends)."""
    parts: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(tail):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and (
            ch == ";"
            or (
                ch == "."
                and (i + 1 == len(tail) or tail[i + 1] == " ")
                and not tail[i - 1].isdigit()
            )
        ):
            parts.append(tail[start:i])
            start = i + 1
    parts.append(tail[start:])
    return [p.strip() for p in parts if p.strip()]


def shared_prefix(name: str) -> str:
    """The words a second indicator of one sentence shares ("Tỷ lệ học sinh đi học trong
    độ tuổi tiểu học … và trung học cơ sở …")."""
    folded = name.casefold()
    best = -1
    for word in (" tuổi ", " cấp ", " bậc ", " khu vực ", " vùng "):
        at = folded.rfind(word)
        if at >= 0:
            best = max(best, at + len(word))
    if best < 0:
        words = name.split()
        return " ".join(words[:-2]) + " " if len(words) > 2 else ""
    return name[:best]


def capital(text: str) -> str:
    """The text stripped, its first letter a capital."""
    text = text.strip()
    return text[0].upper() + text[1:] if text else text
