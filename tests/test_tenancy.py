"""Nobody reaches another tenant's objects, on any route, in any role.

ROUTES lists every endpoint with how to point it at company B's objects. The
first test fails when a route is added without an entry here, so new routes
cannot slip past this matrix.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from wsdialog.chooser.models import Assessment
from wsdialog.extensions import db
from wsdialog.models import (
    ContactPerson,
    Invitation,
    LoginSession,
    Site,
    SiteLinkRequest,
    Supplier,
    User,
)
from wsdialog.onboarding.models import Engagement, Milestone
from wsdialog.questionnaires.models import (
    DraftShare,
    Question,
    QuestionComment,
    Questionnaire,
    QuestionnaireVersion,
)
from wsdialog.surveys.models import (
    CycleOwner,
    ImportBatch,
    PendingImport,
    Response,
    SurveyCycle,
)

ROLES = ["coordinator", "a_admin", "a_staff", "sa_user", "a_reviewer", "a_provider", "anonymous"]

#: endpoint -> (methods, {url argument: attribute of the world holding B's object})
#: An empty mapping means the route holds no object id: it is checked for leaks.
ROUTES: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "main.home": (("GET",), {}),
    "main.set_language": (("POST",), {}),
    "main.health": (("GET",), {}),
    "auth.login": (("GET", "POST"), {}),
    "auth.logout": (("POST",), {}),
    "auth.accept_invitation": (("GET", "POST"), {"token": "forged_token"}),
    "auth.account": (("GET", "POST"), {}),
    "auth.change_password": (("POST",), {}),
    "auth.end_session": (("POST",), {"session_id": "login_b"}),
    "auth.end_other_sessions": (("POST",), {}),
    "coordinator.company_list": (("GET",), {}),
    "coordinator.company_new": (("GET", "POST"), {}),
    "coordinator.company_detail": (("GET",), {"company_id": "b"}),
    "coordinator.company_invite": (("GET", "POST"), {"company_id": "b"}),
    "coordinator.user_list": (("GET",), {}),
    "coordinator.user_deactivate": (("POST",), {"user_id": "b_staff"}),
    "coordinator.user_reactivate": (("POST",), {"user_id": "b_staff"}),
    "team.team": (("GET",), {}),
    "team.invite": (("GET", "POST"), {}),
    "team.deactivate": (("POST",), {"user_id": "b_staff"}),
    "team.reactivate": (("POST",), {"user_id": "b_staff"}),
    "team.revoke_invitation": (("POST",), {"invitation_id": "inv_b"}),
    "team.resend_invitation": (("POST",), {"invitation_id": "inv_b"}),
    "team.people": (("GET",), {}),
    "team.people_invite": (("GET", "POST"), {}),
    "suppliers.supplier_list": (("GET",), {}),
    "suppliers.supplier_new": (("GET", "POST"), {}),
    "suppliers.supplier_connect": (("POST",), {}),
    "suppliers.supplier_detail": (("GET",), {"supplier_id": "sb"}),
    "suppliers.supplier_edit": (("GET", "POST"), {"supplier_id": "sb"}),
    "suppliers.contact_add": (("POST",), {"supplier_id": "sb"}),
    "suppliers.contact_delete": (("POST",), {"contact_id": "contact_b_shared"}),
    "suppliers.supplier_invite": (("GET", "POST"), {"supplier_id": "sb"}),
    "suppliers.site_list": (("GET",), {}),
    "suppliers.site_new": (("GET", "POST"), {"supplier_id": "sb"}),
    "suppliers.site_detail": (("GET",), {"site_id": "site_b"}),
    "grievances.site_grievances": (("GET", "POST"), {"site_id": "site_b"}),
    # B's figures at the factory both companies share: A reaches the site, not them.
    "grievances.summary_edit": (("GET", "POST"), {"summary_id": "grievance_b_shared"}),
    "grievances.summary_delete": (("POST",), {"summary_id": "grievance_b_shared"}),
    "grievances.site_import": (("POST",), {"site_id": "site_b"}),
    "grievances.template_csv": (("GET",), {"site_id": "site_b"}),
    "grievances.template_xlsx": (("GET",), {"site_id": "site_b"}),
    "grievances.site_check": (("GET", "POST"), {"site_id": "site_b"}),
    "suppliers.site_edit": (("GET", "POST"), {"site_id": "site_b"}),
    "suppliers.timezone_options": (("GET",), {}),
    "suppliers.site_link_ask": (("POST",), {"site_id": "site_b"}),
    "suppliers.link_requests": (("GET",), {}),
    "suppliers.link_confirm": (("POST",), {"link_id": "link_b"}),
    "suppliers.link_decline": (("POST",), {"link_id": "link_b"}),
    "suppliers.link_withdraw": (("POST",), {"link_id": "link_b"}),
    "chooser.assessment_list": (("GET",), {}),
    "chooser.assessment_new": (("GET", "POST"), {}),
    "chooser.step": (("GET", "POST"), {"assessment_id": "assessment_b",
                                       "step_code": "=representation"}),
    "chooser.result": (("GET",), {"assessment_id": "assessment_b"}),
    "chooser.summary": (("GET",), {"assessment_id": "assessment_b"}),
    "chooser.revise": (("POST",), {"assessment_id": "assessment_b"}),
    "chooser.site_record": (("POST",), {"assessment_id": "assessment_b"}),
    "onboarding.board": (("GET",), {}),
    "onboarding.engagement_detail": (("GET",), {"supplier_id": "sb"}),
    "onboarding.move": (("POST",), {"supplier_id": "sb"}),
    "onboarding.strategies": (("POST",), {"supplier_id": "sb"}),
    "onboarding.participation": (("GET",), {}),
    "onboarding.answer": (("POST",), {"engagement_id": "engagement_b"}),
    "onboarding.priorities": (("GET",), {}),
    "onboarding.criteria": (("GET", "POST"), {"site_id": "site_b"}),
    "onboarding.weights": (("GET", "POST"), {}),
    "onboarding.outreach_message": (("GET", "POST"), {"supplier_id": "sb"}),
    "onboarding.templates": (("GET", "POST"), {}),
    "onboarding.timeline_page": (("GET", "POST"), {}),
    "onboarding.revise_milestone": (("GET", "POST"), {"milestone_id": "milestone_b"}),
    "onboarding.milestone_done": (("POST",), {"milestone_id": "milestone_b"}),
    "onboarding.funnel": (("GET",), {}),
    "questionnaires.questionnaire_list": (("GET", "POST"), {}),
    "questionnaires.questionnaire_detail": (("GET",), {"questionnaire_id": "questionnaire_b"}),
    "questionnaires.question_new": (("GET", "POST"), {"version_id": "draft_b"}),
    "questionnaires.question_edit": (("GET", "POST"), {"question_id": "question_b"}),
    "questionnaires.question_delete": (("POST",), {"question_id": "question_b"}),
    "questionnaires.publish": (("POST",), {"version_id": "draft_b"}),
    "questionnaires.review_language": (("POST",), {"version_id": "draft_b", "lang": "=en"}),
    "questionnaires.reviewer_invite": (("GET", "POST"), {}),
    "questionnaires.reviews": (("GET",), {}),
    "dialogues.action_sector": (("POST",), {"action_id": "action_b"}),
    "dialogues.point_sector": (("POST",), {"point_id": "point_b"}),
    "suppliers.member_visibility": (("POST",), {"supplier_id": "sb"}),
    "msi.progress": (("GET",), {}),
    "msi.progress_csv": (("GET",), {}),
    "msi.our_progress": (("GET",), {}),
    "msi.sector": (("GET", "POST"), {}),
    "msi.sector_agenda": (("GET",), {}),
    "msi.lessons_page": (("GET",), {}),
    "msi.benchmark": (("GET",), {}),
    "msi.member_settings": (("GET", "POST"), {}),
    "msi.template_list": (("GET", "POST"), {}),
    "msi.template_detail": (("GET",), {"questionnaire_id": "template"}),
    "msi.template_question_new": (("GET", "POST"), {"version_id": "template_draft"}),
    "msi.template_question_edit": (("GET", "POST"), {"question_id": "template_question"}),
    "msi.template_question_delete": (("POST",), {"question_id": "template_question"}),
    "msi.template_review": (("POST",), {"version_id": "template_draft", "lang": "=en"}),
    "msi.template_publish": (("POST",), {"version_id": "template_draft"}),
    "msi.template_new_version": (("POST",), {"questionnaire_id": "template"}),
    "questionnaires.new_version_from_template": (("POST",),
                                                 {"questionnaire_id": "questionnaire_b"}),
    "questionnaires.review_texts": (("GET", "POST"), {"version_id": "draft_b", "lang": "=vi"}),
    "questionnaires.review_done": (("POST",), {"version_id": "draft_b", "lang": "=vi"}),
    "questionnaires.new_version": (("POST",), {"questionnaire_id": "questionnaire_b"}),
    "questionnaires.version_detail": (("GET",), {"version_id": "draft_b"}),
    "questionnaires.standards": (("POST",), {"questionnaire_id": "questionnaire_b"}),
    "questionnaires.sharing": (("POST",), {"version_id": "draft_b"}),
    "questionnaires.consulted_comment": (("POST",), {"version_id": "draft_b"}),
    "questionnaires.shared_list": (("GET",), {}),
    "questionnaires.shared_draft": (("GET",), {"share_id": "share_b"}),
    "questionnaires.supplier_comment": (("POST",), {"share_id": "share_b"}),
    "surveys.cycle_list": (("GET",), {}),
    "surveys.cycle_new": (("GET", "POST"), {"site_id": "site_b"}),
    "surveys.cycle_detail": (("GET",), {"cycle_id": "cycle_b"}),
    "surveys.cycle_extend": (("POST",), {"cycle_id": "cycle_b"}),
    "surveys.cycle_import": (("POST",), {"cycle_id": "cycle_b"}),
    "surveys.cycle_template": (("GET",), {"cycle_id": "cycle_b"}),
    "surveys.cycle_template_xlsx": (("GET",), {"cycle_id": "cycle_b"}),
    "surveys.cycle_xlsform": (("GET",), {"cycle_id": "cycle_b"}),
    "surveys.version_xlsform": (("GET",), {"version_id": "published_b"}),
    "surveys.import_preview": (("GET",), {"cycle_id": "cycle_b", "upload_id": "upload_b"}),
    "surveys.import_confirm": (("POST",), {"cycle_id": "cycle_b", "upload_id": "upload_b"}),
    "surveys.import_cancel": (("POST",), {"cycle_id": "cycle_b", "upload_id": "upload_b"}),
    "surveys.cycle_qr": (("GET",), {"cycle_id": "cycle_b"}),
    "surveys.owner_invite": (("POST",), {"cycle_id": "cycle_b"}),
    "surveys.cycle_provider": (("POST",), {"cycle_id": "cycle_b"}),
    "surveys.provider_mapping": (("GET", "POST"), {}),
    "surveys.kobo_link": (("GET", "POST"), {"cycle_id": "cycle_b"}),
    "surveys.kobo_unlink": (("POST",), {"cycle_id": "cycle_b"}),
    "surveys.kobo_fetch": (("POST",), {"cycle_id": "cycle_b"}),
    "providers.provider_list": (("GET", "POST"), {}),
    "results.provider_doubts": (("GET", "POST"), {"cycle_id": "cycle_b"}),
    "results.provider_answer": (("POST",), {"doubt_id": "provider_doubt_b"}),
    "providers.provider_detail": (("GET", "POST"), {"provider_id": "provider_b"}),
    "providers.provider_agreement": (("POST",), {"provider_id": "provider_b"}),
    "providers.provider_invite": (("GET", "POST"), {"provider_id": "provider_b"}),
    "providers.upload_setting": (("POST",), {}),
    "surveys.owner_withdraw": (("POST",), {"cycle_id": "cycle_b", "company_id": "a"}),
    "surveys.joint_invitation": (("GET",), {"cycle_id": "cycle_b"}),
    "surveys.joint_answer": (("POST",), {"cycle_id": "cycle_b", "answer": "=accept"}),
    "surveys.owner_checked": (("POST",), {"cycle_id": "cycle_b"}),
    "surveys.invitation": (("GET",), {"cycle_id": "cycle_b"}),
    "results.cycle_results": (("GET",), {"cycle_id": "cycle_b"}),
    "results.due_diligence_export": (("GET",), {"kind": "=csv"}),
    "main.audit_trail": (("GET",), {}),
    "results.results_reviewed": (("POST",), {"cycle_id": "cycle_b"}),
    "results.release": (("POST",), {"cycle_id": "cycle_b"}),
    "results.shared_with_workers": (("GET", "POST"), {"cycle_id": "cycle_b"}),
    "surveys.import_remove": (("POST",), {"batch_id": "batch_b"}),
    "surveys.cycle_codes": (("POST",), {"cycle_id": "cycle_b"}),
    "surveys.cycle_codes_off": (("POST",), {"cycle_id": "cycle_b"}),
    "surveys.held_keep": (("POST",), {"cycle_id": "cycle_b"}),
    "surveys.held_discard": (("POST",), {"cycle_id": "cycle_b"}),
    "surveys.public_thanks": (("GET",), {"token": "forged_token"}),
    "dialogues.dialogue_list": (("GET",), {}),
    "dialogues.dialogue_new": (("GET", "POST"), {"cycle_id": "cycle_b"}),
    "dialogues.dialogue_detail": (("GET",), {"dialogue_id": "dialogue_b"}),
    "dialogues.participant_add": (("POST",), {"dialogue_id": "dialogue_b"}),
    "dialogues.participant_remove": (("POST",), {"participant_id": "participant_b"}),
    "dialogues.point_add": (("POST",), {"dialogue_id": "dialogue_b"}),
    "dialogues.point_edit": (("POST",), {"point_id": "point_b"}),
    "dialogues.point_remove": (("POST",), {"point_id": "point_b"}),
    "dialogues.prepare": (("GET", "POST"), {"dialogue_id": "dialogue_b"}),
    "dialogues.keep_proposals": (("POST",), {"dialogue_id": "dialogue_b"}),
    "dialogues.script": (("GET",), {"dialogue_id": "dialogue_b"}),
    "dialogues.invitation_ics": (("GET",), {"dialogue_id": "dialogue_b"}),
    "dialogues.invite": (("GET", "POST"), {"dialogue_id": "dialogue_b"}),
    "dialogues.move": (("POST",), {"dialogue_id": "dialogue_b"}),
    "dialogues.propose": (("POST",), {"dialogue_id": "dialogue_b"}),
    "dialogues.accept_proposal": (("POST",), {"dialogue_id": "dialogue_b"}),
    "dialogues.no_show": (("POST",), {"dialogue_id": "dialogue_b"}),
    "dialogues.cancel": (("POST",), {"dialogue_id": "dialogue_b"}),
    "dialogues.record": (("GET", "POST"), {"dialogue_id": "dialogue_b"}),
    "dialogues.doubt_add": (("POST",), {"dialogue_id": "dialogue_b"}),
    "dialogues.doubt_done": (("POST",), {"doubt_id": "doubt_b"}),
    "dialogues.follow_up": (("GET", "POST"), {"dialogue_id": "dialogue_b"}),
    "dialogues.action_new": (("GET",), {"dialogue_id": "dialogue_b"}),
    "dialogues.action_add": (("POST",), {"dialogue_id": "dialogue_b"}),
    "dialogues.action_detail": (("GET", "POST"), {"action_id": "action_b"}),
    "dialogues.evidence_file": (("GET",), {"file_id": "evidence_b"}),
    "dialogues.evidence_thumbnail": (("GET",), {"file_id": "evidence_b"}),
    "dialogues.action_list": (("GET",), {}),
    "dialogues.action_export": (("GET",), {"kind": "=csv"}),
    "dialogues.site_history": (("GET",), {"site_id": "site_b"}),
    "dialogues.dialogue_settings": (("GET", "POST"), {}),
    "results.results_settings": (("GET", "POST"), {}),
    "results.sites_table": (("GET",), {}),
    "results.site_trends": (("GET",), {"site_id": "site_b"}),
    "results.cycle_export": (("GET",), {"cycle_id": "cycle_b", "kind": "=csv"}),
    "results.sites_export": (("GET",), {"kind": "=csv"}),
    "results.due_diligence": (("GET",), {}),
    "results.poster": (("GET",), {"cycle_id": "cycle_b"}),
    #: Public by design: the unguessable token is the permission (tested in
    #: test_surveys); here a forged token must give 404.
    "surveys.public_survey": (("GET", "POST"), {"token": "forged_token"}),
    "api_tokens.tokens": (("GET", "POST"), {}),
    "api_tokens.revoke": (("POST",), {"token_id": "token_b"}),
    "api.openapi": (("GET",), {}),
    "api.cycles": (("GET",), {}),
    "api.cycle_results": (("GET",), {"cycle_id": "cycle_b"}),
    "api.agreements": (("GET",), {}),
    "api.summary": (("GET",), {}),
    "api.assigned_cycles": (("GET",), {}),
    "api.push_respondents": (("POST",), {"cycle_id": "cycle_b"}),
}

#: The API: a session never opens it (401 whoever is logged in); tokens are
#: tested in tests/api. Its OpenAPI document is public.
API = {endpoint for endpoint in ROUTES if endpoint.startswith("api.")}

#: Reached without logging in; they answer 404 for a forged token.
PUBLIC = {"auth.accept_invitation", "surveys.public_survey", "surveys.public_thanks"}

#: The coordinator runs the instance: every company and person is theirs to see,
#: and the MSI's questionnaire templates theirs to write (members never reach them).
COORDINATOR_MAY_REACH = {"coordinator.company_detail", "coordinator.company_invite",
                         "coordinator.user_deactivate", "coordinator.user_reactivate",
                         "msi.template_detail", "msi.template_question_new",
                         "msi.template_question_edit", "msi.template_question_delete",
                         "msi.template_review", "msi.template_publish",
                         "msi.template_new_version", "providers.provider_detail"}

#: What a valid-looking POST sends, so a route would act if it let the user in.
FORM = {"name": "Changed", "text": "Changed", "stage": "joined", "join": "1", "title": "x",
        "due_on": "2030-01-01", "new_due_on": "2030-01-01", "reason": "other",
        "kind": "other", "recipient": "x@example.org", "subject": "s", "body": "b",
        "email": "changed@example.org", "locale": "en",
        "company_name": "Changed Co", "country": "VN", "submit": "1",
        "password": "long enough password", "confirm": "long enough password",
        "current": "x", "headcount": "1", "trade_union": "yes",
        "worker_committee": "yes", "timezone": "Asia/Ho_Chi_Minh",
        "cite_standards": "y", "suppliers": [], "about": "*", "source": "union",
        "consulted": "x"}


def test_every_route_is_in_the_matrix(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()} - {"static"}
    assert endpoints - ROUTES.keys() == set(), "add new routes to ROUTES"
    assert ROUTES.keys() - endpoints == set(), "remove routes that are gone"


def _objects(args) -> bool:
    """Whether the route is pointed at an object (not only at literal values)."""
    return any(not attr.startswith("=") for attr in args.values())


def _url(app, world, endpoint, args):
    values = {}
    for name, attr in args.items():
        if attr == "forged_token":
            values[name] = "not-a-real-token"
        elif attr.startswith("="):
            values[name] = attr[1:]
        else:
            # The key as loaded: an earlier request may have deleted the row.
            [values[name]] = sa.inspect(getattr(world, attr)).identity
    with app.test_request_context():
        from flask import url_for

        return url_for(endpoint, **values)


def _client(as_user, app, world, role):
    return app.test_client() if role == "anonymous" else as_user(getattr(world, role))


def _b_state(world):
    db.session.expire_all()
    return (
        db.session.get(Site, world.site_b.id).name,
        db.session.get(Supplier, world.sb.id).name,
        db.session.get(User, world.b_staff.id).active,
        db.session.get(Invitation, world.inv_b.id).revoked_at,
        db.session.get(LoginSession, world.login_b.id) is not None,
        db.session.get(ContactPerson, world.contact_b_shared.id) is not None,
        db.session.scalar(db.select(db.func.count(ContactPerson.id))),
        db.session.scalar(db.select(db.func.count(Site.id))),
        db.session.get(SiteLinkRequest, world.link_b.id).state,
        db.session.scalar(db.select(db.func.count(SiteLinkRequest.id))),
        db.session.scalar(db.select(db.func.count(Invitation.id))),
        db.session.scalar(db.select(db.func.count(Assessment.id))),
        db.session.get(Assessment, world.assessment_b.id).answers,
        db.session.get(Engagement, world.engagement_b.id).stage,
        db.session.get(Milestone, world.milestone_b.id).due_on,
        db.session.get(Milestone, world.milestone_b.id).done,
        db.session.get(SurveyCycle, world.cycle_b.id).ends_on,
        db.session.get(SurveyCycle, world.cycle_b.id).results_shared_on,
        db.session.get(SurveyCycle, world.cycle_b.id).uses_codes,
        db.session.get(ImportBatch, world.batch_b.id).removed_at,
        db.session.get(PendingImport, world.upload_b.id) is not None,
        db.session.get(QuestionnaireVersion, world.draft_b.id).published_at,
        db.session.get(QuestionnaireVersion, world.draft_b.id).questions[0].texts[0]
        .reviewed_by_id,
        db.session.scalar(db.select(db.func.count(Question.id))),
        db.session.get(Questionnaire, world.questionnaire_b.id).cite_standards,
        db.session.scalar(db.select(db.func.count(DraftShare.id))),
        db.session.scalar(db.select(db.func.count(QuestionComment.id))),
        db.session.scalar(db.select(db.func.count(Response.id))),
        db.session.scalar(db.select(db.func.count()).select_from(CycleOwner)),
        _dialogue_state(world),
        _grievance_state(world),
    )


def _grievance_state(world):
    from wsdialog.grievances.models import EffectivenessCheck, GrievanceSummary

    return (db.session.get(GrievanceSummary, world.grievance_b_shared.id).received,
            db.session.get(GrievanceSummary, world.grievance_b.id).received,
            db.session.scalar(db.select(db.func.count(GrievanceSummary.id))),
            db.session.scalar(db.select(db.func.count(EffectivenessCheck.id))))


def _dialogue_state(world):
    from wsdialog.dialogues.models import (
        Action,
        AttentionPoint,
        DataDoubt,
        Dialogue,
        EvidenceFile,
    )

    dialogue = db.session.get(Dialogue, world.dialogue_b.id)
    action = db.session.get(Action, world.action_b.id)
    return (dialogue.starts_at, dialogue.status, dialogue.look_beforehand, dialogue.held_on,
            db.session.get(AttentionPoint, world.point_b.id).text,
            len(dialogue.participants), len(dialogue.actions), len(dialogue.changes),
            db.session.scalar(db.select(db.func.count(AttentionPoint.id))),
            db.session.get(DataDoubt, world.doubt_b.id).task_done,
            action.status, len(action.updates),
            db.session.scalar(db.select(db.func.count(EvidenceFile.id))))


@pytest.mark.parametrize("role", ROLES)
def test_nobody_reaches_another_tenants_objects(app, world, as_user, role):
    before = _b_state(world)
    for endpoint, (methods, args) in ROUTES.items():
        if not _objects(args) or (role == "coordinator" and endpoint in COORDINATOR_MAY_REACH):
            continue
        url = _url(app, world, endpoint, args)
        for method in methods:
            client = _client(as_user, app, world, role)
            response = client.open(url, method=method, data=FORM)
            if endpoint in API:
                assert response.status_code == 401, (role, endpoint, response.status_code)
            elif role == "anonymous" and endpoint not in PUBLIC:
                assert response.status_code == 302, (endpoint, method)
                assert "/login" in response.headers["Location"]
            else:
                assert response.status_code == 404, (role, endpoint, method,
                                                     response.status_code)
            assert "SECRET-B" not in response.get_data(as_text=True), (role, endpoint)
    assert _b_state(world) == before, "a refused request changed B's data"


@pytest.mark.parametrize("role", ROLES)
def test_pages_without_ids_show_nothing_of_another_tenant(app, world, as_user, role):
    for endpoint, (methods, args) in ROUTES.items():
        if _objects(args) or "GET" not in methods:
            continue
        client = _client(as_user, app, world, role)
        response = client.get(_url(app, world, endpoint, args), query_string={
            "country": "VN", "q": "SECRET"} if endpoint.endswith("_list") else None)
        assert response.status_code in ((200, 401) if endpoint in API else (200, 302, 404)), \
            (role, endpoint, response.status_code)
        body = response.get_data(as_text=True)
        if role == "coordinator":
            # Companies and people (with the organisation they belong to) are the
            # coordinator's to see; sites, contacts and relationships are not.
            for secret in ("SECRET-B site", "SECRET-B contact", "SECRET-B notes",
                           "SECRET-B view"):
                assert secret not in body, (endpoint, secret)
        else:
            assert "SECRET-B" not in body, (role, endpoint)


def test_a_shared_supplier_shows_each_company_only_its_own_relationship(world, as_user):
    body = as_user(world.a_staff).get(f"/suppliers/{world.shared.id}").get_data(as_text=True)
    assert "alpha view of shared" in body and "Shared Site" in body
    assert "SECRET-B" not in body


def test_a_supplier_user_sees_its_sites_for_every_brand_but_no_relationship(world, as_user):
    client = as_user(world.shared_user)
    body = client.get("/").get_data(as_text=True)
    assert "Shared Site" in body
    assert "Alpha Apparel" in body and "SECRET-B Brand" in body  # both brands it works with
    assert "Alpha Site" not in body
    assert client.get(f"/sites/{world.site_shared.id}").status_code == 200
    assert client.get(f"/sites/{world.site_a.id}").status_code == 404
    assert client.get(f"/suppliers/{world.shared.id}").status_code == 404  # relationship view


def test_deactivated_users_reach_nothing(world, as_user):
    client = as_user(world.a_staff)
    world.a_staff.active = False
    db.session.commit()
    assert client.get("/suppliers").status_code == 302
