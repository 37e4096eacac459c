"""Reviewers from outside the company: brand staff invite a worker representative,
the provider or a translator to check the survey texts in their languages; they
log in, see those texts and nothing else, correct them and mark them reviewed,
and the questionnaire then names them beside each text."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from wsdialog.extensions import db
from wsdialog.models import Role, User
from wsdialog.questionnaires.models import QuestionnaireVersion

from .. import factories as f


@pytest.fixture
def story(app):
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva", admin=True)
    supplier = f.supplier(company, name="Saigon Stitch")
    site = f.site(supplier, name="Thu Duc")
    _q, draft = f.questionnaire(company, "Worker survey 2027", locales=("en", "vi"))
    published = f.published(company, "Old survey", locales=("en", "vi"))
    other = f.company("Zuidwind")
    _q2, other_draft = f.questionnaire(other, "Zuidwind survey", locales=("en", "vi"))
    db.session.commit()
    return eva, site, draft, published, other_draft


def _accept(app, body: str) -> object:
    link = re.search(r'id="invitation-link"[^>]*value="https?://[^/"]+(/invite/[^"]+)"',
                     body).group(1)
    guest = app.test_client()
    done = guest.post(link, data={"name": "Mai Tran", "password": "a long password",
                                  "confirm": "a long password"})
    assert done.status_code == 303
    return guest


def test_a_reviewer_is_invited_checks_the_texts_in_her_language_and_is_named(
        app, as_user, story):
    eva, _site, draft, _published, _other = story
    brand = as_user(eva)
    bad = brand.post("/questionnaires/reviewers/new", data={
        "name": "Mai", "email": "mai@committee.example", "locale": "vi", "affiliation": ""})
    assert bad.status_code == 200 and "Please fill in this field" in bad.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(User.id)).where(
        User.role == Role.reviewer)) == 0
    sent = brand.post("/questionnaires/reviewers/new", data={
        "name": "Mai", "email": "mai@committee.example", "locale": "en",
        "affiliation": "Worker committee, Thu Duc", "review_languages": ["vi"]})
    body = sent.get_data(as_text=True)
    assert "Invitation ready to pass on" in body
    assert "review the texts of its worker survey in Vietnamese" in body
    mai = _accept(app, body)
    reviewer = db.session.scalar(sa.select(User).where(User.email == "mai@committee.example"))
    assert reviewer.role is Role.reviewer and reviewer.company_id == eva.company_id
    assert reviewer.review_languages == ["vi"]

    home = mai.get("/", follow_redirects=True).get_data(as_text=True)
    assert "Worker survey 2027" in home and "Old survey" not in home  # drafts only
    assert "Zuidwind" not in home
    page = mai.get(f"/reviews/versions/{draft.id}/vi")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Question WAGE_RUNS_OUT?" in text and "Question WAGE_RUNS_OUT? (vi)" in text
    first, second = draft.questions
    saved = mai.post(f"/reviews/versions/{draft.id}/vi", data={
        f"text-{first.id}": "Lương của bạn có hết trước cuối tháng không?",
        f"text-{second.id}": second.text("vi")})
    assert saved.status_code == 303
    db.session.expire_all()
    corrected = next(t for t in first.texts if t.locale == "vi")
    assert corrected.text == "Lương của bạn có hết trước cuối tháng không?"
    assert corrected.reviewed_by_id == reviewer.id
    assert not next(t for t in second.texts if t.locale == "vi").reviewed  # unchanged
    assert mai.post(f"/reviews/versions/{draft.id}/vi/done").status_code == 303
    db.session.expire_all()
    assert db.session.get(QuestionnaireVersion, draft.id).reviewed_languages() == ["vi"]
    shown = brand.get(f"/questionnaires/{draft.questionnaire_id}").get_data(as_text=True)
    assert "reviewed by Mai Tran (Worker committee, Thu Duc)" in shown


def test_a_reviewer_sees_nothing_but_the_texts_to_review(app, as_user, story):
    eva, site, draft, published, other_draft = story
    reviewer = f.user(Role.reviewer, company=eva.company, name="Mai",
                      review_languages=["vi"])
    db.session.commit()
    mai = as_user(reviewer)
    for path in ("/suppliers", "/sites", f"/sites/{site.id}", "/surveys",
                 f"/questionnaires/{draft.questionnaire_id}", "/dialogues", "/team",
                 "/results/sites", f"/reviews/versions/{draft.id}/zh_Hans",
                 f"/reviews/versions/{published.id}/vi",
                 f"/reviews/versions/{other_draft.id}/vi"):
        assert mai.get(path).status_code == 404, path
    assert mai.post(f"/reviews/versions/{other_draft.id}/vi/done").status_code == 404
    assert mai.post(f"/reviews/versions/{draft.id}/zh_Hans/done").status_code == 404
    assert not any(t.reviewed for q in other_draft.questions for t in q.texts
                   if t.locale == "vi")
    nav = mai.get("/reviews").get_data(as_text=True)
    assert "Texts to review" in nav and "Suppliers" not in nav
