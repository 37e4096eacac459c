"""Results shared with workers: the supplier (or brand staff, on its word) records
how and when the workers who were asked heard what came of the survey."""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import today
from ..i18n import date_filter
from ..surveys.models import SurveyCycle
from ..tenancy import get_or_404
from ..web import redirect_to, render, role_required
from . import bp, operations
from .forms import SHARING_WAYS, SharingForm
from .queries import sharings_of


@bp.route("/cycles/<int:cycle_id>/shared-with-workers", methods=["GET", "POST"])
@role_required("is_brand", "is_supplier")
def shared_with_workers(cycle_id):
    """The records of sharing a released cycle's results with workers, and a form
    to add one. 404 for a cycle the user does not see or not yet released."""
    # Co-owners of a joint cycle read the records; its lead and the supplier add.
    cycle = get_or_404(SurveyCycle, cycle_id, manage=request.method == "POST")
    if not cycle.is_released:
        abort(404)
    form = SharingForm()
    if not form.is_submitted():
        form.shared_on.data = today()
    if form.validate_on_submit():
        try:
            operations.record_sharing(cycle, form.way.data, form.shared_on.data,
                                      form.workers_reached.data, current_user)
        except ValueError:
            form.shared_on.errors.append(_(
                "Please enter a day from the release (%(released)s) to today.",
                released=date_filter(cycle.results_shared_on)))
        else:
            flash(_("Recorded. Thank you: workers who answered should hear what came of it."),
                  "success")
            return redirect_to(url_for("results.shared_with_workers", cycle_id=cycle.id))
    return render("results/shared_with_workers.html", cycle=cycle, form=form,
                  sharings=sharings_of([cycle.id])[cycle.id], ways=SHARING_WAYS,
                  http_status=422 if form.errors else 200)
