from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect

from coach.accounts import parse_account
from coach.cases import Stage, StageTransitionError, plan_trigger
from coach.config import REPO_ROOT
from coach.store import Database, NotFoundError, current_revision, head_revision, repo

TODAY = date(2026, 11, 20)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """Every repository test runs on SQLite and on the real PostgreSQL (skipped when there is none)."""
    url = (f"sqlite:///{tmp_path / 'data' / 'coach.db'}" if request.param == "sqlite"
           else request.getfixturevalue("postgres_url"))
    database = Database(url)
    yield database
    database.dispose()


def account():
    return parse_account(json.loads((REPO_ROOT / "examples" / "acme-dental.json").read_text()))


def test_migrations_create_every_table_and_reach_head(db: Database) -> None:
    assert set(inspect(db.engine).get_table_names()) >= {
        "accounts", "cases", "turns", "decisions", "case_events", "triggers", "alembic_version"}
    assert current_revision(db.engine) == head_revision(db.engine)


def test_upgrade_is_idempotent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'coach.db'}"
    Database(url).dispose()
    again = Database(url)
    assert current_revision(again.engine) == head_revision(again.engine)


def test_everything_survives_a_new_engine(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'coach.db'}"
    first = Database(url)
    with first.session() as s:
        repo.save_account(s, account())
        case = repo.create_case(s, "acme-dental", TODAY)
        turn = repo.add_turn(s, case, "customer", "We need to cut seats", TODAY)
        repo.add_decision(s, case, turn, {"acknowledgment": "Thanks"}, TODAY)
        repo.change_stage(s, case, "counter_sent", TODAY)
        repo.change_stage(s, case, "accepted", TODAY)
        repo.add_triggers(s, case, [plan_trigger("reengagement_90d", TODAY)], TODAY)
        s.commit()
        case_id = case.id
    first.dispose()

    second = Database(url)
    with second.session() as s:
        case = repo.get_case(s, case_id)
        assert case.stage == "accepted"
        assert [t.text for t in case.turns] == ["We need to cut seats"]
        assert repo.latest_decision(case).draft == {"acknowledgment": "Thanks"}
        assert repo.counters_sent(case) == 1
        stages = [e.value for e in case.events if e.kind == "stage"]
        assert stages == ["acknowledged", "counter_sent", "accepted"]
        assert [t.kind for t in repo.due_triggers(s, date(2027, 3, 1))] == ["reengagement_90d"]
        assert repo.load_account(s, "acme-dental").mrr == 4600.0


def test_uncommitted_work_is_not_kept(db: Database) -> None:
    with db.session() as s:
        repo.save_account(s, account())
    with db.session() as s:
        with pytest.raises(NotFoundError):
            repo.get_account_row(s, "acme-dental")


def test_unknowns_raise_not_found(db: Database) -> None:
    with db.session() as s:
        with pytest.raises(NotFoundError, match="unknown account"):
            repo.create_case(s, "nobody", TODAY)
        with pytest.raises(NotFoundError, match="unknown case"):
            repo.get_case(s, "case-0")
        with pytest.raises(NotFoundError, match="unknown trigger"):
            repo.complete_trigger(s, 99, TODAY)


def test_stage_flow_enforced(db: Database) -> None:
    with db.session() as s:
        repo.save_account(s, account())
        case = repo.create_case(s, "acme-dental", TODAY)
        with pytest.raises(StageTransitionError):
            repo.change_stage(s, case, "triggers_set", TODAY)
        assert case.stage == Stage.ACKNOWLEDGED


def test_due_triggers_window_and_completion(db: Database) -> None:
    with db.session() as s:
        repo.save_account(s, account())
        case = repo.create_case(s, "acme-dental", TODAY)
        repo.add_triggers(s, case, [plan_trigger("feature_release", TODAY, on=date(2026, 12, 1)),
                                    plan_trigger("budget_cycle", TODAY, on=date(2027, 1, 1))], TODAY)
        s.commit()
        assert [t.kind for t in repo.due_triggers(s, date(2026, 12, 1))] == ["feature_release"]
        assert len(repo.due_triggers(s, date(2026, 12, 1), within_days=31)) == 2
        first = repo.due_triggers(s, date(2026, 12, 1))[0]
        repo.complete_trigger(s, first.id, date(2026, 12, 2))
        s.commit()
        assert repo.due_triggers(s, date(2026, 12, 1)) == []


def test_overdue_cases(db: Database) -> None:
    with db.session() as s:
        repo.save_account(s, account())
        old = repo.create_case(s, "acme-dental", date(2026, 10, 1))
        repo.create_case(s, "acme-dental", date(2026, 11, 15))
        s.commit()
        overdue = repo.overdue_cases(s, TODAY, target_days=30)
        assert [c.id for c, _ in overdue] == [old.id]
        assert "resolution target" in overdue[0][1]


def test_bad_database_url_is_input_error() -> None:
    from coach.errors import CoachInputError

    with pytest.raises(CoachInputError, match="database"):
        Database("not a url")
