"""figure seed: each cycle's secret from which its shown counts are blurred

Revision ID: 0024_figure_seed
Revises: 0023_no_arrival_order
Create Date: 2026-12-04 19:00:00

"""
import secrets

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0024_figure_seed'
down_revision = '0023_no_arrival_order'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        batch_op.add_column(sa.Column('figure_seed', sa.String(length=32), nullable=True))
    connection = op.get_bind()
    for (cycle_id,) in connection.execute(sa.text("SELECT id FROM survey_cycle")).all():
        connection.execute(sa.text("UPDATE survey_cycle SET figure_seed = :seed WHERE id = :id"),
                           {"seed": secrets.token_hex(16), "id": cycle_id})
    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        batch_op.alter_column('figure_seed', existing_type=sa.String(length=32), nullable=False)


def downgrade():
    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        batch_op.drop_column('figure_seed')
