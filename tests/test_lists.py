"""Lists that grow sort by column and page through; the coordinator searches."""

from __future__ import annotations

import re

from wsdialog.extensions import db
from wsdialog.listing import PER_PAGE
from wsdialog.models import Role

from . import factories as f


def _names(page: str) -> list[str]:
    return re.findall(r'href="/companies/\d+">([^<]+)</a>', page)


def test_the_coordinator_searches_sorts_and_pages_companies(app, as_user):
    coordinator = f.user(Role.coordinator)
    for n in range(PER_PAGE + 5):
        f.company(f"Member {n:03d}")
    f.company("Noordwind Apparel")
    db.session.commit()
    client = as_user(coordinator)
    first = client.get("/companies").get_data(as_text=True)
    assert _names(first)[:2] == ["Member 000", "Member 001"]
    assert len(_names(first)) == PER_PAGE and "Page 1 of 2 (56 in all)" in first
    second = client.get("/companies?page=2").get_data(as_text=True)
    assert _names(second)[-1] == "Noordwind Apparel"
    backwards = client.get("/companies?sort=-name").get_data(as_text=True)
    assert _names(backwards)[0] == "Noordwind Apparel"
    assert 'aria-sort="descending"' in backwards
    found = client.get("/companies?q=noord").get_data(as_text=True)
    assert _names(found) == ["Noordwind Apparel"]
    # Odd arguments fall back to the defaults instead of failing.
    assert client.get("/companies?sort=password&page=x").status_code == 200


def test_the_coordinator_finds_people_by_name_or_e_mail(app, as_user):
    coordinator = f.user(Role.coordinator)
    company = f.company("Noordwind")
    f.user(company=company, name="Eva Jansen", email="eva@noordwind.example")
    f.user(company=company, name="Ahmed Bakker", email="ahmed@noordwind.example")
    db.session.commit()
    client = as_user(coordinator)
    page = client.get("/users?q=jansen").get_data(as_text=True)
    assert "Eva Jansen" in page and "Ahmed Bakker" not in page
    page = client.get("/users?q=ahmed@").get_data(as_text=True)
    assert "Ahmed Bakker" in page and "Eva Jansen" not in page
    by_login = client.get("/users?sort=-login").get_data(as_text=True)
    assert 'aria-sort="descending"' in by_login


def test_rows_alike_in_the_sorted_column_are_each_on_one_page(app, as_user):
    """Three pages of cycles that all open the same day list each cycle once
    (the order ends with the id, so the database cannot choose: without it,
    PostgreSQL may break ties one way for page 1 and another for page 2)."""
    company = f.company()
    admin = f.user(Role.brand, company=company, admin=True)
    version = f.published(company, "Survey")
    site = f.site(f.supplier(company))
    cycles = [f.cycle(company, site, version) for _ in range(3 * PER_PAGE)]
    db.session.commit()
    client = as_user(admin)
    listed = []
    for page in (1, 2, 3):
        html = client.get(f"/cycles?page={page}").get_data(as_text=True)
        listed += [int(found) for found in re.findall(r'href="/cycles/(\d+)"', html)]
    assert sorted(listed) == sorted(c.id for c in cycles)
