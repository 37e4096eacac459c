"""Public holidays near a date, per country, from the ``holidays`` package.

No Flask here. Used to warn when a milestone, survey window or dialogue falls on
or near a holiday of the site's country (Chinese New Year, Tết, Diwali…), when
factories close, workers travel home and replies are slow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays

#: Days before and after a holiday in which we warn.
NEAR_DAYS = 3

#: Our UI language -> the holidays package's language code.
_LANGUAGES = {"zh_Hans": "zh_CN", "vi": "vi", "nl": "nl", "en": "en_US"}


@dataclass(frozen=True)
class Holiday:
    day: date
    name: str


@cache
def _calendar(country: str, year: int, language: str | None):
    try:
        cal = holidays.country_holidays(country, years=year)
    except NotImplementedError:
        return None
    if language and language in getattr(cal, "supported_languages", ()):
        cal = holidays.country_holidays(country, years=year, language=language)
    return cal


def has_calendar(country: str) -> bool:
    return _calendar(country.upper(), date.today().year, None) is not None


def holidays_between(country: str, start: date, end: date,
                     locale: str | None = None) -> list[Holiday]:
    """Public holidays of ``country`` from ``start`` to ``end`` (inclusive)."""
    language = _LANGUAGES.get(locale or "")
    found: list[Holiday] = []
    for year in range(start.year, end.year + 1):
        cal = _calendar(country.upper(), year, language)
        if cal is None:
            return []
        found += [Holiday(day, name) for day, name in cal.items() if start <= day <= end]
    return sorted(set(found), key=lambda h: (h.day, h.name))


def holidays_near(country: str, start: date, end: date | None = None,
                  locale: str | None = None, near: int = NEAR_DAYS) -> list[Holiday]:
    """Holidays within ``near`` days of the period from ``start`` to ``end``."""
    end = end or start
    return holidays_between(country, start - timedelta(days=near), end + timedelta(days=near),
                            locale)


@dataclass(frozen=True)
class HolidaySpan:
    name: str
    first: date
    last: date


def spans(found: list[Holiday]) -> list[HolidaySpan]:
    """Consecutive days of the same holiday as one span (Tết is several days)."""
    out: list[HolidaySpan] = []
    for holiday in sorted(found, key=lambda h: h.day):
        base = holiday.name.replace(" (observed)", "")
        if out and out[-1].name == base and (holiday.day - out[-1].last).days <= 1:
            out[-1] = HolidaySpan(base, out[-1].first, holiday.day)
        else:
            out.append(HolidaySpan(base, holiday.day, holiday.day))
    return out
