"""account time zone, and another time a supplier proposes for a dialogue

Revision ID: 0025_account_timezone
Revises: 0024_figure_seed
Create Date: 2026-12-11 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0025_account_timezone'
down_revision = '0024_figure_seed'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('timezone', sa.String(length=64), nullable=True))
    with op.batch_alter_table('dialogue', schema=None) as batch_op:
        batch_op.add_column(sa.Column('proposed_starts_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('proposed_timezone', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('proposal_note', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('proposed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('proposed_at', sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_dialogue_proposed_by_id_user'), 'user',
                                    ['proposed_by_id'], ['id'])


def downgrade():
    with op.batch_alter_table('dialogue', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_dialogue_proposed_by_id_user'),
                                 type_='foreignkey')
        batch_op.drop_column('proposed_at')
        batch_op.drop_column('proposed_by_id')
        batch_op.drop_column('proposal_note')
        batch_op.drop_column('proposed_timezone')
        batch_op.drop_column('proposed_starts_at')
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('timezone')
