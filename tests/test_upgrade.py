"""Upgrading keeps data: a database at the last migration before issue 25's
first, holding the demo story, is upgraded to head (SQLite, and PostgreSQL under
scripts/test), and every row comes through with the values it had.

The demo is written by today's models, which may carry columns the earlier
schema lacks; so it is built at head in one database, and every row of the
tables and columns that exist at the earlier revision is copied into a second
database migrated to that revision, which is then upgraded and compared."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from wsdialog import create_app, demo
from wsdialog.extensions import db

from .test_backup import fresh_url  # noqa: F401 (the fixture)

#: The last migration before issue 25's first (hosting at MSI scale).
EARLIER = "0042_grievances"


def _reflected(engine) -> sa.MetaData:
    metadata = sa.MetaData()
    metadata.reflect(engine)
    if "alembic_version" in metadata.tables:
        metadata.remove(metadata.tables["alembic_version"])
    return metadata


def _rows(connection, table: sa.Table, columns: list[str]) -> list[tuple]:
    """Every row's values of ``columns``, in the order of the primary key (or of
    every column, for a table without one)."""
    order = [table.c[name] for name in columns if table.c[name].primary_key] or [
        table.c[name] for name in columns]
    return [tuple(row) for row in connection.execute(
        sa.select(*(table.c[name] for name in columns)).order_by(*order))]


def _copy(source, target, tables: sa.MetaData) -> None:
    """Every row of the tables and columns the target has, parents first."""
    source_tables = _reflected(source).tables
    with source.connect() as reading, target.begin() as writing:
        # A row may point at a later row of its own table (a version at the
        # template it came from): the foreign keys are checked at the end.
        writing.execute(sa.text("SET session_replication_role = replica"
                                if writing.dialect.name == "postgresql"
                                else "PRAGMA defer_foreign_keys = ON"))
        for table in tables.sorted_tables:
            columns = [column.name for column in table.columns]
            rows = reading.execute(sa.select(
                *(source_tables[table.name].c[name] for name in columns))).all()
            if rows:
                writing.execute(table.insert(), [dict(zip(columns, row, strict=True))
                                                 for row in rows])
        if writing.dialect.name == "postgresql":
            # The ids were given: sequences go on after them, as after real use.
            for table in tables.sorted_tables:
                if "id" in table.c and table.c["id"].autoincrement is not False:
                    sequence = sa.func.pg_get_serial_sequence(table.name, "id")
                    after = sa.select(sa.func.coalesce(sa.func.max(table.c["id"]), 0) + 1)
                    writing.execute(sa.select(sa.func.setval(
                        sequence, after.scalar_subquery(), False)).where(sequence.is_not(None)))
            writing.execute(sa.text("SET session_replication_role = DEFAULT"))


@pytest.mark.slow
def test_upgrading_from_before_issue_25_keeps_every_row(app, app_config,
                                                        fresh_url):  # noqa: F811
    demo.load()
    db.session.commit()
    source = db.engine  # the demo, at head
    earlier = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": fresh_url})
    with earlier.app_context():
        upgrade(revision=EARLIER)
        tables = _reflected(db.engine)
        assert len(tables.tables) > 40
        _copy(source, db.engine, tables)
        upgrade()
        with source.connect() as before, db.engine.connect() as after:
            upgraded = _reflected(db.engine).tables
            counts = {}
            for table in tables.sorted_tables:
                columns = [column.name for column in table.columns]
                kept = _rows(before, table, columns)
                assert _rows(after, upgraded[table.name], columns) == kept, table.name
                counts[table.name] = len(kept)
        assert counts["response_answer"] > 1000 and counts["grievance_summary"] > 0
        db.engine.dispose()

