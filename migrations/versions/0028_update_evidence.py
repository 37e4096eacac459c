"""update evidence: a photo or document attached to an agreement's update

Revision ID: 0028_update_evidence
Revises: 0027_worker_sharing
Create Date: 2026-12-05 06:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0028_update_evidence'
down_revision = '0027_worker_sharing'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'agreement_evidence',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('update_id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=True),
        sa.Column('supplier_id', sa.Integer(), nullable=True),
        sa.Column('filename', sa.String(length=100), nullable=False),
        sa.Column('content_type', sa.String(length=100), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=False),
        sa.Column('thumbnail', sa.LargeBinary(), nullable=True),
        sa.Column('width', sa.Integer(), nullable=True),
        sa.Column('height', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint('(company_id IS NULL) != (supplier_id IS NULL)',
                           name=op.f('ck_agreement_evidence_one_uploader')),
        sa.CheckConstraint('size > 0', name=op.f('ck_agreement_evidence_not_empty')),
        sa.ForeignKeyConstraint(['update_id'], ['action_update.id'],
                                name=op.f('fk_agreement_evidence_update_id_action_update'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['company_id'], ['company.id'],
                                name=op.f('fk_agreement_evidence_company_id_company')),
        sa.ForeignKeyConstraint(['supplier_id'], ['supplier.id'],
                                name=op.f('fk_agreement_evidence_supplier_id_supplier')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_evidence')),
        sa.UniqueConstraint('update_id', name=op.f('uq_agreement_evidence_update_id')),
    )


def downgrade():
    op.drop_table('agreement_evidence')
