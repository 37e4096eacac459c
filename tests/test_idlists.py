"""``one_of``: ``IN`` with one parameter, on SQLite and PostgreSQL alike."""

import sqlalchemy as sa

from wsdialog.extensions import db
from wsdialog.idlists import one_of
from wsdialog.models import Site

from . import factories as f


def test_selects_exactly_the_listed_rows_however_many(app):
    company = f.company()
    supplier = f.supplier(company)
    sites = [f.site(supplier, name=f"Site {n}") for n in range(5)]
    db.session.commit()
    ids = [site.id for site in sites]
    chosen = sa.select(Site.id).order_by(Site.id)
    assert list(db.session.scalars(chosen.where(one_of(Site.id, ids[1:3])))) == ids[1:3]
    assert list(db.session.scalars(chosen.where(~one_of(Site.id, ids[1:3])))) \
        == [ids[0], *ids[3:]]
    # Far more than either database takes as separate parameters in one statement.
    many = list(range(-40_000, 0)) + [ids[4]]
    assert list(db.session.scalars(chosen.where(one_of(Site.id, many)))) == [ids[4]]
    assert list(db.session.scalars(chosen.where(one_of(Site.id, [])))) == []
