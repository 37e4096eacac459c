"""A cycle's KoboToolbox project (server, asset uid, the API token encrypted),
and where an import's respondents came from (a file, or fetched from KoboToolbox)

Revision ID: 0041_kobo_pull
Revises: 0040_grievance_notes
Create Date: 2026-12-05 12:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0041_kobo_pull'
down_revision = '0040_grievance_notes'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'kobo_link',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('cycle_id', sa.Integer(), nullable=False),
        sa.Column('server_url', sa.String(length=200), nullable=False),
        sa.Column('asset_uid', sa.String(length=40), nullable=False),
        sa.Column('token_sealed', sa.LargeBinary(), nullable=False),
        sa.Column('linked_by_id', sa.Integer(), nullable=False),
        sa.Column('linked_at', sa.DateTime(), nullable=False),
        sa.Column('token_set_at', sa.DateTime(), nullable=False),
        sa.Column('last_fetched_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['cycle_id'], ['survey_cycle.id'],
                                name=op.f('fk_kobo_link_cycle_id_survey_cycle'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['linked_by_id'], ['user.id'],
                                name=op.f('fk_kobo_link_linked_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_kobo_link')),
        sa.UniqueConstraint('cycle_id', name=op.f('uq_kobo_link_cycle_id')),
    )
    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=10), server_default='file',
                                      nullable=False))


def downgrade():
    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.drop_column('source')
    op.drop_table('kobo_link')
