"""The main journeys, in a real browser, with and without JavaScript."""

from __future__ import annotations

import re
import time

from playwright.sync_api import expect

from wsdialog.extensions import db
from wsdialog.models import Presence
from wsdialog.questionnaires.models import QuestionnaireVersion

from .. import factories as f
from .conftest import log_in


def _brand(name="Noordwind"):
    company = f.company(name)
    admin = f.user(company=company, admin=True, name="Eva", email="eva@noordwind.example")
    return company, admin


def test_a_brand_admin_adds_a_supplier_and_a_site(app, server, page, problems):
    _brand()
    db.session.commit()
    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    expect(page.locator("h2", has_text="Needs your attention")).to_be_visible()
    page.click("nav >> text=Suppliers")
    page.click("main >> text=Add a supplier")
    page.fill("#name", "Saigon Stitch Co.")
    page.select_option("#country", "VN")
    page.fill("#years_of_relationship", "6")
    page.fill("#purchase_share_pct", "12")
    page.click("main input[type=submit]")
    expect(page.locator("h1")).to_have_text("Saigon Stitch Co.")
    page.click("main >> text=Add a site >> nth=0")
    page.fill("#name", "Thu Duc factory")
    # htmx swaps in the time zones of the chosen country.
    page.select_option("#country", "IN")
    expect(page.locator("#timezone option[value='Asia/Kolkata']")).to_have_count(1)
    page.select_option("#country", "VN")
    expect(page.locator("#timezone option[value='Asia/Ho_Chi_Minh']")).to_have_count(1)
    expect(page.locator("#timezone option[value='Asia/Kolkata']")).to_have_count(0)
    page.select_option("#timezone", "Asia/Ho_Chi_Minh")
    page.fill("#headcount", "850")
    page.click("main input[type=submit]")
    expect(page.locator("h1")).to_have_text("Thu Duc factory")
    expect(page.locator("main")).to_contain_text("850")
    assert problems == []


def test_a_supplier_user_is_invited_and_sees_only_its_own_sites(app, server, browser, page,
                                                                problems):
    company, _admin = _brand()
    f.user(company=company, name="Ahmed", email="ahmed@noordwind.example")
    saigon = f.supplier(company, name="Saigon Stitch Co.")
    f.site(saigon, name="Thu Duc factory")
    other = f.supplier(company, name="Lanka Lace")
    other_site = f.site(other, name="Katunayake plant")
    stranger = f.supplier(f.company("Linde"), name="Porto Socks")
    f.site(stranger, name="Barcelos knitting")
    db.session.commit()
    log_in(page, server, "ahmed@noordwind.example", f.PASSWORD)
    page.goto(f"{server}/suppliers/{saigon.id}")
    page.click("main >> text=Invite someone >> nth=0")
    page.fill("#name", "Nguyen Thi Lan")
    page.fill("#email", "lan@saigonstitch.example")
    page.select_option("#locale", "vi")
    page.click("main input[type=submit]")
    expect(page.locator("h1")).to_have_text("Invitation ready to pass on")
    link = page.input_value("#invitation-link")
    assert problems == []

    context = browser.new_context()
    guest = context.new_page()
    assert link.startswith(f"{server}/invite/")
    guest.goto(link)
    guest.fill("#password", "a long enough password")
    guest.fill("#confirm", "a long enough password")
    guest.click("main input[type=submit]")
    expect(guest.locator("html")).to_have_attribute("lang", "vi")
    body = guest.locator("main")
    expect(body).to_contain_text("Thu Duc factory")
    expect(body).not_to_contain_text("Katunayake plant")
    expect(body).not_to_contain_text("Barcelos knitting")
    guest.goto(f"{server}/sites/{other_site.id}")
    expect(guest.locator("h1")).to_contain_text("Không tìm thấy trang này")
    context.close()


