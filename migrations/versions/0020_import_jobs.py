"""import jobs: an upload's state, progress and what its check found

Revision ID: 0020_import_jobs
Revises: 0019_retention
Create Date: 2026-11-25 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0020_import_jobs'
down_revision = '0019_retention'
branch_labels = None
depends_on = None

STATES = ('checking', 'ready', 'refused', 'importing', 'imported', 'failed')


def upgrade():
    # An upload waits an hour at most, and one waiting now has no stored check to
    # show: it is uploaded again (the page says the upload has expired).
    op.execute(sa.text("DELETE FROM pending_import"))
    with op.batch_alter_table('pending_import', schema=None, recreate='always') as batch_op:
        batch_op.add_column(sa.Column(
            'state', sa.Enum(*STATES, name='upload_state', native_enum=False,
                             create_constraint=True), nullable=False))
        batch_op.add_column(sa.Column('progress', sa.Integer(), nullable=False))
        batch_op.add_column(sa.Column('checked', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('updated_at', sa.DateTime(), nullable=False))


def downgrade():
    # Uploads being checked or imported cannot wait without their state.
    op.execute(sa.text("DELETE FROM pending_import"))
    with op.batch_alter_table('pending_import', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint(op.f('ck_pending_import_upload_state'), type_='check')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('checked')
        batch_op.drop_column('progress')
        batch_op.drop_column('state')
