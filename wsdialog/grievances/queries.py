"""Reads of grievance channels' figures: never a commit. Scoped to the user's reach.

``site_figures(site, user, year)`` is the one call the pages (and, later, the
dialogue, the method chooser and the yearly summary) need: the figures of one
company at one site for a year, per channel and period, through the anonymity
rule, with the rate per 1,000 workers per year, the share resolved, the median
days, and the reading (silence, few, used) beside the site's latest released
survey."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa

from .. import clock
from ..extensions import db
from ..models import Company, Site, User
from ..results import anonymity
from ..results.queries import cycle_cells, figures_to_show
from ..results.settings import settings_for
from ..surveys.models import SurveyCycle
from ..tenancy import scoped
from . import rules
from .models import EffectivenessCheck, GrievanceSummary
from .rules import Channel, Period, Reading, Trend

#: Complaints still open this long after their period ended are "left unresolved".
LONG_OPEN_DAYS = 90


@dataclass(frozen=True)
class Count:
    """A count as shown: ``value``, or withheld (``reason``: "small_group" shows
    as fewer than k, "protects_others" as withheld)."""

    value: int | None
    reason: str | None = None

    @property
    def withheld(self) -> bool:
        return self.reason is not None

    @property
    def fewer_than_k(self) -> bool:
        return self.reason == "small_group"


@dataclass
class PeriodFigures:
    summary: GrievanceSummary
    period: Period
    #: None when withheld (only where every theme cell holds k−1: see anonymity).
    received: int | None
    resolved: int
    still_open: int
    days_to_response: float | None
    days_to_resolution: float | None
    #: Theme code (``rules.THEMES``, then ``rules.UNCLASSIFIED``) -> the cell.
    themes: dict[str, Count]
    women: Count | None
    anonymous: Count | None
    rate: float | None

    @property
    def share_resolved(self) -> float | None:
        return rules.share_resolved(self.summary.received, self.resolved)


@dataclass
class ChannelFigures:
    channel: Channel
    periods: list[PeriodFigures]
    received: int
    resolved: int
    still_open: int
    rate: float | None
    trend: Trend | None
    days_to_response: float | None
    days_to_resolution: float | None
    #: Per theme, the year's count where no cell of it is withheld (else None).
    theme_totals: dict[str, int | None]
    latest_check: EffectivenessCheck | None = None

    @property
    def share_resolved(self) -> float | None:
        return rules.share_resolved(self.received, self.resolved)


@dataclass
class SiteFigures:
    site: Site
    company_id: int
    year: int
    k: int
    headcount: int | None
    channels: list[ChannelFigures]
    received: int
    resolved: int
    rate: float | None
    #: Complaints still open in periods that ended more than LONG_OPEN_DAYS ago.
    open_long: int
    afraid_share: float | None
    afraid_cycle: SurveyCycle | None
    many_pct: int
    reading: Reading | None
    #: Mechanisms checked without figures this year.
    checks_without_figures: list[EffectivenessCheck] = field(default_factory=list)

    @property
    def share_resolved(self) -> float | None:
        return rules.share_resolved(self.received, self.resolved)

    @property
    def has_figures(self) -> bool:
        return bool(self.channels)

    @property
    def is_silence(self) -> bool:
        return self.reading is Reading.silence

    @property
    def is_few(self) -> bool:
        return self.reading is Reading.few

    @property
    def is_used(self) -> bool:
        return self.reading is Reading.used

    @property
    def themes(self) -> list[str]:
        return [*rules.THEMES, rules.UNCLASSIFIED]


def companies_for(site: Site, user: User) -> list[Company]:
    """The companies whose figures at ``site`` the user sees and enters: a
    company's staff, their own; a supplier's people, each company they work with."""
    if user.is_brand:
        return [user.company]
    if user.is_supplier and site.supplier_id == user.supplier_id:
        return list(db.session.scalars(scoped(Company, user).order_by(Company.name)))
    return []


def summaries(site: Site, company_id: int, user: User, year: int | None = None
              ) -> list[GrievanceSummary]:
    query = scoped(GrievanceSummary, user).where(GrievanceSummary.site_id == site.id,
                                                GrievanceSummary.company_id == company_id)
    if year is not None:
        query = query.where(GrievanceSummary.period_start >= date(year, 1, 1),
                            GrievanceSummary.period_start < date(year + 1, 1, 1))
    return list(db.session.scalars(query.order_by(GrievanceSummary.channel,
                                                  GrievanceSummary.period_start)))


def entered(site: Site, company_id: int, user: User) -> list[tuple[Period, Channel]]:
    """The periods and channels already entered for the site and company."""
    return [(s.period, s.channel) for s in summaries(site, company_id, user)]


def years(site: Site, company_id: int, user: User) -> list[int]:
    """The years with figures, newest first."""
    return sorted({s.period_start.year for s in summaries(site, company_id, user)},
                  reverse=True)


def checks(site: Site, company_id: int, user: User) -> list[EffectivenessCheck]:
    """Every effectiveness check at the site for the company, newest first."""
    return list(db.session.scalars(scoped(EffectivenessCheck, user).where(
        EffectivenessCheck.site_id == site.id, EffectivenessCheck.company_id == company_id)
        .order_by(EffectivenessCheck.checked_on.desc(), EffectivenessCheck.id.desc())))


def latest_checks(site: Site, company_id: int, user: User) -> dict[Channel, EffectivenessCheck]:
    latest: dict[Channel, EffectivenessCheck] = {}
    for check in checks(site, company_id, user):
        latest.setdefault(check.channel, check)
    return latest


def latest_released_cycle(site: Site, user: User) -> SurveyCycle | None:
    """The site's latest released cycle with answers that the user sees."""
    return db.session.scalar(scoped(SurveyCycle, user).where(
        SurveyCycle.site_id == site.id, SurveyCycle.is_released, figures_to_show(user))
        .order_by(SurveyCycle.starts_on.desc(), SurveyCycle.id.desc()).limit(1))


