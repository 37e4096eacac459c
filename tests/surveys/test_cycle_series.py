"""The next and the previous cycle of a company at a site: one rule, used by the
results page (the cycle before), the poster (the next round) and the agreements
(the cycle after)."""

from __future__ import annotations

from datetime import date

import pytest
from flask_login import login_user

from wsdialog.extensions import db
from wsdialog.surveys.models import SurveyCycle
from wsdialog.surveys.queries import first_start, next_cycle, previous_cycle

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-06-20"}


@pytest.fixture
def series(app):
    company, other = f.company("Noordwind"), f.company("Zuidwind")
    eva = f.user(company=company, name="Eva")
    supplier = f.supplier(company)
    site = f.site(supplier)
    version = f.published(company, "Survey")
    first, second, third = (
        f.cycle(company, site, version, starts_on=date(2027, m, 1), ends_on=date(2027, m, 14))
        for m in (1, 3, 6))
    # Another company's round at the same site, between two of ours: never ours.
    f.cycle(other, site, f.published(other, "Theirs"), starts_on=date(2027, 2, 1),
            ends_on=date(2027, 2, 14))
    db.session.commit()
    return eva, first, second, third


def test_next_and_previous_are_the_same_companys_nearest(app, series):
    eva, first, second, third = series
    with app.test_request_context():
        login_user(eva)
        assert next_cycle(first) == second and next_cycle(third) is None
        assert previous_cycle(third) == second and previous_cycle(first) is None
        assert first_start(third) == date(2027, 1, 1)


def test_a_condition_skips_to_the_nearest_that_meets_it(app, series):
    eva, first, second, third = series
    with app.test_request_context():
        login_user(eva)
        still_to_come = SurveyCycle.ends_on >= date(2027, 6, 20)
        assert next_cycle(first, among=still_to_come) is None
        released = SurveyCycle.results_shared_on.is_not(None)
        first.results_shared_on = date(2027, 1, 20)
        db.session.commit()
        assert previous_cycle(third, eva, among=released) == first
