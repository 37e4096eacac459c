"""Reading never writes, except the read receipts we name.

Every GET route is opened by every role, pointed at company B's objects (B's own
people see them; the others are refused), with B's cycle closed, answered and
released so that the pages showing figures really compute them. The whole
database is compared before and after each request: the only differences allowed
are the receipts below, each on the routes that record it.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
import sqlalchemy as sa

from wsdialog.extensions import db
from wsdialog.models import utcnow
from wsdialog.questionnaires.answers import Answer
from wsdialog.surveys.models import KoboLink, SurveyRate, WrongCodeRate
from wsdialog.surveys.operations import store
from wsdialog.surveys.respondents import Respondent

from . import factories as f
from .test_tenancy import ROUTES, _url

ROLES = ["coordinator", "b_admin", "b_staff", "sb_user", "b_reviewer", "b_provider", "anonymous"]

#: The pages that show a cycle's figures: the first look makes its respondents
#: final (``survey_cycle.figures_shown_on``), and those of every cycle the figures
#: come from (the cycle before, for the change since). A page that reads figures
#: without recording them first fails (``results.queries.NotRecorded``). Exact:
#: brand admins' walk finds each of these recording, and no other page.
SHOWS_FIGURES = {"results.cycle_results", "results.cycle_export", "results.poster",
                 "results.site_trends", "results.sites_table", "results.sites_export",
                 "results.due_diligence", "results.due_diligence_export", "dialogues.prepare",
                 "dialogues.action_detail", "dialogues.action_list", "dialogues.action_export"}

#: The API's endpoints that show figures (through a token only: see the last test).
API_SHOWS_FIGURES = {"api.cycle_results", "api.summary"}
#: The API's endpoints that need a token (which records the day it was used).
API_WITH_TOKEN = {"api.cycles", "api.cycle_results", "api.agreements", "api.summary",
                  "api.assigned_cycles"}
#: Those for a provider's tool (the others are for a company's).
API_FOR_PROVIDERS = {"api.assigned_cycles"}

#: receipt -> (table, what may change, the endpoints that may record it)
#: "what may change" is a column that may be updated, or "+kind" for new rows of
#: an audit kind.
RECEIPTS: dict[str, tuple[str, str, set[str] | None]] = {
    # When a login session was last used (idle timeout): on every page.
    "session in use": ("login_session", "last_seen_at", None),
    "figures shown": ("survey_cycle", "figures_shown_on", SHOWS_FIGURES | API_SHOWS_FIGURES),
    # Making respondents final also forgets when the last answers came: the
    # per-minute counts go, and the cycle's rows are rewritten in shuffled order
    # (same keys and values: no change seen here).
    "figures shown: minute counts forgotten": ("survey_rate", "-row",
                                               SHOWS_FIGURES | API_SHOWS_FIGURES),
    "figures shown: wrong-code counts forgotten": ("wrong_code_rate", "-row",
                                                   SHOWS_FIGURES | API_SHOWS_FIGURES),
    # The day an API token was last used (once a day).
    "API token used": ("api_token", "last_used_on", API_WITH_TOKEN),
    "supplier opened the results": ("results_access", "+row", {"results.cycle_results"}),
    "supplier looked at results (audit, once a day)": (
        "audit_entry", "+results_viewed", {"results.cycle_results"}),
    "export downloaded (audit)": ("audit_entry", "+export", {
        "results.cycle_export", "results.sites_export", "results.due_diligence_export",
        "dialogues.action_export", "msi.progress_csv"}),
    "agreement updates seen by the brand": ("action_update", "seen_by_brand",
                                            {"dialogues.action_detail"}),
    # An upload whose check or import has ended shows its outcome once, and is
    # dropped (as is one whose job died): the file is not kept for nothing.
    "upload outcome shown": ("pending_import", "-row", {"surveys.import_preview"}),
}


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-09-01"}


def _answers(n, gender):
    return [Respondent(row=i, answered_on=date(2027, 3, 5), channel="web", language="en",
                       demographics={"gender": gender, "age_band": "25_34",
                                     "contract": "permanent", "role": "operator"},
                       answers={"WAGE_RUNS_OUT": Answer.no, "CLEAN_WATER": Answer.yes})
            for i in range(n)]


@pytest.fixture
def read_world(world):
    """The tenancy world, with B's cycle answered, closed and released, a later one
    answered and closed but not released (still to check), and news on B's
    agreement that B's brand staff have not seen yet."""
    from wsdialog.dialogues.models import ActionStatus, ActionUpdate

    store(world.cycle_b, _answers(12, "woman") + _answers(8, "man"))
    world.cycle_b2 = f.cycle(world.b, world.site_b, world.cycle_b.version,
                             starts_on=date(2027, 6, 1), ends_on=date(2027, 6, 14))
    store(world.cycle_b2, _answers(10, "woman") + _answers(10, "man"))
    # Linked to a KoboToolbox project: its page and the cycle's show the link.
    db.session.add(KoboLink(cycle_id=world.cycle_b2.id, server_url="https://kf.kobotoolbox.org",
                            asset_uid="aBcD3fGh5jKlMn7pQrStUv", token_sealed=b"sealed",
                            linked_by=world.b_admin))
    world.cycle_b.results_shared_on, world.cycle_b.results_shared_by = (
        date(2027, 3, 20), world.b_admin)
    # Aimed at an indicator: its pages show the before and after figures.
    world.action_b.codes = ["WAGE_RUNS_OUT"]
    world.action_b.updates.append(ActionUpdate(
        status=ActionStatus.in_progress, comment="SECRET-B news", by=world.sb_user,
        at=utcnow(), seen_by_brand=False))
    db.session.commit()
    return world


