"""Every migration goes up and down, and the result matches the models, on
SQLite and (under scripts/test) PostgreSQL."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade

from wsdialog.extensions import db, migrate


def _tables():
    return set(sa.inspect(db.engine).get_table_names()) - {"alembic_version"}


def _revisions(app):
    config = migrate.get_config()
    return [r.revision for r in ScriptDirectory.from_config(config).walk_revisions()][::-1]


@pytest.mark.slow
def test_every_migration_goes_up_and_down(app):
    with app.app_context():
        db.drop_all()
        assert _tables() == set()
        revisions = _revisions(app)
        assert revisions, "no migrations found"
        for revision in revisions:  # one step at a time, each way
            upgrade(revision=revision)
        assert _tables() == set(db.metadata.tables)
        for _revision in reversed(revisions):
            downgrade(revision="-1")
        assert _tables() == set()
        upgrade()
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
        assert diff == [], "models and migrations differ: run flask db migrate"
        downgrade(revision="base")
        with db.engine.begin() as connection:
            connection.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
        db.create_all()  # what the fixture's teardown expects
