"""Joint cycles: the lead member invites the other members it may name at the
supplier to own a cycle with it; an invited company accepts or declines; each
co-owner checks the results before the lead releases them."""

from __future__ import annotations

from flask import abort, flash, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..forms import ConfirmForm
from ..models import StateError
from ..tenancy import get_or_404
from ..web import redirect_to, render, require_confirmation, role_required
from . import bp, operations, queries
from .models import SurveyCycle
from .pages import invite_form


@bp.route("/cycles/<int:cycle_id>/owners", methods=["POST"])
@role_required("is_brand")
def owner_invite(cycle_id):
    """Invite a member company to own the cycle with the lead."""
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    form = invite_form(cycle, from_request=True)
    if form is None or not form.validate_on_submit():
        flash(_("Choose a member company that works with this supplier and chose, like yours, "
                "to be visible to the other members there."), "error")
    else:
        try:
            owner = operations.invite_owner(cycle, int(form.company.data), current_user)
        except (StateError, ValueError):
            flash(_("This member cannot be invited: the survey has ended, or it was "
                    "invited before."), "error")
        else:
            flash(_("%(company)s is invited to own this cycle with you. Its staff see the "
                    "cycle once they accept.", company=owner.company.name), "success")
    return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id) + "#owners")


@bp.route("/cycles/<int:cycle_id>/owners/<int:company_id>/withdraw", methods=["POST"])
@role_required("is_brand")
def owner_withdraw(cycle_id, company_id):
    """Take back an invitation that waits for an answer."""
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    owner = next((o for o in cycle.owners if o.company_id == company_id), None)
    if owner is None:
        abort(404)
    require_confirmation()
    try:
        operations.withdraw_invitation(owner)
    except StateError:
        flash(_("%(company)s has already answered the invitation.",
                company=owner.company.name), "error")
    else:
        flash(_("The invitation is taken back."), "success")
    return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle.id) + "#owners")


def _own_invitation(cycle_id: int):
    owner = queries.invitation_to(cycle_id, current_user.company_id)
    if owner is None:
        abort(404)
    return owner


@bp.route("/joint-cycles/<int:cycle_id>")
@role_required("is_brand")
def joint_invitation(cycle_id):
    """What the invited company needs to decide: who leads, where, when, with
    which questionnaire and in which languages. Reached through the company's own
    invitation only."""
    owner = _own_invitation(cycle_id)
    if owner.accepted:
        return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle_id))
    return render("surveys/joint_invitation.html", owner=owner, cycle=owner.cycle,
                  confirm_form=ConfirmForm())


@bp.route("/joint-cycles/<int:cycle_id>/<any(accept, decline):answer>", methods=["POST"])
@role_required("is_brand")
def joint_answer(cycle_id, answer):
    """Accept or decline the invitation."""
    owner = _own_invitation(cycle_id)
    require_confirmation()
    try:
        operations.answer_invitation(owner, answer == "accept", current_user)
    except StateError:
        flash(_("This invitation was answered before, or the survey has ended."), "error")
        return redirect_to(url_for("surveys.joint_invitation", cycle_id=cycle_id))
    if answer == "accept":
        flash(_("Your company owns this cycle with %(company)s now.",
                company=owner.cycle.company.name), "success")
        return redirect_to(url_for("surveys.cycle_detail", cycle_id=cycle_id))
    flash(_("You declined. %(company)s is told so.", company=owner.cycle.company.name),
          "success")
    return redirect_to(url_for("main.home"))


@bp.route("/cycles/<int:cycle_id>/checked", methods=["POST"])
@role_required("is_brand")
def owner_checked(cycle_id):
    """A co-owner says it has checked the results: the lead may release them once
    every co-owner did."""
    cycle = get_or_404(SurveyCycle, cycle_id)
    owner = next((o for o in cycle.co_owners if o.company_id == current_user.company_id), None)
    if owner is None:
        abort(404)
    require_confirmation()
    try:
        operations.check_results(owner, current_user)
    except StateError:
        flash(_("The results can be marked as checked once the survey has closed, before "
                "the release, and once."), "error")
    else:
        flash(_("%(company)s sees that you have checked the results.",
                company=cycle.company.name), "success")
    return redirect_to(url_for("results.cycle_results", cycle_id=cycle.id))
