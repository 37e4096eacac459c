"""released facts: a released cycle keeps the site's workforce shares it was read against

Revision ID: 0026_released_facts
Revises: 0025_account_timezone
Create Date: 2026-12-04 20:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0026_released_facts'
down_revision = '0025_account_timezone'
branch_labels = None
depends_on = None

COLUMNS = ('share_women_pct', 'share_migrant_pct', 'share_temporary_pct')


def upgrade():
    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        for col in COLUMNS:
            batch_op.add_column(sa.Column(col, sa.Integer(), nullable=True))
            batch_op.create_check_constraint(f'{col}_range', f'{col} >= 0 AND {col} <= 100')
    # Cycles released before: the site's facts of today are the best known.
    for col in COLUMNS:
        op.execute(f"UPDATE survey_cycle SET {col} = (SELECT site.{col} FROM site "
                   f"WHERE site.id = survey_cycle.site_id) WHERE results_shared_on IS NOT NULL")


def downgrade():
    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        for col in reversed(COLUMNS):
            batch_op.drop_constraint(op.f(f'ck_survey_cycle_{col}_range'), type_='check')
            batch_op.drop_column(col)
