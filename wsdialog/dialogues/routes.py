"""Planning, preparing and recording a dialogue with the supplier."""

from __future__ import annotations

from datetime import datetime

from flask import abort, flash, request, url_for
from flask_babel import force_locale, format_date, get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user

from .. import mail
from ..clock import now, today
from ..extensions import db
from ..forms import ConfirmForm
from ..i18n import normalise_locale
from ..onboarding import operations
from ..onboarding.models import Milestone, MilestoneKind
from ..results.operations import record_figures_shown
from ..surveys.models import SurveyCycle
from ..tenancy import get_or_404, scoped
from ..web import attachment, redirect_to, render, require_confirmation, role_required
from . import bp, checklist, ics, proposals, queries, scheduling
from .forms import (
    TALK_LANGUAGES,
    DoubtForm,
    MessageForm,
    MoveForm,
    ParticipantForm,
    PointForm,
    PrepareForm,
    RecordForm,
    ScheduleForm,
)
from .models import (
    AttentionPoint,
    DataDoubt,
    Dialogue,
    DialogueChange,
    DialogueStatus,
    Participant,
)
from .record import ORGANISATIONS, OWNERS, TIPS


def _dialogue_in(dialogue_id, *states: DialogueStatus) -> Dialogue:
    """The dialogue, if the user may reach it and it is in one of ``states`` (404
    otherwise: a cancelled dialogue is not recorded, a planned one has no agreements)."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    if dialogue.status not in states:
        abort(404)
    return dialogue


def _cycle_for_dialogue(cycle_id) -> SurveyCycle:
    cycle = get_or_404(SurveyCycle, cycle_id)
    if not cycle.is_released:
        abort(404)  # a dialogue is about results the supplier has received
    return cycle


def _starts(form) -> datetime:
    hours, minutes = (int(part) for part in form.time.data.split(":"))
    local = datetime.combine(form.day.data, datetime.min.time()).replace(
        hour=hours, minute=minutes)
    return scheduling.to_utc(local, form.timezone.data)


def _site_zone(cycle: SurveyCycle) -> str:
    return cycle.site.timezone or "UTC"


@bp.route("/dialogues")
@role_required("is_brand", "is_supplier")
def dialogue_list():
    """Dialogues of every site the user may reach, newest first; for brand
    staff also the released results still waiting for one."""
    dialogues = list(db.session.scalars(scoped(Dialogue).order_by(Dialogue.starts_at.desc())))
    waiting = queries.released_without_dialogue(current_user.company_id, today()) \
        if current_user.is_brand else []
    return render("dialogues/list.html", dialogues=dialogues, waiting=waiting)


@bp.route("/cycles/<int:cycle_id>/dialogues/new", methods=["GET", "POST"])
@role_required("is_brand")
def dialogue_new(cycle_id):
    """Plan a dialogue about a cycle's released results (404 before release)."""
    cycle = _cycle_for_dialogue(cycle_id)
    form = ScheduleForm(data=None if request.method == "POST" else {
        "timezone": _site_zone(cycle), "minutes": 90, "time": "10:00",
        "language": str(get_locale())})
    if form.validate_on_submit():
        starts = _starts(form)
        dialogue = Dialogue(company_id=current_user.company_id, cycle=cycle, starts_at=starts,
                            minutes=form.minutes.data, timezone=form.timezone.data,
                            language=form.language.data, place=form.place.data or "",
                            created_by_id=current_user.id,
                            script="\n".join(f"- {_(tip)}" for tip in TIPS))
        dialogue.milestone = Milestone(
            company_id=current_user.company_id, site_id=cycle.site_id,
            kind=MilestoneKind.dialogue, due_on=scheduling.from_utc(
                starts, form.timezone.data).date(),
            title=_("Dialogue with %(supplier)s about the results",
                    supplier=cycle.site.supplier.name)[:160])
        dialogue.participants.append(Participant(
            name=current_user.name, organisation="brand", decides=True,
            language=current_user.locale or "en", timezone=form.timezone.data,
            country=None, email=current_user.email))
        db.session.add(dialogue)
        db.session.commit()
        flash(_("The dialogue is planned. Add who takes part, then send the invitations."),
              "success")
        return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id))
    return render("dialogues/new.html", form=form, cycle=cycle)


