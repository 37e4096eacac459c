"""A survey provider's tool on the API: its tokens (made by its people), its
assigned cycles with their questionnaires, and pushing respondents — the checks
of a file, all or nothing, stored once however often a request is retried. And
the route × token matrix: every API route, with every organisation's token."""

from __future__ import annotations

import jsonschema
import pytest
import sqlalchemy as sa

from wsdialog.api.models import ApiToken
from wsdialog.api.openapi import document
from wsdialog.extensions import db
from wsdialog.surveys.models import ImportBatch, SurveyCycle, all_respondents

SPEC = document()


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-03-20"}


def _matches(body, schema_name):
    jsonschema.validate(body, {"$ref": f"#/components/schemas/{schema_name}",
                               "components": SPEC["components"]},
                        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _auth(secret):
    return {"Authorization": f"Bearer {secret}"}


def _people(n, start=0, **fields):
    return [{"respondent": f"r-{start + i}", "date": "2027-03-05", "gender": "woman",
             "age_band": "25_34", "answers": {"WAGE_RUNS_OUT": "no", "CLEAN_WATER": "yes"},
             **fields} for i in range(n)]


def _push(client, world, people, secret=None, cycle=None):
    return client.post(f"/api/v1/cycles/{(cycle or world.cycle_b).id}/respondents",
                       json={"respondents": people},
                       headers=_auth(secret or world.provider_token_b_secret))


def _count(cycle):
    db.session.expire_all()
    return all_respondents(db.session.get(SurveyCycle, cycle.id))


def test_a_provider_makes_its_own_token_with_provider_scopes(app, world, as_user):
    person = as_user(world.b_provider)
    page = person.get("/settings/api")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert "respondents:write" in body and "results:read" not in body
    # A company's scope is not among its choices: refused, nothing made.
    refused = person.post("/settings/api", data={"name": "x", "scopes": ["results:read"]})
    assert refused.status_code == 422
    made = person.post("/settings/api", data={"name": "Kobo bridge",
                                              "scopes": ["cycles:read", "respondents:write"]})
    assert made.status_code == 200
    token = db.session.scalar(sa.select(ApiToken).where(ApiToken.name == "Kobo bridge"))
    assert token.provider_id == world.provider_b.id and token.company_id is None
    # Another provider's person sees none of B's tokens.
    other = as_user(world.a_provider).get("/settings/api").get_data(as_text=True)
    assert "Kobo bridge" not in other and "SECRET-B" not in other


def test_the_assigned_cycles_carry_the_questionnaire_and_no_figure(app, world, client):
    response = client.get("/api/v1/assigned-cycles", headers=_auth(world.provider_token_b_secret))
    assert response.status_code == 200
    body = response.get_json()
    _matches(body, "AssignedCycleList")
    assert [c["id"] for c in body["cycles"]] == [world.cycle_b.id]
    cycle = body["cycles"][0]
    assert cycle["accepts_respondents"] is True
    assert {"WAGE_RUNS_OUT", "CLEAN_WATER"} <= {q["code"] for q in cycle["questionnaire"]
                                                 ["questions"]}
    assert "respondents" not in cycle and "response_rate" not in cycle
    # Provider A has no cycle assigned: it sees none of B's.
    other = client.get("/api/v1/assigned-cycles", headers=_auth(world.provider_token_a_secret))
    assert other.get_json() == {"cycles": []}


def test_a_push_lands_exactly_once_under_retries(app, world, client):
    people = _people(6)
    first = _push(client, world, people)
    assert first.status_code == 201, first.get_json()
    _matches(first.get_json(), "Pushed")
    assert first.get_json() == {"stored": 6, "already_stored": 0}
    # The same request again (a timeout, a retry): nothing more is stored.
    again = _push(client, world, people)
    assert again.status_code == 200 and again.get_json() == {"stored": 0, "already_stored": 6}
    # A later request with two old and three new stores the three.
    more = _push(client, world, people[:2] + _people(3, start=6))
    assert more.get_json() == {"stored": 3, "already_stored": 2}
    assert _count(world.cycle_b) == 9
    # The brand sees who sent them: the provider's person who made the token.
    batches = db.session.scalars(sa.select(ImportBatch).where(
        ImportBatch.cycle_id == world.cycle_b.id, ImportBatch.filename.like("API:%"))).all()
    assert [b.respondents for b in batches] == [6, 3]
    assert {b.imported_by_id for b in batches} == {world.b_provider.id}
    assert {b.source for b in batches} == {"api"}


def test_a_bad_respondent_stores_nothing_and_says_where(app, world, client):
    people = _people(4)
    people[2]["answers"]["CLEAN_WATER"] = "maybe"
    people[3]["gender"] = "43 years, line 4"
    response = _push(client, world, people)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    _matches(body, "Problem")
    pointers = {e["pointer"] for e in body["errors"]}
    assert pointers == {"/respondents/2/answers/CLEAN_WATER", "/respondents/3/gender"}
    assert _count(world.cycle_b) == 0


@pytest.mark.parametrize("body, pointer", [
    ({}, ""),
    ({"respondents": []}, "/respondents"),
    ({"respondents": ["x"]}, "/respondents/0"),
    ({"respondents": [{"date": "2027-03-05", "answers": {"CLEAN_WATER": "yes"}}]},
     "/respondents/0/respondent"),
    ({"respondents": [{"respondent": "r", "date": "2027-03-05", "name": "Lan",
                       "answers": {"CLEAN_WATER": "yes"}}]}, "/respondents/0/name"),
    ({"respondents": [{"respondent": "r", "date": "2027-03-05",
                       "answers": {"CLEAN_WATER": ["yes"]}}]},
     "/respondents/0/answers/CLEAN_WATER"),
])
def test_a_malformed_request_is_a_problem_with_its_place(app, world, client, body, pointer):
    response = client.post(f"/api/v1/cycles/{world.cycle_b.id}/respondents", json=body,
                           headers=_auth(world.provider_token_b_secret))
    assert response.status_code == 422
    _matches(response.get_json(), "Problem")
    assert pointer in {e["pointer"] for e in response.get_json()["errors"]}
    assert _count(world.cycle_b) == 0


def test_no_push_into_a_released_cycle_or_beyond_the_headcount(app, world, client):
    world.cycle_b.headcount = 5
    db.session.commit()
    over = _push(client, world, _people(6))
    assert over.status_code == 409 and "headcount" in over.get_json()["detail"]
    assert _count(world.cycle_b) == 0
    from datetime import date
    world.cycle_b.results_shared_on = date(2027, 3, 18)
    db.session.commit()
    released = _push(client, world, _people(2))
    assert released.status_code == 409
    _matches(released.get_json(), "Problem")
    assert _count(world.cycle_b) == 0


def test_a_company_token_cannot_push_and_a_provider_token_cannot_read_results(
        app, world, client):
    assert _push(client, world, _people(1), secret=world.token_b_secret).status_code == 403
    for url in ("/api/v1/cycles", f"/api/v1/cycles/{world.cycle_b.id}/results",
                "/api/v1/agreements", "/api/v1/summary"):
        assert client.get(url, headers=_auth(world.provider_token_b_secret)).status_code == 403
    assert client.get("/api/v1/assigned-cycles",
                      headers=_auth(world.token_b_secret)).status_code == 403


def test_the_summary_matches_its_schema(app, world, client):
    response = client.get("/api/v1/summary?year=2027", headers=_auth(world.token_b_secret))
    assert response.status_code == 200
    _matches(response.get_json(), "Summary")
    assert response.get_json()["year"] == 2027
    bad = client.get("/api/v1/summary?year=next", headers=_auth(world.token_b_secret))
    assert bad.status_code == 400 and bad.mimetype == "application/problem+json"


#: Every API route with B's objects, whose token may reach it, and the schema of
#: its answer.
MATRIX = {
    "api.cycles": ("GET", "/api/v1/cycles", "company", "CycleList"),
    "api.cycle_results": ("GET", "/api/v1/cycles/{cycle_b}/results", "company", "Results"),
    "api.agreements": ("GET", "/api/v1/agreements", "company", "AgreementList"),
    "api.summary": ("GET", "/api/v1/summary", "company", "Summary"),
    "api.assigned_cycles": ("GET", "/api/v1/assigned-cycles", "provider", "AssignedCycleList"),
    "api.push_respondents": ("POST", "/api/v1/cycles/{cycle_b}/respondents", "provider",
                             "Pushed"),
    "api.openapi": ("GET", "/api/v1/openapi.json", None, None),
}


def test_the_matrix_covers_every_api_route(app):
    assert {r.endpoint for r in app.url_map.iter_rules()
            if r.endpoint.startswith("api.")} == set(MATRIX)


@pytest.mark.parametrize("holder", ["token_a", "token_b", "provider_token_a",
                                    "provider_token_b", "revoked", "none"])
def test_every_api_route_for_every_token(app, world, client, holder):
    """Only B's own kind of token reaches B's objects; others' tokens get 403 (a
    scope of the other kind) or 404 / nothing of B (the same kind), a revoked or
    missing token 401. No answer leaks B's names."""
    if holder == "revoked":
        world.provider_token_b.revoked_at = world.provider_token_b.created_at
    if holder == "token_b":  # released: its results are B's to read (no push then)
        from datetime import date
        world.cycle_b.results_shared_on = date(2027, 3, 18)
    db.session.commit()
    secret = {"none": None, "revoked": world.provider_token_b_secret}.get(
        holder, getattr(world, f"{holder}_secret", None))
    kind = "provider" if holder.startswith("provider") else "company"
    for endpoint, (method, url, needs, schema) in MATRIX.items():
        url = url.format(cycle_b=world.cycle_b.id)
        response = client.open(url, method=method, headers=_auth(secret) if secret else {},
                               json={"respondents": _people(1)} if method == "POST" else None)
        body = response.get_data(as_text=True)
        if needs is None:
            assert response.status_code == 200
            continue
        if holder in ("none", "revoked"):
            assert response.status_code == 401, (holder, endpoint)
        elif kind != needs:
            assert response.status_code == 403, (holder, endpoint)
        elif holder.endswith("_b"):
            assert response.status_code in (200, 201), (holder, endpoint, body)
        else:
            assert response.status_code in (200, 404), (holder, endpoint)
            assert "SECRET-B" not in body, (holder, endpoint)
        assert response.status_code != 500
        # Every answer matches the OpenAPI document: its schema, or a problem.
        _matches(response.get_json(), schema if response.status_code < 400 else "Problem")
