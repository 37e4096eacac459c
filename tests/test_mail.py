"""Invitation mail goes through a real SMTP server when one is configured."""

from __future__ import annotations

from email import message_from_bytes
from email.header import decode_header, make_header

import pytest

from wsdialog.extensions import db

from . import factories as f
from .conftest import free_port, with_smtp


@pytest.fixture
def app_config(app_config, smtp):
    return with_smtp(app_config, smtp)


def test_an_invitation_is_mailed_in_the_invitees_language(app, as_user, smtp):
    _controller, sink = smtp
    company = f.company("Noordwind")
    staff = f.user(company=company)
    supplier = f.supplier(company, name="Saigon Stitch")
    db.session.commit()
    response = as_user(staff).post(f"/suppliers/{supplier.id}/invite", data={
        "name": "Lan", "email": "lan@saigonstitch.example", "locale": "nl"})
    body = response.get_data(as_text=True)
    assert "Invitation sent" in body
    assert "/invite/" not in body  # the link went by mail only
    [envelope] = sink.messages
    assert envelope.rcpt_tos == ["lan@saigonstitch.example"]
    message = message_from_bytes(envelope.content)
    text = message.get_payload(decode=True).decode()
    assert "http://wsdialog.test/invite/" in text
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject  # translated into Dutch once the catalogue has it
    link = text[text.index("/invite/"):].split()[0]
    assert app.test_client().get(link).status_code == 200


def test_when_the_mail_server_is_down_the_inviter_gets_the_text_to_copy(app, as_user):
    app.config["MAIL_PORT"] = free_port()  # nothing listens there
    company = f.company()
    admin = f.user(company=company, admin=True)
    db.session.commit()
    response = as_user(admin).post("/team/invite", data={
        "name": "Bo", "email": "bo@example.org", "locale": "en"})
    assert "Invitation ready to pass on" in response.get_data(as_text=True)
