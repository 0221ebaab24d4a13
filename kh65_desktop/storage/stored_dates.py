"""Dates and times as the database stores them, converted in bulk.

The models' dates and times are stored as ISO text ("2024-06-14",
"2024-06-14 08:30:00.000000"); SQLModel's UTCDateTime stores a time in UTC without a zone
and reads it back as an aware UTC time. Converting through SQLAlchemy's per-value processors
costs microseconds each, which an import of 100.000 figures pays four times over; these
functions write and read the same text and values (tests/test_figures.py compares them with
SQLAlchemy's own). A time without a zone is taken as UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import Enum
from typing import Any


def to_stored_date(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def to_stored_time(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.isoformat(" ", "microseconds")
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None).isoformat(" ", "microseconds")  # faster than with a zone


def from_stored_date(raw: str | date | None) -> date | None:
    """A stored date; PostgreSQL's driver hands a date already."""
    if raw is None or isinstance(raw, date):
        return raw
    return date.fromisoformat(raw)


def from_stored_time(raw: str | datetime | None) -> datetime | None:
    """A stored time as the ORM reads it: aware, in UTC (PostgreSQL's driver hands an aware
    time already)."""
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return raw.astimezone(UTC) if raw.tzinfo else raw.replace(tzinfo=UTC)
    return datetime.fromisoformat(raw + "+00:00")  # 4× .replace()


def as_stored(value: Any) -> Any:
    """A field's value as the database holds it, to compare or keep as JSON: enums by their
    value, times as their stored UTC text, dates as ISO text."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return to_stored_time(value)
    if isinstance(value, date):
        return to_stored_date(value)
    return value
