"""The anonymity rule end to end, property-tested on random cycles in the real
database: whatever the respondents, every figure the dashboard shows (for the whole
cycle and for every group of every dimension), every export cell and every poster
number comes from at least k answers, and no dimension leaves between 1 and k−1
answers to be found by subtraction.

And against an attacker who *acts* (issue 20): he adds up to k−1 answers of his
choice to a random cycle and knows every other answer but one worker's; from
every figure every page shows he must not be certain of any of her answers."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from flask_login import login_user
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wsdialog.extensions import db
from wsdialog.questionnaires.answers import Answer
from wsdialog.results.anonymity import Counts, Shown, Withheld, blurred_counts, likelihood
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
    _store(cycle, people)
    k = settings_for(cycle.company_id)[1]

    def answered(code, dimension=None, value=None):
        """True answers to ``code`` (of one group): what the threshold is about."""
        return sum(1 for p in people if code in p.answers
                   and (dimension is None or p.demographics[dimension] == value))

    with app.test_request_context():
        login_user(eva)
        facts = page_facts(cycle, eva)
        whole = page_data(facts)
        shown_whole = {r.question.code: r.cell for _t, rows in whole["groups"] for r in rows}
        for code, cell in shown_whole.items():
            assert not isinstance(cell, Shown) or answered(code) >= k
        for dimension in DIMENSIONS:
            shown_totals = {code: 0 for code in CODES}
            for value in ALLOWED[dimension]:
                data = page_data(facts, dimension, value)
                for _theme, rows in data["groups"]:
                    for row in rows:
                        if isinstance(row.cell, Shown):
                            true = answered(row.question.code, dimension, value)
                            assert true >= k
                            shown_totals[row.question.code] += true
            for code in CODES:
                rest = answered(code) - shown_totals[code]
                if isinstance(shown_whole[code], Shown):
                    # What subtraction from the total could reveal: nothing, or k or more.
                    assert rest == 0 or rest >= k, (dimension, code, rest)
                elif shown_whole[code].reason != "blurred":
                    assert shown_totals[code] == 0
        # Export cells and poster numbers come from the same protected cells.
        for item in cycle_cells([cycle]):
            assert item.cells == shown_whole


def _store(cycle, people):
    for table in (ResponseAnswer, AnswerTally, Response):
        db.session.execute(sa.delete(table))
    store(cycle, people)
    db.session.commit()


CATEGORIES = ("positive", "dont_know", "negative")


def _category(question, answer: Answer) -> str:
    if answer is Answer.dont_know:
        return "dont_know"
    return "negative" if answer.value == question.negative else "positive"


def _counts(people, question) -> Counts:
    tally = dict.fromkeys(CATEGORIES, 0)
    for person in people:
        if question.code in person.answers:
            tally[_category(question, person.answers[question.code])] += 1
    return Counts(tally["positive"], tally["dont_know"], tally["negative"])


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(real=st.lists(respondent, min_size=1, max_size=10),
       his=st.lists(respondent, min_size=0, max_size=4),  # up to k−1 of his own
       seed=st.text("0123456789abcdef", min_size=32, max_size=32))
def test_an_attacker_who_adds_answers_is_never_certain_of_anyones(app, setup, real, his, seed):
    """The strongest attacker: he sent up to four answers himself and knows every
    other answer but hers (the first worker's). Every figure every page shows
    (the dashboard of the whole cycle and of each group, the cycle cells that
    exports, trends, the poster and the dialogue read) is the cell's true count
    blurred, as ``anonymity.blurred_counts`` draws it; so the chance of what he
    sees is known for each answer she might have given, and it is above zero for
    every one of them: no figure, and no combination of figures, makes him certain."""
    eva, cycle = setup
    cycle.figure_seed = seed
    _store(cycle, real + his)
    target, others = real[0], real[1:] + his
    questions = {q.code: q for q in cycle.version.questions}
    with app.test_request_context():
        login_user(eva)
        facts = page_facts(cycle, eva)
        # Every cell shown anywhere, with who is in it: (where, shown counts, members).
        seen = [(("all", r.question.code), r.cell, lambda p: True)
                for _t, rows in page_data(facts)["groups"] for r in rows]
        assert {w[1]: c for w, c, _m in seen} == cycle_cells([cycle])[0].cells
        for dimension in DIMENSIONS:
            for value in ALLOWED[dimension]:
                seen += [((dimension, value, r.question.code), r.cell,
                          lambda p, d=dimension, v=value: p.demographics[d] == v)
                         for _t, rows in page_data(facts, dimension, value)["groups"]
                         for r in rows]
    looks = []
    for where, cell, member in seen:
        if isinstance(cell, Withheld) and cell.reason != "blurred":
            continue  # withheld on the true totals, the same whatever she answered
        shown = cell.counts if isinstance(cell, Shown) else Counts()
        question = questions[where[-1]]
        true = _counts([p for p in real + his if member(p)], question)
        # The figure is exactly the true count blurred for this cell, nothing else.
        assert shown == blurred_counts(true, seed, where), where
        looks.append((question, shown, _counts([p for p in others if member(p)], question),
                      member(target)))
    for code, answer in target.answers.items():
        chances = {}
        for hers in CATEGORIES:  # each answer she might have given
            chance = 1.0
            for question, shown, rest, hers_in in looks:
                if question.code != code:
                    continue
                true = {c: getattr(rest, c) + (hers_in and c == hers) for c in CATEGORIES}
                for c in CATEGORIES:
                    chance *= likelihood(getattr(shown, c), true[c])
            chances[hers] = chance
        # Every answer stays possible: he can guess, never know.
        assert all(chance > 0 for chance in chances.values()), (code, chances)
        assert max(chances.values()) / sum(chances.values()) < 1
        assert _category(questions[code], answer) in chances
