"""The anonymity rule end to end, property-tested on random cycles in the real
database: whatever the respondents, every figure the dashboard shows (for the whole
cycle and for every group of every dimension), every export cell and every poster
number comes from at least k answers, and no dimension leaves between 1 and k−1
answers to be found by subtraction."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from flask_login import login_user
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wsdialog.extensions import db
from wsdialog.questionnaires.answers import Answer
from wsdialog.results.anonymity import Shown
from wsdialog.results.dashboard import page_data, page_facts
from wsdialog.results.queries import cycle_cells
from wsdialog.results.settings import settings_for
from wsdialog.surveys.models import AnswerTally, Response, ResponseAnswer
from wsdialog.surveys.operations import store
from wsdialog.surveys.respondents import ALLOWED, Respondent

from .. import factories as f

CODES = ("WAGE_RUNS_OUT", "CLEAN_WATER")
DIMENSIONS = ("gender", "age_band")

respondent = st.builds(
    lambda gender, age, wage, water: Respondent(
        date(2027, 3, 2), "phone", "en",
        {"gender": gender, "age_band": age, "contract": None, "role": None},
        {code: answer for code, answer in (("WAGE_RUNS_OUT", wage), ("CLEAN_WATER", water))
         if answer is not None}),
    st.sampled_from([*ALLOWED["gender"], None]),
    st.sampled_from([*ALLOWED["age_band"], None]),
    st.sampled_from([*Answer, None]), st.sampled_from([*Answer, None]))


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-04-01"}  # the cycle has closed


@pytest.fixture
def setup(app):
    company = f.company("Noordwind")
    eva = f.user(company=company)
    site = f.site(f.supplier(company), headcount=500)
    cycle = f.cycle(company, site, f.published(company, "S", CODES), headcount=500)
    cycle.figures_shown_on = date(2027, 4, 1)  # figures are read of final respondents only
    db.session.commit()
    return eva, cycle


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(respondent, min_size=0, max_size=40))
@example(people=[Respondent(date(2027, 3, 2), "web", "en",  # skipped every question
                            {"gender": None, "age_band": None, "contract": None,
                             "role": None}, {})])
def test_no_figure_anywhere_comes_from_fewer_than_k_answers(app, setup, people):
    eva, cycle = setup
    for table in (ResponseAnswer, AnswerTally, Response):
        db.session.execute(sa.delete(table))
    store(cycle, people)
    db.session.commit()
    k = settings_for(cycle.company_id)[1]
    with app.test_request_context():
        login_user(eva)
        facts = page_facts(cycle, eva)
        whole = page_data(facts)
        shown_whole = {r.question.code: r.cell for _t, rows in whole["groups"] for r in rows}
        for cell in shown_whole.values():
            assert not isinstance(cell, Shown) or cell.counts.total >= k
        for dimension in DIMENSIONS:
            shown_totals = {code: 0 for code in CODES}
            for value in ALLOWED[dimension]:
                data = page_data(facts, dimension, value)
                for _theme, rows in data["groups"]:
                    for row in rows:
                        if isinstance(row.cell, Shown):
                            assert row.cell.counts.total >= k
                            shown_totals[row.question.code] += row.cell.counts.total
            for code in CODES:
                answered = sum(1 for p in people if code in p.answers)
                rest = answered - shown_totals[code]
                if isinstance(shown_whole[code], Shown):
                    # What subtraction from the total could reveal: nothing, or k or more.
                    assert rest == 0 or rest >= k, (dimension, code, rest)
                else:
                    assert shown_totals[code] == 0
        # Export cells and poster numbers come from the same protected cells.
        for item in cycle_cells([cycle]):
            for cell in item.cells.values():
                assert not isinstance(cell, Shown) or cell.counts.total >= k
        poster_rows = [r for _t, rows in whole["groups"] for r in rows
                       if not r.cell.suppressed]
        assert all(r.cell.counts.total >= k for r in poster_rows)
