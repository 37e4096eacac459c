"""A supplier shared by two companies speaks for itself once its people log in:
they invite their own colleagues and keep their sites' facts; each company sees
who can log in there and how the facts changed, and nothing of the other
company. Mail goes through a real SMTP server, so "nothing was sent" is checked."""

from __future__ import annotations

from email import message_from_bytes
from types import SimpleNamespace

import pytest

from wsdialog.extensions import db
from wsdialog.models import Invitation, Presence, Role, Site, SiteChange, User
from wsdialog.tenancy import scoped

from .. import factories as f
from ..conftest import with_smtp


@pytest.fixture
def app_config(app_config, smtp):
    return with_smtp(app_config, smtp)


@pytest.fixture
def mails(smtp):
    _controller, sink = smtp
    return sink.messages


@pytest.fixture
def ningbo(app):
    """Noordwind and Linde share Ningbo Outerwear, whose plant they both rely on.
    Nobody of Ningbo can log in yet."""
    noordwind, linde = f.company("Noordwind"), f.company("Linde")
    w = SimpleNamespace(noordwind=noordwind, linde=linde)
    w.eva = f.user(company=noordwind, admin=True, name="Eva Jansen")
    w.pieter = f.user(company=linde, admin=True, name="Pieter Smit")
    w.supplier = f.supplier(noordwind, name="Ningbo Outerwear")
    f.relate(linde, w.supplier)
    w.plant = f.site(w.supplier, name="Ningbo main plant", headcount=900,
                     trade_union=Presence.no)
    w.other = f.supplier(noordwind, name="Saigon Stitch")
    w.lan = f.user(Role.supplier, supplier=w.other, name="Nguyen Lan",
                   email="lan@saigonstitch.example")
    db.session.commit()
    return w


def _chen(w, active: bool = True) -> User:
    chen = f.user(Role.supplier, supplier=w.supplier, name="Chen Wei",
                  email="chen@ningbo.example", active=active)
    db.session.commit()
    return chen


def _invite(client, supplier, email="wang@ningbo.example"):
    return client.post(f"/suppliers/{supplier.id}/invite",
                       data={"name": "Wang Fang", "email": email, "locale": "zh_Hans"})


def _count(model) -> int:
    return db.session.scalar(db.select(db.func.count(model.id)))


def _mailed_link(message) -> str:
    text = message_from_bytes(message.content).get_payload(decode=True).decode()
    return text[text.index("/invite/"):].split()[0]


def _site_form(**changes) -> dict:
    data = {"name": "Ningbo main plant", "country": "VN", "region": "",
            "timezone": "Asia/Ho_Chi_Minh", "headcount": "900", "share_women_pct": "60",
            "share_migrant_pct": "20", "share_temporary_pct": "10", "trade_union": "no",
            "worker_committee": "yes"}
    data.update(changes)
    return data


# --- who may invite people at the supplier ----------------------------------------


@pytest.mark.parametrize("brand", ["eva", "pieter"])
def test_once_the_supplier_logs_in_no_company_invites_logins_for_it(ningbo, as_user, mails,
                                                                   brand):
    _chen(ningbo)
    client = as_user(getattr(ningbo, brand))
    page = client.get(f"/suppliers/{ningbo.supplier.id}/invite")
    assert page.status_code == 200
    assert "so they invite their own colleagues" in page.get_data(as_text=True)
    assert 'name="email"' not in page.get_data(as_text=True)
    response = _invite(client, ningbo.supplier)
    assert response.status_code == 403
    assert "so they invite their own colleagues" in response.get_data(as_text=True)
    assert _count(Invitation) == 0 and mails == []
    detail = client.get(f"/suppliers/{ningbo.supplier.id}").get_data(as_text=True)
    assert f"/suppliers/{ningbo.supplier.id}/invite" not in detail
    assert "invite their own colleagues" in detail
    # Every company sees who can log in there, by name, never by address.
    assert "Chen Wei" in detail and "chen@ningbo.example" not in detail


