"""questionnaires: texts reviewed by a named person; the languages a version offers

Revision ID: 0011_reviewed_texts
Revises: 0010_survey_guard
Create Date: 2026-11-23 12:10:00

Versions published before this step offer the languages whose texts were all
written by a person (not drafted by machine); nobody is named as their reviewer.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011_reviewed_texts'
down_revision = '0010_survey_guard'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('question_text', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reviewed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reviewed_at', sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_question_text_reviewed_by_id_user'),
                                    'user', ['reviewed_by_id'], ['id'])
    with op.batch_alter_table('questionnaire_version', schema=None) as batch_op:
        batch_op.add_column(sa.Column('languages', sa.JSON(), nullable=True))

    connection = op.get_bind()
    version = sa.table('questionnaire_version', sa.column('id', sa.Integer),
                       sa.column('published_at', sa.DateTime),
                       sa.column('languages', sa.JSON))
    question = sa.table('question', sa.column('id', sa.Integer),
                        sa.column('version_id', sa.Integer))
    text = sa.table('question_text', sa.column('question_id', sa.Integer),
                    sa.column('locale', sa.String), sa.column('needs_review', sa.Boolean))
    for version_id, published_at in connection.execute(
            sa.select(version.c.id, version.c.published_at)).all():
        questions = set(connection.scalars(
            sa.select(question.c.id).where(question.c.version_id == version_id)))
        per_locale: dict[str, set] = {}
        for question_id, locale, needs_review in connection.execute(
                sa.select(text.c.question_id, text.c.locale, text.c.needs_review)
                .where(text.c.question_id.in_(questions or {0}))):
            if not needs_review:
                per_locale.setdefault(locale, set()).add(question_id)
        languages = sorted(locale for locale, done in per_locale.items()
                           if questions and done == questions) if published_at else []
        connection.execute(version.update().where(version.c.id == version_id)
                           .values(languages=languages))
    with op.batch_alter_table('questionnaire_version', schema=None) as batch_op:
        batch_op.alter_column('languages', existing_type=sa.JSON(), nullable=False)


def downgrade():
    with op.batch_alter_table('questionnaire_version', schema=None) as batch_op:
        batch_op.drop_column('languages')
    with op.batch_alter_table('question_text', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_question_text_reviewed_by_id_user'),
                                 type_='foreignkey')
        batch_op.drop_column('reviewed_at')
        batch_op.drop_column('reviewed_by_id')
