"""Files for other offices: what an agency sends (package, Excel template, CSV), and reading
a received file into exchange data."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from ..domain.conflicts import believed, utc
from ..domain.figure_rules import printable
from ..domain.numbers import format_number
from ..domain.terms import AgencyKind, Role
from ..exchange.checks import check_received
from ..exchange.csv_file import write_csv
from ..exchange.data import (
    ExchangeData,
    ExchangeError,
    PeriodData,
    TargetData,
    TaskData,
    TextData,
    ValueData,
)
from ..exchange.excel import TemplateRow, read_template, write_template
from ..exchange.package import SUFFIX, read_package, write_package
from ..exchange.signing import keys_folder, office_key
from ..storage.assignments import led_tasks
from ..storage.models import (
    Agency,
    GroupAgency,
    Indicator,
    IndicatorGroup,
    Locality,
    Period,
    Plan,
    ReportedValue,
    ReportText,
)
from .bulk import paused_gc
from .carried_plan import owner_plan_file
from .exchange_reviews import export_reviews, mark_sent
from .exchange_same_period import export_same_period
from .organisations import agency_name_for
from .plan_service import PlanService


def export_data(
    engine: Engine,
    plan: Plan,
    agency: Agency,
    period: Period | None = None,
    definitions: bool = False,
) -> ExchangeData:
    """An agency's figures: the indicators it leads (all localities), and, for a district,
    its own locality's figures; the statuses of the tasks it leads. With `definitions` (the
    planning department sending the plan), every indicator's definition and target too."""
    with Session(engine) as session:
        led = set(
            session.exec(
                select(Indicator.id)
                .join(GroupAgency, col(GroupAgency.group_id) == Indicator.group_id)
                .where(
                    Indicator.plan_id == plan.id,
                    GroupAgency.agency_id == agency.id,
                    GroupAgency.role == Role.LEAD,
                )
            )
        )
        indicators = {
            i.id: i for i in session.exec(select(Indicator).where(Indicator.plan_id == plan.id))
        }
        periods = {p.id: p for p in session.exec(select(Period).where(Period.plan_id == plan.id))}
        localities = {loc.id: loc for loc in session.exec(select(Locality))}
        query = select(ReportedValue).where(col(ReportedValue.indicator_id).in_(indicators))
        if period is not None:
            query = query.where(ReportedValue.period_id == period.id)
        own_locality = agency.locality_id if agency.kind is AgencyKind.DISTRICT else None
        values = [
            v
            for v in session.exec(query)
            if v.indicator_id in led or (own_locality and v.locality_id == own_locality)
        ]
        tasks = led_tasks(session, plan.id, agency.id)
        same = export_same_period(session, plan, led, own_locality, period, datetime.now(UTC))
        texts = _texts_of(session, plan, agency, period)
    same_codes = {s.period for s in same}
    task_codes = {t.id: t.code for t in tasks}  # a result is sent for a task it leads
    used = (
        {v.period_id for v in values}
        | {p.id for p in periods.values() if p.code in same_codes}
        | {t.period_id for t in texts}
    )
    defined = _definitions(engine, plan) if definitions else []
    # the owner sending its definitions sends the plan itself, for offices that lack it
    carried = owner_plan_file(engine, plan, agency) if definitions else ""
    now = datetime.now(UTC)
    return ExchangeData(
        plan.code,
        agency.code,
        agency_name_for(engine, agency, plan, period),  # its name at the period's end
        datetime.now(UTC),
        periods=[
            PeriodData(p.code, p.name, p.kind.value, p.starts_on, p.ends_on, p.cutoff_on)
            for p in sorted(periods.values(), key=lambda p: p.ends_on)
            if p.id in used
        ],
        values=[
            ValueData(
                indicators[v.indicator_id].code,
                periods[v.period_id].code,
                localities[v.locality_id].code if v.locality_id else None,
                v.value,
                v.text,
                v.achieved,
                v.is_estimate,
                v.as_of,
                v.note,
                v.entered_by,
                # a stamp later than its receipt here is not passed on (domain/conflicts.py)
                believed(utc(v.entered_at), utc(v.received_at), now),
            )
            for v in values
        ],
        tasks=[
            TaskData(t.code, t.status.value, t.note, t.updated_by, utc(t.updated_at)) for t in tasks
        ],
        definitions=defined,
        plan_file=carried,
        same_period=same,
        texts=[
            TextData(
                periods[t.period_id].code,
                t.kind.value,
                task_codes.get(t.task_id) if t.task_id else None,
                t.text,
                t.updated_by,
                utc(t.updated_at),
            )
            for t in texts
            if t.task_id is None or t.task_id in task_codes
        ],
    )


