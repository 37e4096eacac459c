"""MSI questionnaire templates: the coordinator writes and publishes them, a
member adopts one as its own questionnaire, whose template questions keep their
codes, themes and negative answers; a newer template version is offered, and
the member's next version can start from it."""

from __future__ import annotations

import pytest

from wsdialog.extensions import db
from wsdialog.models import Role, StateError
from wsdialog.questionnaires.models import Question, Questionnaire, QuestionText

from .. import factories as f


@pytest.fixture
def msi(app):
    coordinator = f.user(Role.coordinator, name="Sanne")
    company = f.company("Noordwind")
    eva = f.user(company=company, admin=True, name="Eva")
    db.session.commit()
    return coordinator, company, eva


def _publish_template(client, template_id) -> None:
    version = db.session.get(Questionnaire, template_id).latest
    assert client.post(f"/msi/templates/versions/{version.id}/review/en",
                       data={"submit": "1"}).status_code == 303
    assert client.post(f"/msi/templates/versions/{version.id}/publish",
                       data={"submit": "1"}).status_code == 303


def test_the_coordinator_publishes_a_template_and_a_member_adopts_it(as_user, msi):
    coordinator, company, eva = msi
    sanne = as_user(coordinator)
    created = sanne.post("/msi/templates", data={"name": "MSI core questions", "start": "starter"})
    template = db.session.scalar(db.select(Questionnaire).filter_by(name="MSI core questions"))
    assert created.headers["Location"].endswith(f"/msi/templates/{template.id}")
    assert template.is_template and template.company_id is None
    # A draft template is no member's to start from.
    assert "MSI core questions" not in as_user(eva).get("/questionnaires").get_data(as_text=True)
    publish = f"/msi/templates/versions/{template.latest.id}/publish"
    refused = sanne.post(publish, data={"submit": "1"}, follow_redirects=True)
    assert "Workers only see texts a person has reviewed" in refused.get_data(as_text=True)
    _publish_template(sanne, template.id)
    db.session.expire_all()
    version = template.latest
    assert version.is_published and version.languages == ["en"]
    assert "used by 0 members" in sanne.get("/msi/templates").get_data(as_text=True)

    client = as_user(eva)
    page = client.get("/questionnaires").get_data(as_text=True)
    assert f'value="template:{version.id}"' in page
    client.post("/questionnaires", data={"name": "Worker survey 2027",
                                         "start": f"template:{version.id}"})
    own = db.session.scalar(db.select(Questionnaire).filter_by(name="Worker survey 2027"))
    assert own.company_id == company.id and own.latest.template_version_id == version.id
    assert own.latest.codes == version.codes and not own.latest.is_published
    page = client.get(f"/questionnaires/{own.id}").get_data(as_text=True)
    assert "From the MSI template" in page and "MSI template</span>" in page
    assert "used by 1 member" in sanne.get("/msi/templates").get_data(as_text=True)
    # Each keeps to its own: the member never reaches the template, nor the
    # coordinator the member's questionnaire.
    assert client.get(f"/msi/templates/{template.id}").status_code == 404
    assert client.get(f"/questionnaires/{template.id}").status_code == 404
    assert client.get(f"/questionnaires/versions/{version.id}").status_code == 404
    assert sanne.get(f"/questionnaires/{own.id}").status_code == 404
    assert sanne.get(f"/msi/templates/{own.id}").status_code == 404


