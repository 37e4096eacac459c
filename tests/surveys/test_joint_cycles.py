"""Joint cycles: two members that opted in to see each other at a supplier survey
its site once, together. The lead plans, imports and releases; a co-owner sees
the cycle and its results as the lead does, checks them before the release, and
finds them among its own sites' results; a third member sees nothing of it."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from wsdialog.extensions import db
from wsdialog.models import Role, StateError, SupplierRelationship
from wsdialog.results.models import ResultsSettings
from wsdialog.surveys.models import CycleOwner

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-02-20"}  # before the window opens


@pytest.fixture
def members(app):
    """Hanze leads, Noordwind joins, Linde works with the supplier too but did not
    opt in; Other buys elsewhere. All four have staff."""
    hanze, noordwind, linde, other = (f.company(n) for n in (
        "Hanze Workwear", "Noordwind", "Linde Outdoor", "Other Brand"))
    ningbo = f.supplier(name="Ningbo Outerwear", country="CN")
    for company in (hanze, noordwind):
        f.relate(company, ningbo, visible_to_members=True, member_contact="someone")
    f.relate(linde, ningbo)
    f.relate(other, f.supplier(name="Elsewhere"))
    site = f.site(ningbo, name="Ningbo plant", headcount=60)
    people = {name: f.user(company=c, name=name, admin=True)
              for name, c in (("femke", hanze), ("eva", noordwind), ("pieter", linde),
                              ("olga", other))}
    people["chen"] = f.user(Role.supplier, supplier=ningbo, name="Chen")
    cycle = f.cycle(hanze, site, f.published(hanze, "Hanze survey"), headcount=60)
    db.session.commit()
    return people, cycle, noordwind


def _file(rows: int) -> bytes:
    lines = ["date,gender,WAGE_RUNS_OUT,CLEAN_WATER"]
    lines += [f"2027-03-0{1 + i % 9},{'woman' if i % 2 else 'man'},{'yes' if i % 3 else 'no'},yes"
              for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def _invite_and_accept(app, as_user, people, cycle, noordwind):
    femke, eva = as_user(people["femke"]), as_user(people["eva"])
    page = femke.get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert "Noordwind" in page and "Linde" not in page  # only who opted in, both ways
    response = femke.post(f"/cycles/{cycle.id}/owners", data={"company": str(noordwind.id)})
    assert response.status_code == 303
    assert "Invitations to survey together" in eva.get("/").get_data(as_text=True)
    invitation = eva.get(f"/joint-cycles/{cycle.id}").get_data(as_text=True)
    assert "Hanze Workwear invites you" in invitation and "Ningbo plant" in invitation
    assert eva.post(f"/joint-cycles/{cycle.id}/accept").status_code == 303
    return femke, eva


def _through_the_survey(app, femke, cycle, rows=30):
    app.config["FIXED_TODAY"] = "2027-03-10"
    f.import_results(femke, cycle, _file(rows))
    app.config["FIXED_TODAY"] = "2027-03-20"


def test_two_members_survey_together_and_each_sees_the_released_results(app, members, as_user):
    people, cycle, noordwind = members
    femke, eva = _invite_and_accept(app, as_user, people, cycle, noordwind)
    assert f"/cycles/{cycle.id}" in eva.get("/cycles").get_data(as_text=True)
    assert eva.get(f"/cycles/{cycle.id}").status_code == 200
    _through_the_survey(app, femke, cycle)

    # The lead cannot release before the co-owner checked.
    femke.post(f"/cycles/{cycle.id}/release")
    db.session.expire_all()
    assert cycle.results_shared_on is None
    page = femke.get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    assert "waiting for: Noordwind" in page
    assert eva.post(f"/cycles/{cycle.id}/checked").status_code == 303
    assert femke.post(f"/cycles/{cycle.id}/release").status_code == 303
    db.session.expire_all()
    assert cycle.results_shared_on == date(2027, 3, 20)

    # Every owner and the supplier see the same figures.
    figures = [as_user(who).get(f"/cycles/{cycle.id}/results.csv").get_data(as_text=True)
               for who in (people["femke"], people["eva"], people["chen"])]
    assert figures[0] == figures[1] == figures[2] and "WAGE_RUNS_OUT" in figures[0]
    # The co-owner finds it among its own sites' results.
    for page in ("/results/sites", f"/sites/{cycle.site_id}/trends",
                 "/reports/due-diligence?year=2027"):
        assert "Ningbo plant" in eva.get(page).get_data(as_text=True), page
    assert "Ningbo plant" in eva.get("/results/sites.csv").get_data(as_text=True)


def test_a_member_that_did_not_join_sees_nothing_of_it(app, members, as_user):
    people, cycle, noordwind = members
    femke, _eva = _invite_and_accept(app, as_user, people, cycle, noordwind)
    _through_the_survey(app, femke, cycle)
    for name in ("pieter", "olga"):
        client = as_user(people[name])
        for url in (f"/cycles/{cycle.id}", f"/cycles/{cycle.id}/results",
                    f"/cycles/{cycle.id}/results.csv", f"/joint-cycles/{cycle.id}"):
            assert client.get(url).status_code == 404, (name, url)
        assert client.post(f"/cycles/{cycle.id}/checked").status_code == 404
        for page in ("/", "/cycles", "/results/sites", "/reports/due-diligence?year=2027"):
            assert "Ningbo plant" not in client.get(page).get_data(as_text=True), (name, page)


def test_a_declined_or_pending_invitation_shows_no_cycle(app, members, as_user):
    people, cycle, noordwind = members
    femke, eva = as_user(people["femke"]), as_user(people["eva"])
    femke.post(f"/cycles/{cycle.id}/owners", data={"company": str(noordwind.id)})
    assert eva.get(f"/cycles/{cycle.id}").status_code == 404  # pending: the invitation only
    eva.post(f"/joint-cycles/{cycle.id}/decline")
    assert eva.get(f"/cycles/{cycle.id}").status_code == 404
    assert "declined" in eva.get(f"/joint-cycles/{cycle.id}").get_data(as_text=True)
    assert eva.post(f"/joint-cycles/{cycle.id}/accept").status_code == 303  # refused, said
    db.session.expire_all()
    assert db.session.get(CycleOwner, (cycle.id, noordwind.id)).accepted is False
    assert "declined on" in femke.get(f"/cycles/{cycle.id}").get_data(as_text=True)


def test_only_members_both_sides_may_name_can_be_invited(app, members, as_user):
    people, cycle, _noordwind = members
    femke = as_user(people["femke"])
    others = {c.name: c.id for c in db.session.scalars(sa.select(
        SupplierRelationship).where(SupplierRelationship.company_id != cycle.company_id))
        for c in [c.company]}
    for name in ("Linde Outdoor", "Other Brand"):
        femke.post(f"/cycles/{cycle.id}/owners", data={"company": str(others[name])})
    femke.post(f"/cycles/{cycle.id}/owners", data={"company": "not a number"})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CycleOwner)) == 0


def test_invitations_close_with_the_survey(app, members, as_user):
    people, cycle, noordwind = members
    femke, eva = as_user(people["femke"]), as_user(people["eva"])
    femke.post(f"/cycles/{cycle.id}/owners", data={"company": str(noordwind.id)})
    app.config["FIXED_TODAY"] = "2027-03-20"
    assert "Invitations to survey together" not in eva.get("/").get_data(as_text=True)
    assert "lapsed" in eva.get(f"/joint-cycles/{cycle.id}").get_data(as_text=True)
    eva.post(f"/joint-cycles/{cycle.id}/accept")
    db.session.expire_all()
    assert db.session.get(CycleOwner, (cycle.id, noordwind.id)).is_pending
    with pytest.raises(StateError):
        cycle.invite(noordwind.id, people["femke"], date(2027, 3, 20), {noordwind.id})


def test_the_lead_can_take_back_an_unanswered_invitation(app, members, as_user):
    people, cycle, noordwind = members
    femke, eva = as_user(people["femke"]), as_user(people["eva"])
    femke.post(f"/cycles/{cycle.id}/owners", data={"company": str(noordwind.id)})
    assert eva.post(f"/cycles/{cycle.id}/owners/{noordwind.id}/withdraw").status_code == 404
    femke.post(f"/cycles/{cycle.id}/owners/{noordwind.id}/withdraw")
    assert eva.get(f"/joint-cycles/{cycle.id}").status_code == 404


#: Cycle routes a co-owner may use (reading, and saying it checked); every other
#: route that takes a cycle answers 404 to it, as to anyone outside.
CO_OWNER_MAY = {"surveys.cycle_detail", "surveys.cycle_qr", "surveys.invitation",
                "results.cycle_results", "results.cycle_export", "results.poster",
                "results.shared_with_workers:GET", "surveys.owner_checked",
                "surveys.joint_invitation", "surveys.joint_answer"}  # its own, answered: refused


def test_a_co_owner_reads_but_never_manages_the_cycle(app, members, as_user):
    """The route × role matrix for the co-owner: every route that takes a cycle."""
    from ..test_tenancy import FORM, ROUTES

    people, cycle, noordwind = members
    femke, eva = _invite_and_accept(app, as_user, people, cycle, noordwind)
    _through_the_survey(app, femke, cycle, rows=12)
    eva.post(f"/cycles/{cycle.id}/checked")
    femke.post(f"/cycles/{cycle.id}/release")
    db.session.expire_all()
    before = (cycle.ends_on, cycle.uses_codes, cycle.results_shared_on, len(cycle.owners))
    assert cycle.is_released
    tried = 0
    for endpoint, (methods, args) in ROUTES.items():
        if "cycle_id" not in args or endpoint.startswith("api."):
            continue  # the API opens with a token, never a session: tests/api
        with app.test_request_context():
            from flask import url_for

            values = {name: (attr[1:] if attr.startswith("=") else "x")
                      for name, attr in args.items()}
            values["cycle_id"] = cycle.id
            if "company_id" in values:
                values["company_id"] = noordwind.id
            url = url_for(endpoint, **values)
        for method in methods:
            if endpoint == "surveys.owner_checked":
                continue  # it acts: tried in the journey above
            response = eva.open(url, method=method, data=FORM)
            assert response.status_code < 500, (endpoint, method)
            # The invitation poster of a closed survey is a page of its own (404).
            reached = response.status_code != 404 or "This survey closed on" in response.text
            allowed = endpoint in CO_OWNER_MAY or f"{endpoint}:{method}" in CO_OWNER_MAY
            assert reached == allowed, (endpoint, method, response.status_code)
            tried += 1
    assert tried > 20
    db.session.expire_all()
    assert (cycle.ends_on, cycle.uses_codes, cycle.results_shared_on, len(cycle.owners)) == before


def test_the_strictest_owner_threshold_protects_the_joint_page(app, members, as_user):
    people, cycle, noordwind = members
    femke, eva = _invite_and_accept(app, as_user, people, cycle, noordwind)
    db.session.add(ResultsSettings(company_id=noordwind.id, min_group=40))
    db.session.commit()
    _through_the_survey(app, femke, cycle, rows=30)
    for who in (people["femke"], people["eva"]):
        page = as_user(who).get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
        assert "Negative <strong>" not in page  # 30 respondents < 40: nothing shown
