"""The anonymity rule on real pages: each company's threshold for its own
cycles, comparisons within one company, the linter on released cycles only."""

from __future__ import annotations

from datetime import date

import pytest

from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.questionnaires.answers import Answer
from wsdialog.results.models import ResultsSettings
from wsdialog.surveys.operations import store
from wsdialog.surveys.respondents import Respondent

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-09-01"}


def _people(n, wage="yes", water="yes", gender="woman", day=date(2027, 3, 2)):
    return [Respondent(answered_on=day, channel="web", language="en",
                       demographics={"gender": gender, "age_band": None, "contract": None,
                                     "role": None},
                       answers={"WAGE_RUNS_OUT": Answer(wage), "CLEAN_WATER": Answer(water)})
            for _ in range(n)]


def _released(company, site, version, people, starts_on, ends_on):
    cycle = f.cycle(company, site, version, starts_on=starts_on, ends_on=ends_on)
    db.session.flush()
    store(cycle, people)
    cycle.results_shared_on = ends_on
    return cycle


@pytest.fixture
def shared(app):
    """Ningbo works for Noordwind (threshold 5) and Linde (threshold 10)."""
    noordwind, linde = f.company("Noordwind"), f.company("Linde")
    ningbo = f.supplier(noordwind, linde, name="Ningbo")
    site = f.site(ningbo, name="Yinzhou", headcount=200)
    db.session.add(ResultsSettings(company_id=linde.id, min_group=10, priority_pct=50))
    eva = f.user(company=noordwind, name="Eva")
    pieter = f.user(company=linde, name="Pieter")
    chen = f.user(Role.supplier, supplier=ningbo, name="Chen")
    v_noordwind = f.published(noordwind, "N")
    v_linde = f.published(linde, "L")
    # Linde's spring cycle: 8 answers (all: the water is bad), under Linde's 10.
    linde_spring = _released(linde, site, v_linde, _people(8, wage="no", water="no"),
                             date(2027, 3, 1), date(2027, 3, 14))
    # Noordwind's summer cycle: 20 answers, half say wages run out.
    noordwind_summer = _released(noordwind, site, v_noordwind,
                                 _people(10) + _people(10, wage="no"),
                                 date(2027, 6, 1), date(2027, 6, 14))
    db.session.commit()
    return eva, pieter, chen, linde_spring, noordwind_summer


def test_a_suppliers_trends_use_each_cycles_own_company_threshold(shared, as_user):
    eva, _pieter, chen, linde_spring, _summer = shared
    # Noordwind (threshold 5) surveyed the site first, in January.
    _released(eva.company, linde_spring.site, _summer.version, _people(20, wage="no"),
              date(2027, 1, 4), date(2027, 1, 17))
    db.session.commit()
    trends = as_user(chen).get(f"/sites/{linde_spring.site_id}/trends").get_data(as_text=True)
    summer = f.shown(_summer, ("all", "WAGE_RUNS_OUT"), 10, 0, 10)  # 50 %, blurred
    assert f"<strong>{f.pct(summer.negative_share)}</strong>" in trends  # Noordwind's
    # Linde's 8 answers (water: 100 % negative) stay withheld under Linde's 10.
    assert "<strong>100%</strong>" not in trends
    export = as_user(chen).get(f"/cycles/{linde_spring.id}/results.csv").get_data(
        as_text=True)
    assert "Fewer than 10 workers answered" in export and ",1.0," not in export


def test_change_since_compares_with_the_same_companys_previous_cycle(shared, as_user):
    eva, _pieter, chen, _spring, summer = shared
    for user in (eva, chen):
        page = as_user(user).get(f"/cycles/{summer.id}/results").get_data(as_text=True)
        shown = f.shown(summer, ("all", "WAGE_RUNS_OUT"), 10, 0, 10)  # 50 %, blurred
        assert f"Negative <strong>{f.pct(shown.negative_share)}</strong>" in page
        assert "since the previous cycle" not in page  # Linde's cycle is not Noordwind's


def test_fifty_women_forty_eight_men_two_others_on_the_dashboard(app, as_user):
    company = f.company("Noordwind")
    eva = f.user(company=company)
    site = f.site(f.supplier(company), headcount=200)
    cycle = f.cycle(company, site, f.published(company, "S"), headcount=200)
    db.session.flush()
    store(cycle, _people(50, gender="woman") + _people(48, wage="no", gender="man")
          + _people(2, wage="no", gender="other"))
    db.session.commit()
    client = as_user(eva)
    women = client.get(f"/cycles/{cycle.id}/results?group=gender:woman").get_data(as_text=True)
    men = client.get(f"/cycles/{cycle.id}/results?group=gender:man").get_data(as_text=True)
    other = client.get(f"/cycles/{cycle.id}/results?group=gender:other").get_data(as_text=True)
    shown = f.shown(cycle, ("gender", "woman", "WAGE_RUNS_OUT"), negative=50)
    assert f"Negative <strong>{f.pct(shown.negative_share)}</strong>" in women  # all 50
    assert "Not shown although enough people in this group answered" in men
    assert "Negative <strong>" not in men and "Fewer than 5 people" in other


def test_the_near_always_positive_check_counts_released_cycles_only(app, as_user):
    company = f.company("Noordwind")
    db.session.add(ResultsSettings(company_id=company.id, min_group=10, priority_pct=50))
    eva = f.user(company=company)
    site = f.site(f.supplier(company), headcount=200)
    questionnaire, version = f.questionnaire(company, "S")
    version.published_at = f.utcnow()
    # Water is fine for everyone: in a released cycle of 40, and an open one of 6.
    released = _released(company, site, version, _people(40), date(2027, 3, 1),
                         date(2027, 3, 14))
    open_now = f.cycle(company, site, version, starts_on=date(2027, 8, 25),
                       ends_on=date(2027, 9, 7))
    db.session.flush()
    store(open_now, _people(6))
    db.session.commit()
    from wsdialog.results.history import positive_history

    with app.test_request_context():
        from flask_login import login_user

        login_user(eva)
        history = positive_history(version)
    # One share per released cycle; the open cycle (6 < 10, and open) adds nothing.
    shown = f.shown(released, ("all", "CLEAN_WATER"), positive=40)  # 100 %, blurred
    assert history.get("CLEAN_WATER") == [shown.shares[0]]
    page = as_user(eva).get(f"/questionnaires/{questionnaire.id}").get_data(as_text=True)
    assert "CLEAN_WATER" in page
