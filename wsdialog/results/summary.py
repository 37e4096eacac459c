"""A year's summary as input for ESRS S2 reporting: the cycles with results, their
priorities per theme, and the agreements made about them. Reads only.

The totals are counted over the whole year in SQL (priorities from the figures
kept per released cycle, ``overview.priority_codes``); the cycles' own rows are
read for the ones a page lists, or a chunk of an export at a time."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from ..clock import today
from ..extensions import db
from ..links import links
from ..models import Site
from ..questionnaires.models import Question
from ..questionnaires.starter import THEMES
from ..surveys.models import SurveyCycle, respondent_total
from ..tenancy import scoped
from . import overview
from .models import WorkerSharing
from .queries import cycle_cells, figures_to_show, figures_visible, sharings_of
from .settings import settings_for


def _in_year(year: int, user=None) -> sa.Select:
    return scoped(SurveyCycle, user).where(SurveyCycle.starts_on >= date(year, 1, 1),
                                           SurveyCycle.starts_on <= date(year, 12, 31))


def _shown(year: int, user) -> sa.Select:
    """SQL: the cycles whose figures the year's summary shows: those with results
    the user may see."""
    return _in_year(year, user).where(figures_to_show(user))


def summary_cycles(year: int, user) -> sa.Select:
    """``_shown``, oldest first, with their sites and suppliers."""
    return (_shown(year, user).options(joinedload(SurveyCycle.site).joinedload(Site.supplier))
            .order_by(SurveyCycle.starts_on, SurveyCycle.id))


def not_recorded(year: int, user) -> list[SurveyCycle]:
    """The summary's cycles whose figures were never shown and that are not
    released: the routes record them as shown before reading (usually none)."""
    return list(db.session.scalars(summary_cycles(year, user).where(
        SurveyCycle.figures_shown_on.is_(None), ~SurveyCycle.is_released)))


def year_totals(year: int, user) -> dict:
    """What the year's summary counts over all its cycles. A read: the routes
    have recorded the receipt for them first (``not_recorded``)."""
    cycles = _shown(year, user)
    light = db.session.execute(cycles.with_only_columns(
        *overview.identity(), SurveyCycle.site_id)).all()
    version_of = {row.id: row.version_id for row in light}
    theme_of = {(version_id, code): theme for version_id, code, theme in db.session.execute(
        sa.select(Question.version_id, Question.code, Question.theme)
        .where(Question.version_id.in_(set(version_of.values()))))} if light else {}
    by_theme: dict[str, int] = {}
    for cycle_id, codes in overview.priority_codes(light, None).items():
        for code in codes:
            theme = theme_of.get((version_of[cycle_id], code), "other")
            by_theme[theme] = by_theme.get(theme, 0) + 1
    in_ids = cycles.with_only_columns(SurveyCycle.id)
    agreed = links().agreement_facts(in_ids, today())
    by_action_theme: dict[str, dict[str, int]] = {}
    for kind in agreed:
        themes_of = {theme_of[(kind.version_id, code)] for code in kind.codes
                     if (kind.version_id, code) in theme_of} or {"other"}
        for theme in themes_of:
            counts = by_action_theme.setdefault(theme, {})
            counts[kind.state] = counts.get(kind.state, 0) + kind.count
    shared = db.session.scalar(scoped(WorkerSharing, user).with_only_columns(
        sa.func.count(sa.distinct(WorkerSharing.cycle_id))).where(
        WorkerSharing.cycle_id.in_(in_ids)))
    in_year = _in_year(year, user)
    started = sa.extract("year", SurveyCycle.starts_on)
    years = sorted((int(found) for found in db.session.scalars(
        scoped(SurveyCycle, user).with_only_columns(started).distinct())), reverse=True)
    return dict(
        year=year, years=years, cycle_count=len(light),
        site_count=len({row.site_id for row in light}),
        respondents=respondent_total(in_ids, user),
        shared_count=shared, by_theme=by_theme, by_action_theme=by_action_theme,
        agreed_count=sum(kind.count for kind in agreed),
        done_count=sum(kind.count for kind in agreed if kind.state == "done"),
        purchasing_count=sum(kind.count for kind in agreed if kind.purchasing),
        overdue_count=sum(kind.count for kind in agreed if kind.state == "overdue"),
        still_open=db.session.scalar(in_year.where(~figures_visible(user))
                                     .with_only_columns(sa.func.count(SurveyCycle.id))),
        themes=THEMES, priority_pct=settings_for(user.company_id)[0])


def cycle_rows(cycles: list[SurveyCycle]) -> dict:
    """The listed cycles' rows: each one's respondents and rate (``series``), its
    number of priorities, and the first day its results were shared with its
    workers, if recorded."""
    found = overview.priorities(cycles)
    return dict(series=cycle_cells(cycles),
                priorities_of={cycle_id: len(codes) for cycle_id, codes in found.items()},
                shared_on={cycle_id: records[0].shared_on
                           for cycle_id, records in sharings_of(found).items() if records})
