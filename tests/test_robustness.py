"""Bad input never causes a server error: every route, every role, own objects,
junk in every field."""

from __future__ import annotations

import io

import pytest

from .test_tenancy import ROLES, ROUTES, _client

#: The same routes, pointed at company A's own objects this time.
OWN = {"b": "a", "b_staff": "a_staff", "inv_b": "inv_a", "sb": "sa",
       "contact_b_shared": "contact_a", "site_b": "site_a", "forged_token": "forged_token",
       "assessment_b": "assessment_a", "=representation": "=representation",
       "engagement_b": "engagement_a", "milestone_b": "milestone_a",
       "questionnaire_b": "questionnaire_a", "draft_b": "draft_a", "question_b": "question_a",
       "cycle_b": "cycle_a", "batch_b": "batch_a", "dialogue_b": "dialogue_a",
       "participant_b": "participant_a", "point_b": "point_a", "doubt_b": "doubt_a",
       "action_b": "action_a", "upload_b": "upload_a", "login_b": "login_a", "token_b": "token_a",
       "share_b": "share_a", "evidence_b": "evidence_a", "provider_b": "provider_a",
       "provider_doubt_b": "provider_doubt_a", "link_b": "link_a",
       "published_b": "published_a", "grievance_b_shared": "grievance_a_shared",
       "template": "template", "template_draft": "template_draft",
       "template_question": "template_question",
       "=csv": "=csv", "=en": "=en", "=vi": "=vi", "=accept": "=accept",
       "a": "b"}  # a joint cycle's invited company: another than the lead

JUNK = [
    {},
    {"name": "x" * 5000, "email": "not-an-email", "country": "??", "locale": "tlh",
     "headcount": "-5", "share_women_pct": "1e9", "timezone": "../../etc/passwd",
     "trade_union": "maybe", "purchase_share_pct": "½", "company_name": "\x00"},
    {"name": "名字", "email": "a@b.c" * 60, "headcount": "99999999999999999999999",
     "years_of_relationship": " 3 ", "next": "//evil.example", "password": "p" * 10000,
     "confirm": "", "current": "\u202e", "union": "maybe", "goals": ["dialogue", "x"],
     "site": "999999", "sector": "s" * 500, "stage": "declined", "reasons": ["zz"],
     "reask_on": "2026-02-30", "due_on": "yesterday", "ends_on": "1900-01-01",
     "new_due_on": "", "reason": "boredom", "kind": "party", "country_risk": "9",
     "workers": "-1", "recipient": "x", "subject": "", "body": "%(oops)s",
     "suppliers": ["x", "999999"], "about": "NOT_A_CODE", "source": "supplier",
     "consulted": "c" * 500, "text": "t" * 5000, "cite_standards": "maybe",
     "review_languages": ["xx", "vi"], "affiliation": "a" * 500,
     "period": "2027-Q9", "channel": "fax", "received": "1e99", "resolved": "-2",
     "days_to_response": "nan", "wages": "many", "company": "999999",
     "checked_on": "2027-02-30", "answer_legitimate": "perhaps"},
    b"name=%ff%fe&email=%c0%af&locale=%00&headcount=%ef%bf%bf",  # not UTF-8
]


@pytest.mark.slow
@pytest.mark.parametrize("role", ROLES)
def test_junk_input_never_causes_a_server_error(app, world, as_user, role):
    from .test_tenancy import _url

    for endpoint, (methods, args) in ROUTES.items():
        own = {name: OWN[attr] for name, attr in args.items()}
        url = _url(app, world, endpoint, own)
        for method in methods:
            payloads = JUNK if method == "POST" else [{}]
            for data in payloads:
                client = _client(as_user, app, world, role)
                if method == "GET":
                    response = client.get(url, query_string={"q": "%", "country": "ZZ",
                                                             "role": "x", "status": "y"})
                elif isinstance(data, bytes):
                    response = client.post(
                        url, data=data, content_type="application/x-www-form-urlencoded")
                else:
                    response = client.post(url, data=data, headers={"HX-Request": "true"}
                                           if data is JUNK[1] else None)
                assert response.status_code < 500, (role, endpoint, method, data)


def _values(world, args: dict[str, str], big: int, ints: set[str]) -> dict:
    values = {}
    for name, attr in args.items():
        if name in ints:
            values[name] = big
        elif attr == "forged_token":
            values[name] = "not-a-real-token"
        elif attr.startswith("="):
            values[name] = attr[1:]
        else:
            values[name] = getattr(world, OWN[attr]).id
    return values


@pytest.mark.parametrize("big", [2**31, 2**63, 10**30])
def test_ids_too_large_for_an_integer_are_not_found(app, world, as_user, big):
    from flask import url_for
    from werkzeug.routing import IntegerConverter

    checked = 0
    for rule in app.url_map.iter_rules():
        ints = {name for name, converter in rule._converters.items()
                if isinstance(converter, IntegerConverter)}
        if not ints:
            continue
        methods, args = ROUTES[rule.endpoint]
        with app.test_request_context():
            url = url_for(rule.endpoint, **_values(world, args, big, ints))
        for role in ("coordinator", "a_admin", "sa_user"):
            client = as_user(getattr(world, role))
            for method in methods:
                response = client.open(url, method=method)
                assert response.status_code == 404, (role, method, url)
                checked += 1
    assert checked > 100


def test_control_characters_are_removed_from_everything_typed(app, world, as_user):
    from wsdialog.extensions import db
    from wsdialog.models import Site

    site = world.site_a
    response = as_user(world.sa_user).post(f"/sites/{site.id}/edit", data={
        "name": "Line\x0b 2\x00\x1b[31m\x7f\x85", "country": "VN",
        "region": "Bình\x0cDương\ufffe", "timezone": "Asia/Ho_Chi_Minh", "headcount": "120"})
    assert response.status_code == 303
    db.session.expire_all()
    stored = db.session.get(Site, site.id)
    assert (stored.name, stored.region) == ("Line 2[31m", "BìnhDương")


def test_text_stored_before_with_control_characters_still_exports():
    from openpyxl import load_workbook

    from wsdialog.results.export import to_csv, to_xlsx

    rows = [["site", "note"], ["Line\x0b 2", "=1+1\x00"]]
    sheet = load_workbook(io.BytesIO(to_xlsx(rows, "sites"))).active
    assert [c.value for c in sheet[2]] == ["Line 2", "'=1+1"]
    assert "Line 2" in to_csv(rows).decode("utf-8-sig")
