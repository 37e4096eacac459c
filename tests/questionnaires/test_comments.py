"""Suppliers and workers get a say in the questions: a brand opens a draft to its
suppliers for comments and records what a worker representative or union said;
the comments show beside each question, also after publishing."""

from __future__ import annotations

import sqlalchemy as sa

from wsdialog.extensions import db
from wsdialog.models import SupplierRelationship
from wsdialog.questionnaires.models import DraftShare, QuestionComment

from .. import factories as f


def _share(client, version, *suppliers):
    return client.post(f"/questionnaires/versions/{version.id}/sharing",
                       data={"suppliers": [s.id for s in suppliers]})


def test_a_supplier_comments_on_a_draft_opened_to_it_and_the_brand_reads_it(world, as_user):
    brand, supplier = as_user(world.a_staff), as_user(world.shared_user)
    assert "Alpha survey" not in supplier.get("/questionnaires/shared").get_data(as_text=True)
    assert _share(brand, world.draft_a, world.sa, world.shared).status_code == 303
    listing = supplier.get("/questionnaires/shared").get_data(as_text=True)
    assert "Alpha survey" in listing and "open for comments" in listing
    assert "SECRET-B" not in listing
    share = db.session.scalar(sa.select(DraftShare).filter_by(supplier_id=world.shared.id))
    page = supplier.get(f"/questionnaires/shared/{share.id}").get_data(as_text=True)
    assert "Question WAGE_RUNS_OUT?" in page
    # Neither another supplier's comment nor what a union said reaches a supplier.
    assert "supplier comment" not in page and "union comment" not in page
    sent = supplier.post(f"/questionnaires/shared/{share.id}/comments", data={
        "about": "CLEAN_WATER", "text": "Workers here say 'tap water' for this."})
    assert sent.status_code == 303
    comment = db.session.scalar(sa.select(QuestionComment).filter_by(
        supplier_id=world.shared.id))
    assert (comment.question_code, comment.source, comment.author_id) == (
        "CLEAN_WATER", "supplier", world.shared_user.id)
    page = brand.get(f"/questionnaires/{world.questionnaire_a.id}").get_data(as_text=True)
    beside = page[page.index('id="q-CLEAN_WATER"'):]
    assert "Workers here say &#39;tap water&#39; for this." in beside
    assert "Shared Supplier (Shira Shared)" in beside
    assert "alpha union comment" not in page  # a's own union comment reads "union comment"
    assert "Comments on the questionnaire as a whole" in page and "union comment" in page


def test_an_empty_comment_or_one_on_no_question_is_refused(world, as_user):
    supplier = as_user(world.sa_user)
    before = db.session.scalar(sa.select(sa.func.count(QuestionComment.id)))
    for data, message in (({"about": "CLEAN_WATER", "text": "  "}, "Please fill in this field."),
                          ({"about": "NOPE", "text": "x"}, "Please choose one of the options.")):
        page = supplier.post(f"/questionnaires/shared/{world.share_a.id}/comments", data=data)
        assert page.status_code == 200 and message in page.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(QuestionComment.id))) == before


def test_a_draft_is_seen_only_by_the_suppliers_it_is_opened_to(world, as_user):
    other = as_user(world.sb_user)
    assert other.get(f"/questionnaires/shared/{world.share_a.id}").status_code == 404
    assert other.post(f"/questionnaires/shared/{world.share_a.id}/comments",
                      data={"about": "*", "text": "x"}).status_code == 404
    assert "Alpha survey" not in other.get("/questionnaires/shared").get_data(as_text=True)
    # A supplier the brand no longer works with loses sight of the draft.
    db.session.execute(sa.delete(SupplierRelationship).where(
        SupplierRelationship.supplier_id == world.sa.id))
    db.session.commit()
    assert as_user(world.sa_user).get(
        f"/questionnaires/shared/{world.share_a.id}").status_code == 404


