"""More workers reached (issue 21), in a real browser: the Urdu survey, results
poster and invitation poster read right to left, mirrored (the first answer's box
on the right, the QR code at the start of its line), without sideways scrolling at
360 px and without anything axe-core finds; and every worker script is
drawn with a font that has it, not as empty boxes ("tofu"). Screenshots are kept
with the test's files, to be looked at."""

from __future__ import annotations

import subprocess
from datetime import date
from pprint import pformat

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from wsdialog.extensions import db
from wsdialog.questionnaires.answers import Answer
from wsdialog.questionnaires.starter import STARTER
from wsdialog.surveys.operations import store
from wsdialog.surveys.public_texts import text_for
from wsdialog.surveys.respondents import Respondent

from .. import factories as f
from .conftest import log_in

CODES = ("WAGE_RUNS_OUT", "CLEAN_WATER", "TREATED_WORSE")
NARROW = {"width": 360, "height": 740}
AXE = Axe()


def _world(app, languages: tuple[str, ...]):
    """Noordwind and a factory in Pakistan: a released cycle (for the results
    poster) and an open one (the survey, the invitation poster), in ``languages``
    with the starter's own texts."""
    app.config["FIXED_TODAY"] = "2027-08-20"
    company = f.company("Noordwind")
    eva = f.user(company=company, admin=True, name="Eva", email="eva@noordwind.example")
    site = f.site(f.supplier(company, name="Indus Valley Textiles", country="PK"),
                  name="Faisalabad stitching unit", country="PK", headcount=40,
                  timezone="Asia/Karachi")
    version = f.published(company, "Survey", CODES, locales=tuple({"en": 1, **dict.fromkeys(
        languages)}))
    starter = {code: texts for code, *_rest, texts in STARTER}
    for question in version.questions:
        for text in question.texts:
            text.text = starter[question.code][text.locale]
    released = f.cycle(company, site, version, headcount=40, languages=languages,
                       starts_on=date(2027, 6, 1), ends_on=date(2027, 6, 14))
    store(released, [Respondent(
        released.starts_on, "web", languages[0], {"gender": None, "age_band": None,
                                                  "contract": None, "role": None},
        {"WAGE_RUNS_OUT": Answer.yes if i < 8 else Answer.no, "CLEAN_WATER": Answer.yes,
         "TREATED_WORSE": Answer.no}) for i in range(20)])
    released.release(eva, date(2027, 6, 20))
    open_now = f.cycle(company, site, version, headcount=40, languages=languages,
                       starts_on=date(2027, 8, 15), ends_on=date(2027, 8, 28))
    db.session.commit()
    return released, open_now


def _box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def _text_box(page, selector: str) -> dict:
    """Where the text of the first ``selector`` is drawn (not its block's box)."""
    return page.eval_on_selector(selector, """el => {
        const range = document.createRange(); range.selectNodeContents(el);
        const r = range.getBoundingClientRect();
        return {x: r.left, right: r.right, box: el.getBoundingClientRect().right,
                start: el.getBoundingClientRect().left}; }""")


def violations(page) -> list[str]:
    """axe-core's violations on the page: none at all on what workers see, as in
    English and Vietnamese (test_accessibility)."""
    return [f"{v['id']} ({v['impact']}): {v['help']}"
            for v in AXE.run(page).response["violations"]]


def test_the_urdu_survey_and_posters_read_right_to_left(app, server, browser, tmp_path):
    released, open_now = _world(app, ("ur", "en"))
    phone = browser.new_context(viewport=NARROW)
    page = phone.new_page()

    # The survey: the first answer ("Yes") at the right, its radio at its right edge.
    boxes = {}
    for lang in ("en", "ur"):
        page.goto(f"{server}/s/{open_now.public_token}?lang={lang}")
        expect(page.locator("html")).to_have_attribute("dir", "rtl" if lang == "ur" else "ltr")
        first, second = page.locator(".q").first.locator(".choice").all()[:2]
        boxes[lang] = (first.bounding_box(), second.bounding_box(),
                       first.locator("input").bounding_box())
        assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], lang
    (en_yes, en_no, en_radio), (ur_yes, ur_no, ur_radio) = boxes["en"], boxes["ur"]
    assert en_yes["x"] < en_no["x"] and ur_yes["x"] > ur_no["x"]  # mirrored
    assert ur_radio["x"] + ur_radio["width"] > ur_yes["x"] + ur_yes["width"] - 30
    assert en_radio["x"] < en_yes["x"] + 30
    expect(page.locator("h1")).to_have_text(text_for("title", "ur"))
    expect(page.locator("button.send")).to_have_text(text_for("send", "ur"))
    # The question's text, aligned at the right like every line of the page.
    legend = _text_box(page, ".q legend")
    assert abs(legend["right"] - legend["box"]) < 2 and legend["x"] > legend["start"] + 2
    assert not (found := violations(page)), pformat(found)
    page.screenshot(path=str(tmp_path / "survey-ur-360.png"), full_page=True)

    # The thank-you page too, dated by Babel in Urdu.
    page.locator(".q").first.locator("input[value=no]").check()
    page.click("button.send")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("main")).to_contain_text("28 اگست، 2027")

    # Both posters, on a phone: right to left, the QR code at the start (the right).
    brand = browser.new_context(viewport=NARROW)
    poster = brand.new_page()
    log_in(poster, server, "eva@noordwind.example", f.PASSWORD)
    for name, path in (("results", f"/cycles/{released.id}/poster"),
                       ("invitation", f"/cycles/{open_now.id}/invitation")):
        poster.goto(f"{server}{path}?lang=ur")
        expect(poster.locator("html")).to_have_attribute("dir", "rtl")
        expect(poster.locator("nav.no-print")).to_have_attribute("dir", "ltr")  # Eva's English
        qr, words = _box(poster, ".scan img"), _box(poster, ".scan img + *")
        assert qr["x"] > words["x"], (name, qr, words)
        heading = _text_box(poster, "h2")
        assert abs(heading["right"] - heading["box"]) < 2, (name, heading)
        assert poster.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], name
        assert not (found := violations(poster)), (name, pformat(found))
        poster.screenshot(path=str(tmp_path / f"{name}-ur-360.png"), full_page=True)
    # The figures in Urdu's own way, the address left to right.
    poster.goto(f"{server}/cycles/{released.id}/poster?lang=ur")
    expect(poster.locator(".rate")).to_contain_text(f.pct(0.5, "ur"))
    poster.goto(f"{server}/cycles/{open_now.id}/invitation?lang=ur")
    expect(poster.locator(".url")).to_have_attribute("dir", "ltr")
    expect(poster.locator(".dates")).to_contain_text("15 اگست، 2027")
    brand.close()
    phone.close()


