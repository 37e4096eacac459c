"""What several dialogue pages share: the dialogue in the state a page needs, a
refused state change as a 404, the start time a form gives, meeting times shown
in the reader's zone and labelled with its place, and the detail page's context."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from flask import abort
from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import today
from ..forms import ConfirmForm
from ..models import StateError
from ..surveys.models import SurveyCycle
from ..tenancy import get_or_404
from ..zones import place_name
from . import bp, checklist, queries, scheduling
from .forms import TALK_LANGUAGES, MoveForm, ParticipantForm, PointForm, ProposeForm, SectorForm
from .models import Dialogue, DialogueStatus
from .vocabulary import ORGANISATIONS


def dialogue_in(dialogue_id, *states: DialogueStatus, manage: bool = False) -> Dialogue:
    """The dialogue, if the user may reach it (with ``manage``: organise it, as its
    lead does) and it is in one of ``states`` (404 otherwise: a cancelled dialogue
    is not recorded, a planned one has no agreements)."""
    dialogue = get_or_404(Dialogue, dialogue_id, manage=manage)
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


def refusal(code: str, cycle: SurveyCycle, day=None) -> str:
    """What a user reads when a dialogue refuses a time or a record day."""
    released = format_date(cycle.results_shared_on, "long") if cycle.results_shared_on else "–"
    if code == "future":
        return _("A dialogue can only be recorded as held once it has taken place: "
                 "%(date)s is still to come.", date=format_date(day, "long"))
    if code == "before_release":
        return _("The results were released on %(date)s: a dialogue about them can only "
                 "be on that day or later.", date=released)
    return _("Please give a new day, time and time zone, and say why.")


def start_of(form) -> datetime:
    hours, minutes = (int(part) for part in form.time.data.split(":"))
    local = datetime.combine(form.day.data, datetime.min.time()).replace(
        hour=hours, minute=minutes)
    return scheduling.to_utc(local, form.timezone.data)


def site_zone(cycle: SurveyCycle) -> str:
    return cycle.site.timezone or "UTC"


@bp.app_template_global()
def shown_zone(zone: str | None) -> str:
    """The zone meeting times are shown to the reader in: their account's, else
    the meeting's own."""
    return getattr(current_user, "timezone", None) or zone or "UTC"


@bp.app_template_global()
def place(zone: str | None) -> str:
    """The place a zone is named after, in the reader's language ("Amsterdam")."""
    return place_name(zone, str(get_locale()))


@bp.app_template_global()
def meeting_time(moment: datetime, zone: str | None, fmt: str = "medium",
                 own: bool = True) -> str:
    """A meeting's time (``moment`` in UTC) with its place: "Thursday, September
    2, 2027, 05:00 Amsterdam". In the reader's zone (``own``), else in ``zone``."""
    where = shown_zone(zone) if own else (zone or "UTC")
    local = scheduling.from_utc(moment, where)
    return f"{format_date(local.date(), fmt)}, {local:%H:%M} {place(where)}"


def detail_context(dialogue: Dialogue, **forms):
    site = dialogue.site
    times = scheduling.local_times(dialogue.starts_at, dialogue.minutes, [
        scheduling.Attendee(p.id, p.timezone, p.country) for p in dialogue.participants
    ] + [scheduling.Attendee("site", site_zone(dialogue.cycle), site.country)],
        str(get_locale()))
    by_key = {t.key: t for t in times}
    context = dict(dialogue=dialogue, times=by_key, organisations=ORGANISATIONS,
                   language_names=TALK_LANGUAGES, site_zone=site_zone,
                   confirm_form=ConfirmForm(), today=today(),
                   participant_form=forms.get("participant_form") or ParticipantForm(
                       data={"country": site.country, "language": dialogue.language}),
                   propose_form=forms.get("propose_form") or ProposeForm(data=_when(
                       dialogue, shown_zone(site_zone(dialogue.cycle)))),
                   point_form=forms.get("point_form") or point_form_for(dialogue),
                   move_form=forms.get("move_form") or MoveForm(data=_when(
                       dialogue, dialogue.timezone)))
    context.update(points=queries.points_of(dialogue),
                   leads=current_user.is_brand and dialogue.company_id == current_user.company_id)
    if current_user.is_brand:
        items = checklist.checklist(queries.facts(dialogue, current_user.company_id))
        context.update(items=items, progress=checklist.progress(items))
    return context


def _when(dialogue: Dialogue, zone: str) -> dict:
    """The dialogue's day and time in ``zone``, to start a form from."""
    local = scheduling.from_utc(dialogue.starts_at, zone)
    return {"timezone": zone, "day": local.date(), "time": local.strftime("%H:%M")}


def question_choices(dialogue: Dialogue) -> list[tuple[str, str]]:
    """The cycle's questions to choose from, by their short labels, and "none"."""
    locale = str(get_locale())
    return [("", "—")] + [(q.code, q.label(locale))
                          for q in dialogue.cycle.version.questions]


def point_form_for(dialogue: Dialogue, formdata=None) -> PointForm:
    form = PointForm(formdata=formdata)
    form.question_code.choices = question_choices(dialogue)
    return form


def sector_form(item) -> SectorForm:
    """The form marking a point or agreement as sector-wide, starting from the
    theme of its first indicator and the site's country."""
    dialogue = item.dialogue
    codes = getattr(item, "codes", None) or [getattr(item, "question_code", None)]
    theme = next((q.theme for q in dialogue.cycle.version.questions if q.code in codes), "")
    return SectorForm(formdata=None, data={
        "sector_theme": item.sector_theme or theme,
        "sector_country": item.sector_country or dialogue.site.country})
