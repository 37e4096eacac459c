"""The audit trail: staff actions recorded, append-only, each company its own;
the coordinator sees account events only; nothing from a worker, no address typed."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from wsdialog.audit import AuditEntry
from wsdialog.extensions import db
from wsdialog.models import Role

from . import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-03-20"}


def _kinds() -> list[str]:
    return list(db.session.scalars(sa.select(AuditEntry.kind).order_by(AuditEntry.id)))


def test_logins_and_failures_are_recorded_without_what_was_typed(app, client):
    company = f.company("Noordwind")
    eva = f.user(company=company, email="eva@noordwind.example")
    db.session.commit()
    client.post("/login", data={"email": "eva@noordwind.example", "password": "wrong one"})
    client.post("/login", data={"email": "who@else.example", "password": "secret typed"})
    client.post("/login", data={"email": "eva@noordwind.example", "password": f.PASSWORD})
    assert _kinds() == ["login_failed", "login_failed", "login"]
    failed_known, failed_unknown, login = db.session.scalars(
        sa.select(AuditEntry).order_by(AuditEntry.id)).all()
    assert (failed_known.user_id, failed_known.company_id) == (eva.id, company.id)
    assert failed_unknown.user_id is None and failed_unknown.company_id is None
    text = " ".join(f"{e.target} {e.note}" for e in (failed_known, failed_unknown, login))
    assert "who@else" not in text and "secret" not in text and "wrong" not in text


def test_each_company_reads_its_own_trail_and_the_coordinator_only_account_events(
        app, as_user):
    noordwind, linde = f.company("Noordwind"), f.company("Linde")
    eva = f.user(company=noordwind, admin=True, name="Eva")
    ahmed = f.user(company=noordwind, name="Ahmed")
    leaver = f.user(company=noordwind, name="Leaver")
    pieter = f.user(company=linde, admin=True, name="Pieter")
    coordinator = f.user(Role.coordinator)
    site = f.site(f.supplier(noordwind, name="Saigon Stitch"), headcount=40)
    cycle = f.cycle(noordwind, site, f.published(noordwind, "Survey"), headcount=40)
    db.session.commit()
    client = as_user(eva)
    f.import_results(client, cycle, b"date,WAGE_RUNS_OUT\n" + b"".join(
        b"2027-03-0%d,no\n" % (1 + i % 9) for i in range(10)))
    client.post(f"/cycles/{cycle.id}/release")
    client.get(f"/cycles/{cycle.id}/results.csv")
    client.post(f"/team/{leaver.id}/deactivate")
    assert _kinds() == ["import", "released", "export", "deactivated"]
    trail = client.get("/audit").get_data(as_text=True)
    assert "Results imported" in trail and "Results released" in trail
    assert "Figures exported" in trail and f"cycle {cycle.id}" in trail
    assert f"cycle {cycle.id}" not in as_user(pieter).get("/audit").get_data(as_text=True)
    assert as_user(ahmed).get("/audit").status_code in (403, 404)  # staff, not admin
    seen = as_user(coordinator).get("/audit").get_data(as_text=True)
    assert "<td data-label=\"What\">Account deactivated</td>" in seen
    assert f"cycle {cycle.id}" not in seen and "Results imported" not in seen


def test_entries_are_never_changed_or_deleted(app):
    db.session.add(AuditEntry(kind="login"))
    db.session.commit()
    entry = db.session.scalar(sa.select(AuditEntry))
    entry.note = "rewritten"
    with pytest.raises(RuntimeError):
        db.session.commit()
    db.session.rollback()
    db.session.delete(db.session.scalar(sa.select(AuditEntry)))
    with pytest.raises(RuntimeError):
        db.session.commit()
    db.session.rollback()


def test_the_trail_reads_in_the_readers_language(app, client, as_user):
    coordinator = f.user(Role.coordinator, locale="nl")
    db.session.commit()
    client.post("/login", data={"email": "who@else.example", "password": "secret typed"})
    page = as_user(coordinator).get("/audit").get_data(as_text=True)
    assert "een adres zonder account" in page and "unknown address" not in page


def test_a_suppliers_visits_to_results_are_one_entry_a_day_per_cycle(app, as_user):
    noordwind = f.company("Noordwind")
    eva = f.user(company=noordwind, admin=True)
    supplier = f.supplier(noordwind, name="Saigon Stitch")
    lan = f.user(Role.supplier, supplier=supplier)
    cycle = f.cycle(noordwind, f.site(supplier, headcount=40), f.published(noordwind, "Survey"),
                    headcount=40)
    db.session.commit()
    f.import_results(as_user(eva), cycle, b"date,WAGE_RUNS_OUT\n" + b"".join(
        b"2027-03-0%d,no\n" % (1 + i % 9) for i in range(10)))
    as_user(eva).post(f"/cycles/{cycle.id}/release")
    supplier_client = as_user(lan)
    for _reload in range(5):
        assert supplier_client.get(f"/cycles/{cycle.id}/results").status_code == 200
    assert _kinds().count("results_viewed") == 1
    # A day later (the entry moved back, as only a test may).
    db.session.execute(sa.update(AuditEntry).values(at=AuditEntry.at - timedelta(days=1)))
    db.session.commit()
    supplier_client.get(f"/cycles/{cycle.id}/results")
    assert _kinds().count("results_viewed") == 2
