"""Holiday periods when factories empty (the weeks after Lunar New Year, Ramadan,
the journeys home for Eid, Diwali or Songkran), without Flask."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsdialog import calendar


def _keys(country, start, end=None, locale=None):
    return [p.key for p in calendar.periods_between(country, start, end or start, locale)]


def test_the_weeks_after_tet_are_warned_about_though_no_day_is_a_holiday():
    found = calendar.holiday_warnings("VN", date(2027, 2, 20), date(2027, 3, 5), "en")
    assert found.holidays == []  # Tết itself (6 February) is over
    [period] = found.periods
    assert (period.key, period.name) == ("lunar_new_year", "Lunar New Year")
    assert period.first < date(2027, 2, 6) < period.last
    assert period.last - date(2027, 2, 6) >= timedelta(weeks=3)
    assert "come back weeks later" in period.meaning
    assert found  # a warning


@pytest.mark.parametrize(("country", "locale", "name"), [
    ("VN", "vi", "Tết Nguyên Đán"),
    ("VN", "en", "Lunar New Year"),
    ("VN", "zh_Hans", "Lunar New Year"),  # no Chinese names for Viet Nam: English
    ("CN", "zh_Hans", "春节"),
    ("CN", "vi", "Chinese New Year (Spring Festival)"),  # no Vietnamese ones for China
    ("CN", "nl", "Chinese New Year (Spring Festival)"),
    ("CN", None, "Chinese New Year (Spring Festival)"),
])
def test_the_holiday_is_named_in_the_users_language_where_the_package_has_it(
        country, locale, name):
    [period] = calendar.periods_between(country, date(2027, 2, 22), date(2027, 2, 22), locale)
    assert period.name == name


def test_ramadan_is_the_month_before_eid_al_fitr_and_eid_sends_workers_home():
    # Eid al-Fitr 2027 is estimated for 10 March in Bangladesh.
    [ramadan] = calendar.periods_between("BD", date(2027, 2, 15), date(2027, 2, 28))
    assert (ramadan.key, ramadan.title) == ("ramadan", "Ramadan")
    assert (ramadan.first, ramadan.last) == (date(2027, 2, 8), date(2027, 3, 9))
    assert "working hours may be shorter" in ramadan.meaning
    assert _keys("BD", date(2027, 3, 8), date(2027, 3, 20)) == ["ramadan", "eid_al_fitr"]
    assert _keys("BD", date(2027, 5, 20)) == ["eid_al_adha"]
    assert _keys("TR", date(2027, 2, 20)) == ["ramadan"]


def test_the_estimate_is_left_out_of_the_name_a_period_says_about_already():
    found = calendar.periods_between("ID", date(2027, 3, 12), date(2027, 3, 12), "en")
    assert [p.name for p in found] == ["Eid al-Fitr"]  # not "Eid al-Fitr (estimated)"
    indonesian = calendar.periods_between("ID", date(2027, 3, 12), date(2027, 3, 12), "vi")
    assert indonesian[0].name == "Eid al-Fitr"  # the package has no Vietnamese for Indonesia


def test_diwali_songkran_and_the_others():
    assert _keys("IN", date(2027, 11, 10)) == ["diwali"]  # 12 days after: before Chhath
    assert _keys("NP", date(2027, 10, 5)) == ["dashain"]
    assert _keys("TH", date(2027, 4, 18)) == ["april_new_year"]
    assert calendar.periods_between("TH", date(2027, 4, 18), date(2027, 4, 18))[0].name \
        == "Songkran Festival"
    assert _keys("KH", date(2027, 9, 30)) == ["pchum_ben"]
    assert _keys("IN", date(2027, 7, 1)) == [] and _keys("VN", date(2027, 7, 1)) == []


def test_countries_without_periods_or_without_a_calendar_give_none():
    assert _keys("NL", date(2027, 2, 10)) == []
    assert _keys("XX", date(2027, 2, 10)) == []
    assert not calendar.holiday_warnings(None, date(2027, 2, 10))
    assert not calendar.holiday_warnings("XX", date(2027, 2, 10))


def test_a_period_reaches_across_the_new_year():
    # Tết 2028 is on 26 January: its period starts in January, a December window
    # does not reach it, a window into the new year does.
    assert _keys("VN", date(2027, 12, 1), date(2027, 12, 31)) == []
    assert _keys("VN", date(2027, 12, 20), date(2028, 1, 20)) == ["lunar_new_year"]
    # Eid al-Fitr comes twice in 2033: two Ramadans.
    assert _keys("BD", date(2033, 1, 1), date(2033, 12, 31)).count("ramadan") == 2


@pytest.mark.parametrize("year", range(2021, 2036))
def test_every_period_finds_its_holiday_each_year(year):
    # A renamed holiday in a new version of the package would silence a warning.
    for rule in calendar.PERIODS:
        for country in rule.countries:
            found = calendar.periods_between(country, date(year, 1, 1), date(year, 12, 31))
            assert rule.key in {p.key for p in found}, (rule.key, country, year)


COUNTRIES = sorted(set().union(*(rule.countries for rule in calendar.PERIODS)))


@given(st.sampled_from(COUNTRIES), st.dates(date(2021, 1, 1), date(2034, 12, 31)),
       st.integers(0, 60), st.integers(0, 60))
def test_periods_overlap_the_window_and_a_wider_window_finds_at_least_as_many(
        country, start, days, more):
    end = start + timedelta(days=days)
    found = calendar.periods_between(country, start, end)
    assert all(p.first <= end and start <= p.last and p.first <= p.last for p in found)
    assert found == sorted(found, key=lambda p: (p.first, p.key))
    wider = calendar.periods_between(country, start - timedelta(days=more), end)
    assert set(found) <= set(wider)
    for day in (start, end):
        assert set(calendar.periods_between(country, day, day)) <= set(found)
