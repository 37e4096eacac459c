"""One word per concept, in every language (issue 21): the glossary
(``wsdialog/glossary.py``) applied to every interface catalogue entry and every
worker text, and the words that changed meaning pinned so they do not come back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from babel.support import Translations

from wsdialog.glossary import GLOSSARY, concepts_in, problems
from wsdialog.questionnaires.starter import STARTER, STARTER_LABELS
from wsdialog.surveys.public_texts import TEXTS

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "wsdialog" / "translations"
INTERFACE_LANGUAGES = ("nl", "zh_Hans", "vi")
#: Worker languages whose texts are being drafted: the glossary has their terms
#: before their texts arrive.
COMING_WORKER_LANGUAGES = ("ur", "km", "my", "id", "tr")


def _catalogue(lang):
    with open(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return [m for m in read_po(fh) if m.id]


def _forms(message) -> list[tuple[str, str]]:
    """(English, translation) per form: plural forms after the first are read
    against the English plural."""
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return [(ids[min(i, len(ids) - 1)], s) for i, s in enumerate(strings)]


def _worker_texts() -> list[tuple[str, dict[str, str]]]:
    return ([(f"TEXTS[{key!r}]", texts) for key, texts in TEXTS.items()]
            + [(f"starter {code}", texts) for code, *_rest, texts in STARTER]
            + [(f"label {code}", texts) for code, texts in STARTER_LABELS.items()])


WORKER_LANGUAGES = sorted({lang for _key, texts in _worker_texts() for lang in texts} - {"en"})


@pytest.mark.parametrize("lang", INTERFACE_LANGUAGES)
def test_every_catalogue_entry_uses_the_glossarys_terms(lang):
    found = [f"{p} in {english[:70]!r}: {text[:90]!r}"
             for message in _catalogue(lang) for english, text in _forms(message)
             for p in problems(english, text, lang, "interface")]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", WORKER_LANGUAGES)
def test_every_worker_text_uses_the_glossarys_terms(lang):
    """Whatever languages the worker texts hold, new ones included."""
    found = [f"{p} in {key}: {texts[lang][:90]!r}" for key, texts in _worker_texts()
             if lang in texts for p in problems(texts["en"], texts[lang], lang, "worker")]
    assert not found, "\n".join(found)


def test_the_glossary_has_terms_for_every_language_it_checks():
    worker_concepts = {name for _key, texts in _worker_texts()
                       for name in concepts_in(texts["en"], "worker")}
    assert {"worker", "brand", "employer", "union", "worker representative"} <= worker_concepts
    for name, concept in GLOSSARY.items():
        if "interface" in concept.scope:
            assert set(INTERFACE_LANGUAGES) <= set(concept.terms), name
        if name in worker_concepts:
            wanted = set(WORKER_LANGUAGES) | set(COMING_WORKER_LANGUAGES)
            assert wanted <= set(concept.terms), (name, wanted - set(concept.terms))
        for lang, term in concept.terms.items():
            # The term to write is one of the forms the rule accepts.
            assert re.search(term.accepts, term.word.replace("(n)", "n"), re.I), (name, lang)
            assert not (term.avoid and re.search(term.avoid, term.word, re.I)), (name, lang)


@pytest.mark.parametrize("english, text, lang, problem", [
    ("Release now", "立即发布", "zh_Hans", "release"),
    ("Publish", "发放", "zh_Hans", "publish"),
    ("Brand", "Công ty", "vi", "brand"),
    ("No brand has asked you yet.", "Chưa có công ty nào, nhãn hàng nào", "vi", "brand"),
    ("Shared with workers", "Gedeeld met werknemers", "nl", "worker"),
    ("Indicators counted over all cycles", "geteld over alle cycli (rondes)", "nl", "cycle"),
    ("%(num)s access code", "%(num)s mã", "vi", "access code"),
])
def test_a_rule_finds_the_word_it_is_for(english, text, lang, problem):
    assert [p.split(":")[0] for p in problems(english, text, lang, "interface")] == [problem]


@pytest.mark.parametrize("english, text, lang", [
    ("%(brand)s runs this survey", "%(brand)s thực hiện khảo sát", "vi"),  # a name, not a word
    ("Interviews are rushed and on site", "Phỏng vấn tại nhà máy", "vi"),  # not a site
    ("Unions tied to the employer are not representative.", "Vakbonden ... de werkgever "
     "... niet representatief.", "nl"),  # the adjective, not a representative
    ("Invitation: dialogue with %(company)s", "Lời mời: Quý công ty, đối thoại", "vi"),
    ("Ask a worker representative", "Vraag een werknemersvertegenwoordiger", "nl"),
])
def test_a_rule_leaves_alone_what_it_is_not_for(english, text, lang):
    assert problems(english, text, lang, "interface") == []


# --- The words that changed meaning (issue 21), pinned -----------------------------

def _vi():
    return {m.id if isinstance(m.id, str) else m.id[0]: m for m in _catalogue("vi")}


#: Files only suppliers (or outside readers) see, and what is sent to them.
SUPPLIER_FILES = (
    "templates/main/home_supplier.html", "templates/results/not_yet.html",
    "templates/results/shared_with_workers.html", "templates/onboarding/participation.html",
    "templates/questionnaires/shared.html", "templates/questionnaires/shared_list.html",
    "templates/questionnaires/reviews.html", "templates/auth/accept_invitation.html",
    "templates/auth/invitation_mail.txt", "templates/surveys/cycles.html",
    "templates/team/people.html", "wsdialog/onboarding/outreach.py",
    "wsdialog/dialogues/letters.py", "wsdialog/onboarding/pipeline.py",
)
#: Supplier-facing entries of pages brand staff share.
SUPPLIER_ENTRIES = (
    "Brand", "%(company)s sees exactly the same results as you.",
    "What would you like to raise? %(company)s sees your points before the meeting.",
    "The survey is open until %(date)s. You will see how many workers answered, and what "
    "they said, once %(company)s releases the results.",
    "The survey has closed. %(company)s checks the results and then releases them to you.",
    "The brand's own purchasing practice (price, lead times, order planning)",
    "Optional. It helps the company do better.",
    "Thank you! %(company)s will contact you about the next steps.",
    "Thank you: %(company)s receives the comment.",
    "Thank you. The company sees that you have reviewed the results.",
    "Your proposal is sent to %(company)s.",
    "They will see the sites of %(supplier)s and, later, their survey results, for every "
    "company you work with. Choose the language they read best.",
    "A company you supply entered one of your factories on a record of its own. Both records "
    "carry the same Open Supply Hub ID. If it is the same factory, confirm: the company then "
    "works with your site here, and what it holds about the factory (surveys, results, "
    "dialogues) is kept with your site.",
    "%(company)s asks: is this the same factory?", "As %(company)s entered it",
    "%(company)s will work with your site %(site)s, and what it holds about its own record of "
    "the factory moves here. This cannot be undone.",
    "Confirmed. %(company)s now works with %(site)s on your record.",
    "Declined. The company is told, with nothing more.",
    "wsdialog is used by invitation. If you have no account yet, ask the company or "
    "organisation that works with you for an invitation.",
    "wsdialog helps companies listen to workers in their supply chains and talk with "
    "suppliers about what they hear. Workers never need an account, and no page shows who "
    "they are.",
)
BRAND_WORDS = re.compile(r"\b(compan(y|ies)|brands?)\b|%\(company\)s", re.I)
#: "Công ty" for the brand; "Quý công ty" is the letter's polite name for the reader's firm.
FIRM = re.compile(r"(?<!quý )công ty", re.I)


def _supplier_facing():
    catalogue = _vi()
    staff_only = {"%(inviter)s invites you to join %(company)s on wsdialog.",  # brand staff
                  "You are invited to join %(company)s on wsdialog."}
    by_file = [m for m in catalogue.values()
               if any(path in SUPPLIER_FILES for path, _line in m.locations)]
    chosen = {m.id for m in by_file} | set(SUPPLIER_ENTRIES)
    return [catalogue[i] for i in sorted(chosen, key=str)
            if i not in staff_only and BRAND_WORDS.search(i if isinstance(i, str) else i[0])]


def test_vietnamese_suppliers_read_the_brand_as_the_brand_not_their_own_firm():
    """"Công ty" is read by a factory manager as his own firm: the company that
    buys is "nhãn hàng" wherever a supplier reads it."""
    entries = _supplier_facing()
    assert len(entries) >= 30
    for message in entries:
        assert not FIRM.search(message.string), (message.id, message.string)
        if message.id != "Kind regards,\n%(sender)s\n%(company)s":  # a signature: the name
            assert "nhãn hàng" in message.string.lower(), (message.id, message.string)
    assert _vi()["Brand"].string == "Nhãn hàng"
    assert _vi()["Member companies"].string == "Nhãn hàng thành viên"


LETTER_FILES = ("wsdialog/onboarding/outreach.py", "wsdialog/dialogues/letters.py",
                "templates/auth/invitation_mail.txt")


def test_vietnamese_letters_say_quy_cong_ty_and_anh_chi_not_ban():
    """Outreach, dialogue invitations, the follow-up and invitation mails speak to a
    firm ("Quý công ty") or a person ("anh/chị"), not to a friend ("bạn")."""
    letters = [m for m in _vi().values()
               if any(path in LETTER_FILES for path, _line in m.locations)]
    assert len(letters) >= 25
    for message in letters:
        assert not re.search(r"\bbạn\b", message.string, re.I), (message.id, message.string)
    catalogue = _vi()
    assert "Quý công ty" in catalogue["Invitation: listening to your workers together"].string
    assert "Quý công ty" in catalogue[
        "We would be glad to tell you more. Could you let us know whether you are "
        "interested?"].string
    assert "anh/chị" in catalogue["Thank you for the conversation on %(date)s."].string


def _zh():
    return {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in _catalogue("zh_Hans")}


def test_chinese_releasing_results_and_publishing_a_questionnaire_read_differently():
    catalogue = _zh()
    assert catalogue["released on %(date)s"] != catalogue["published on %(date)s"]
    assert "发放" in catalogue["released on %(date)s"]
    assert "发布" in catalogue["published on %(date)s"]
    assert catalogue["Release now"] == "立即发放"
    assert catalogue["Results released"] != catalogue["published"]


@pytest.fixture(scope="module")
def dutch():
    return Translations.load(str(TRANSLATIONS), ["nl"])


@pytest.mark.parametrize("singular, plural, one, two", [
    ("%(num)s question", "%(num)s questions", "1 vraag", "2 vragen"),
    ("%(num)s question has no text", "%(num)s questions have no text",
     "1 vraag heeft geen tekst", "2 vragen hebben geen tekst"),
    ("%(num)s text needs review", "%(num)s texts need review",
     "1 tekst moet nog nagekeken worden", "2 teksten moeten"),
    ("%(num)s answer", "%(num)s answers", "1 antwoord", "2 antwoorden"),
    ("%(num)s worker", "%(num)s workers", "1 werkende", "2 werkenden"),
    ("%(num)s access code", "%(num)s access codes", "1 toegangscode", "2 toegangscodes"),
    ("%(num)s respondent imported.", "%(num)s respondents imported.",
     "1 respondent geïmporteerd.", "2 respondenten geïmporteerd."),
    ("%(num)s held answer is deleted.", "%(num)s held answers are deleted.",
     "1 vastgehouden antwoord is verwijderd.", "2 vastgehouden antwoorden zijn verwijderd."),
    ("%(num)s earlier cycle at this site. Suppliers in their first year get four rounds a "
     "year, returning ones two.", "%(num)s earlier cycles at this site. Suppliers in their "
     "first year get four rounds a year, returning ones two.", "1 eerdere ronde",
     "2 eerdere rondes"),
])
def test_dutch_counts_say_1_vraag_not_1_vragen(dutch, singular, plural, one, two):
    assert (dutch.ngettext(singular, plural, 1) % {"num": 1}).startswith(one)
    assert (dutch.ngettext(singular, plural, 2) % {"num": 2}).startswith(two)


def test_no_count_in_the_code_is_left_to_a_single_form():
    """A number followed by a plural noun in a single-form message printed "1 vragen"."""
    counted = re.compile(r"%\((count|missing|rows|workers|num)\)s (\w+ )?\w+s\b")
    singles = [m.id for m in _catalogue("nl") if isinstance(m.id, str) and counted.search(m.id)]
    # Those left cannot be 1: the alerts start at 10 a minute, the starter has 20 questions,
    # a run of the same negative answer is at least 3, a sector issue needs 3 members.
    assert sorted(singles) == sorted([
        "a burst of %(count)s answers in one minute",
        "%(date)s: a burst of %(count)s answers in one minute.",
        "%(date)s: %(count)s wrong access codes in one minute. Workers with a valid code can "
        "still answer.",
        "%(date)s: the survey link reached its limit (%(count)s attempts in one minute); some "
        "answers were refused and may have to be sent again.",
        "No questionnaires yet. Start from ours: %(count)s questions in %(languages)s "
        "languages.",
        "Our starter questionnaire (%(count)s questions)",
        "%(count)s questions in a row count the same answer as negative. Alternate between yes "
        "and no so that people do not answer on autopilot.",
        # The sector threshold, at least 3 members.
        "Problems members marked as needing a sector-wide solution, by theme and country. A "
        "theme shows once %(num)s member companies raised it in a country; no point, agreement, "
        "supplier or company is named.",
    ]), singles


def test_dutch_says_je_to_users_in_the_import_messages_too():
    catalogue = {m.id: m.string for m in _catalogue("nl") if isinstance(m.id, str)}
    for english in (
            "All respondents are stored, or none. This page refreshes itself until the import "
            "has ended; you may also leave it: the import goes on.",
            "A large file takes a while to read. This page refreshes itself until the check "
            "has ended; then it shows what the file will add, or its problems. Nothing is "
            "stored until you confirm."):
        assert re.search(r"\bje\b", catalogue[english]), english
    u = re.compile(r"\b([Uu]|[Uu]w)\b")
    assert not [m.id for m in _catalogue("nl") for _en, text in _forms(m) if u.search(text)]
