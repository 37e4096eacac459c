"""The pure rules of grievance figures: periods, what figures may say, the rate
and the readings."""

from __future__ import annotations

from datetime import date

import pytest

from wsdialog.grievances import rules
from wsdialog.grievances.rules import Figures, PeriodKind, Reading, Trend


@pytest.mark.parametrize(("text", "start", "kind", "days"), [
    ("2027-03", date(2027, 3, 1), PeriodKind.month, 31),
    ("2027-3", date(2027, 3, 1), PeriodKind.month, 31),
    ("2027-03-01", date(2027, 3, 1), PeriodKind.month, 31),
    ("2027-Q1", date(2027, 1, 1), PeriodKind.quarter, 90),
    ("2027q4", date(2027, 10, 1), PeriodKind.quarter, 92),
    ("2027-12", date(2027, 12, 1), PeriodKind.month, 31),
])
def test_periods_are_read_from_how_files_write_them(text, start, kind, days):
    period = rules.parse_period(text)
    assert (period.start, period.kind, period.days) == (start, kind, days)


@pytest.mark.parametrize("text", ["", "2027", "2027-13", "2027-Q5", "03/2027", "2027-03-15",
                                  "9999-12", "0000-01", "1200-Q1"])
def test_other_periods_are_refused(text):
    with pytest.raises(ValueError):
        rules.parse_period(text)


def test_a_month_within_a_quarter_overlaps_it_and_the_same_period_does_not():
    quarter = rules.parse_period("2027-Q1")
    assert rules.overlapping(rules.parse_period("2027-02"), [quarter]) == quarter
    assert rules.overlapping(rules.parse_period("2027-04"), [quarter]) is None
    assert rules.overlapping(rules.parse_period("2027-Q1"), [quarter]) is None


@pytest.mark.parametrize(("figures", "expected"), [
    (Figures(received=5, resolved=3, still_open=3), [("resolved", "resolved_open_over_received")]),
    (Figures(received=5, by_theme={"wages": 4, "hours": 2}),
     [("by_theme", "themes_over_received")]),
    (Figures(received=5, women=6), [("women", "part_over_received")]),
    (Figures(received=5, anonymous=9), [("anonymous", "part_over_received")]),
    (Figures(received=-1), [("received", "negative")]),
    (Figures(received=5, by_theme={"gossip": 1}), [("theme:gossip", "unknown_theme")]),
    (Figures(received=5, days_to_resolution=3), [("days_to_resolution",
                                                   "resolution_without_resolved")]),
    (Figures(received=5, resolved=2, days_to_response=4, days_to_resolution=3),
     [("days_to_resolution", "resolution_before_response")]),
    (Figures(received=5, resolved=2, still_open=3, by_theme={"wages": 5}, women=5, anonymous=0,
             days_to_response=1, days_to_resolution=8), []),
])
def test_impossible_figures_are_named(figures, expected):
    assert rules.problems(figures) == expected


def test_the_rate_is_per_1000_workers_per_year():
    assert rules.per_1000_a_year(10, 2000, 365) == pytest.approx(5.0)
    assert rules.per_1000_a_year(1, 1000, 31) == pytest.approx(365 / 31)
    assert rules.per_1000_a_year(3, None, 31) is None


@pytest.mark.parametrize(("rates", "expected"), [
    ([1, 1], None), ([1, 1, 1], Trend.steady), ([1, 1, 1, 2, 2, 2], Trend.rising),
    ([4, 4, 4, 4, 1, 1], Trend.falling), ([0, 0, 3], Trend.rising), ([0, 0, 0], Trend.steady),
])
def test_trend(rates, expected):
    assert rules.trend(rates) is expected


@pytest.mark.parametrize(("rate", "afraid", "expected"), [
    (0.0, 0.6, Reading.silence),   # nothing comes in, most workers afraid: silence
    (4.9, 0.5, Reading.silence),
    (4.9, 0.2, Reading.few),       # few, and few afraid: maybe few problems
    (0.5, None, Reading.few),      # fear not asked, or withheld
    (5.0, 0.9, Reading.used),      # complaints come in: the channel is used
    (30.0, 0.1, Reading.used),     # many is not a bad sign in itself
    (None, 0.9, None),             # no headcount: no rate, no reading
])
def test_the_reading(rate, afraid, expected):
    assert rules.reading(rate, afraid, many_pct=50) is expected
