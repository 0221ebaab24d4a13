"""The clerk's narrative sections of a report, as the report builder receives them.

Where they come from (the database, a package, a `--sections` file) is not this module's
concern: the builder prints what it is given, and prints nothing for an empty section.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .terms import SectionKind


@dataclass(frozen=True)
class AgencyTexts:
    """One agency's sections for one period. `agency_name` is "" for the consolidating
    office's own texts in the province report. `sections` holds every kind but TASK_RESULT;
    `task_results` maps a task's code to what was done on it."""

    agency_name: str
    sections: dict[SectionKind, str] = field(default_factory=dict)
    task_results: dict[str, str] = field(default_factory=dict)

    def text(self, kind: SectionKind) -> str:
        return self.sections.get(kind, "").strip()

    @property
    def empty(self) -> bool:
        return not any(t.strip() for t in (*self.sections.values(), *self.task_results.values()))
