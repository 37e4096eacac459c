"""Suppliers, relationships, contacts and sites, as brand staff and suppliers use them."""

from __future__ import annotations

import pytest

from wsdialog.extensions import db
from wsdialog.models import ContactPerson, Presence, Role, Site, Supplier, SupplierRelationship

from .. import factories as f

HTMX = {"HX-Request": "true"}


@pytest.fixture
def staff(app):
    user = f.user(company=f.company("Noordwind"), name="Ahmed")
    db.session.commit()
    return user


def test_adding_a_supplier_creates_the_companys_relationship(staff, as_user):
    client = as_user(staff)
    response = client.post("/suppliers/new", data={
        "name": " Saigon Stitch ", "country": "VN", "years_of_relationship": "6",
        "purchase_share_pct": "12", "notes": "ambassador candidate"})
    assert response.status_code == 303
    supplier = db.session.scalar(db.select(Supplier))
    assert supplier.name == "Saigon Stitch"
    relationship = db.session.scalar(db.select(SupplierRelationship))
    assert (relationship.company_id, relationship.years_of_relationship,
            relationship.purchase_share_pct) == (staff.company_id, 6, 12)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Saigon Stitch" in page and "Vietnam" in page and "12%" in page


@pytest.mark.parametrize("field,value,message", [
    ("name", "", "Please fill in this field."),
    ("country", "XX", "Please choose one of the options."),
    ("purchase_share_pct", "130", "Please enter a number from 0 to 100."),
    ("purchase_share_pct", "a lot", "Please enter a whole number, like 120."),
    ("years_of_relationship", "-1", "Please enter a number from 0 to 200."),
])
def test_bad_supplier_input_gets_a_message_and_changes_nothing(staff, as_user, field, value,
                                                               message):
    data = {"name": "Saigon Stitch", "country": "VN", field: value}
    response = as_user(staff).post("/suppliers/new", data=data)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert message in body and "Please correct the marked fields." in body
    assert db.session.scalar(db.select(db.func.count(Supplier.id))) == 0


def test_a_shared_suppliers_name_is_not_one_companys_to_change(staff, as_user):
    other = f.company("Linde")
    supplier = f.supplier(staff.company, other, name="Ningbo Outerwear")
    db.session.commit()
    client = as_user(staff)
    page = client.get(f"/suppliers/{supplier.id}/edit").get_data(as_text=True)
    assert "Another member company also works with this supplier" in page
    assert "Linde" not in page  # but not which one
    client.post(f"/suppliers/{supplier.id}/edit", data={
        "name": "Renamed", "country": "VN", "years_of_relationship": "9"})
    assert db.session.get(Supplier, supplier.id).name == "Ningbo Outerwear"
    mine = db.session.scalar(db.select(SupplierRelationship).filter_by(
        company_id=staff.company_id))
    assert mine.years_of_relationship == 9


def test_supplier_list_filters_and_returns_only_the_results_to_htmx(staff, as_user):
    f.supplier(staff.company, name="Saigon Stitch", country="VN")
    f.supplier(staff.company, name="Tiruppur Knit", country="IN")
    db.session.commit()
    client = as_user(staff)
    page = client.get("/suppliers?country=IN").get_data(as_text=True)
    assert "<html" in page and "Tiruppur Knit" in page and "Saigon Stitch" not in page
    fragment = client.get("/suppliers?q=saigon", headers=HTMX)
    body = fragment.get_data(as_text=True)
    assert "<html" not in body and "Saigon Stitch" in body and "Tiruppur" not in body
    assert "HX-Request" in fragment.headers["Vary"]
    # A boosted navigation wants the whole page.
    boosted = client.get("/suppliers", headers={**HTMX, "HX-Boosted": "true"})
    assert "<html" in boosted.get_data(as_text=True)
    empty = client.get("/suppliers?q=nothing-like-this").get_data(as_text=True)
    assert "No supplier matches these filters." in empty


