"""A fetch from KoboToolbox runs as a background job, tracked like an upload

Revision ID: 0043_fetch_jobs
Revises: 0042_grievances
Create Date: 2026-12-06 02:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0043_fetch_jobs'
down_revision = '0042_grievances'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('pending_import', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=10), server_default='file',
                                      nullable=False))


def downgrade():
    with op.batch_alter_table('pending_import', schema=None) as batch_op:
        batch_op.drop_column('source')
