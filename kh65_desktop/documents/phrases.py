"""The formulaic phrases of plan documents (/work/shared/docs/plan-language.md): figures with
their units, a target's form, stated results, baselines and deadlines.

Every figure is kept as the document prints it ("4.874,53", "05"), so the review and the
plan file's checks find it again in its sentence. Nothing here knows a plan's names or
figures: only the genre's vocabulary.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from ..domain.numbers import VietnameseFormatError, parse_number
from ..domain.terms import TargetForm

# a figure as plans print it: 4.874,53 / 05 / 0,30 / 39.33 (a table typed the English way)
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2}"
_NUMBER_RE = re.compile(rf"(?<![\d/.,])(?:{NUMBER})(?![\d/]|[.,]\d)")

# the unit words of the genre, longest first so "giường/vạn dân" wins over "giường"
UNITS = (
    "giường/vạn dân",
    "bác sĩ/vạn dân",
    "triệu đồng",
    "tỷ đồng",
    "nghìn tỷ đồng",
    "USD/người",
    "triệu USD",
    "doanh nghiệp",
    "lao động",
    "tiêu chí",
    "lượt khách",
    "lượt người",
    "hợp tác xã",
    "sản phẩm",
    "công trình",
    "dự án",
    "cơ sở",
    "trạm",
    "trường",
    "giường",
    "bác sĩ",
    "lượt",
    "ca",
    "con",
    "USD",
    "người",
    "hộ",
    "xã",
    "ha",
    "km",
    "tấn",
    "%",
)
_UNIT_RE = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
UNIT_WORDS = _UNIT_RE
# a figure followed by its unit (the unit may be absent)
MEASURE = re.compile(rf"(?<![\d/.,])(?P<n>{NUMBER})(?![\d/]|[.,]\d)\s*(?P<u>(?:{_UNIT_RE})(?!\w))?")

YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
MARKUP = re.compile(r"\*+|_{2,}")


def plain(text: str) -> str:
    """The text without Word markup and with single spaces (for fields, not quotes)."""
    return re.sub(r"\s+", " ", MARKUP.sub("", text)).strip()


# a rate printed as a fraction: "15/100.000 trẻ đẻ sống"
RATE = re.compile(
    rf"(?<![\d.,/])(?P<n>{NUMBER})/(?P<per>\d{{1,3}}(?:\.\d{{3}})+|\d{{3,}})"
    r"(?P<w>(?:\s+[^\s\d,;.()]+){0,3})"
)


def figure_value(figure: str) -> float | None:
    """A figure's value; "39.33" (a table typed the English way) read as 39,33."""
    try:
        return parse_number(figure)
    except VietnameseFormatError:
        if re.fullmatch(r"\d+\.\d{1,2}", figure):
            return float(figure)
        return None


def as_vietnamese(figure: str) -> str:
    """ "39.33" -> "39,33": the one slip the plan file corrects."""
    if re.fullmatch(r"\d+\.\d{1,2}", figure):
        return figure.replace(".", ",")
    return figure


def figures_in(text: str) -> list[str]:
    """Every figure of a text, as printed, years of dates and document numbers skipped."""
    return [m.group(0) for m in _NUMBER_RE.finditer(text)]


def figure_in(figure: str, text: str) -> bool:
    """True when `figure` is printed in `text` as a whole figure ("5" not inside "45");
    "39,33" also when printed "39.33" (a table typed the English way)."""
    bare = figure.lstrip("-−")
    spellings = [bare]
    if re.fullmatch(r"\d+,\d{1,2}", bare):
        spellings.append(bare.replace(",", "."))
    for spelling in spellings:
        at = text.find(spelling)
        while at >= 0:
            before = text[at - 1] if at else " "
            after = text[at + len(spelling) : at + len(spelling) + 2]
            whole_before = not (before.isdigit() or before in ".,")
            whole_after = not after[:1].isdigit() and not (
                after[:1] in ".," and after[1:2].isdigit()
            )
            if whole_before and whole_after:
                return True
            at = text.find(spelling, at + 1)
    return False


@dataclass
class Target:
    form: TargetForm
    value: str | None = None  # as printed, "-0,30" for a decrease
    strict: bool = False
    share: str | None = None  # "đạt trên 95% kế hoạch vốn"
    unit: str = ""
    text: str = ""
    reasons: list[str] = field(default_factory=list)


_FLOOR_WORDS = r"trên|từ|tối thiểu|ít nhất|≥|>=|không dưới|không thấp hơn"
_CEILING_WORDS = r"dưới|không quá|tối đa|≤|<=|không vượt quá"