def test_contacts_are_added_and_removed_with_and_without_htmx(staff, as_user):
    supplier = f.supplier(staff.company, name="Lanka Lace")
    db.session.commit()
    client = as_user(staff)
    response = client.post(f"/suppliers/{supplier.id}/contacts",
                           data={"name": "Dilani Perera", "position": "Sustainability lead"},
                           headers=HTMX)
    body = response.get_data(as_text=True)
    assert "<html" not in body and "Dilani Perera" in body
    response = client.post(f"/suppliers/{supplier.id}/contacts", data={"name": "Kumar"})
    assert response.status_code == 303
    bad = client.post(f"/suppliers/{supplier.id}/contacts", data={"name": "", "email": "nope"})
    assert "Please enter a valid e-mail address." in bad.get_data(as_text=True)
    contact = db.session.scalar(db.select(ContactPerson).filter_by(name="Kumar"))
    response = client.post(f"/contacts/{contact.id}/delete", headers=HTMX)
    assert "Kumar" not in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(ContactPerson.id))) == 1


def test_adding_a_site_with_its_facts(staff, as_user):
    supplier = f.supplier(staff.company, name="Tiruppur Knit", country="IN")
    db.session.commit()
    client = as_user(staff)
    form = client.get(f"/suppliers/{supplier.id}/sites/new").get_data(as_text=True)
    assert 'value="Asia/Kolkata"' in form and "Europe/Amsterdam" not in form
    response = client.post(f"/suppliers/{supplier.id}/sites/new", data={
        "name": "Unit 2", "country": "IN", "region": "Tamil Nadu",
        "timezone": "Asia/Kolkata", "headcount": "1200", "share_women_pct": "60",
        "share_migrant_pct": "45", "share_temporary_pct": "30", "trade_union": "no",
        "worker_committee": "yes"})
    assert response.status_code == 303
    site = db.session.scalar(db.select(Site))
    assert (site.headcount, site.trade_union, site.worker_committee) == (
        1200, Presence.no, Presence.yes)
    assert site.missing_facts == []
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "1,200" in page and "India" in page and "Asia/Kolkata" in page


def test_a_site_with_an_unknown_time_zone_is_refused(staff, as_user):
    supplier = f.supplier(staff.company)
    db.session.commit()
    response = as_user(staff).post(f"/suppliers/{supplier.id}/sites/new", data={
        "name": "X", "country": "VN", "timezone": "Mars/Olympus", "trade_union": "yes",
        "worker_committee": "yes"})
    assert "Please choose a time zone from the list." in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Site.id))) == 0


def test_an_impossible_headcount_is_refused_not_stored(staff, as_user):
    supplier = f.supplier(staff.company)
    db.session.commit()
    response = as_user(staff).post(f"/suppliers/{supplier.id}/sites/new", data={
        "name": "X", "country": "VN", "headcount": "99999999999999999999",
        "trade_union": "yes", "worker_committee": "yes"})
    assert "Please enter a number from 0 to 500000." in response.get_data(as_text=True)


def test_time_zone_options_follow_the_country(staff, as_user):
    body = as_user(staff).get("/sites/timezones?country=VN", headers=HTMX).get_data(
        as_text=True)
    assert 'id="timezone-field"' in body and "Asia/Ho_Chi_Minh" in body
    assert "Asia/Kolkata" not in body


def test_a_supplier_user_keeps_its_own_sites_facts_current(app, as_user):
    company = f.company()
    supplier = f.supplier(company, name="Saigon Stitch")
    site = f.site(supplier, name="Thu Duc", headcount=None)
    lan = f.user(Role.supplier, supplier=supplier)
    db.session.commit()
    client = as_user(lan)
    home = client.get("/").get_data(as_text=True)
    assert "Please complete" in home and "Thu Duc" in home
    client.post(f"/sites/{site.id}/edit", data={
        "name": "Thu Duc", "country": "VN", "timezone": "Asia/Ho_Chi_Minh",
        "headcount": "850", "share_women_pct": "72", "share_migrant_pct": "35",
        "share_temporary_pct": "10", "trade_union": "yes", "worker_committee": "yes"})
    assert db.session.get(Site, site.id).headcount == 850
    assert "Nothing to do" in client.get("/").get_data(as_text=True)


