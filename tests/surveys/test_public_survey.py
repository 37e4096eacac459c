"""The built-in worker survey as workers meet it, and as someone trying to stuff
it would: one form, one answer; codes work once; nothing links a code, a device or
an address to what a worker said."""

from __future__ import annotations

import logging
import re
from datetime import date

import pytest
import sqlalchemy as sa

from wsdialog.extensions import db
from wsdialog.surveys import guard
from wsdialog.surveys.models import (
    AccessCode,
    HeldResponse,
    Response,
    SurveyAlert,
    UsedFormToken,
)

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-03-05"}


@pytest.fixture
def cycle(app):
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva", admin=True)
    site = f.site(f.supplier(company, name="Saigon Stitch"), name="Thu Duc", headcount=40)
    cycle = f.cycle(company, site, f.published(company, "Survey", locales=("en", "vi")),
                    headcount=40, languages=("vi", "en"))
    db.session.commit()
    cycle.eva = eva
    return cycle


def form_of(client, cycle, lang="en"):
    """The survey page and its one-time form token."""
    page = client.get(f"/s/{cycle.public_token}?lang={lang}")
    token = re.search(r'name="form_token" value="([^"]+)"', page.get_data(as_text=True))
    return page, token.group(1) if token else ""  # a closed survey has no form


def send(client, cycle, data, token=None, lang="en", **kwargs):
    if token is None:
        _page, token = form_of(client, cycle, lang)
    return client.post(f"/s/{cycle.public_token}?lang={lang}",
                       data={"form_token": token, **data}, **kwargs)


def stored() -> int:
    return db.session.scalar(sa.select(sa.func.count(Response.id)))


def held() -> int:
    return db.session.scalar(sa.select(sa.func.count(HeldResponse.id)))


def test_the_worker_survey_stores_answers_and_nothing_about_the_worker(app, cycle, caplog):
    caplog.set_level(logging.DEBUG)
    client = app.test_client()
    secret_ip, secret_agent = "203.0.113.77", "SecretPhone/9.9 (worker-7731)"
    headers = {"X-Forwarded-For": secret_ip, "User-Agent": secret_agent,
               "X-Real-IP": secret_ip}
    page, token = form_of(client, cycle, "vi")
    assert page.status_code == 200 and "Set-Cookie" not in page.headers
    body = page.get_data(as_text=True)
    assert '<html lang="vi"' in body and "ẩn danh" in body
    assert 'autocomplete="off"' in body  # Back on a shared phone shows no ticks
    scripts = re.findall(r"<script[^>]*>", body)  # no inline script; works without
    assert len(scripts) == 1 and re.fullmatch(
        r'<script src="/static/js/survey\.[0-9a-f]{12}\.js" defer>', scripts[0])
    response = send(client, cycle, {"WAGE_RUNS_OUT": "yes", "CLEAN_WATER": "dk",
                                    "gender": "woman", "age_band": "25_34",
                                    "contract": "nonsense"}, token, "vi", headers=headers,
                    environ_base={"REMOTE_ADDR": secret_ip})
    assert response.status_code == 303 and "Set-Cookie" not in response.headers
    thanks = client.get(response.headers["Location"])
    assert "Cảm ơn" in thanks.get_data(as_text=True) and "Set-Cookie" not in thanks.headers
    stored_row = db.session.scalar(sa.select(Response))
    assert (stored_row.answered_on, stored_row.channel, stored_row.language) == (
        date(2027, 3, 5), "web", "vi")
    assert stored_row.contract is None  # not an allowed band: dropped
    with db.engine.connect() as connection:
        dump = " ".join(str(row) for table in db.metadata.sorted_tables
                        for row in connection.execute(table.select()))
    for secret in (secret_ip, "worker-7731"):
        assert secret not in dump and secret not in caplog.text


