"""The company's reading of results: its priority threshold and smallest group."""

from __future__ import annotations

from flask import flash, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..tenancy import scoped
from ..web import redirect_to, render, role_required
from . import bp, operations
from .anonymity import MIN_GROUP
from .forms import ResultsSettingsForm
from .models import DEFAULT_PRIORITY_PCT, DEFAULT_SHARING_REMINDER_DAYS, ResultsSettings


@bp.route("/settings/results", methods=["GET", "POST"])
@role_required("is_brand_admin")
def results_settings():
    """The company's priority threshold, smallest group size and sharing reminder."""
    row = db.session.scalar(scoped(ResultsSettings))
    form = ResultsSettingsForm(obj=row, data=None if row else {
        "priority_pct": DEFAULT_PRIORITY_PCT, "min_group": MIN_GROUP,
        "sharing_reminder_days": DEFAULT_SHARING_REMINDER_DAYS})
    if form.validate_on_submit():
        operations.save_settings(form.priority_pct.data, form.min_group.data,
                                 form.sharing_reminder_days.data)
        flash(_("Saved."), "success")
        return redirect_to(url_for("results.results_settings"))
    return render("results/results_settings.html", form=form)
