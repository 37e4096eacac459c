"""What the dialogue sends, in the reader's language: the calendar file, the
invitations and the follow-up message."""

from __future__ import annotations

from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import now
from ..i18n import normalise_locale
from ..zones import place_name
from . import ics, scheduling
from .models import Dialogue, Participant
from .vocabulary import OWNERS


def written_in(code: str | None) -> str:
    """The shipped interface language closest to ``code`` (mails and calendar
    files are written in those), else English."""
    return normalise_locale(code) or "en"


def calendar_file(dialogue: Dialogue, to: Participant | None = None,
                  cancelled: bool = False) -> bytes:
    """The calendar file. It names the organiser and, when sent to one person, that
    person: never the other participants' addresses (worker representatives' and
    union people's among them), which the supplier must not collect."""
    site = dialogue.site
    with force_locale(written_in(dialogue.language)):
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


def invitation_text(dialogue: Dialogue, participant: Participant) -> tuple[str, str]:
    """Subject and body in the participant's language, with their local time."""
    starts = scheduling.from_utc(dialogue.starts_at, participant.timezone)
    lang = written_in(participant.language)
    with force_locale(lang):
        subject = _("Invitation: dialogue about the worker survey at %(site)s",
                    site=dialogue.site.name)
        lines = [
            _("Dear %(name)s,", name=participant.name), "",
            _("%(company)s invites you to a conversation about the results of the worker "
              "survey at %(site)s.", company=dialogue.company.name, site=dialogue.site.name),
            "",
            _("When: %(when)s (%(zone)s), %(minutes)s minutes",
              when=f"{format_date(starts.date(), 'full')}, {starts:%H:%M}",
              zone=place_name(participant.timezone, lang), minutes=dialogue.minutes),
        ]
        if dialogue.place:
            lines.append(_("Where: %(place)s", place=dialogue.place))
        if dialogue.look_beforehand and participant.organisation in ("supplier", "factory"):
            lines += ["", _("Could you look at this beforehand?"), dialogue.look_beforehand]
        lines += ["", _("The results never lead to sanctions or fewer orders. The aim is "
                        "to improve things together."), "",
                  _("The calendar file is attached."), "", dialogue.created_by.name]
    return subject, "\n".join(lines)


def follow_up_text(dialogue: Dialogue, points, lang: str) -> tuple[str, str]:
    """The points discussed (those the writer sees) and the agreements, in
    ``lang``: subject and body."""
    with force_locale(lang):
        subject = _("Our dialogue about the worker survey at %(site)s: what we agreed",
                    site=dialogue.site.name)
        lines = [_("Thank you for the conversation on %(date)s.",
                   date=format_date(dialogue.held_on or dialogue.starts_at.date(), "long")),
                 "", _("What we discussed:")]
        lines += [f"- {p.text}" for p in points] or ["-"]
        lines += ["", _("What we agreed:")]
        for action in dialogue.actions:
            who = action.owner_name or action.acting_company or _(OWNERS[action.owner])
            lines.append("- " + _("%(what)s (%(who)s, by %(date)s)", what=action.title,
                                  who=who, date=format_date(action.due_on, "long")))
        if not dialogue.actions:
            lines.append("-")
        lines += ["", _("You can follow the agreements and update them in wsdialog, under "
                        "Dialogues."),
                  _("The results never lead to sanctions or fewer orders."), "",
                  current_user.name]
    return subject, "\n".join(lines)


def supplier_language(dialogue: Dialogue) -> str:
    for participant in dialogue.participants:
        if participant.organisation in ("supplier", "factory") \
                and normalise_locale(participant.language):
            return written_in(participant.language)
    return written_in(dialogue.language)