def target(phrase: str, name: str = "") -> Target | None:
    """The target a phrase states ("là 94,95%", "dưới 2%", "tăng thêm 05 xã", "đạt trên 95%
    kế hoạch vốn", "Giữ vững …", "Hoàn thành …"), or None."""
    text = plain(phrase)
    lowered = text.casefold()
    whole = plain(f"{name} {phrase}").casefold()
    measure = MEASURE.search(text)
    rate = RATE.search(text)
    if rate is not None and (measure is None or rate.start() < measure.start()):
        measure = re.compile(
            rf"(?P<n>{re.escape(rate.group('n'))})(?P<u>/\S+{re.escape(rate.group('w'))})"
        ).search(text, rate.start())
    if re.match(r"(giữ vững|duy trì)\b", lowered) and measure is not None:
        return Target(TargetForm.KEEP, measure.group("n"), unit=measure.group("u") or "", text=text)
    if re.match(r"(giữ vững|duy trì)\b", whole):
        return Target(TargetForm.KEEP, text=plain(f"{name} {phrase}"))
    if measure is None:
        if re.match(r"hoàn thành\b", whole):
            return Target(TargetForm.MILESTONE, text=plain(f"{name} {phrase}"))
        return None
    figure, unit = measure.group("n"), measure.group("u") or ""
    before = lowered[: measure.start()]
    after = lowered[measure.end() :]
    if re.search(r"(tăng|từ)\s*$", before) and (
        second := re.match(rf"\s*(?:-|–|đến)\s*(?P<n>{NUMBER})", after)
    ):
        return Target(
            TargetForm.FLOOR,
            figure,
            unit=unit,
            text=text,
            reasons=[f"chỉ tiêu là một khoảng, ghi mức thấp {figure}–{second.group('n')}"],
        )
    share_words = re.match(r"\s*(?:trở lên\s*)?(kế hoạch|nguồn vốn|dự toán|chỉ tiêu)", after)
    disbursing = (name + " " + text).casefold().startswith("giải ngân")
    floor = re.search(rf"({_FLOOR_WORDS})\s*$", before) or after.lstrip().startswith("trở lên")
    if unit == "%" and (share_words or (disbursing and floor)):
        strict = bool(re.search(r"trên\s*$", before)) and "trở lên" not in after[:12]
        amount = MEASURE.search(text, measure.end())
        value, amount_unit = None, ""
        if amount is not None and amount.group("u") not in (None, "%"):
            value, amount_unit = (
                amount.group("n"),
                amount.group("u"),
            )  # "… kế hoạch vốn 412,75 tỷ đồng"
        return Target(
            TargetForm.VALUE, value, strict=strict, share=figure, unit=amount_unit, text=text
        )
    if re.search(r"(tăng thêm|tăng|giảm)\b", before):
        lower = "giảm" in re.findall(r"tăng thêm|tăng|giảm", before)[-1]
        return Target(TargetForm.CHANGE, f"-{figure}" if lower else figure, unit=unit, text=text)
    if re.search(rf"({_CEILING_WORDS})\s*$", before):
        strict = bool(re.search(r"dưới\s*$", before))
        return Target(TargetForm.CEILING, figure, strict=strict, unit=unit, text=text)
    if floor:
        strict = bool(re.search(r"trên\s*$", before))
        return Target(TargetForm.FLOOR, figure, strict=strict, unit=unit, text=text)
    return Target(TargetForm.VALUE, figure, unit=unit, text=text)


# ---- results stated in the text -------------------------------------------------------

FIRST_HALF = re.compile(r"0?6 tháng đầu năm|6 tháng đầu năm")
NINE_MONTHS = re.compile(r"0?9 tháng đầu năm")
REST_OF_YEAR = re.compile(r"0?6 tháng cuối năm|những tháng cuối năm|còn lại")
PERCENT_OF_PLAN = re.compile(
    rf"(?:đạt|bằng)\s+(?P<n>{NUMBER})\s*%\s*(?:kế hoạch|chỉ tiêu|dự toán|nghị quyết)", re.I
)
SAME_PERIOD = re.compile(rf"cùng kỳ[^;()\d]*?(?P<n>{NUMBER})\s*%?", re.I)
BASE_CHANGE = re.compile(
    (
        rf"\(\s*(?P<dir>tăng|giảm)\s+(?P<n>{NUMBER})\s*%?\s*so(?: với)?\s+(?P<label>(?:cuối |"
        rf"thời điểm cuối )?năm (?:19|20)\d{{2}})\s*\)"
    ),
    re.I,
)
SAME_AS = re.compile(r"\(\s*bằng (?:thời điểm )?(?P<label>cuối năm (?:19|20)\d{2})\s*\)", re.I)
AS_OF = re.compile(r"(?:đến|tính đến)(?: ngày)?\s+(?P<d>\d{1,2}/\d{1,2}/\d{4})")
ESTIMATE = re.compile(r"\bước\b", re.I)
PLAN_AMOUNT = re.compile(
    rf"kế hoạch vốn(?: năm (?:19|20)\d{{2}})?(?: được)? phân bổ"
    rf"\s+(?P<n>{NUMBER})\s*(?P<u>{_UNIT_RE})?",
    re.I,
)