def _detail_context(dialogue: Dialogue, **forms):
    site = dialogue.site
    times = scheduling.local_times(dialogue.starts_at, dialogue.minutes, [
        scheduling.Attendee(p.id, p.timezone, p.country) for p in dialogue.participants
    ] + [scheduling.Attendee("site", _site_zone(dialogue.cycle), site.country)],
        str(get_locale()))
    by_key = {t.key: t for t in times}
    context = dict(dialogue=dialogue, times=by_key, organisations=ORGANISATIONS,
                   language_names=TALK_LANGUAGES, local=scheduling.from_utc,
                   confirm_form=ConfirmForm(), today=today(),
                   participant_form=forms.get("participant_form") or ParticipantForm(
                       data={"timezone": _site_zone(dialogue.cycle),
                             "country": site.country, "language": dialogue.language}),
                   point_form=forms.get("point_form") or _point_form(dialogue),
                   move_form=forms.get("move_form") or MoveForm(data={
                       "timezone": dialogue.timezone,
                       "day": scheduling.from_utc(dialogue.starts_at, dialogue.timezone).date(),
                       "time": scheduling.from_utc(dialogue.starts_at, dialogue.timezone)
                       .strftime("%H:%M")}),
)
    if current_user.is_brand:
        items = checklist.checklist(queries.facts(dialogue))
        context.update(items=items, progress=checklist.progress(items))
    return context


def _point_form(dialogue: Dialogue, formdata=None) -> PointForm:
    form = PointForm(formdata=formdata)
    form.question_code.choices = [("", "—")] + [
        (q.code, f"{q.code} · {q.text(str(get_locale()))[:60]}")
        for q in dialogue.cycle.version.questions]
    return form


@bp.route("/dialogues/<int:dialogue_id>")
@role_required("is_brand", "is_supplier")
def dialogue_detail(dialogue_id):
    """The plan (when, where, who, in everyone's local time), the checklist, the
    preparation, the record and the agreements. Supplier users see the plan,
    the participants, the brand's "look at beforehand" note and their own points."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    return render("dialogues/detail.html", **_detail_context(dialogue))


@bp.route("/dialogues/<int:dialogue_id>/participants", methods=["POST"])
@role_required("is_brand")
def participant_add(dialogue_id):
    """Add someone who takes part (from any organisation), before the meeting."""
    dialogue = _dialogue_in(dialogue_id, DialogueStatus.planned)
    form = ParticipantForm()
    if not form.validate_on_submit():
        return render("dialogues/detail.html", http_status=422,
                      **_detail_context(dialogue, participant_form=form))
    dialogue.participants.append(Participant(
        name=form.name.data, organisation=form.organisation.data,
        department=form.department.data or "", decides=form.decides.data,
        language=form.language.data, timezone=form.timezone.data,
        country=form.country.data or None, email=form.email.data or ""))
    db.session.commit()
    return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id)
                       + "#participants")


@bp.route("/participants/<int:participant_id>/remove", methods=["POST"])
@role_required("is_brand")
def participant_remove(participant_id):
    """Take someone off the list, before the meeting (afterwards the record keeps
    who attended)."""
    participant = get_or_404(Participant, participant_id)
    if participant.dialogue.status is not DialogueStatus.planned:
        abort(404)
    require_confirmation()
    dialogue_id = participant.dialogue_id
    db.session.delete(participant)
    db.session.commit()
    return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue_id)
                       + "#participants")


@bp.route("/dialogues/<int:dialogue_id>/points", methods=["POST"])
@role_required("is_brand", "is_supplier")
def point_add(dialogue_id):
    """Add a point to raise: the brand's own, or the supplier's before the meeting."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    if dialogue.status is not DialogueStatus.planned and current_user.is_supplier:
        abort(404)
    form = _point_form(dialogue, request.form)
    if not form.validate_on_submit():
        if current_user.is_brand:  # the brand's point form is on the preparation page
            return _prepare_page(dialogue, PrepareForm(formdata=None, obj=dialogue), form,
                                 http_status=422)
        return render("dialogues/detail.html", http_status=422,
                      **_detail_context(dialogue, point_form=form))
    dialogue.points.append(AttentionPoint(
        kind="supplier" if current_user.is_supplier else "own", text=form.text.data,
        question_code=form.question_code.data or None, by_supplier=current_user.is_supplier,
        position=len(dialogue.points)))
    db.session.commit()
    flash(_("The point is added."), "success")
    target = "dialogues.dialogue_detail" if current_user.is_supplier else "dialogues.prepare"
    return redirect_to(url_for(target, dialogue_id=dialogue.id) + "#points")


