"""sector issues: points and agreements marked as needing a sector-wide solution; the MSI's responses

Revision ID: 0034_sector_issues
Revises: 0032_member_visibility
Create Date: 2026-12-05 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0034_sector_issues'
down_revision = '0032_member_visibility'
branch_labels = None
depends_on = None


def upgrade():
    for table in ('dialogue_action', 'attention_point'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('sector_theme', sa.String(length=30), nullable=True))
            batch_op.add_column(sa.Column('sector_country', sa.String(length=2), nullable=True))
    op.create_table(
        'sector_response',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('theme', sa.String(length=30), nullable=False),
        sa.Column('country', sa.String(length=2), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('written_by_id', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['written_by_id'], ['user.id'],
                                name=op.f('fk_sector_response_written_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sector_response')),
        sa.UniqueConstraint('theme', 'country', name=op.f('uq_sector_response_theme_country')),
    )


def downgrade():
    op.drop_table('sector_response')
    for table in ('attention_point', 'dialogue_action'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('sector_country')
            batch_op.drop_column('sector_theme')