@pytest.mark.parametrize("earlier", ["nobody", "deactivated login", "open invitation"])
def test_a_company_invites_the_first_login(ningbo, as_user, mails, earlier):
    if earlier == "deactivated login":
        _chen(ningbo, active=False)
    elif earlier == "open invitation":
        f.invitation(ningbo.noordwind, ningbo.eva, supplier=ningbo.supplier,
                     email="chen@ningbo.example")
        db.session.commit()
    client = as_user(ningbo.pieter)
    assert "/invite" in client.get(f"/suppliers/{ningbo.supplier.id}").get_data(as_text=True)
    response = _invite(client, ningbo.supplier)
    assert "Invitation sent" in response.get_data(as_text=True)
    assert len(mails) == 1
    invitation = db.session.scalar(db.select(Invitation).filter_by(email="wang@ningbo.example"))
    assert invitation.company_id == ningbo.linde.id and invitation.is_open


def test_when_the_first_invitation_is_accepted_the_other_company_is_refused(
        app, ningbo, as_user, mails):
    _invite(as_user(ningbo.eva), ningbo.supplier, email="chen@ningbo.example")
    guest = app.test_client()
    guest.post(_mailed_link(mails[0]), data={"name": "Chen Wei", "password": "a long password",
                                             "confirm": "a long password"})
    assert db.session.get(type(ningbo.supplier), ningbo.supplier.id).has_active_login
    response = _invite(as_user(ningbo.pieter), ningbo.supplier)
    assert response.status_code == 403
    assert len(mails) == 1 and _count(Invitation) == 1


def test_a_company_cannot_renew_its_old_invitation_once_the_supplier_logs_in(
        ningbo, as_user, mails):
    old = f.invitation(ningbo.linde, ningbo.pieter, supplier=ningbo.supplier,
                       email="spy@linde.example")
    _chen(ningbo)
    client = as_user(ningbo.pieter)
    response = client.post(f"/invitations/{old.id}/resend",
                           data={"next": f"/suppliers/{ningbo.supplier.id}"})
    assert response.status_code == 303
    assert "so they invite their own colleagues" in client.get(
        response.headers["Location"]).get_data(as_text=True)
    assert mails == [] and _count(Invitation) == 1
    # Withdrawing it is still the company's to do.
    client.post(f"/invitations/{old.id}/revoke")
    assert db.session.get(Invitation, old.id).revoked_at is not None


# --- the supplier's own people ---------------------------------------------------


def test_a_supplier_user_invites_a_colleague_from_the_people_page(app, ningbo, as_user,
                                                                  mails):
    chen = _chen(ningbo)
    client = as_user(chen)
    assert "/people" in client.get("/").get_data(as_text=True)  # in the navigation
    page = client.get("/people").get_data(as_text=True)
    assert "Chen Wei" in page and "Nguyen Lan" not in page
    form = client.get("/people/invite")
    assert form.status_code == 200 and 'name="email"' in form.get_data(as_text=True)
    response = client.post("/people/invite", data={
        "name": "Wang Fang", "email": "Wang@Ningbo.example", "locale": "zh_Hans"})
    assert "Invitation sent" in response.get_data(as_text=True)
    [message] = mails
    assert message.rcpt_tos == ["wang@ningbo.example"]
    invitation = db.session.scalar(db.select(Invitation))
    assert invitation.role is Role.supplier and invitation.supplier_id == ningbo.supplier.id
    assert invitation.company_id is None and invitation.invited_by_id == chen.id
    assert "wang@ningbo.example" in client.get("/people").get_data(as_text=True)
    # The companies see no invitation the supplier sent, only who logs in.
    for brand in (ningbo.eva, ningbo.pieter):
        detail = as_user(brand).get(f"/suppliers/{ningbo.supplier.id}").get_data(as_text=True)
        assert "wang@ningbo.example" not in detail and "Wang Fang" not in detail
    guest = app.test_client()
    link = _mailed_link(message)
    page = guest.get(link).get_data(as_text=True)  # in the language Chen chose: Chinese
    assert '<html lang="zh-Hans"' in page and "Chen Wei" in page and "Ningbo Outerwear" in page
    guest.post(link, data={"name": "Wang Fang", "password": "a long password",
                           "confirm": "a long password"})
    wang = db.session.scalar(db.select(User).filter_by(email="wang@ningbo.example"))
    assert wang.role is Role.supplier and wang.supplier_id == ningbo.supplier.id
    assert "Ningbo main plant" in guest.get("/sites").get_data(as_text=True)
    for brand in (ningbo.eva, ningbo.pieter):
        assert "Wang Fang" in as_user(brand).get(
            f"/suppliers/{ningbo.supplier.id}").get_data(as_text=True)


