"""The record of a held dialogue, doubts about the data, and the follow-up
message."""

from __future__ import annotations

from flask import flash, request, url_for
from flask_babel import gettext as _

from .. import mail
from ..clock import now
from ..extensions import db
from ..forms import ConfirmForm
from ..i18n import normalise_locale
from ..tenancy import get_or_404
from ..web import redirect_to, render, require_confirmation, role_required
from . import bp, scheduling
from .forms import DoubtForm, MessageForm, RecordForm
from .letters import follow_up_text, supplier_language
from .models import DataDoubt, Dialogue, DialogueStatus
from .pages import dialogue_in
from .record import ORGANISATIONS


@bp.route("/dialogues/<int:dialogue_id>/record", methods=["GET", "POST"])
@role_required("is_brand")
def record(dialogue_id):
    """Who attended, notes and the supplier's context per point, how open it
    felt, whether a follow-up was offered; doubts about the data."""
    dialogue = dialogue_in(dialogue_id, DialogueStatus.planned, DialogueStatus.held)
    form = RecordForm(obj=dialogue)
    if request.method == "GET" and dialogue.held_on is None:  # the planned day, to start
        form.held_on.data = scheduling.from_utc(dialogue.starts_at, dialogue.timezone).date()
    if form.validate_on_submit():
        dialogue.held_on, dialogue.notes = form.held_on.data, form.notes.data or ""
        dialogue.openness = form.openness.data or None
        dialogue.follow_up_offered = form.follow_up_offered.data
        attended = set(request.form.getlist("attended"))
        for participant in dialogue.participants:
            participant.attended = str(participant.id) in attended
        for point in dialogue.points:
            point.notes = request.form.get(f"notes-{point.id}", "").strip()[:5000]
            point.supplier_context = request.form.get(
                f"context-{point.id}", "").strip()[:5000]
        dialogue.status = DialogueStatus.held
        dialogue.cycle.dialogue_held_on = dialogue.held_on  # the cycle's state follows
        if dialogue.milestone is not None:
            dialogue.milestone.done = True
        db.session.commit()
        flash(_("The record is saved. Now write down what was agreed."), "success")
        return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id)
                           + "#actions")
    return render("dialogues/record.html", dialogue=dialogue, form=form,
                  organisations=ORGANISATIONS,
                  doubt_form=_doubt_form(dialogue), confirm_form=ConfirmForm())


def _doubt_form(dialogue: Dialogue, formdata=None) -> DoubtForm:
    form = DoubtForm(formdata=formdata)
    form.question_code.choices = [("", "—")] + [
        (q.code, q.code) for q in dialogue.cycle.version.questions]
    return form


@bp.route("/dialogues/<int:dialogue_id>/doubts", methods=["POST"])
@role_required("is_brand")
def doubt_add(dialogue_id):
    """A doubt about the data, how it was answered, and a task if it needs one."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    form = _doubt_form(dialogue, request.form)
    if form.validate_on_submit():
        dialogue.doubts.append(DataDoubt(
            question_code=form.question_code.data or None, doubt=form.doubt.data,
            answer=form.answer.data or "", task=form.task.data or ""))
        db.session.commit()
    else:
        flash(_("Please describe the doubt."), "error")
    return redirect_to(url_for("dialogues.record", dialogue_id=dialogue.id) + "#doubts")


@bp.route("/doubts/<int:doubt_id>/done", methods=["POST"])
@role_required("is_brand")
def doubt_done(doubt_id):
    """Mark a doubt's task done (or not done again)."""
    doubt = get_or_404(DataDoubt, doubt_id)
    require_confirmation()
    doubt.task_done = not doubt.task_done
    db.session.commit()
    return redirect_to(url_for("dialogues.record", dialogue_id=doubt.dialogue_id) + "#doubts")


@bp.route("/dialogues/<int:dialogue_id>/follow-up", methods=["GET", "POST"])
@role_required("is_brand")
def follow_up(dialogue_id):
    """A follow-up message from the record, in the supplier's language: sent, or
    shown to copy."""
    dialogue = dialogue_in(dialogue_id, DialogueStatus.held)
    lang = normalise_locale(request.values.get("lang")) or supplier_language(dialogue)
    recipient = next((p.email for p in dialogue.participants
                      if p.organisation in ("supplier", "factory") and p.email), "")
    subject, body = follow_up_text(dialogue, lang)
    form = MessageForm(data={"recipient": recipient, "subject": subject, "body": body}
                       if request.method == "GET" else None)
    if form.validate_on_submit():
        mailed = bool(form.recipient.data) and mail.send(form.recipient.data,
                                                         form.subject.data, form.body.data)
        dialogue.follow_up_sent_at = now()
        db.session.commit()
        if mailed:
            flash(_("The follow-up is sent to %(email)s.", email=form.recipient.data),
                  "success")
            return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id))
        return render("dialogues/follow_up_copy.html", dialogue=dialogue, form=form)
    return render("dialogues/follow_up.html", dialogue=dialogue, form=form, lang=lang)
