"""A year's summary as input for ESRS S2 reporting: the cycles with results, their
priorities per theme, and the agreements made about them. Reads only."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from ..clock import today
from ..extensions import db
from ..links import links
from ..questionnaires.starter import THEMES
from ..surveys.models import SurveyCycle
from ..tenancy import scoped
from .dashboard import is_priority
from .queries import cycle_cells, figures_to_show, figures_visible, sharings_of
from .settings import settings_for


def _in_year(year: int) -> sa.Select:
    return scoped(SurveyCycle).where(SurveyCycle.starts_on >= date(year, 1, 1),
                                     SurveyCycle.starts_on <= date(year, 12, 31))


def summary_cycles(year: int, user) -> list[SurveyCycle]:
    """The cycles whose figures the year's summary shows: those with results the
    user may see. The routes record them as shown before ``year_summary``."""
    return list(db.session.scalars(_in_year(year).where(figures_to_show(user))
                                   .order_by(SurveyCycle.starts_on)))


def year_summary(year: int, cycles: list[SurveyCycle], user) -> dict:
    """What the year's summary shows about ``cycles`` (``summary_cycles``). A read:
    the routes that show it have recorded the receipt for them first."""
    in_year = _in_year(year)
    still_open = db.session.scalar(in_year.where(~figures_visible(user))
                                   .with_only_columns(sa.func.count(SurveyCycle.id)))
    priority_pct = settings_for(user.company_id)[0]
    series = cycle_cells(cycles)
    by_theme: dict[str, int] = {}
    priorities_of: dict[int, int] = {}
    for item in series:
        priorities_of[item.cycle.id] = 0
        for question in item.cycle.version.questions:
            cell = item.cells.get(question.code)
            if cell is not None and is_priority(cell, priority_pct):
                by_theme[question.theme] = by_theme.get(question.theme, 0) + 1
                priorities_of[item.cycle.id] += 1
    agreed = links().agreements_for([item.cycle.id for item in series])
    by_action_theme: dict[str, dict[str, int]] = {}
    for action in agreed:
        themes_of = {q.theme for q in action.dialogue.cycle.version.questions
                     if q.code in (action.codes or [])} or {"other"}
        state = "overdue" if action.overdue(today()) else action.status.value
        for theme in themes_of:
            counts = by_action_theme.setdefault(theme, {})
            counts[state] = counts.get(state, 0) + 1
    # The first time each cycle's results were shared with its workers, if recorded.
    shared_on = {cycle_id: records[0].shared_on
                 for cycle_id, records in sharings_of(priorities_of).items() if records}
    years = sorted({c.starts_on.year for c in db.session.scalars(scoped(SurveyCycle))},
                   reverse=True)
    return dict(year=year, years=years, series=series,
                sites={item.cycle.site_id for item in series}, by_theme=by_theme,
                priorities_of=priorities_of, shared_on=shared_on,
                still_open=still_open, agreed=agreed, by_action_theme=by_action_theme,
                overdue_count=sum(action.overdue(today()) for action in agreed),
                themes=THEMES, priority_pct=priority_pct)
