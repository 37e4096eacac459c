"""joint dialogues: each owner's preparation and private notes of its own; which
owner's point, participant or agreement

Revision ID: 0036_joint_dialogues
Revises: 0035_joint_cycles
Create Date: 2026-12-05 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0036_joint_dialogues'
down_revision = '0035_joint_cycles'
branch_labels = None
depends_on = None

FIELDS = ('audit_note', 'expert_context', 'open_questions', 'solutions', 'must_discuss',
          'script')


def _company(table):
    return sa.Column('company_id', sa.Integer(), sa.ForeignKey(
        'company.id', name=op.f(f'fk_{table}_company_id_company')), nullable=True)


def upgrade():
    op.create_table(
        'dialogue_preparation',
        sa.Column('dialogue_id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Text(), nullable=False) for name in FIELDS),
        sa.Column('shared', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['dialogue_id'], ['dialogue.id'],
                                name=op.f('fk_dialogue_preparation_dialogue_id_dialogue'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['company_id'], ['company.id'],
                                name=op.f('fk_dialogue_preparation_company_id_company')),
        sa.PrimaryKeyConstraint('dialogue_id', 'company_id',
                                name=op.f('pk_dialogue_preparation')),
    )
    op.create_table(
        'dialogue_private_notes',
        sa.Column('dialogue_id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['dialogue_id'], ['dialogue.id'],
                                name=op.f('fk_dialogue_private_notes_dialogue_id_dialogue'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['company_id'], ['company.id'],
                                name=op.f('fk_dialogue_private_notes_company_id_company')),
        sa.PrimaryKeyConstraint('dialogue_id', 'company_id',
                                name=op.f('pk_dialogue_private_notes')),
    )
    columns = ', '.join(FIELDS)
    op.execute(f"INSERT INTO dialogue_preparation (dialogue_id, company_id, {columns}, shared) "
               f"SELECT id, company_id, {columns}, false FROM dialogue")
    for table in ('attention_point', 'participant', 'dialogue_action'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(_company(table))
    with op.batch_alter_table('attention_point', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attention_point_company_id'), ['company_id'],
                              unique=False)
    owner = "(SELECT company_id FROM dialogue WHERE dialogue.id = {}.dialogue_id)"
    op.execute(f"UPDATE attention_point SET company_id = {owner.format('attention_point')} "
               "WHERE NOT by_supplier")
    op.execute(f"UPDATE participant SET company_id = {owner.format('participant')} "
               "WHERE organisation = 'brand'")
    op.execute(f"UPDATE dialogue_action SET company_id = {owner.format('dialogue_action')} "
               "WHERE owner = 'brand'")
    with op.batch_alter_table('dialogue', schema=None) as batch_op:
        for name in FIELDS:
            batch_op.drop_column(name)


def downgrade():
    with op.batch_alter_table('dialogue', schema=None) as batch_op:
        for name in FIELDS:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=''))
    for name in FIELDS:
        op.execute(f"UPDATE dialogue SET {name} = COALESCE((SELECT p.{name} FROM "
                   "dialogue_preparation p WHERE p.dialogue_id = dialogue.id AND "
                   "p.company_id = dialogue.company_id), '')")
    with op.batch_alter_table('attention_point', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attention_point_company_id'))
    for table in ('dialogue_action', 'participant', 'attention_point'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('company_id')
    op.drop_table('dialogue_private_notes')
    op.drop_table('dialogue_preparation')
