"""Across sites and cycles: the latest cycle of every site side by side, and one
site's trends over its cycles."""

from __future__ import annotations

from flask import get_template_attribute
from flask_babel import get_locale
from flask_login import current_user
from markupsafe import Markup

from ..extensions import db
from ..models import Site
from ..questionnaires.starter import THEMES
from ..surveys.models import SurveyCycle
from ..tenancy import get_or_404, scoped
from ..web import render, role_required
from . import bp, operations
from .kept import kept_for
from .queries import (
    CycleCells,
    codes_in_order,
    cycle_cells,
    figures_to_show,
    latest_per_site,
    question_texts,
)
from .settings import settings_for


@bp.route("/results/sites")
@role_required("is_brand")
def sites_table():
    """The latest cycle of every site side by side: indicators × sites."""
    cycles = latest_per_site(current_user)
    _pct, k = settings_for(current_user.company_id)
    operations.record_figures_shown(cycles)
    rows = cycle_cells(cycles)
    codes = tuple(code for code, _theme in codes_in_order(cycles))
    locale = str(get_locale())
    write_cells = get_template_attribute("results/_heat.html", "heat_cells")

    def heat_cells(row: CycleCells) -> Markup:
        # A row's cells, written once per language for a released cycle: a table
        # of 100 sites has 2,000 cells, too many for a template loop on each view.
        return kept_for(row.cycle, ("heat row", row.cells_k, locale, codes),
                        lambda: write_cells(row, codes))

    return render("results/sites_table.html", rows=rows,
                  codes=codes_in_order(cycles), heat_cells=heat_cells, k=k,
                  themes=THEMES, texts=question_texts(cycles, str(get_locale())))


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