def test_three_taps_a_reload_and_back_and_send_store_one_answer(app, cycle):
    client = app.test_client()
    _page, token = form_of(client, cycle)
    answers = {"WAGE_RUNS_OUT": "no", "CLEAN_WATER": "yes"}
    taps = [send(client, cycle, answers, token) for _ in range(3)]
    assert {t.status_code for t in taps} == {303}
    client.get(taps[0].headers["Location"])  # reload of the thank-you page
    client.get(taps[0].headers["Location"])
    send(client, cycle, answers, token)  # Back, and Send the same form again
    assert stored() == 1
    # A fresh form (the next worker on the same phone) is a new answer.
    send(client, cycle, answers)
    assert stored() == 2
    assert db.session.scalar(sa.select(sa.func.count()).select_from(UsedFormToken)) == 2
    assert set(UsedFormToken.__table__.columns.keys()) == {"cycle_id", "nonce", "refused"}


@pytest.mark.parametrize("token", ["", "forged", "eyJjIjo5OTl9.bad.sig"])
def test_a_form_without_a_valid_token_comes_back_filled_in(app, cycle, token):
    response = send(app.test_client(), cycle, {"WAGE_RUNS_OUT": "yes", "gender": "man"},
                    token)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "press “Send my answers” again" in body
    assert 'value="yes" checked' in body and 'value="man" checked' in body
    assert stored() == 0


def test_the_honeypot_closed_cycles_and_unknown_links_store_nothing(app, cycle):
    closed = f.cycle(cycle.company, cycle.site, cycle.version, starts_on=date(2027, 1, 1),
                     ends_on=date(2027, 1, 14))
    db.session.commit()
    client = app.test_client()
    send(client, cycle, {"WAGE_RUNS_OUT": "yes", "website": "http://spam"})
    page = client.post(f"/s/{closed.public_token}", data={"WAGE_RUNS_OUT": "yes"})
    assert "not open at the moment" in page.get_data(as_text=True)
    empty = send(client, cycle, {})
    assert "answer at least one question" in empty.get_data(as_text=True)
    assert stored() == 0


def test_an_unknown_link_answers_in_the_workers_language_and_sets_no_cookie(app):
    response = app.test_client().get("/s/forged-token",
                                     headers={"Accept-Language": "vi-VN,vi;q=0.9"})
    assert response.status_code == 404 and "Set-Cookie" not in response.headers
    assert "mã QR" in response.get_data(as_text=True)


def test_a_flood_is_limited_per_cycle_not_per_address_and_the_brand_is_told(
        app, cycle, as_user):
    client = app.test_client()
    limit = guard.per_minute_limit(cycle.headcount)  # 20 for 40 workers
    codes = [send(client, cycle, {"WAGE_RUNS_OUT": "yes"}).status_code
             for _ in range(limit + 5)]
    assert codes.count(303) == limit and codes[-1] == 429
    refused = send(client, cycle, {"WAGE_RUNS_OUT": "no", "gender": "woman"}, lang="vi")
    body = refused.get_data(as_text=True)
    assert refused.status_code == 429 and "đợi một phút" in body  # in the worker's language
    assert 'value="no" checked' in body  # the worker's answers are still there
    # From the burst on, answers are held for brand staff to review, not counted.
    assert stored() == guard.burst_threshold(cycle.headcount) - 1
    assert stored() + held() == limit
    alerts = {a.kind for a in db.session.scalars(sa.select(SurveyAlert))}
    assert alerts == {"burst", "limit", "held"}
    page = as_user(cycle.eva).get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert "reached its limit" in page and "switch to access codes" in page
    assert "exactly alike" not in page  # counted from answers: not while it is open
    assert "Signs of ballot stuffing" in as_user(cycle.eva).get("/").get_data(as_text=True)
    as_user(cycle.eva).post(f"/cycles/{cycle.id}/held/keep")  # it was a line in its break
    assert (stored(), held()) == (limit, 0)
    app.config["FIXED_TODAY"] = "2027-03-20"
    page = as_user(cycle.eva).get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert "20 of 20 web answers are exactly alike" in page


def test_answers_beyond_the_headcount_are_held_not_refused(app, cycle, as_user):
    cycle.headcount = 2
    db.session.commit()
    client = app.test_client()
    replies = [send(client, cycle, {"WAGE_RUNS_OUT": "yes"}) for _ in range(3)]
    assert [r.status_code for r in replies] == [303] * 3 and (stored(), held()) == (2, 1)
    brand = as_user(cycle.eva)
    kept = brand.post(f"/cycles/{cycle.id}/held/keep", follow_redirects=True)
    assert "more answers than workers" in kept.get_data(as_text=True) and held() == 1
    brand.post(f"/cycles/{cycle.id}/held/discard")
    assert (stored(), held()) == (2, 0)


