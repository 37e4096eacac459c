"""More workers reached (issue 21): Urdu, Khmer, Burmese, Indonesian and Turkish
worker texts and starter questions, drafted like the others; the cycle form offers
them for Pakistan, Cambodia, Myanmar, Indonesia and Türkiye; Urdu pages read right
to left; the numbers on them are Babel's. (The browser checks of the mirrored
layout and the fonts are in tests/journeys/test_worker_scripts.py.)"""

from __future__ import annotations

import re

import pytest
from babel.numbers import format_decimal

from wsdialog.extensions import db
from wsdialog.i18n import isolate, text_dir
from wsdialog.questionnaires.operations import create_questionnaire
from wsdialog.questionnaires.starter import REVIEWED, STARTER, SURVEY_LANGUAGES
from wsdialog.surveys.public_texts import NAMES, TEXTS, text_for

from .. import factories as f

ADDED = {"PK": "ur", "KH": "km", "MM": "my", "ID": "id", "TR": "tr"}


def test_thirteen_worker_languages_each_with_every_text_and_starter_question():
    assert list(NAMES) == list(SURVEY_LANGUAGES) and len(NAMES) == 13
    for lang in ADDED.values():
        assert all(texts.get(lang, "").strip() for texts in TEXTS.values()), lang
        assert all(texts.get(lang, "").strip() for *_rest, texts in STARTER), lang


@pytest.fixture
def eva(app):
    eva = f.user(company=f.company("Noordwind"), admin=True, name="Eva")
    db.session.commit()
    return eva


def test_the_added_texts_are_drafts_for_a_fluent_speaker_to_review(eva):
    """A company that starts from the starter finds them marked "needs review", as
    every language but English."""
    assert {"en"} == REVIEWED
    questionnaire = create_questionnaire(eva.company_id, "Survey", cite_standards=False,
                                         from_starter=True)
    version = questionnaire.versions[0]
    for question in version.questions:
        drafted = {t.locale for t in question.texts if t.needs_review}
        assert drafted == set(SURVEY_LANGUAGES) - {"en"}, question.code
    assert not set(ADDED.values()) & set(version.reviewed_languages())


@pytest.mark.parametrize("lang", ADDED.values())
def test_the_employer_and_the_buyer_are_named_as_workers_know_them(lang):
    """As in the other languages: the poster says "your employer" and "the brand that
    buys from this factory", the same words in both places."""
    def fold(text):
        return text.replace("İ", "i").casefold()  # Turkish capital dotted I
    assert fold(TEXTS["owner_supplier"][lang]) in fold(TEXTS["poster_next_text"][lang])
    for key in ("who_sees", "results_back"):
        assert fold(TEXTS["owner_supplier"][lang]) in fold(TEXTS[key][lang]), key


# The digits of each script, which Babel does not write on these pages.
NATIVE_DIGITS = {"ur": "[\u0660-\u0669\u06f0-\u06f9]", "km": "[\u17e0-\u17e9]",
                 "my": "[\u1040-\u1049]"}


@pytest.mark.parametrize("lang", NATIVE_DIGITS)
def test_the_texts_use_the_digits_babel_writes(lang):
    """Babel writes numbers, dates and shares in Latin digits in Urdu, Khmer and
    Burmese too; so do the texts ("18", "55"), or a page would mix two systems."""
    assert format_decimal(18, locale=lang) == "18"
    digits = re.compile(NATIVE_DIGITS[lang])
    for key, texts in TEXTS.items():
        assert not digits.search(texts[lang]), key
    for code, *_rest, texts in STARTER:
        assert not digits.search(texts[lang]), code


def test_urdu_alone_is_written_right_to_left():
    assert text_dir("ur") == "rtl"
    assert {text_dir(lang) for lang in NAMES if lang != "ur"} == {"ltr"}
    assert text_dir("not a language") == "ltr"
    # A name inside an Urdu sentence keeps to itself; elsewhere nothing changes.
    assert isolate("Unit 2", "ur") == "\u2068Unit 2\u2069"
    assert isolate("Unit 2", "vi") == "Unit 2"


@pytest.mark.parametrize("country, lang", ADDED.items())
def test_a_new_cycle_starts_in_the_countrys_language(eva, as_user, country, lang):
    """Pakistan's, Cambodia's, Myanmar's, Indonesia's and Türkiye's languages (CLDR's
    official ones) are ticked when the questionnaire is reviewed in them."""
    site = f.site(f.supplier(eva.company, country=country), name="Factory")
    f.published(eva.company, "Survey", locales=("en", lang))
    db.session.commit()
    form = as_user(eva).get(f"/sites/{site.id}/cycles/new").get_data(as_text=True)
    checked = set(re.findall(r'<input checked[^>]*name="languages"[^>]*value="(\w+)"', form))
    assert checked == ({"ur", "en"} if country == "PK" else {lang})  # English: Pakistan's too


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-03-05"}


def _open_cycle(lang: str, country: str):
    company = f.company("Noordwind")
    site = f.site(f.supplier(company, country=country), name="Faisalabad unit 2")
    cycle = f.cycle(company, site, f.published(company, "Survey", locales=("en", lang)),
                    languages=(lang, "en"))
    db.session.commit()
    return cycle


def test_the_urdu_survey_and_its_thanks_read_right_to_left_dated_in_urdu(app):
    cycle = _open_cycle("ur", "PK")
    client = app.test_client()
    page = client.get(f"/s/{cycle.public_token}?lang=ur").get_data(as_text=True)
    assert '<html lang="ur" dir="rtl">' in page
    assert text_for("send", "ur") in page and text_for("under_18", "ur") in page
    # The other language's name reads its own way in the switch.
    assert 'lang="en" dir="ltr"' in page
    thanks = client.get(f"/s/{cycle.public_token}/thanks?lang=ur").get_data(as_text=True)
    assert '<html lang="ur" dir="rtl">' in thanks
    assert "14 مارچ، 2027" in thanks  # Babel's Urdu date
    english = client.get(f"/s/{cycle.public_token}?lang=en").get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in english


@pytest.mark.parametrize("lang, country", [("km", "KH"), ("my", "MM"), ("id", "ID"),
                                           ("tr", "TR")])
def test_the_other_added_languages_read_left_to_right(app, lang, country):
    cycle = _open_cycle(lang, country)
    page = app.test_client().get(f"/s/{cycle.public_token}?lang={lang}").get_data(as_text=True)
    assert f'<html lang="{lang}" dir="ltr">' in page
    assert text_for("title", lang) in page and text_for("send", lang) in page
