"""``flask retention`` deletes the respondents of released cycles that ended
longer ago than the retention period, and nobody can tell from any page: every
dashboard (whole and per group), trend, table, export and poster is the same,
to the byte, for the brand and for the supplier, whatever the respondents."""

from __future__ import annotations

import re
from datetime import date

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wsdialog import config
from wsdialog.audit import AuditEntry
from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.questionnaires.answers import Answer
from wsdialog.results import kept
from wsdialog.surveys.models import (
    AccessCode,
    GroupTally,
    Response,
    ResponseAnswer,
    UsedFormToken,
)
from wsdialog.surveys.operations import store
from wsdialog.surveys.respondents import ALLOWED, DEMOGRAPHICS, Respondent
from wsdialog.surveys.retention import cutoff, due

from .. import factories as f

CODES = ("WAGE_RUNS_OUT", "CLEAN_WATER", "SAFE_EXITS")

respondent = st.builds(
    lambda demographics, answers: Respondent(
        date(2027, 3, 2), "phone", "en", dict(zip(DEMOGRAPHICS, demographics, strict=True)),
        {code: answer for code, answer in zip(CODES, answers, strict=True) if answer}),
    st.tuples(*(st.sampled_from([*ALLOWED[d], None]) for d in DEMOGRAPHICS)),
    st.tuples(*(st.sampled_from([*Answer, None]) for _ in CODES)))
people = st.lists(respondent, max_size=40)


@pytest.fixture
def app_config(app_config):
    # Three years (the default) before this: cycles that ended before 2028-06-01.
    return {**app_config, "FIXED_TODAY": "2031-06-01"}


def _released(cycle, day):
    cycle.results_shared_on = day
    return cycle


def _world(groups: list[list[Respondent]]):
    """A brand with two sites of one supplier: at the first, two old released
    cycles, an old one never released and a recent released one; at the second,
    an old released one (its latest: the all-sites table shows it)."""
    company = f.company()
    eva = f.user(company=company)
    supplier = f.supplier(company)
    lan = f.user(Role.supplier, supplier=supplier)
    first, second = f.site(supplier, headcount=80), f.site(supplier, headcount=60)
    version = f.published(company, f"Survey {company.id}", CODES)
    cycles = {
        "old": _released(f.cycle(company, first, version, date(2027, 3, 1), date(2027, 3, 14),
                                 headcount=80), date(2027, 3, 20)),
        "old_too": _released(f.cycle(company, first, version, date(2027, 9, 1),
                                     date(2027, 9, 14), headcount=80), date(2027, 9, 20)),
        "never_released": f.cycle(company, first, version, date(2028, 3, 1),
                                  date(2028, 3, 14), headcount=80),
        "recent": _released(f.cycle(company, first, version, date(2030, 3, 1),
                                    date(2030, 3, 14), headcount=80), date(2030, 3, 20)),
        "other_site": _released(f.cycle(company, second, version, date(2027, 6, 1),
                                        date(2027, 6, 14), headcount=60), date(2027, 6, 20)),
    }
    for cycle, respondents in zip(cycles.values(), groups, strict=True):
        store(cycle, respondents)
    db.session.add_all([AccessCode(cycle_id=cycles["old"].id, digest="a" * 64, used=True),
                        UsedFormToken(cycle_id=cycles["old"].id, nonce="n" * 32)])
    db.session.commit()
    return eva, lan, cycles


#: The cycles whose respondents retention deletes (released, ended before 2028-06-01).
RETAINED = ("old", "old_too", "other_site")


def _urls(cycles, brand: bool) -> list[str]:
    """Every page showing figures. Filtered by group only for the cycles retention
    deletes: a filtered page reads its own cycle's groups, which nothing deletes for
    the other cycles, and of the cycle before only its response rate, which their
    unfiltered pages show as well."""
    urls = []
    for name, cycle in cycles.items():
        base = f"/cycles/{cycle.id}"
        urls += [f"{base}/results", f"{base}/results?sort=negative", f"{base}/results.csv",
                 f"{base}/poster"]
        if name not in RETAINED:
            continue
        urls += [f"{base}/results?group={d}:{v}" for d in DEMOGRAPHICS for v in ALLOWED[d]]
        urls += [f"{base}/results.csv?group={d}:{v}" for d in DEMOGRAPHICS
                 for v in ALLOWED[d][:1]]
    urls += sorted({f"/sites/{c.site_id}/trends" for c in cycles.values()})
    urls += ["/cycles"]
    if brand:
        urls += ["/results/sites", "/results/sites.csv", "/reports/due-diligence?year=2027",
                 "/reports/due-diligence.csv?year=2027"]
    return urls


#: A form's CSRF token is signed with the time: the one part of a page that moves.
CSRF_TOKEN = re.compile(rb'(X-CSRFToken": "|name="csrf_token" value=")[^"]+')


def _pages(clients) -> dict[tuple[str, str], tuple[int, bytes]]:
    """Every page, as each viewer gets it (the supplier first: its first visit is
    then already shown on the brand's page both times)."""
    kept.KEPT_FIGURES.clear()  # computed afresh, not remembered from before
    kept.KEPT_PAGE_PARTS.clear()
    return {(who, url): (response.status_code,
                         CSRF_TOKEN.sub(rb"\1(token)", response.get_data()))
            for who, client, urls in clients
            for url in urls
            for response in [client.get(url)]}


def _rows(model, cycle) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model)
                             .where(model.cycle_id == cycle.id))


