"""retention: kept group tallies, and the day a cycle's respondent rows were deleted

Revision ID: 0019_retention
Revises: 0018_audit
Create Date: 2026-11-24 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019_retention'
down_revision = '0018_audit'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        batch_op.add_column(sa.Column('respondents_deleted_on', sa.Date(), nullable=True))
    op.create_table(
        'group_tally',
        sa.Column('cycle_id', sa.Integer(), nullable=False),
        sa.Column('dimension', sa.String(length=20), nullable=False),
        sa.Column('group_value', sa.String(length=20), nullable=False),
        sa.Column('respondents', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['cycle_id'], ['survey_cycle.id'],
                                name=op.f('fk_group_tally_cycle_id_survey_cycle'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('cycle_id', 'dimension', 'group_value',
                                name=op.f('pk_group_tally')),
    )
    op.create_table(
        'group_answer_tally',
        sa.Column('cycle_id', sa.Integer(), nullable=False),
        sa.Column('dimension', sa.String(length=20), nullable=False),
        sa.Column('group_value', sa.String(length=20), nullable=False),
        sa.Column('question_code', sa.String(length=40), nullable=False),
        sa.Column('answer', sa.Enum('yes', 'no', 'dk', name='group_tally_answer',
                                    native_enum=False, create_constraint=True),
                  nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['cycle_id'], ['survey_cycle.id'],
                                name=op.f('fk_group_answer_tally_cycle_id_survey_cycle'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('cycle_id', 'dimension', 'group_value', 'question_code',
                                'answer', name=op.f('pk_group_answer_tally')),
    )


def downgrade():
    # Without the kept tallies the filtered results of a retained cycle would be
    # gone for good: its respondents' rows cannot come back.
    retained = op.get_bind().scalar(sa.text(
        "SELECT COUNT(*) FROM survey_cycle WHERE respondents_deleted_on IS NOT NULL"))
    if retained:
        raise RuntimeError(f"{retained} cycles have had their respondents deleted "
                           "(flask retention): their kept tallies cannot be dropped.")
    op.drop_table('group_answer_tally')
    op.drop_table('group_tally')
    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        batch_op.drop_column('respondents_deleted_on')
