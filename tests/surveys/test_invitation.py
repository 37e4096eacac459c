"""Before the survey: the invitation poster says, in the workers' language, what
the survey is about, when, how to answer, that it is voluntary and anonymous, who
runs it, who sees the grouped results and when workers hear back; the survey's
first page and its thank-you page say the same; the code slips say it in a line."""

from __future__ import annotations

import re

import pytest

from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.surveys.planning import RESULTS_BACK_DAYS
from wsdialog.surveys.public_texts import text_for

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-02-20"}  # the cycle below is planned


@pytest.fixture
def planned(app):
    company = f.company("Noordwind")
    supplier = f.supplier(company, name="Saigon Stitch")
    site = f.site(supplier, name="Thu Duc", headcount=40)
    cycle = f.cycle(company, site, f.published(company, "Survey", locales=("en", "vi")),
                    headcount=40, languages=("vi", "en"))  # 1 to 14 March 2027
    # Eva reads the app in Dutch: the poster is still written the Vietnamese way.
    cycle.eva = f.user(company=company, name="Eva", locale="nl")
    cycle.lan = f.user(Role.supplier, supplier=supplier, name="Lan")
    db.session.commit()
    return cycle


def poster(client, cycle, **args):
    return client.get(f"/cycles/{cycle.id}/invitation", query_string=args)


def test_the_invitation_poster_of_a_planned_cycle_says_it_all_in_vietnamese(planned, as_user):
    response = poster(as_user(planned.eva), planned)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert '<html lang="vi"' in body  # the first of the cycle's languages
    for key in ("title", "invite_about", "invite_how", "invite_scan", "invite_voluntary",
                "invite_who", "invite_back"):
        assert text_for(key, "vi") in body, key
    # The window and the day results come back, as Vietnamese writes dates.
    assert "Mở từ 1 tháng 3, 2027 đến hết 14 tháng 3, 2027" in body
    assert RESULTS_BACK_DAYS == 42
    assert "trước 25 tháng 4, 2027" in body  # 14 March + six weeks
    # Who runs it (the brand itself, on the built-in survey) and who sees what.
    assert "Noordwind, nhãn hàng mua hàng từ nhà máy này, tự thực hiện khảo sát" in body
    assert "Noordwind và chủ sử dụng lao động của bạn chỉ xem kết quả tổng hợp" in body
    # How to answer: the built-in survey's QR code and address; no code needed.
    assert f"/cycles/{planned.id}/qr.svg" in body
    assert f"/s/{planned.public_token}" in body
    assert text_for("invite_code", "vi") not in body
    assert 'class="write-in"' not in body
    # One language per poster, a link to each; A4 unless asked for A3. No script.
    assert '?lang=en&amp;size=a4' in body and "poster-a4" in body
    assert "<script" not in body and "style=" not in body
    english = poster(as_user(planned.eva), planned, lang="en", size="a3").get_data(as_text=True)
    assert '<html lang="en"' in english and "poster-a3" in english
    assert "Open from March 1, 2027 to March 14, 2027" in english
    assert "by April 25, 2027" in english
    assert "Noordwind and your employer see only grouped results" in english


def test_the_supplier_prints_it_too_and_the_cycle_page_links_to_it(planned, as_user):
    client = as_user(planned.lan)
    assert poster(client, planned, lang="vi").status_code == 200
    page = client.get(f"/cycles/{planned.id}").get_data(as_text=True)
    assert f"/cycles/{planned.id}/invitation?lang=vi" in page
    assert f"/cycles/{planned.id}/invitation?lang=en" in page
    assert "Put the link or the QR code on the poster" not in page
    # The results poster of a cycle not yet closed points to the invitation.
    not_yet = client.get(f"/cycles/{planned.id}/poster")
    assert not_yet.status_code == 404
    assert f"/cycles/{planned.id}/invitation" in not_yet.get_data(as_text=True)


