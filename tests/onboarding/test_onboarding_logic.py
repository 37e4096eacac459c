"""Prioritising sites and spotting holidays, without Flask."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsdialog import calendar
from wsdialog.onboarding import timeline
from wsdialog.onboarding.scoring import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    SiteCriteria,
    expected_outlook,
    normalised,
    priority,
)

RISKY_BIG = SiteCriteria(country_risk=5, labour_relations_risk=5, headcount=2500, severity=5,
                         irreversibility=4, years=8, trust=4, purchase_share_pct=20,
                         order_stability=4, over_asked=False)
CALM_SMALL = SiteCriteria(country_risk=1, labour_relations_risk=1, headcount=80, severity=1,
                          irreversibility=1, years=1, trust=2, purchase_share_pct=1,
                          order_stability=2, over_asked=True)


def test_a_risky_large_site_with_a_good_relationship_comes_first():
    assert priority(RISKY_BIG).score > priority(CALM_SMALL).score
    assert priority(RISKY_BIG).score <= 100 and priority(CALM_SMALL).score >= 0


def test_contributions_add_up_to_the_score_and_name_every_criterion():
    result = priority(RISKY_BIG)
    assert set(result.contributions) == set(CRITERIA)
    assert sum(result.contributions.values()) == pytest.approx(result.score, abs=0.6)


def test_an_over_asked_supplier_loses_exactly_its_weight():
    asked = priority(SiteCriteria(over_asked=True))
    free = priority(SiteCriteria(over_asked=False))
    assert free.score - asked.score == pytest.approx(
        normalised(DEFAULT_WEIGHTS)["not_over_asked"], abs=0.2)


def test_unknown_criteria_count_halfway_and_are_listed():
    result = priority(SiteCriteria())
    assert result.score == pytest.approx(50, abs=0.5)
    assert set(result.unknown) == set(CRITERIA)


def test_weights_are_the_companys_to_change():
    only_workers = {code: 0 for code in CRITERIA} | {"workers": 1}
    big, small = SiteCriteria(headcount=2000), SiteCriteria(headcount=100)
    assert priority(big, only_workers).score == 100
    assert priority(small, only_workers).score == 5
    assert normalised({code: 0 for code in CRITERIA}) == normalised(DEFAULT_WEIGHTS)
    assert normalised({"workers": -5, "trust": 5})["workers"] == 0


@given(st.builds(SiteCriteria, *[st.one_of(st.none(), st.integers(-10, 10_000))] * 9,
                 st.one_of(st.none(), st.booleans())),
       st.dictionaries(st.sampled_from(sorted(CRITERIA)), st.integers(-5, 100)))
def test_scores_stay_between_0_and_100_whatever_is_entered(site, weights):
    assert 0 <= priority(site, weights).score <= 100


def test_the_outlook_helps_mix_the_shortlist():
    assert expected_outlook(RISKY_BIG) == "higher_risk"
    assert expected_outlook(CALM_SMALL) == "expected_good"
    assert expected_outlook(SiteCriteria()) == "unknown"


def test_chinese_new_year_and_tet_are_found_near_a_date():
    near = calendar.holidays_near("CN", date(2027, 2, 4))
    assert any("Chinese New Year" in h.name for h in near)
    vietnamese = calendar.holidays_near("VN", date(2027, 2, 6), locale="vi")
    assert any("Tết" in h.name for h in vietnamese)
    assert calendar.holidays_near("VN", date(2027, 7, 15)) == []


def test_diwali_in_india_and_windows_across_a_new_year():
    found = calendar.holidays_between("IN", date(2026, 11, 1), date(2026, 11, 30))
    assert any("Diwali" in h.name for h in found)
    across = calendar.holidays_between("NL", date(2026, 12, 20), date(2027, 1, 5))
    assert [h.day for h in across] == sorted(h.day for h in across)
    assert date(2027, 1, 1) in {h.day for h in across}


def test_a_country_without_a_calendar_gives_no_warnings_not_an_error():
    assert calendar.holidays_near("XX", date(2027, 1, 1)) == []
    assert calendar.has_calendar("XX") is False and calendar.has_calendar("vn") is True


def test_a_milestone_in_the_weeks_after_chinese_new_year_is_warned_about():
    found = timeline.warnings_for("CN", date(2027, 2, 24), None, "zh_Hans")
    assert found.holidays == [] and [p.name for p in found.periods] == ["春节"]
    near = timeline.warnings_for("CN", date(2027, 2, 4), None, "en")
    assert near.holidays and near.periods  # the new year itself, and the weeks around it
    assert not timeline.warnings_for(None, date(2027, 2, 24), None, "en")


def test_holiday_days_are_grouped_into_spans():
    found = calendar.holidays_near("CN", date(2027, 2, 7))
    spans = calendar.spans(found)
    assert len(spans) < len(found)
    assert all(s.first <= s.last for s in spans)


def test_the_funnel_counts_suppliers_once_and_per_year():
    from datetime import datetime

    from wsdialog.onboarding.pipeline import Move, Stage, funnel

    def at(day):
        return datetime.fromisoformat(day)

    moves = [
        Move(1, Stage.approached, at("2026-03-01"), strategies=("benefits",)),
        Move(1, Stage.in_discussion, at("2026-03-10"), strategies=("benefits",)),
        Move(1, Stage.joined, at("2026-03-31"), strategies=("benefits",)),
        Move(2, Stage.approached, at("2026-04-01")),
        Move(2, Stage.declined, at("2026-04-20"), reasons=("fewer_orders", "no_capacity")),
        Move(3, Stage.approached, at("2025-11-01"), strategies=("ambassador",)),
        Move(3, Stage.joined, at("2025-11-21"), strategies=("ambassador",)),
        Move(4, Stage.shortlisted, at("2026-05-01")),  # never approached: not counted
    ]
    year = funnel(moves, 2026)
    assert (year.approached, year.joined, year.declined) == (2, 1, 1)
    assert year.join_rate == 0.5 and year.days_to_join == 30
    assert year.reasons == {"fewer_orders": 1, "no_capacity": 1}
    assert year.strategies_joined == {"benefits": 1}
    ever = funnel(moves)
    assert (ever.approached, ever.joined) == (3, 2) and ever.days_to_join == 25
    assert funnel([]).join_rate is None


def test_a_declined_supplier_is_not_suggested_before_its_reask_date():
    from wsdialog.onboarding.pipeline import Stage, add_months, default_reask, may_approach

    declined_on = date(2026, 8, 31)
    assert default_reask(declined_on) == date(2027, 2, 28)  # month end kept sensible
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert not may_approach(Stage.declined, date(2027, 2, 28), date(2027, 2, 27))
    assert may_approach(Stage.declined, date(2027, 2, 28), date(2027, 2, 28))
    assert not may_approach(Stage.joined, None, date(2027, 1, 1))
