"""results: released by whom; answers keyed at random and tied to their import

Revision ID: 0009_release
Revises: 0008_site_history
Create Date: 2026-11-23 11:40:00

Responses get random 64-bit keys and answers lose their own counter, so that no
key tells the order in which workers answered. Respondents point to the import
that brought them in, so that a mistaken import can be removed whole; the import
record then says who removed it and when (and the same file may come in again).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_release'
down_revision = '0008_site_history'
branch_labels = None
depends_on = None

KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade():
    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        batch_op.add_column(sa.Column('results_shared_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_survey_cycle_results_shared_by_id_user'),
                                    'user', ['results_shared_by_id'], ['id'])

    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.drop_constraint('uq_import_batch_cycle_id_fingerprint', type_='unique')
        batch_op.add_column(sa.Column('removed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('removed_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_import_batch_removed_by_id_user'),
                                    'user', ['removed_by_id'], ['id'])

    # The answers' own key goes; (respondent, question) is the key instead.
    with op.batch_alter_table('response_answer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_response_answer_response_id'))
        batch_op.drop_constraint('pk_response_answer', type_='primary')
        batch_op.drop_column('id')
        batch_op.create_primary_key('pk_response_answer', ['response_id', 'question_code'])

    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.alter_column('id', existing_type=sa.Integer(), type_=KEY,
                              existing_nullable=False, server_default=None)
        batch_op.add_column(sa.Column('batch_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_response_batch_id'), ['batch_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_response_batch_id_import_batch'),
                                    'import_batch', ['batch_id'], ['id'], ondelete='CASCADE')

    with op.batch_alter_table('response_answer', schema=None) as batch_op:
        batch_op.alter_column('response_id', existing_type=sa.Integer(), type_=KEY,
                              existing_nullable=False)


def downgrade():
    with op.batch_alter_table('response_answer', schema=None) as batch_op:
        batch_op.alter_column('response_id', existing_type=KEY, type_=sa.Integer(),
                              existing_nullable=False)

    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_response_batch_id_import_batch'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_response_batch_id'))
        batch_op.drop_column('batch_id')
        batch_op.alter_column('id', existing_type=KEY, type_=sa.Integer(),
                              existing_nullable=False)

    with op.batch_alter_table('response_answer', schema=None) as batch_op:
        batch_op.drop_constraint('pk_response_answer', type_='primary')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('ALTER TABLE response_answer ADD COLUMN id SERIAL')
    else:
        op.add_column('response_answer', sa.Column('id', sa.Integer(), nullable=True))
        op.execute('UPDATE response_answer SET id = rowid')
    with op.batch_alter_table('response_answer', schema=None) as batch_op:
        batch_op.alter_column('id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_primary_key('pk_response_answer', ['id'])
        batch_op.create_index(batch_op.f('ix_response_answer_response_id'), ['response_id'],
                              unique=False)

    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_import_batch_removed_by_id_user'),
                                 type_='foreignkey')
        batch_op.drop_column('removed_by_id')
        batch_op.drop_column('removed_at')
        batch_op.create_unique_constraint('uq_import_batch_cycle_id_fingerprint', ['cycle_id', 'fingerprint'])

    with op.batch_alter_table('survey_cycle', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_survey_cycle_results_shared_by_id_user'),
                                 type_='foreignkey')
        batch_op.drop_column('results_shared_by_id')
