"""suppliers: the history of a site's facts; suppliers invite their own people

Revision ID: 0008_site_history
Revises: 0007_share_code
Create Date: 2026-11-23 10:05:00

Every change to a site's facts is kept in ``site_change``. Once someone of a
supplier can log in, the supplier's own people invite their colleagues: such an
invitation names no company, so ``invitation.company_id`` may be empty for
supplier users.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008_site_history'
down_revision = '0007_share_code'
branch_labels = None
depends_on = None

BY_A_COMPANY = ("(role = 'brand' AND company_id IS NOT NULL AND supplier_id IS NULL)"
                " OR (role = 'supplier' AND supplier_id IS NOT NULL AND company_id IS NOT NULL)")
BY_ANYONE = ("(role = 'brand' AND company_id IS NOT NULL AND supplier_id IS NULL)"
             " OR (role = 'supplier' AND supplier_id IS NOT NULL)")


def upgrade():
    op.create_table('site_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('changed_by_id', sa.Integer(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['changed_by_id'], ['user.id'], name=op.f('fk_site_change_changed_by_id_user')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_site_change_site_id_site'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site_change'))
    )
    with op.batch_alter_table('site_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_site_change_site_id'), ['site_id'], unique=False)

    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_invitation_role_matches_organisation'),
                                 type_='check')
        batch_op.alter_column('company_id', existing_type=sa.Integer(), nullable=True)
        batch_op.create_check_constraint(batch_op.f('ck_invitation_role_matches_organisation'),
                                         BY_ANYONE)


def downgrade():
    # Invitations a supplier's people sent name no company, which the old rule
    # refuses: they go (an accepted one has done its work; an open one must be
    # sent again after an upgrade).
    op.execute("DELETE FROM invitation WHERE company_id IS NULL")
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_invitation_role_matches_organisation'),
                                 type_='check')
        batch_op.alter_column('company_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_check_constraint(batch_op.f('ck_invitation_role_matches_organisation'),
                                         BY_A_COMPANY)

    with op.batch_alter_table('site_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_site_change_site_id'))

    op.drop_table('site_change')
