"""site links: a member asks the supplier to confirm that two records of a site (same OS ID) are one factory

Revision ID: 0037_site_links
Revises: 0036_joint_dialogues
Create Date: 2026-12-06 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0037_site_links'
down_revision = '0036_joint_dialogues'
branch_labels = None
depends_on = None

STATES = ('open', 'confirmed', 'declined', 'withdrawn')


def upgrade():
    op.create_table(
        'site_link_request',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('site_id', sa.Integer(), nullable=True),
        sa.Column('target_site_id', sa.Integer(), nullable=False),
        sa.Column('state', sa.Enum(*STATES, name='link_state', native_enum=False,
                                   create_constraint=True), nullable=False),
        sa.Column('asked_by_id', sa.Integer(), nullable=False),
        sa.Column('asked_at', sa.DateTime(), nullable=False),
        sa.Column('answered_by_id', sa.Integer(), nullable=True),
        sa.Column('answered_at', sa.DateTime(), nullable=True),
        sa.CheckConstraint('site_id IS NULL OR site_id != target_site_id',
                           name=op.f('ck_site_link_request_two_sites')),
        sa.CheckConstraint("(state = 'open') = (answered_at IS NULL)",
                           name=op.f('ck_site_link_request_answered_when_closed')),
        sa.ForeignKeyConstraint(['company_id'], ['company.id'],
                                name=op.f('fk_site_link_request_company_id_company')),
        sa.ForeignKeyConstraint(['site_id'], ['site.id'], ondelete='SET NULL',
                                name=op.f('fk_site_link_request_site_id_site')),
        sa.ForeignKeyConstraint(['target_site_id'], ['site.id'],
                                name=op.f('fk_site_link_request_target_site_id_site')),
        sa.ForeignKeyConstraint(['asked_by_id'], ['user.id'],
                                name=op.f('fk_site_link_request_asked_by_id_user')),
        sa.ForeignKeyConstraint(['answered_by_id'], ['user.id'],
                                name=op.f('fk_site_link_request_answered_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_site_link_request')),
    )
    with op.batch_alter_table('site_link_request', schema=None) as batch_op:
        for column in ('company_id', 'site_id', 'target_site_id'):
            batch_op.create_index(batch_op.f(f'ix_site_link_request_{column}'), [column],
                                  unique=False)


def downgrade():
    with op.batch_alter_table('site_link_request', schema=None) as batch_op:
        for column in ('target_site_id', 'site_id', 'company_id'):
            batch_op.drop_index(batch_op.f(f'ix_site_link_request_{column}'))
    op.drop_table('site_link_request')
