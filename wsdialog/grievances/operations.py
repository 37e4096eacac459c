"""Writes of grievance channels' figures: enter, correct and delete a period's
figures, import a file (all or nothing), record an effectiveness check. Each one
audited and committed here."""

from __future__ import annotations

from datetime import date

from .. import audit
from ..extensions import db
from ..models import Site, StateError, User
from . import queries, rules
from .importer import Row
from .models import EffectivenessCheck, GrievanceSummary
from .rules import Channel, Figures, Period


def _target(site: Site) -> str:
    return f"site {site.id}"


def _refuse_overlap(site: Site, company_id: int, by: User, period: Period, channel: Channel,
                    keep: GrievanceSummary | None = None) -> None:
    others = [s.period for s in queries.summaries(site, company_id, by)
              if s.channel is channel and s is not keep]
    if rules.overlapping(period, others) is not None:
        raise StateError("overlapping")


def enter(site: Site, company_id: int, by: User, period: Period, channel: Channel,
          figures: Figures) -> tuple[GrievanceSummary, bool]:
    """A period's figures for a channel, new or replacing those entered before:
    (the summary, whether it is new). StateError for figures that cannot be, or a
    period overlapping another of the channel (a month within a quarter)."""
    summary = queries.summary_of(site, company_id, by, period, channel)
    _refuse_overlap(site, company_id, by, period, channel, keep=summary)
    new = summary is None
    if new:
        summary = GrievanceSummary(company_id=company_id, site_id=site.id,
                                   period_start=period.start, period_kind=period.kind,
                                   channel=channel, entered_by_id=by.id)
    summary.set_figures(figures)  # refuses before anything is added
    if new:
        db.session.add(summary)
    audit.record("grievance_figures", company_id=company_id, target=_target(site),
                 note=f"{channel.value} {period.code}")
    db.session.commit()
    return summary, new


def correct(summary: GrievanceSummary, by: User, figures: Figures) -> None:
    """New figures for a period already entered (StateError when they cannot be)."""
    summary.set_figures(figures)
    summary.entered_by_id = by.id
    audit.record("grievance_figures", company_id=summary.company_id,
                 target=f"site {summary.site_id}",
                 note=f"{summary.channel.value} {summary.period.code}")
    db.session.commit()


def delete(summary: GrievanceSummary) -> None:
    audit.record("grievance_figures_deleted", company_id=summary.company_id,
                 target=f"site {summary.site_id}",
                 note=f"{summary.channel.value} {summary.period.code}")
    db.session.delete(summary)
    db.session.commit()


def import_rows(site: Site, company_id: int, by: User, rows: list[Row], filename: str
                ) -> tuple[int, int]:
    """Store every row of a checked file in one transaction: (added, replaced). A
    row for a period and channel entered before replaces its figures."""
    existing = {(s.period_start, s.period_kind, s.channel): s
                for s in queries.summaries(site, company_id, by)}
    added = replaced = 0
    for row in rows:
        summary = existing.get((row.period.start, row.period.kind, row.channel))
        if summary is None:
            summary = GrievanceSummary(company_id=company_id, site_id=site.id,
                                       period_start=row.period.start,
                                       period_kind=row.period.kind, channel=row.channel)
            db.session.add(summary)
            added += 1
        else:
            replaced += 1
        summary.entered_by_id = by.id
        summary.set_figures(row.figures)
    audit.record("grievance_import", company_id=company_id, target=_target(site),
                 note=f"{filename[:120]}: {added} + {replaced}")
    db.session.commit()
    return added, replaced


def record_check(site: Site, company_id: int, by: User, channel: Channel, checked_on: date,
                 answers: dict[str, str], notes: dict[str, str]) -> EffectivenessCheck:
    """A new effectiveness check of the site's channel; the earlier ones stay."""
    check = EffectivenessCheck(company_id=company_id, site_id=site.id, channel=channel,
                               checked_on=checked_on, checked_by_id=by.id)
    check.record(answers, notes)
    db.session.add(check)
    audit.record("effectiveness_check", company_id=company_id, target=_target(site),
                 note=f"{channel.value} {check.met}/{len(rules.CRITERIA)}")
    db.session.commit()
    return check
