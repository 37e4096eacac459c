"""The record of a held dialogue, doubts about the data, and the follow-up
message."""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import mail
from ..clock import now, today
from ..forms import ConfirmForm
from ..i18n import normalise_locale
from ..models import StateError
from ..results.queries import doubts_of
from ..tenancy import get_or_404
from ..web import redirect_to, render, require_confirmation, role_required
from . import bp, operations, queries, scheduling
from .forms import DoubtForm, MessageForm, RecordForm
from .letters import follow_up_text, supplier_language
from .models import DataDoubt, Dialogue, DialogueStatus
from .pages import dialogue_in, question_choices, refusal
from .vocabulary import ORGANISATIONS


@bp.route("/dialogues/<int:dialogue_id>/record", methods=["GET", "POST"])
@role_required("is_brand")
def record(dialogue_id):
    """Who attended, notes and the supplier's context per point, how open it
    felt, whether a follow-up was offered; doubts about the data."""
    dialogue = dialogue_in(dialogue_id, DialogueStatus.planned, DialogueStatus.held)
    form = RecordForm(obj=dialogue)
    if request.method == "GET":
        form.private_notes.data = queries.private_notes_of(dialogue, current_user.company_id)
        if dialogue.held_on is None:  # the planned day, to start
            form.held_on.data = scheduling.from_utc(dialogue.starts_at,
                                                    dialogue.timezone).date()
    if form.validate_on_submit():
        try:
            _record(dialogue, form)
        except StateError as refused:
            if str(refused) not in ("future", "before_release"):
                abort(404)  # a cancelled dialogue is not recorded
            # On a day still to come, or before the results were released.
            form.held_on.errors.append(refusal(str(refused), dialogue.cycle,
                                               form.held_on.data))
            return _record_page(dialogue, form, http_status=422)
        flash(_("The record is saved. Now write down what was agreed."), "success")
        return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id)
                           + "#actions")
    return _record_page(dialogue, form)


def _record_page(dialogue: Dialogue, form: RecordForm, **kwargs):
    return render("dialogues/record.html", dialogue=dialogue, form=form,
                  points=queries.points_of(dialogue),
                  provider_doubts=doubts_of(dialogue.cycle),
                  organisations=ORGANISATIONS, doubt_form=_doubt_form(dialogue),
                  confirm_form=ConfirmForm(), **kwargs)


def _record(dialogue: Dialogue, form: RecordForm) -> None:
    points = queries.points_of(dialogue)  # those the writer sees: the others' stay
    operations.record(
        dialogue, held_on=form.held_on.data, notes=form.notes.data or "",
        openness=form.openness.data or None,
        follow_up_offered=form.follow_up_offered.data,
        attended=set(request.form.getlist("attended")), points=points,
        said={point.id: (request.form.get(f"notes-{point.id}", "").strip()[:5000],
                         request.form.get(f"context-{point.id}", "").strip()[:5000])
              for point in points},
        private_notes=form.private_notes.data or "", company_id=current_user.company_id,
        today=today(), mechanism_note=form.mechanism_note.data or "")


def _doubt_form(dialogue: Dialogue, formdata=None) -> DoubtForm:
    form = DoubtForm(formdata=formdata)
    form.question_code.choices = question_choices(dialogue)
    return form


@bp.route("/dialogues/<int:dialogue_id>/doubts", methods=["POST"])
@role_required("is_brand")
def doubt_add(dialogue_id):
    """A doubt about the data, how it was answered, and a task if it needs one."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    form = _doubt_form(dialogue, request.form)
    if form.validate_on_submit():
        operations.add_doubt(dialogue, DataDoubt(
            question_code=form.question_code.data or None, doubt=form.doubt.data,
            answer=form.answer.data or "", task=form.task.data or ""))
    else:
        flash(_("Please describe the doubt."), "error")
    return redirect_to(url_for("dialogues.record", dialogue_id=dialogue.id) + "#doubts")


@bp.route("/doubts/<int:doubt_id>/done", methods=["POST"])
@role_required("is_brand")
def doubt_done(doubt_id):
    """Mark a doubt's task done (or not done again)."""
    doubt = get_or_404(DataDoubt, doubt_id)
    require_confirmation()
    operations.toggle_doubt_task(doubt)
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
    subject, body = follow_up_text(dialogue, queries.points_of(dialogue), lang)
    form = MessageForm(data={"recipient": recipient, "subject": subject, "body": body}
                       if request.method == "GET" else None)
    if form.validate_on_submit():
        mailed = bool(form.recipient.data) and mail.send(form.recipient.data,
                                                         form.subject.data, form.body.data)
        operations.follow_up_sent(dialogue, now())
        if mailed:
            flash(_("The follow-up is sent to %(email)s.", email=form.recipient.data),
                  "success")
            return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id))
        return render("dialogues/follow_up_copy.html", dialogue=dialogue, form=form)
    return render("dialogues/follow_up.html", dialogue=dialogue, form=form, lang=lang)
