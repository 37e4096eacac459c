"""The project timeline: milestones, revisions with their reasons, and
warnings for public holidays in the site's country."""

from __future__ import annotations

from flask import flash, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import now, today
from ..extensions import db
from ..forms import ConfirmForm
from ..models import Site, Supplier
from ..tenancy import get_or_404, scoped
from ..web import redirect_to, render, require_confirmation, role_required
from . import bp, operations, timeline
from .forms import MilestoneForm, RevisionForm
from .models import Milestone, MilestoneKind


def _sites() -> list[Site]:
    return list(db.session.scalars(scoped(Site).join(Site.supplier)
                                   .order_by(Supplier.name, Site.name)))


def warnings(milestone: Milestone):
    country = milestone.site.country if milestone.site else None
    return timeline.warnings_for(country, milestone.due_on, milestone.ends_on,
                                 str(get_locale()))


@bp.route("/onboarding/timeline", methods=["GET", "POST"])
@role_required("is_brand")
def timeline_page():
    """Milestones in date order, with holiday warnings; the form adds one."""
    form = MilestoneForm(_sites())
    if form.validate_on_submit():
        site = get_or_404(Site, form.site.data) if form.site.data else None
        operations.add_milestone(current_user, site, MilestoneKind(form.kind.data),
                                 form.title.data, form.due_on.data, form.ends_on.data)
        flash(_("Added to the timeline."), "success")
        return redirect_to(url_for("onboarding.timeline_page"))
    milestones = list(db.session.scalars(scoped(Milestone).order_by(Milestone.due_on)))
    return render("onboarding/timeline.html", form=form, today=today(),
                  rows=[(m, warnings(m)) for m in milestones], confirm_form=ConfirmForm(),
                  delay_reasons=timeline.DELAY_REASONS, kind_names=timeline.KIND_NAMES)


@bp.route("/onboarding/milestones/<int:milestone_id>/revise", methods=["GET", "POST"])
@role_required("is_brand")
def revise_milestone(milestone_id):
    """Move a milestone to another date; the old date and the reason are kept."""
    milestone = get_or_404(Milestone, milestone_id)
    form = RevisionForm(data={"new_due_on": milestone.due_on}
                        if request.method == "GET" else None)
    if form.validate_on_submit():
        if form.new_due_on.data == milestone.due_on:
            flash(_("The date is the same as before; nothing was moved."), "info")
            return redirect_to(url_for("onboarding.timeline_page"))
        operations.revise_milestone(milestone, form.new_due_on.data, form.reason.data,
                                    form.note.data or "", current_user, now())
        flash(_("The date is moved; the earlier date is kept in the history."), "success")
        return redirect_to(url_for("onboarding.timeline_page"))
    return render("onboarding/revise.html", form=form, milestone=milestone,
                  holidays=warnings(milestone))


@bp.route("/onboarding/milestones/<int:milestone_id>/done", methods=["POST"])
@role_required("is_brand")
def milestone_done(milestone_id):
    """Mark a milestone done, or not done again."""
    milestone = get_or_404(Milestone, milestone_id)
    require_confirmation()
    operations.toggle_milestone(milestone)
    return redirect_to(url_for("onboarding.timeline_page"))
