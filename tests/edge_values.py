"""Databases holding the extremes: every edge value the checks allow (domain/figure_rules.py),
and, apart, what today's bugs could already have stored (1e300, a target of 0)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kh65_desktop.domain.figure_rules import DEFAULT_LIMIT, MAX_ABS, TEXT_LIMITS
from kh65_desktop.storage.database import open_database

BIGGEST = float(MAX_ABS - 1)  # 999.999.999.999.999
LOWEST = -float(MAX_ABS - 1)
VIETNAMESE = "Đường ĐT.912 – Ước thực hiện “ngày 04/7/2024”: Khmer ổn định; ỹ ữ ẫ ặ"


def longest(field: str, seed: str = VIETNAMESE) -> str:
    """Vietnamese text of the field's maximal length (multi-line fields with a newline)."""
    limit = TEXT_LIMITS.get(field, DEFAULT_LIMIT)
    text = (seed + ("\n\t" if field in ("note", "text") else " ")) * (limit // len(seed) + 2)
    return text[:limit]


def _seed(path: Path, statements: list[tuple[str, tuple]]) -> Path:
    open_database(path).dispose()  # the built-in plan, loaded the normal way
    with sqlite3.connect(path) as db:
        for sql, parameters in statements:
            db.execute(sql, parameters)
    return path


def _ind(code: str) -> str:
    return f"(SELECT id FROM indicator WHERE code = '{code}')"


_P1 = "(SELECT id FROM period WHERE code = '2024-H1')"
_P2 = "(SELECT id FROM period WHERE code = '2024-Q3')"
_LOCALITY = "(SELECT id FROM locality WHERE code = 'TPTV')"


def _figure(code: str, period: str, value: float | None, text: str = "") -> tuple[str, tuple]:
    return (
        f"INSERT OR REPLACE INTO reported_value (indicator_id, period_id, locality_id, value, "
        f"text, achieved, is_estimate, as_of, note, entered_by, entered_at) VALUES "
        f"({_ind(code)}, {period}, NULL, ?, ?, NULL, 1, '2024-09-30', ?, ?, "
        "'2024-10-01 08:00:00.000000')",
        (value, text, longest("note"), longest("entered_by")),
    )


def seed_edge_database(path: Path) -> Path:
    """Plan 65, a second period, and every extreme the rules allow."""
    set_ind = "UPDATE indicator SET {} WHERE code = ?"
    return _seed(
        path,
        [
            (
                "INSERT INTO period (plan_id, code, name, kind, starts_on, ends_on, cutoff_on) "
                "VALUES (1, '2024-Q3', ?, 'nine_months', '2024-01-01', '2024-09-30', "
                "'2024-09-14')",
                (longest("name", "9 tháng năm 2024 "),),
            ),
            _figure("II.6.1", _P2, BIGGEST),  # an amount at the largest figure
            _figure("II.4.2", _P2, LOWEST),  # a change may be negative: at the lowest
            _figure("II.9.4", _P2, -1000.0),  # a change in % at the lowest rate
            _figure("I.1", _P2, -999.5),  # a growth rate below zero
            _figure("II.5.3", _P2, 1000.0),  # a rate of 1000%
            _figure("II.3.1", _P2, 0.0),  # nothing yet
            _figure("II.8.2", _P2, 0.000001),  # the tiniest decimal
            _figure("II.2.1", _P2, 12.5),  # its target removed below
            _figure("II.1.1", _P2, 94.8),  # its baseline equals its target below
            _figure("II.9.3", _P2, 3.0),  # a "less is better" level with a target of 0
            _figure("II.4.4", _P2, None, longest("text")),  # qualitative, longest text
            _figure("II.5.1", _P2, 7.0, ""),  # empty texts around it
            (set_ind.format("target_value = NULL"), ("II.2.1",)),
            (set_ind.format("baseline_value = 94.8, target_value = 94.8"), ("II.1.1",)),
            (set_ind.format("target_value = 0"), ("II.9.3",)),
            (set_ind.format("target_value = ?"), (BIGGEST, "II.5.2")),
            (set_ind.format("target_share = 1000"), ("II.3.1",)),
            (
                set_ind.format("name = ?, unit = ?, note = ?, target_text = ?"),
                (longest("name"), longest("unit"), longest("note"), longest("target_text"), "I.2"),
            ),
            (set_ind.format("unit = '', note = ''"), ("II.5.1",)),
            (
                "UPDATE agency SET name = ? WHERE code = 'SCT'",
                (longest("name", "Sở Công Thương tỉnh Trà Vinh "),),
            ),
            ("UPDATE locality SET name = ? WHERE code = 'TPTV'", (longest("name"),)),
            (
                "UPDATE task SET text = ?, note = ?, lead_in = ?, deadline_text = ? "
                "WHERE id = (SELECT MIN(id) FROM task)",
                (longest("text"), longest("note"), longest("lead_in"), longest("deadline_text")),
            ),
            (
                "UPDATE locality_target SET target_value = ? WHERE locality_id = " + _LOCALITY,
                (BIGGEST,),
            ),
            (
                "UPDATE reported_value SET value = 0 WHERE locality_id = " + _LOCALITY,
                (),
            ),
        ],
    )


def seed_poisoned_database(path: Path) -> Path:
    """What a database could hold before the checks: 1e300, a 30-digit figure, a target 0."""
    set_ind = "UPDATE indicator SET {} WHERE code = ?"
    return _seed(
        path,
        [
            ("UPDATE reported_value SET value = 1e300 WHERE indicator_id = " + _ind("II.6.1"), ()),
            ("UPDATE reported_value SET value = -1e300 WHERE indicator_id = " + _ind("I.1"), ()),
            ("UPDATE reported_value SET value = 1e30 WHERE indicator_id = " + _ind("II.2.1"), ()),
            ("UPDATE reported_value SET value = 0 WHERE indicator_id = " + _ind("II.8.2"), ()),
            (set_ind.format("target_value = 0"), ("II.3.1",)),
            (set_ind.format("target_value = 0"), ("II.8.2",)),
            (set_ind.format("target_value = 0, baseline_value = 0"), ("II.1.2",)),
            (set_ind.format("target_value = 1e300"), ("II.5.2",)),
            # control characters and a lone surrogate, typed or imported before the text rules
            (
                set_ind.format("name = ?, note = ?"),
                ("Thu\x00 từ\x1b XNK", "a\x07b", "II.6.2"),
            ),
            ("UPDATE agency SET name = ? WHERE code = 'STC'", ("Sở Tài\x0b chính",)),
            (
                "UPDATE task SET text = ? WHERE id = (SELECT MIN(id) FROM task)",
                ("Nhiệm vụ\x0c\x01 có ký tự điều khiển",),
            ),
            (
                "UPDATE reported_value SET note = 'ghi\x02chú' WHERE indicator_id = "
                + _ind("II.6.2"),
                (),
            ),
            (
                "UPDATE locality_target SET target_value = 0 WHERE locality_id = " + _LOCALITY,
                (),
            ),
            (
                "UPDATE reported_value SET value = 1e300 WHERE locality_id = " + _LOCALITY,
                (),
            ),
        ],
    )
