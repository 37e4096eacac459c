"""The questionnaire linter, without Flask."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    # Two things without "and" or "or": whether it exists and what it is like…
    (q("PAYSLIP", "Do you get a pay slip that you understand?", negative="no"),
     "exists_and_property"),
    (q("PAYSLIP", "Is there clean water?", nl="Krijg je een loonstrook die je begrijpt?"),
     "exists_and_property"),
    # …and a list of grounds.
    (q("WORSE", "Were you or someone you work with treated worse because of gender, "
                "pregnancy, origin, religion?", theme="discrimination"), "a_list"),
    (q("WORSE", "Is there clean water?", zh_Hans="您是否因为性别、怀孕、宗教受到歧视？"),
     "a_list"),
    # The sensitive themes the documents name.
    (q("FEE", "Did you pay a fee to get this job?", theme="recruitment"), "not_someone_else"),
    (q("PAPERS", "Does your employer keep your passport?", theme="forced_labour"),
     "not_someone_else"),
    (q("UNION", "Were you punished for joining a union?", theme="association"),
     "not_someone_else"),
    (q("UNION", "Were you or someone you work with punished for joining a union?",
       theme="association", vi="Bạn có bị trừng phạt vì tham gia công đoàn không?"),
     "framing_lost"),
])
def test_a_weak_question_gets_its_warning(question, warning):
    assert (warning, question.code) in codes(lint([question], ["en"]))


def test_the_framing_someone_you_work_with_is_not_two_things():
    framed = q("HARASS", "Has a supervisor shouted at you or someone you work with?",
               theme="harassment")
    assert lint([framed], ["en"]) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Vind je niet dat de kantine schoon is?"),
    ("zh_Hans", "食堂很干净，不是吗？"),
    ("vi", "Căng tin sạch sẽ, đúng không?"),
    ("hi", "कैंटीन साफ़ है, है ना?"),
    ("si", "ආපන ශාලාව පිරිසිදුයි නේද?"),
    ("ta", "உணவகம் சுத்தமாக இருக்கிறது, இல்லையா?"),
    ("bn", "ক্যান্টিন পরিষ্কার, তাই না?"),
    ("ur", "کینٹین صاف ہے، ہے نا؟"),
    ("ur", "کیا آپ متفق ہیں کہ کینٹین صاف ہے؟"),
    ("km", "អាហារដ្ឋានស្អាត មែនទេ?"),
    ("my", "စားသောက်ဆောင် သန့်ရှင်းတယ် မဟုတ်လား။"),
    ("id", "Kantinnya bersih, bukan?"),
    ("tr", "Yemekhane temiz, değil mi?"),
])
def test_leading_phrasing_is_found_in_every_survey_language(lang, text):
    question = q("CANTEEN", "Is the canteen clean?", negative="no", **{lang: text})
    assert codes(lint([question], ["en", lang])) == {("leading", "CANTEEN")}


@pytest.mark.parametrize(("lang", "text"), [
    ("hi", "क्या वेतन और समय ठीक है?"), ("si", "වැටුප සහ වේලාව හරිද?"),
    ("ta", "சம்பளம் மற்றும் நேரம் சரியா?"), ("bn", "বেতন এবং সময় ঠিক আছে?"),
    ("ur", "کیا تنخواہ اور وقت ٹھیک ہے؟"), ("km", "តើប្រាក់ខែ និងម៉ោងធ្វើការត្រឹមត្រូវឬទេ?"),
    ("my", "လစာ သို့မဟုတ် အလုပ်ချိန် မှန်ကန်ပါသလား။"), ("id", "Apakah gaji dan jam kerja sudah benar?"),
    ("tr", "Maaş ve çalışma saatleri uygun mu?"),
])
def test_and_or_is_found_in_the_indian_and_sri_lankan_languages(lang, text):
    question = q("PAY", "Is your pay right?", negative="no", **{lang: text})
    assert codes(lint([question], ["en", lang])) == {("two_things", "PAY")}


def test_a_word_that_only_contains_a_leading_word_is_no_warning():
    # ज़रूरत (need) holds ज़रूर (surely).
    question = q("WATER", "Can you get water when you need it?", negative="no",
                 hi="क्या ज़रूरत पड़ने पर पानी मिलता है?")
    assert lint([question], ["en", "hi"]) == []


def test_a_question_without_a_standard_is_flagged_only_when_the_company_asks_for_one():
    plain = q("WAGE_RUNS_OUT", "Does your salary run out before the end of the month?")
    cited = Draft(plain.code, plain.theme, plain.negative, plain.texts, "ESRS S2")
    assert lint([plain], ["en"]) == []
    assert codes(lint([plain], ["en"], cite_standards=True)) == {
        ("no_standard", "WAGE_RUNS_OUT")}
    assert lint([cited], ["en"], cite_standards=True) == []


@given(st.text(max_size=200), st.text(max_size=200), st.sampled_from(
    ["wages", "harassment", "recruitment", "forced_labour", "association"]),
    st.booleans())
def test_any_text_gets_only_warnings_the_page_can_show(en, other, theme, cite):
    warnings = lint([Draft("X", theme, "yes", {"en": en, "hi": other, "zh_Hans": other})],
                    ["en", "hi", "bn"], cite_standards=cite)
    for warning in warnings:
        assert warning.message % warning.params  # every parameter the message names


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

    drafts = [Draft(code, theme, negative, texts, standard)
              for code, theme, negative, standard, texts in STARTER]
    assert 15 <= len(drafts) <= 20
    assert lint(drafts, list(SURVEY_LANGUAGES), cite_standards=True) == []
    assert all(d.theme in THEMES for d in drafts)
    assert len({d.code for d in drafts}) == len(drafts)


def test_the_starter_asks_about_what_the_documents_name():
    from wsdialog.questionnaires.starter import STARTER

    themes = {theme for _c, theme, _n, _s, _t in STARTER}
    assert {"association", "recruitment", "forced_labour", "contracts"} <= themes
    codes_ = {code for code, *_ in STARTER}
    # The codes the demo, results and dialogues rely on stay.
    assert {"WAGE_RUNS_OUT", "EXHAUSTED", "CLEAN_WATER", "PAYSLIP_CLEAR", "OVERTIME_FORCED",
            "AFRAID_TO_RAISE", "REPS_ELECTED", "RESULTS_SHARED"} <= codes_


@pytest.mark.parametrize(("lang", "text"), [
    # A Khmer yes/no question ends in "ឬទេ" ("or not"): no second thing.
    ("km", "តើប្រាក់ខែរបស់អ្នកអស់ មុនចុងខែឬទេ?"),
    # ضرورت (need) holds ضرور (surely); صاف (clean) is not شفاف (transparent).
    ("ur", "کیا ضرورت کے وقت صاف پانی ملتا ہے؟"),
    # Burmese နှင့် is "with" as well as "and".
    ("my", "သင်နှင့်အတူ အလုပ်လုပ်သူများ အချိန်မှန် လစာရပါသလား။"),
])
def test_the_plain_questions_of_the_added_languages_get_no_warning(lang, text):
    question = q("WATER", "Can you get clean water when you need it?", negative="no",
                 **{lang: text})
    assert lint([question], ["en", lang]) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("ur", "کیا کام پر برابری ہے؟"), ("km", "តើមានសមភាពនៅកន្លែងធ្វើការឬទេ?"),
    ("my", "အလုပ်ခွင်တွင် တန်းတူညီမျှမှု ရှိပါသလား။"), ("id", "Apakah ada kesetaraan di tempat kerja?"),
    ("tr", "İşyerinde eşitlik var mı?"),
])
def test_broad_words_are_found_in_the_added_languages(lang, text):
    question = q("EQ", "Is the canteen clean?", negative="no", **{lang: text})
    assert codes(lint([question], ["en", lang])) == {("broad_word", "EQ")}


@pytest.mark.parametrize(("lang", "text"), [
    ("ur", "کیا کسی سپروائزر نے آپ پر چلّایا؟"), ("km", "តើប្រធានក្រុមស្រែកដាក់អ្នកឬទេ?"),
    ("my", "ကြီးကြပ်ရေးမှူးက သင့်ကို အော်ဟစ်ခဲ့ပါသလား။"), ("id", "Apakah atasan membentak Anda?"),
    ("tr", "Bir amir size bağırdı mı?"),
])
def test_a_translation_that_drops_someone_you_work_with_is_flagged(lang, text):
    question = q("SHOUT", "Did a supervisor shout at you or someone you work with?",
                 theme="supervisor", **{lang: text})
    assert codes(lint([question], ["en", lang])) == {("framing_lost", "SHOUT")}
