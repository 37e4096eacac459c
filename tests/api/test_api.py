"""The JSON API for member companies' tools: tokens (shown once, kept as a
digest, revocable, scoped), tenancy through the same rules as the pages, the
anonymity rule on every figure, problem details for every error, and the
OpenAPI document (valid, and every response here matches it)."""

from __future__ import annotations

import hashlib
import re
from datetime import date

import jsonschema
import pytest
import sqlalchemy as sa
from openapi_spec_validator import validate

from wsdialog.api.models import ApiToken
from wsdialog.api.openapi import document
from wsdialog.audit import AuditEntry
from wsdialog.extensions import db
from wsdialog.questionnaires.answers import Answer
from wsdialog.surveys.models import CycleOwner
from wsdialog.surveys.operations import store
from wsdialog.surveys.respondents import Respondent

SPEC = document()


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-09-01"}


def _answers(n, gender, start=0):
    return [Respondent(row=start + i, answered_on=date(2027, 3, 5), channel="web",
                       language="en",
                       demographics={"gender": gender, "age_band": "25_34",
                                     "contract": "permanent", "role": "operator"},
                       answers={"WAGE_RUNS_OUT": Answer.no, "CLEAN_WATER": Answer.yes})
            for i in range(n)]


def _release(world, cycle, women=12, men=3):
    store(cycle, _answers(women, "woman") + _answers(men, "man", start=women))
    cycle.results_shared_on, cycle.results_shared_by = date(2027, 3, 20), world.b_admin
    db.session.commit()


def _get(client, url, secret=None, **kwargs):
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    return client.get(url, headers=headers, **kwargs)