def afraid_share(cycle: SurveyCycle | None) -> float | None:
    """The share of workers in ``cycle`` afraid to raise a problem, as its results
    show it (None: not asked, or withheld). Released: its respondents are final."""
    if cycle is None:
        return None
    cell = cycle_cells([cycle])[0].cells.get(rules.AFRAID_CODE)
    if cell is None or cell.suppressed:
        return None
    return cell.negative_share


def _part(value: int | None, received: int, k: int) -> Count | None:
    if value is None:
        return None
    reason = anonymity.grievance_part_withheld(value, received, k)
    return Count(None if reason else value, reason)


def _period_figures(summary: GrievanceSummary, k: int, headcount: int | None) -> PeriodFigures:
    sizes = {code: (summary.by_theme or {}).get(code, 0) for code in rules.THEMES}
    sizes[rules.UNCLASSIFIED] = summary.received - sum(sizes.values())
    withheld = anonymity.grievance_withheld(sizes, summary.received, k)
    period = summary.period
    total_withheld = anonymity.PERIOD_TOTAL in withheld
    return PeriodFigures(
        summary=summary, period=period,
        received=None if total_withheld else summary.received,
        resolved=summary.resolved, still_open=summary.still_open,
        days_to_response=summary.days_to_response,
        days_to_resolution=summary.days_to_resolution,
        themes={code: Count(None, withheld[code]) if code in withheld else Count(n)
                for code, n in sizes.items()},
        women=_part(summary.women, summary.received, k),
        anonymous=_part(summary.anonymous, summary.received, k),
        rate=None if total_withheld else rules.per_1000_a_year(summary.received, headcount,
                                                               period.days))


def _channel_figures(channel: Channel, rows: list[GrievanceSummary], k: int,
                     headcount: int | None) -> ChannelFigures:
    periods = [_period_figures(s, k, headcount) for s in rows]
    received = sum(s.received for s in rows)
    days = sum(p.period.days for p in periods)
    theme_totals = {}
    for code in [*rules.THEMES, rules.UNCLASSIFIED]:
        cells = [p.themes[code] for p in periods]
        theme_totals[code] = None if any(c.withheld for c in cells) \
            else sum(c.value for c in cells)
    return ChannelFigures(
        channel=channel, periods=periods, received=received,
        resolved=sum(s.resolved for s in rows), still_open=sum(s.still_open for s in rows),
        rate=rules.per_1000_a_year(received, headcount, days),
        trend=rules.trend([p.rate for p in periods if p.rate is not None]),
        days_to_response=rules.middle(s.days_to_response for s in rows),
        days_to_resolution=rules.middle(s.days_to_resolution for s in rows),
        theme_totals=theme_totals)


def headcount_at(site: Site, user: User) -> int | None:
    """The site's headcount, or else its latest cycle's."""
    if site.headcount:
        return site.headcount
    return db.session.scalar(scoped(SurveyCycle, user).where(SurveyCycle.site_id == site.id)
                             .with_only_columns(SurveyCycle.headcount)
                             .order_by(SurveyCycle.starts_on.desc()).limit(1))


def site_figures(site: Site, user: User, year: int, company_id: int | None = None,
                 on: date | None = None) -> SiteFigures:
    """A company's grievance figures at ``site`` for ``year`` (``company_id``: the
    user's company for its staff; for a supplier's people, one of the companies
    they work with), through the anonymity rule under that company's k."""
    company_id = company_id or user.company_id
    on = on or clock.today()
    many_pct, k = settings_for(company_id)
    headcount = headcount_at(site, user)
    rows = summaries(site, company_id, user, year)
    latest = latest_checks(site, company_id, user)
    channels = []
    for channel in Channel:
        own = [s for s in rows if s.channel is channel]
        if own:
            figures = _channel_figures(channel, own, k, headcount)
            figures.latest_check = latest.get(channel)
            channels.append(figures)
    received = sum(c.received for c in channels)
    rates = [c.rate for c in channels if c.rate is not None]
    rate = sum(rates) if rates else None
    cycle = latest_released_cycle(site, user)
    share = afraid_share(cycle)
    limit = on - timedelta(days=LONG_OPEN_DAYS)
    return SiteFigures(
        site=site, company_id=company_id, year=year, k=k, headcount=headcount,
        channels=channels, received=received, resolved=sum(c.resolved for c in channels),
        rate=rate, open_long=sum(s.still_open for s in rows if s.period.end <= limit),
        afraid_share=share, afraid_cycle=cycle if share is not None else None,
        many_pct=many_pct, reading=rules.reading(rate, share, many_pct) if channels else None,
        checks_without_figures=[check for channel, check in latest.items()
                                if not any(c.channel is channel for c in channels)])


