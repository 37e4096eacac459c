"""The results of a cycle: the same page for the brand and the supplier; the
release, and the supplier's word that it has reviewed them."""

from __future__ import annotations

from flask import abort, flash, make_response, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy.orm import joinedload

from ..forms import ConfirmForm
from ..links import links
from ..models import Site, StateError
from ..questionnaires.starter import THEMES
from ..surveys.models import SurveyCycle
from ..surveys.queries import held_count
from ..surveys.respondents import ALLOWED, DEMOGRAPHICS, GROUP_NAMES
from ..tenancy import get_or_404
from ..web import is_partial_request, redirect_to, render, require_confirmation, role_required
from . import bp, operations, reach
from .dashboard import PageFacts, page_data, page_facts
from .forms import SHARING_WAYS
from .kept import final_key, kept_page_part
from .pages import chosen_group, not_yet
from .queries import access_of, may_see_figures, sharings_of


@bp.route("/cycles/<int:cycle_id>/results")
@role_required("is_brand", "is_supplier")
def cycle_results(cycle_id):
    """Indicators as green / orange / red bars, by theme or by negative share,
    filterable by one group at a time; suppressed where a group is too small.
    While the survey is open nobody sees answers, and supplier users see them
    once brand staff have released them: until then the page says where it stands."""
    cycle = get_or_404(SurveyCycle, cycle_id, options=(
        joinedload(SurveyCycle.site).joinedload(Site.supplier), joinedload(SurveyCycle.company)))
    if not may_see_figures(cycle, current_user):
        return not_yet(cycle)
    if (current_user.is_brand and not cycle.respondents_final
            and request.args.get("held") != "later"):
        held = held_count(cycle)
        if held:  # a look now would leave discarding them the only choice: say so first
            return render("results/held_first.html", cycle=cycle, held=held)
    dimension, value = chosen_group()
    sort = "negative" if request.args.get("sort") == "negative" else "theme"
    access = access_of(cycle)
    if current_user.is_supplier and not is_partial_request():
        access = operations.record_supplier_opened(cycle, access, current_user)
    facts = page_facts(cycle, current_user)
    operations.record_figures_shown(facts.figures_from)
    body = _results_body(cycle, facts, dimension, value, sort)
    if is_partial_request():
        response = make_response(body)
        response.vary.add("HX-Request")
        return response
    return render("results/results.html", cycle=cycle, body=body,
                  leads=current_user.is_brand and cycle.company_id == current_user.company_id,
                  dimension=dimension, value=value, sort=sort, access=access,
                  dimensions=DEMOGRAPHICS, allowed=ALLOWED, themes=THEMES,
                  group_names=GROUP_NAMES, reach_names=reach.NAMES,
                  confirm_form=ConfirmForm(), ways=SHARING_WAYS,
                  sharings=sharings_of([cycle.id])[cycle.id] if cycle.is_released else [],
                  grievances=links().grievance_figures(
                      cycle.site, current_user, cycle.ends_on,
                      current_user.company_id if current_user.is_brand else cycle.company_id))


def _results_body(cycle: SurveyCycle, facts: PageFacts, dimension: str, value: str,
                  sort: str) -> Markup:
    """The figures part of the page (also the htmx partial). For a released cycle it
    is written once per process for each language, filter, order, threshold and
    previous cycle, and kept: its figures can never change, and it shows nothing
    about the viewer. Everything it depends on is in the key."""

    def write() -> Markup:
        data = page_data(facts, dimension, value, sort)
        # A rendered template: autoescaped.
        return Markup(render_template(  # noqa: S704  # nosec
            "results/_results_body.html", cycle=cycle, data=data, themes=THEMES,
            dimension=dimension, value=value, reach_names=reach.NAMES,
            under=reach.UNDER, over=reach.OVER, group_names=GROUP_NAMES))

    before = facts.previous
    if before is not None and final_key(before) is None:
        return write()  # compared with a cycle that may still change
    return kept_page_part(cycle, (
        "results body", str(get_locale()), cycle.headcount, facts.k, facts.priority_pct,
        dimension, value, sort, final_key(before) if before else None,
        # Who answered is read against the site's facts (kept at the release).
        *cycle.workforce_shares, facts.first_year), write)


@bp.route("/cycles/<int:cycle_id>/release", methods=["POST"])
@role_required("is_brand")
def release(cycle_id):
    """Release a closed cycle's results to the supplier: dated and attributed.
    From then on its respondents are final."""
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    require_confirmation()
    try:
        operations.release(cycle, current_user)
    except StateError as refused:
        flash(_("Every co-owner must check the results before you release them.")
              if refused.args == ("unchecked",) else
              _("Results can be released once the survey has closed, and only once."), "error")
        return redirect_to(url_for("results.cycle_results", cycle_id=cycle.id))
    flash(_("The results are released: %(supplier)s sees them now.",
            supplier=cycle.site.supplier.name), "success")
    return redirect_to(url_for("results.cycle_results", cycle_id=cycle.id))


@bp.route("/cycles/<int:cycle_id>/reviewed", methods=["POST"])
@role_required("is_supplier")
def results_reviewed(cycle_id):
    """The supplier says it has reviewed the (released) results."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    access = access_of(cycle)
    if access is None or not may_see_figures(cycle, current_user):
        abort(404)
    require_confirmation()
    operations.mark_reviewed(access)
    flash(_("Thank you. The company sees that you have reviewed the results."), "success")
    return redirect_to(url_for("results.cycle_results", cycle_id=cycle.id))
