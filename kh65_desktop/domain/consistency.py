"""Compare each figure a document states with the one that follows from its other figures.

A stated figure agrees when the computed value, rounded to the decimals the document
showed, equals it: then nothing is reported. A disagreement is reported with a severity:
- low: the gap could come from the rounding of the inputs themselves (892 tỷ may be 891,9);
- medium: outside any rounding, but under 1% of the computed value;
- high: 1% or more.
The app never corrects the document: findings sit beside the stated figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .numbers import format_number, round_half_up
from .terms import StatedKind

HIGH_SHARE = 0.01


class Severity(StrEnum):
    """How much a disagreement matters."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def label(self) -> str:
        return {"low": "Thấp", "medium": "Trung bình", "high": "Cao"}[self]


@dataclass(frozen=True)
class Interval:
    """The range a rounded figure may stand for."""

    low: float
    high: float

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def percent_of(self, whole: Interval) -> Interval | None:
        """self / whole * 100, for positive figures."""
        if whole.low <= 0 or self.low < 0:
            return None
        return Interval(self.low / whole.high * 100, self.high / whole.low * 100)

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high + 1e-9 and other.low <= self.high + 1e-9


@dataclass(frozen=True)
class Figure:
    """A number with the decimals it was shown with."""

    value: float
    decimals: int

    @classmethod
    def of(cls, value: float) -> Figure:
        """A stored number, taking the fewest decimals that write it exactly."""
        for decimals in range(7):
            if abs(round(value, decimals) - value) < 1e-9:
                return cls(value, decimals)
        return cls(value, 6)

    @property
    def interval(self) -> Interval:
        half = 0.5 * 10**-self.decimals
        return Interval(self.value - half, self.value + half)

    def __str__(self) -> str:
        return format_number(self.value, self.decimals)


@dataclass(frozen=True)
class Stated:
    """A derived figure the document states."""

    kind: StatedKind
    figure: Figure
    source: str = ""
    quote: str = ""


@dataclass(frozen=True)
class Row:
    """An indicator's figures for one period, for the province or one locality."""

    locality: str | None
    target: Figure | None
    value: Figure | None
    stated: tuple[Stated, ...] = ()


@dataclass(frozen=True)
class IndicatorFacts:
    """What the consistency check reads about one indicator in one period."""

    code: str
    name: str
    unit: str
    period: str
    province: Row
    localities: tuple[Row, ...] = ()


@dataclass(frozen=True)
class Finding:
    """One disagreement between a stated and a computed figure."""

    indicator_code: str
    indicator_name: str
    period: str
    check: StatedKind
    locality: str | None
    stated: float
    computed: float
    severity: Severity
    message: str
    source: str = ""
    quote: str = ""

    @property
    def difference(self) -> float:
        return self.stated - self.computed


@dataclass
class _Derived:
    """A computed value, its range under input rounding, and how it was computed."""

    exact: float
    bounds: Interval | None
    how: str
    unit: str = field(default="")


def check(facts: IndicatorFacts) -> list[Finding]:
    """Every disagreement in one indicator's figures; empty when all agree after rounding."""
    findings: list[Finding] = []
    province = facts.province
    rows = [(row, row.stated) for row in facts.localities]
    rows.insert(0, (province, (*province.stated, *_province_totals(facts))))
    for row, claims in rows:
        for stated in claims:
            derived = _derive(stated.kind, row, facts)
            if derived is not None:
                finding = _compare(facts, row.locality, stated, derived)
                if finding:
                    findings.append(finding)
    return findings


def _province_totals(facts: IndicatorFacts) -> tuple[Stated, ...]:
    """The province's own target and value, to be checked against the districts' sums."""
    if not facts.localities:
        return ()
    province = facts.province
    claims = []
    for kind, figure in (
        (StatedKind.TOTAL_TARGET, province.target),
        (StatedKind.TOTAL_VALUE, province.value),
    ):
        repeated = any(
            s.kind is kind and s.figure.value == getattr(figure, "value", None)
            for s in province.stated
        )
        if figure is not None and not repeated:
            claims.append(Stated(kind, figure, "số liệu toàn tỉnh"))
    return tuple(claims)


def _derive(kind: StatedKind, row: Row, facts: IndicatorFacts) -> _Derived | None:
    target, value = row.target, row.value
    if kind is StatedKind.PERCENT_OF_PLAN and value is not None:
        if target is not None and abs(target.value) < 1e-9:
            return None  # a target of 0 (stored before the figure rules): no % to compare
        if target is not None:
            return _Derived(
                value.value / target.value * 100,
                value.interval.percent_of(target.interval),
                f"{value} / {target} {facts.unit}",
                "%",
            )
        remaining = _stated(row, StatedKind.REMAINING)
        if remaining is not None:  # no target given: the one implied by value + remaining
            whole = value.value + remaining.value
            if abs(whole) < 1e-9:
                return None
            return _Derived(
                value.value / whole * 100,
                value.interval.percent_of(value.interval + remaining.interval),
                f"{value} / ({value} + {remaining}) {facts.unit}",
                "%",
            )
    if kind is StatedKind.REMAINING and target is not None and value is not None:
        return _Derived(
            target.value - value.value,
            target.interval - value.interval,
            f"{target} − {value}",
            facts.unit,
        )
    if kind is StatedKind.TOTAL_TARGET and facts.localities:
        return _sum([r.target for r in facts.localities], "kế hoạch", facts.unit)
    if kind is StatedKind.TOTAL_VALUE and facts.localities:
        return _sum([r.value for r in facts.localities], "thực hiện", facts.unit)
    return None


def _stated(row: Row, kind: StatedKind) -> Figure | None:
    return next((s.figure for s in row.stated if s.kind is kind), None)


def _sum(figures: list[Figure | None], what: str, unit: str) -> _Derived | None:
    present = [f for f in figures if f is not None]
    if not present:
        return None
    bounds = present[0].interval
    for figure in present[1:]:
        bounds = bounds + figure.interval
    return _Derived(
        sum(f.value for f in present), bounds, f"tổng {what} của {len(present)} địa phương", unit
    )


def _compare(
    facts: IndicatorFacts, locality: str | None, stated: Stated, derived: _Derived
) -> Finding | None:
    shown = stated.figure
    if abs(round_half_up(derived.exact, shown.decimals) - shown.value) < 1e-9:
        return None
    if derived.bounds is not None and derived.bounds.overlaps(shown.interval):
        severity = Severity.LOW
    elif abs(derived.exact - shown.value) >= HIGH_SHARE * max(abs(derived.exact), 1e-9):
        severity = Severity.HIGH
    else:
        severity = Severity.MEDIUM
    unit = "%" if derived.unit == "%" else f" {derived.unit}".rstrip()
    computed_text = format_number(derived.exact, shown.decimals)
    where = f" ({locality})" if locality else ""
    message = (
        f"{facts.name}{where}: văn bản ghi {stated.kind.label.lower()} là {shown}{unit}, "
        f"nhưng tính từ {derived.how} được {computed_text}{unit}."
    )
    return Finding(
        facts.code,
        facts.name,
        facts.period,
        stated.kind,
        locality,
        shown.value,
        derived.exact,
        severity,
        message,
        stated.source,
        stated.quote,
    )
