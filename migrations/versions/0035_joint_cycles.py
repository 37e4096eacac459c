"""joint cycles: member companies invited by a cycle's lead to own it with it

Revision ID: 0035_joint_cycles
Revises: 0034_sector_issues
Create Date: 2026-12-05 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0035_joint_cycles'
down_revision = '0034_sector_issues'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'cycle_owner',
        sa.Column('cycle_id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('invited_on', sa.Date(), nullable=False),
        sa.Column('invited_by_id', sa.Integer(), nullable=False),
        sa.Column('accepted', sa.Boolean(), nullable=True),
        sa.Column('answered_on', sa.Date(), nullable=True),
        sa.Column('answered_by_id', sa.Integer(), nullable=True),
        sa.Column('checked_on', sa.Date(), nullable=True),
        sa.Column('checked_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['cycle_id'], ['survey_cycle.id'],
                                name=op.f('fk_cycle_owner_cycle_id_survey_cycle'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['company_id'], ['company.id'],
                                name=op.f('fk_cycle_owner_company_id_company')),
        sa.ForeignKeyConstraint(['invited_by_id'], ['user.id'],
                                name=op.f('fk_cycle_owner_invited_by_id_user')),
        sa.ForeignKeyConstraint(['answered_by_id'], ['user.id'],
                                name=op.f('fk_cycle_owner_answered_by_id_user')),
        sa.ForeignKeyConstraint(['checked_by_id'], ['user.id'],
                                name=op.f('fk_cycle_owner_checked_by_id_user')),
        sa.PrimaryKeyConstraint('cycle_id', 'company_id', name=op.f('pk_cycle_owner')),
    )
    with op.batch_alter_table('cycle_owner', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cycle_owner_company_id'), ['company_id'],
                              unique=False)


def downgrade():
    op.drop_table('cycle_owner')
