"""escalation: mentor links, invite codes, SLA chain, ratings

Adds the chain's offers (who was offered an escalation, when, and how it ended), the topic shown
in alerts, and the mentor's focus (which claimed hand-off their typing goes to). Mentors, invite
codes, learners.mentor_id, SLA due times and ratings already exist since 0001.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "escalation_offers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("escalation_id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("offered_at", sa.DateTime(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["escalation_id"], ["escalations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["mentor_id"], ["mentors.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("escalation_offers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_escalation_offers_escalation_id"), ["escalation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_escalation_offers_mentor_id"), ["mentor_id"], unique=False
        )
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("topic", sa.String(length=120), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("focus_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.drop_column("focus_at")
        batch_op.drop_column("topic")
    with op.batch_alter_table("escalation_offers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_escalation_offers_mentor_id"))
        batch_op.drop_index(batch_op.f("ix_escalation_offers_escalation_id"))
    op.drop_table("escalation_offers")
