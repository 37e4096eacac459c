"""surveys: access codes, one-time form tokens, a shared rate limit, stuffing alerts

Revision ID: 0010_survey_guard
Revises: 0009_release
Create Date: 2026-11-23 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010_survey_guard'
down_revision = '0009_release'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        batch_op.add_column(sa.Column('uses_codes', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        batch_op.alter_column('uses_codes', server_default=None)

    op.create_table('access_code',
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('used', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['cycle_id'], ['survey_cycle.id'], name=op.f('fk_access_code_cycle_id_survey_cycle'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('cycle_id', 'digest', name=op.f('pk_access_code'))
    )
    op.create_table('used_form_token',
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('nonce', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['cycle_id'], ['survey_cycle.id'], name=op.f('fk_used_form_token_cycle_id_survey_cycle'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('cycle_id', 'nonce', name=op.f('pk_used_form_token'))
    )
    op.create_table('survey_rate',
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('minute', sa.DateTime(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cycle_id'], ['survey_cycle.id'], name=op.f('fk_survey_rate_cycle_id_survey_cycle'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('cycle_id', 'minute', name=op.f('pk_survey_rate'))
    )
    op.create_table('survey_alert',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('burst', 'limit')", name=op.f('ck_survey_alert_alert_kind')),
    sa.ForeignKeyConstraint(['cycle_id'], ['survey_cycle.id'], name=op.f('fk_survey_alert_cycle_id_survey_cycle'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_alert')),
    sa.UniqueConstraint('cycle_id', 'day', 'kind', name=op.f('uq_survey_alert_cycle_id_day_kind'))
    )
    with op.batch_alter_table('survey_alert', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_alert_cycle_id'), ['cycle_id'], unique=False)


def downgrade():
    with op.batch_alter_table('survey_alert', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_alert_cycle_id'))
    op.drop_table('survey_alert')
    op.drop_table('survey_rate')
    op.drop_table('used_form_token')
    op.drop_table('access_code')
    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        batch_op.drop_column('uses_codes')