def test_contacts_are_added_in_place_with_htmx_and_by_post_without_javascript(
        app, server, page, no_js_page, problems):
    company, _admin = _brand()
    supplier = f.supplier(company, name="Lanka Lace")
    db.session.commit()
    url = f"{server}/suppliers/{supplier.id}"
    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    page.goto(url)
    page.click("text=Add contact person")
    page.fill("#contacts #name", "Dilani Perera")
    page.click("#contacts input[type=submit]")
    expect(page.locator("#contacts")).to_contain_text("Dilani Perera")
    assert page.url == url  # swapped in place
    assert problems == []

    log_in(no_js_page, server, "eva@noordwind.example", f.PASSWORD)
    no_js_page.goto(url)
    no_js_page.click("text=Add contact person")
    no_js_page.fill("#contacts #name", "Kumar Silva")
    no_js_page.click("#contacts input[type=submit]")
    expect(no_js_page.locator("main")).to_contain_text("Contact person added.")
    expect(no_js_page.locator("#contacts")).to_contain_text("Kumar Silva")
    # Removing one says what will happen first, with and without JavaScript.
    no_js_page.click("#contacts summary:has-text('Remove')")
    expect(no_js_page.locator(".confirm-box").first).to_contain_text("is removed from your")
    no_js_page.click("#contacts button:has-text('Remove Dilani Perera')")
    expect(no_js_page.locator("#contacts")).not_to_contain_text("Dilani Perera")
    page.reload()
    page.click("#contacts summary:has-text('Remove')")
    page.click("#contacts button:has-text('Remove Kumar Silva')")
    expect(page.locator("#contacts")).not_to_contain_text("Kumar Silva")


def test_the_language_switcher_works_without_javascript(app, server, no_js_page):
    no_js_page.goto(f"{server}/login")
    no_js_page.select_option("#language-select", "vi")
    no_js_page.click(".language button")
    expect(no_js_page.locator("html")).to_have_attribute("lang", "vi")
    expect(no_js_page.locator("h1")).to_have_text("Đăng nhập")


def test_logging_out_ends_the_session(app, server, page):
    _brand()
    db.session.commit()
    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    page.click(".user-menu summary")
    page.click("text=Log out")
    page.goto(f"{server}/")
    assert re.search(r"/login", page.url)


def _assess(page, site_id, server):
    page.goto(f"{server}/assessments/new?site_id={site_id}")
    page.click("main input[type=submit]")
    # Step 1: the site record answered "union" and "committee".
    expect(page.locator("main")).to_contain_text("Known from the site record")
    page.check("input[name=union_independent][value=yes]")
    page.check("input[name=association][value=restricted]")
    page.click("text=Next")
    expect(page.locator("h1")).to_have_text("Culture and context")
    page.check("input[name=women_barriers][value=yes]")
    page.click("text=Next")
    expect(page.locator("h1")).to_have_text("Who works there")
    page.check("input[name=phones][value=most]")
    page.click("text=Next")
    expect(page.locator("h1")).to_have_text("Partners and trust")
    page.check("input[name=supplier_survey][value=yes]")
    page.check("input[name=third_party][value=yes]")
    page.click("text=Next")
    page.check("input[name=goals][value=risks]")
    page.click("text=See the advice")
    expect(page.locator("h1")).to_have_text("Advice on how to listen")


def test_a_brand_user_assesses_a_site_with_and_without_javascript(
        app, server, page, no_js_page, problems):
    company, _admin = _brand()
    supplier = f.supplier(company, name="Saigon Stitch Co.")
    site = f.site(supplier, name="Thu Duc factory", trade_union=Presence.yes,
                  worker_committee=Presence.yes)
    db.session.commit()
    for each in (page, no_js_page):
        log_in(each, server, "eva@noordwind.example", f.PASSWORD)
        _assess(each, site.id, server)
        main = each.locator("main")
        expect(main).to_contain_text("Start here:")
        expect(main).to_contain_text("Run the survey together with the union")
        expect(main).to_contain_text("Because you answered:")
    assert problems == []
    # The site page shows the current advice; the supplier never sees it.
    page.goto(f"{server}/sites/{site.id}")
    expect(page.locator("main")).to_contain_text("Current advice:")


