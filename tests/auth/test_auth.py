"""Logging in and out, invitations, sessions and passwords."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from wsdialog import invitations
from wsdialog.extensions import db
from wsdialog.models import LoginSession, Role, User, utcnow

from .. import factories as f


def _english_guest(app):
    """A visitor who chose English with the language switcher (the invitation page
    would otherwise open in the invitation's language, Vietnamese here)."""
    guest = app.test_client()
    with guest.session_transaction() as session:
        session["locale"] = "en"
    return guest


def test_login_with_the_right_password_opens_the_home_page(app, client):
    user = f.user(company=f.company(), name="Eva", email="eva@example.org")
    db.session.commit()
    response = client.post("/login", data={"email": "EVA@example.org ", "password": f.PASSWORD})
    assert response.status_code == 303
    assert "Welcome, Eva" in client.get("/").get_data(as_text=True)
    assert db.session.get(User, user.id).last_login_at is not None


@pytest.mark.parametrize("email,password", [
    ("eva@example.org", "wrong password"),
    ("nobody@example.org", f.PASSWORD),
])
def test_a_failed_login_says_the_same_whatever_was_wrong(app, client, email, password):
    f.user(company=f.company(), email="eva@example.org")
    db.session.commit()
    response = client.post("/login", data={"email": email, "password": password})
    assert response.status_code == 200
    assert "The e-mail address or password is not right." in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_a_deactivated_account_cannot_log_in(app, client):
    f.user(company=f.company(), email="gone@example.org", active=False)
    db.session.commit()
    response = client.post("/login", data={"email": "gone@example.org", "password": f.PASSWORD})
    assert "not right" in response.get_data(as_text=True)


def test_login_follows_next_only_within_the_site(app, client):
    f.user(company=f.company(), email="eva@example.org")
    db.session.commit()
    data = {"email": "eva@example.org", "password": f.PASSWORD}
    response = client.post("/login?next=//evil.example/x", data=data)
    assert response.headers["Location"] == "/"
    client.post("/logout")
    f.user(company=f.company(), email="eva2@example.org")
    db.session.commit()
    response = client.post("/login?next=/suppliers", data={**data, "email": "eva2@example.org"})
    assert response.headers["Location"] == "/suppliers"


def test_logout_ends_the_session_even_for_a_copied_cookie(app, client):
    f.user(company=f.company(), email="eva@example.org")
    db.session.commit()
    client.post("/login", data={"email": "eva@example.org", "password": f.PASSWORD})
    with client.session_transaction() as session:
        stolen = dict(session)
    client.post("/logout")
    assert client.get("/").status_code == 302
    thief = app.test_client()
    with thief.session_transaction() as session:
        session.update(stolen)
    assert thief.get("/").status_code == 302


def test_deactivation_ends_sessions_at_once(app, as_user):
    coordinator = f.user(Role.coordinator)
    victim = f.user(company=f.company())
    db.session.commit()
    victim_client = as_user(victim)
    assert victim_client.get("/").status_code == 200
    response = as_user(coordinator).post(f"/users/{victim.id}/deactivate")
    assert response.status_code == 303
    assert victim_client.get("/").status_code == 302


def test_an_admin_deactivates_and_reactivates_a_colleague(app, as_user):
    company = f.company()
    admin, colleague = f.user(company=company, admin=True), f.user(company=company)
    db.session.commit()
    client = as_user(admin)
    client.post(f"/team/{colleague.id}/deactivate")
    assert db.session.get(User, colleague.id).active is False
    client.post(f"/team/{colleague.id}/reactivate")
    db.session.expire_all()
    assert db.session.get(User, colleague.id).active is True
    assert client.post(f"/team/{admin.id}/deactivate").status_code == 404  # not oneself


def test_staff_without_admin_flag_cannot_manage_the_team(app, as_user):
    staff = f.user(company=f.company())
    db.session.commit()
    assert as_user(staff).get("/team").status_code == 404


# --- invitations --------------------------------------------------------------


def _invite(client, supplier, email="new@supplier.example", locale="vi"):
    return client.post(f"/suppliers/{supplier.id}/invite",
                       data={"name": "Lan", "email": email, "locale": locale})


@pytest.fixture
def brand(app):
    company = f.company("Noordwind")
    staff = f.user(company=company)
    supplier = f.supplier(company, name="Saigon Stitch")
    f.site(supplier, name="Thu Duc")
    db.session.commit()
    return company, staff, supplier


def _link(body: str) -> str:
    """The invitation link's path, from the read-only field that shows it."""
    return re.search(r'id="invitation-link"[^>]*value="https?://[^/"]+(/invite/[^"]+)"',
                     body).group(1)


def test_an_invitation_without_smtp_is_shown_to_copy_and_makes_an_account(
        app, as_user, brand, caplog):
    _company, staff, supplier = brand
    caplog.set_level("INFO", logger="wsdialog.invitations")
    response = _invite(as_user(staff), supplier)
    body = response.get_data(as_text=True)
    assert "Invitation ready to pass on" in body
    link = _link(body)
    assert link.split("/")[-1] not in caplog.text  # a link opens an account: never logged
    # The mail text is in the invitee's language (the catalogue may still be partial).
    guest = app.test_client()
    # The page opens in the language the inviter chose, whatever the browser says.
    page = guest.get(link, headers={"Accept-Language": "nl,en;q=0.8"})
    assert page.status_code == 200 and "Saigon Stitch" in page.get_data(as_text=True)
    assert '<html lang="vi"' in page.get_data(as_text=True)
    response = guest.post(link, data={"name": "Nguyễn Lan", "password": "a long password",
                                      "confirm": "a long password"})
    assert response.status_code == 303
    user = db.session.scalar(db.select(User).filter_by(email="new@supplier.example"))
    assert user.role is Role.supplier and user.supplier_id == supplier.id
    assert user.locale == "vi"
    assert guest.get("/").status_code == 200
    assert "Thu Duc" in guest.get("/sites").get_data(as_text=True)
    # Single use: the same link no longer works.
    other = app.test_client()
    assert other.get(link).status_code == 404


def test_an_expired_or_revoked_or_forged_link_does_not_work(app, as_user, brand):
    company, staff, supplier = brand
    expired = f.invitation(company, staff, supplier=supplier, expires_in=timedelta(seconds=-1))
    revoked = f.invitation(company, staff, supplier=supplier)
    revoked.revoked_at = utcnow()
    db.session.commit()
    client = app.test_client()
    with app.test_request_context():
        links = [f"/invite/{invitations.token_for(expired)}",
                 f"/invite/{invitations.token_for(revoked)}",
                 "/invite/" + invitations.token_for(revoked)[:-3] + "abc"]
    for link in links:
        response = client.get(link)
        assert response.status_code == 404
        assert "This invitation link does not work" in response.get_data(as_text=True)
        assert client.post(link, data={"name": "x", "password": "a long password",
                                       "confirm": "a long password"}).status_code == 404
    assert db.session.scalar(db.select(db.func.count(User.id))) == 1


def test_invitations_expire_after_fourteen_days(app, brand):
    company, staff, supplier = brand
    invitation = invitations.create(email="x@example.org", name="X", role=Role.supplier,
                                    company=company, supplier=supplier, invited_by=staff,
                                    locale="en")
    assert invitation.expires_at - invitation.created_at == timedelta(days=14)


def test_a_new_invitation_replaces_the_open_one_for_the_same_person(app, as_user, brand):
    _company, staff, supplier = brand
    client = as_user(staff)
    first = _link(_invite(client, supplier).get_data(as_text=True))
    second = _link(_invite(client, supplier).get_data(as_text=True))
    assert app.test_client().get(first).status_code == 404
    assert app.test_client().get(second).status_code == 200


def _same_page(body: str, email: str) -> str:
    """The page without what differs anyway: the address, tokens, new ids."""
    body = re.sub(r"/invite/[\w.-]+", "/invite/TOKEN", body.replace(email, "EMAIL"))
    # Form tokens carry the second they were made (itsdangerous: data.time.signature).
    body = re.sub(r"[\w-]{20,}\.[\w-]{5,8}\.[\w-]{20,}", "CSRF", body)
    return re.sub(r"/companies/\d+", "/companies/ID", body)


@pytest.mark.parametrize("who,url,data", [
    ("staff", "/suppliers/{supplier}/invite", {}),
    ("admin", "/team/invite", {}),
    ("supplier_user", "/people/invite", {}),
    ("coordinator", "/companies/{company}/invite", {}),
    ("coordinator", "/companies/new", {"company_name": "Company {n}"}),
])
def test_invitation_forms_answer_the_same_whether_or_not_an_address_has_an_account(
        app, as_user, brand, who, url, data):
    company, staff, supplier = brand
    people = {"staff": staff, "admin": f.user(company=company, admin=True),
              "coordinator": f.user(Role.coordinator),
              "supplier_user": f.user(Role.supplier, supplier=f.supplier(company))}
    f.user(company=f.company(), email="taken@example.org")  # in another organisation
    db.session.commit()
    client = as_user(people[who])
    pages = []
    for n, email in enumerate(("taken@example.org", "fresh@example.org")):
        response = client.post(url.format(supplier=supplier.id, company=company.id), data={
            "name": "Lan", "email": email, "locale": "en",
            **{k: v.format(n=n) for k, v in data.items()}})
        assert response.status_code == 200
        pages.append(_same_page(response.get_data(as_text=True), email))
    assert "Invitation ready to pass on" in pages[0]
    assert pages[0] == pages[1].replace("Company 1", "Company 0")


def test_an_invitee_who_has_an_account_learns_it_on_the_invitation_page(
        app, as_user, brand):
    _company, staff, supplier = brand
    f.user(company=f.company(), email="taken@example.org")
    db.session.commit()
    link = _link(_invite(as_user(staff), supplier, email="taken@example.org").get_data(
        as_text=True))
    guest = _english_guest(app)
    response = guest.get(link, follow_redirects=True)
    assert "This e-mail address already has an account" in response.get_data(as_text=True)
    assert guest.post(link, data={"name": "x", "password": "a long password",
                                  "confirm": "a long password"}).status_code == 302
    assert db.session.scalar(db.select(db.func.count(User.id))) == 2


def test_no_log_line_carries_an_invitation_link_or_address(app, smtp, caplog):
    from ..conftest import with_smtp

    company = f.company()
    staff = f.user(company=company)
    caplog.set_level("DEBUG")
    for mail_settings in ({}, with_smtp({}, smtp)):
        app.config.update(mail_settings)
        invitation = invitations.create(
            email="lan@example.org", name="Lan", role=Role.brand, company=company,
            invited_by=staff, locale="en")
        delivery = invitations.deliver(invitation)
        token = invitations.token_for(invitation)
        assert delivery.sent is bool(mail_settings) and token in delivery.link
        # The app's own records (the test's SMTP server logs what it receives).
        ours = "\n".join(r.getMessage() for r in caplog.records
                         if r.name.startswith(("wsdialog", "werkzeug", "flask")))
        assert token not in ours and "lan@example.org" not in ours
        assert f"Invitation {invitation.id} created" in ours


def test_a_bad_password_on_the_invitation_page_creates_nothing(app, as_user, brand):
    _company, staff, supplier = brand
    link = _link(_invite(as_user(staff), supplier).get_data(as_text=True))
    guest = _english_guest(app)
    response = guest.post(link, data={"name": "Lan", "password": "short", "confirm": "other"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Please use at least 10 characters." in body
    assert "The passwords differ." in body
    assert invitations.existing_account("new@supplier.example") is None


def test_the_coordinator_adds_a_company_and_its_admin_accepts(app, as_user):
    coordinator = f.user(Role.coordinator)
    db.session.commit()
    body = as_user(coordinator).post("/companies/new", data={
        "company_name": "Linde Outdoor", "name": "Pieter", "email": "pieter@linde.example",
        "locale": "nl"}).get_data(as_text=True)
    link = _link(body)
    guest = app.test_client()
    guest.post(link, data={"name": "Pieter", "password": "a long password",
                           "confirm": "a long password"})
    user = invitations.existing_account("pieter@linde.example")
    assert user.is_brand_admin and user.company.name == "Linde Outdoor"
    assert guest.get("/team").status_code == 200


def test_password_change_needs_the_current_password_and_ends_other_sessions(app, as_user):
    user = f.user(company=f.company())
    db.session.commit()
    client, other = as_user(user), as_user(user)
    response = client.post("/account/password", data={
        "current": "wrong", "password": "a new long password",
        "confirm": "a new long password"})
    assert "This is not your current password." in response.get_data(as_text=True)
    response = client.post("/account/password", data={
        "current": f.PASSWORD, "password": "a new long password",
        "confirm": "a new long password"})
    assert response.status_code == 303
    assert client.get("/").status_code == 200
    assert other.get("/").status_code == 302
    assert db.session.get(User, user.id).check_password("a new long password")


# --- passwords ---------------------------------------------------------------------


@pytest.mark.parametrize("password", [
    "1234567890", "qwertyuiop", "manchester", "Password2024!", "PASSWORD123",
    "  Sunshine-2025 ", "aaaaaaaaaaaa", "abcabcabcabc"])
def test_a_common_or_leaked_looking_password_is_refused_with_a_message(
        app, as_user, password):
    user = f.user(company=f.company())
    db.session.commit()
    response = as_user(user).post("/account/password", data={
        "current": f.PASSWORD, "password": password, "confirm": password})
    assert response.status_code == 200
    assert "appears in lists of common and leaked passwords" in response.get_data(
        as_text=True)
    assert db.session.get(User, user.id).check_password(f.PASSWORD)


@pytest.mark.parametrize("password", [
    "wsdialog-demo", "a long password", "Ich gehe gern zum Markt", "Tôi đi chợ mỗi sáng"])
def test_an_uncommon_password_is_accepted(app, as_user, password):
    from wsdialog.passwords import is_common

    assert not is_common(password)
    user = f.user(company=f.company())
    db.session.commit()
    response = as_user(user).post("/account/password", data={
        "current": f.PASSWORD, "password": password, "confirm": password})
    assert response.status_code == 303


def test_the_invitation_page_refuses_a_common_password(app, as_user, brand):
    _company, staff, supplier = brand
    link = _link(_invite(as_user(staff), supplier).get_data(as_text=True))
    response = _english_guest(app).post(link, data={
        "name": "Lan", "password": "password1234", "confirm": "password1234"})
    assert "common and leaked passwords" in response.get_data(as_text=True)
    assert invitations.existing_account("new@supplier.example") is None


def test_the_bundled_list_is_the_top_thirty_thousand():
    from wsdialog.passwords import common_passwords

    common = common_passwords()
    assert len(common) == 30_000
    assert {"123456", "password", "qwertyuiop"} <= common
    assert not any(p.startswith("#") for p in common)


@pytest.mark.parametrize("case", ["unknown", "deactivated", "no password", "wrong password"])
def test_every_failed_login_compares_one_password_hash(app, client, monkeypatch, case):
    from wsdialog.auth import routes

    calls = []
    real = routes.check_password_hash
    monkeypatch.setattr(routes, "check_password_hash",
                        lambda *args: calls.append(args) or real(*args))
    user = f.user(company=f.company(), email="eva@example.org",
                  active=case != "deactivated")
    if case == "no password":
        user.password_hash = None
    db.session.commit()
    response = client.post("/login", data={
        "email": "nobody@example.org" if case == "unknown" else "eva@example.org",
        "password": "wrong password" if case == "wrong password" else f.PASSWORD})
    assert "The e-mail address or password is not right." in response.get_data(as_text=True)
    assert len(calls) == 1


# --- sessions ----------------------------------------------------------------------


def _log_in(app, user_agent="Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) "
                          "Gecko/20100101 Firefox/128.0"):
    client = app.test_client()
    response = client.post("/login", data={"email": "eva@example.org", "password": f.PASSWORD},
                           headers={"User-Agent": user_agent})
    assert response.status_code == 303
    return client


@pytest.fixture
def eva(app):
    user = f.user(company=f.company(), email="eva@example.org", name="Eva")
    db.session.commit()
    return user


def test_a_user_sees_their_sessions_and_ends_one_or_all_others(app, eva):
    laptop = _log_in(app)
    phone = _log_in(app, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
                         "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
                         "Mobile/15E148 Safari/604.1")
    tablet = _log_in(app, "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 "
                          "(KHTML, like Gecko) Chrome/126.0 Safari/537.36")
    page = laptop.get("/account").get_data(as_text=True)
    assert "Firefox on Windows" in page and "Safari on iPhone" in page
    assert "Chrome on Android" in page and page.count("This session") == 1
    phone_session = db.session.scalar(db.select(LoginSession).filter_by(
        device="Safari on iPhone"))
    response = laptop.post(f"/account/sessions/{phone_session.id}/end")
    assert response.status_code == 303
    assert "That session is logged out." in laptop.get("/account").get_data(as_text=True)
    assert phone.get("/").status_code == 302
    assert tablet.get("/").status_code == 200
    laptop.post("/account/sessions/end-others")
    assert tablet.get("/").status_code == 302
    assert laptop.get("/").status_code == 200
    own = db.session.scalar(db.select(LoginSession.id).filter_by(user_id=eva.id))
    assert laptop.post(f"/account/sessions/{own}/end").status_code == 404  # logout does this


def test_logout_ends_only_this_session(app, eva):
    first, second = _log_in(app), _log_in(app)
    first.post("/logout")
    assert first.get("/").status_code == 302
    assert second.get("/").status_code == 200


@pytest.mark.parametrize("created_ago,seen_ago,alive", [
    (timedelta(hours=1), timedelta(minutes=5), True),
    (timedelta(hours=23), timedelta(hours=11), True),
    (timedelta(hours=13), timedelta(hours=12, minutes=1), False),  # idle too long
    (timedelta(hours=24, minutes=1), timedelta(seconds=10), False),  # absolute limit
])
def test_a_session_ends_when_idle_or_too_old_however_busy(
        app, eva, created_ago, seen_ago, alive):
    from ..conftest import login

    client = login(app.test_client(), eva)
    login_session = db.session.scalar(db.select(LoginSession).filter_by(user_id=eva.id))
    login_session.created_at = utcnow() - created_ago
    login_session.last_seen_at = utcnow() - seen_ago
    db.session.commit()
    assert client.get("/").status_code == (200 if alive else 302)


def test_use_is_noted_at_most_once_a_minute(app, eva, as_user):
    client = as_user(eva)
    login_session = db.session.scalar(db.select(LoginSession).filter_by(user_id=eva.id))
    login_session.last_seen_at = earlier = utcnow() - timedelta(minutes=5)
    db.session.commit()
    client.get("/")
    db.session.expire_all()
    first = db.session.get(LoginSession, login_session.id).last_seen_at
    assert first > earlier
    client.get("/")
    db.session.expire_all()
    assert db.session.get(LoginSession, login_session.id).last_seen_at == first


def test_sessions_that_ran_out_are_cleared_at_the_next_login(app, eva):
    f.login_session(eva, created_at=utcnow() - timedelta(days=3))
    db.session.commit()
    _log_in(app)
    assert db.session.scalar(db.select(db.func.count(LoginSession.id))) == 1


@pytest.mark.parametrize("user_agent,summary", [
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
     "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0", "Edge on Windows"),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
     "Version/17.5 Safari/605.1.15", "Safari on macOS"),
    ("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
     "Firefox on Linux"),
    ("curl/8.5.0", ""),
    (None, ""),
])
def test_a_device_is_named_by_browser_and_system_only(user_agent, summary):
    from wsdialog.devices import summary as device_summary

    assert device_summary(user_agent) == summary
