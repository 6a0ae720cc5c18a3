"""Diagnosis corrections: what a CSM corrected in what coach read from a message.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 17:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('diagnosis_corrections',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('account_id', sa.String(length=200), nullable=True),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('labels', sa.JSON(), nullable=False),
    sa.Column('read_as', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('diagnosis_corrections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_diagnosis_corrections_account_id'), ['account_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('diagnosis_corrections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_diagnosis_corrections_account_id'))
    op.drop_table('diagnosis_corrections')