@bp.route("/points/<int:point_id>/edit", methods=["POST"])
@role_required("is_brand")
def point_edit(point_id):
    """Change a point's words (a proposed one, or the brand's own; never the
    supplier's, which are its own words)."""
    point = get_or_404(AttentionPoint, point_id)
    if point.by_supplier:
        abort(404)
    text = (request.form.get("text") or "").strip()
    require_confirmation()
    if not text or len(text) > 500:
        flash(_("A point needs words, at most 500 characters."), "error")
    else:
        point.text = text
        db.session.commit()
    return redirect_to(url_for("dialogues.prepare", dialogue_id=point.dialogue_id)
                       + "#points")


@bp.route("/points/<int:point_id>/remove", methods=["POST"])
@role_required("is_brand", "is_supplier")
def point_remove(point_id):
    """Remove a point (supplier users: their own, before the meeting)."""
    point = get_or_404(AttentionPoint, point_id)
    if current_user.is_supplier and point.dialogue.status is not DialogueStatus.planned:
        abort(404)  # after the meeting, the supplier's points are part of the record
    require_confirmation()
    dialogue_id = point.dialogue_id
    db.session.delete(point)
    db.session.commit()
    target = "dialogues.dialogue_detail" if current_user.is_supplier else "dialogues.prepare"
    return redirect_to(url_for(target, dialogue_id=dialogue_id) + "#points")


@bp.route("/dialogues/<int:dialogue_id>/prepare", methods=["GET", "POST"])
@role_required("is_brand")
def prepare(dialogue_id):
    """The brand's preparation: fields, and attention points proposed from the
    results (priorities, big changes, strong results) to keep, edit or add."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    form = PrepareForm(obj=dialogue)
    if form.validate_on_submit():
        form.populate_obj(dialogue)
        db.session.commit()
        flash(_("The preparation is saved."), "success")
        return redirect_to(url_for("dialogues.prepare", dialogue_id=dialogue.id))
    return _prepare_page(dialogue, form)


def _kept_codes(dialogue: Dialogue) -> set[str | None]:
    return {p.question_code for p in dialogue.points if not p.by_supplier}


def _prepare_page(dialogue: Dialogue, form: PrepareForm, point_form: PointForm | None = None,
                  http_status: int = 200):
    kept = _kept_codes(dialogue)
    proposed = proposals.propose(queries.figures_of(dialogue.cycle, current_user))
    record_figures_shown([dialogue.cycle])
    return render("dialogues/prepare.html", dialogue=dialogue, form=form,
                  proposed=[p for p in proposed if p.code not in kept],
                  questions={q.code: q for q in dialogue.cycle.version.questions},
                  kinds=proposals.KINDS, point_form=point_form or _point_form(dialogue),
                  confirm_form=ConfirmForm(), tips=TIPS, http_status=http_status)


@bp.route("/dialogues/<int:dialogue_id>/proposals", methods=["POST"])
@role_required("is_brand")
def keep_proposals(dialogue_id):
    """Keep the proposed points that were ticked, as editable points."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    require_confirmation()
    chosen = set(request.form.getlist("code")) - _kept_codes(dialogue)  # not twice
    locale = str(get_locale())
    questions = {q.code: q for q in dialogue.cycle.version.questions}
    for proposal in proposals.propose(queries.figures_of(dialogue.cycle, current_user)):
        if proposal.code not in chosen or proposal.code not in questions:
            continue
        dialogue.points.append(AttentionPoint(
            kind=proposal.kind, question_code=proposal.code, position=len(dialogue.points),
            text=_point_text(proposal, questions[proposal.code].text(locale))))
    db.session.commit()
    return redirect_to(url_for("dialogues.prepare", dialogue_id=dialogue.id) + "#points")


