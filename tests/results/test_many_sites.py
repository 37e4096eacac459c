"""A brand with many sites: the all-sites table, its export and the home page
show a page or the first few and count the rest in SQL; "priorities only" never
counts a withheld cell; and no page's number of queries grows with the sites."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from bench.scale import Size, add_sites, build
from wsdialog.clock import today
from wsdialog.extensions import db
from wsdialog.questionnaires.answers import Answer
from wsdialog.surveys.operations import store
from wsdialog.surveys.respondents import Respondent

from .. import factories as f

SITES = 60
#: Sites whose workers mostly say their wages run out: every third.
PRIORITY = [i for i in range(SITES) if i % 3 == 0]
#: Three workers all said so: a cycle too small to show anything, so no priority.
SMALL = 59


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-04-01"}


def _answers(n: int, wages: str) -> list[Respondent]:
    return [Respondent(answered_on=today() - timedelta(days=30), channel="phone", language="en",
                       demographics={"gender": None, "age_band": None, "contract": None,
                                     "role": None},
                       answers={"WAGE_RUNS_OUT": Answer(wages), "CLEAN_WATER": Answer.yes})
            for _ in range(n)]


@pytest.fixture
def many(app):
    """60 sites of 30 suppliers (Vietnam and China by turns), one released cycle
    each, ended some weeks ago: wages run out for most at every third site."""
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva")
    version = f.published(company, "Survey")  # WAGE_RUNS_OUT, CLEAN_WATER
    version.questions[1].theme = "facilities"  # the water, as the starter has it
    supplier = None
    cycles = []
    for i in range(SITES):
        if i % 2 == 0:
            supplier = f.supplier(company, name=f"Supplier {i // 2:02d}",
                                  country=("VN", "CN")[i // 2 % 2])
        site = f.site(supplier, name=f"Site {i:02d}")
        cycle = f.cycle(company, site, version, starts_on=today() - timedelta(days=31),
                        ends_on=today() - timedelta(days=18))
        cycle.results_shared_on = today() - timedelta(days=12)
        cycle.results_shared_by = eva
        cycles.append(cycle)
        if i == SMALL:
            store(cycle, _answers(3, "yes"))
        else:
            store(cycle, _answers(8, "yes") + _answers(2, "no") if i in PRIORITY
                  else _answers(1, "yes") + _answers(9, "no"))
    db.session.commit()
    # Which of them show a priority: the shown share is blurred (as every figure is).
    priority = [f"Site {i:02d}" for i in PRIORITY
                if f.shown(cycles[i], ("all", "WAGE_RUNS_OUT"), 2, 0, 8).negative_share > 0.5]
    assert len(priority) >= 15
    water = [f"Site {i:02d}" for i in range(SITES) if i != SMALL
             and f.shown(cycles[i], ("all", "CLEAN_WATER"), 10, 0, 0).negative_share > 0.5]
    return eva, priority, water


def _sites(html: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="/cycles/\d+/results">(Site \d+)</a>', html)


def test_the_table_shows_a_page_of_sites_and_how_many_there_are(many, as_user):
    eva, priority, *_water = many
    client = as_user(eva)
    first = client.get("/results/sites").get_data(as_text=True)
    assert len(_sites(first)) == 50 and "Page 1 of 2 (60 in all)" in first
    second = client.get("/results/sites?page=2").get_data(as_text=True)
    assert len(_sites(second)) == 10
    assert set(_sites(first)) | set(_sites(second)) == {f"Site {i:02d}" for i in range(SITES)}
    by_site = _sites(client.get("/results/sites?sort=-site").get_data(as_text=True))
    assert by_site[:2] == ["Site 59", "Site 58"]


def test_the_filters_choose_sites_and_columns_in_sql(many, as_user):
    eva, priority, *_water = many
    client = as_user(eva)
    china = _sites(client.get("/results/sites?country=CN").get_data(as_text=True))
    assert len(china) == 30 and all(int(name[5:]) // 2 % 2 == 1 for name in china)
    assert _sites(client.get("/results/sites?q=supplier+07").get_data(as_text=True)) \
        == ["Site 14", "Site 15"]
    wages = client.get("/results/sites?theme=wages").get_data(as_text=True)
    assert "Question WAGE_RUNS_OUT?" in wages and "Question CLEAN_WATER?" not in wages
    nothing = client.get("/results/sites?q=nowhere").get_data(as_text=True)
    assert "No site matches these filters." in nothing


def test_priorities_only_lists_the_sites_with_a_shown_priority_never_a_withheld_one(
        many, as_user):
    eva, priority, water = many
    client = as_user(eva)
    shown = client.get("/results/sites?priorities=1").get_data(as_text=True)
    assert sorted(_sites(shown)) == priority
    assert f"Site {SMALL}" not in shown  # all its workers said so, but three are too few
    # Within one theme: everybody has clean water, but a shown figure is blurred,
    # and the filter goes by what is shown (as every page does), not by the truth.
    facilities = client.get("/results/sites?priorities=1&theme=facilities")
    assert sorted(_sites(facilities.get_data(as_text=True))) == water


def test_the_export_keeps_the_filters_and_lists_every_page(many, as_user):
    eva, priority, *_water = many
    client = as_user(eva)
    response = client.get("/results/sites.csv?priorities=1")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert {row[1] for row in rows[1:]} == set(priority)
    everything = client.get("/results/sites.xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(everything.get_data())).active
    assert len({row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}) == SITES


def test_the_home_page_lists_the_first_few_and_counts_the_rest(many, as_user):
    eva, priority, *_water = many
    home = as_user(eva).get("/").get_data(as_text=True)
    priorities = home[home.index("Priorities per site"):]
    priorities = priorities[:priorities.index("</section>")]
    assert priorities.count('<li class="row">') == 10
    assert f"All {len(priority)} sites with a priority" in priorities
    assert "/results/sites?priorities=1" in priorities
    assert "Show all 30" in home  # suppliers nobody can log in for: 8 shown
    everything = as_user(eva).get("/?all=without-login").get_data(as_text=True)
    assert "Show all 30" not in everything and "Supplier 29" in everything


def _statements(client, paths) -> dict[str, int]:
    """SQL statements each page sends, read a second time (the first fills the
    per-process figures of released cycles)."""
    counted = {}
    for path in paths:
        assert client.get(path).status_code == 200, path
        seen = []

        def count(*_args, seen=seen):
            seen.append(1)

        sa.event.listen(db.engine, "before_cursor_execute", count)
        try:
            assert client.get(path).status_code == 200, path
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", count)
        counted[path] = len(seen)
    return counted


def test_no_page_sends_more_queries_for_more_sites(app, as_user):
    """From 60 to 120 sites (each page already full at 60), the queries of the
    pages users open often stay the same: they count and page in SQL."""
    size = Size(1, 60, people=6, questions=4)
    info = build(size)
    info["admin"].company.name  # noqa: B018 (loaded before the requests)
    paths = ["/", "/results/sites", "/results/sites?priorities=1", "/results/sites?sort=site",
             "/dialogues", "/actions", "/actions?shown=open", "/reports/due-diligence",
             "/onboarding", "/onboarding?stage=joined", "/cycles", "/sites", "/suppliers"]
    before = _statements(as_user(info["admin"]), paths)
    add_sites(info, info["company"], info["admin"], info["version"], 60, 60, size)
    after = _statements(as_user(info["admin"]), paths)
    assert after == before
