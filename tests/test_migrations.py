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


@pytest.mark.slow
def test_the_tables_of_web_answers_lose_their_arrival_order_and_keep_their_rows(app):
    """Issue 20, attack 5: on SQLite the hidden rowid of ``response_answer`` (and of
    the tallies, codes and form tokens) counted up as answers came. 0023 rebuilds
    them WITHOUT ROWID, keeping every row, and back."""
    from datetime import date

    from wsdialog.questionnaires.answers import Answer
    from wsdialog.surveys import operations
    from wsdialog.surveys.models import NO_ROWID, AccessCode, UsedFormToken
    from wsdialog.surveys.respondents import Respondent

    from . import factories as f
    from .surveys.test_arrival_order import has_rowid

    tables = ("response", "response_answer", "answer_tally", "access_code", "used_form_token")

    def counts():
        with db.engine.connect() as connection:
            return [connection.scalar(sa.select(sa.func.count()).select_from(
                db.metadata.tables[t])) for t in tables]

    with app.app_context():
        db.drop_all()
        upgrade(revision="0022_held_answers")
        with db.engine.begin() as connection:  # today's models carry columns 0024-0038 add
            connection.execute(sa.text("ALTER TABLE survey_cycle ADD COLUMN figure_seed "
                                       "VARCHAR(32)"))
            for col in ("share_women_pct", "share_migrant_pct", "share_temporary_pct"):
                connection.execute(sa.text(f"ALTER TABLE survey_cycle ADD COLUMN {col} INTEGER"))
            connection.execute(sa.text("ALTER TABLE question ADD COLUMN labels JSON"))
            connection.execute(sa.text("ALTER TABLE site ADD COLUMN os_id VARCHAR(15)"))
            connection.execute(sa.text("ALTER TABLE supplier_relationship ADD COLUMN "
                                       "visible_to_members BOOLEAN DEFAULT false NOT NULL"))
            connection.execute(sa.text("ALTER TABLE supplier_relationship ADD COLUMN "
                                       "member_contact VARCHAR(200) DEFAULT '' NOT NULL"))
            connection.execute(sa.text("ALTER TABLE questionnaire_version ADD COLUMN "
                                       "template_version_id INTEGER"))
            for table in ("survey_cycle", '"user"'):  # 0038 (providers)
                connection.execute(sa.text(f"ALTER TABLE {table} ADD COLUMN provider_id INTEGER"))
        company = f.company("Noordwind")
        cycle = f.cycle(company, f.site(f.supplier(company)), f.published(company, "Survey"))
        db.session.flush()
        operations.store(cycle, [Respondent(
            answered_on=date(2027, 3, 2), channel="web", language="en",
            demographics={"gender": None, "age_band": "55+", "contract": None, "role": None},
            answers={"WAGE_RUNS_OUT": Answer.no, "CLEAN_WATER": Answer.dont_know})] * 3)
        db.session.add_all([AccessCode(cycle_id=cycle.id, digest="d" * 64, used=True),
                            UsedFormToken(cycle_id=cycle.id, nonce="n" * 16)])
        db.session.commit()
        db.session.remove()
        before = counts()
        assert before == [3, 6, 2, 1, 1]
        sqlite = db.engine.dialect.name == "sqlite"
        assert NO_ROWID == {"sqlite_with_rowid": False}
        assert has_rowid("response_answer") is sqlite
        upgrade(revision="0023_no_arrival_order")
        assert counts() == before
        if sqlite:
            assert not any(has_rowid(t) for t in tables[1:])
            with db.engine.connect() as connection:  # the random key is the rowid
                assert connection.scalar(sa.select(sa.func.count()).select_from(
                    db.metadata.tables["response"]).where(
                    sa.literal_column("rowid") == sa.literal_column("id"))) == 3
        downgrade(revision="0022_held_answers")
        assert counts() == before and has_rowid("response_answer") is sqlite
        db.drop_all()  # with the rows (going down to base would refuse to drop them)
        with db.engine.begin() as connection:
            connection.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
        db.create_all()  # what the fixture's teardown expects
