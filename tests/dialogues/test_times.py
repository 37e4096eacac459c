"""Times of a dialogue as the people in it meet them: each in their own zone,
labelled with its place; the supplier proposing another time; no dialogue
before the results, and none recorded as held before it took place."""

from __future__ import annotations

import email
import email.policy
import html
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from icalendar import Calendar

from wsdialog.dialogues.models import Dialogue, DialogueStatus
from wsdialog.extensions import db
from wsdialog.models import StateError

from . import test_dialogues as base

# The dialogue log's story: Noordwind, its site Thu Duc in Ho Chi Minh City,
# released results; today is 2027-04-01.
app_config, story, _plan = base.app_config, base.story, base._plan


def _page(client, dialogue) -> str:
    return html.unescape(client.get(f"/dialogues/{dialogue.id}").get_data(as_text=True))


def test_a_participant_in_amsterdam_is_invited_at_the_right_instant(story, as_user, smtp):
    eva, _lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle)  # 10:00 in Ho Chi Minh City: 03:00 UTC
    # A country with one zone: the zone is taken from it.
    client.post(f"/dialogues/{dialogue.id}/participants", data={
        "name": "Pieter", "organisation": "ngo", "language": "nl", "country": "NL",
        "timezone": "", "email": "pieter@example.org"})
    pieter = dialogue.participants[-1]
    assert pieter.name == "Pieter" and pieter.timezone == "Europe/Amsterdam"

    page = _page(client, dialogue)
    assert "10:00 Ho Chi Minh City" in page  # the site's time, with its place
    assert "5:00" in page and ">Amsterdam</span>" in page  # Pieter's time, with his

    client.post(f"/dialogues/{dialogue.id}/invite")
    _controller, sink = smtp
    [message] = [m for m in (email.message_from_bytes(m.content, policy=email.policy.default)
                             for m in sink.messages) if "pieter@example.org" in m["To"]]
    body = message.get_body(("plain",)).get_content()
    assert "05:00 (Amsterdam)" in body
    ics = next(part for part in message.walk() if part.get_content_type() == "text/calendar")
    event = Calendar.from_ical(ics.get_payload(decode=True)).walk("VEVENT")[0]
    assert event.decoded("dtstart") == datetime(2027, 9, 2, 3, 0, tzinfo=UTC)


def test_a_country_with_several_zones_asks_which_and_free_text_is_refused(story, as_user):
    eva, _lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle)
    response = client.post(f"/dialogues/{dialogue.id}/participants", data={
        "name": "Maria", "organisation": "ngo", "language": "en", "country": "BR"})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422
    assert "Brazil has several time zones: please choose one." in page
    form = page[page.index(f'action="/dialogues/{dialogue.id}/participants"'):]
    form = form[:form.index("</form>")]  # the zones offered are Brazil's
    assert 'value="America/Sao_Paulo"' in form and 'value="Europe/Amsterdam"' not in form
    for zone in ("Amsterdam", "Mars/Olympus"):
        response = client.post(f"/dialogues/{dialogue.id}/participants", data={
            "name": "Pieter", "organisation": "ngo", "language": "nl", "timezone": zone})
        assert response.status_code == 422
        assert "Please choose a time zone from the list." in response.get_data(as_text=True)
    assert [p.name for p in dialogue.participants] == ["Eva"]


def test_the_account_zone_is_the_organisers_and_shows_every_time(story, as_user):
    eva, _lan, cycle = story
    client = as_user(eva)
    account = client.get("/account").get_data(as_text=True)
    assert 'value="Europe/Amsterdam"' in account
    client.post("/account", data={"name": "Eva", "locale": "en",
                                  "timezone": "Europe/Amsterdam"})
    assert eva.timezone == "Europe/Amsterdam"
    form = client.get(f"/cycles/{cycle.id}/dialogues/new").get_data(as_text=True)
    assert '<option selected value="Europe/Amsterdam">' in form
    dialogue = _plan(client, cycle)  # at 10:00 at the site
    [organiser] = dialogue.participants
    assert organiser.name == "Eva" and organiser.timezone == "Europe/Amsterdam"
    page = _page(client, dialogue)
    assert "05:00 Amsterdam" in page and "At the site: Thursday, September 2, 2027, " \
        "10:00 Ho Chi Minh City" in page
    listing = html.unescape(client.get("/dialogues").get_data(as_text=True))
    assert "05:00 Amsterdam" in listing
    # Not set: each meeting in its own zone.
    client.post("/account", data={"name": "Eva", "locale": "en", "timezone": ""})
    assert eva.timezone is None
    assert "10:00 Ho Chi Minh City" in html.unescape(
        client.get("/dialogues").get_data(as_text=True))


