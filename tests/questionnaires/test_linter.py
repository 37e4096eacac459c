"""The questionnaire linter, without Flask."""

from __future__ import annotations

import pytest

from wsdialog.questionnaires.linter import Draft, lint


def q(code, text, negative="yes", theme="wages", **texts):
    return Draft(code, theme, negative, {"en": text, **texts})


def codes(warnings):
    return {(w.code, w.question) for w in warnings}


def test_a_good_question_gets_no_warning():
    assert lint([q("WAGE_RUNS_OUT", "Does your salary run out before the end of the month?")],
                ["en"]) == []


@pytest.mark.parametrize(("question", "warning"), [
    (q("SUP", "Is your supervisor reliable and friendly?"), "two_things"),
    (q("EQ", "Is there equality at work?", negative="no"), "broad_word"),
    (q("LEAD", "Don't you think the canteen is clean?"), "leading"),
    (q("HARASS", "Have you been shouted at?", theme="harassment"), "not_someone_else"),
])
def test_a_weak_question_gets_its_warning(question, warning):
    assert (warning, question.code) in codes(lint([question], ["en"]))


def test_the_framing_someone_you_work_with_is_not_two_things():
    framed = q("HARASS", "Has a supervisor shouted at you or someone you work with?",
               theme="harassment")
    assert lint([framed], ["en"]) == []


SAME = [q(f"S{i}", "Is there clean water?", negative="no") for i in range(3)]


@pytest.mark.parametrize(("questions", "languages", "warning"), [
    ([q(f"Q{i}", "Is there clean water?", negative="yes" if i % 2 else "no")
      for i in range(21)], ["en"], ("too_many", None)),
    (SAME, ["en"], ("same_negative_run", "S2")),
    (SAME, ["en", "vi"], ("missing_translation", "S0")),
])
def test_length_alternation_and_missing_translations(questions, languages, warning):
    assert warning in codes(lint(questions, languages))


def test_a_question_near_always_positive_is_a_candidate_to_replace():
    question = [q("WATER", "Is there clean drinking water?", negative="no")]
    assert ("near_always_positive", "WATER") in codes(lint(question, ["en"],
                                                          {"WATER": [0.97, 0.99]}))
    assert lint(question, ["en"], {"WATER": [0.80, 0.99]}) == []


def test_the_starter_questionnaire_passes_its_own_linter_in_every_language():
    from wsdialog.questionnaires.starter import STARTER, SURVEY_LANGUAGES, THEMES

    drafts = [Draft(code, theme, negative, texts) for code, theme, negative, _s, texts
              in STARTER]
    assert 15 <= len(drafts) <= 20
    assert lint(drafts, list(SURVEY_LANGUAGES)) == []
    assert all(d.theme in THEMES for d in drafts)
    assert len({d.code for d in drafts}) == len(drafts)
