"""Released results are computed once and kept in memory (results/kept.py): what
is kept must never be shown to someone it was not made for, and must follow the
company's threshold, the language, and the previous cycle each viewer may see."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.results import kept
from wsdialog.surveys.operations import store

from .. import factories as f
from .test_results import _respondents


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-09-01"}


@pytest.fixture
def two_cycles(app):
    """A site with a closed cycle the brand has not released (mostly negative) and
    a later released one (mostly positive)."""
    company = f.company("Noordwind")
    eva = f.user(company=company, admin=True, name="Eva")
    supplier = f.supplier(company, name="Saigon Stitch")
    site = f.site(supplier, name="Thu Duc", headcount=100)
    version = f.published(company, "Survey", locales=("en", "vi"))
    before = f.cycle(company, site, version, starts_on=date(2027, 3, 1),
                     ends_on=date(2027, 3, 14))
    store(before, _respondents(20, "woman", "yes", "yes"))
    after = f.cycle(company, site, version, starts_on=date(2027, 6, 1),
                    ends_on=date(2027, 6, 14))
    store(after, _respondents(10, "woman", "no", "yes") + _respondents(10, "man", "no", "yes"))
    after.results_shared_on, after.results_shared_by = date(2027, 6, 20), eva
    lan = f.user(Role.supplier, supplier=supplier, name="Lan")
    db.session.commit()
    return eva, lan, before, after


def test_only_released_closed_cycles_are_kept(two_cycles):
    _eva, _lan, before, after = two_cycles
    assert kept.final_key(before) is None  # closed, not released: may still change
    assert kept.final_key(after) == (after.id, after.public_token, after.version_id)


def _without_form_token(page: str) -> str:
    """The page without its CSRF tokens (for htmx, and in each form), which carry
    the second they were made in."""
    page = re.sub(r'"X-CSRFToken": "[^"]*"', '"X-CSRFToken": ""', page)
    return re.sub(r'(name="csrf_token"[^>]*value=")[^"]*"', r'\1"', page)


def test_a_second_look_shows_the_same_page_from_memory(two_cycles, as_user):
    eva, lan, _before, after = two_cycles
    client = as_user(lan)
    first = _without_form_token(client.get(f"/cycles/{after.id}/results").get_data(as_text=True))
    assert len(kept.KEPT_PAGE_PARTS) == 1
    second = _without_form_token(client.get(f"/cycles/{after.id}/results").get_data(as_text=True))
    wages = f.pct(f.shown(after, ("all", "WAGE_RUNS_OUT"), positive=20).negative_share)
    assert first == second and f"Negative <strong>{wages}</strong>" in first
    # The brand's page compares with a cycle that may still change: not kept.
    as_user(eva).get(f"/cycles/{after.id}/results")
    assert len(kept.KEPT_PAGE_PARTS) == 1


def test_the_supplier_never_sees_the_brands_comparison_with_an_unreleased_cycle(
        two_cycles, as_user):
    eva, lan, before, after = two_cycles
    url = f"/cycles/{after.id}/results"
    # The brand may compare with the closed cycle before (100 % negative then) ...
    brand = as_user(eva).get(url).get_data(as_text=True)
    change = (f.shown(after, ("all", "WAGE_RUNS_OUT"), positive=20).negative_share
              - f.shown(before, ("all", "WAGE_RUNS_OUT"), negative=20).negative_share)
    assert f"negative {change * 100:+.0f} points since the previous cycle" in brand  # -100
    # ... the supplier, shown the same released cycle next, may not: nothing the
    # brand's view left in memory may reach it.
    supplier = as_user(lan).get(url).get_data(as_text=True)
    assert "since the previous cycle" not in supplier
    wages = f.pct(f.shown(after, ("all", "WAGE_RUNS_OUT"), positive=20).negative_share)
    assert f"Negative <strong>{wages}</strong>" in supplier


def test_a_raised_threshold_applies_at_once_to_kept_figures(two_cycles, as_user):
    eva, _lan, _before, after = two_cycles
    client = as_user(eva)
    url = f"/cycles/{after.id}/results?group=gender:man"
    assert "Negative <strong>" in client.get(url).get_data(as_text=True)  # 10 men: shown
    client.post("/settings/results", data={"priority_pct": "40", "min_group": "11"})
    men = client.get(url).get_data(as_text=True)
    assert "Fewer than 11 people in this group answered" in men
    sites = client.get("/results/sites").get_data(as_text=True)
    assert "heat-0" in sites  # the whole cycle (20 answers) still shows


def test_kept_pages_follow_the_language(two_cycles, as_user):
    eva, _lan, _before, after = two_cycles
    client = as_user(eva)
    english = client.get(f"/cycles/{after.id}/results").get_data(as_text=True)
    client.post("/language", data={"locale": "vi"})
    vietnamese = client.get(f"/cycles/{after.id}/results").get_data(as_text=True)
    assert english != vietnamese and 'lang="vi"' in vietnamese
    assert "Positive" in english


def test_a_cycle_given_a_reused_id_is_not_served_the_old_figures(two_cycles, as_user):
    eva, _lan, _before, after = two_cycles
    client = as_user(eva)
    client.get(f"/cycles/{after.id}/results")
    # As if the cycle were deleted and another created with the same id: a new
    # random token, other answers.
    after.public_token = "another-token-000000000"
    store(after, _respondents(20, "woman", "yes", "yes"))
    db.session.commit()
    body = client.get(f"/cycles/{after.id}/results").get_data(as_text=True)
    assert "40 respondents" in body.replace("<strong>", "").replace("</strong>", "")