def test_onboarding_from_outreach_to_a_respected_decline_and_a_due_reask(
        app, server, page, problems):
    app.config["FIXED_TODAY"] = "2027-01-15"
    company, _admin = _brand()
    supplier = f.supplier(company, name="Dhaka Fashion Works", country="BD")
    f.contact(company, supplier, name="Rahim Uddin").email = "rahim@dhaka.example"
    db.session.commit()
    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    url = f"{server}/onboarding/suppliers/{supplier.id}"
    page.goto(url)
    page.select_option("#stage", "shortlisted")
    page.click("text=Save the move")
    expect(page.locator(".flash")).to_contain_text("Shortlisted")
    # Approach with the outreach message (no mail server: it is shown to copy).
    page.click("text=Write the outreach message")
    expect(page.locator("#recipient")).to_have_value("rahim@dhaka.example")
    expect(page.locator("#body")).to_contain_text("Dear Rahim Uddin,")
    page.click("main form:not(.filters) input[type=submit]")
    expect(page.locator("h1")).to_have_text("Message ready to send")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click("text=Copy the subject")  # a button only where scripts run
    expect(page.locator("text=Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()").startswith("Invitation")
    page.click("text=Done")
    expect(page.locator(".stage")).to_have_text("Approached")
    # The supplier declines; the reasons are recorded, the re-ask is six months on.
    page.select_option("#stage", "declined")
    page.check("input[name=reasons][value=fewer_orders]")
    page.check("input[name=reasons][value=no_capacity]")
    page.click("text=Save the move")
    expect(page.locator("main")).to_contain_text("That is respected")
    expect(page.locator("main")).to_contain_text(
        "We fear it could cost us orders; We have no time or capacity for it")
    expect(page.locator("main")).not_to_contain_text("Write the outreach message")
    # No move is offered until the re-ask date (each would be refused).
    expect(page.locator("#stage")).to_have_count(0)
    page.goto(f"{server}/")
    expect(page.locator("main")).not_to_contain_text("Re-asks that are due")
    # Seven months later the re-ask is due, on the home page and the board.
    app.config["FIXED_TODAY"] = "2027-08-15"
    page.goto(f"{server}/")
    expect(page.locator("main")).to_contain_text("Re-asks that are due:")
    page.click("main >> text=Dhaka Fashion Works")
    expect(page.locator("main")).to_contain_text("Write the outreach message")
    assert problems == []


def test_a_cycle_is_planned_a_bad_file_refused_a_good_one_imported_and_a_worker_answers(
        app, server, page, browser, tmp_path, problems):
    app.config["FIXED_TODAY"] = "2027-03-05"
    company, _admin = _brand()
    supplier = f.supplier(company, name="Saigon Stitch Co.")
    site = f.site(supplier, name="Thu Duc factory", headcount=50)
    db.session.commit()
    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    # A questionnaire from the starter, a question that asks two things, the advice.
    page.goto(f"{server}/questionnaires")
    page.fill("#name", "Worker survey 2027")
    page.select_option("#start", "blank")
    page.click("main input[type=submit]")
    for code, text, vi in (
            ("WAGE_RUNS_OUT", "Does your salary run out before the end of the month?",
             "Lương của bạn có hết trước cuối tháng không?"),
            ("CLEAN_WATER", "Is there clean water and enough light?",
             "Có nước sạch và đủ ánh sáng không?")):
        page.click("text=Add a question")
        page.fill("#code", code)
        page.fill("#text_en", text)
        page.fill("#text_vi", vi)  # written by Eva, a fluent speaker: reviewed
        page.click("main input[type=submit]")
    expect(page.locator(".lint")).to_contain_text("may ask two things at once ('and')")
    page.click("main summary:has-text('Publish')")
    expect(page.locator(".confirm-box").first).to_contain_text("becomes final")
    page.click("main button:has-text('Publish version 1')")
    expect(page.locator(".flash")).to_contain_text("is published")
    version = db.session.scalar(db.select(QuestionnaireVersion))
    page.goto(f"{server}/sites/{site.id}")
    page.click("text=Plan a survey cycle")
    page.select_option("#version", str(version.id))
    # Late February first: no public holiday, but the weeks after Tết, when many
    # workers are still away. Checking the dates plans nothing.
    page.fill("#starts_on", "2027-02-15")
    page.fill("#ends_on", "2027-02-28")
    page.click("main input[type=submit][name=check]")
    expect(page.locator("#window-holidays")).to_contain_text("Lunar New Year, about")
    expect(page.locator("#window-holidays")).to_contain_text("come back weeks later")
    expect(page.locator("h1")).to_have_text("Plan a survey cycle")
    page.fill("#starts_on", "2027-03-01")
    page.fill("#ends_on", "2027-03-14")
    # Vietnamese is checked already (the site is in Viet Nam); English besides.
    expect(page.locator("input[name=languages][value=vi]")).to_be_checked()
    page.check("input[name=languages][value=en]")
    page.click("main input[type=submit]")
    expect(page.locator("h1")).to_contain_text("Survey cycle at Thu Duc factory")
    cycle_url = page.url
    bad = tmp_path / "bad.csv"
    bad.write_text("date,WAGE_RUNS_OUT,CLEAN_WATER\n2027-03-02,yes,no\n2027-02-30,maybe,no\n")
    page.set_input_files("#file", str(bad))
    page.click("#import input[type=submit]")
    expect(page.locator(".problems li")).to_have_count(2)
    expect(page.locator("main")).to_contain_text("Nothing was imported")
    future = tmp_path / "future.csv"
    future.write_text("date,WAGE_RUNS_OUT,CLEAN_WATER\n2027-03-09,yes,no\n")
    page.set_input_files("#file", str(future))
    page.click("#import input[type=submit]")
    expect(page.locator(".problems")).to_contain_text("2027-03-09 lies in the future")
    good = tmp_path / "good.csv"
    good.write_text("date,WAGE_RUNS_OUT,respondent\n2027-03-02,yes,A7\n2027-03-03,no,A8\n")
    page.set_input_files("#file", str(good))
    page.click("#import input[type=submit]")
    # A preview first: what the file adds, and what it lacks.
    expect(page.locator("h1")).to_contain_text("Check the import")
    expect(page.locator("main")).to_contain_text("2 respondents will be added")
    expect(page.locator(".warn-box")).to_contain_text("CLEAN_WATER")
    page.click("text=Import 2 respondents")
    expect(page.locator(".flash")).to_contain_text("2 respondents imported.")
    expect(page.locator(".stats")).to_contain_text("4%")  # 2 of 50
    # The same respondents from another export are caught, without their keys kept.
    again = tmp_path / "again.csv"
    again.write_text("respondent;date;WAGE_RUNS_OUT\nA8;2027-03-03;no\n")
    page.set_input_files("#file", str(again))
    page.click("#import input[type=submit]")
    expect(page.locator(".problems")).to_contain_text(
        "Respondent 'A8' was imported into this cycle before")
    # A second cycle may not overlap this one.
    page.goto(f"{server}/sites/{site.id}/cycles/new")
    page.fill("#starts_on", "2027-03-10")
    page.fill("#ends_on", "2027-03-24")
    page.click("main input[type=submit]")
    expect(page.locator("main")).to_contain_text("overlaps the cycle from")
    page.goto(cycle_url)
    survey_url = page.locator("main a[href*='/s/']").first.get_attribute("href")
    assert problems == []

    # A worker answers on a small phone, without JavaScript and without cookies.
    phone = browser.new_context(viewport={"width": 360, "height": 740},
                                java_script_enabled=False)
    worker = phone.new_page()
    worker.goto(survey_url)
    expect(worker.locator("html")).to_have_attribute("lang", "en")
    worker.click("nav.languages >> text=Tiếng Việt")
    expect(worker.locator("html")).to_have_attribute("lang", "vi")
    box = worker.locator("label.choice").first.bounding_box()
    assert box["height"] >= 44  # a comfortable tap target
    worker.locator("input[name=WAGE_RUNS_OUT][value=yes]").check()
    worker.locator("input[name=CLEAN_WATER][value=no]").check()
    worker.click("button[type=submit]")
    expect(worker.locator(".thanks")).to_be_visible()
    assert phone.cookies() == []
    phone.close()
    page.reload()
    expect(page.locator(".stats")).to_contain_text("6%")  # 3 of 50


def test_the_supplier_sees_the_brands_figures_for_its_site_and_nothing_else(
        app, server, page, browser, problems):
    from datetime import date

    from wsdialog.models import Role
    from wsdialog.questionnaires.answers import Answer
    from wsdialog.surveys.operations import store
    from wsdialog.surveys.respondents import Respondent

    app.config["FIXED_TODAY"] = "2027-04-01"
    company, _admin = _brand()
    saigon = f.supplier(company, name="Saigon Stitch Co.")
    lanka = f.supplier(company, name="Lanka Lace")
    version = f.published(company, "Survey", ("WAGE_RUNS_OUT", "CLEAN_WATER"))
    cycles = {}
    for supplier, wage in ((saigon, "yes"), (lanka, "no")):
        site = f.site(supplier, name=f"{supplier.name} site", headcount=40)
        cycles[supplier.name] = cycle = f.cycle(company, site, version)
        store(cycle, [Respondent(date(2027, 3, 2), "phone", "en",
                                 {"gender": g, "age_band": None, "contract": None,
                                  "role": None},
                                 {"WAGE_RUNS_OUT": Answer(wage), "CLEAN_WATER": Answer.yes})
                      for g in ["woman"] * 9 + ["man"] * 3])
    f.user(Role.supplier, supplier=saigon, email="lan@saigonstitch.example")
    db.session.commit()
    mine = cycles["Saigon Stitch Co."]

    context = browser.new_context()
    supplier_page = context.new_page()
    log_in(supplier_page, server, "lan@saigonstitch.example", f.PASSWORD)
    supplier_page.goto(f"{server}/cycles/{mine.id}/results")
    expect(supplier_page.locator("main")).to_contain_text("not released yet")
    assert supplier_page.locator(".shares").count() == 0

    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    page.goto(f"{server}/cycles/{mine.id}/results")
    brand_figures = page.locator(".shares").all_inner_texts()
    expect(page.locator(".access")).to_contain_text("Only your company sees these results")
    # Filtering by men (3 of 12) hides the figures, swapped in by htmx.
    page.select_option("select[name=group]", "gender:man")
    expect(page.locator("#results")).to_contain_text("Fewer than 5 people in this group")
    page.click("text=Release the results to Saigon Stitch Co.")
    page.click("text=Release now")
    expect(page.locator(".access")).to_contain_text("has not opened the results yet")
    assert problems == []

    supplier_page.goto(f"{server}/cycles/{mine.id}/results")
    assert supplier_page.locator(".shares").all_inner_texts() == brand_figures
    supplier_page.click("text=We have reviewed the results")
    expect(supplier_page.locator(".flash")).to_contain_text("reviewed")
    supplier_page.goto(f"{server}/cycles/{cycles['Lanka Lace'].id}/results")
    expect(supplier_page.locator("h1")).to_contain_text("We could not find this page")
    supplier_page.goto(f"{server}/cycles")
    expect(supplier_page.locator("main")).not_to_contain_text("Lanka Lace")
    context.close()

    page.goto(f"{server}/cycles/{mine.id}/results")
    expect(page.locator(".access")).to_contain_text("First opened by the supplier")
    expect(page.locator(".access")).to_contain_text("Marked as reviewed")


def test_no_answers_while_open_one_answer_per_form_then_release(
        app, server, page, browser, tmp_path, problems):
    """The worker-safety journey: while the survey is open the supplier sees no
    answers and no poster; three taps on Send on a slow link store one answer;
    Back shows an empty form; the brand releases; the supplier sees the brand's
    figures; a later import is refused."""
    from wsdialog.models import Role
    from wsdialog.surveys.models import Response

    app.config["FIXED_TODAY"] = "2027-03-05"
    company, _admin = _brand()
    saigon = f.supplier(company, name="Saigon Stitch Co.")
    site = f.site(saigon, name="Thu Duc factory", headcount=40)
    version = f.published(company, "Survey", ("WAGE_RUNS_OUT", "CLEAN_WATER"))
    cycle = f.cycle(company, site, version, headcount=40)
    f.user(Role.supplier, supplier=saigon, email="lan@saigonstitch.example")
    db.session.commit()
    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    page.goto(f"{server}/cycles/{cycle.id}")
    export = tmp_path / "answers.csv"
    export.write_text("date,gender,WAGE_RUNS_OUT,CLEAN_WATER\n" + "".join(
        f"2027-03-0{1 + i % 4},woman,{'yes' if i % 3 else 'no'},yes\n" for i in range(12)))
    page.set_input_files("#file", str(export))
    page.click("#import input[type=submit]")
    page.click("text=Import 12 respondents")
    expect(page.locator(".flash")).to_contain_text("12 respondents imported.")
    survey_url = page.locator("main a[href*='/s/']").first.get_attribute("href")

    # The supplier, while the survey is open: no answers, no poster, no count.
    supplier_context = browser.new_context()
    supplier = supplier_context.new_page()
    log_in(supplier, server, "lan@saigonstitch.example", f.PASSWORD)
    for path in (f"/cycles/{cycle.id}/results", f"/cycles/{cycle.id}/poster"):
        supplier.goto(f"{server}{path}")
        expect(supplier.locator("main")).to_contain_text("open until")
        assert supplier.locator(".shares, .poster").count() == 0

    # A worker on a slow link, without JavaScript, taps Send three times. The
    # answers reach the server, which is slow to reply: the page stays, the
    # worker taps again, and each tap sends the same form once more.
    slow = app.wsgi_app
    posts = []

    def slow_reply(environ, start_response):
        if environ["REQUEST_METHOD"] == "POST" and environ["PATH_INFO"].startswith("/s/"):
            posts.append(1)
            time.sleep(1.0)
        return slow(environ, start_response)

    app.wsgi_app = slow_reply
    phone = browser.new_context(viewport={"width": 360, "height": 740},
                                java_script_enabled=False)
    worker = phone.new_page()
    cdp = phone.new_cdp_session(worker)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 200, "downloadThroughput": 51200,
        "uploadThroughput": 20480})
    worker.goto(survey_url)
    worker.locator("input[name=WAGE_RUNS_OUT][value=yes]").check()
    worker.locator("input[name=CLEAN_WATER][value=no]").check()
    worker.locator("button[type=submit]").focus()
    for _ in range(3):
        worker.keyboard.press("Enter")
        worker.wait_for_timeout(400)
    expect(worker.locator(".thanks")).to_be_visible(timeout=15000)
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count(Response.id))) == 13  # 12 + one
    assert len(posts) >= 2, posts  # the taps did reach the server: one answer was kept
    app.wsgi_app = slow
    worker.go_back()  # the next worker on the same phone sees an empty form
    expect(worker.locator("button[type=submit]")).to_be_visible()
    assert worker.locator("input[type=radio]:checked").count() == 0
    phone.close()

    # The window closes; the brand checks and releases.
    app.config["FIXED_TODAY"] = "2027-03-20"
    page.goto(f"{server}/cycles/{cycle.id}/results")
    brand_figures = page.locator(".shares").all_inner_texts()
    assert brand_figures
    page.click("text=Release the results to Saigon Stitch Co.")
    page.click("text=Release now")
    expect(page.locator(".flash")).to_contain_text("released")
    supplier.goto(f"{server}/cycles/{cycle.id}/results")
    assert supplier.locator(".shares").all_inner_texts() == brand_figures
    supplier_context.close()

    # Released respondents are final.
    page.goto(f"{server}/cycles/{cycle.id}")
    expect(page.locator("main")).to_contain_text("respondents of this cycle are final")
    assert page.locator("#file").count() == 0
    assert problems == []