def test_an_address_with_an_account_is_invited_like_any_other(ningbo, as_user, mails):
    """The page must not tell who has an account; the link tells its owner."""
    client = as_user(_chen(ningbo))
    body = client.post("/people/invite", data={
        "name": "Lan", "email": "lan@saigonstitch.example", "locale": "vi"}).get_data(
        as_text=True)
    assert "already has an account" not in body
    assert len(mails) == 1 and _count(Invitation) == 1


def test_a_supplier_user_deactivates_and_reactivates_a_colleague_not_themselves(
        ningbo, as_user):
    chen = _chen(ningbo)
    wang = f.user(Role.supplier, supplier=ningbo.supplier, name="Wang Fang")
    db.session.commit()
    client = as_user(chen)
    response = client.post(f"/team/{wang.id}/deactivate")
    assert response.status_code == 303 and response.headers["Location"] == "/people"
    assert db.session.get(User, wang.id).active is False
    assert "Deactivated" in client.get("/people").get_data(as_text=True)
    client.post(f"/team/{wang.id}/reactivate")
    db.session.expire_all()
    assert db.session.get(User, wang.id).active is True
    assert client.post(f"/team/{chen.id}/deactivate").status_code == 404


def test_a_supplier_user_manages_invitations_to_join_them_whoever_sent_them(
        ningbo, as_user, mails):
    chen = _chen(ningbo)
    from_noordwind = f.invitation(ningbo.noordwind, ningbo.eva, supplier=ningbo.supplier,
                                  email="early@ningbo.example")
    to_withdraw = f.invitation(ningbo.linde, ningbo.pieter, supplier=ningbo.supplier,
                               email="spy@linde.example")
    db.session.commit()
    client = as_user(chen)
    page = client.get("/people").get_data(as_text=True)
    assert "early@ningbo.example" in page and "spy@linde.example" in page
    client.post(f"/invitations/{to_withdraw.id}/revoke", data={"next": "/people"})
    assert db.session.get(Invitation, to_withdraw.id).revoked_at is not None
    response = client.post(f"/invitations/{from_noordwind.id}/resend", data={"next": "/people"})
    assert "Invitation sent" in response.get_data(as_text=True) and len(mails) == 1
    renewed = db.session.scalar(db.select(Invitation).where(
        Invitation.email == "early@ningbo.example", Invitation.revoked_at.is_(None)))
    assert renewed.company_id is None and renewed.invited_by_id == chen.id
    assert db.session.get(Invitation, from_noordwind.id).revoked_at is not None


@pytest.mark.parametrize("method,path", [
    ("POST", "/team/{lan}/deactivate"),
    ("POST", "/team/{lan}/reactivate"),
    ("POST", "/team/{eva}/deactivate"),
    ("POST", "/invitations/{other_invitation}/revoke"),
    ("POST", "/invitations/{other_invitation}/resend"),
])
def test_a_supplier_user_reaches_nobody_of_another_organisation(ningbo, as_user, mails,
                                                                method, path):
    chen = _chen(ningbo)
    other_invitation = f.invitation(ningbo.noordwind, ningbo.eva, supplier=ningbo.other,
                                    email="secret@saigonstitch.example")
    db.session.commit()
    url = path.format(lan=ningbo.lan.id, eva=ningbo.eva.id, other_invitation=other_invitation.id)
    assert as_user(chen).open(url, method=method).status_code == 404
    db.session.expire_all()
    assert db.session.get(User, ningbo.lan.id).active and db.session.get(
        User, ningbo.eva.id).active
    assert db.session.get(Invitation, other_invitation.id).is_open and mails == []
    people = as_user(chen).get("/people").get_data(as_text=True)
    assert "Nguyen Lan" not in people and "secret@saigonstitch.example" not in people


