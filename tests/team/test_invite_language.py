"""Inviting a colleague: the form starts in the inviter's language."""

from __future__ import annotations

import re

import pytest

from wsdialog.extensions import db
from wsdialog.models import Invitation, Role

from .. import factories as f


def _chosen(page: str) -> list[str]:
    select = re.search(r'<select[^>]*id="locale".*?</select>', page, re.S).group(0)
    return re.findall(r'<option selected value="(\w+)"', select)


@pytest.mark.parametrize("who,url", [
    ("supplier_user", "/people/invite"),
    ("admin", "/team/invite"),
    ("coordinator", "/companies/{company}/invite"),
])
def test_a_colleague_invitation_starts_in_the_inviters_language(app, as_user, who, url):
    company = f.company("Noordwind")
    people = {"admin": f.user(company=company, admin=True, locale="nl"),
              "coordinator": f.user(Role.coordinator, locale="zh_Hans"),
              "supplier_user": f.user(Role.supplier, supplier=f.supplier(company),
                                      locale="vi")}
    inviter = people[who]
    db.session.commit()
    page = as_user(inviter).get(url.format(company=company.id)).get_data(as_text=True)
    assert _chosen(page) == [inviter.locale]


def test_the_chosen_language_is_the_one_sent(app, as_user):
    company = f.company("Noordwind")
    lan = f.user(Role.supplier, supplier=f.supplier(company), locale="vi")
    db.session.commit()
    client = as_user(lan)
    client.post("/people/invite", data={"name": "Mai", "email": "mai@example.org",
                                        "locale": "en"})
    assert db.session.scalar(db.select(Invitation.locale)) == "en"