def test_the_dialogue_loop_from_results_to_agreements_that_worked(
        app, server, page, browser, tmp_path, problems):
    """Schedule across two time zones with a holiday, prepare (the checklist ticks
    itself, points come from the results), record, send the follow-up; the
    supplier, in Vietnamese, updates an agreement; after the next cycle is
    imported and released, the agreement shows its indicator before and after."""
    from datetime import date

    from wsdialog.models import Role
    from wsdialog.questionnaires.answers import Answer
    from wsdialog.surveys.operations import store
    from wsdialog.surveys.respondents import Respondent

    app.config["FIXED_TODAY"] = "2027-08-20"
    company, eva = _brand()
    saigon = f.supplier(company, name="Saigon Stitch Co.", country="VN")
    site = f.site(saigon, name="Thu Duc factory", country="VN", headcount=40)
    site.timezone, site.share_women_pct = "Asia/Ho_Chi_Minh", 80
    version = f.published(company, "Survey", ("WAGE_RUNS_OUT", "CLEAN_WATER"),
                          locales=("en", "vi"))
    cycle = f.cycle(company, site, version, headcount=40, starts_on=date(2027, 6, 1),
                    ends_on=date(2027, 6, 14))
    db.session.flush()
    store(cycle, [Respondent(date(2027, 6, 2), "phone", "vi",
                             {"gender": g, "age_band": None, "contract": None,
                              "role": None},
                             {"WAGE_RUNS_OUT": Answer(w), "CLEAN_WATER": Answer.yes})
                  for w, g in zip(["yes"] * 12 + ["no"] * 8, ["woman"] * 8 + ["man"] * 12,
                                  strict=True)])
    cycle.release(eva, date(2027, 6, 20))  # with the site's facts of that day
    f.user(Role.supplier, supplier=saigon, email="lan@saigonstitch.example", name="Lan",
           locale="vi")
    db.session.commit()

    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    # Who answered: 8 of 20 who said were women, where 80 % of the workers are.
    page.goto(f"{server}/cycles/{cycle.id}/results")
    women = page.locator(".reach tr", has_text="Women")
    from wsdialog.results.anonymity import blurred_sizes

    sizes = blurred_sizes({"woman": 8, "man": 12}, cycle.figure_seed, "gender")
    expect(women).to_contain_text(f.pct(sizes["woman"] / sum(sizes.values())))  # 40 %
    expect(women).to_contain_text("Heard less than others: under 60% of the respondents.")
    page.goto(f"{server}/cycles/{cycle.id}/dialogues/new")
    page.fill("#day", "2027-09-02")  # Vietnam's National Day
    page.fill("#time", "10:00")
    page.select_option("#language", "vi")
    page.click("main input[type=submit]")
    expect(page.locator("h1")).to_contain_text("Dialogue with Saigon Stitch Co.")
    for name, org, lang, country, zone in (
            ("Lan", "supplier", "vi", "VN", "Asia/Ho_Chi_Minh"),
            ("Pieter", "ngo", "nl", "NL", "Europe/Amsterdam")):
        page.click("text=Add someone")
        page.fill("#name", name)
        page.select_option("#organisation", org)
        page.select_option("select#language", lang)
        page.select_option("#country", country)
        page.select_option("#participant-timezone", zone)
        if org == "supplier":
            page.check("#decides")
        page.click("#participants input[type=submit]")
    times = page.locator("#participants tbody").inner_text()
    assert "10:00" in times and "5:00" in times  # Ho Chi Minh City and Amsterdam
    expect(page.locator("#participants")).to_contain_text("public holiday")
    expect(page.locator("#checklist")).to_contain_text("Preparation: 2 of")

    page.click("main .actions >> text=Prepare")
    expect(page.locator("#points")).to_contain_text("WAGE_RUNS_OUT")
    page.click("text=Keep the ticked points")
    page.fill("#open_questions", "Why are wages paid after the 10th?")
    page.click("main form >> text=Save the preparation")
    expect(page.locator(".flash")).to_contain_text("saved")

    app.config["FIXED_TODAY"] = "2027-09-03"  # the day after: a dialogue is recorded once held
    page.goto(page.url.replace("/prepare", "/record"))
    page.fill("#held_on", "2027-09-02")
    page.select_option("#openness", "open")
    page.click("main form >> input[value='Save the record']")
    page.click("text=Add an agreement")
    page.fill("#title", "Pay wages by the 5th")
    page.select_option("#owner", "factory")
    page.fill("#due_on", "2027-10-31")
    page.check("input[name=codes][value=WAGE_RUNS_OUT]")
    page.click("main input[type=submit]")
    expect(page.locator("#actions")).to_contain_text("Pay wages by the 5th")
    page.click("text=Follow-up message")
    expect(page.locator("#body")).to_contain_text("Pay wages by the 5th")
    page.click("main input[type=submit]")  # no mail server here: shown to copy
    expect(page.locator("main")).to_contain_text("Copy the message")
    assert problems == []

    supplier_context = browser.new_context()
    lan = supplier_context.new_page()
    log_in(lan, server, "lan@saigonstitch.example", f.PASSWORD)
    expect(lan.locator("html")).to_have_attribute("lang", "vi")
    lan.goto(f"{server}/dialogues")
    lan.click("main tbody a")
    expect(lan.locator("#actions h2")).to_have_text("Những gì đã thỏa thuận")  # Vietnamese
    lan.click("text=Pay wages by the 5th")
    lan.select_option("#status", "in_progress")
    lan.fill("#comment", "Bắt đầu từ tháng sau")
    lan.click("main input[type=submit]")
    expect(lan.locator("main")).to_contain_text("Bắt đầu từ tháng sau")
    expect(lan.locator("main")).to_contain_text("Đang thực hiện")

    # The next cycle is imported and released: the agreement shows its effect.
    app.config["FIXED_TODAY"] = "2027-12-01"
    nxt = f.cycle(company, site, version, headcount=40, starts_on=date(2027, 11, 1),
                  ends_on=date(2027, 11, 14))
    db.session.commit()
    # The next round is planned and closed, nothing imported yet: the all-sites
    # table still shows the June round, the last one with results.
    page.goto(f"{server}/results/sites")
    expect(page.locator("table.heat tbody tr").first).to_contain_text("Jun 1, 2027")
    page.goto(f"{server}/cycles/{nxt.id}")
    export = tmp_path / "round2.csv"
    export.write_text("date,WAGE_RUNS_OUT,CLEAN_WATER\n" + "".join(
        f"2027-11-0{2 + i % 5},{'yes' if i < 5 else 'no'},yes\n" for i in range(20)))
    page.set_input_files("#file", str(export))
    page.click("#import input[type=submit]")
    page.click("text=Import 20 respondents")
    page.goto(f"{server}/cycles/{nxt.id}/results")
    page.click("text=Release the results to Saigon Stitch Co.")
    page.click("text=Release now")
    lan.reload()
    row = lan.locator("main table tbody tr").first
    before = f.shown(cycle, ("all", "WAGE_RUNS_OUT"), 8, 0, 12)  # 60 %, blurred
    after = f.shown(nxt, ("all", "WAGE_RUNS_OUT"), 15, 0, 5)  # 25 %, blurred
    expect(row).to_contain_text(f.pct(before.negative_share, "vi"))
    expect(row).to_contain_text(f.pct(after.negative_share, "vi"))
    # The poster says which answer each figure counts: for "Do wages run out?"
    # the good news is the share that answered no (75 %).
    page.goto(f"{server}/cycles/{nxt.id}/poster?lang=en")
    good = page.locator("section.good li", has_text="WAGE_RUNS_OUT")
    expect(good).to_contain_text(f"{f.pct(after.shares[0])} answered “No”")
    supplier_context.close()
    assert problems == []
