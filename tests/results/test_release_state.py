"""Releasing results is a state change the cycle itself checks: once the survey
has closed, and only once."""

from __future__ import annotations

from datetime import date

import pytest

from wsdialog.extensions import db
from wsdialog.models import StateError

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-03-10"}


@pytest.fixture
def cycles(app):
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva")
    site = f.site(f.supplier(company), headcount=40)
    version = f.published(company, "Survey")
    still_open = f.cycle(company, site, version, starts_on=date(2027, 3, 1),
                         ends_on=date(2027, 3, 14))
    closed = f.cycle(company, site, version, starts_on=date(2027, 1, 1),
                     ends_on=date(2027, 1, 14))
    db.session.commit()
    return eva, still_open, closed


def test_a_closed_cycle_is_released_once_dated_and_attributed(cycles):
    eva, _open, closed = cycles
    closed.release(eva, date(2027, 3, 10))
    assert closed.is_released and closed.respondents_final
    assert (closed.results_shared_on, closed.results_shared_by) == (date(2027, 3, 10), eva)
    with pytest.raises(StateError):
        closed.release(eva, date(2027, 3, 11))
    assert closed.results_shared_on == date(2027, 3, 10)


def test_an_open_cycle_is_not_released(cycles):
    eva, still_open, _closed = cycles
    with pytest.raises(StateError):
        still_open.release(eva, date(2027, 3, 10))
    assert not still_open.is_released and still_open.results_shared_by is None
