"""A year's summary as input for ESRS S2 reporting: to print, or as a table."""

from __future__ import annotations

from flask import request
from flask_babel import gettext
from flask_login import current_user

from ..clock import today
from ..links import links
from ..listing import in_chunks, listing
from ..questionnaires.starter import THEMES
from ..surveys.models import SurveyCycle
from ..web import render, role_required
from . import bp, operations
from .pages import download
from .summary import cycle_rows, not_recorded, summary_cycles, year_totals

#: Cycles listed per page of the summary (the export lists them all).
CYCLES_PER_PAGE = 50


def _year() -> int:
    try:
        year = int(request.args.get("year", today().year))
    except ValueError:
        year = today().year
    return min(max(year, 2000), 2100)


def _shown_summary() -> dict:
    """The asked year's totals, with the receipt for the figures they count."""
    year = _year()
    operations.record_figures_shown(not_recorded(year, current_user))
    return {**year_totals(year, current_user),
            "grievances": links().grievance_year(year, current_user)}


@bp.route("/reports/due-diligence")
@role_required("is_brand")
def due_diligence():
    """A year's summary as input for ESRS S2 reporting (``?year=``), to print: the
    totals of the year, and its cycles a page at a time (all in the export)."""
    summary = _shown_summary()
    listed = listing(summary_cycles(summary["year"], current_user),
                     {"date": SurveyCycle.starts_on}, "date", request.args,
                     then=(SurveyCycle.id,), per_page=CYCLES_PER_PAGE)
    return render("results/due_diligence.html", **summary, **cycle_rows(listed.items),
                  listed=listed)


@bp.route("/reports/due-diligence.<any(csv, xlsx):kind>")
@role_required("is_brand")
def due_diligence_export(kind):
    """The year's summary as a table: each cycle with results, then each theme."""
    summary = _shown_summary()
    return download(_export_rows(summary, _totals_rows(summary)),
                    f"due-diligence-{summary['year']}", kind, current_user.company_id)


def _export_rows(summary: dict, totals: list[list]):
    """Each cycle with results (read a chunk at a time, as the file is sent),
    then ``totals``."""
    yield [gettext("Supplier"), gettext("Site"), gettext("Cycle"), gettext("Respondents"),
           gettext("Response rate"), gettext("Priorities"), gettext("Shared with workers")]
    for chunk in in_chunks(summary_cycles(summary["year"], current_user)):
        found = cycle_rows(chunk)
        for item in found["series"]:
            shared = found["shared_on"].get(item.cycle.id)
            yield [item.cycle.site.supplier.name, item.cycle.site.name,
                   f"{item.cycle.starts_on.isoformat()}/{item.cycle.ends_on.isoformat()}",
                   item.respondents, round(item.rate, 4), found["priorities_of"][item.cycle.id],
                   shared.isoformat() if shared else ""]
    yield from totals


def _totals_rows(summary: dict) -> list[list]:
    """Each theme, then each site's grievance channels: made before the file is
    sent (the objects they name are read while the request's session is open)."""
    rows = []
    states = ("planned", "in_progress", "done", "overdue", "dropped")
    rows += [[], [gettext("Theme"), gettext("Priorities"), gettext("Planned"),
                  gettext("In progress"), gettext("Done"), gettext("Overdue"),
                  gettext("Dropped")]]
    for theme in sorted(summary["by_theme"].keys() | summary["by_action_theme"].keys()):
        counts = summary["by_action_theme"].get(theme, {})
        rows.append([gettext(THEMES[theme]) if theme in THEMES else gettext("Other"),
                     summary["by_theme"].get(theme, 0), *(counts.get(s, 0) for s in states)])
    rows += [[], [gettext("Site"), gettext("Grievance channel"), gettext("Complaints"),
                  gettext("Per 1,000 workers per year"), gettext("Share resolved"),
                  gettext("Median days to resolution"), gettext("Latest effectiveness check"),
                  gettext("Criteria met")]]
    for row in summary["grievances"].rows:
        for channel in row.figures.channels:
            check = channel.latest_check
            rows.append([row.site.name, gettext(channel.channel.label), channel.received,
                         "" if channel.rate is None else round(channel.rate, 1),
                         "" if channel.share_resolved is None else round(channel.share_resolved, 4),
                         "" if channel.days_to_resolution is None else channel.days_to_resolution,
                         check.checked_on.isoformat() if check else "",
                         f"{check.met}/{len(check.answers)}" if check else ""])
    return rows