@pytest.mark.slow
@settings(max_examples=4, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(groups=st.tuples(st.lists(respondent, min_size=20, max_size=60), people, people,
                        people, people))
def test_every_page_stays_the_same_after_the_respondents_are_deleted(app, as_user, groups):
    eva, lan, cycles = _world(list(groups))
    clients = [("supplier", as_user(lan), _urls(cycles, brand=False)),
               ("brand", as_user(eva), _urls(cycles, brand=True))]
    before = _pages(clients)
    assert before[("brand", f"/cycles/{cycles['old'].id}/results")][0] == 200

    result = app.test_cli_runner().invoke(args=["retention"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()

    after = _pages(clients)
    assert [key for key in before if before[key] != after[key]] == []
    for name, cycle in cycles.items():
        has_rows = _rows(Response, cycle) > 0 or _rows(ResponseAnswer, cycle) > 0
        if name in RETAINED:
            assert not has_rows and cycle.respondents_deleted_on == date(2031, 6, 1)
            assert f"Deleted cycle {cycle.id} " in result.output
        else:
            assert has_rows == bool(groups[list(cycles).index(name)])
            assert cycle.respondents_deleted_on is None
    assert _rows(AccessCode, cycles["old"]) == _rows(UsedFormToken, cycles["old"]) == 0


@pytest.fixture
def small_world(app):
    respondents = [Respondent(date(2027, 3, 2), "web", "en",
                              {"gender": "woman", "age_band": None, "contract": "agency",
                               "role": None}, {"WAGE_RUNS_OUT": Answer.no})] * 6
    return _world([respondents, [], [], respondents, []])


def test_a_dry_run_lists_what_would_go_and_deletes_nothing(small_world, app):
    _eva, _lan, cycles = small_world
    result = app.test_cli_runner().invoke(args=["retention", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert (f"Would delete cycle {cycles['old'].id} (ended 2027-03-14): 6 respondents, "
            "6 answers, 2 codes and keys.") in result.output
    assert f"cycle {cycles['recent'].id} " not in result.output
    assert "Would delete: 6 respondents, 6 answers, 2 codes and keys, of 3 cycles." \
        in result.output
    db.session.expire_all()
    assert _rows(Response, cycles["old"]) == 6
    assert cycles["old"].respondents_deleted_on is None


def test_a_second_run_does_nothing_and_the_trail_says_what_went(small_world, app):
    _eva, _lan, cycles = small_world
    runner = app.test_cli_runner()
    first = runner.invoke(args=["retention"])
    assert "Deleted: 6 respondents, 6 answers, 2 codes and keys, of 3 cycles." in first.output
    kept = db.session.execute(sa.select(GroupTally.dimension, GroupTally.group_value,
                                        GroupTally.respondents)
                              .where(GroupTally.cycle_id == cycles["old"].id)).all()
    assert sorted(kept) == [("age_band", "", 6), ("contract", "agency", 6),
                            ("gender", "woman", 6), ("role", "", 6)]
    second = runner.invoke(args=["retention"])
    assert second.exit_code == 0
    assert "): 0." in second.output.splitlines()[0]
    assert "Deleted: 0 respondents, 0 answers, 0 codes and keys, of 0 cycles." in second.output
    trail = db.session.scalars(sa.select(AuditEntry).where(
        AuditEntry.kind == "respondents_deleted")).all()
    assert sorted(e.target for e in trail) == sorted(
        f"cycle {cycles[n].id}" for n in ("old", "old_too", "other_site"))
    assert {e.note for e in trail} == {"6 respondents", "0 respondents"}


def test_the_period_comes_from_the_setting_or_the_option(small_world, app):
    _eva, _lan, cycles = small_world
    runner = app.test_cli_runner()
    assert "of 0 cycles" in runner.invoke(args=["retention", "--years", "5"]).output
    app.config["RETENTION_YEARS"] = 1  # the recent cycle ended 2030-03-14
    assert "of 4 cycles" in runner.invoke(args=["retention", "--dry-run"]).output
    assert runner.invoke(args=["retention", "--years", "0"]).exit_code == 2
    db.session.expire_all()
    assert all(c.respondents_deleted_on is None for c in cycles.values())


@pytest.mark.parametrize(("value", "years"), [(None, 3), ("5", 5), ("0", None), ("x", None)])
def test_the_retention_setting(tmp_path, value, years):
    env = {} if value is None else {"WSDIALOG_RETENTION_YEARS": value}
    if years is None:
        with pytest.raises(config.ConfigError):
            config.load(str(tmp_path), env)
    else:
        assert config.load(str(tmp_path), env)["RETENTION_YEARS"] == years


def test_the_cutoff_is_the_same_day_years_before():
    assert cutoff(date(2031, 6, 1), 3) == date(2028, 6, 1)
    assert cutoff(date(2028, 2, 29), 3) == date(2025, 2, 28)


def test_only_released_cycles_are_ever_due(small_world):
    _eva, _lan, cycles = small_world
    # The unreleased one ended before the cut-off too: it may still be looked at.
    assert cycles["never_released"].ends_on < date(2028, 6, 1)
    assert [c.id for c in due(date(2031, 6, 1), 3)] == [
        cycles[n].id for n in ("old", "other_site", "old_too")]


def test_the_cycle_page_says_when_each_respondents_answers_were_deleted(small_world, app,
                                                                        as_user):
    eva, _lan, cycles = small_world
    client = as_user(eva)
    url = f"/cycles/{cycles['old'].id}"
    assert "after the retention period" not in client.get(url).get_data(as_text=True)
    app.test_cli_runner().invoke(args=["retention"])
    page = client.get(url).get_data(as_text=True)
    assert "answers were deleted on Jun 1, 2031, after the retention period" in page
    assert "<strong>6</strong> respondents" in page
