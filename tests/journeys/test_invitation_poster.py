"""Before the survey, in a real browser: the brand plans a cycle, then prints its
invitation poster in Vietnamese. On a phone (360 px, no JavaScript) it fits
without sideways scrolling and shows its QR code; printed, it fills one A4 page.
Screenshots of both are kept with the test's files, to be looked at."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from wsdialog.extensions import db
from wsdialog.surveys.models import SurveyCycle

from .. import factories as f
from .conftest import log_in

#: A4 at 96 px per inch.
A4 = {"width": 794, "height": 1123}


def test_the_brand_plans_a_cycle_and_prints_its_invitation_in_vietnamese(
        app, server, browser, page, tmp_path, problems):
    app.config["FIXED_TODAY"] = "2027-02-20"
    company = f.company("Noordwind")
    f.user(company=company, admin=True, name="Eva", email="eva@noordwind.example")
    site = f.site(f.supplier(company, name="Saigon Stitch Co."), name="Thu Duc factory",
                  headcount=40)
    f.published(company, "Survey", locales=("en", "vi"))
    db.session.commit()

    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    page.goto(f"{server}/sites/{site.id}/cycles/new")
    page.fill("#starts_on", "2027-03-01")
    page.fill("#ends_on", "2027-03-14")
    expect(page.locator("input[name=languages][value=vi]")).to_be_checked()  # Viet Nam's
    page.locator("input[name=languages][value=en]").check()
    page.click("main input[type=submit][name=submit]")
    expect(page.locator(".flash")).to_contain_text("The cycle is planned.")
    poster_url = page.locator("#invitation a[lang=vi]").get_attribute("href")
    assert poster_url.endswith("lang=vi")
    cycle = db.session.scalars(db.select(SurveyCycle)).one()
    assert cycle.state(cycle.starts_on).is_open and cycle.ends_on.day == 14

    # On a phone, without JavaScript: no sideways scroll, the QR code is drawn.
    phone = browser.new_context(viewport={"width": 360, "height": 740},
                                java_script_enabled=False,
                                storage_state=page.context.storage_state())
    narrow = phone.new_page()
    narrow.goto(f"{server}{poster_url}")
    expect(narrow.locator("html")).to_have_attribute("lang", "vi")
    expect(narrow.locator("h1")).to_have_text("Tiếng nói của bạn tại nơi làm việc")
    expect(narrow.locator(".dates")).to_have_text(
        "Mở từ 1 tháng 3, 2027 đến hết 14 tháng 3, 2027")
    expect(narrow.locator("article")).to_contain_text("Noordwind, nhãn hàng mua hàng từ nhà máy")
    expect(narrow.locator("article")).to_contain_text("trước 25 tháng 4, 2027")
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 360
    assert narrow.evaluate("document.querySelector('.scan img').naturalWidth") > 0
    narrow.screenshot(path=str(tmp_path / "invitation-vi-360.png"), full_page=True)
    phone.close()

    # Printed on A4: the links above it are left out, and it fits one page.
    page.set_viewport_size(A4)
    page.goto(f"{server}{poster_url}")
    page.emulate_media(media="print")
    expect(page.locator("nav.no-print")).to_be_hidden()
    page.screenshot(path=str(tmp_path / "invitation-vi-a4.png"), full_page=True)
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    assert problems == []


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_in_every_language_and_either_way_of_answering_it_prints_on_one_page(
        app, server, page, tmp_path):
    """The longest variants: the built-in survey with access codes (QR code, address
    and the line on codes), and a provider's survey by phone, WhatsApp and web (a
    line to write on for each). Scripts without a font on the machine print as
    boxes of about the same width, so the count holds there too."""
    from wsdialog.surveys.public_texts import NAMES

    app.config["FIXED_TODAY"] = "2027-02-20"
    company = f.company("Noordwind Apparel International")
    f.user(company=company, admin=True, name="Eva", email="eva@noordwind.example")
    site = f.site(f.supplier(company), name="Tiruppur Knitwear Unit 2", headcount=400)
    version = f.published(company, "Survey", locales=tuple(NAMES))
    built_in = f.cycle(company, site, version, languages=tuple(NAMES))
    built_in.uses_codes = True
    provider = f.cycle(company, site, version, languages=tuple(NAMES),
                       starts_on=built_in.starts_on.replace(month=6),
                       ends_on=built_in.ends_on.replace(month=6),
                       channels=("phone", "whatsapp", "web"))
    provider.provider = "Independent Worker Voice Surveys Ltd."
    db.session.commit()
    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    page.emulate_media(media="print")
    found = {}
    for cycle in (built_in, provider):
        for lang in NAMES:
            for size in ("a4", "a3"):
                page.goto(f"{server}/cycles/{cycle.id}/invitation?lang={lang}&size={size}")
                count = pages(page.pdf(prefer_css_page_size=True, print_background=True))
                if count != 1:
                    found[(cycle.provider or "built-in", lang, size)] = count
                    page.screenshot(path=str(tmp_path / f"{cycle.id}-{lang}-{size}.png"),
                                    full_page=True)
    assert not found, found
