"""While a survey is open nobody sees answers; brand staff check, then release;
released respondents are final. Imports leave nothing that ties a row to a worker."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from wsdialog.extensions import db
from wsdialog.models import Role, StateError
from wsdialog.surveys.models import ImportBatch, Response

from .. import factories as f
from .test_public_survey import send


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-03-13"}  # the cycle is open


@pytest.fixture
def world(app):
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva", admin=True)
    supplier = f.supplier(company, name="Saigon Stitch")
    site = f.site(supplier, name="Thu Duc", headcount=40)
    cycle = f.cycle(company, site, f.published(company, "Survey"), headcount=40)
    lan = f.user(Role.supplier, supplier=supplier, name="Lan")
    db.session.commit()
    return eva, lan, cycle


def _file(rows: int, start=date(2027, 3, 1), water="yes") -> bytes:
    """One respondent a day, each with a different day: their order is known."""
    lines = ["date,gender,WAGE_RUNS_OUT,CLEAN_WATER"]
    lines += [f"{start + timedelta(days=i % 13)},woman,{'yes' if i % 3 else 'no'},{water}"
              for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()



ANSWER_PAGES = ["/cycles/{id}/results", "/cycles/{id}/results.csv", "/cycles/{id}/poster"]


@pytest.mark.parametrize("page", ANSWER_PAGES)
@pytest.mark.parametrize("who", ["brand", "supplier"])
def test_nobody_sees_answers_while_the_survey_is_open(world, as_user, page, who):
    eva, lan, cycle = world
    f.import_results(as_user(eva), cycle, _file(12))
    body = as_user(eva if who == "brand" else lan).get(page.format(id=cycle.id))
    text = body.get_data(as_text=True)
    assert "Negative <strong>" not in text and "WAGE_RUNS_OUT" not in text
    assert "open until" in text


def test_brand_staff_see_the_count_so_far_and_suppliers_only_the_window(world, as_user):
    eva, lan, cycle = world
    f.import_results(as_user(eva), cycle, _file(12))
    brand = as_user(eva).get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    assert "respondents so far" in brand and "12" in brand
    for page in (f"/cycles/{cycle.id}/results", f"/cycles/{cycle.id}", "/cycles"):
        supplier = as_user(lan).get(page).get_data(as_text=True)
        assert "respondents so far" not in supplier and ">12<" not in supplier


@pytest.mark.parametrize("page", ["/sites/{site}/trends", "/results/sites",
                                  "/reports/due-diligence?year=2027", "/results/sites.csv"])
def test_pages_across_cycles_leave_open_cycles_out(world, as_user, page):
    eva, _lan, cycle = world
    f.import_results(as_user(eva), cycle, _file(12))
    text = as_user(eva).get(page.format(site=cycle.site_id)).get_data(as_text=True)
    assert "66.7%" not in text and "0.6667" not in text  # the share that said yes
    assert "Negative <strong>" not in text


def test_release_then_the_supplier_sees_the_same_and_nothing_changes_any_more(
        world, as_user, app):
    eva, lan, cycle = world
    brand = as_user(eva)
    f.import_results(brand, cycle, _file(12))
    assert brand.post(f"/cycles/{cycle.id}/release").status_code == 303
    assert cycle.results_shared_on is None  # not while it is open
    app.config["FIXED_TODAY"] = "2027-03-20"
    brand_page = brand.get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    assert "Negative <strong>" in brand_page and "Only your company sees" in brand_page
    assert "not released yet" in as_user(lan).get(
        f"/cycles/{cycle.id}/results").get_data(as_text=True)
    brand.post(f"/cycles/{cycle.id}/release")
    assert cycle.results_shared_on == date(2027, 3, 20) and cycle.results_shared_by == eva
    supplier_page = as_user(lan).get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    # 8 of 12 said yes (66.7 %), blurred: the same for both, every time.
    wages = f.pct(f.shown(cycle, ("all", "WAGE_RUNS_OUT"), 4, 0, 8).negative_share)
    assert f"Negative <strong>{wages}</strong>" in supplier_page
    assert f"Negative <strong>{wages}</strong>" in brand.get(
        f"/cycles/{cycle.id}/results").get_data(as_text=True)
    # Final: no import, no extension, no web answer.
    refused = f.import_results(brand, cycle, _file(3, water="no"))
    assert refused.status_code == 409 and "respondents are final" in refused.get_data(
        as_text=True)
    brand.post(f"/cycles/{cycle.id}/extend", data={"ends_on": "2027-04-30", "reason": "x"})
    assert cycle.ends_on == date(2027, 3, 14)
    closed = send(app.test_client(), cycle, {"WAGE_RUNS_OUT": "yes"})
    assert "not open at the moment" in closed.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 12


@pytest.mark.parametrize("final", ["released", "figures shown"])
def test_a_cycle_whose_respondents_are_final_is_never_extended(world, as_user, final):
    """Released (or looked at) before its window ended — released under an older
    rule, or on a clock that disagrees: the window still says open, yet one more
    answer could be compared with what was seen."""
    eva, _lan, cycle = world
    if final == "released":
        cycle.results_shared_on, cycle.results_shared_by = date(2027, 3, 12), eva
    else:
        cycle.figures_shown_on = date(2027, 3, 12)
    db.session.commit()
    assert not cycle.has_ended
    with pytest.raises(StateError):
        cycle.extend(date(2027, 4, 30), "low response")
    response = as_user(eva).post(f"/cycles/{cycle.id}/extend",
                                 data={"ends_on": "2027-04-30", "reason": "low response"},
                                 follow_redirects=True)
    assert "cannot be reopened" in response.get_data(as_text=True)
    db.session.refresh(cycle)
    assert cycle.ends_on == date(2027, 3, 14) and cycle.extension_reason == ""


def test_an_admin_removes_a_mistaken_import_whole_before_release(world, as_user, app):
    eva, _lan, cycle = world
    brand = as_user(eva)
    f.import_results(brand, cycle, _file(12))
    assert send(app.test_client(), cycle, {"WAGE_RUNS_OUT": "no"}).status_code == 303
    f.import_results(brand, cycle, _file(5, water="no"), name="corrected.csv")
    mistaken = db.session.scalar(sa.select(ImportBatch).where(
        ImportBatch.filename == "corrected.csv"))
    colleague = f.user(company=eva.company, name="Ahmed")
    db.session.commit()
    as_user(colleague).post(f"/imports/{mistaken.id}/remove")  # not an admin: 404
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 18
    response = brand.post(f"/imports/{mistaken.id}/remove")
    assert response.status_code == 303
    # All of that import and nothing else: the first file and the web answer stay.
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 13
    page = brand.get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert "removed on" in page and "Eva" in page
    # The same file may come in again once removed.
    assert f.import_results(brand, cycle, _file(5, water="no"),
                   name="corrected.csv").status_code == 303


def test_an_import_above_the_headcount_is_refused(world, as_user):
    eva, _lan, cycle = world
    brand = as_user(eva)
    f.import_results(brand, cycle, _file(30))
    refused = f.import_results(brand, cycle, _file(30, water="no"))
    text = refused.get_data(as_text=True)
    assert "headcount (40)" in text and "remove the mistaken import" in text
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 30


def test_stored_rows_keep_neither_the_files_order_nor_the_order_of_arrival(world, as_user):
    eva, _lan, cycle = world
    f.import_results(as_user(eva), cycle, _file(13))
    days = list(db.session.scalars(sa.select(Response.answered_on).order_by(Response.id)))
    assert days != sorted(days)  # one in 13! that a shuffle keeps the order
    ids = list(db.session.scalars(sa.select(Response.id)))
    assert max(ids) > 2**32  # random keys, not a counter


def test_once_the_results_are_seen_no_import_or_removal_can_be_compared(world, as_user, app):
    eva, _lan, cycle = world
    brand = as_user(eva)
    f.import_results(brand, cycle, _file(12))
    app.config["FIXED_TODAY"] = "2027-03-20"  # closed: a late file may still come in
    assert f.import_results(brand, cycle, _file(5, water="no"), name="late.csv").status_code == 303
    brand.get(f"/cycles/{cycle.id}/results")  # someone looks
    assert cycle.figures_shown_on == date(2027, 3, 20)
    refused = f.import_results(brand, cycle, _file(1, water="dk"), name="one-more.csv")
    assert refused.status_code == 409 and "Nothing was imported" in refused.get_data(
        as_text=True)
    late = db.session.scalar(sa.select(ImportBatch).where(ImportBatch.filename == "late.csv"))
    brand.post(f"/imports/{late.id}/remove")
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 17