def period_of(clause: str, year: int) -> str | None:
    """The reporting period a results clause speaks of, as a period code (domain/periods):
    "6 tháng đầu năm" -> 2024-H1, "quý I" -> 2024-Q1, "9 tháng" -> 2024-9T, "tháng 5" ->
    2024-T05."""
    text = clause.casefold()
    if re.search(r"\b0?6 tháng đầu năm", text):
        return f"{year}-H1"
    if m := re.search(r"\bquý (iv|iii|ii|i|[1-4])\b", text):
        return f"{year}-Q{_QUARTERS[m.group(1).upper()]}"
    if re.search(r"\b0?9 tháng", text):
        return f"{year}-9T"
    if m := re.search(r"\btháng (\d{1,2})\b(?!\s*tháng)", text):
        month = int(m.group(1))
        if 1 <= month <= 12:
            return f"{year}-T{month:02d}"
    if (m := AS_OF.search(clause)) and (d := _date(m.group("d"))) and d.month <= 6:
        return f"{year}-H1"
    return None


@dataclass
class Result:
    """One clause of stated results."""

    value: str | None = None
    unit: str = ""
    text: str = ""
    estimate: bool = False
    as_of: date | None = None
    percent_of_plan: str | None = None
    remaining: str | None = None
    same_period: str | None = None
    achieved: bool = False


def result(clause: str) -> Result:
    """What a results clause states: "06 tháng đầu năm đạt 83,50%", "Ước … đạt 31,10%",
    "đạt 44,62% kế hoạch", "6 tháng cuối năm phấn đấu tăng thêm 11,45%", "còn lại …",
    "cùng kỳ …", "đạt và vượt kế hoạch"."""
    text = plain(clause)
    found = Result(estimate=bool(ESTIMATE.search(text)))
    if (same := SAME_PERIOD.search(text)) is not None:
        found.same_period = same.group("n")
        text = text[: same.start()] + " " * len(same.group(0)) + text[same.end() :]
    if (percent := PERCENT_OF_PLAN.search(text)) is not None:
        found.percent_of_plan = percent.group("n")
    if (as_of := AS_OF.search(text)) is not None:
        found.as_of = _date(as_of.group("d"))
    if re.search(r"đạt và vượt", text, re.I):
        found.achieved = True
    masked = text
    for pattern in (PERCENT_OF_PLAN, AS_OF, BASE_CHANGE, SAME_AS):
        masked = pattern.sub(lambda m: " " * len(m.group(0)), masked)
    masked = re.sub(
        r"0?\d+ tháng (?:đầu|cuối) năm|tháng \d{1,2}\b|quý [IVX]+\b|(?:19|20)\d{2}",
        lambda m: " " * len(m.group(0)),
        masked,
        flags=re.I,
    )
    measure = MEASURE.search(masked)
    if measure is not None:
        if REST_OF_YEAR.search(text):
            found.remaining = measure.group("n")
        else:
            found.value = measure.group("n")
        found.unit = measure.group("u") or ""
    return found


@dataclass
class Baseline:
    value: str
    label: str
    derived: str


