"""worker sharing: the supplier's record of telling workers about the results

Revision ID: 0027_worker_sharing
Revises: 0026_released_facts
Create Date: 2026-12-05 06:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0027_worker_sharing'
down_revision = '0026_released_facts'
branch_labels = None
depends_on = None

WAYS = ('poster', 'meeting', 'committee', 'message_group', 'other')


def upgrade():
    op.create_table(
        'worker_sharing',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('cycle_id', sa.Integer(), nullable=False),
        sa.Column('way', sa.Enum(*WAYS, name='sharing_way', native_enum=False,
                                 create_constraint=True), nullable=False),
        sa.Column('shared_on', sa.Date(), nullable=False),
        sa.Column('workers_reached', sa.Integer(), nullable=True),
        sa.Column('recorded_by_id', sa.Integer(), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint('workers_reached IS NULL OR workers_reached >= 1',
                           name=op.f('ck_worker_sharing_reached_positive')),
        sa.ForeignKeyConstraint(['cycle_id'], ['survey_cycle.id'], ondelete='CASCADE',
                                name=op.f('fk_worker_sharing_cycle_id_survey_cycle')),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['user.id'],
                                name=op.f('fk_worker_sharing_recorded_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_worker_sharing')),
    )
    with op.batch_alter_table('worker_sharing', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_worker_sharing_cycle_id'), ['cycle_id'],
                              unique=False)
    with op.batch_alter_table('results_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sharing_reminder_days', sa.Integer(), nullable=False,
                                      server_default='30'))


def downgrade():
    with op.batch_alter_table('results_settings', schema=None) as batch_op:
        batch_op.drop_column('sharing_reminder_days')
    with op.batch_alter_table('worker_sharing', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_worker_sharing_cycle_id'))
    op.drop_table('worker_sharing')
