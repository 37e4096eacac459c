"""Invitations with calendar files, and moving (also to a time the supplier
proposes), a no-show or calling off."""

from __future__ import annotations

from flask import flash, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from .. import mail
from ..clock import now
from ..config import LANGUAGES
from ..forms import ConfirmForm
from ..i18n import normalise_locale
from ..models import StateError
from ..tenancy import get_or_404
from ..web import attachment, redirect_to, render, require_confirmation, role_required
from . import bp, operations
from .forms import TALK_LANGUAGES, MoveForm, ProposeForm
from .letters import calendar_file, invitation_text, written_in
from .models import Dialogue, DialogueStatus
from .pages import detail_context, dialogue_in, refusal, refused_as_404, start_of


@bp.route("/dialogues/<int:dialogue_id>/invitation.ics")
@role_required("is_brand", "is_supplier")
def invitation_ics(dialogue_id):
    """The calendar file: its time is in UTC, shown by calendars in their own zone."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    cancelled = dialogue.status is DialogueStatus.cancelled
    return attachment(calendar_file(dialogue, cancelled=cancelled),
                      f"dialogue-{dialogue.id}.ics", "text/calendar")


@bp.route("/dialogues/<int:dialogue_id>/invite", methods=["GET", "POST"])
@role_required("is_brand")
def invite(dialogue_id):
    """Invitations in each participant's language where the app has an invitation
    text in it (English otherwise, and the page says so), with the calendar file: mailed
    when mail is set up and an address is known, otherwise shown to copy."""
    dialogue = dialogue_in(dialogue_id, DialogueStatus.planned, manage=True)
    letters = [(p, *invitation_text(dialogue, p), written_in(p.language),
                normalise_locale(p.language) is not None) for p in dialogue.participants
               if p.organisation != "brand" or p.email != current_user.email]
    if request.method == "POST":
        require_confirmation()
        sent = sum(bool(participant.email) and mail.send(
            participant.email, subject, body,
            ("dialogue.ics", "text/calendar", calendar_file(dialogue, to=participant)))
            for participant, subject, body, *_language in letters)
        if sent:
            flash(ngettext("%(num)s invitation was sent.", "%(num)s invitations were sent.",
                           sent), "success")
        return redirect_to(url_for("dialogues.invite", dialogue_id=dialogue.id))
    return render("dialogues/invite.html", dialogue=dialogue, letters=letters,
                  mail_on=mail.smtp_configured(), confirm_form=ConfirmForm(),
                  written_languages=LANGUAGES, language_names=TALK_LANGUAGES)


@bp.route("/dialogues/<int:dialogue_id>/move", methods=["POST"])
@role_required("is_brand")
def move(dialogue_id):
    """Move the dialogue, saying why: kept, and a revision on the timeline."""
    dialogue = get_or_404(Dialogue, dialogue_id, manage=True)
    form = MoveForm()
    if not form.validate_on_submit():
        flash(_("Please give a new day, time and time zone, and say why."), "error")
        return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id))
    new = start_of(form)
    if dialogue.is_at(new, form.timezone.data):
        # The form sent back unchanged: not a move, nothing to record.
        flash(_("Please give a new day, time and time zone, and say why."), "error")
        return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id))
    refused = _too_early(dialogue, new, form)
    if refused:
        return render("dialogues/detail.html", http_status=422,
                      **detail_context(dialogue, move_form=form))
    with refused_as_404():
        operations.move(dialogue, new, form.timezone.data, form.reason.data,
                        form.note.data or "", current_user, now())
    flash(_("The dialogue is moved. Send the invitations again: calendars will update."),
          "success")
    return redirect_to(url_for("dialogues.invite", dialogue_id=dialogue.id))


def _too_early(dialogue: Dialogue, new, form) -> bool:
    """A time before the results were released: said on the form's day."""
    try:
        Dialogue.check_time(dialogue.cycle, new, form.timezone.data)
    except StateError as refused:
        form.day.errors.append(refusal(str(refused), dialogue.cycle))
        return True
    return False


@bp.route("/dialogues/<int:dialogue_id>/propose", methods=["POST"])
@role_required("is_supplier")
def propose(dialogue_id):
    """The supplier proposes another day and time, before the meeting; the brand
    sees it on the dialogue and may accept it (404 once held or cancelled)."""
    dialogue = dialogue_in(dialogue_id, DialogueStatus.planned)
    form = ProposeForm()
    if form.validate_on_submit():
        new = start_of(form)
        if new == dialogue.starts_at:
            form.day.errors.append(_("This is the time already planned: please give "
                                     "another day or time."))
        elif not _too_early(dialogue, new, form):
            operations.propose(dialogue, new, form.timezone.data, form.note.data or "",
                               current_user, now())
            flash(_("Your proposal is sent to %(company)s.", company=dialogue.company.name),
                  "success")
            return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id)
                               + "#when")
    return render("dialogues/detail.html", http_status=422,
                  **detail_context(dialogue, propose_form=form))


@bp.route("/dialogues/<int:dialogue_id>/proposal/accept", methods=["POST"])
@role_required("is_brand")
def accept_proposal(dialogue_id):
    """Move the dialogue to the time the supplier proposed (404 without a
    proposal, or once held or cancelled)."""
    dialogue = get_or_404(Dialogue, dialogue_id, manage=True)
    require_confirmation()
    with refused_as_404():
        operations.accept_proposal(dialogue, current_user, now())
    flash(_("The dialogue is moved. Send the invitations again: calendars will update."),
          "success")
    return redirect_to(url_for("dialogues.invite", dialogue_id=dialogue.id))


@bp.route("/dialogues/<int:dialogue_id>/no-show", methods=["POST"])
@role_required("is_brand")
def no_show(dialogue_id):
    """The supplier did not come: recorded, and a revision on the timeline. Plan
    the next date with "move"."""
    dialogue = get_or_404(Dialogue, dialogue_id, manage=True)
    require_confirmation()
    with refused_as_404():
        operations.no_show(dialogue, current_user, now())
    flash(_("The no-show is recorded. Choose a new date below."), "success")
    return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id)
                       + "#move")


@bp.route("/dialogues/<int:dialogue_id>/cancel", methods=["POST"])
@role_required("is_brand")
def cancel(dialogue_id):
    """Call the dialogue off: kept, with a calendar file that removes it from
    calendars; the results then wait for a new dialogue."""
    dialogue = get_or_404(Dialogue, dialogue_id, manage=True)
    require_confirmation()
    with refused_as_404():
        operations.cancel(dialogue, current_user, now())
    flash(_("The dialogue is cancelled. Send everyone the calendar file, so that it "
            "disappears from their calendars."), "success")
    return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id))
