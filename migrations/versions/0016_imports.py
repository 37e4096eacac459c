"""surveys: uploads waiting for confirmation; keyed hashes of respondent keys

Revision ID: 0016_imports
Revises: 0015_security_sessions
Create Date: 2026-11-23 14:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016_imports'
down_revision = '0015_security_sessions'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'pending_import',
        sa.Column('id', sa.String(length=32), nullable=False),
        sa.Column('cycle_id', sa.Integer(), nullable=False),
        sa.Column('uploaded_by_id', sa.Integer(), nullable=False),
        sa.Column('uploaded_at', sa.DateTime(), nullable=False),
        sa.Column('filename', sa.String(length=200), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['cycle_id'], ['survey_cycle.id'],
                                name=op.f('fk_pending_import_cycle_id_survey_cycle'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['uploaded_by_id'], ['user.id'],
                                name=op.f('fk_pending_import_uploaded_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pending_import')),
    )
    with op.batch_alter_table('pending_import', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pending_import_cycle_id'), ['cycle_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_pending_import_uploaded_at'), ['uploaded_at'],
                              unique=False)
    op.create_table(
        'respondent_key',
        sa.Column('cycle_id', sa.Integer(), nullable=False),
        sa.Column('digest', sa.String(length=64), nullable=False),
        sa.Column('batch_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['batch_id'], ['import_batch.id'],
                                name=op.f('fk_respondent_key_batch_id_import_batch'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['cycle_id'], ['survey_cycle.id'],
                                name=op.f('fk_respondent_key_cycle_id_survey_cycle'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('cycle_id', 'digest', name=op.f('pk_respondent_key')),
    )
    with op.batch_alter_table('respondent_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_respondent_key_batch_id'), ['batch_id'],
                              unique=False)


def downgrade():
    op.drop_table('respondent_key')
    op.drop_table('pending_import')
