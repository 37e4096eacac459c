"""Issue 20, attack 5: nothing in the database says in which order workers
answered. SQLite's hidden rowid counted up as answers came (``min(rowid) … group
by response`` gave the 7th answer of the day), and PostgreSQL stores rows in the
order they were added. Read as whoever holds the database or a backup would:
the raw tables in physical order, after answers sent through the real survey."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from wsdialog.extensions import db
from wsdialog.surveys import guard
from wsdialog.surveys import operations as survey_operations
from wsdialog.surveys.models import (
    NO_ROWID,
    HeldResponse,
    Response,
    SurveyCycle,
    SurveyRate,
    UsedFormToken,
)

from .. import factories as f
from .test_public_survey import codes_for, send


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-03-05"}


def spearman(order: list[int]) -> float:
    """Rank correlation of arrival numbers read in physical order with their
    position: 1 for rows stored as they came, near 0 for no relation."""
    n = len(order)
    ranks = {a: r for r, a in enumerate(sorted(order))}
    d2 = sum((ranks[a] - position) ** 2 for position, a in enumerate(order))
    return 1 - 6 * d2 / (n * (n * n - 1))


def physical(table: str, column: str) -> list:
    """``column`` of every row of ``table`` in the order the database stores them
    (``SELECT *``: a scan of the table itself, not of a covering index)."""
    query = sa.select(db.metadata.tables[table])
    if db.engine.dialect.name == "postgresql":
        query = query.order_by(sa.literal_column("ctid"))
    with db.engine.connect() as connection:
        return [row[column] for row in connection.execute(query).mappings()]


def in_arrival(values: list, arrival: dict) -> list[int]:
    """The arrival numbers of ``values`` (each counted at its first row)."""
    seen: dict = {}
    for value in values:
        seen.setdefault(value, arrival[value])
    return list(seen.values())


def has_rowid(table: str) -> bool:
    """Whether SQLite gives ``table``'s rows a rowid (PostgreSQL: never)."""
    with db.engine.connect() as connection:
        try:
            connection.execute(sa.select(sa.literal_column("rowid"))
                               .select_from(db.metadata.tables[table]))
        except sa.exc.DBAPIError:
            connection.rollback()
            return False
        return True


def new(column, before: set) -> object:
    (added,) = set(db.session.scalars(sa.select(column))) - before
    return added


@pytest.fixture(params=["codes", "link"])
def answered(request, app, as_user, monkeypatch):
    """A cycle that 36 workers answered one by one: with access codes drawn in
    any order, or on the open link, a minute apart, where 30 more answers came
    once the cycle had its headcount and were held. The arrival number of each
    respondent, held answer, code and form, by key."""
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva", admin=True)
    site = f.site(f.supplier(company, name="Saigon Stitch"), name="Thu Duc", headcount=36)
    cycle = f.cycle(company, site, f.published(company, "Survey"), headcount=36)
    db.session.commit()
    cycle.eva = eva
    codes = []
    if request.param == "codes":
        codes = codes_for(cycle, as_user, 36)
        random.shuffle(codes)  # workers draw their slips from a pile
    else:  # one answer a minute: none comes in a burst
        minutes = iter(datetime(2027, 3, 5, 8) + timedelta(minutes=m) for m in range(100))
        monkeypatch.setattr(survey_operations, "now", lambda: next(minutes))
    arrival: dict = {}
    for number in range(36 if codes else 66):
        before = {model: set(db.session.scalars(sa.select(model)))
                  for model in (Response.id, HeldResponse.id, UsedFormToken.nonce)}
        data = {"WAGE_RUNS_OUT": random.choice(["yes", "no", "dk"]),
                "CLEAN_WATER": random.choice(["yes", "no", "dk"])}
        if codes:
            data["code"] = codes[number]
            arrival[guard.digest(codes[number])] = number
        assert send(app.test_client(), cycle, data).status_code == 303
        stored = Response.id if number < 36 else HeldResponse.id
        arrival[new(stored, before[stored])] = number
        arrival[new(UsedFormToken.nonce, before[UsedFormToken.nonce])] = number
    return cycle, arrival


def orders(arrival: dict) -> dict[str, list[int]]:
    """Per table, the arrival numbers of its rows in physical order."""
    found = {"response": in_arrival(physical("response", "id"), arrival),
             "response_answer": in_arrival(physical("response_answer", "response_id"), arrival),
             "used_form_token": in_arrival(physical("used_form_token", "nonce"), arrival)}
    used = [d for d, used in zip(physical("access_code", "digest"),
                                 physical("access_code", "used"), strict=True) if used]
    if used:
        found["access_code"] = in_arrival(used, arrival)
    held = physical("held_response", "id")
    if held:
        found["held_response"] = in_arrival(held, arrival)
    return found


def assert_no_arrival_order(arrival: dict) -> None:
    found = orders(arrival)
    assert len(found["response"]) == len(found["response_answer"]) == 36
    # For 36 rows in random order, |rho| > 0.6 has odds of about 1 in 2,000.
    correlated = {table: round(spearman(o), 2) for table, o in found.items()
                  if abs(spearman(o)) > 0.6}
    assert correlated == {}, "rows stored in the order workers answered"


def test_on_sqlite_no_table_of_web_answers_has_a_rowid_that_counts_up(answered):
    """While the survey is open already: tables keyed by a random key."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL has no rowid: its rows are rewritten once final")
    _cycle, arrival = answered
    for table in ("response_answer", "answer_tally", "access_code", "used_form_token"):
        assert not has_rowid(table), table
        assert db.metadata.tables[table].dialect_options["sqlite"]["with_rowid"] is False
    assert NO_ROWID == {"sqlite_with_rowid": False}
    with db.engine.connect() as connection:  # their random key is the rowid
        for model in (Response, HeldResponse):
            assert connection.scalar(sa.select(sa.func.count()).select_from(model).where(
                sa.literal_column("rowid") != model.id)) == 0
    assert_no_arrival_order(arrival)


@pytest.mark.parametrize("final", ["shown", "released"])
def test_once_respondents_are_final_no_row_says_when_its_answer_came(app, answered, as_user,
                                                                     final):
    """The first look at the figures, or a release without one."""
    cycle, arrival = answered
    app.config["FIXED_TODAY"] = "2027-03-20"  # closed
    if final == "shown":
        # Past the page that asks to decide on held answers first.
        assert as_user(cycle.eva).get(
            f"/cycles/{cycle.id}/results?held=later").status_code == 200
    else:
        assert as_user(cycle.eva).post(f"/cycles/{cycle.id}/release").status_code == 303
        assert db.session.get(SurveyCycle, cycle.id).results_shared_on is not None
        assert db.session.get(SurveyCycle, cycle.id).figures_shown_on is None
    db.session.expire_all()
    assert db.session.get(SurveyCycle, cycle.id).respondents_final
    assert_no_arrival_order(arrival)
    # Nor a minute's count of its answers; and every row is still there.
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SurveyRate)) == 0
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 36
    assert sum(db.session.scalars(sa.text(
        "SELECT count FROM answer_tally WHERE question_code = 'CLEAN_WATER'"))) == 36
