"""The consistency check: silent where figures agree after rounding, precise where not."""

import pytest

from kh65_desktop.domain.consistency import Figure, IndicatorFacts, Row, Severity, Stated, check
from kh65_desktop.domain.terms import StatedKind

PCT, REM = StatedKind.PERCENT_OF_PLAN, StatedKind.REMAINING


def facts(
    target: str | None,
    value: str | None,
    *stated: tuple[StatedKind, float, int],
    localities: tuple[Row, ...] = (),
) -> IndicatorFacts:
    def fig(text: str | None) -> Figure | None:
        return None if text is None else Figure(float(text), len(text.partition(".")[2]))

    claims = tuple(Stated(kind, Figure(v, d)) for kind, v, d in stated)
    return IndicatorFacts(
        "X",
        "Chỉ tiêu X",
        "tỷ đồng",
        "6 tháng",
        Row(None, fig(target), fig(value), claims),
        localities,
    )


def test_agreeing_figures_are_silent() -> None:
    assert check(facts("520", "232", (PCT, 44.62, 2), (REM, 288, 0))) == []
    assert check(facts("4874.53", "2193.81", (PCT, 45, 0), (REM, 2680.72, 2))) == []
    assert check(facts("35", "12", (PCT, 34.29, 2))) == []  # 34,2857 rounds to 34,29


def test_percent_disagreement_outside_rounding_is_found() -> None:
    [finding] = check(facts("6220", "3300", (PCT, 53.03, 2)))
    assert finding.check is PCT
    assert finding.stated == 53.03
    assert finding.computed == pytest.approx(53.0547, abs=1e-4)
    assert finding.severity is Severity.MEDIUM
    assert "53,03%" in finding.message and "53,05%" in finding.message


def test_large_gap_is_high_severity() -> None:
    [finding] = check(facts("6220", "3300", (REM, 2640, 0)))
    assert finding.computed == pytest.approx(2920)
    assert finding.difference == pytest.approx(-280)
    assert finding.severity is Severity.HIGH


def test_gap_explained_by_rounded_inputs_is_low_severity() -> None:
    [finding] = check(facts("1289", "892", (PCT, 69.19, 2)))
    assert finding.severity is Severity.LOW


def test_percent_without_target_uses_the_implied_plan() -> None:
    # NTM capital: 147,47 disbursed, 43,99% of plan, 187,73 to go: consistent.
    assert check(facts(None, "147.47", (PCT, 43.99, 2), (REM, 187.73, 2))) == []
    [finding] = check(facts(None, "147.47", (PCT, 45.00, 2), (REM, 187.73, 2)))
    assert finding.check is PCT


def district(name: str, target: float, value: float, *stated: tuple[StatedKind, float, int]) -> Row:
    return Row(
        name,
        Figure.of(target),
        Figure.of(value),
        tuple(Stated(k, Figure(v, d)) for k, v, d in stated),
    )


def test_district_rows_and_totals() -> None:
    rows = (
        district("A", 150, 59, (PCT, 39.33, 2), (REM, 91, 0)),
        district("B", 45, 18, (PCT, 40.00, 2), (REM, 27, 0)),
    )
    ok = facts("195", "77", (StatedKind.TOTAL_TARGET, 195, 0), localities=rows)
    assert check(ok) == []
    bad_row = (district("A", 150, 59, (PCT, 39.93, 2)), rows[1])
    [finding] = check(facts("195", "77", localities=bad_row))
    assert finding.locality == "A"
    short = facts("200", "80", (StatedKind.TOTAL_TARGET, 200, 0), localities=rows)
    found = {(f.check, f.stated) for f in check(short)}
    assert found == {(StatedKind.TOTAL_TARGET, 200), (StatedKind.TOTAL_VALUE, 80)}
