"""question labels: a short label per interface language for headers and selectors

Revision ID: 0030_question_labels
Revises: 0028_update_evidence
Create Date: 2026-12-05 07:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0030_question_labels'
down_revision = '0028_update_evidence'
branch_labels = None
depends_on = None

#: The starter questionnaire's English labels as of this migration, for questions
#: that kept the starter's codes (the others show their first words until edited).
STARTER_EN = {
    "WAGE_RUNS_OUT": "Salary lasts the month", "WAGE_ON_TIME": "Paid on time",
    "PAYSLIP_CLEAR": "Pay slip understood", "OVERTIME_FORCED": "Forced overtime",
    "EXHAUSTED": "Exhaustion after work", "DAY_OFF": "A day off every week",
    "CONTRACT_UNDERSTOOD": "Contract understood", "RECRUITMENT_FEE": "Fee paid for the job",
    "RECRUITMENT_DEBT": "Debt for the job", "CLEAN_WATER": "Clean drinking water",
    "INJURY": "Injuries at work", "ID_PAPERS_KEPT": "Identity papers kept",
    "SAFETY_TRAINING": "Safety training", "SUPERVISOR_SHOUTS": "Shouting supervisors",
    "TREATED_WORSE": "Worse treatment by gender", "REPS_ELECTED": "Elected representatives",
    "UNWANTED_TOUCH": "Unwanted touching", "UNION_PUNISHED": "Punished for union membership",
    "RESULTS_SHARED": "Told about the last survey", "AFRAID_TO_RAISE": "Afraid to raise problems",
}


def upgrade():
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('labels', sa.JSON(), nullable=True))
    question = sa.table('question', sa.column('code', sa.String), sa.column('labels', sa.JSON))
    for code, label in STARTER_EN.items():
        op.execute(question.update().where(question.c.code == code)
                   .values(labels={"en": label}))


def downgrade():
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_column('labels')