def test_a_flood_that_would_fill_the_cycle_is_held_and_workers_still_get_in(
        app, cycle, as_user):
    """Issue 20, attack 2 without codes: a flood filled the cycle to its headcount
    in minutes, and real workers were told it was full."""
    cycle.headcount = 20
    db.session.commit()
    client = app.test_client()
    flood = [send(client, cycle, {"WAGE_RUNS_OUT": "yes"}).status_code for _ in range(20)]
    assert flood == [303] * 20 and (stored(), held()) == (9, 11)
    app.config["FIXED_TODAY"] = "2027-03-06"  # later, a worker answers
    worker = send(client, cycle, {"WAGE_RUNS_OUT": "no", "CLEAN_WATER": "no"})
    assert worker.status_code == 303 and stored() == 10
    # Brand staff see how many were held on which day, never the answers, and
    # are told to use codes where management hands out the link.
    page = as_user(cycle.eva).get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert "Answers held for review" in page and "11 held" in page
    assert "WAGE_RUNS_OUT" not in page and "hand out the link" in page
    assert "answers held for review" in as_user(cycle.eva).get("/").get_data(as_text=True)
    # Discarded: gone, unseen; the counted answers stay, and the alert has done its job.
    as_user(cycle.eva).post(f"/cycles/{cycle.id}/held/discard")
    assert (stored(), held()) == (10, 0)
    assert "answers held for review" not in as_user(cycle.eva).get("/").get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(SurveyAlert.id)).where(
        SurveyAlert.kind == "held")) == 0


def test_access_codes_work_once_and_nothing_links_a_code_to_an_answer(app, cycle, as_user):
    sheet = as_user(cycle.eva).post(f"/cycles/{cycle.id}/codes", data={"count": "3"})
    text = sheet.get_data(as_text=True)
    codes = re.findall(r'class="slip-code">([A-Z0-9-]+)<', text)
    assert len(codes) == 3 and "shown only this one time" in text
    assert all(set(c.replace("-", "")) <= set(guard.ALPHABET) for c in codes)
    client = app.test_client()
    without = send(client, cycle, {"WAGE_RUNS_OUT": "yes"})
    assert "code does not work" in without.get_data(as_text=True)
    first = send(client, cycle, {"WAGE_RUNS_OUT": "yes", "code": codes[0].lower()})
    assert first.status_code == 303
    again = send(client, cycle, {"WAGE_RUNS_OUT": "no", "code": codes[0]})
    body = again.get_data(as_text=True)
    assert "code does not work" in body and 'value="no" checked' in body
    assert stored() == 1
    # The database keeps digests and a used flag: no printed code, no key, no time,
    # nothing in a response that points to a code.
    assert set(AccessCode.__table__.columns.keys()) == {"cycle_id", "digest", "used"}
    assert not any("code" in name for name in Response.__table__.columns.keys())  # noqa: SIM118
    with db.engine.connect() as connection:
        dump = " ".join(str(row) for table in db.metadata.sorted_tables
                        for row in connection.execute(table.select()))
    assert not any(code in dump or code.replace("-", "") in dump for code in codes)
    assert as_user(cycle.eva).get(f"/cycles/{cycle.id}").get_data(as_text=True).count(
        codes[1]) == 0  # shown once only


def codes_for(cycle, as_user, count: int) -> list[str]:
    sheet = as_user(cycle.eva).post(f"/cycles/{cycle.id}/codes", data={"count": str(count)})
    return re.findall(r'class="slip-code">([A-Z0-9-]+)<', sheet.get_data(as_text=True))


def message(response) -> str:
    found = re.search(r'<p class="error" role="alert">(.*?)</p>', response.get_data(as_text=True))
    return found.group(1) if found else ""


