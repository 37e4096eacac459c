"""When a dialogue is, for everyone taking part. No Flask.

A proposed time is kept in UTC and shown in each participant's own time zone,
with the public holidays of their country on that day, the holiday periods it
falls in (the weeks after Lunar New Year, Ramadan…), and a warning when it falls
outside 08:00–18:00 local time (or on a weekend) for anyone.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import calendar

WORKDAY = (time(8), time(18))


@dataclass(frozen=True)
class Attendee:
    key: Hashable
    timezone: str
    country: str | None = None


@dataclass(frozen=True)
class LocalTime:
    key: Hashable
    starts: datetime  # aware, in the attendee's zone
    ends: datetime
    holidays: list[str] = field(default_factory=list)
    periods: list[calendar.HolidayPeriod] = field(default_factory=list)

    @property
    def outside_hours(self) -> bool:
        return (self.starts.time() < WORKDAY[0] or self.ends.time() > WORKDAY[1]
                or self.ends.date() != self.starts.date())

    @property
    def weekend(self) -> bool:
        return self.starts.weekday() >= 5

    @property
    def warn(self) -> bool:
        return self.outside_hours or self.weekend or bool(self.holidays or self.periods)


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def to_utc(local: datetime, timezone: str) -> datetime:
    """A wall-clock time in ``timezone`` as naive UTC (how times are stored)."""
    return local.replace(tzinfo=zone(timezone)).astimezone(UTC).replace(tzinfo=None)


def from_utc(moment: datetime, timezone: str) -> datetime:
    return moment.replace(tzinfo=UTC).astimezone(zone(timezone))


def local_times(starts_utc: datetime, minutes: int, attendees: Iterable[Attendee],
                locale: str | None = None) -> list[LocalTime]:
    """Each attendee's local start and end, with that day's public holidays and
    the holiday periods it falls in."""
    found = []
    for attendee in attendees:
        starts = from_utc(starts_utc, attendee.timezone)
        ends = starts + timedelta(minutes=minutes)
        names = [h.name for h in calendar.holidays_between(
            attendee.country, starts.date(), ends.date(), locale)] if attendee.country else []
        periods = calendar.periods_between(
            attendee.country, starts.date(), ends.date(), locale) if attendee.country else []
        found.append(LocalTime(attendee.key, starts, ends, names, periods))
    return found

