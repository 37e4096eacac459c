"""held answers: web answers of a flood, held for brand staff to keep or discard

Revision ID: 0022_held_answers
Revises: 0021_code_guard
Create Date: 2026-11-27 11:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0022_held_answers'
down_revision = '0021_code_guard'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'held_response',
        # A random key (as response.id): on SQLite an INTEGER, so that it is the rowid.
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'),
                  autoincrement=False, nullable=False),
        sa.Column('cycle_id', sa.Integer(), nullable=False),
        sa.Column('held_on', sa.Date(), nullable=False),
        sa.Column('language', sa.String(length=16), nullable=True),
        sa.Column('demographics', sa.JSON(), nullable=False),
        sa.Column('answers', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['cycle_id'], ['survey_cycle.id'],
                                name=op.f('fk_held_response_cycle_id_survey_cycle'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_held_response')),
    )
    with op.batch_alter_table('held_response', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_held_response_cycle_id'), ['cycle_id'], unique=False)
    with op.batch_alter_table('survey_alert', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint(op.f('ck_survey_alert_alert_kind'), type_='check')
        batch_op.create_check_constraint(
            'alert_kind', "kind IN ('burst', 'limit', 'codes', 'held')")


def downgrade():
    # Answers still held would be lost without a word: keep or discard them first.
    held = op.get_bind().scalar(sa.text("SELECT COUNT(*) FROM held_response"))
    if held:
        raise RuntimeError(f"{held} survey answers are held for review: keep or discard "
                           "them on their cycles' pages first.")
    op.execute(sa.text("DELETE FROM survey_alert WHERE kind = 'held'"))
    with op.batch_alter_table('survey_alert', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint(op.f('ck_survey_alert_alert_kind'), type_='check')
        batch_op.create_check_constraint(
            'alert_kind', "kind IN ('burst', 'limit', 'codes')")
    with op.batch_alter_table('held_response', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_held_response_cycle_id'))
    op.drop_table('held_response')
