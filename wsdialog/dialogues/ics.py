"""A dialogue's calendar invitation as an .ics file, with the icalendar package.
No Flask. Times are written in UTC, which every calendar shows in its own zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event, vCalAddress, vText


def invitation(uid: str, starts_utc: datetime, minutes: int, summary: str,
               description: str, location: str, organizer: tuple[str, str] | None,
               attendees: list[tuple[str, str | None]], sequence: int = 0,
               stamp: datetime | None = None, cancelled: bool = False) -> bytes:
    """``starts_utc`` is naive UTC; ``attendees`` are (name, e-mail or None)."""
    cal = Calendar()
    cal.add("prodid", "-//wsdialog//dialogue//EN")
    cal.add("version", "2.0")
    cal.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", (stamp or datetime.now(UTC)).replace(tzinfo=UTC))
    event.add("dtstart", starts_utc.replace(tzinfo=UTC))
    event.add("dtend", starts_utc.replace(tzinfo=UTC) + timedelta(minutes=minutes))
    event.add("summary", summary)
    event.add("description", description)
    if location:
        event.add("location", location)
    if cancelled:
        event.add("status", "CANCELLED")
    if organizer:
        name, email = organizer
        address = vCalAddress(f"mailto:{email}")
        address.params["cn"] = vText(name)
        event["organizer"] = address
    for name, email in attendees:
        if not email:
            continue
        address = vCalAddress(f"mailto:{email}")
        address.params["cn"] = vText(name)
        address.params["role"] = vText("REQ-PARTICIPANT")
        event.add("attendee", address, encode=0)
    cal.add_component(event)
    return cal.to_ical()
