"""audit: an append-only trail of staff actions

Revision ID: 0018_audit
Revises: 0017_comments_on_drafts
Create Date: 2026-11-23 14:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018_audit'
down_revision = '0017_comments_on_drafts'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'audit_entry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=True),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('target', sa.String(length=80), nullable=False),
        sa.Column('note', sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(['company_id'], ['company.id'],
                                name=op.f('fk_audit_entry_company_id_company')),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'],
                                name=op.f('fk_audit_entry_user_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry')),
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_company_id'), ['company_id'],
                              unique=False)


def downgrade():
    op.drop_table('audit_entry')
