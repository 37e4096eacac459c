"""no arrival order: on SQLite, the tables a web answer adds rows to are stored
in the order of their key, without the hidden rowid that counted up as answers came

Revision ID: 0023_no_arrival_order
Revises: 0022_held_answers
Create Date: 2026-11-28 10:00:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0023_no_arrival_order'
down_revision = '0022_held_answers'
branch_labels = None
depends_on = None

# Tables with a composite key, so far with a rowid that says in which order their
# rows were added. ``response`` and ``held_response`` need nothing: their random
# INTEGER PRIMARY KEY is the rowid. None of these is referred to by another table,
# so rebuilding one (copy, drop, rename) cascades to nothing.
TABLES = ('response_answer', 'answer_tally', 'access_code', 'used_form_token')


def _rebuild(with_rowid: bool) -> None:
    # PostgreSQL has no rowid: its physical order is handled when the respondents
    # become final (``surveys.operations.unorder``), not by the schema.
    if op.get_bind().dialect.name != 'sqlite':
        return
    for table in TABLES:
        # Copies every row into a new table made with (or without) WITHOUT ROWID,
        # indexes and constraints included.
        with op.batch_alter_table(table, recreate='always',
                                  table_kwargs={'sqlite_with_rowid': with_rowid}):
            pass


def upgrade():
    _rebuild(with_rowid=False)


def downgrade():
    _rebuild(with_rowid=True)