def _point_text(proposal: proposals.Proposal, question: str) -> str:
    share = f"{proposal.negative * 100:.0f}%"
    if proposal.kind == "priority":
        return _("Priority: %(share)s negative answers to “%(question)s”", share=share,
                 question=question)[:500]
    if proposal.kind == "change":
        return _("Changed by %(points)s points since the previous cycle (now %(share)s "
                 "negative): “%(question)s”", points=f"{proposal.change * 100:+.0f}",
                 share=share, question=question)[:500]
    return _("A strong result worth a compliment (%(share)s negative): “%(question)s”",
             share=share, question=question)[:500]


@bp.route("/dialogues/<int:dialogue_id>/script")
@role_required("is_brand")
def script(dialogue_id):
    """The adapted openness script and the points, printable to take along."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    return render("dialogues/script.html", dialogue=dialogue,
                  starts=scheduling.from_utc(dialogue.starts_at, dialogue.timezone))


# --- invitations and moves --------------------------------------------------------


def _written_in(code: str | None) -> str:
    """The shipped interface language closest to ``code`` (mails and calendar
    files are written in those), else English."""
    return normalise_locale(code) or "en"


def _ics(dialogue: Dialogue, to: Participant | None = None, cancelled: bool = False) -> bytes:
    """The calendar file. It names the organiser and, when sent to one person, that
    person: never the other participants' addresses (worker representatives' and
    union people's among them), which the supplier must not collect."""
    site = dialogue.site
    with force_locale(_written_in(dialogue.language)):
        summary = _("Dialogue about the worker survey: %(site)s", site=site.name)
        description = _("A conversation between %(company)s and %(supplier)s about what "
                        "workers said in the survey, and what to do about it.",
                        company=dialogue.company.name, supplier=site.supplier.name)
    return ics.invitation(
        uid=f"dialogue-{dialogue.id}@wsdialog", starts_utc=dialogue.starts_at,
        minutes=dialogue.minutes, summary=summary, description=description,
        location=dialogue.place, organizer=(dialogue.created_by.name,
                                            dialogue.created_by.email),
        attendees=[(to.name, to.email or None)] if to else [],
        sequence=dialogue.sequence, stamp=now(), cancelled=cancelled)


def _invitation_text(dialogue: Dialogue, participant: Participant) -> tuple[str, str]:
    """Subject and body in the participant's language, with their local time."""
    starts = scheduling.from_utc(dialogue.starts_at, participant.timezone)
    with force_locale(_written_in(participant.language)):
        subject = _("Invitation: dialogue about the worker survey at %(site)s",
                    site=dialogue.site.name)
        lines = [
            _("Dear %(name)s,", name=participant.name), "",
            _("%(company)s invites you to a conversation about the results of the worker "
              "survey at %(site)s.", company=dialogue.company.name, site=dialogue.site.name),
            "",
            _("When: %(when)s (%(zone)s), %(minutes)s minutes",
              when=f"{format_date(starts.date(), 'full')}, {starts:%H:%M}",
              zone=participant.timezone, minutes=dialogue.minutes),
        ]
        if dialogue.place:
            lines.append(_("Where: %(place)s", place=dialogue.place))
        if dialogue.look_beforehand and participant.organisation in ("supplier", "factory"):
            lines += ["", _("Could you look at this beforehand?"), dialogue.look_beforehand]
        lines += ["", _("The results never lead to sanctions or fewer orders. The aim is "
                        "to improve things together."), "",
                  _("The calendar file is attached."), "", dialogue.created_by.name]
    return subject, "\n".join(lines)