def _rearm(world):
    """Undo the receipts, so that each request shows whether it records one."""
    from wsdialog.dialogues.models import ActionUpdate
    from wsdialog.results.models import ResultsAccess
    from wsdialog.surveys.models import SurveyCycle

    db.session.execute(sa.update(SurveyCycle).values(figures_shown_on=None))
    db.session.execute(sa.delete(ResultsAccess))
    for model in (SurveyRate, WrongCodeRate):  # when the last answers came
        if not db.session.scalar(sa.select(sa.func.count()).select_from(model)):
            db.session.add(model(cycle_id=world.cycle_b2.id,
                                 minute=datetime(2027, 6, 14, 9, 30), count=3))
    db.session.execute(sa.update(ActionUpdate).values(seen_by_brand=False))
    db.session.commit()


def _snapshot() -> dict[str, dict[tuple, dict]]:
    """Every row of every table, by primary key."""
    db.session.expire_all()
    tables = {}
    for table in db.metadata.sorted_tables:
        key = [c.name for c in table.primary_key.columns]
        rows = db.session.execute(sa.select(table)).mappings()
        tables[table.name] = {tuple(row[k] for k in key): dict(row) for row in rows}
    return tables


def _changes(before, after) -> set[tuple[str, str]]:
    """(table, column) for each updated column; (table, "+row"/"-row") for rows
    added or deleted; (audit_entry, "+kind") for new audit entries."""
    found = set()
    for name, rows in after.items():
        old = before[name]
        for key, row in rows.items():
            if key not in old:
                found.add((name, f"+{row['kind']}" if name == "audit_entry" else "+row"))
            else:
                found.update((name, col) for col, value in row.items() if old[key][col] != value)
        found.update((name, "-row") for key in old if key not in rows)
    return found


def _allowed(endpoint) -> set[tuple[str, str]]:
    return {(table, change) for table, change, endpoints in RECEIPTS.values()
            if endpoints is None or endpoint in endpoints}


def _ids(args, world) -> dict:
    return {name: value[1:] if value.startswith("=") else getattr(world, value).id
            for name, value in args.items()}