def test_wrong_codes_never_lock_out_a_worker_with_a_valid_code(app, cycle, as_user):
    """Issue 20, attack 2: one form sent 21 times with a wrong code used up the
    per-minute limit, and every worker with a valid code was told to wait."""
    codes = codes_for(cycle, as_user, 2)
    client = app.test_client()
    _page, token = form_of(client, cycle)
    wrong = {"WAGE_RUNS_OUT": "yes", "code": "AAAA-AAAA"}
    replies = [send(client, cycle, wrong, token) for _ in range(21)]
    # A worker with a valid, unused code gets through all the same.
    worker = send(client, cycle, {"WAGE_RUNS_OUT": "no", "code": codes[0]})
    assert worker.status_code == 303 and stored() == 1
    assert "code does not work" in message(replies[0])
    # A form refused for its code cannot try another: it is given back, fresh.
    assert all("press “Send my answers” again" in message(r) for r in replies[1:])
    # Wrong codes on fresh forms are counted apart from the answers: above their
    # own limit the survey asks to wait, and brand staff are told.
    limit = guard.wrong_code_limit(cycle.headcount)
    statuses = [send(client, cycle, wrong).status_code for _ in range(limit + 5)]
    assert statuses.count(429) == 6 and stored() == 1
    worker = send(client, cycle, {"WAGE_RUNS_OUT": "no", "code": codes[1]})
    assert worker.status_code == 303 and stored() == 2
    assert db.session.scalar(sa.select(SurveyAlert.kind)) == "codes"
    page = as_user(cycle.eva).get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert "wrong access codes" in page


def test_unknown_and_used_codes_look_alike_and_a_probe_uses_no_code_up(app, cycle, as_user):
    """Issue 20, attack 6: "already used" and "unknown" told whoever holds the
    slips whether a given worker had answered."""
    codes = codes_for(cycle, as_user, 2)
    client = app.test_client()
    assert send(client, cycle, {"WAGE_RUNS_OUT": "yes", "code": codes[0]}).status_code == 303
    used = send(client, cycle, {"WAGE_RUNS_OUT": "yes", "code": codes[0]})
    unknown = send(client, cycle, {"WAGE_RUNS_OUT": "yes", "code": "AAAA-AAAA"})
    assert (used.status_code, message(used)) == (unknown.status_code, message(unknown))
    assert message(used)
    # Trying an unused code without storing answers does not use it up.
    send(client, cycle, {"code": codes[1]})  # no answer
    send(client, cycle, {"WAGE_RUNS_OUT": "yes", "code": codes[1]}, token="forged")
    send(client, cycle, {"WAGE_RUNS_OUT": "yes", "code": codes[1], "website": "x"})
    assert stored() == 1
    assert send(client, cycle, {"WAGE_RUNS_OUT": "no", "code": codes[1]}).status_code == 303
    assert stored() == 2


def test_the_slip_sheet_says_to_let_workers_draw_their_slip(app, cycle, as_user):
    """Issue 20, attack 6: slips handed out by name tell who holds which code."""
    sheet = as_user(cycle.eva).post(f"/cycles/{cycle.id}/codes", data={"count": "2"})
    body = sheet.get_data(as_text=True)
    assert "let each worker draw one" in body  # for whoever hands them out
    # Each slip keeps the workers' own words: here Vietnamese and English.
    assert body.count('lang="vi">Mỗi mã chỉ dùng được một lần') == 2
    assert body.count('lang="en">Each code works once') == 2


def test_the_results_page_asks_to_decide_on_held_answers_before_the_first_look(
        app, cycle, as_user):
    """A first look at the figures makes the respondents final: held answers can
    then only be discarded. The page says so before, and shows nothing yet."""
    cycle.headcount = 20
    db.session.commit()
    client = app.test_client()
    for _ in range(12):
        send(client, cycle, {"WAGE_RUNS_OUT": "yes"})
    assert held() > 0
    app.config["FIXED_TODAY"] = "2027-03-20"  # closed
    brand = as_user(cycle.eva)
    page = brand.get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    assert "held for review" in page and "Negative <strong>" not in page
    assert f"/cycles/{cycle.id}#held" in page
    db.session.expire_all()
    assert cycle.figures_shown_on is None  # nothing seen: keeping them is still possible
    anyway = brand.get(f"/cycles/{cycle.id}/results?held=later").get_data(as_text=True)
    assert "Negative <strong>" in anyway
    db.session.expire_all()
    assert cycle.figures_shown_on is not None
    # Once seen, the page shows the figures straight away.
    assert "Negative <strong>" in brand.get(f"/cycles/{cycle.id}/results").get_data(
        as_text=True)
