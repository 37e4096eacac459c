"""reviewers: people outside a company who review its survey texts in some languages

Revision ID: 0031_reviewers
Revises: 0030_question_labels
Create Date: 2026-12-05 08:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0031_reviewers'
down_revision = '0030_question_labels'
branch_labels = None
depends_on = None

OLD_ROLES = ("coordinator", "brand", "supplier")
NEW_ROLES = (*OLD_ROLES, "reviewer")
USER_OLD = ("(role = 'coordinator' AND company_id IS NULL AND supplier_id IS NULL)"
            " OR (role = 'brand' AND company_id IS NOT NULL AND supplier_id IS NULL)"
            " OR (role = 'supplier' AND supplier_id IS NOT NULL AND company_id IS NULL)")
INVITATION_OLD = ("(role = 'brand' AND company_id IS NOT NULL AND supplier_id IS NULL)"
                  " OR (role = 'supplier' AND supplier_id IS NOT NULL)")
REVIEWER = " OR (role = 'reviewer' AND company_id IS NOT NULL AND supplier_id IS NULL)"


def _roles(roles) -> str:
    return "role IN (" + ", ".join(f"'{r}'" for r in roles) + ")"


def _rules(table: str, roles, organisation: str, columns: bool) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f(f'ck_{table}_role'), type_='check')
        batch_op.drop_constraint(batch_op.f(f'ck_{table}_role_matches_organisation'),
                                 type_='check')
        batch_op.create_check_constraint(batch_op.f(f'ck_{table}_role'), _roles(roles))
        batch_op.create_check_constraint(
            batch_op.f(f'ck_{table}_role_matches_organisation'), organisation)
        if columns:
            batch_op.add_column(sa.Column('review_languages', sa.JSON(), nullable=True))
            batch_op.add_column(sa.Column('affiliation', sa.String(length=120), nullable=False,
                                          server_default=''))
        else:
            batch_op.drop_column('affiliation')
            batch_op.drop_column('review_languages')


def upgrade():
    _rules('user', NEW_ROLES, USER_OLD + REVIEWER, columns=True)
    _rules('invitation', NEW_ROLES, INVITATION_OLD + REVIEWER, columns=True)


def downgrade():
    # Reviewers' accounts and invitations cannot be kept without their role.
    op.execute("DELETE FROM invitation WHERE role = 'reviewer'")
    op.execute("DELETE FROM login_session WHERE user_id IN "
               "(SELECT id FROM \"user\" WHERE role = 'reviewer')")
    for table, column in (("question_text", "reviewed_by_id"), ("audit_entry", "user_id")):
        op.execute(f"UPDATE {table} SET {column} = NULL WHERE {column} IN "
                   "(SELECT id FROM \"user\" WHERE role = 'reviewer')")
    op.execute("DELETE FROM \"user\" WHERE role = 'reviewer'")
    _rules('invitation', OLD_ROLES, INVITATION_OLD, columns=False)
    _rules('user', OLD_ROLES, USER_OLD, columns=False)
