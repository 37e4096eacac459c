"""code guard: wrong access codes counted apart, refused forms, an alert for them

Revision ID: 0021_code_guard
Revises: 0020_import_jobs
Create Date: 2026-11-27 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0021_code_guard'
down_revision = '0020_import_jobs'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'wrong_code_rate',
        sa.Column('cycle_id', sa.Integer(), nullable=False),
        sa.Column('minute', sa.DateTime(), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['cycle_id'], ['survey_cycle.id'],
                                name=op.f('fk_wrong_code_rate_cycle_id_survey_cycle'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('cycle_id', 'minute', name=op.f('pk_wrong_code_rate')),
    )
    # Forms sent so far were stored, not refused.
    with op.batch_alter_table('used_form_token', schema=None) as batch_op:
        batch_op.add_column(sa.Column('refused', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table('survey_alert', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint(op.f('ck_survey_alert_alert_kind'), type_='check')
        batch_op.create_check_constraint(
            'alert_kind', "kind IN ('burst', 'limit', 'codes')")


def downgrade():
    # The alerts about wrong codes have no kind to go back to.
    op.execute(sa.text("DELETE FROM survey_alert WHERE kind = 'codes'"))
    with op.batch_alter_table('survey_alert', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint(op.f('ck_survey_alert_alert_kind'), type_='check')
        batch_op.create_check_constraint('alert_kind', "kind IN ('burst', 'limit')")
    # A form refused for its code could then be sent again: the old behaviour.
    op.execute(sa.text("DELETE FROM used_form_token WHERE refused"))
    with op.batch_alter_table('used_form_token', schema=None) as batch_op:
        batch_op.drop_column('refused')
    op.drop_table('wrong_code_rate')
