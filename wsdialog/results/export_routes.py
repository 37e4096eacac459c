"""Aggregated results as CSV or XLSX: a cycle's (with the page's filter), and the
latest of every site. Never a row per respondent."""

from __future__ import annotations

from flask import request
from flask_login import current_user

from ..surveys.models import SurveyCycle
from ..tenancy import get_or_404
from ..web import role_required
from . import bp, operations, overview
from .dashboard import page_data, page_facts
from .pages import (
    chosen_group,
    download,
    export_body,
    export_header,
    export_rows,
    group_label,
    not_yet,
)
from .queries import CycleCells, codes_in_order, cycle_cells, may_see_figures


@bp.route("/cycles/<int:cycle_id>/results.<any(csv, xlsx):kind>")
@role_required("is_brand", "is_supplier")
def cycle_export(cycle_id, kind):
    """A cycle's aggregated results, protected like the page."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    if not may_see_figures(cycle, current_user):
        return not_yet(cycle, http_status=404)
    dimension, value = chosen_group()
    facts = page_facts(cycle, current_user, compare=False)  # no change since
    operations.record_figures_shown(facts.figures_from)
    data = page_data(facts, dimension, value)
    cells = {r.question.code: r.cell for _theme, rows in data["groups"] for r in rows}
    series = [CycleCells(cycle, data["respondents"], cells, data["k"])]
    name = f"results-cycle-{cycle.id}" + (f"-{dimension}-{value}" if dimension else "")
    return download(export_rows(series, codes_in_order([cycle]), group_label(dimension, value)),
                    name, kind, cycle.company_id)


@bp.route("/results/sites.<any(csv, xlsx):kind>")
@role_required("is_brand")
def sites_export(kind):
    """The latest results of every site (the table's filters kept), aggregated and
    protected; read and written a few hundred sites at a time."""
    chosen = overview.Chosen.from_args(request.args)
    found = overview.chosen_rows(overview.latest_rows(current_user), chosen)
    codes = overview.columns(overview.versions_of(found), chosen.theme)
    if chosen.priorities:
        found = overview.with_priorities(found, {code for code, _theme in codes},
                                         operations.record_figures_shown)
    ids = [row.id for row in sorted(found, key=overview.SORTS["supplier"])]
    everyone = group_label("", "")

    def rows():
        yield export_header()
        for start in range(0, len(ids), overview.CHUNK):
            chunk = overview.cycles_of(ids[start:start + overview.CHUNK])
            operations.record_figures_shown(chunk)
            yield from export_body(cycle_cells(chunk), codes, everyone)

    return download(rows(), "results-all-sites", kind, current_user.company_id)
