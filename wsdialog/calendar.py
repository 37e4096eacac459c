"""Public holidays near a date, per country, from the ``holidays`` package, and
the longer periods around some of them when factories empty.

No Flask here. Used to warn when a milestone, survey window or dialogue falls on
or near a holiday of the site's country (Chinese New Year, Tết, Diwali…), when
factories close, workers travel home and replies are slow; and when it falls in
the weeks around such a holiday (migrant workers coming back late after Lunar
New Year, the month of Ramadan, the journeys home for Eid or Songkran).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays

from .text import N_

#: Days before and after a holiday in which we warn.
NEAR_DAYS = 3

#: Our UI language -> the holidays package's language code.
_LANGUAGES = {"zh_Hans": "zh_CN", "vi": "vi", "nl": "nl", "en": "en_US"}
#: The names the package gives in English, which the periods below look for.
_ENGLISH = "en_US"


@dataclass(frozen=True)
class Holiday:
    day: date
    name: str


@cache
def _calendar(country: str, year: int, language: str | None):
    with warnings.catch_warnings():
        # Past the years its lunar tables reach (2035 for Diwali) the package
        # warns and leaves those holidays out: we warn about what it knows.
        warnings.simplefilter("ignore", UserWarning)
        try:
            cal = holidays.country_holidays(country, years=year)
        except NotImplementedError:
            return None
        supported = getattr(cal, "supported_languages", ())
        # Without a language the package follows the server's locale; ask for the
        # user's language, else English, so that names never depend on the server.
        for wanted in (language, _ENGLISH):
            if wanted and wanted in supported:
                return holidays.country_holidays(country, years=year, language=wanted)
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


# -- Periods when factories empty ---------------------------------------------

#: Where most workers are Muslim: Ramadan and the two Eids shape the year.
_MUSLIM_MAJORITY = frozenset({"BD", "EG", "ID", "JO", "MA", "MY", "PK", "TN", "TR"})

#: What a period means for a survey, a deadline or a meeting. Shown translated.
_TRAVEL_HOME = N_("Many workers travel home; factories close for days and some "
                  "workers come back late.")


@dataclass(frozen=True)
class PeriodRule:
    """A stretch of days around a holiday when many workers are away or work
    shorter hours: a rule of thumb from practice, not an official calendar."""

    key: str
    #: The holiday's English names in the ``holidays`` package (per country,
    #: one of them is used); the period is counted from its first day.
    anchors: tuple[str, ...]
    countries: frozenset[str]
    #: First and last day of the period, in days from the holiday's first day.
    offsets: tuple[int, int]
    #: What the period means, for a translated warning.
    meaning: str
    #: Our own name, when the period is not itself a public holiday (Ramadan);
    #: otherwise the holiday's name from the package is shown.
    title: str | None = None


PERIODS: tuple[PeriodRule, ...] = (
    # Factories wind down a week before; migrant workers travel home for
    # weeks, and many return after the Lantern Festival (the 15th day), or not at all.
    PeriodRule("lunar_new_year", ("Chinese New Year (Spring Festival)", "Lunar New Year"),
               frozenset({"CN", "VN"}), (-7, 21), N_(
                   "Many migrant workers go home for the new year and come back weeks "
                   "later, or not at all: factories run short of staff.")),
    # Ramadan is not a public holiday: it is the month before Eid al-Fitr
    # (29 or 30 days; the Eid dates are themselves estimates).
    PeriodRule("ramadan", ("Eid al-Fitr",), _MUSLIM_MAJORITY, (-30, -1), N_(
        "Many workers fast: working hours may be shorter, and people tire by the "
        "afternoon."), title=N_("Ramadan")),
    PeriodRule("eid_al_fitr", ("Eid al-Fitr",), _MUSLIM_MAJORITY, (-4, 10), _TRAVEL_HOME),
    PeriodRule("eid_al_adha", ("Eid al-Adha",), _MUSLIM_MAJORITY, (-3, 7), _TRAVEL_HOME),
    # Migrant workers from Bihar and Uttar Pradesh stay on for Chhath, six days later.
    PeriodRule("diwali", ("Diwali", "Laxmi Pooja"), frozenset({"IN", "NP"}), (-7, 21), N_(
        "Many migrant workers travel home for Diwali and Chhath and come back weeks "
        "later.")),
    PeriodRule("dashain", ("Bijaya Dashami",), frozenset({"NP"}), (-9, 7), _TRAVEL_HOME),
    # The new year in April: Songkran, Chaul Chnam Thmey, Thingyan, Pi Mai.
    PeriodRule("april_new_year", ("Songkran Festival", "Khmer New Year's Day",
                                  "Myanmar New Year", "Lao New Year's Day"),
               frozenset({"TH", "KH", "MM", "LA"}), (-3, 7), _TRAVEL_HOME),
    PeriodRule("pchum_ben", ("Pchum Ben Day",), frozenset({"KH"}), (-2, 5), _TRAVEL_HOME),
)

#: Days of one holiday lie closer together than this; a holiday comes back
#: at the earliest after some 354 days (the Islamic year).
_SAME_HOLIDAY_DAYS = 14

_SUFFIX = re.compile(r" \((estimated|observed|observed, estimated)\)$")


@dataclass(frozen=True)
class HolidayPeriod:
    key: str
    #: The holiday's name in the user's language, else in English.
    name: str
    first: date
    last: date
    #: Untranslated (``N_``): translate where shown.
    meaning: str
    title: str | None = None


def _anchor_names(name: str) -> list[str]:
    """The names of one day (the package joins several with "; "), without
    "(estimated)"; an observed (moved) day names no anchor."""
    if "observed" in name:
        return []
    return [_SUFFIX.sub("", part) for part in name.split("; ")]


def _anchors(country: str, years: range, names: tuple[str, ...]) -> list[tuple[date, int]]:
    """First days of the holiday in ``years`` (Eid al-Fitr can come twice in one
    year), with the position of its name among that day's names. Days of the same
    holiday a few days apart (Eid with Arafah between, or across New Year's Eve)
    count once."""
    days = []
    for year in years:
        cal = _calendar(country, year, _ENGLISH)
        if cal is None:
            return []
        days += sorted(cal.items())
    found, previous = [], None
    for day, name in days:
        parts = _anchor_names(name)
        index = next((i for i, part in enumerate(parts) if part in names), None)
        if index is None:
            continue
        if previous is None or (day - previous).days > _SAME_HOLIDAY_DAYS:
            found.append((day, index))
        previous = day
    return found


def _without_estimate(cal, name: str) -> str:
    """``name`` without the package's "(estimated)" in its language: a period
    says "about" already."""
    label, translate = getattr(cal, "estimated_label", None), getattr(cal, "tr", None)
    if not (label and translate):
        return name
    head, found, tail = translate(label).partition("%s")
    if found and tail and name.startswith(head) and name.endswith(tail):
        return name[len(head):len(name) - len(tail)]
    return name


def _local_name(country: str, day: date, index: int, language: str | None) -> str:
    cal = _calendar(country, day.year, language)
    names = cal.get(day, "").split("; ")
    english = _calendar(country, day.year, _ENGLISH).get(day, "").split("; ")
    # The package lists a day's names in the same order in every language.
    name = names[index] if len(names) == len(english) else "; ".join(names)
    return _without_estimate(cal, name)


def periods_between(country: str, start: date, end: date,
                    locale: str | None = None) -> list[HolidayPeriod]:
    """The periods of ``country`` that overlap ``start`` to ``end`` (inclusive)."""
    country = country.upper()
    language = _LANGUAGES.get(locale or "")
    found = []
    for rule in PERIODS:
        if country not in rule.countries:
            continue
        # A period reaches up to a month into the year before or after its holiday.
        years = range(start.year - 1, end.year + 2)
        for day, index in _anchors(country, years, rule.anchors):
            first = day + timedelta(days=rule.offsets[0])
            last = day + timedelta(days=rule.offsets[1])
            if first <= end and start <= last:
                found.append(HolidayPeriod(
                    rule.key, _local_name(country, day, index, language), first, last,
                    rule.meaning, rule.title))
    return sorted(found, key=lambda p: (p.first, p.key))


@dataclass(frozen=True)
class HolidayWarnings:
    """What to warn about for a date or a window: the public holidays in it (a
    span per holiday) and the periods it touches."""

    holidays: list[HolidaySpan]
    periods: list[HolidayPeriod]

    def __bool__(self) -> bool:
        return bool(self.holidays or self.periods)


def holiday_warnings(country: str | None, start: date, end: date | None = None,
                     locale: str | None = None, near: int = 0) -> HolidayWarnings:
    """Holidays within ``near`` days of ``start`` to ``end``, and the periods
    that overlap it; nothing when no country is known."""
    if not country:
        return HolidayWarnings([], [])
    end = end or start
    return HolidayWarnings(spans(holidays_near(country, start, end, locale, near)),
                           periods_between(country, start, end, locale))
