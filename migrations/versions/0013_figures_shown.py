"""surveys: the day a cycle's figures were first shown (its respondents are final)

Revision ID: 0013_figures_shown
Revises: 0012_dialogues
Create Date: 2026-11-23 13:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013_figures_shown'
down_revision = '0012_dialogues'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        batch_op.add_column(sa.Column('figures_shown_on', sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        batch_op.drop_column('figures_shown_on')