def test_brand_home_lists_what_needs_attention_and_says_so_when_nothing_does(staff, as_user):
    client = as_user(staff)
    body = client.get("/").get_data(as_text=True)
    assert "You have no suppliers yet." in body
    f.supplier(staff.company, name="Anatolia Denim")
    db.session.commit()
    body = client.get("/").get_data(as_text=True)
    assert "Suppliers without sites" in body and "Anatolia Denim" in body
    assert "Suppliers nobody can log in for" in body


def _sites_missing_facts(company, count: int) -> None:
    """``count`` sites without a headcount: "Plant 00", "Plant 01"… (as wide as
    the count needs)."""
    supplier = f.supplier(company, name="Anatolia Denim")
    for n in range(count):
        f.site(supplier, name=f"Plant {n:0{len(str(count - 1))}d}", headcount=None)
    db.session.commit()


def test_long_lists_on_the_home_page_show_their_first_rows_and_link_to_all(staff, as_user):
    _sites_missing_facts(staff.company, 12)
    client = as_user(staff)
    body = client.get("/").get_data(as_text=True)
    assert "Plant 07" in body and "Plant 08" not in body
    assert "Show all 12" in body and 'href="/?all=missing-facts#missing-facts"' in body
    whole = client.get("/?all=missing-facts").get_data(as_text=True)
    assert "Plant 11" in whole and "Show all 12" not in whole
    # A link kept from before, or to a list that does not exist, shows the first rows.
    for kept in ("/?all=1", "/?all=nothing&page=x"):
        assert "Show all 12" in client.get(kept).get_data(as_text=True)


def test_a_list_shown_whole_comes_a_page_of_50_at_a_time(staff, as_user):
    _sites_missing_facts(staff.company, 120)
    client = as_user(staff)
    first = client.get("/?all=missing-facts").get_data(as_text=True)
    assert "Plant 049" in first and "Plant 050" not in first
    assert "Page 1 of 3 (120 in all)" in first
    assert 'href="?all=missing-facts&amp;page=2#missing-facts"' in first
    last = client.get("/?all=missing-facts&page=3").get_data(as_text=True)
    assert "Plant 119" in last and "Plant 099" not in last
    # Past the end: the last page.
    assert "Plant 119" in client.get("/?all=missing-facts&page=9").get_data(as_text=True)


def test_a_second_company_connects_to_a_supplier_with_its_code(app, as_user):
    noordwind, linde = f.company("Noordwind"), f.company("Linde")
    eva, pieter = f.user(company=noordwind), f.user(company=linde)
    ningbo = f.supplier(noordwind, name="Ningbo Outerwear", notes="Noordwind private notes")
    f.site(ningbo, name="Ningbo main plant")
    chen = f.user(Role.supplier, supplier=ningbo)
    db.session.commit()
    code = ningbo.share_code
    assert code in as_user(chen).get("/").get_data(as_text=True)
    client = as_user(pieter)
    wrong = client.post("/suppliers/connect", data={"code": "NOPE123456"})
    assert "No supplier has this code." in wrong.get_data(as_text=True)
    assert client.get(f"/suppliers/{ningbo.id}").status_code == 404
    response = client.post("/suppliers/connect",
                           data={"code": f" {code[:5].lower()}-{code[5:]} "})
    assert response.status_code == 303
    page = client.get(f"/suppliers/{ningbo.id}").get_data(as_text=True)
    assert "Ningbo main plant" in page and "Noordwind private notes" not in page
    again = client.post("/suppliers/connect", data={"code": code})
    assert again.status_code == 303
    assert db.session.scalar(db.select(db.func.count(SupplierRelationship.id))) == 2
    # The supplier's person now sees both companies; eva still sees only her own notes.
    assert "Linde" in as_user(chen).get("/").get_data(as_text=True)
    assert "Noordwind private notes" in as_user(eva).get(
        f"/suppliers/{ningbo.id}").get_data(as_text=True)