@bp.route("/dialogues/<int:dialogue_id>/invitation.ics")
@role_required("is_brand", "is_supplier")
def invitation_ics(dialogue_id):
    """The calendar file: its time is in UTC, shown by calendars in their own zone."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    return attachment(_ics(dialogue, cancelled=dialogue.status is DialogueStatus.cancelled),
                      f"dialogue-{dialogue.id}.ics", "text/calendar")


@bp.route("/dialogues/<int:dialogue_id>/invite", methods=["GET", "POST"])
@role_required("is_brand")
def invite(dialogue_id):
    """Invitations in each participant's language, with the calendar file: mailed
    when mail is set up and an address is known, otherwise shown to copy."""
    dialogue = _dialogue_in(dialogue_id, DialogueStatus.planned)
    letters = [(p, *_invitation_text(dialogue, p)) for p in dialogue.participants
               if p.organisation != "brand" or p.email != current_user.email]
    if request.method == "POST":
        require_confirmation()
        sent = sum(bool(participant.email) and mail.send(
            participant.email, subject, body,
            ("dialogue.ics", "text/calendar", _ics(dialogue, to=participant)))
            for participant, subject, body in letters)
        if sent:
            flash(ngettext("%(num)s invitation was sent.", "%(num)s invitations were sent.",
                           sent), "success")
        return redirect_to(url_for("dialogues.invite", dialogue_id=dialogue.id))
    return render("dialogues/invite.html", dialogue=dialogue, letters=letters,
                  mail_on=mail.smtp_configured(), confirm_form=ConfirmForm())


@bp.route("/dialogues/<int:dialogue_id>/move", methods=["POST"])
@role_required("is_brand")
def move(dialogue_id):
    """Move the dialogue, saying why: kept, and a revision on the timeline."""
    dialogue = _dialogue_in(dialogue_id, DialogueStatus.planned)
    form = MoveForm()
    if not form.validate_on_submit():
        flash(_("Please give a new day, time and time zone, and say why."), "error")
        return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id))
    new = _starts(form)
    if new == dialogue.starts_at and form.timezone.data == dialogue.timezone:
        # The form sent back unchanged: not a move, nothing to record.
        flash(_("Please give a new day, time and time zone, and say why."), "error")
        return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id))
    dialogue.timezone = form.timezone.data  # the milestone's new day is in this zone
    _record_change(dialogue, "moved", new, form.reason.data, form.note.data or "")
    dialogue.starts_at = new
    dialogue.sequence += 1
    db.session.commit()
    flash(_("The dialogue is moved. Send the invitations again: calendars will update."),
          "success")
    return redirect_to(url_for("dialogues.invite", dialogue_id=dialogue.id))


@bp.route("/dialogues/<int:dialogue_id>/no-show", methods=["POST"])
@role_required("is_brand")
def no_show(dialogue_id):
    """The supplier did not come: recorded, and a revision on the timeline. Plan
    the next date with "move"."""
    dialogue = _dialogue_in(dialogue_id, DialogueStatus.planned)
    require_confirmation()
    _record_change(dialogue, "no_show", None, "no_show", "")
    db.session.commit()
    flash(_("The no-show is recorded. Choose a new date below."), "success")
    return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id)
                       + "#move")


@bp.route("/dialogues/<int:dialogue_id>/cancel", methods=["POST"])
@role_required("is_brand")
def cancel(dialogue_id):
    """Call the dialogue off: kept, with a calendar file that removes it from
    calendars; the results then wait for a new dialogue."""
    dialogue = _dialogue_in(dialogue_id, DialogueStatus.planned)
    require_confirmation()
    _record_change(dialogue, "cancelled", None, "other", "")
    dialogue.status = DialogueStatus.cancelled
    dialogue.sequence += 1
    db.session.commit()
    flash(_("The dialogue is cancelled. Send everyone the calendar file, so that it "
            "disappears from their calendars."), "success")
    return redirect_to(url_for("dialogues.dialogue_detail", dialogue_id=dialogue.id))


def _record_change(dialogue: Dialogue, kind: str, new: datetime | None, reason: str,
                   note: str) -> None:
    dialogue.changes.append(DialogueChange(
        kind=kind, old_starts_at=dialogue.starts_at, new_starts_at=new, reason=reason,
        note=note, by_id=current_user.id, at=now()))
    milestone = dialogue.milestone
    if milestone is None:
        return
    if kind == "cancelled":
        milestone.done = True  # off the timeline's "overdue"; the change says why
    elif new is not None:
        operations.revise_milestone(milestone, scheduling.from_utc(new, dialogue.timezone)
                                    .date(), reason, note, current_user, now())
    else:  # a no-show: the date stays until the dialogue is moved
        operations.revise_milestone(milestone, milestone.due_on, reason, note,
                                    current_user, now())


# --- the record -------------------------------------------------------------------


@bp.route("/dialogues/<int:dialogue_id>/record", methods=["GET", "POST"])
@role_required("is_brand")
def record(dialogue_id):
    """Who attended, notes and the supplier's context per point, how open it
    felt, whether a follow-up was offered; doubts about the data."""
    dialogue = _dialogue_in(dialogue_id, DialogueStatus.planned, DialogueStatus.held)
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


# --- the follow-up message ----------------------------------------------------------


def follow_up_text(dialogue: Dialogue, lang: str) -> tuple[str, str]:
    """The points discussed and the agreements, in ``lang``: subject and body."""
    with force_locale(lang):
        subject = _("Our dialogue about the worker survey at %(site)s: what we agreed",
                    site=dialogue.site.name)
        lines = [_("Thank you for the conversation on %(date)s.",
                   date=format_date(dialogue.held_on or dialogue.starts_at.date(), "long")),
                 "", _("What we discussed:")]
        lines += [f"- {p.text}" for p in dialogue.points] or ["-"]
        lines += ["", _("What we agreed:")]
        for action in dialogue.actions:
            lines.append("- " + _("%(what)s (%(who)s, by %(date)s)", what=action.title,
                                  who=action.owner_name or _(OWNERS[action.owner]),
                                  date=format_date(action.due_on, "long")))
        if not dialogue.actions:
            lines.append("-")
        lines += ["", _("You can follow the agreements and update them in wsdialog, under "
                        "Dialogues."),
                  _("The results never lead to sanctions or fewer orders."), "",
                  current_user.name]
    return subject, "\n".join(lines)


def _supplier_language(dialogue: Dialogue) -> str:
    for participant in dialogue.participants:
        if participant.organisation in ("supplier", "factory") \
                and normalise_locale(participant.language):
            return _written_in(participant.language)
    return _written_in(dialogue.language)


@bp.route("/dialogues/<int:dialogue_id>/follow-up", methods=["GET", "POST"])
@role_required("is_brand")
def follow_up(dialogue_id):
    """A follow-up message from the record, in the supplier's language: sent, or
    shown to copy."""
    dialogue = _dialogue_in(dialogue_id, DialogueStatus.held)
    lang = normalise_locale(request.values.get("lang")) or _supplier_language(dialogue)
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