# The worker languages written in scripts other than Latin: the name fontconfig
# knows each by, and the script's name in Unicode.
SCRIPTS = {"hi": ("hi", "Devanagari"), "si": ("si", "Sinhala"), "ta": ("ta", "Tamil"),
           "bn": ("bn", "Bengali"), "ur": ("ur", "Arabic"), "km": ("km", "Khmer"),
           "my": ("my", "Myanmar"), "zh_Hans": ("zh-cn", "Han")}


def _families(fc_lang: str) -> set[str]:
    """The font families on this machine that fontconfig says cover the language."""
    out = subprocess.run(["fc-list", f":lang={fc_lang}", "family"], capture_output=True,
                         text=True, check=True).stdout
    return {name.strip() for line in out.splitlines() for name in line.split(",")}


#: Each run of the script's letters (with the marks and joiners on them) on the
#: page, in a span of its own at the end of <main> (same fonts, same language):
#: for Chromium to say which fonts drew it.
PROBE = r"""script => {
  const main = document.querySelector('main');
  const letters = new RegExp(
    `\\p{Script=${script}}[\\p{Script=${script}}\\p{M}\\u200c\\u200d]*`, 'gu');
  const runs = main.innerText.match(letters);
  const probe = document.createElement('p');
  probe.id = 'font-probe';
  for (const run of new Set(runs || [])) {
    const span = document.createElement('span');
    span.textContent = run;
    probe.append(span, ' ');
  }
  main.append(probe);
  return probe.children.length;
}"""


def _drawn_outside(page, cdp, covering: set[str], script: str) -> tuple[list[str], set[str]]:
    """The runs of the script on the page that Chromium draws, wholly or partly, in a
    font that does not have the script (a box for each letter); and the fonts that
    drew the others."""
    assert page.evaluate(PROBE, script) > 0, f"no {script} on {page.url}"
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    found, used = [], set()
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root,
                                                  "selector": "#font-probe span"})["nodeIds"]:
        fonts = {font["familyName"] for font in
                 cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}
        used |= fonts & covering
        if fonts - covering:
            run = cdp.send("DOM.describeNode", {"nodeId": node, "depth": 1})["node"]
            found.append(f"{run['children'][0]['nodeValue']!r} in {sorted(fonts)}")
    return found, used


@pytest.mark.parametrize("lang", SCRIPTS)
def test_every_worker_script_is_drawn_with_a_font_that_has_it(app, server, browser, lang,
                                                              tmp_path):
    """Without a font for a script, Chromium draws its letters with the page's
    first font, as boxes: every run of the script on the survey and both posters
    must be drawn by fonts that fontconfig says have it. Run
    ``scripts/system-packages`` when this fails."""
    fc_lang, script = SCRIPTS[lang]
    covering = _families(fc_lang)
    assert covering, f"no font for {lang} on this machine: run scripts/system-packages"
    released, open_now = _world(app, (lang, "en"))
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    page.goto(f"{server}/s/{open_now.public_token}?lang={lang}")
    found, used = _drawn_outside(page, cdp, covering, script)
    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    for path in (f"/cycles/{released.id}/poster", f"/cycles/{open_now.id}/invitation"):
        page.goto(f"{server}{path}?lang={lang}")
        page.screenshot(path=str(tmp_path / f"{path.rsplit('/', 1)[1]}-{lang}.png"),
                        full_page=True)
        more, also = _drawn_outside(page, cdp, covering, script)
        found, used = found + more, used | also
    context.close()
    assert not found, pformat(found)
    if lang == "ur":  # the stylesheets ask for Nastaliq, the style Urdu is read in
        assert "Noto Nastaliq Urdu" in used, used