def test_an_open_cycle_has_one_a_closed_one_says_it_needs_none(planned, as_user, app):
    client = as_user(planned.eva)
    app.config["FIXED_TODAY"] = "2027-03-05"
    assert poster(client, planned).status_code == 200
    app.config["FIXED_TODAY"] = "2027-03-15"
    closed = poster(client, planned)
    assert closed.status_code == 404
    assert "neemt geen antwoorden meer aan" in closed.get_data(as_text=True)  # Eva reads Dutch
    assert "/invitation" not in client.get(f"/cycles/{planned.id}").get_data(as_text=True)


def test_a_providers_survey_names_the_provider_and_leaves_lines_for_its_numbers(
        planned, as_user):
    planned.provider = "Fair Voice Surveys"
    planned.channels = ["phone", "whatsapp", "web"]
    db.session.commit()
    body = poster(as_user(planned.eva), planned, lang="en").get_data(as_text=True)
    assert ("Fair Voice Surveys runs this survey for Noordwind, the brand that buys from "
            "this factory.") in body
    assert "qr.svg" not in body and f"/s/{planned.public_token}" not in body
    lines = re.findall(r"<li>([^<]+) <span class=\"line\">", body)
    assert lines == ["By phone (call):", "On WhatsApp:", "On the internet:"]
    assert "op de lijnen voordat je de poster ophangt" in body  # to Eva, in Dutch


def test_with_access_codes_the_poster_says_where_the_code_comes_from(planned, as_user):
    planned.uses_codes = True
    db.session.commit()
    body = poster(as_user(planned.eva), planned, lang="en").get_data(as_text=True)
    assert text_for("invite_code", "en") in body


def test_a_worker_language_the_questionnaire_lacks_is_not_offered(planned, as_user):
    body = poster(as_user(planned.eva), planned, lang="ta").get_data(as_text=True)
    assert '<html lang="vi"' in body and "?lang=ta" not in body


def test_the_survey_says_who_asks_and_who_sees_before_the_first_question(planned, app):
    app.config["FIXED_TODAY"] = "2027-03-05"
    client = app.test_client()
    body = client.get(f"/s/{planned.public_token}?lang=en").get_data(as_text=True)
    runs = body.index("Noordwind, the brand that buys from this factory, runs this survey itself")
    sees = body.index("Noordwind and your employer see only grouped results")
    assert runs < sees < body.index('<fieldset class="q">')
    thanks = client.get(f"/s/{planned.public_token}/thanks?lang=vi").get_data(as_text=True)
    assert "Sau khi khảo sát kết thúc vào 14 tháng 3, 2027" in thanks
    assert "trước 25 tháng 4, 2027" in thanks


def test_each_code_slip_says_taking_part_is_voluntary_and_anonymous(planned, as_user, app):
    app.config["FIXED_TODAY"] = "2027-03-05"
    sheet = as_user(planned.eva).post(f"/cycles/{planned.id}/codes", data={"count": "3"})
    body = sheet.get_data(as_text=True)
    for lang in ("vi", "en"):
        assert body.count(text_for("slip_voluntary", lang)) == 3, lang


def test_the_demo_has_an_open_cycle_with_an_invitation_poster(app, as_user):
    import sqlalchemy as sa

    from wsdialog import demo
    from wsdialog.models import User
    from wsdialog.surveys.models import SurveyCycle

    app.config["FIXED_TODAY"] = None
    demo.load()
    cycles = db.session.scalars(sa.select(SurveyCycle)).all()
    waiting = [c for c in cycles if not c.has_ended]
    assert waiting
    # Both kinds: the built-in survey, and a provider's (FairVoice, with its numbers).
    assert {c.provider_name for c in waiting} == {"", "FairVoice Surveys"}
    eva = db.session.scalar(sa.select(User).where(User.email == "eva@noordwind.example"))
    for cycle in waiting:
        assert poster(as_user(eva), cycle).status_code == 200
