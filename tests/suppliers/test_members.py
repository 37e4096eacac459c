"""Members who share a supplier see each other only by consent of both; the
supplier sees who chose what; planning a survey near another member's warns
without naming it unless both chose so; OS IDs are checked and kept in the
site's history."""

from __future__ import annotations

from datetime import date

import pytest

from wsdialog.extensions import db
from wsdialog.models import Role, SupplierRelationship

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-03-01"}


@pytest.fixture
def ningbo(app):
    noordwind, linde, third = f.company("Noordwind"), f.company("Linde"), f.company("Third")
    eva = f.user(company=noordwind, name="Eva")
    pieter = f.user(company=linde, name="Pieter")
    supplier = f.supplier(noordwind, linde, third, name="Ningbo Outerwear", country="CN")
    chen = f.user(Role.supplier, supplier=supplier, name="Chen")
    site = f.site(supplier, name="Ningbo plant", headcount=900)
    db.session.commit()
    return eva, pieter, chen, supplier, site


def _members(client, supplier) -> str:
    return client.get(f"/suppliers/{supplier.id}").get_data(as_text=True)


def _opt_in(client, supplier, contact="Eva, eva@noordwind.example"):
    return client.post(f"/suppliers/{supplier.id}/members",
                       data={"visible": "y", "contact": contact})


def test_members_see_each_other_only_where_both_chose_so(as_user, ningbo):
    eva, pieter, chen, supplier, _site = ningbo
    noordwind, linde = as_user(eva), as_user(pieter)
    assert "2 other members work with this supplier" in _members(noordwind, supplier)
    assert _opt_in(noordwind, supplier).status_code == 303
    page = _members(linde, supplier)
    assert "Noordwind" not in page and "2 other members" in page  # Linde did not opt in
    refused = linde.post(f"/suppliers/{supplier.id}/members", data={"visible": "y"})
    assert refused.status_code == 422
    assert "Please name whom the other members may contact" in refused.get_data(as_text=True)
    _opt_in(linde, supplier, "Pieter, +31 6 1234 5678")
    page = _members(linde, supplier)
    assert "Noordwind" in page and "eva@noordwind.example" in page
    assert "1 other member works with this supplier" in page  # Third stays unnamed
    assert "Pieter, +31 6 1234 5678" in _members(noordwind, supplier)
    home = as_user(chen).get("/").get_data(as_text=True)
    assert "Noordwind</span>\n    <span class=\"muted\">visible to the other companies here" in home
    assert "Third</span>\n    <span class=\"muted\">not visible to the other companies here" in home
    noordwind.post(f"/suppliers/{supplier.id}/members", data={"contact": ""})
    assert "Noordwind" not in _members(linde, supplier)
    relationship = db.session.scalar(db.select(SupplierRelationship).filter_by(
        company_id=eva.company_id))
    assert (relationship.visible_to_members, relationship.member_contact) == (False, "")


def test_planning_near_another_members_survey_warns_and_names_it_only_by_consent(
        as_user, ningbo):
    eva, pieter, _chen, supplier, site = ningbo
    theirs = f.cycle(pieter.company, site, f.published(pieter.company, "Linde survey"),
                     starts_on=date(2027, 4, 1), ends_on=date(2027, 4, 14))
    f.published(eva.company, "Survey")
    db.session.commit()
    noordwind = as_user(eva)
    form = noordwind.get(f"/sites/{site.id}/cycles/new", query_string={
        "starts_on": "2027-05-01", "ends_on": "2027-05-14"}).get_data(as_text=True)
    assert "asked by another member company within two months" in form
    assert "Another member company:" in form and "Linde" not in form
    _opt_in(noordwind, supplier)
    _opt_in(as_user(pieter), supplier, "Pieter")
    form = noordwind.get(f"/sites/{site.id}/cycles/new").get_data(as_text=True)
    assert "Linde:" in form and "Apr 1, 2027" in form
    theirs.ends_on = date(2026, 12, 31)  # long past: nothing to warn about
    theirs.starts_on = date(2026, 12, 1)
    db.session.commit()
    assert "within two months" not in noordwind.get(f"/sites/{site.id}/cycles/new").get_data(
        as_text=True)


def test_onboarding_counts_a_site_another_member_surveys_as_already_busy(as_user, ningbo):
    eva, pieter, _chen, _supplier, site = ningbo
    f.cycle(pieter.company, site, f.published(pieter.company, "Linde survey"),
            starts_on=date(2027, 3, 10), ends_on=date(2027, 3, 24))
    db.session.commit()
    from flask_login import login_user

    from wsdialog.surveys.queries import surveyed_by_others

    for user, expected in ((eva, {site.id}), (pieter, set())):
        with as_user(user).application.test_request_context():
            login_user(user)
            assert surveyed_by_others(user.company_id, date(2027, 3, 1)) == expected


def test_an_os_id_is_checked_and_kept_in_the_sites_history(as_user, ningbo):
    _eva, _pieter, chen, _supplier, site = ningbo
    client = as_user(chen)
    data = {"name": "Ningbo plant", "country": "CN", "region": "", "timezone": "Asia/Shanghai",
            "headcount": "900", "trade_union": "unknown", "worker_committee": "unknown"}
    bad = client.post(f"/sites/{site.id}/edit", data={**data, "os_id": "CN-123"})
    assert "An OS ID is two letters, seven digits" in bad.get_data(as_text=True)
    saved = client.post(f"/sites/{site.id}/edit", data={**data, "os_id": " cn2019303bq3fzp "})
    assert saved.status_code == 303
    db.session.expire_all()
    assert site.os_id == "CN2019303BQ3FZP"
    history = client.get(f"/sites/{site.id}").get_data(as_text=True)
    assert "Open Supply Hub ID" in history and "CN2019303BQ3FZP" in history


def test_the_same_os_id_on_another_supplier_record_is_pointed_out(as_user, ningbo):
    eva, _pieter, _chen, _supplier, site = ningbo
    twin = f.site(f.supplier(eva.company, name="Ningbo Outerwear Ltd"), name="Ningbo factory")
    site.os_id = twin.os_id = "CN2019303BQ3FZP"
    db.session.commit()
    page = as_user(eva).get(f"/sites/{twin.id}").get_data(as_text=True)
    assert "the same factory may have been entered twice" in page
    twin.os_id = "CN2019303BQ3FZQ"
    db.session.commit()
    assert "entered twice" not in as_user(eva).get(f"/sites/{twin.id}").get_data(as_text=True)
