"""survey providers as organisations: their logins, the members' data-processing
agreements, cycles assigned to them, the company's upload setting, suppliers'
doubts about the data addressed to them, and their saved file mappings

Revision ID: 0038_providers
Revises: 0037_site_links
Create Date: 2026-12-05 11:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0038_providers'
down_revision = '0037_site_links'
branch_labels = None
depends_on = None

OLD_ROLES = ("coordinator", "brand", "supplier", "reviewer")
NEW_ROLES = (*OLD_ROLES, "provider")
USER_OLD = ("(role = 'coordinator' AND company_id IS NULL AND supplier_id IS NULL)"
            " OR (role = 'brand' AND company_id IS NOT NULL AND supplier_id IS NULL)"
            " OR (role = 'supplier' AND supplier_id IS NOT NULL AND company_id IS NULL)"
            " OR (role = 'reviewer' AND company_id IS NOT NULL AND supplier_id IS NULL)")
USER_PROVIDER = (" OR (role = 'provider' AND provider_id IS NOT NULL AND company_id IS NULL"
                 " AND supplier_id IS NULL)")
INVITATION_OLD = ("(role = 'brand' AND company_id IS NOT NULL AND supplier_id IS NULL)"
                  " OR (role = 'supplier' AND supplier_id IS NOT NULL)"
                  " OR (role = 'reviewer' AND company_id IS NOT NULL AND supplier_id IS NULL)")
INVITATION_PROVIDER = " OR (role = 'provider' AND provider_id IS NOT NULL AND supplier_id IS NULL)"


def _roles(roles) -> str:
    return "role IN (" + ", ".join(f"'{r}'" for r in roles) + ")"


def _rules(table: str, roles, organisation: str, add: bool) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f(f'ck_{table}_role'), type_='check')
        batch_op.drop_constraint(batch_op.f(f'ck_{table}_role_matches_organisation'),
                                 type_='check')
        if add:
            batch_op.add_column(sa.Column('provider_id', sa.Integer(), nullable=True))
            batch_op.create_foreign_key(batch_op.f(f'fk_{table}_provider_id_provider'),
                                        'provider', ['provider_id'], ['id'])
            batch_op.create_index(batch_op.f(f'ix_{table}_provider_id'), ['provider_id'],
                                  unique=False)
        else:
            batch_op.drop_index(batch_op.f(f'ix_{table}_provider_id'))
            batch_op.drop_constraint(batch_op.f(f'fk_{table}_provider_id_provider'),
                                     type_='foreignkey')
            batch_op.drop_column('provider_id')
        batch_op.create_check_constraint(batch_op.f(f'ck_{table}_role'), _roles(roles))
        batch_op.create_check_constraint(
            batch_op.f(f'ck_{table}_role_matches_organisation'), organisation)


def upgrade():
    op.create_table(
        'provider',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('channels', sa.JSON(), nullable=False),
        sa.Column('countries', sa.JSON(), nullable=False),
        sa.Column('languages', sa.JSON(), nullable=False),
        sa.Column('contact', sa.String(length=200), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['company_id'], ['company.id'],
                                name=op.f('fk_provider_company_id_company')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_provider')),
    )
    with op.batch_alter_table('provider', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_provider_company_id'), ['company_id'], unique=False)
    op.create_table(
        'processing_agreement',
        sa.Column('provider_id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('signed_on', sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(['provider_id'], ['provider.id'],
                                name=op.f('fk_processing_agreement_provider_id_provider'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['company_id'], ['company.id'],
                                name=op.f('fk_processing_agreement_company_id_company')),
        sa.PrimaryKeyConstraint('provider_id', 'company_id',
                                name=op.f('pk_processing_agreement')),
    )
    op.create_table(
        'provider_settings',
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('staff_may_upload', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['company_id'], ['company.id'],
                                name=op.f('fk_provider_settings_company_id_company')),
        sa.PrimaryKeyConstraint('company_id', name=op.f('pk_provider_settings')),
    )
    op.create_table(
        'provider_doubt',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('cycle_id', sa.Integer(), nullable=False),
        sa.Column('question_code', sa.String(length=40), nullable=True),
        sa.Column('text', sa.String(length=1000), nullable=False),
        sa.Column('asked_by_id', sa.Integer(), nullable=False),
        sa.Column('asked_at', sa.DateTime(), nullable=False),
        sa.Column('answer', sa.String(length=2000), nullable=False),
        sa.Column('answered_by_id', sa.Integer(), nullable=True),
        sa.Column('answered_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['cycle_id'], ['survey_cycle.id'],
                                name=op.f('fk_provider_doubt_cycle_id_survey_cycle'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['asked_by_id'], ['user.id'],
                                name=op.f('fk_provider_doubt_asked_by_id_user')),
        sa.ForeignKeyConstraint(['answered_by_id'], ['user.id'],
                                name=op.f('fk_provider_doubt_answered_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_provider_doubt')),
    )
    with op.batch_alter_table('provider_doubt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_provider_doubt_cycle_id'), ['cycle_id'],
                              unique=False)
    op.create_table(
        'provider_mapping',
        sa.Column('provider_id', sa.Integer(), nullable=False),
        sa.Column('columns', sa.JSON(), nullable=False),
        sa.Column('values', sa.JSON(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['provider_id'], ['provider.id'],
                                name=op.f('fk_provider_mapping_provider_id_provider'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['updated_by_id'], ['user.id'],
                                name=op.f('fk_provider_mapping_updated_by_id_user')),
        sa.PrimaryKeyConstraint('provider_id', name=op.f('pk_provider_mapping')),
    )
    _rules('user', NEW_ROLES, USER_OLD + USER_PROVIDER, add=True)
    _rules('invitation', NEW_ROLES, INVITATION_OLD + INVITATION_PROVIDER, add=True)
    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        batch_op.add_column(sa.Column('provider_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_survey_cycle_provider_id_provider'),
                                    'provider', ['provider_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_survey_cycle_provider_id'), ['provider_id'],
                              unique=False)


def downgrade():
    op.drop_table('provider_mapping')
    op.drop_table('provider_doubt')
    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_cycle_provider_id'))
        batch_op.drop_constraint(batch_op.f('fk_survey_cycle_provider_id_provider'),
                                 type_='foreignkey')
        batch_op.drop_column('provider_id')
    # Providers' accounts and invitations cannot be kept without their role.
    op.execute("DELETE FROM invitation WHERE role = 'provider'")
    op.execute("DELETE FROM login_session WHERE user_id IN "
               "(SELECT id FROM \"user\" WHERE role = 'provider')")
    for table, column in (("audit_entry", "user_id"),):
        op.execute(f"UPDATE {table} SET {column} = NULL WHERE {column} IN "
                   "(SELECT id FROM \"user\" WHERE role = 'provider')")
    op.execute("DELETE FROM \"user\" WHERE role = 'provider'")
    _rules('invitation', OLD_ROLES, INVITATION_OLD, add=False)
    _rules('user', OLD_ROLES, USER_OLD, add=False)
    op.drop_table('provider_settings')
    op.drop_table('processing_agreement')
    op.drop_table('provider')
