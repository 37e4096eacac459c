"""Words that changed their meaning for the workers who read them, pinned so that
they do not come back (issue 21). Each text but the English one is a draft for a
fluent speaker to review."""

from __future__ import annotations

import re

import pytest
from babel.numbers import format_decimal

from wsdialog.questionnaires.starter import STARTER
from wsdialog.surveys.public_texts import NAMES, TEXTS

from .. import factories as f

LANGUAGES = list(NAMES)


def test_every_worker_text_is_in_every_language_with_the_same_placeholders():
    for key, texts in TEXTS.items():
        assert set(texts) == set(LANGUAGES), key
        placeholders = {lang: sorted(set(re.findall(r"%\((\w+)\)s", text)))
                        for lang, text in texts.items()}
        assert len({tuple(p) for p in placeholders.values()}) == 1, (key, placeholders)


@pytest.mark.parametrize("lang, saying_no, not_taking_part", [
    ("en", "saying no", "not taking part has no consequences"),
    ("nl", "nee zeggen", "niet meedoen heeft geen gevolgen"),
    ("bn", "না বললে", "অংশ না নিলে"),
])
def test_it_is_not_taking_part_that_has_no_consequences_not_answering_no(
        lang, saying_no, not_taking_part):
    """Beside "x % answered No", "saying no has no consequences" read as "answering
    No is safe"."""
    for key in ("poster_voluntary", "invite_voluntary", "slip_voluntary"):
        assert saying_no not in TEXTS[key][lang].lower(), key
    assert not_taking_part in TEXTS["poster_voluntary"][lang]


@pytest.mark.parametrize("lang, the_company", [
    ("en", "The company"), ("nl", "Het bedrijf"), ("zh_Hans", "企业"), ("vi", "Công ty"),
    ("hi", "कंपनी"), ("si", "සමාගම"), ("ta", "நிறுவன"), ("bn", "কোম্পানি")])
def test_the_poster_names_the_buyer_and_the_employer_as_workers_know_them(lang, the_company):
    """"The company" was read as the workers' own employer."""
    for key in ("poster_next_text", "owner_brand", "owner_supplier", "runs_provider",
                "runs_brand", "who_sees", "results_back"):
        assert the_company.lower() not in TEXTS[key][lang].lower(), key
    assert TEXTS["owner_supplier"][lang].lower() in TEXTS["poster_next_text"][lang].lower()
    assert TEXTS["owner_supplier"]["en"] == "Your employer"
    assert TEXTS["owner_brand"]["en"] == "The brand that buys from this factory"
    assert "the brand that buys from this factory" in TEXTS["runs_brand"]["en"]


def test_no_dutch_text_sends_the_worker_to_whoever_they_gave_the_slip_to():
    """The old ``code_used`` asked for a new code "aan wie je het papiertje gaf" (to
    whom you gave the slip). It is gone: one message for unknown and used codes."""
    assert "code_used" not in TEXTS
    for key, texts in TEXTS.items():
        assert not re.search(r"\bgaf\b", texts["nl"]), key
    assert "kreeg" in TEXTS["code"]["nl"]  # the slip "you were given"


def test_tamil_asks_about_money_owed_and_agencies_are_labour_agencies():
    debt = next(texts for code, *_rest, texts in STARTER if code == "RECRUITMENT_DEBT")
    assert "கடன்பட்டிருக்" not in debt["ta"]  # "are you obliged (grateful)"
    assert "பணம் திருப்பிச் செலுத்த" in debt["ta"]  # money still to pay back
    assert "நிறுவனம்" not in TEXTS["agency"]["ta"] and "முகவர்" in TEXTS["agency"]["ta"]
    assert TEXTS["agency"]["si"] != "ආයතනයක් හරහා" and "ඒජන්සි" in TEXTS["agency"]["si"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_texts_that_name_the_send_button_name_it_as_it_reads(lang):
    for key in ("busy", "again"):
        assert TEXTS["send"][lang] in TEXTS[key][lang], key
    assert "press Send again" not in TEXTS["busy"][lang]


BENGALI_DIGITS = re.compile("[\u09e6-\u09ef]")


def test_bengali_uses_the_digits_babel_writes():
    """Babel writes numbers, dates and shares on a Bengali page in Latin digits;
    so do the texts, or one page would mix two digit systems."""
    assert format_decimal(18, locale="bn") == "18"
    for key, texts in TEXTS.items():
        assert not BENGALI_DIGITS.search(texts["bn"]), key
    for code, *_rest, texts in STARTER:
        assert not BENGALI_DIGITS.search(texts["bn"]), code


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-03-05"}


def test_a_bengali_survey_page_has_one_digit_system(app):
    from wsdialog.extensions import db

    company = f.company("Noordwind")
    site = f.site(f.supplier(company, country="BD"), name="Dhaka")
    cycle = f.cycle(company, site, f.published(company, "Survey", locales=("en", "bn")),
                    languages=("bn",))
    db.session.commit()
    client = app.test_client()
    page = client.get(f"/s/{cycle.public_token}?lang=bn").get_data(as_text=True)
    assert '<html lang="bn"' in page and "18-এর কম" in page and "25–34" in page
    assert not BENGALI_DIGITS.search(page)
    thanks = client.get(f"/s/{cycle.public_token}/thanks?lang=bn").get_data(as_text=True)
    assert "2027" in thanks and not BENGALI_DIGITS.search(thanks)
