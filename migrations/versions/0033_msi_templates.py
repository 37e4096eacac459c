"""msi templates and benchmark: questionnaires of no company (the MSI's templates),
the template version a member's version came from, and each member's consent to
contribute to the sector benchmark

Revision ID: 0033_msi_templates
Revises: 0032_member_visibility
Create Date: 2026-12-12 08:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0033_msi_templates'
down_revision = '0032_member_visibility'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('questionnaire', schema=None) as batch_op:
        batch_op.alter_column('company_id', existing_type=sa.Integer(), nullable=True)
    with op.batch_alter_table('questionnaire_version', schema=None) as batch_op:
        batch_op.add_column(sa.Column('template_version_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_questionnaire_version_template_version_id'),
                              ['template_version_id'], unique=False)
        batch_op.create_foreign_key(
            'fk_questionnaire_version_template_version',
            'questionnaire_version', ['template_version_id'], ['id'])
    op.create_table(
        'member_settings',
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('contributes_to_benchmark', sa.Boolean(), nullable=False),
        sa.Column('changed_at', sa.DateTime(), nullable=True),
        sa.Column('changed_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['changed_by_id'], ['user.id'],
                                name=op.f('fk_member_settings_changed_by_id_user')),
        sa.ForeignKeyConstraint(['company_id'], ['company.id'],
                                name=op.f('fk_member_settings_company_id_company')),
        sa.PrimaryKeyConstraint('company_id', name=op.f('pk_member_settings')))


def downgrade():
    op.drop_table('member_settings')
    with op.batch_alter_table('questionnaire_version', schema=None) as batch_op:
        batch_op.drop_constraint(
            'fk_questionnaire_version_template_version',
            type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_questionnaire_version_template_version_id'))
        batch_op.drop_column('template_version_id')
    # Templates belong to no company: without them a questionnaire needs one. Their
    # versions are gone with them; members' copies stay, as their own.
    op.execute("DELETE FROM question_text WHERE question_id IN (SELECT question.id FROM question "
               "JOIN questionnaire_version v ON v.id = question.version_id "
               "JOIN questionnaire q ON q.id = v.questionnaire_id WHERE q.company_id IS NULL)")
    op.execute("DELETE FROM question WHERE version_id IN (SELECT v.id FROM questionnaire_version v "
               "JOIN questionnaire q ON q.id = v.questionnaire_id WHERE q.company_id IS NULL)")
    op.execute("DELETE FROM questionnaire_version WHERE questionnaire_id IN "
               "(SELECT id FROM questionnaire WHERE company_id IS NULL)")
    op.execute("DELETE FROM questionnaire WHERE company_id IS NULL")
    with op.batch_alter_table('questionnaire', schema=None) as batch_op:
        batch_op.alter_column('company_id', existing_type=sa.Integer(), nullable=False)
