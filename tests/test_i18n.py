"""Languages: complete catalogues, the browser's choice, the switcher, and
locale-aware names, numbers and dates."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from wsdialog.config import LANGUAGES
from wsdialog.extensions import db
from wsdialog.models import User

from . import factories as f

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = {lang: ROOT / "wsdialog" / "translations" / lang / "LC_MESSAGES" / "messages.po"
            for lang in LANGUAGES if lang != "en"}
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]")


def _read(path):
    with open(path, "rb") as fh:
        return read_po(fh)


@pytest.fixture(scope="module")
def fresh_template(tmp_path_factory):
    """Extract the messages from the code as it is now."""
    out = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F",
                    "babel.cfg", "-k", "_l", "-k", "N_",
                    "--ignore-dirs=node_modules .* _* instance build", "-o", str(out), "."],
                   cwd=ROOT, check=True, capture_output=True)
    return {m.id for m in _read(out) if m.id}


@pytest.mark.parametrize("lang", sorted(CATALOGS))
def test_catalogues_hold_every_message_of_the_code(lang, fresh_template):
    catalog = {m.id for m in _read(CATALOGS[lang]) if m.id}
    missing = fresh_template - catalog
    assert not missing, f"run `flask translate update`: {sorted(missing, key=str)[:5]}"


@pytest.mark.parametrize("lang", sorted(CATALOGS))
def test_catalogues_are_complete_and_keep_placeholders(lang):
    for message in _read(CATALOGS[lang]):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings) and not message.fuzzy, f"{lang}: untranslated {ids[0]!r}"
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) <= wanted | set(
                PLACEHOLDER.findall(ids[0])), f"{lang}: placeholders differ in {ids[0]!r}"
            assert set(PLACEHOLDER.findall(string)) >= set(PLACEHOLDER.findall(ids[0])) - {
                "%(num)d"}, f"{lang}: a placeholder is lost in {ids[0]!r}"


@pytest.mark.parametrize("header,lang", [
    ("vi-VN,vi;q=0.9,en;q=0.5", "vi"), ("zh-CN,zh;q=0.9", "zh-Hans"),
    ("nl-BE", "nl"), ("fr-FR", "en"), ("", "en"),
])
def test_the_language_defaults_from_the_browser(client, header, lang):
    body = client.get("/login", headers={"Accept-Language": header}).get_data(as_text=True)
    assert f'<html lang="{lang}"' in body


def test_the_switcher_works_without_javascript_and_sticks_to_the_user(app, as_user):
    user = f.user(company=f.company(), locale=None)
    db.session.commit()
    client = as_user(user)
    response = client.post("/language", data={"locale": "vi", "next": "/suppliers?q=a"})
    assert response.status_code == 303 and response.headers["Location"] == "/suppliers?q=a"
    assert '<html lang="vi"' in client.get("/").get_data(as_text=True)
    assert db.session.get(User, user.id).locale == "vi"
    assert client.post("/language", data={"locale": "xx"}).status_code == 400
    response = client.post("/language", data={"locale": "nl", "next": "https://evil.example/"})
    assert response.headers["Location"] == "/"


def test_anonymous_visitors_can_switch_too(client):
    client.post("/language", data={"locale": "zh_Hans", "next": "/login"})
    assert '<html lang="zh-Hans"' in client.get("/login").get_data(as_text=True)


@pytest.mark.parametrize("locale,number,country", [
    ("en", "1,200", "India"), ("nl", "1.200", "India"), ("vi", "1.200", "Ấn Độ"),
    ("zh_Hans", "1,200", "印度"),
])
def test_numbers_and_country_names_follow_the_language(app, as_user, locale, number, country):
    company = f.company()
    user = f.user(company=company, locale=locale)
    site = f.site(f.supplier(company, country="IN"), headcount=1200)
    db.session.commit()
    body = as_user(user).get(f"/sites/{site.id}").get_data(as_text=True)
    assert number in body and country in body


@pytest.mark.parametrize(("locale", "name"), [("zh_Hans", "柬埔寨"), ("vi", "Campuchia"),
                                              ("nl", "Cambodja")])
def test_country_names_are_the_ones_speakers_use(app, locale, name):
    from flask_babel import force_locale

    from wsdialog.i18n import country_choices, country_name

    with force_locale(locale):
        assert country_name("KH") == name
        assert ("KH", name) in country_choices()
