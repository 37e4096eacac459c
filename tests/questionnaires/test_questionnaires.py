"""Questionnaires as brand staff meet them: the starter, the linter, versions."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from wsdialog.extensions import db
from wsdialog.questionnaires.models import Questionnaire, QuestionnaireVersion

from .. import factories as f


@pytest.fixture
def eva(app):
    eva = f.user(company=f.company("Noordwind"), name="Eva")
    db.session.commit()
    return eva


def test_a_questionnaire_from_the_starter_is_linted_published_and_versioned(eva, as_user):
    client = as_user(eva)
    response = client.post("/questionnaires", data={"name": "Worker survey 2027",
                                                     "start": "starter"})
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "WAGE_RUNS_OUT" in page and "Does your salary run out" in page
    assert "needs review" in page and "Advice on the questions" not in page
    version = db.session.scalar(sa.select(QuestionnaireVersion))
    from wsdialog.questionnaires.starter import STARTER

    assert len(version.questions) == len(STARTER) == 20
    # A question asking two things gets advice while editing.
    client.post(f"/questionnaires/versions/{version.id}/questions/new", data={
        "code": "SUPERVISOR_NICE", "theme": "supervisor", "negative": "no",
        "text_en": "Is your supervisor reliable and friendly?"})
    page = client.get(f"/questionnaires/{version.questionnaire_id}").get_data(as_text=True)
    assert "may ask two things at once" in page
    assert "The text in vi is missing." in page
    bad = client.post(f"/questionnaires/versions/{version.id}/questions/new", data={
        "code": "wage runs out", "theme": "wages", "negative": "yes", "text_en": "x"})
    assert "Use capitals, digits and underscores" in bad.get_data(as_text=True)
    # Nobody has reviewed the starter's texts yet: nothing can go to workers.
    refused = client.post(f"/questionnaires/versions/{version.id}/publish",
                          follow_redirects=True).get_data(as_text=True)
    assert "Workers only see texts a person has reviewed" in refused
    assert version.published_at is None
    client.post(f"/questionnaires/versions/{version.id}/review/en")
    client.post(f"/questionnaires/versions/{version.id}/review/vi")
    published = client.post(f"/questionnaires/versions/{version.id}/publish",
                            follow_redirects=True).get_data(as_text=True)
    # Vietnamese lacks the new question's text: only English goes to workers.
    assert "can be used in cycles, in: English." in published
    assert version.languages == ["en"]
    assert "reviewed by Eva" in published
    question = version.questions[0]
    assert client.get(f"/questions/{question.id}/edit").status_code == 404  # immutable
    client.post(f"/questionnaires/{version.questionnaire_id}/new-version")
    questionnaire = db.session.get(Questionnaire, version.questionnaire_id)
    assert [v.number for v in questionnaire.versions] == [1, 2]
    assert questionnaire.latest.codes == questionnaire.versions[0].codes