@pytest.mark.parametrize("who,sees", [
    ("chen", {"chen@ningbo.example", "wang@ningbo.example"}),  # every one to join it
    ("lan", set()),  # another supplier: none
    ("eva", {"chen@ningbo.example"}),  # a company: those it sent
    ("pieter", set()),
])
def test_invitations_are_seen_by_the_supplier_and_by_the_company_that_sent_them(
        ningbo, who, sees):
    chen = _chen(ningbo)
    f.invitation(ningbo.noordwind, ningbo.eva, supplier=ningbo.supplier,
                 email="chen@ningbo.example")
    by_chen = f.invitation(ningbo.noordwind, ningbo.eva, supplier=ningbo.supplier,
                           email="wang@ningbo.example")
    by_chen.company, by_chen.invited_by = None, chen
    db.session.commit()
    user = {"chen": chen, "lan": ningbo.lan, "eva": ningbo.eva, "pieter": ningbo.pieter}[who]
    emails = {i.email for i in db.session.scalars(scoped(Invitation, user))}
    assert emails == sees


# --- the facts of a shared site ---------------------------------------------------


def _refused_a_company(ningbo, as_user, brand, url, says, data):
    """Once Chen logs in, ``url`` shows a company who keeps the sites, without a
    form, and refuses its POST with 403. The company's client, to look further."""
    _chen(ningbo)
    client = as_user(getattr(ningbo, brand))
    for response, status in ((client.get(url), 200), (client.post(url, data=data), 403)):
        assert response.status_code == status
        assert says in response.get_data(as_text=True)
        assert 'name="headcount"' not in response.get_data(as_text=True)
    return client


@pytest.mark.parametrize("brand", ["eva", "pieter"])
def test_once_the_supplier_logs_in_companies_no_longer_change_its_sites_facts(
        ningbo, as_user, brand):
    url = f"/sites/{ningbo.plant.id}/edit"
    client = _refused_a_company(ningbo, as_user, brand, url, "keep the facts of their sites",
                                _site_form(name="Renamed by a company", headcount="1"))
    db.session.expire_all()
    site = db.session.get(Site, ningbo.plant.id)
    assert (site.name, site.headcount) == ("Ningbo main plant", 900)
    assert _count(SiteChange) == 0
    detail = client.get(f"/sites/{ningbo.plant.id}").get_data(as_text=True)
    assert url not in detail and "keep the facts of their sites" in detail


@pytest.mark.parametrize("brand", ["eva", "pieter"])
def test_once_the_supplier_logs_in_companies_no_longer_add_its_sites(ningbo, as_user, brand):
    url = f"/suppliers/{ningbo.supplier.id}/sites/new"
    client = _refused_a_company(ningbo, as_user, brand, url, "add their own sites",
                                _site_form(name="Ningbo plant 2"))
    assert _count(Site) == 1
    detail = client.get(f"/suppliers/{ningbo.supplier.id}").get_data(as_text=True)
    assert url not in detail and "add their own sites" in detail


def test_a_brand_home_offers_no_site_to_add_for_a_supplier_whose_people_log_in(
        ningbo, as_user):
    """Saigon Stitch has no site yet, and Nguyen Lan logs in for it."""
    home = as_user(ningbo.eva).get("/").get_data(as_text=True)
    assert "Saigon Stitch" in home
    assert f"/suppliers/{ningbo.other.id}/sites/new" not in home


def test_a_supplier_user_adds_a_site_every_company_sees(ningbo, as_user):
    chen = _chen(ningbo)
    client = as_user(chen)
    url = f"/suppliers/{ningbo.supplier.id}/sites/new"
    assert url in client.get("/sites").get_data(as_text=True)
    assert 'name="headcount"' in client.get(url).get_data(as_text=True)
    assert client.post(url, data=_site_form(name="Ningbo plant 2")).status_code == 303
    site = db.session.scalar(db.select(Site).filter_by(name="Ningbo plant 2"))
    assert site.supplier_id == ningbo.supplier.id
    for brand in (ningbo.eva, ningbo.pieter):
        assert "Ningbo plant 2" in as_user(brand).get(
            f"/suppliers/{ningbo.supplier.id}").get_data(as_text=True)
    # Only for its own organisation.
    assert as_user(ningbo.lan).post(url, data=_site_form(name="Elsewhere")).status_code == 404