def summary_of(site: Site, company_id: int, user: User, period: Period, channel: Channel
               ) -> GrievanceSummary | None:
    return db.session.scalar(scoped(GrievanceSummary, user).where(
        GrievanceSummary.site_id == site.id, GrievanceSummary.company_id == company_id,
        GrievanceSummary.period_start == period.start,
        GrievanceSummary.period_kind == period.kind, GrievanceSummary.channel == channel))




def figures_near(site: Site, user: User, day: date, company_id: int | None = None
                 ) -> SiteFigures:
    """The figures of the year of ``day``, or of the year before when that year
    has none yet (early in a year, last year's tell more): for the pages that show
    grievance figures beside a survey (its results, its dialogue)."""
    figures = site_figures(site, user, day.year, company_id)
    if not figures.has_figures:
        earlier = site_figures(site, user, day.year - 1, company_id)
        if earlier.has_figures:
            return earlier
    return figures


def theme_totals(figures: SiteFigures) -> dict[str, int]:
    """Per theme, the year's complaints over every channel, only where no cell of
    it is withheld in any channel (a withheld theme is left out, not guessed)."""
    totals: dict[str, int] = {}
    for code in figures.themes:
        counts = [channel.theme_totals.get(code) for channel in figures.channels]
        if counts and all(count is not None for count in counts):
            totals[code] = sum(counts)
    return totals


@dataclass(frozen=True)
class YearRow:
    """One site's grievance figures in a year, for the yearly summary."""

    site: Site
    figures: SiteFigures


def year_rows(year: int, user: User) -> list[YearRow]:
    """The sites with grievance figures or effectiveness checks of the user's
    company in ``year``, by supplier and site name."""
    in_year = (date(year, 1, 1), date(year + 1, 1, 1))
    with_figures = scoped(GrievanceSummary, user).where(
        GrievanceSummary.period_start >= in_year[0], GrievanceSummary.period_start < in_year[1],
        GrievanceSummary.company_id == user.company_id).with_only_columns(
        GrievanceSummary.site_id)
    checked = scoped(EffectivenessCheck, user).where(
        EffectivenessCheck.checked_on >= in_year[0], EffectivenessCheck.checked_on < in_year[1],
        EffectivenessCheck.company_id == user.company_id).with_only_columns(
        EffectivenessCheck.site_id)
    ids = set(db.session.scalars(with_figures)) | set(db.session.scalars(checked))
    sites = db.session.scalars(sa.select(Site).where(Site.id.in_(ids))).all()
    rows = [YearRow(site, site_figures(site, user, year)) for site in sites]
    return sorted(rows, key=lambda row: (row.site.supplier.name, row.site.name))


@dataclass(frozen=True)
class YearOverview:
    """The yearly summary's section on grievance channels (ESRS S2-3)."""

    rows: list[YearRow]
    #: Effectiveness checks recorded in the year.
    checks: int


def year_overview(year: int, user: User) -> YearOverview:
    checks = db.session.scalar(scoped(EffectivenessCheck, user).where(
        EffectivenessCheck.checked_on >= date(year, 1, 1),
        EffectivenessCheck.checked_on < date(year + 1, 1, 1),
        EffectivenessCheck.company_id == user.company_id)
        .with_only_columns(sa.func.count(EffectivenessCheck.id)))
    return YearOverview(year_rows(year, user), checks)


def mechanism_in_use(site: Site, company_id: int, on: date) -> bool | None:
    """Whether the company's grievance figures at ``site`` over the year before
    ``on`` show a mechanism in use (at least ``rules.FEW_PER_1000`` complaints per
    1,000 workers a year): None without figures. For the method chooser, whose
    assessment is the company's: read by company and site, not by a user."""
    since = on - timedelta(days=365)
    rows = db.session.execute(sa.select(
        GrievanceSummary.channel, GrievanceSummary.received, GrievanceSummary.period_start,
        GrievanceSummary.period_kind)
        .where(GrievanceSummary.site_id == site.id, GrievanceSummary.company_id == company_id,
               GrievanceSummary.period_start >= since, GrievanceSummary.period_start <= on)).all()
    if not rows:
        return None
    # Per channel, as the site's page adds them: each channel's rate over its periods.
    received: dict[Channel, int] = {}
    days: dict[Channel, int] = {}
    for channel, count, start, kind in rows:
        received[channel] = received.get(channel, 0) + count
        days[channel] = days.get(channel, 0) + rules.period(start, kind).days
    rates = [rules.per_1000_a_year(received[c], site.headcount or None, days[c])
             for c in received]
    if any(rate is None for rate in rates):
        return None  # no headcount: nothing to say
    return sum(rates) >= rules.FEW_PER_1000
