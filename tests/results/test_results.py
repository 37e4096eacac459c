"""The results page: bars, priorities, filters that never expose a worker, and the
same figures for brand and supplier."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.questionnaires.answers import Answer
from wsdialog.results.models import ResultsAccess
from wsdialog.surveys.models import SurveyCycle
from wsdialog.surveys.operations import store
from wsdialog.surveys.respondents import Respondent

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-04-01"}


def _respondents(n, gender, wage, water):
    from datetime import date

    return [Respondent(answered_on=date(2027, 3, 2), channel="phone", language="en",
                       demographics={"gender": gender, "age_band": None, "contract": None,
                                     "role": None},
                       answers={"WAGE_RUNS_OUT": Answer(wage), "CLEAN_WATER": Answer(water)})
            for _ in range(n)]


@pytest.fixture
def survey(app):
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva")
    supplier = f.supplier(company, name="Saigon Stitch")
    site = f.site(supplier, name="Thu Duc", headcount=100)
    version = f.published(company, "Survey", locales=("en", "vi"))  # WAGE yes; WATER no
    cycle = f.cycle(company, site, version)
    # 12 women: 9 say wages run out; 4 men; 1 other. Water: all fine.
    store(cycle, _respondents(9, "woman", "yes", "yes") + _respondents(3, "woman", "no", "yes")
          + _respondents(4, "man", "no", "yes") + _respondents(1, "other", "dk", "yes"))
    lan = f.user(Role.supplier, supplier=supplier, name="Lan")
    db.session.commit()
    return eva, lan, cycle


def wages(cycle):
    """The whole cycle's wage question as shown: 7 said no, 1 don't know, 9 yes
    (the negative answer), blurred."""
    return f.shown(cycle, ("all", "WAGE_RUNS_OUT"), 7, 1, 9)


def test_the_dashboard_shows_bars_shares_and_priorities(survey, as_user):
    eva, _lan, cycle = survey
    body = as_user(eva).get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    assert "17" in body and "17%" in body  # respondents, response rate of 100
    assert "Question WAGE_RUNS_OUT?" in body
    # 9 of 17, blurred, written out; a priority when above half.
    shown = wages(cycle)
    assert f"Negative <strong>{f.pct(shown.negative_share)}</strong>" in body
    assert f"({shown.counts.total} answers)" in body
    assert ("Priorities" in body) == (shown.negative_share > 0.5)
    assert '<svg class="share-bar"' in body and "style=" not in body


def test_a_filter_hides_a_group_whose_complement_is_too_small(survey, as_user):
    eva, _lan, cycle = survey
    client = as_user(eva)
    women = client.get(f"/cycles/{cycle.id}/results?group=gender:woman",
                       headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" not in women  # htmx gets the fragment
    # 12 women, but only 5 others: shown. 4 men: hidden, and so are their numbers.
    shown = f.shown(cycle, ("gender", "woman", "WAGE_RUNS_OUT"), 3, 0, 9)  # 75 %, blurred
    assert f"Negative <strong>{f.pct(shown.negative_share)}</strong>" in women
    men = client.get(f"/cycles/{cycle.id}/results?group=gender:man").get_data(as_text=True)
    assert "Fewer than 5 people in this group answered" in men
    assert "answers)" not in men  # no counts either
    other = client.get(f"/cycles/{cycle.id}/results?group=gender:other").get_data(
        as_text=True)
    assert "Fewer than 5 people" in other


def test_a_company_may_raise_the_smallest_group_but_not_lower_it(survey, as_user, app):
    eva, _lan, cycle = survey
    eva.is_admin = True
    db.session.commit()
    client = as_user(eva)
    bad = client.post("/settings/results", data={"priority_pct": "50", "min_group": "3"})
    assert "Please enter a number from 5 to 100." in bad.get_data(as_text=True)
    client.post("/settings/results", data={"priority_pct": "40", "min_group": "13"})
    women = client.get(f"/cycles/{cycle.id}/results?group=gender:woman").get_data(
        as_text=True)
    assert "Fewer than 13 people in this group answered" in women
    whole = client.get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    if wages(cycle).negative_share > 0.4:
        assert "More than 40% of the answers were negative." in whole


def test_a_small_cycle_shows_its_response_rate_but_no_answers(app, as_user):
    company = f.company()
    eva = f.user(company=company)
    site = f.site(f.supplier(company), headcount=300)
    cycle = f.cycle(company, site, f.published(company, "S"), headcount=300)
    store(cycle, _respondents(4, "woman", "yes", "no"))
    db.session.commit()
    body = as_user(eva).get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    assert "1.3%" in body and "answers are not shown" in body
    assert "Negative <strong>" not in body


def test_the_supplier_sees_the_same_figures_and_the_brand_sees_that_it_did(survey, as_user):
    eva, lan, cycle = survey
    supplier_client = as_user(lan)
    before = supplier_client.get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    assert "not released yet" in before and "Negative <strong>" not in before
    brand_client = as_user(eva)
    brand_client.post(f"/cycles/{cycle.id}/release")
    assert cycle.results_shared_on and cycle.results_shared_by == eva
    brand_page = brand_client.get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    assert "has not opened the results yet" in brand_page and "Released to" in brand_page
    supplier_page = supplier_client.get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    for figure in (f"Negative <strong>{f.pct(wages(cycle).negative_share)}</strong>", "17%"):
        assert figure in brand_page and figure in supplier_page
    supplier_client.post(f"/cycles/{cycle.id}/reviewed")
    access = db.session.scalar(sa.select(ResultsAccess))
    assert access.first_opened_at and access.reviewed_at
    brand_page = as_user(eva).get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    assert "First opened by the supplier" in brand_page and "Marked as reviewed" in brand_page


def test_the_pilots_response_rates_are_reproduced_and_marked(app, as_user):
    """Five factories, two cycles each, with the rates from the pilot report."""
    from datetime import date

    company = f.company("Pilot brand")
    eva = f.user(company=company)
    version = f.published(company, "Survey")
    pilot = {"Factory 1": (1000, 29, 32), "Factory 2": (1000, 5, 2),
             "Factory 3": (1000, 8, 16), "Factory 4": (1000, 3, 4),
             "Factory 5": (1000, 33, 28)}
    for name, (headcount, first, second) in pilot.items():
        site = f.site(f.supplier(company, name=f"{name} Ltd"), name=name, headcount=headcount)
        for rate, start in ((first, date(2026, 3, 1)), (second, date(2026, 5, 25))):
            cycle = f.cycle(company, site, version, starts_on=start,
                            ends_on=date.fromordinal(start.toordinal() + 13),
                            headcount=headcount)
            # Wages run out for most in factory 1: a priority there.
            wage = "yes" if name == "Factory 1" else "no"
            store(cycle, _respondents(rate * headcount // 100, "woman", wage, "yes"))
    db.session.commit()
    client = as_user(eva)
    table = client.get("/results/sites").get_data(as_text=True)
    for _name, (_h, _first, second) in pilot.items():
        assert f"{second}%" in table
    cycles = client.get("/cycles").get_data(as_text=True)
    for _name, (_h, first, second) in pilot.items():
        assert f"{first}%" in cycles and f"{second}%" in cycles
    factory1 = db.session.scalars(sa.select(SurveyCycle).order_by(SurveyCycle.id)).all()[1]
    page = client.get(f"/cycles/{factory1.id}/results").get_data(as_text=True)
    shown = f.shown(factory1, ("all", "WAGE_RUNS_OUT"), negative=320)  # all 320, blurred
    assert "Priorities" in page and f"Negative <strong>{f.pct(shown.negative_share)}" in page


def test_exports_are_aggregated_protected_and_defused(survey, as_user):
    eva, _lan, cycle = survey
    eva.company.name = "=HYPERLINK(evil)"
    cycle.site.name = "=cmd|' /C calc'!A0"
    db.session.commit()
    client = as_user(eva)
    csv_text = client.get(f"/cycles/{cycle.id}/results.csv").get_data().decode("utf-8-sig")
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("Supplier,Site,Cycle,Respondents,Response rate,Filter,Code,"
                               "Question,Theme")
    assert len(lines) == 1 + 2  # one row per question, never per respondent
    assert "All respondents,WAGE_RUNS_OUT,Question WAGE_RUNS_OUT?,Wages" in csv_text
    assert "'=cmd|" in lines[1]  # the site, defused
    # The export shows what the page shows: with a filter, that group's figures.
    women = client.get(f"/cycles/{cycle.id}/results.csv?group=gender:woman")
    assert "Gender: Women,WAGE_RUNS_OUT" in women.get_data().decode("utf-8-sig")
    assert "results.csv?group=gender:woman" in client.get(
        f"/cycles/{cycle.id}/results?group=gender:woman").get_data(as_text=True)
    sites_csv = client.get("/results/sites.csv").get_data().decode("utf-8-sig")
    assert "'=cmd|" in sites_csv and "\n=cmd" not in sites_csv
    xlsx = client.get(f"/cycles/{cycle.id}/results.xlsx")
    assert xlsx.data[:2] == b"PK"


def test_trends_say_the_month_with_its_year_and_dates_unambiguously(survey, as_user):
    eva, _lan, cycle = survey
    trends = as_user(eva).get(f"/sites/{cycle.site_id}/trends").get_data(as_text=True)
    assert ">Mar 2027</text>" in trends and "Mar 27" not in trends
    assert "Mar 1, 2027" in trends and "3/1/27" not in trends


def test_a_filtered_page_is_headed_with_its_group_and_lists_its_priorities(survey, as_user):
    from wsdialog.results.anonymity import blurred_sizes

    eva, _lan, cycle = survey
    client = as_user(eva)
    women = client.get(f"/cycles/{cycle.id}/results?group=gender:woman").get_data(as_text=True)
    sizes = blurred_sizes({"woman": 12, "man": 4, "other": 1}, cycle.figure_seed, "gender")
    assert f"Women: {sizes['woman']} of the 17 respondents" in women
    assert "17%" in women and "response rate" not in women  # the cycle's rate, said as such
    # The box lists what the bars tag, for this group.
    shown = f.shown(cycle, ("gender", "woman", "WAGE_RUNS_OUT"), 3, 0, 9)
    assert shown.negative_share > 0.5
    assert 'class="tag warn">Priority</span>' in women and "Priorities" in women
    assert "In this group, more than 50% of the answers were negative." in women
    men = client.get(f"/cycles/{cycle.id}/results?group=gender:man").get_data(as_text=True)
    assert "Men, of the 17 respondents: how many is not shown" in men
    assert "Priorities" not in men and "Priority</span>" not in men


def test_trends_poster_and_yearly_summary(survey, as_user):
    eva, _lan, cycle = survey
    cycle.languages = ["vi", "en"]
    db.session.commit()
    client = as_user(eva)
    trends = client.get(f"/sites/{cycle.site_id}/trends").get_data(as_text=True)
    assert '<svg class="trend"' in trends and "WAGE_RUNS_OUT" in trends
    poster = client.get(f"/cycles/{cycle.id}/poster").get_data(as_text=True)
    assert '<html lang="vi"' in poster and "tự nguyện và ẩn danh" in poster
    assert "17%" in poster
    # Every figure says which answer it counts: 9 of 17 said wages run out ("yes"),
    # everybody said the water is fine ("yes", the positive answer there); blurred.
    water = f.shown(cycle, ("all", "CLEAN_WATER"), positive=17)
    wage = wages(cycle)
    # Written as the poster's language writes a share, whoever prints it.
    if wage.negative_share > 0.5:  # a priority
        assert f"{f.pct(wage.negative_share, 'vi')} trả lời “Có”" in poster
    else:  # among the best: the share who said no
        assert f"{f.pct(wage.shares[0], 'vi')} trả lời “Không”" in poster
    assert f"{f.pct(water.shares[0], 'vi')} trả lời “Có”" in poster
    assert "1 thg 3, 2027" in poster  # dates in the workers' language too
    summary = client.get("/reports/due-diligence?year=2027").get_data(as_text=True)
    assert "1</strong> sites surveyed" in summary
    assert ("Wages" in summary) == (wage.negative_share > 0.5)  # priorities by theme


def test_the_results_say_who_answered_against_who_works_there(survey, as_user):
    eva, _lan, cycle = survey
    cycle.site.share_women_pct, cycle.site.share_migrant_pct = 60, 30
    db.session.commit()
    page = as_user(eva).get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    assert "Who answered" in page
    # 12 of 17 women, blurred like every figure (here a count of respondents).
    from wsdialog.results.anonymity import blurred_sizes

    sizes = blurred_sizes({"woman": 12, "man": 4, "other": 1}, cycle.figure_seed, "gender")
    women = sizes["woman"] / sum(sizes.values())
    assert f.pct(women) in page
    if women * 100 >= 60 * 0.75:
        assert "Heard about as often as they work there." in page
    assert "The respondents did not say." in page  # nobody gave a contract
    # Every answer came through the built-in survey, which offers no migrant contract.
    assert "Not asked: the survey did not ask about this" in page
    assert "Not heard" not in page
    # 17 of 100 answered: the reading asks to weigh carefully; this is the first year.
    assert "weigh the results carefully" in page and "healthy" not in page


def test_a_released_page_keeps_the_site_facts_it_was_read_against(survey, as_user):
    eva, lan, cycle = survey
    cycle.site.share_women_pct = 58
    db.session.commit()
    assert as_user(eva).post(f"/cycles/{cycle.id}/release").status_code == 303
    assert cycle.share_women_pct == 58
    cycle.site.share_women_pct = 60  # the supplier edits its site's facts afterwards
    db.session.commit()
    for user in (eva, lan):
        page = as_user(user).get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
        assert f"{f.pct(0.58, whole=True)}</td>" in page
        assert f"{f.pct(0.6, whole=True)}</td>" not in page


def test_a_lower_response_is_read_as_a_question_for_both_sides_not_for_the_supplier(
        survey, as_user):
    from datetime import date

    eva, _lan, cycle = survey
    before = f.cycle(cycle.company, cycle.site, cycle.version, starts_on=date(2026, 3, 1),
                     ends_on=date(2026, 3, 14))
    db.session.flush()
    store(before, _respondents(30, "woman", "no", "yes"))  # 30 of 100 then, 17 now
    db.session.commit()
    page = as_user(eva).get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    assert "Last time 30% answered." in page
    assert "think together with the supplier about how more workers can take part" in page
    assert "ask why" not in page and "trust may have dropped" not in page


def test_a_group_heard_far_more_than_it_works_there_is_said_so(survey, as_user):
    from wsdialog.results.anonymity import blurred_sizes

    eva, _lan, cycle = survey
    cycle.site.share_women_pct = 30  # 12 of 17 respondents are women
    db.session.commit()
    page = as_user(eva).get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    sizes = blurred_sizes({"woman": 12, "man": 4, "other": 1}, cycle.figure_seed, "gender")
    assert sizes["woman"] / sum(sizes.values()) > 0.3 / 0.75
    assert f"Heard more than others: over {f.pct(0.3 / 0.75)} of the respondents." in page
    assert "Heard about as often" not in page
    assert f"under {f.pct(0.75)} of its share at the site" in page  # the thresholds, named


def test_the_posters_qr_code_leads_to_the_next_survey_or_is_left_out(survey, as_user, app):
    from datetime import date

    eva, _lan, cycle = survey
    client = as_user(eva)
    assert "qr.svg" not in client.get(f"/cycles/{cycle.id}/poster").get_data(as_text=True)
    later = f.cycle(cycle.company, cycle.site, cycle.version, starts_on=date(2027, 9, 1),
                    ends_on=date(2027, 9, 14))
    db.session.commit()
    poster = client.get(f"/cycles/{cycle.id}/poster").get_data(as_text=True)
    assert f"/cycles/{later.id}/qr.svg" in poster
    app.config["FIXED_TODAY"] = "2027-10-01"  # that round has closed too
    assert "qr.svg" not in client.get(f"/cycles/{cycle.id}/poster").get_data(as_text=True)


def test_all_sites_and_the_yearly_summary_count_only_cycles_with_results(survey, as_user,
                                                                         app):
    from datetime import date

    eva, _lan, cycle = survey
    client = as_user(eva)
    # A newer round was planned and has even closed, but nobody answered it.
    empty = f.cycle(cycle.company, cycle.site, cycle.version, starts_on=date(2027, 3, 16),
                    ends_on=date(2027, 3, 30))
    db.session.commit()
    table = client.get("/results/sites").get_data(as_text=True)
    assert f"/cycles/{cycle.id}/results" in table and f"/cycles/{empty.id}/" not in table
    assert "<span>Question WAGE_RUNS_OUT?</span>" in table \
        and 'title="Question WAGE_RUNS_OUT? · ' in table
    summary = client.get("/reports/due-diligence?year=2027").get_data(as_text=True)
    assert "<strong>1</strong> survey cycles" in summary
    rows = client.get("/reports/due-diligence.csv?year=2027").get_data().decode("utf-8-sig")
    assert "Supplier,Site,Cycle,Respondents,Response rate,Priorities" in rows
    priorities = int(wages(cycle).negative_share > 0.5)  # the blurred 9 of 17
    assert f"Saigon Stitch,Thu Duc,2027-03-01/2027-03-14,17,0.17,{priorities}" in rows
    assert ("Wages,1," in rows) == bool(priorities)  # the priority, by theme


def test_home_pages_point_to_results_to_review_and_open_surveys(survey, as_user, app):
    eva, lan, cycle = survey
    supplier_client = as_user(lan)
    assert "Survey results to review" not in supplier_client.get("/").get_data(as_text=True)
    brand_home = as_user(eva).get("/").get_data(as_text=True)
    assert "Survey results to check and release" in brand_home
    # Priorities show once released (showing them before would make the cycle final).
    assert "Priorities per site" not in brand_home and cycle.figures_shown_on is None
    as_user(eva).post(f"/cycles/{cycle.id}/release")
    brand_home = as_user(eva).get("/").get_data(as_text=True)
    assert "to check and release" not in brand_home
    if wages(cycle).negative_share > 0.5:
        assert "Priorities per site" in brand_home and "Question WAGE_RUNS_OUT?" in brand_home
    assert "the supplier has not reviewed yet" in brand_home and "not opened yet" in brand_home
    home = supplier_client.get("/").get_data(as_text=True)
    assert "Survey results to review" in home and "Thu Duc" in home
    supplier_client.post(f"/cycles/{cycle.id}/reviewed")  # needs a visit first: 404
    supplier_client.get(f"/cycles/{cycle.id}/results")
    assert "opened on" in as_user(eva).get("/").get_data(as_text=True)
    supplier_client.post(f"/cycles/{cycle.id}/reviewed")
    assert "Survey results to review" not in supplier_client.get("/").get_data(as_text=True)
    assert "has not reviewed yet" not in as_user(eva).get("/").get_data(as_text=True)
    app.config["FIXED_TODAY"] = "2027-03-05"
    assert "Surveys open now" in as_user(eva).get("/").get_data(as_text=True)


@pytest.mark.parametrize("year", ["99999", "-5", "abc", "1999"])
def test_the_yearly_summary_survives_odd_years(survey, as_user, year):
    eva, _lan, _cycle = survey
    assert as_user(eva).get(f"/reports/due-diligence?year={year}").status_code == 200
