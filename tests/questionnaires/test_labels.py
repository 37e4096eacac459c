"""Short labels: a question is named by a few words in headers and selectors, in
the reader's language, with the full text in the tooltip; brand staff edit them
with the question, and a new version keeps them."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from wsdialog.extensions import db
from wsdialog.questionnaires.models import Question, QuestionnaireVersion, shorten

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-04-20"}


@pytest.fixture
def eva(app):
    eva = f.user(company=f.company("Noordwind"), name="Eva", admin=True)
    db.session.commit()
    return eva


def test_a_text_without_a_label_is_cut_at_a_word():
    assert shorten("Short one?") == "Short one?"
    cut = shorten("In the last three months, were you or someone you work with injured at work?")
    assert cut == "In the last three months, were you or…" and len(cut) <= 40


def test_the_starter_brings_labels_that_staff_edit_and_a_new_version_keeps(eva, as_user):
    client = as_user(eva)
    client.post("/questionnaires", data={"name": "Worker survey 2027", "start": "starter"})
    version = db.session.scalar(sa.select(QuestionnaireVersion))
    question = next(q for q in version.questions if q.code == "WAGE_ON_TIME")
    assert (question.label("en"), question.label("vi")) == ("Paid on time", "Trả lương đúng hạn")
    form = client.get(f"/questions/{question.id}/edit").get_data(as_text=True)
    assert 'name="label_nl"' in form and 'value="Op tijd betaald"' in form
    too_long = client.post(f"/questions/{question.id}/edit", data={
        "code": "WAGE_ON_TIME", "theme": "wages", "negative": "no",
        "text_en": question.text("en"), "label_en": "x" * 41})
    assert too_long.status_code == 200 and question.label("en") == "Paid on time"
    saved = client.post(f"/questions/{question.id}/edit", data={
        "code": "WAGE_ON_TIME", "theme": "wages", "negative": "no",
        "text_en": question.text("en"), "label_en": "Wages paid on time", "label_nl": ""})
    assert saved.status_code == 303
    db.session.expire_all()
    question = db.session.get(Question, question.id)
    # Dutch left empty: the English label stands in, never the code.
    assert question.labels == {"en": "Wages paid on time"}
    assert question.label("nl") == "Wages paid on time"
    for lang in ("en", "vi", "nl", "zh_Hans"):
        client.post(f"/questionnaires/versions/{version.id}/review/{lang}")
    client.post(f"/questionnaires/versions/{version.id}/publish")
    client.post(f"/questionnaires/{version.questionnaire_id}/new-version")
    newer = db.session.scalars(sa.select(QuestionnaireVersion).order_by(
        QuestionnaireVersion.number.desc())).first()
    assert newer.number == 2
    assert newer.label_of("WAGE_ON_TIME", "en") == "Wages paid on time"


def test_the_all_sites_table_heads_with_labels_and_the_full_text_in_the_tooltip(eva, as_user):
    version = f.published(eva.company, "Survey", codes=("WAGE_RUNS_OUT", "INJURY"))
    version.questions[0].labels = {"en": "Salary lasts the month"}
    site = f.site(f.supplier(eva.company), name="Thu Duc", headcount=40)
    cycle = f.cycle(eva.company, site, version, starts_on=date(2027, 3, 1),
                    ends_on=date(2027, 3, 14), headcount=40)
    db.session.commit()
    client = as_user(eva)
    rows = "date,WAGE_RUNS_OUT,INJURY\n" + "2027-03-02,yes,no\n" * 8
    f.import_results(client, cycle, rows.encode())
    client.post(f"/cycles/{cycle.id}/release", data={})
    page = client.get("/results/sites").get_data(as_text=True)
    assert '<span>Salary lasts the month</span>' in page
    assert 'title="Question WAGE_RUNS_OUT? · Wages"' in page
    assert "<span>Question INJURY?</span>" in page  # no label: its (short) text