def _texts_of(
    session: Session, plan: Plan, agency: Agency, period: Period | None
) -> list[ReportText]:
    """The agency's own report sections, of one period or of all the plan's."""
    query = (
        select(ReportText)
        .join(Period)
        .where(Period.plan_id == plan.id, ReportText.agency_id == agency.id)
        .order_by(col(Period.ends_on), col(ReportText.id))
    )
    if period is not None:
        query = query.where(ReportText.period_id == period.id)
    return list(session.exec(query))


def _definitions(engine: Engine, plan: Plan) -> list[TargetData]:
    with Session(engine) as session:
        groups = {
            g.id: g.code
            for g in session.exec(select(IndicatorGroup).where(IndicatorGroup.plan_id == plan.id))
        }
        indicators = session.exec(
            select(Indicator)
            .where(Indicator.plan_id == plan.id)
            .order_by(col(Indicator.group_id), col(Indicator.position))
        )
        return [
            TargetData(
                i.code,
                groups[i.group_id],
                i.name,
                i.unit,
                i.kind.value,
                i.direction.value,
                i.target_form.value,
                i.target_value,
                i.target_strict,
                i.target_share,
                i.target_text,
            )
            for i in indicators
        ]


def template_rows(
    plans: PlanService, plan: Plan, agency: Agency, period: Period
) -> list[TemplateRow]:
    """The rows of an agency's Excel template: its indicators with targets and last figures;
    for a district, the indicators broken down by locality, for its own locality."""
    rows = plans.indicator_rows(plan, period)
    result = []
    if agency.kind is AgencyKind.DISTRICT and agency.locality_id:
        for indicator in plans.breakdown_indicators(plan):
            assert indicator.id is not None
            breakdown = plans.breakdown(plan, indicator.id, period)
            mine = next((r for r in breakdown.rows if r.locality_id == agency.locality_id), None)
            locality = plans.get(Locality, agency.locality_id)
            if mine is not None and locality is not None:
                result.append(
                    TemplateRow(
                        indicator.code,
                        indicator.name,
                        indicator.unit,
                        format_number(mine.target),
                        mine.value,
                        period.name,
                        mine.value,
                        mine.is_estimate,
                        locality.code,
                    )
                )
        return result
    for row in rows:
        if agency.id not in row.lead_ids or row.kind.value == "qualitative":
            continue
        latest = row.latest
        here = latest is not None and latest.period_id == period.id
        result.append(
            TemplateRow(
                row.code,
                row.name,
                row.unit,
                row.target_display,
                latest.value if latest else None,
                latest.period_name if latest else "",
                latest.value if here and latest else None,
                bool(here and latest and latest.is_estimate),
            )
        )
    return result


def export_file(
    plans: PlanService,
    plan: Plan,
    agency: Agency,
    period: Period | None,
    out: Path,
    definitions: bool = False,
    passphrase: str | None = None,
    keys: Path | None = None,
) -> Path:
    """.kh65 package, .xlsx fill-in template or .csv table, by the file's extension. A
    package is signed with the agency's key (made the first time; `passphrase` protects a
    new one and opens an existing one; `keys`: the keys folder, exchange/signing.py)."""
    suffix = out.suffix.lower()
    if suffix == SUFFIX:
        data = export_data(plans.engine, plan, agency, period, definitions)
        key = office_key(keys_folder(keys), agency.code, data.sender_name, passphrase)
        with Session(plans.engine) as session:  # the planners' returns go out, then are sent
            data.reviews, returns = export_reviews(session, plan, agency)
        written = write_package(data, out, key)
        mark_sent(plans.engine, returns, datetime.now(UTC))
        return written
    period = period or plans.periods(plan)[-1]
    if suffix == ".xlsx":
        info = PeriodData(
            period.code,
            printable(period.name),
            period.kind.value,
            period.starts_on,
            period.ends_on,
            period.cutoff_on,
        )
        return write_template(
            out,
            plan.code,
            plan.number,
            agency.code,
            printable(agency.name),
            info,
            [
                replace(r, name=printable(r.name), unit=printable(r.unit))
                for r in template_rows(plans, plan, agency, period)
            ],  # text stored before the text rules: Excel refuses control characters
        )
    if suffix == ".csv":
        rows = template_rows(plans, plan, agency, period)
        return write_csv(
            out,
            ["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Số gần nhất", "Kỳ"],
            [
                [r.code, r.name, r.unit, r.target, format_number(r.last_value), r.last_period]
                for r in rows
            ],
        )
    raise ExchangeError(out, "chỉ xuất được tệp .kh65, .xlsx hoặc .csv.")


@paused_gc()
def read_file(path: Path, clerk: str) -> ExchangeData:
    """A received file: a .kh65 package or a filled-in .xlsx template."""
    if not path.exists():
        raise ExchangeError(path, "không tìm thấy tệp.")
    suffix = path.suffix.lower()
    if suffix == SUFFIX:
        return check_received(read_package(path))
    if suffix == ".xlsx":
        return check_received(read_template(path, clerk))
    raise ExchangeError(path, "chỉ nhập được gói dữ liệu .kh65 hoặc mẫu Excel .xlsx.")
