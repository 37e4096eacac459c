"""The sector benchmark on real cycles: shown where 5 sites of 3 contributing
members have a shown figure, hidden otherwise; the coordinator sees the sector,
a contributor its own sites placed in it, anyone else nothing; no site or
company of another member is ever named."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wsdialog.audit import AuditEntry
from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.msi.models import MemberSettings
from wsdialog.questionnaires.answers import Answer
from wsdialog.surveys.operations import store
from wsdialog.surveys.respondents import Respondent

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-06-01"}


def _people(n: int, negative: int, water: int | None = None) -> list[Respondent]:
    """``n`` respondents, ``negative`` of whom say their wage runs out; ``water``
    of them answer about clean water (all, unless given)."""
    water = n if water is None else water
    return [Respondent(date(2027, 3, 5), "web", "en",
                       {"gender": None, "age_band": None, "contract": None, "role": None},
                       {"WAGE_RUNS_OUT": Answer.yes if i < negative else Answer.no,
                        **({"CLEAN_WATER": Answer.yes} if i < water else {})})
            for i in range(n)]


def _released(company, version, site, people, starts_on=date(2027, 3, 1),
              ends_on=date(2027, 3, 14), released_on=date(2027, 3, 20)):
    cycle = f.cycle(company, site, version, starts_on=starts_on, ends_on=ends_on)
    store(cycle, people)
    if released_on is not None:
        cycle.results_shared_on = released_on
    return cycle


@pytest.fixture
def sector(app):
    """Three contributing members with five sites in China between them (one of
    whose clean-water figure is withheld: only 3 answered it), one site in
    Vietnam, and a member that does not contribute."""
    s = type("Sector", (), {})()
    s.coordinator = f.user(Role.coordinator, name="Sanne")
    template = f.template("MSI core questions")
    s.cycles = {}
    s.users = {}
    plan = {"Noordwind": [("SECRET N1", "CN", 4, None), ("SECRET N2", "CN", 8, None),
                          ("SECRET N-VN", "VN", 6, None)],
            "Linde": [("SECRET L1", "CN", 10, None), ("SECRET L2", "CN", 12, 3)],
            "Hanze": [("SECRET H1", "CN", 14, None)],
            "Outsider": [("SECRET O1", "CN", 2, None)]}
    for name, sites in plan.items():
        company = f.company(name)
        s.users[name] = f.user(company=company, admin=True, name=f"{name} admin")
        version = f.adopted(company, template, f"{name} survey")
        supplier = f.supplier(company, name=f"SECRET supplier of {name}")
        for site_name, country, negative, water in sites:
            site = f.site(supplier, name=site_name, country=country)
            s.cycles[site_name] = _released(company, version, site, _people(20, negative, water))
        if name != "Outsider":
            db.session.add(MemberSettings(company_id=company.id, contributes_to_benchmark=True))
    db.session.commit()
    return s


def _rows(body: str) -> list[tuple[str, str, str]]:
    """(question, country, sites) of each row shown."""
    return [(re.sub(r"<.*", "", q, flags=re.S).strip(), country, sites) for q, country, sites in
            re.findall(r'<th scope="row"[^>]*>(.*?)</th>\s*<td data-label="Country">(\w+)\s*'
                       r'<span class="muted sites">(\d+) sites?</span>', body, re.S)]


def test_the_coordinator_sees_each_question_and_country_that_passes(as_user, sector):
    body = as_user(sector.coordinator).get("/msi/benchmark").get_data(as_text=True)
    # Wages in China: 5 sites of 3 members. Clean water in China: one of Linde's
    # sites had its figure withheld, so 4 sites; Vietnam: 1 site. The outsider
    # does not contribute.
    assert _rows(body) == [("Question WAGE_RUNS_OUT?", "China", "5")]
    assert "3 questions in a country are not shown" in body
    assert "SECRET" not in body
    for company in ("Noordwind", "Linde", "Hanze", "Outsider"):
        assert company not in body


def test_a_contributor_sees_its_own_sites_placed_and_nobody_elses(as_user, sector):
    body = as_user(sector.users["Noordwind"]).get("/msi/benchmark").get_data(as_text=True)
    assert _rows(body) == [("Question WAGE_RUNS_OUT?", "China", "5")]
    own = f.shown(sector.cycles["SECRET N1"], ("all", "WAGE_RUNS_OUT"), positive=16, negative=4)
    assert f"SECRET N1: <strong>{f.pct(own.negative_share)}</strong>" in body
    assert "SECRET N2" in body
    for other in ("SECRET L1", "SECRET L2", "SECRET H1", "SECRET O1", "SECRET N-VN", "Linde",
                  "Hanze"):
        assert other not in body


def test_four_sites_or_two_members_are_not_enough(as_user, sector):
    hanze = sector.users["Hanze"]
    page = as_user(hanze).post("/msi/settings", data={"submit": "1"})  # box unticked
    assert page.status_code == 303
    assert db.session.get(MemberSettings, hanze.company_id).contributes_to_benchmark is False
    assert db.session.scalar(db.select(AuditEntry.kind).where(
        AuditEntry.company_id == hanze.company_id)) == "benchmark_left"
    # Four sites of Noordwind and Linde: nothing shown to anyone.
    body = as_user(sector.coordinator).get("/msi/benchmark").get_data(as_text=True)
    assert _rows(body) == []
    body = as_user(hanze).get("/msi/benchmark").get_data(as_text=True)
    assert "Hanze does not contribute to the sector benchmark" in body
    assert _rows(body) == [] and "%" not in body.split("<main", 1)[1]
    # The outsider's site would make a fifth of a third member: only once it contributes.
    outsider = sector.users["Outsider"]
    as_user(outsider).post("/msi/settings", data={"contributes": "y", "submit": "1"})
    body = as_user(sector.coordinator).get("/msi/benchmark").get_data(as_text=True)
    assert _rows(body) == [("Question WAGE_RUNS_OUT?", "China", "5")]


def test_only_the_latest_released_cycle_of_the_last_year_counts(as_user, sector):
    h1 = sector.cycles["SECRET H1"]
    # A later cycle at Hanze's site, closed but not released: the released one counts.
    _released(h1.company, h1.version, h1.site, _people(20, 1), starts_on=date(2027, 5, 1),
              ends_on=date(2027, 5, 14), released_on=None)
    db.session.commit()
    body = as_user(sector.coordinator).get("/msi/benchmark").get_data(as_text=True)
    assert _rows(body) == [("Question WAGE_RUNS_OUT?", "China", "5")]
    # Released more than a year ago: Hanze's only site no longer counts.
    h1.starts_on, h1.ends_on, h1.results_shared_on = (date(2026, 3, 1), date(2026, 3, 14),
                                                      date(2026, 3, 20))
    db.session.commit()
    body = as_user(sector.coordinator).get("/msi/benchmark").get_data(as_text=True)
    assert _rows(body) == []


def test_a_cycle_not_from_the_template_does_not_count(as_user, sector):
    h1 = sector.cycles["SECRET H1"]
    h1.version = f.published(h1.company, "Hanze's own", ("WAGE_RUNS_OUT", "CLEAN_WATER"))
    db.session.commit()
    body = as_user(sector.coordinator).get("/msi/benchmark").get_data(as_text=True)
    assert _rows(body) == []


def test_the_choice_is_an_admins_and_off_until_made(as_user, sector, app):
    company = f.company("Newcomer")
    admin, staff = f.user(company=company, admin=True), f.user(company=company)
    db.session.commit()
    page = as_user(admin).get("/msi/settings").get_data(as_text=True)
    assert 'name="contributes"' in page and "checked" not in page
    assert as_user(staff).get("/msi/settings").status_code == 404
    assert as_user(staff).get("/msi/benchmark").status_code == 200
    assert as_user(sector.coordinator).get("/msi/settings").status_code == 404
    supplier_user = f.user(Role.supplier, supplier=f.supplier(company))
    db.session.commit()
    assert as_user(supplier_user).get("/msi/benchmark").status_code == 404
    # Saving the same choice changes nothing (no row, no audit entry).
    as_user(admin).post("/msi/settings", data={"submit": "1"})
    assert db.session.get(MemberSettings, company.id) is None
