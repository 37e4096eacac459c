"""The results of a cycle: the same page for the brand and the supplier."""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SubmitField

from ..extensions import db
from ..forms import ConfirmForm, WholeNumberField
from ..models import utcnow
from ..tenancy import get_or_404, scoped
from ..web import redirect_to, render, role_required
from . import bp, results
from .importer import ALLOWED
from .models import ResultsAccess, ResultsSettings, SurveyCycle
from .questionnaire import THEMES


def _access(cycle: SurveyCycle) -> ResultsAccess | None:
    return db.session.scalar(scoped(ResultsAccess).where(
        ResultsAccess.cycle_id == cycle.id,
        ResultsAccess.supplier_id == cycle.site.supplier_id))


@bp.route("/cycles/<int:cycle_id>/results")
@role_required("is_brand", "is_supplier")
def cycle_results(cycle_id):
    """Indicators as green / orange / red bars, by theme or by negative share,
    filterable by one group at a time; suppressed where a group is too small."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    dimension, _sep, value = request.args.get("group", "").partition(":")
    if dimension not in results.DIMENSIONS or value not in ALLOWED.get(dimension, ()):
        dimension = value = ""
    sort = "negative" if request.args.get("sort") == "negative" else "theme"
    access = _access(cycle)
    if current_user.is_supplier and access is None:
        # The one fact a visit records: that the supplier has seen its results,
        # so the brand need not ask before the dialogue.
        access = ResultsAccess(cycle_id=cycle.id, supplier_id=current_user.supplier_id)
        db.session.add(access)
        db.session.commit()
    data = results.dashboard(cycle, dimension, value, sort)
    return render("surveys/results.html", "surveys/_results_body.html", cycle=cycle,
                  data=data, dimension=dimension, value=value, sort=sort, access=access,
                  dimensions=results.DIMENSIONS, allowed=ALLOWED, themes=THEMES,
                  group_names=results.GROUP_NAMES,
                  confirm_form=ConfirmForm())


@bp.route("/cycles/<int:cycle_id>/reviewed", methods=["POST"])
@role_required("is_supplier")
def results_reviewed(cycle_id):
    """The supplier says it has reviewed the results."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    access = _access(cycle)
    if access is None or not ConfirmForm().validate_on_submit():
        abort(404)
    access.reviewed_at = access.reviewed_at or utcnow()
    db.session.commit()
    flash(_("Thank you. The company sees that you have reviewed the results."), "success")
    return redirect_to(url_for("surveys.cycle_results", cycle_id=cycle.id))


class ResultsSettingsForm(FlaskForm):
    priority_pct = WholeNumberField(
        _l("Priority from (% negative answers)"), minimum=1, maximum=100,
        description=_l("An indicator with more negative answers than this is a priority. "
                       "The pilot used 50 %."))
    min_group = WholeNumberField(
        _l("Smallest group shown"), minimum=5, maximum=100,
        description=_l("Groups with fewer respondents are never shown. 5 is the least; "
                       "you may choose more."))
    submit = SubmitField(_l("Save"))


@bp.route("/settings/results", methods=["GET", "POST"])
@role_required("is_brand_admin")
def results_settings():
    """The company's priority threshold and smallest group size."""
    row = db.session.scalar(scoped(ResultsSettings))
    form = ResultsSettingsForm(obj=row, data=None if row else {"priority_pct": 50,
                                                               "min_group": 5})
    if form.validate_on_submit():
        if row is None:
            row = ResultsSettings(company_id=current_user.company_id)
            db.session.add(row)
        row.priority_pct = form.priority_pct.data or 50
        row.min_group = form.min_group.data or 5
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect_to(url_for("surveys.results_settings"))
    return render("surveys/results_settings.html", form=form)