def test_a_brand_cannot_open_its_draft_to_another_brands_supplier(world, as_user):
    brand = as_user(world.a_staff)
    page = _share(brand, world.draft_a, world.sb)
    assert page.status_code == 200
    assert "Please choose one of the options." in page.get_data(as_text=True)
    assert db.session.scalar(sa.select(DraftShare).filter_by(supplier_id=world.sb.id,
                                                             version_id=world.draft_a.id)) \
        is None
    # Leaving a supplier out closes the draft to it; its comments stay with the brand.
    share_id = world.share_a.id
    assert _share(brand, world.draft_a).status_code == 303
    assert as_user(world.sa_user).get(f"/questionnaires/shared/{share_id}").status_code == 404
    page = brand.get(f"/questionnaires/versions/{world.draft_a.id}").get_data(as_text=True)
    assert "supplier comment" in page


def test_brand_staff_record_what_a_consulted_union_said(world, as_user):
    brand = as_user(world.a_staff)
    url = f"/questionnaires/versions/{world.draft_a.id}/comments"
    refused = brand.post(url, data={"source": "union", "consulted": "", "about": "CLEAN_WATER",
                                    "text": "Ask about the dormitory too."})
    assert "Please fill in this field." in refused.get_data(as_text=True)
    assert brand.post(url, data={"source": "worker_rep", "consulted": "Works council, line 3",
                                 "about": "CLEAN_WATER", "text": "Ask about the dormitory too."}
                      ).status_code == 303
    page = brand.get(f"/questionnaires/{world.questionnaire_a.id}").get_data(as_text=True)
    beside = page[page.index('id="q-CLEAN_WATER"'):]
    assert "Worker representative: Works council, line 3" in beside
    assert "recorded by Arne Staff" in beside
    # Brand staff cannot pass a comment off as a supplier's.
    brand.post(url, data={"source": "supplier", "consulted": "x", "about": "*", "text": "y"})
    assert db.session.scalar(sa.select(QuestionComment).filter_by(text="y")) is None


def test_comments_close_on_publishing_and_stay_in_the_versions_history(world, as_user):
    brand, supplier = as_user(world.a_admin), as_user(world.sa_user)
    brand.post(f"/questionnaires/versions/{world.draft_a.id}/review/en")
    brand.post(f"/questionnaires/versions/{world.draft_a.id}/publish")
    assert world.draft_a.is_published
    closed = supplier.post(f"/questionnaires/shared/{world.share_a.id}/comments",
                           data={"about": "*", "text": "late"}, follow_redirects=True)
    assert "comments on it are closed" in closed.get_data(as_text=True)
    assert "supplier comment" in closed.get_data(as_text=True)  # its own, still visible
    assert brand.post(f"/questionnaires/versions/{world.draft_a.id}/comments", data={
        "source": "union", "consulted": "u", "about": "*", "text": "late"}).status_code == 404
    brand.post(f"/questionnaires/{world.questionnaire_a.id}/new-version")
    latest = brand.get(f"/questionnaires/{world.questionnaire_a.id}").get_data(as_text=True)
    assert "supplier comment" not in latest and "Version 1" in latest
    history = brand.get(f"/questionnaires/versions/{world.draft_a.id}").get_data(as_text=True)
    assert "supplier comment" in history and "union comment" in history
    assert "Make a new version" not in history


def test_the_company_asks_for_a_standard_behind_each_question(world, as_user):
    brand = as_user(world.a_staff)
    url = f"/questionnaires/{world.questionnaire_a.id}"
    assert "cites no standard" not in brand.get(url).get_data(as_text=True)
    brand.post(f"{url}/standards", data={"cite_standards": "y"})
    page = brand.get(url).get_data(as_text=True)
    assert page.count("cites no standard") == 2  # the factory's questions cite none
    brand.post(f"{url}/standards", data={})
    assert "cites no standard" not in brand.get(url).get_data(as_text=True)


def test_a_new_questionnaire_can_ask_for_standards_from_the_start(app, as_user):
    eva = f.user(company=f.company("Noordwind"), name="Eva")
    db.session.commit()
    client = as_user(eva)
    response = client.post("/questionnaires", data={"name": "Blank", "start": "blank",
                                                     "cite_standards": "y"})
    assert response.status_code == 303
    starter = client.post("/questionnaires", data={"name": "Starter", "start": "starter",
                                                   "cite_standards": "y"})
    page = client.get(starter.headers["Location"]).get_data(as_text=True)
    assert "Advice on the questions" not in page  # the starter cites a standard everywhere