def baseline(clause: str, level: str | None, unit: str) -> Baseline | None:
    """The starting level a "(tăng 0,15% so với năm 2023)" after `level` implies, or a
    "(bằng thời điểm cuối năm 2023)"."""
    text = plain(clause)
    if level is None:
        return None
    if (same := SAME_AS.search(text)) is not None:
        label = same.group("label")
        return Baseline(level, label, f"văn bản: {level} {unit}, bằng thời điểm {label}".strip())
    change = BASE_CHANGE.search(text)
    if change is None:
        return None
    a, b = figure_value(level), figure_value(change.group("n"))
    if a is None or b is None:
        return None
    sign = -1 if change.group("dir").casefold() == "tăng" else 1
    decimals = max(_decimals(level), _decimals(change.group("n")))
    value = round(a + sign * b, decimals)
    shown = f"{value:.{decimals}f}".replace(".", ",")
    op = "−" if sign < 0 else "+"
    u = "%" if unit == "%" else f" {unit}" if unit else ""
    said = re.sub(r"^\(|\)$", "", change.group(0).strip())
    return Baseline(
        shown, change.group("label"), f"{level}{u} {op} {change.group('n')}{u} (văn bản: {said})"
    )


def _decimals(figure: str) -> int:
    return len(figure.split(",")[1]) if "," in figure else 0


def _date(text: str) -> date | None:
    try:
        day, month, year = (int(p) for p in text.split("/"))
        return date(year, month, day)
    except ValueError:
        return None


# ---- deadlines -------------------------------------------------------------------------

_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
DEADLINES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            (
                r"(?:trước ngày|trước|từ nay đến(?: ngày)?|"
                r"đến(?: ngày)?|chậm nhất(?: là)?(?: ngày)?|"
                r"hạn chót)\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
            ),
            re.I,
        ),
        "day",
    ),
    (
        re.compile(
            r"(?:trước ngày|đến ngày|từ nay đến ngày)\s+"
            r"(?P<d>\d{1,2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4})",
            re.I,
        ),
        "day",
    ),
    (
        re.compile(
            r"(?:đến hết|trong|hết|trước hết) tháng (?P<m>\d{1,2})(?: năm |/)(?P<y>\d{4})", re.I
        ),
        "month",
    ),
    (
        re.compile(
            r"(?:trong |đến hết |đến |hết )?quý (?P<q>IV|III|II|I|[1-4])(?: năm |/)(?P<y>\d{4})",
            re.I,
        ),
        "quarter",
    ),
    (re.compile(r"hoàn thành (?:trong|trước hết|trước) năm (?P<y>\d{4})", re.I), "year"),
    (re.compile(r"^hoàn thành\b[^.;]*?\b(?P<w>trong năm (?P<y>\d{4}))", re.I), "year"),
    (re.compile(r"(?:đến|trước) cuối năm(?: (?P<y>\d{4}))?", re.I), "year_end"),
    (re.compile(r"(?<=phấn đấu )cuối năm(?: (?P<y>\d{4}))?", re.I), "year_end"),
    # "… báo cáo Hội đồng nhân dân tỉnh vào cuối năm." (a sentence's end: not "tập trung vào
    # cuối năm nhằm …", which says when work piles up)
    (re.compile(r"vào (?P<w>cuối năm(?: (?P<y>\d{4}))?)(?=\s*[.;]|\s*$)", re.I), "year_end"),
    (
        re.compile(
            r"định kỳ hàng (?:tháng|quý|năm)(?: và cả năm)?|hàng (?:tháng|quý) và cả năm", re.I
        ),
        "recurring",
    ),
)


@dataclass
class Deadline:
    on: date | None  # None for a recurring duty
    text: str  # verbatim


def deadline(text: str, year: int) -> Deadline | None:
    """The first deadline a task states, with its words as written; `year` for "cuối năm"."""
    best: tuple[int, Deadline] | None = None
    for pattern, kind in DEADLINES:
        if kind == "recurring" and best is not None:
            break  # a date wins over "định kỳ hàng tháng" in the same task
        match = pattern.search(text)
        if match is None or (best is not None and best[0] <= match.start()):
            continue
        found = _deadline(match, kind, year)
        if found is not None:
            best = (match.start(), found)
    return best[1] if best else None


def _deadline(match: re.Match[str], kind: str, year: int) -> Deadline | None:
    g = match.groupdict()
    y = int(g["y"]) if g.get("y") else year
    words = g.get("w") or match.group(0)
    try:
        if kind == "day":
            return Deadline(date(y, int(g["m"]), int(g["d"])), words)
        if kind == "month":
            month = int(g["m"])
            return Deadline(date(y, month, calendar.monthrange(y, month)[1]), words)
        if kind == "quarter":
            last = 3 * _QUARTERS[g["q"].upper()]
            return Deadline(date(y, last, calendar.monthrange(y, last)[1]), words)
        if kind in ("year", "year_end"):
            return Deadline(date(y, 12, 31), words)
    except ValueError:
        return None
    return Deadline(None, words)
