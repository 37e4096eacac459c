"""Every form that shows what is stored can be saved unchanged without changing
anything: no enum turned into its text, no "not known" over a "yes", no empty
field over a value, no change logged. Walked on the demo story, as each user
who may edit the page, submitting what the browser would send."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from wsdialog import demo
from wsdialog.chooser.models import Assessment
from wsdialog.chooser.questions import STEPS
from wsdialog.dialogues.models import Action, Dialogue, DialogueStatus
from wsdialog.extensions import db
from wsdialog.models import SupplierRelationship, User
from wsdialog.onboarding.models import Milestone
from wsdialog.questionnaires.models import Question, Questionnaire

from .formdata import form_posting_to

# Columns that record when something was looked at, not what was entered.
SEEN = {("results_access", "first_opened_at"),
        ("survey_cycle", "figures_shown_on")}


#: Respondent-level rows no form can reach: counted, not compared row by row.
COUNTED = {"response", "response_answer"}


def snapshot() -> dict[str, list[tuple]]:
    tables = {}
    for table in db.metadata.sorted_tables:
        if table.name in COUNTED:
            tables[table.name] = [repr(db.session.scalar(
                db.select(db.func.count()).select_from(table)))]
            continue
        columns = [c for c in table.columns if (table.name, c.name) not in SEEN]
        rows = db.session.execute(db.select(*columns)).all()
        tables[table.name] = sorted(repr(tuple(row)) for row in rows)
    return tables


def _pages() -> list[tuple]:
    """(e-mail of the user who edits, path of the edit page, and the form's action
    when it posts elsewhere) on the demo story."""
    eva, lan = "eva@noordwind.example", "lan@saigonstitch.example"
    user = {u.email: u for u in db.session.scalars(db.select(User))}
    sanne = "coordinator@msi.example"
    pages = [(eva, "/account"), (lan, "/account"), (eva, "/settings/results"),
             (eva, "/msi/settings"), (eva, "/settings/dialogues"), (eva, "/onboarding/weights"),
             (eva, "/onboarding/templates")]
    for relation in db.session.scalars(db.select(SupplierRelationship).filter_by(
            company=user[eva].company)):
        pages.append((eva, f"/suppliers/{relation.supplier_id}/edit"))
        # Whether the other members there may see the company: a form on its page.
        pages.append((eva, f"/suppliers/{relation.supplier_id}",
                      f"/suppliers/{relation.supplier_id}/members"))
        for site in relation.supplier.sites:
            pages.append((eva, f"/onboarding/sites/{site.id}/criteria"))
            # Facts are kept by the supplier once it has a login.
            keeper = lan if site.supplier_id == user[lan].supplier_id else eva
            if keeper == lan or not site.supplier.users:
                pages.append((keeper, f"/sites/{site.id}/edit"))
    for milestone in db.session.scalars(db.select(Milestone).filter_by(done=False)):
        pages.append((eva, f"/onboarding/milestones/{milestone.id}/revise"))
    for question in db.session.scalars(db.select(Question)):
        if question.version.published_at is None:
            # A member's own draft; the MSI's template drafts are the coordinator's.
            pages.append((sanne, f"/msi/templates/questions/{question.id}/edit")
                         if question.version.questionnaire.is_template
                         else (eva, f"/questions/{question.id}/edit"))
    # A finished assessment's steps (in one still open, the last step finishes it).
    for assessment in db.session.scalars(db.select(Assessment).where(
            Assessment.completed_at.is_not(None)).order_by(Assessment.id).limit(3)):
        pages += [(eva, f"/assessments/{assessment.id}/steps/{step.code}") for step in STEPS]
    for dialogue in db.session.scalars(db.select(Dialogue).filter_by(
            company=user[eva].company)):
        if dialogue.status is DialogueStatus.planned:
            pages.append((eva, f"/dialogues/{dialogue.id}/prepare"))
        if dialogue.status is DialogueStatus.held:
            pages.append((eva, f"/dialogues/{dialogue.id}/record"))
    for action in db.session.scalars(db.select(Action)):
        if action.dialogue.site.supplier_id == user[lan].supplier_id:
            pages.append((lan, f"/actions/{action.id}"))
    return pages


@pytest.fixture
def story(app, as_user):
    demo.load()
    users = {u.email: u for u in db.session.scalars(db.select(User))}
    # A draft version, so that its questions can be edited.
    for questionnaire in db.session.scalars(db.select(Questionnaire)):
        if questionnaire.is_template:
            as_user(users["coordinator@msi.example"]).post(
                f"/msi/templates/{questionnaire.id}/new-version", data={"confirm": "1"})
        else:
            as_user(users["eva@noordwind.example"]).post(
                f"/questionnaires/{questionnaire.id}/new-version", data={"confirm": "1"})
    return users


@pytest.mark.slow
def test_every_edit_form_saved_unchanged_changes_nothing(story, as_user):
    pages = _pages()
    kinds = {entry[1].split("/")[1] for entry in pages}
    assert kinds >= {"account", "settings", "onboarding", "suppliers", "sites",
                     "questions", "assessments", "dialogues", "actions", "msi"}
    failures = []
    for email, path, *posts_to in pages:
        client = as_user(story[email])
        page = client.get(path)
        assert page.status_code == 200, path
        form = form_posting_to(page.get_data(as_text=True), posts_to[0] if posts_to else path)
        before = snapshot()
        response = client.post(form["action"], data=MultiDict(form["fields"]))
        after = snapshot()
        changed = {name: (sorted(set(before[name]) - set(after[name])),
                          sorted(set(after[name]) - set(before[name])))
                   for name in before if before[name] != after[name]}
        if response.status_code >= 400 or changed:
            failures.append((email, path, response.status_code, changed))
    for failure in failures:
        print(failure)
    assert failures == []

