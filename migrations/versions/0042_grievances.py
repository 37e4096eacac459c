"""Grievance channels' figures per site, period and channel, and the effectiveness
checks of each mechanism (UN Guiding Principle 31)

Revision ID: 0042_grievances
Revises: 0041_kobo_pull
Create Date: 2026-12-05 13:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0042_grievances'
down_revision = '0041_kobo_pull'
branch_labels = None
depends_on = None

CHANNELS = ('helpline', 'app', 'suggestion_box', 'committee', 'union', 'brand')


def upgrade():
    op.create_table(
        'grievance_summary',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('site_id', sa.Integer(), nullable=False),
        sa.Column('period_kind', sa.Enum('month', 'quarter', name='period_kind',
                                         native_enum=False, create_constraint=True),
                  nullable=False),
        sa.Column('period_start', sa.Date(), nullable=False),
        sa.Column('channel', sa.Enum(*CHANNELS, name='grievance_channel', native_enum=False,
                                     create_constraint=True), nullable=False),
        sa.Column('received', sa.Integer(), nullable=False),
        sa.Column('resolved', sa.Integer(), nullable=False),
        sa.Column('still_open', sa.Integer(), nullable=False),
        sa.Column('days_to_response', sa.Double(), nullable=True),
        sa.Column('days_to_resolution', sa.Double(), nullable=True),
        sa.Column('by_theme', sa.JSON(), nullable=False),
        sa.Column('anonymous', sa.Integer(), nullable=True),
        sa.Column('women', sa.Integer(), nullable=True),
        sa.Column('entered_by_id', sa.Integer(), nullable=True),
        sa.Column('entered_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint('received >= 0 AND resolved >= 0 AND still_open >= 0',
                           name=op.f('ck_grievance_summary_counts_not_negative')),
        sa.CheckConstraint('resolved + still_open <= received',
                           name=op.f('ck_grievance_summary_resolved_open_within')),
        sa.CheckConstraint('anonymous IS NULL OR (anonymous >= 0 AND anonymous <= received)',
                           name=op.f('ck_grievance_summary_anonymous_within')),
        sa.CheckConstraint('women IS NULL OR (women >= 0 AND women <= received)',
                           name=op.f('ck_grievance_summary_women_within')),
        sa.ForeignKeyConstraint(['company_id'], ['company.id'],
                                name=op.f('fk_grievance_summary_company_id_company')),
        sa.ForeignKeyConstraint(['site_id'], ['site.id'],
                                name=op.f('fk_grievance_summary_site_id_site')),
        sa.ForeignKeyConstraint(['entered_by_id'], ['user.id'],
                                name=op.f('fk_grievance_summary_entered_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_grievance_summary')),
        sa.UniqueConstraint('company_id', 'site_id', 'period_kind', 'period_start', 'channel',
                            name=op.f('uq_grievance_summary_period_channel')),
    )
    with op.batch_alter_table('grievance_summary', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grievance_summary_company_id'), ['company_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_grievance_summary_site_id'), ['site_id'],
                              unique=False)
    op.create_table(
        'effectiveness_check',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('site_id', sa.Integer(), nullable=False),
        sa.Column('channel', sa.Enum(*CHANNELS, name='check_channel', native_enum=False,
                                     create_constraint=True), nullable=False),
        sa.Column('checked_on', sa.Date(), nullable=False),
        sa.Column('answers', sa.JSON(), nullable=False),
        sa.Column('notes', sa.JSON(), nullable=False),
        sa.Column('checked_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['company_id'], ['company.id'],
                                name=op.f('fk_effectiveness_check_company_id_company')),
        sa.ForeignKeyConstraint(['site_id'], ['site.id'],
                                name=op.f('fk_effectiveness_check_site_id_site')),
        sa.ForeignKeyConstraint(['checked_by_id'], ['user.id'],
                                name=op.f('fk_effectiveness_check_checked_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_effectiveness_check')),
    )
    with op.batch_alter_table('effectiveness_check', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_effectiveness_check_company_id'), ['company_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_effectiveness_check_site_id'), ['site_id'],
                              unique=False)


def downgrade():
    op.drop_table('effectiveness_check')
    op.drop_table('grievance_summary')
