"""When a locality (or an agency) is valid: from and to, both inclusive, None for "always"
on that side. Pure functions; the organisation model may absorb them."""

from __future__ import annotations

from datetime import date


def valid_on(valid_from: date | None, valid_to: date | None, day: date) -> bool:
    """Whether it exists on `day`."""
    return (valid_from is None or valid_from <= day) and (valid_to is None or valid_to >= day)


def valid_during(
    valid_from: date | None, valid_to: date | None, starts_on: date, ends_on: date
) -> bool:
    """Whether it exists on some day of [starts_on, ends_on] (a plan's year): a district
    that ended on 30/6/2025 still counts for a 2025 plan, not for a 2026 one."""
    return (valid_from is None or valid_from <= ends_on) and (
        valid_to is None or valid_to >= starts_on
    )