def test_a_template_question_keeps_its_code_theme_and_negative_answer(as_user, msi):
    _coordinator, company, eva = msi
    template = f.template("MSI core", ("WAGE_RUNS_OUT", "CLEAN_WATER"))
    draft = Questionnaire.adopt(template, company, "Ours").latest
    db.session.add(draft.questionnaire)
    db.session.commit()
    wage = draft.questions[0]
    client = as_user(eva)
    url = f"/questions/{wage.id}/edit"
    assert "comes from the MSI template" in client.get(url).get_data(as_text=True)
    fields = {"code": "WAGE_RUNS_OUT", "theme": "wages", "negative": "yes",
              "text_en": "Does your wage run out before the month ends?"}
    renamed = client.post(url, data={**fields, "code": "WAGE_SHORT"})
    assert renamed.status_code == 200
    assert "its code stays WAGE_RUNS_OUT" in renamed.get_data(as_text=True)
    turned = client.post(url, data={**fields, "negative": "no"})
    assert "with its own theme and negative answer" in turned.get_data(as_text=True)
    assert client.post(url, data=fields).status_code == 303  # the wording is the member's
    db.session.expire_all()
    assert wage.text("en") == "Does your wage run out before the month ends?"
    # Its own questions are free; a template code keeps the template's meaning.
    new = f"/questionnaires/versions/{draft.id}/questions/new"
    assert client.post(new, data={"code": "CANTEEN", "theme": "facilities", "negative": "no",
                                  "text_en": "Is the canteen food good?"}).status_code == 303
    # And the model refuses it, whatever the page.
    with pytest.raises(StateError, match="template_code"):
        wage.change("WAGE_SHORT", "wages", "yes", "", {}, eva)
    with pytest.raises(StateError, match="template_question"):
        draft.questions[-1].change("CLEAN_WATER", "facilities", "yes", "", {}, eva)
    db.session.rollback()


def test_a_newer_template_version_is_offered_and_the_next_version_starts_from_it(as_user, msi):
    coordinator, company, eva = msi
    v1 = f.template("MSI core", ("WAGE_RUNS_OUT", "CLEAN_WATER"))
    ours = f.adopted(company, v1, "Ours", publish=False)
    ours.questions[0].texts.append(QuestionText(locale="vi", text="Lương có đủ không?"))
    ours.add_question(Question(code="CANTEEN", theme="facilities", negative="no",
                               texts=[QuestionText(locale="en", text="Good canteen?")]))
    ours.published_at = v1.published_at
    questionnaire = ours.questionnaire
    db.session.commit()
    client = as_user(eva)
    page = client.get(f"/questionnaires/{questionnaire.id}").get_data(as_text=True)
    assert "A newer template version is available" not in page
    # The MSI publishes version 2: wages reworded, a question about fees added.
    v2 = v1.questionnaire.start_next_version()
    v2.questions[0].texts[0].text = "Does your wage last the month?"
    v2.add_question(Question(code="RECRUITMENT_FEE", theme="recruitment", negative="yes",
                             texts=[QuestionText(locale="en", text="Did you pay a fee?")]))
    v2.mark_reviewed("en", coordinator)
    db.session.flush()
    v2.publish()
    db.session.commit()
    page = client.get(f"/questionnaires/{questionnaire.id}").get_data(as_text=True)
    assert "A newer template version is available: version 2" in page
    assert "a newer template version is available" in client.get("/questionnaires").get_data(
        as_text=True)
    started = client.post(f"/questionnaires/{questionnaire.id}/new-version-from-template",
                          data={"submit": "1"})
    assert started.status_code == 303
    db.session.expire_all()
    draft = questionnaire.latest
    assert draft.number == 2 and draft.template_version_id == v2.id
    assert draft.codes == ["WAGE_RUNS_OUT", "CLEAN_WATER", "RECRUITMENT_FEE", "CANTEEN"]
    wage = draft.questions[0]
    assert wage.text("en") == "Does your wage last the month?"  # the template's
    assert wage.text("vi") == "Lương có đủ không?"  # ours, in a language it lacks
    # No newer one now, and none while the latest is a draft.
    assert questionnaire.template_update is None
    assert client.post(f"/questionnaires/{questionnaire.id}/new-version-from-template",
                       data={"submit": "1"}).status_code == 404
    with pytest.raises(StateError, match="draft"):
        questionnaire.start_next_version(v2)
