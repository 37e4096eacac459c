"""questionnaires: drafts opened to suppliers for comments, comments on questions
(by suppliers, or a consulted worker representative or union), and the wish to
cite a standard for each question

Revision ID: 0017_comments_on_drafts
Revises: 0016_imports
Create Date: 2026-11-23 16:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017_comments_on_drafts'
down_revision = '0016_imports'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('questionnaire', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cite_standards', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table('questionnaire', schema=None) as batch_op:
        batch_op.alter_column('cite_standards', server_default=None)
    op.create_table(
        'draft_share',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version_id', sa.Integer(), nullable=False),
        sa.Column('supplier_id', sa.Integer(), nullable=False),
        sa.Column('shared_by_id', sa.Integer(), nullable=False),
        sa.Column('shared_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['shared_by_id'], ['user.id'],
                                name=op.f('fk_draft_share_shared_by_id_user')),
        sa.ForeignKeyConstraint(['supplier_id'], ['supplier.id'],
                                name=op.f('fk_draft_share_supplier_id_supplier')),
        sa.ForeignKeyConstraint(['version_id'], ['questionnaire_version.id'],
                                name=op.f('fk_draft_share_version_id_questionnaire_version'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_draft_share')),
        sa.UniqueConstraint('version_id', 'supplier_id',
                            name=op.f('uq_draft_share_version_id_supplier_id')),
    )
    with op.batch_alter_table('draft_share', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_share_supplier_id'), ['supplier_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_draft_share_version_id'), ['version_id'],
                              unique=False)
    op.create_table(
        'question_comment',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version_id', sa.Integer(), nullable=False),
        sa.Column('question_code', sa.String(length=40), nullable=False),
        sa.Column('source', sa.String(length=20), nullable=False),
        sa.Column('supplier_id', sa.Integer(), nullable=True),
        sa.Column('consulted', sa.String(length=160), nullable=False),
        sa.Column('text', sa.String(length=2000), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint("source IN ('supplier', 'worker_rep', 'union')",
                           name=op.f('ck_question_comment_comment_source')),
        sa.CheckConstraint("(source = 'supplier' AND supplier_id IS NOT NULL) OR "
                           "(source != 'supplier' AND supplier_id IS NULL "
                           "AND consulted != '')",
                           name=op.f('ck_question_comment_comment_origin')),
        sa.ForeignKeyConstraint(['author_id'], ['user.id'],
                                name=op.f('fk_question_comment_author_id_user')),
        sa.ForeignKeyConstraint(['supplier_id'], ['supplier.id'],
                                name=op.f('fk_question_comment_supplier_id_supplier')),
        sa.ForeignKeyConstraint(['version_id'], ['questionnaire_version.id'],
                                name=op.f('fk_question_comment_version_id_questionnaire_version'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_question_comment')),
    )
    with op.batch_alter_table('question_comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_comment_supplier_id'), ['supplier_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_question_comment_version_id'), ['version_id'],
                              unique=False)


def downgrade():
    op.drop_table('question_comment')
    op.drop_table('draft_share')
    with op.batch_alter_table('questionnaire', schema=None) as batch_op:
        batch_op.drop_column('cite_standards')
