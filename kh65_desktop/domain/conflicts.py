"""When a received figure differs from ours: replace ours, or ask the clerk (a conflict).

No clock can be trusted alone: a figure's `entered_at` is the clock of the office that
entered it, which may be years off (a stamp of 9999-12-31 used to win every conflict), and
this machine's clock may be set back. So every figure here also carries `received_at`, the
time it was written into this database on this machine's clock, and the rule is:

1. A stamp in a received file more than `FUTURE_TOLERANCE` after this machine's "now" is
   refused (the row is not imported): one of the two clocks is wrong, and the clerk is told
   which row and to check the date and time.
2. Our figure is kept (a conflict, the clerk may still take theirs) when it is later on
   *either* clock:
   - the offices' clocks: our `entered_at` is after theirs. Our stamp is not believed beyond
     the moment it reached this database (`received_at`) or beyond now, plus the tolerance —
     a future stamp stored by an older version counts as its receipt time;
   - this machine's clock: our figure was received here after theirs was entered, with
     theirs brought onto this clock through the file's own age (the file was made
     `created_at - entered_at` after the figure was entered, and it reached us now, so the
     figure was entered at the latest `now - (created_at - entered_at)` here). Both times
     are then read on this machine's clock, so a sender's clock that is off cancels out.
   Otherwise theirs replaces ours (a change). Equal figures are unchanged.

An Excel template carries what each figure was when it was exported, so it needs no clock:
a row the filler did not change is unchanged whatever happened here since, and a row the
filler changed is a conflict if ours changed since the export too (`template_action`).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from enum import StrEnum

FUTURE_TOLERANCE = timedelta(minutes=10)  # docs/exchange-format.md

_LATEST = datetime.max.replace(tzinfo=UTC)
_EARLIEST = datetime.min.replace(tzinfo=UTC)


def utc(moment: datetime | None) -> datetime | None:
    """A time in UTC; one without a zone is taken as UTC (the database stores UTC). A time
    at the end of the calendar whose zone pushes it past year 9999 is the latest there is."""
    if moment is None or moment.tzinfo is UTC:
        return moment
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        return _LATEST if moment.year > 1 else _EARLIEST


def too_late(moment: datetime | None, now: datetime) -> bool:
    """A stamp from a file that lies in this machine's future, beyond the tolerance."""
    return moment is not None and moment > now + FUTURE_TOLERANCE


def believed(entered: datetime | None, received: datetime | None, now: datetime) -> datetime | None:
    """Our figure's entry stamp as far as it can be believed: never after it reached this
    database (or after now), give or take the tolerance."""
    if entered is None:
        return received
    limit = min(received, now) if received is not None else now
    return received if entered > limit + FUTURE_TOLERANCE else entered


def ours_is_later(
    ours_entered: datetime | None,
    ours_received: datetime | None,
    theirs_entered: datetime | None,
    file_made: datetime | None,
    now: datetime,
) -> bool:
    """True when our (different) figure must be kept unless the clerk says otherwise; all
    times aware. See the module docstring."""
    received = min(ours_received, now) if ours_received is not None else None
    entered = believed(ours_entered, received, now)
    theirs = theirs_entered or file_made
    if theirs is None:
        return entered is not None  # a figure with no time at all never silently replaces
    if entered is not None and entered > theirs:
        return True  # later on the offices' clocks
    if received is None:
        return False
    age = max((file_made - theirs) if file_made is not None else timedelta(0), timedelta(0))
    return received > now - age  # later on this machine's clock


class TemplateVerdict(StrEnum):
    UNCHANGED = "unchanged"  # the filler left it as exported, or typed what is here
    CHANGE = "change"
    CONFLICT = "conflict"  # the filler and this database both changed it since the export


def template_action(
    theirs: tuple[float | None, bool],
    at_export: tuple[float | None, bool],
    ours: tuple[float | None, bool] | None,
    ours_changed_since: bool,
) -> TemplateVerdict:
    """A template row against what it was at export (value, estimate) and what is here now
    (None: nothing); `ours_changed_since`: ours differs from the export or was stored later
    (not by an earlier import of the same template)."""
    if same_figure(theirs, at_export):
        return TemplateVerdict.UNCHANGED  # never reverts later work here
    if ours is None:  # removed here since the export, or never there
        return TemplateVerdict.CHANGE if at_export[0] is None else TemplateVerdict.CONFLICT
    if same_figure(theirs, ours):
        return TemplateVerdict.UNCHANGED
    return TemplateVerdict.CONFLICT if ours_changed_since else TemplateVerdict.CHANGE


def same_figure(a: tuple[float | None, bool], b: tuple[float | None, bool]) -> bool:
    """(value, estimate) pairs equal, values to within rounding noise."""
    if a[1] != b[1]:
        return False
    if a[0] is None or b[0] is None:
        return a[0] is b[0]
    return abs(a[0] - b[0]) < 1e-9
