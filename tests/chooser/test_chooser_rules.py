"""The method chooser's rules, without Flask: one table per method, then
combinations, gaps, contradictions and incomplete answers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsdialog.chooser.profiles import BY_CODE
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


# --- Domain fidelity (issue 13): trust, fear and the knowledge document's alternatives.

def _reasons(result, method: Method) -> str:
    return " ".join(s.text for _p, s in result.advice(method).reasons)


def _against(result, method: Method) -> str:
    return " ".join(s.text for p, s in result.advice(method).reasons if p < 0)


#: The issue's low-trust site, answered with the questions that existed before.
LOW_TRUST_OLD_QUESTIONS = {
    "union": "no", "committee": "no", "association": "restricted", "language_gap": "yes",
    "vulnerable_groups": "yes", "third_party": "no", "grievance": "yes",
    "grievance_trusted": "no", "supplier_survey": "no", "audit_planned": "yes",
    "goals": ["risks"]}


def test_audit_interviews_are_not_where_to_start_where_trust_is_lowest():
    result = recommend(LOW_TRUST_OLD_QUESTIONS)
    assert result.best is None
    assert result.advice(Method.audit).fit is N
    assert "grievance channel" in _against(result, Method.audit)
    assert not any("grievance mechanism" in c.text for c in result.combinations)
    assert result.first_steps  # "no method fits well yet; first ..."


@pytest.mark.parametrize("fear,expected", [("reprisals", N), ("yes", N), ("no", P),
                                           ("unknown", P)])
def test_fear_and_reprisals_count_against_audit_interviews(fear, expected):
    result = recommend({"audit_planned": "yes", "fear": fear})
    assert result.advice(Method.audit).fit is expected
    assert result.best is None or result.best.method is not Method.audit


def test_reprisals_rule_out_audit_interviews_whatever_else_is_said():
    result = recommend({"audit_planned": "yes", "fear": "reprisals", "goals": ["risks"]})
    assert "recently faced reprisals" in _against(result, Method.audit)
    assert result.advice(Method.audit).fit is N


@pytest.mark.parametrize("answers,expected", [
    ({"supplier_survey": "own", "fear": "yes", "goals": ["risks"], "phones": "most"}, N),
    ({"supplier_survey": "own", "grievance": "yes", "grievance_trusted": "no",
      "goals": ["risks"], "phones": "most"}, N),
    ({"supplier_survey": "own", "fear": "no", "goals": ["risks"], "phones": "most"}, R),
    ({"supplier_survey": "yes", "fear": "yes", "goals": ["risks"], "phones": "most"}, R),
])
def test_a_survey_run_by_the_supplier_is_not_advised_where_workers_fear_it(answers, expected):
    assert fit(Method.digital, **answers) is expected


@pytest.mark.parametrize("association", ["restricted", "banned"])
def test_the_union_routes_alternatives_stay_when_it_is_not_advised(association):
    union = recommend({"union": "no", "committee": "no", "association": association}
                      ).advice(Method.union)
    assert union.fit is N
    alternatives = " ".join(s.text for s in union.alternatives)
    assert "IndustriALL" in alternatives
    assert "parallel means of worker representation" in alternatives
    assert "social dialogue" in alternatives


def test_a_union_in_the_region_opens_the_union_route_where_none_is_at_the_site():
    assert fit(Method.union, union="no", union_region="no") is N
    assert fit(Method.union, union="no", union_region="yes") is P
    assert "active in the region" in _reasons(
        recommend({"union": "no", "union_region": "yes"}), Method.union)


def test_deeper_tiers_count_for_a_local_organisation_and_against_audits():
    result = recommend({"deeper_tiers": "yes", "trusted_ngo": "yes", "audit_planned": "yes"})
    assert "homeworkers" in _reasons(result, Method.ngo)
    assert "subcontracted units are not interviewed" in _against(result, Method.audit)
    assert any("Homeworkers" in g.text for g in result.gaps)


def test_the_survey_is_not_combined_with_a_mechanism_workers_distrust():
    trusted = recommend({"supplier_survey": "yes", "grievance": "yes", "goals": ["remedy"]})
    distrusted = recommend({"supplier_survey": "yes", "grievance": "yes",
                            "grievance_trusted": "no", "goals": ["remedy"]})
    assert any("grievance mechanism" in c.text for c in trusted.combinations)
    assert not any("grievance mechanism" in c.text for c in distrusted.combinations)


def test_the_digital_tool_card_says_a_survey_is_not_a_dialogue():
    factors = recommend({}).advice(Method.digital).factors
    assert any("not a dialogue" in text and "follow-up is not assured" in text
               for text in factors)


def test_answers_stored_before_the_new_questions_still_give_advice():
    # An assessment from before fear, deeper tiers and the regional union were asked.
    result = recommend({"union": "no", "committee": "yes", "supplier_survey": "yes",
                        "goals": ["risks"]})
    assert result.best.method is Method.digital
    assert {"fear", "deeper_tiers", "union_region"} <= set(result.unanswered)


ANSWER = st.fixed_dictionaries({}, optional={
    code: (st.lists(st.sampled_from([o.value for o in q.options]), unique=True)
           if q.multiple else st.sampled_from([o.value for o in q.options]))
    for code, q in QUESTIONS.items()})


@given(ANSWER)
def test_start_here_is_never_a_method_mostly_against_or_an_audit(answers):
    result = recommend(answers)
    best = result.best
    if best is None:
        assert not any(m.can_start_here for m in result.methods)
        return
    assert best.fit is not N and not best.mostly_against
    assert any(points > 0 for points, _ in best.reasons)
    assert best.method is not Method.audit
    assert best is result.methods[0]


# --- Six realistic site profiles (they are also the demo brand's assessments).

PROFILE_EXPECTATIONS = {
    # profile: (method to start with, {method: (fit, words in its reasons)})
    "bangladesh_union": (Method.union, {
        Method.union: (R, "first way in"),
        Method.audit: (N, "coached beforehand"),
    }),
    "china_committee": (Method.digital, {
        Method.digital: (R, "anonymous survey lets workers speak"),
        Method.union: (N, "tied to management or the state"),
    }),
    "low_trust_migrants": (None, {
        Method.audit: (N, "recently faced reprisals"),
        Method.digital: (N, "not willing to support a survey"),
        Method.union: (N, "no trade union at the site"),
    }),
    "homeworkers": (Method.ngo, {
        Method.ngo: (R, "reach homeworkers"),
        Method.audit: (N, "subcontracted units are not interviewed"),
    }),
    "unknown_site": (None, {}),
    "high_trust_works_council": (Method.union, {
        Method.union: (R, "first way in"),
        Method.digital: (R, "speak up without fear"),
    }),
}


def test_every_profile_has_expectations():
    assert set(PROFILE_EXPECTATIONS) == set(BY_CODE)


@pytest.mark.parametrize("code", list(PROFILE_EXPECTATIONS))
def test_site_profile(code):
    profile = BY_CODE[code]
    assert clean(profile.answers) == profile.answers  # every answer is a valid option
    result = recommend(profile.answers)
    top, expected = PROFILE_EXPECTATIONS[code]
    assert (result.best.method if result.best else None) is top
    for method, (expected_fit, words) in expected.items():
        assert result.advice(method).fit is expected_fit, method
        assert words in _reasons(result, method), method


def test_profile_low_trust_says_what_to_do_first_and_keeps_the_union_alternatives():
    result = recommend(BY_CODE["low_trust_migrants"].answers)
    first = " ".join(s.text for s in result.first_steps)
    assert "IndustriALL" in first  # is there a union in the region?
    assert "organisation that workers already trust" in first
    assert "hand the conversation to a party workers trust" in first
    assert not any("grievance mechanism" in c.text for c in result.combinations)
    assert any("IndustriALL" in s.text for s in result.advice(Method.union).alternatives)


def test_profile_unknown_site_asks_first_what_decides_whether_listening_works():
    result = recommend(BY_CODE["unknown_site"].answers)
    first = " ".join(s.text for s in result.first_steps)
    assert "trade union or elected worker representation" in first
    assert "fear consequences" in first
    assert {"union", "fear", "deeper_tiers"} <= set(result.unanswered)
    assert result.combinations == []


def test_profile_bangladesh_names_who_the_union_may_not_hear():
    result = recommend(BY_CODE["bangladesh_union"].answers)
    assert any("permanent, often male" in g.text for g in result.gaps)


def test_profile_china_strengthens_the_committee_instead_of_the_union():
    union = recommend(BY_CODE["china_committee"].answers).advice(Method.union)
    assert "worker committee or works council" in _reasons(
        recommend(BY_CODE["china_committee"].answers), Method.union)
    assert any("factory committee" in s.text for s in union.alternatives)


def test_profile_high_trust_runs_the_survey_with_the_union_and_the_works_council():
    result = recommend(BY_CODE["high_trust_works_council"].answers)
    assert any("together with the union" in c.text for c in result.combinations)
    assert any("works council" in s.text for s in result.advice(Method.union).next_steps)


def test_grievance_figures_answer_whether_there_is_a_mechanism_and_it_is_used():
    assert known_from_site(SiteFacts(grievance_in_use=True)) == {
        "grievance": "yes", "grievance_trusted": "yes"}
    # Few complaints: there is a mechanism; whether workers trust it stays a question.
    assert known_from_site(SiteFacts(grievance_in_use=False)) == {"grievance": "yes"}
    assert known_from_site(SiteFacts(grievance_in_use=None)) == {}
