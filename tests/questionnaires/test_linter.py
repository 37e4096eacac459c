"""The questionnaire linter, without Flask."""

from __future__ import annotations

from wsdialog.questionnaires.linter import Draft, lint


def q(code, text, negative="yes", theme="wages", **texts):
    return Draft(code, theme, negative, {"en": text, **texts})


def codes(warnings):
    return {(w.code, w.question) for w in warnings}


def test_a_good_question_gets_no_warning():
    assert lint([q("WAGE_RUNS_OUT", "Does your salary run out before the end of the month?")],
                ["en"]) == []


def test_two_things_broad_words_and_leading_phrasing_are_spotted():
    found = codes(lint([
        q("SUP", "Is your supervisor reliable and friendly?"),
        q("EQ", "Is there equality at work?", negative="no"),
        q("LEAD", "Don't you think the canteen is clean?"),
    ], ["en"]))
    assert ("two_things", "SUP") in found
    assert ("broad_word", "EQ") in found
    assert ("leading", "LEAD") in found


def test_sensitive_topics_ask_about_someone_you_work_with():
    assert ("not_someone_else", "HARASS") in codes(lint(
        [q("HARASS", "Have you been shouted at?", theme="harassment")], ["en"]))
    framed = q("HARASS", "Has a supervisor shouted at you or someone you work with?",
               theme="harassment")
    assert lint([framed], ["en"]) == []  # the framing's "or" is not "two things"


def test_length_alternation_and_missing_translations():
    many = [q(f"Q{i}", "Is there clean water?", negative="yes" if i % 2 else "no")
            for i in range(21)]
    assert ("too_many", None) in codes(lint(many, ["en"]))
    same = [q(f"S{i}", "Is there clean water?", negative="no") for i in range(3)]
    assert ("same_negative_run", "S2") in codes(lint(same, ["en"]))
    assert ("missing_translation", "S0") in codes(lint(same, ["en", "vi"]))


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
