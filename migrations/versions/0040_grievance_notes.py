"""the dialogue's grievance notes: each owner's reading of the site's grievance
figures in its preparation, and what the supplier said about its mechanism in
the common record

Revision ID: 0040_grievance_notes
Revises: 0039_api_tokens
Create Date: 2026-12-05 12:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0040_grievance_notes'
down_revision = '0039_api_tokens'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('dialogue_preparation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('grievance_note', sa.Text(), nullable=False,
                                      server_default=''))
    with op.batch_alter_table('dialogue', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mechanism_note', sa.Text(), nullable=False,
                                      server_default=''))


def downgrade():
    with op.batch_alter_table('dialogue', schema=None) as batch_op:
        batch_op.drop_column('mechanism_note')
    with op.batch_alter_table('dialogue_preparation', schema=None) as batch_op:
        batch_op.drop_column('grievance_note')
