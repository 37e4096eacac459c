"""The method chooser's rules, without Flask: one table per method, then
combinations, gaps, contradictions and incomplete answers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsdialog.chooser.questions import (
    QUESTIONS,
    STEPS,
    SiteFacts,
    clean,
    known_from_site,
    questions_to_ask,
)
from wsdialog.chooser.rules import Fit, Method, recommend

R, P, N = Fit.recommended, Fit.possible, Fit.not_advised


def fit(method: Method, **answers) -> Fit:
    return recommend(answers).advice(method).fit


@pytest.mark.parametrize("answers,expected", [
    ({"union": "yes", "union_independent": "yes", "association": "free"}, R),
    ({"union": "yes", "union_independent": "yes", "association": "banned"}, N),
    ({"union": "yes", "union_independent": "no", "committee": "yes"}, N),  # yellow union
    ({"union": "yes"}, P),  # present, trust unknown
    ({"union": "no", "committee": "yes"}, P),
    ({"union": "no", "committee": "no"}, N),
    ({"union": "no", "association": "restricted"}, N),
    ({}, P),
])
def test_union(answers, expected):
    assert fit(Method.union, **answers) is expected


@pytest.mark.parametrize("answers,expected", [
    ({"trusted_ngo": "yes", "third_party": "yes"}, R),
    ({"trusted_ngo": "yes", "third_party": "no"}, P),
    ({"trusted_ngo": "no"}, N),
    ({"trusted_ngo": "yes", "ngo_space": "restricted", "third_party": "no"}, P),
    ({"trusted_ngo": "no", "third_party": "no"}, N),
    ({"trusted_ngo": "yes", "women_barriers": "yes"}, R),
    ({}, P),
])
def test_ngo(answers, expected):
    assert fit(Method.ngo, **answers) is expected


@pytest.mark.parametrize("answers,expected", [
    ({"grievance": "yes", "grievance_trusted": "yes"}, R),
    ({"grievance": "yes", "grievance_trusted": "no"}, N),
    ({"grievance": "yes", "grievance_trusted": "no", "goals": ["remedy"]}, P),
    ({"grievance": "no", "goals": ["remedy"]}, P),
    ({"grievance": "no"}, N),
])
def test_grievance_mechanism(answers, expected):
    assert fit(Method.grievance, **answers) is expected


@pytest.mark.parametrize("answers,expected", [
    ({"supplier_survey": "yes", "phones": "most", "goals": ["risks"]}, R),
    ({"supplier_survey": "yes"}, P),
    ({"supplier_survey": "no", "phones": "most", "goals": ["risks"]}, N),  # needs supplier
    ({"supplier_survey": "yes", "phones": "few"}, P),  # possible, with the gap named
    ({"phones": "few", "third_party": "no"}, N),
    ({"supplier_survey": "yes", "literacy": "no", "goals": ["risks"]}, R),
])
def test_digital_tool(answers, expected):
    assert fit(Method.digital, **answers) is expected


@pytest.mark.parametrize("answers,expected", [
    ({"audit_planned": "yes"}, P),
    ({"audit_planned": "yes", "goals": ["risks"]}, P),  # never more than possible
    ({"audit_planned": "no"}, N),
    ({}, N),
    ({"audit_planned": "yes", "association": "banned"}, P),
])
def test_audit_interviews(answers, expected):
    assert fit(Method.audit, **answers) is expected


def test_every_reason_names_the_answers_that_caused_it():
    answers = {"union": "yes", "union_independent": "yes", "supplier_survey": "no",
               "grievance": "yes", "grievance_trusted": "no", "trusted_ngo": "yes",
               "third_party": "no", "audit_planned": "yes", "goals": ["risks", "remedy"]}
    for advice in recommend(answers).methods:
        for _points, statement in advice.reasons:
            assert statement.because, statement.text
            assert set(statement.because) <= set(QUESTIONS)


def test_methods_come_best_first():
    result = recommend({"trusted_ngo": "yes", "third_party": "yes", "union": "no",
                        "committee": "no"})
    assert result.methods[0].method is Method.ngo
    assert result.best.method is Method.ngo
    order = [m.fit for m in result.methods]
    assert order == sorted(order, key=[R, P, N].index)


def test_a_union_run_survey_is_suggested_where_both_fit():
    result = recommend({"union": "yes", "union_independent": "yes", "supplier_survey": "yes"})
    assert any("together with the union" in c.text for c in result.combinations)


def test_a_survey_plus_grievance_mechanism_is_suggested_for_remedy():
    result = recommend({"supplier_survey": "yes", "goals": ["remedy"]})
    assert any("grievance mechanism" in c.text for c in result.combinations)


def test_representativeness_gaps_are_called_out():
    gaps = " ".join(g.text for g in recommend({
        "union": "yes", "union_covers": "no", "phones": "some", "women_barriers": "yes",
    }).gaps)
    assert "permanent, often male" in gaps
    assert "without a phone" in gaps
    assert "Women may not speak freely" in gaps


def test_contradictions_get_a_plain_notice_and_the_dependent_answer_is_ignored():
    result = recommend({"grievance": "no", "grievance_trusted": "yes"})
    assert any("not that there is one" in n.text for n in result.notices)
    assert result.advice(Method.grievance).fit is N  # "trusted" was not counted
    result = recommend({"association": "banned", "union": "yes", "union_independent": "yes"})
    assert any("unofficially" in n.text for n in result.notices)


def test_no_answers_at_all_still_give_advice_and_say_what_is_unknown():
    result = recommend({})
    assert len(result.methods) == 5
    assert "union" in result.unanswered and "goals" in result.unanswered
    assert "union_independent" not in result.unanswered  # does not apply


@given(st.dictionaries(st.sampled_from(sorted(QUESTIONS) + ["junk"]),
                       st.one_of(st.sampled_from(["yes", "no", "unknown", "free", "banned",
                                                  "few", "most", "partly", ""]),
                                 st.lists(st.sampled_from(["dialogue", "risks", "remedy",
                                                           "x"])),
                                 st.none(), st.integers())))
def test_any_answers_whatever_their_shape_give_advice_never_a_crash(raw):
    for answers in (raw, clean(raw)):
        result = recommend(answers)
        assert {m.method for m in result.methods} == set(Method)


def test_the_site_record_answers_questions_so_they_are_not_asked_again():
    known = known_from_site(SiteFacts(trade_union="yes", worker_committee="no",
                                      share_temporary_pct=30, share_migrant_pct=5))
    assert known == {"union": "yes", "committee": "no", "vulnerable_groups": "yes"}
    asked = [q.code for q in questions_to_ask(STEPS[0], {}, known)]
    assert "union" not in asked and "committee" not in asked
    assert "union_independent" in asked  # follows from the known union
    assert known_from_site(SiteFacts()) == {}
    assert known_from_site(SiteFacts(share_temporary_pct=5, share_migrant_pct=3)) == {
        "vulnerable_groups": "no"}