def test_the_supplier_proposes_another_time_and_the_brand_accepts_it(story, as_user):
    eva, lan, cycle = story
    brand = as_user(eva)
    dialogue = _plan(brand, cycle, day="2027-09-05")  # a Sunday
    supplier = as_user(lan)
    assert "/propose" in supplier.get(f"/dialogues/{dialogue.id}").get_data(as_text=True)
    assert "/propose" not in brand.get(f"/dialogues/{dialogue.id}").get_data(as_text=True)
    same = supplier.post(f"/dialogues/{dialogue.id}/propose", data={
        "day": "2027-09-05", "time": "10:00", "timezone": "Asia/Ho_Chi_Minh"})
    assert same.status_code == 422 and dialogue.proposed_starts_at is None
    response = supplier.post(f"/dialogues/{dialogue.id}/propose", data={
        "day": "2027-09-06", "time": "09:00", "timezone": "Asia/Ho_Chi_Minh",
        "note": "Sunday is our day off"})
    assert response.status_code == 303
    assert dialogue.proposed_starts_at == datetime(2027, 9, 6, 2, 0)
    assert dialogue.starts_at == datetime(2027, 9, 5, 3, 0)  # not moved yet

    page = _page(brand, dialogue)
    assert "Lan proposes another time: Monday, September 6, 2027, 09:00 Ho Chi Minh City" in page
    assert "Sunday is our day off" in page
    assert brand.post(f"/dialogues/{dialogue.id}/proposal/accept").status_code == 303
    assert dialogue.starts_at == datetime(2027, 9, 6, 2, 0) and dialogue.sequence == 1
    assert dialogue.proposed_starts_at is None
    [change] = dialogue.changes
    assert change.reason == "supplier_asked" and change.note == "Sunday is our day off"
    assert dialogue.milestone.due_on.isoformat() == "2027-09-06"
    # Nothing left to accept.
    assert brand.post(f"/dialogues/{dialogue.id}/proposal/accept").status_code == 404
    assert supplier.post(f"/dialogues/{dialogue.id}/proposal/accept").status_code in (403, 404)


def test_no_proposal_once_held(story, as_user):
    eva, lan, cycle = story
    dialogue = _plan(as_user(eva), cycle, day="2027-03-25")
    as_user(eva).post(f"/dialogues/{dialogue.id}/record", data={"held_on": "2027-03-25"})
    assert dialogue.status is DialogueStatus.held
    assert as_user(lan).post(f"/dialogues/{dialogue.id}/propose", data={
        "day": "2027-09-06", "time": "09:00", "timezone": "Asia/Ho_Chi_Minh"}
    ).status_code == 404
    with pytest.raises(StateError):
        dialogue.propose(datetime(2027, 9, 6, 2), "Asia/Ho_Chi_Minh", "", lan,
                         datetime(2027, 4, 1))
    with pytest.raises(StateError):
        dialogue.accept_proposal(eva, datetime(2027, 4, 1))
    assert dialogue.proposed_starts_at is None


def test_no_dialogue_before_the_release_nor_held_on_a_day_to_come(story, as_user):
    eva, _lan, cycle = story  # released on 2027-03-20; today is 2027-04-01
    client = as_user(eva)
    early = client.post(f"/cycles/{cycle.id}/dialogues/new", data={
        "day": "2027-03-10", "time": "10:00", "timezone": "Asia/Ho_Chi_Minh",
        "minutes": "90", "language": "vi"})
    assert early.status_code == 422
    assert "The results were released on March 20, 2027: a dialogue about them can only " \
        "be on that day or later." in html.unescape(early.get_data(as_text=True))
    assert db.session.scalar(sa.select(sa.func.count(Dialogue.id))) == 0

    dialogue = _plan(client, cycle)
    moved = client.post(f"/dialogues/{dialogue.id}/move", data={
        "day": "2027-03-10", "time": "10:00", "timezone": "Asia/Ho_Chi_Minh",
        "reason": "other"})
    assert moved.status_code == 422 and dialogue.starts_at == datetime(2027, 9, 2, 3, 0)

    future = client.post(f"/dialogues/{dialogue.id}/record", data={
        "held_on": "2027-05-01", "notes": "Went well"})
    assert future.status_code == 422
    assert "A dialogue can only be recorded as held once it has taken place: May 1, 2027 " \
        "is still to come." in html.unescape(future.get_data(as_text=True))
    db.session.expire_all()
    assert dialogue.status is DialogueStatus.planned and dialogue.held_on is None
    assert dialogue.notes == "" and cycle.dialogue_held_on is None


def test_the_invitations_button_is_there_only_while_planned(story, as_user):
    eva, _lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle, day="2027-03-25")
    invite = f'href="/dialogues/{dialogue.id}/invite"'
    assert invite in client.get(f"/dialogues/{dialogue.id}").get_data(as_text=True)
    client.post(f"/dialogues/{dialogue.id}/record", data={"held_on": "2027-03-25"})
    page = client.get(f"/dialogues/{dialogue.id}").get_data(as_text=True)
    assert invite not in page and f'href="/dialogues/{dialogue.id}/record"' in page


def test_the_invitation_page_says_who_gets_english(story, as_user):
    eva, _lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle)
    for name, language in (("Lan", "vi"), ("Kavitha", "ta")):
        client.post(f"/dialogues/{dialogue.id}/participants", data={
            "name": name, "organisation": "factory", "language": language, "country": "VN"})
    page = html.unescape(client.get(f"/dialogues/{dialogue.id}/invite").get_data(as_text=True))
    assert "English, Nederlands, 简体中文, Tiếng Việt. Everyone else gets it in English." in page
    assert "In Tiếng Việt, their language." in page
    assert "In English: the app has no invitation text in தமிழ்." in page
