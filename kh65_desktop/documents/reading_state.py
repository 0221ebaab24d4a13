"""What one reading of a document keeps as it walks (reader._Reader sets it up): the state
every part of the reader (plan_details, plan_groups, plan_indicators, results_section,
indicator_tables, plan_tasks) reads and adds to."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .agency_names import AgencyNames, AgencyRef
from .items import FoundItem
from .paragraphs import Para
from .text import DocumentText

if TYPE_CHECKING:
    from .plan_groups import Group


class ReadingState:
    """The found items so far and where the walk is; the parts call each other's methods
    (a table makes groups and indicators, a task names agencies) through the one reader."""

    document: DocumentText
    names: AgencyNames  # the agencies known, and those proposed as new while reading
    known: dict[str, str]  # code -> name of the agencies the database knows
    progress: Callable[[int, int], None] | None
    paras: list[Para]
    items: list[FoundItem]
    groups: list[Group]
    agency_mentions: dict[str, Para]  # an agency's code -> the paragraph first naming it
    year: int  # the plan's year (from its title, else its date)
    owner: AgencyRef | None  # the agency the plan's reports are sent to
    localities: dict[str, dict[str, Any]]  # code -> locality named in a table
    signed_at: int | None  # the paragraph the signature block starts at

    def _period(self, which: str) -> str:
        """A period's code in the plan's year ("H1" -> "2024-H1")."""
        return {"H1": f"{self.year}-H1"}.get(which, which)
