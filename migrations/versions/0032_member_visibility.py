"""member visibility: members at a shared supplier see each other by consent; OS IDs

Revision ID: 0032_member_visibility
Revises: 0031_reviewers
Create Date: 2026-12-05 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0032_member_visibility'
down_revision = '0031_reviewers'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('supplier_relationship', schema=None) as batch_op:
        batch_op.add_column(sa.Column('visible_to_members', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('member_contact', sa.String(length=200), nullable=False,
                                      server_default=''))
    with op.batch_alter_table('site', schema=None) as batch_op:
        batch_op.add_column(sa.Column('os_id', sa.String(length=15), nullable=True))
        batch_op.create_index(batch_op.f('ix_site_os_id'), ['os_id'], unique=False)


def downgrade():
    with op.batch_alter_table('site', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_site_os_id'))
        batch_op.drop_column('os_id')
    with op.batch_alter_table('supplier_relationship', schema=None) as batch_op:
        batch_op.drop_column('member_contact')
        batch_op.drop_column('visible_to_members')
