"""The sector benchmark: the coordinator's view of every group that may be
shown, a contributing member's view with its own sites placed in it, and the
member's choice to contribute."""

from __future__ import annotations

from flask import flash, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import today
from ..i18n import country_name
from ..questionnaires.starter import THEMES
from ..web import redirect_to, render, role_required
from . import bp, operations
from .benchmark import MIN_MEMBERS, MIN_SITES, PLACEMENTS, WITHIN_DAYS
from .forms import BenchmarkSettingsForm
from .queries import sector_benchmark


@bp.route("/msi/benchmark")
@role_required("is_coordinator", "is_brand")
def benchmark():
    """The spread of sites' negative shares per template question and country,
    where enough sites of enough members contribute. Members see it only while
    their company contributes, with their own sites placed in it."""
    company_id = None if current_user.is_coordinator else current_user.company_id
    contributing = company_id is None or operations.contributes(company_id)
    templates = sector_benchmark(today(), company_id) if contributing else []
    for found in templates:
        # Theme by theme, as the template asks them; countries by name in the reader's language.
        order = {q.code: i for i, q in enumerate(found.questions)}
        themes = list(dict.fromkeys(q.theme for q in found.questions))
        found.rows.sort(key=lambda r: (themes.index(r.theme), order[r.code],
                                       country_name(r.country)))
    return render("msi/benchmark.html", templates=templates, contributing=contributing,
                  themes=THEMES, placements=PLACEMENTS, min_sites=MIN_SITES,
                  min_members=MIN_MEMBERS, months=WITHIN_DAYS // 30)


@bp.route("/msi/settings", methods=["GET", "POST"])
@role_required("is_brand_admin")
def member_settings():
    """Whether the company contributes to the sector benchmark (off until an
    admin turns it on)."""
    company_id = current_user.company_id
    form = BenchmarkSettingsForm(data={"contributes": operations.contributes(company_id)})
    if form.validate_on_submit():
        operations.set_contribution(company_id, form.contributes.data, current_user)
        flash(_("Saved."), "success")
        return redirect_to(url_for("msi.member_settings"))
    return render("msi/settings.html", form=form)