def test_a_supplier_users_edit_is_in_the_history_both_companies_see(ningbo, as_user):
    chen = _chen(ningbo)
    response = as_user(chen).post(f"/sites/{ningbo.plant.id}/edit",
                                  data=_site_form(headcount="950", trade_union="yes"))
    assert response.status_code == 303
    changes = {c.field: (c.old_value, c.new_value, c.changed_by_id)
               for c in db.session.scalars(db.select(SiteChange))}
    assert changes == {"headcount": ("900", "950", chen.id),
                       "trade_union": ("no", "yes", chen.id)}
    for viewer in (ningbo.eva, ningbo.pieter, chen):
        page = as_user(viewer).get(f"/sites/{ningbo.plant.id}").get_data(as_text=True)
        history = page[page.index('id="site-history"'):]
        assert "Number of workers" in history and "900 → 950" in history
        assert "Trade union" in history and "No → Yes" in history
        assert "Chen Wei, Ningbo Outerwear" in history
        assert "chen@ningbo.example" not in page
    # Saving again without a change adds nothing; another supplier sees nothing.
    as_user(chen).post(f"/sites/{ningbo.plant.id}/edit",
                       data=_site_form(headcount="950", trade_union="yes"))
    assert _count(SiteChange) == 2
    assert as_user(ningbo.lan).get(f"/sites/{ningbo.plant.id}").status_code == 404
    assert list(db.session.scalars(scoped(SiteChange, ningbo.lan))) == []


def test_before_the_supplier_logs_in_a_company_keeps_the_facts_and_stays_unnamed_to_others(
        ningbo, as_user):
    client = as_user(ningbo.pieter)
    response = client.post(f"/sites/{ningbo.plant.id}/edit",
                           data=_site_form(name="Ningbo plant 1"))
    assert response.status_code == 303
    [change] = db.session.scalars(db.select(SiteChange))
    assert (change.field, change.old_value, change.new_value) == (
        "name", "Ningbo main plant", "Ningbo plant 1")
    own = client.get(f"/sites/{ningbo.plant.id}").get_data(as_text=True)
    assert "Pieter Smit, Linde" in own
    other = as_user(ningbo.eva).get(f"/sites/{ningbo.plant.id}").get_data(as_text=True)
    assert "Ningbo main plant → Ningbo plant 1" in other
    assert "Pieter Smit" not in other and "Linde" not in other
    assert "Someone at another company" in other
    chen = _chen(ningbo)
    assert "Pieter Smit, Linde" in as_user(chen).get(
        f"/sites/{ningbo.plant.id}").get_data(as_text=True)


def test_the_audit_trail_leaves_the_other_company_unnamed_like_the_history(ningbo, as_user):
    as_user(ningbo.pieter).post(f"/sites/{ningbo.plant.id}/edit",
                                data=_site_form(name="Ningbo plant 1"))
    trail = as_user(ningbo.eva).get("/audit?kind=site_facts").get_data(as_text=True)
    assert f"site {ningbo.plant.id}" in trail and "Someone at another company" in trail
    assert "Pieter Smit" not in trail and "Linde" not in trail
    own = as_user(ningbo.pieter).get("/audit?kind=site_facts").get_data(as_text=True)
    assert "Pieter Smit" in own and "Someone at another company" not in own
    # The supplier's own people are named in every company's trail, as in the history.
    as_user(_chen(ningbo)).post(f"/sites/{ningbo.plant.id}/edit",
                                data=_site_form(name="Ningbo plant 1", headcount="950"))
    trail = as_user(ningbo.eva).get("/audit?kind=site_facts").get_data(as_text=True)
    assert "Chen Wei" in trail and "Ningbo Outerwear" in trail and "Linde" not in trail


def test_saving_a_site_unchanged_changes_nothing(app, as_user):
    import re

    company = f.company("Noordwind")
    eva = f.user(company=company)
    site = f.site(f.supplier(company), headcount=120)
    site.trade_union, site.worker_committee = Presence.yes, Presence.no
    db.session.commit()
    client = as_user(eva)
    page = client.get(f"/sites/{site.id}/edit").get_data(as_text=True)
    data = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page))
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page,
                                    re.S):
        chosen = re.search(r'<option selected value="([^"]*)"', options)
        data[name] = chosen.group(1) if chosen else ""
    client.post(f"/sites/{site.id}/edit", data=data)
    assert (site.trade_union, site.worker_committee) == (Presence.yes, Presence.no)
    assert db.session.scalar(db.select(db.func.count(SiteChange.id))) == 0
