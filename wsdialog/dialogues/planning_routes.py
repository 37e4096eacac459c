"""Planning a dialogue with the supplier, and who takes part."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import contains_eager, selectinload

from ..clock import today
from ..listing import few, listing
from ..models import Site, StateError
from ..surveys.models import SurveyCycle
from ..tenancy import get_or_404, scoped
from ..web import redirect_to, render, require_confirmation, role_required
from . import bp, operations, queries
from .forms import ParticipantForm, ScheduleForm
from .models import Dialogue, Participant
from .pages import detail_context, refusal, refused_as_404, shown_zone, site_zone, start_of
from .vocabulary import TIPS


def _cycle_for_dialogue(cycle_id) -> SurveyCycle:
    cycle = get_or_404(SurveyCycle, cycle_id, manage=True)
    if not cycle.is_released:
        abort(404)  # a dialogue is about results the supplier has received
    return cycle


#: Released results without a dialogue listed above the dialogues (the longest waiting).
WAITING = 20


@bp.route("/dialogues")
@role_required("is_brand", "is_supplier")
def dialogue_list():
    """Dialogues of every site the user may reach, newest first; for brand
    staff also the released results still waiting for one."""
    dialogues = listing(scoped(Dialogue).join(Dialogue.cycle).join(SurveyCycle.site).options(
        contains_eager(Dialogue.cycle).contains_eager(SurveyCycle.site).joinedload(Site.supplier),
        selectinload(Dialogue.actions)),
        {"when": Dialogue.starts_at, "site": sa.func.lower(Site.name)}, "-when", request.args,
        then=(Dialogue.id,))
    waiting = few(queries.released_without_dialogue(current_user.company_id, today()), WAITING) \
        if current_user.is_brand else []
    return render("dialogues/list.html", dialogues=dialogues, waiting=waiting)


@bp.route("/cycles/<int:cycle_id>/dialogues/new", methods=["GET", "POST"])
@role_required("is_brand")
def dialogue_new(cycle_id):
    """Plan a dialogue about a cycle's released results (404 before release)."""
    cycle = _cycle_for_dialogue(cycle_id)
    form = ScheduleForm(data=None if request.method == "POST" else {
        "timezone": shown_zone(site_zone(cycle)), "minutes": 90, "time": "10:00",
        "language": str(get_locale())})
    if form.validate_on_submit():
        try:
            dialogue = operations.plan(
                cycle, current_user, starts=start_of(form), minutes=form.minutes.data,
                timezone=form.timezone.data, language=form.language.data,
                place=form.place.data or "", script="\n".join(f"- {_(tip)}" for tip in TIPS),
                milestone_title=_("Dialogue with %(supplier)s about the results",
                                  supplier=cycle.site.supplier.name))
        except StateError as refused:
            form.day.errors.append(refusal(str(refused), cycle))
            return render("dialogues/new.html", form=form, cycle=cycle, http_status=422)
        flash(_("The dialogue is planned. Add who takes part, then send the invitations."),
              "success")
        return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id))
    return render("dialogues/new.html", form=form, cycle=cycle)


@bp.route("/dialogues/<int:dialogue_id>")
@role_required("is_brand", "is_supplier")
def dialogue_detail(dialogue_id):
    """The plan (when, where, who, in everyone's local time), the checklist, the
    preparation, the record and the agreements. Supplier users see the plan,
    the participants, the brand's "look at beforehand" note and their own points."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    return render("dialogues/detail.html", **detail_context(dialogue))


@bp.route("/dialogues/<int:dialogue_id>/participants", methods=["POST"])
@role_required("is_brand")
def participant_add(dialogue_id):
    """Add someone who takes part (from any organisation), before the meeting."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    form = ParticipantForm()
    if not form.validate_on_submit():
        return render("dialogues/detail.html", http_status=422,
                      **detail_context(dialogue, participant_form=form))
    with refused_as_404():
        operations.add_participant(dialogue, Participant(
            name=form.name.data, organisation=form.organisation.data,
            department=form.department.data or "", decides=form.decides.data,
            language=form.language.data, timezone=form.timezone.data,
            country=form.country.data or None, email=form.email.data or "",
            company_id=current_user.company_id if form.organisation.data == "brand" else None))
    return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id)
                       + "#participants")


@bp.route("/participants/<int:participant_id>/remove", methods=["POST"])
@role_required("is_brand")
def participant_remove(participant_id):
    """Take someone off the list, before the meeting (afterwards the record keeps
    who attended)."""
    participant = get_or_404(Participant, participant_id)
    if participant.company_id != current_user.company_id:
        get_or_404(Dialogue, participant.dialogue_id, manage=True)  # the lead's to take off
    require_confirmation()
    dialogue_id = participant.dialogue_id
    with refused_as_404():
        operations.remove_participant(participant)
    return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue_id)
                       + "#participants")
