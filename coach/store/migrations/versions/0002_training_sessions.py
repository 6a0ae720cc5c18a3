"""Role-play training: sessions (customer state, scorecard) and their turns.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('training_sessions',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('persona_id', sa.String(length=80), nullable=False),
    sa.Column('trainee', sa.String(length=200), nullable=False),
    sa.Column('engine', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('today', sa.Date(), nullable=False),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('level', sa.String(length=40), nullable=True),
    sa.Column('scorecard', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('training_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_sessions_persona_id'), ['persona_id'], unique=False)
        batch_op.create_index('ix_training_sessions_trainee_created', ['trainee', 'created_at'], unique=False)
    op.create_table('training_turns',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('session_id', sa.String(length=40), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['training_sessions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('training_turns', schema=None) as batch_op:
        batch_op.create_index('ix_training_turns_session_seq', ['session_id', 'seq'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('training_turns', schema=None) as batch_op:
        batch_op.drop_index('ix_training_turns_session_seq')
    op.drop_table('training_turns')
    with op.batch_alter_table('training_sessions', schema=None) as batch_op:
        batch_op.drop_index('ix_training_sessions_trainee_created')
        batch_op.drop_index(batch_op.f('ix_training_sessions_persona_id'))
    op.drop_table('training_sessions')