def _get_urls(app, world, endpoint, args) -> list[str]:
    from flask import url_for

    with app.test_request_context():
        if endpoint in ("surveys.public_survey", "surveys.public_thanks"):
            return [url_for(endpoint, token=world.cycle_b.public_token)]
        if endpoint in ("results.cycle_results", "results.cycle_export", "results.poster",
                        "surveys.cycle_detail", "surveys.kobo_link"):
            # The cycle still to check, too: brand staff see its figures first.
            return [_url(app, world, endpoint, args),
                    url_for(endpoint, **{**_ids(args, world), "cycle_id": world.cycle_b2.id})]
        if endpoint == "questionnaires.version_detail":
            # The draft, and the version B's cycle asked: its editor warns with
            # the cycle's figures (questions near-always positive).
            return [_url(app, world, endpoint, args),
                    url_for(endpoint, version_id=world.cycle_b.version_id)]
    return [_url(app, world, endpoint, args)]


@pytest.mark.parametrize("role", ROLES)
def test_state_never_changes_on_get(app, read_world, as_user, role):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()
                 if "GET" in rule.methods} - {"static"}
    assert endpoints <= ROUTES.keys(), "add new routes to tests/test_tenancy.ROUTES"
    client = app.test_client() if role == "anonymous" else as_user(getattr(read_world, role))
    shown, wrote, recorded = 0, {}, set()
    for endpoint in sorted(endpoints):
        for url in _get_urls(app, read_world, endpoint, ROUTES[endpoint][1]):
            _rearm(read_world)
            before = _snapshot()
            response = client.get(url)
            assert response.status_code < 500, (role, url)
            changes = _changes(before, _snapshot())
            if ("survey_cycle", "figures_shown_on") in changes:
                recorded.add(endpoint)
            unexpected = changes - _allowed(endpoint)
            if unexpected:
                wrote[url] = unexpected
            shown += response.status_code == 200
    assert not wrote, (role, wrote)
    if role == "b_admin":
        assert recorded == SHOWS_FIGURES
    # The walk did open pages (not only refusals), as B's people and the supplier.
    assert shown >= {"coordinator": 11, "b_admin": 70, "b_staff": 64, "sb_user": 28,
                     "b_reviewer": 3, "b_provider": 5, "anonymous": 4}[role]


def test_the_results_page_records_its_receipts(app, read_world, as_user):
    """The receipts named above are real: the supplier's first look at released
    results records them (and a page that does not show figures does not)."""
    from wsdialog.results.models import ResultsAccess
    from wsdialog.surveys.models import SurveyCycle

    _rearm(read_world)
    client = as_user(read_world.sb_user)
    client.get(f"/sites/{read_world.site_b.id}")
    assert db.session.get(SurveyCycle, read_world.cycle_b.id).figures_shown_on is None
    assert client.get(f"/cycles/{read_world.cycle_b.id}/results").status_code == 200
    db.session.expire_all()
    assert db.session.get(SurveyCycle, read_world.cycle_b.id).figures_shown_on is not None
    assert db.session.scalar(sa.select(sa.func.count(ResultsAccess.id))) == 1


def test_the_api_records_only_its_receipts(app, read_world, client):
    """The API's GET endpoints, with B's token (its provider's for a provider's
    endpoint): the token's day and the figures shown, nothing else."""
    from wsdialog.api.models import ApiToken

    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()
                 if rule.endpoint.startswith("api.") and "GET" in rule.methods}
    recorded, wrote = set(), {}
    for endpoint in sorted(endpoints):
        for url in _get_urls(app, read_world, endpoint, ROUTES[endpoint][1]):
            _rearm(read_world)
            db.session.execute(sa.update(ApiToken).values(last_used_on=None))
            db.session.commit()
            before = _snapshot()
            secret = read_world.provider_token_b_secret if endpoint in API_FOR_PROVIDERS \
                else read_world.token_b_secret
            response = client.get(url, headers={"Authorization": f"Bearer {secret}"})
            assert response.status_code == 200, url
            changes = _changes(before, _snapshot())
            if ("survey_cycle", "figures_shown_on") in changes:
                recorded.add(endpoint)
            if changes - _allowed(endpoint):
                wrote[url] = changes - _allowed(endpoint)
    assert not wrote
    assert recorded == API_SHOWS_FIGURES
