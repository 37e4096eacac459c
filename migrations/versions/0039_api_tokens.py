"""API tokens of member companies and survey providers: name, scopes, the secret's
digest, who created and revoked each, and the day it was last used

Revision ID: 0039_api_tokens
Revises: 0038_providers
Create Date: 2026-12-05 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0039_api_tokens'
down_revision = '0038_providers'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'api_token',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=True),
        sa.Column('provider_id', sa.Integer(), nullable=True),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('scopes', sa.JSON(), nullable=False),
        sa.Column('digest', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('revoked_at', sa.DateTime(), nullable=True),
        sa.Column('revoked_by_id', sa.Integer(), nullable=True),
        sa.Column('last_used_on', sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(['company_id'], ['company.id'],
                                name=op.f('fk_api_token_company_id_company')),
        sa.ForeignKeyConstraint(['provider_id'], ['provider.id'],
                                name=op.f('fk_api_token_provider_id_provider')),
        sa.CheckConstraint('(company_id IS NULL) <> (provider_id IS NULL)',
                           name=op.f('ck_api_token_one_organisation')),
        sa.ForeignKeyConstraint(['created_by_id'], ['user.id'],
                                name=op.f('fk_api_token_created_by_id_user')),
        sa.ForeignKeyConstraint(['revoked_by_id'], ['user.id'],
                                name=op.f('fk_api_token_revoked_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_api_token')),
        sa.UniqueConstraint('digest', name=op.f('uq_api_token_digest')),
    )
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_token_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_api_token_provider_id'), ['provider_id'],
                              unique=False)


def downgrade():
    op.drop_table('api_token')
