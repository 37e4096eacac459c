"""Across sites and cycles: the latest cycle of every site side by side, and one
site's trends over its cycles."""

from __future__ import annotations

from flask import get_template_attribute, request
from flask_babel import get_locale
from flask_login import current_user
from markupsafe import Markup

from ..extensions import db
from ..i18n import country_name
from ..listing import listing_of
from ..models import Site
from ..questionnaires.starter import THEMES
from ..surveys.models import SurveyCycle
from ..tenancy import get_or_404, scoped
from ..web import render, role_required
from . import bp, operations, overview
from .kept import kept_for
from .queries import (
    CycleCells,
    codes_in_order,
    cycle_cells,
    figures_to_show,
    question_texts,
    version_texts,
)
from .settings import settings_for


@bp.route("/results/sites")
@role_required("is_brand")
def sites_table():
    """The latest cycle of every site side by side, indicators × sites: filtered,
    sorted and paged in SQL (a brand may have 1,500 sites)."""
    chosen = overview.Chosen.from_args(request.args)
    priority_pct, k = settings_for(current_user.company_id)
    every = overview.latest_rows(current_user)
    found = overview.chosen_rows(every, chosen)
    versions = overview.versions_of(found)
    codes = overview.columns(versions, chosen.theme)
    shown = tuple(code for code, _theme in codes)
    if chosen.priorities:
        found = overview.with_priorities(found, set(shown), operations.record_figures_shown)
    page = listing_of(found, overview.SORTS, "supplier", request.args)
    page.items = overview.cycles_of([row.id for row in page.items])
    operations.record_figures_shown(page.items)
    rows = cycle_cells(page.items)
    counted = overview.priorities(page.items, set(shown))
    locale = str(get_locale())
    write_cells = get_template_attribute("results/_heat.html", "heat_cells")

    def heat_cells(row: CycleCells) -> Markup:
        # A row's cells, written once per language for a released cycle.
        return kept_for(row.cycle, ("heat row", row.cells_k, locale, shown),
                        lambda: write_cells(row, shown))

    return render("results/sites_table.html", "results/_sites_rows.html", rows=rows,
                  page=page, codes=codes, heat_cells=heat_cells, k=k, chosen=chosen,
                  priorities=counted, priority_pct=priority_pct, themes=THEMES,
                  countries=sorted({row.country for row in every}, key=country_name),
                  texts=version_texts(versions, locale))


@bp.route("/sites/<int:site_id>/trends")
@role_required("is_brand", "is_supplier")
def site_trends(site_id):
    """One site over its cycles: the negative share of each indicator."""
    site = get_or_404(Site, site_id)
    cycles = list(db.session.scalars(scoped(SurveyCycle).where(
        SurveyCycle.site_id == site.id, figures_to_show(current_user))
        .order_by(SurveyCycle.starts_on)))
    operations.record_figures_shown(cycles)
    series = cycle_cells(cycles)
    return render("results/trends.html", site=site, series=series,
                  codes=codes_in_order(cycles), themes=THEMES,
                  texts=question_texts(cycles, str(get_locale())))