def _matches(response, schema_name):
    """The response is valid against its schema in the OpenAPI document."""
    schema = {"$ref": f"#/components/schemas/{schema_name}",
              "components": SPEC["components"]}
    jsonschema.validate(response.get_json(), schema,
                        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _is_problem(response, status):
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    _matches(response, "Problem")
    body = response.get_json()
    assert body["status"] == status and body["type"] == "about:blank"
    return body


def test_the_openapi_document_is_valid_and_served(client):
    validate(SPEC)
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.get_json() == SPEC


def test_a_token_is_shown_once_and_kept_as_a_digest(app, world, as_user):
    admin = as_user(world.b_admin)
    response = admin.post("/settings/api", data={"name": "ESG tool",
                                                 "scopes": ["results:read"]})
    assert response.status_code == 200
    [secret] = re.findall(r"wsd_[A-Za-z0-9_-]{40,}", response.get_data(as_text=True))
    token = db.session.scalar(sa.select(ApiToken).where(ApiToken.name == "ESG tool"))
    assert token.company_id == world.b.id and token.scopes == ["results:read"]
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(db.session.execute(sa.select(ApiToken.__table__)).all())
    assert secret not in admin.get("/settings/api").get_data(as_text=True)  # once
    assert db.session.scalar(sa.select(AuditEntry).where(
        AuditEntry.kind == "api_token_created", AuditEntry.company_id == world.b.id))
    # It works, and the day it was used is kept.
    assert _get(admin, "/api/v1/cycles", secret).status_code == 200
    db.session.refresh(token)
    assert token.last_used_on == date(2027, 9, 1)


def test_staff_and_other_companies_cannot_manage_tokens(world, as_user):
    assert as_user(world.b_staff).get("/settings/api").status_code == 404
    response = as_user(world.a_admin).post(f"/settings/api/{world.token_b.id}/revoke",
                                           data={"submit": "1"})
    assert response.status_code == 404
    assert "SECRET-B" not in as_user(world.a_admin).get("/settings/api").get_data(as_text=True)


def test_a_revoked_token_is_refused(world, as_user, client):
    assert _get(client, "/api/v1/agreements", world.token_b_secret).status_code == 200
    as_user(world.b_admin).post(f"/settings/api/{world.token_b.id}/revoke", data={"submit": "1"})
    body = _is_problem(_get(client, "/api/v1/agreements", world.token_b_secret), 401)
    assert "Bearer" in body["detail"]
    assert db.session.scalar(sa.select(AuditEntry).where(AuditEntry.kind == "api_token_revoked"))


@pytest.mark.parametrize("header", [None, "Bearer wsd_unknown", "Basic abc", "Bearer "])
def test_no_or_a_bad_token_is_401(client, world, header):
    response = client.get("/api/v1/cycles", headers={"Authorization": header} if header else {})
    assert _is_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_browser_session_does_not_open_the_api(world, as_user):
    _is_problem(as_user(world.b_admin).get("/api/v1/cycles"), 401)


def test_a_missing_scope_is_403(world, client):
    world.token_b.scopes = ["agreements:read"]
    db.session.commit()
    body = _is_problem(_get(client, "/api/v1/cycles", world.token_b_secret), 403)
    assert "results:read" in body["detail"]
    assert _get(client, "/api/v1/agreements", world.token_b_secret).status_code == 200


def test_a_company_lists_its_released_cycles_and_reads_their_results(world, client):
    _release(world, world.cycle_b)
    response = _get(client, "/api/v1/cycles", world.token_b_secret)
    _matches(response, "CycleList")
    [cycle] = response.get_json()["cycles"]
    assert cycle["id"] == world.cycle_b.id and cycle["respondents"] == 15
    assert cycle["released_on"] == "2027-03-20" and not cycle["co_owned"]
    assert cycle["site"]["name"] == "SECRET-B site"
    response = _get(client, f"/api/v1/cycles/{world.cycle_b.id}/results", world.token_b_secret)
    _matches(response, "Results")
    results = response.get_json()
    assert results["respondents"] == 15 and results["answers_shown"]
    assert {i["code"] for i in results["indicators"]} == {"WAGE_RUNS_OUT", "CLEAN_WATER"}
    assert all(i["status"] == "shown" for i in results["indicators"])
    # The first look made the figures final, as the page does.
    db.session.refresh(world.cycle_b)
    assert world.cycle_b.figures_shown_on == date(2027, 9, 1)


def test_withheld_cells_never_carry_figures(world, client):
    _release(world, world.cycle_b, women=12, men=3)  # three men: below k
    response = _get(client, f"/api/v1/cycles/{world.cycle_b.id}/results?group=gender:man",
                    world.token_b_secret)
    _matches(response, "Results")
    results = response.get_json()
    assert results["group"] == {"dimension": "gender", "value": "man", "respondents": None}
    for indicator in results["indicators"]:
        assert indicator["status"] == "withheld"
        assert "counts" not in indicator and "shares" not in indicator
        assert indicator["withheld"]["k"] == 5 and indicator["withheld"]["reason"]
    _is_problem(_get(client, f"/api/v1/cycles/{world.cycle_b.id}/results?group=x:y",
                     world.token_b_secret), 400)


def test_a_small_cycle_shows_no_answers(world, client):
    _release(world, world.cycle_b, women=3, men=0)
    response = _get(client, f"/api/v1/cycles/{world.cycle_b.id}/results", world.token_b_secret)
    _matches(response, "Results")
    results = response.get_json()
    assert not results["answers_shown"]
    assert {i["withheld"]["reason"] for i in results["indicators"]} == {"small_cycle"}


def test_another_companys_cycle_is_404_and_its_agreements_unseen(world, client):
    _release(world, world.cycle_b)
    _is_problem(_get(client, f"/api/v1/cycles/{world.cycle_b.id}/results",
                     world.token_a_secret), 404)
    _is_problem(_get(client, "/api/v1/cycles/999999/results", world.token_a_secret), 404)
    cycles = _get(client, "/api/v1/cycles", world.token_a_secret)
    assert world.cycle_b.id not in [c["id"] for c in cycles.get_json()["cycles"]]
    response = _get(client, "/api/v1/agreements", world.token_a_secret)
    _matches(response, "AgreementList")
    assert "SECRET-B" not in response.get_data(as_text=True)
    own = _get(client, "/api/v1/agreements", world.token_b_secret)
    _matches(own, "AgreementList")
    [agreement] = own.get_json()["agreements"]
    assert agreement["id"] == world.action_b.id and agreement["status"] == "planned"


def test_an_unreleased_cycle_is_404(world, client):
    store(world.cycle_b, _answers(12, "woman"))
    db.session.commit()
    _is_problem(_get(client, f"/api/v1/cycles/{world.cycle_b.id}/results",
                     world.token_b_secret), 404)


def test_a_co_owned_joint_cycle_is_listed(world, client):
    _release(world, world.cycle_b)
    db.session.add(CycleOwner(cycle=world.cycle_b, company=world.a, invited_on=date(2027, 2, 1),
                              invited_by=world.b_admin, accepted=True))
    db.session.commit()
    response = _get(client, "/api/v1/cycles", world.token_a_secret)
    _matches(response, "CycleList")
    [cycle] = [c for c in response.get_json()["cycles"] if c["id"] == world.cycle_b.id]
    assert cycle["co_owned"] and cycle["lead_company"] == "SECRET-B Brand"
    results = _get(client, f"/api/v1/cycles/{world.cycle_b.id}/results", world.token_a_secret)
    _matches(results, "Results")


def test_every_error_is_a_problem(app, world, client):
    _is_problem(client.get("/api/v1/nothing-here"), 404)
    _is_problem(client.post("/api/v1/cycles", headers={
        "Authorization": f"Bearer {world.token_b_secret}"}), 405)

    def crash():
        raise RuntimeError("boom")

    app.view_functions["api.agreements"] = crash
    app.config["PROPAGATE_EXCEPTIONS"] = False
    body = _is_problem(_get(client, "/api/v1/agreements", world.token_b_secret), 500)
    assert "boom" not in body["detail"]
