"""What several dialogue pages share: the dialogue in the state a page needs, a
refused state change as a 404, the start time a form gives, and the detail
page's context."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from flask import abort
from flask_babel import get_locale
from flask_login import current_user

from ..clock import today
from ..forms import ConfirmForm
from ..models import StateError
from ..surveys.models import SurveyCycle
from ..tenancy import get_or_404
from . import checklist, queries, scheduling
from .forms import TALK_LANGUAGES, MoveForm, ParticipantForm, PointForm
from .models import Dialogue, DialogueStatus
from .vocabulary import ORGANISATIONS


def dialogue_in(dialogue_id, *states: DialogueStatus) -> Dialogue:
    """The dialogue, if the user may reach it and it is in one of ``states`` (404
    otherwise: a cancelled dialogue is not recorded, a planned one has no agreements)."""
    dialogue = get_or_404(Dialogue, dialogue_id)
    if dialogue.status not in states:
        abort(404)
    return dialogue


@contextmanager
def refused_as_404() -> Iterator[None]:
    """A state change the dialogue refuses (``StateError``) is answered as a page
    that does not exist: a cancelled dialogue is not recorded, a held one not moved."""
    try:
        yield
    except StateError:
        abort(404)


def start_of(form) -> datetime:
    hours, minutes = (int(part) for part in form.time.data.split(":"))
    local = datetime.combine(form.day.data, datetime.min.time()).replace(
        hour=hours, minute=minutes)
    return scheduling.to_utc(local, form.timezone.data)


def site_zone(cycle: SurveyCycle) -> str:
    return cycle.site.timezone or "UTC"


def detail_context(dialogue: Dialogue, **forms):
    site = dialogue.site
    times = scheduling.local_times(dialogue.starts_at, dialogue.minutes, [
        scheduling.Attendee(p.id, p.timezone, p.country) for p in dialogue.participants
    ] + [scheduling.Attendee("site", site_zone(dialogue.cycle), site.country)],
        str(get_locale()))
    by_key = {t.key: t for t in times}
    context = dict(dialogue=dialogue, times=by_key, organisations=ORGANISATIONS,
                   language_names=TALK_LANGUAGES, local=scheduling.from_utc,
                   confirm_form=ConfirmForm(), today=today(),
                   participant_form=forms.get("participant_form") or ParticipantForm(
                       data={"timezone": site_zone(dialogue.cycle),
                             "country": site.country, "language": dialogue.language}),
                   point_form=forms.get("point_form") or point_form_for(dialogue),
                   move_form=forms.get("move_form") or MoveForm(data={
                       "timezone": dialogue.timezone,
                       "day": scheduling.from_utc(dialogue.starts_at, dialogue.timezone).date(),
                       "time": scheduling.from_utc(dialogue.starts_at, dialogue.timezone)
                       .strftime("%H:%M")}))
    if current_user.is_brand:
        items = checklist.checklist(queries.facts(dialogue))
        context.update(items=items, progress=checklist.progress(items))
    return context


def point_form_for(dialogue: Dialogue, formdata=None) -> PointForm:
    form = PointForm(formdata=formdata)
    form.question_code.choices = [("", "—")] + [
        (q.code, f"{q.code} · {q.text(str(get_locale()))[:60]}")
        for q in dialogue.cycle.version.questions]
    return form
