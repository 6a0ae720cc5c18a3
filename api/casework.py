"""What the case routes share: loading accounts, drafting a suggestion, shaping case responses."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from api.case_schemas import CadenceOut, CaseOut, StepOut, TriggerOut, TurnOut
from api.errors import ConflictError
from api.schemas import AccountRef, DraftOut
from coach.accounts import Account, parse_account
from coach.cases import Stage, TriggerDays, TriggerPlan, cadence_report, parse_stage, plan_trigger
from coach.cases.cadence import StepState, cadence_from_policy, past_target
from coach.cases.stages import CLOSED, allowed_next, stage_after_customer_turn
from coach.cases.triggers import default_triggers, merge_triggers
from coach.config import Settings
from coach.policy import Policy
from coach.store import repo
from coach.store.models import CaseRow, TriggerRow, TurnRow


def resolve_account(s: Session, ref: AccountRef, today: date) -> Account:
    """The stored account named by `account_id`, or the inline account file."""
    if ref.account_id is not None:
        return repo.load_account(s, ref.account_id)
    assert ref.account is not None
    return parse_account(ref.account.model_dump(mode="json"), today=today, source="account")


def make_draft(account: Account, message: str, *, today: date, history: list[str] | None,
               prior_counters: int, settings: Settings, csm: Any = None, corrections: Any = None,
               secured: Any = None) -> Any:
    from coach.drafting.engine import draft

    return draft(account, message, today=today, history=history or None,
                 prior_counters=prior_counters, settings=settings, csm=csm, corrections=corrections,
                 secured=secured)


def draft_out(draft: Any) -> DraftOut:
    data = draft if isinstance(draft, dict) else draft.model_dump(mode="json")
    return DraftOut.model_validate(data)


def case_context(s: Session, case: CaseRow) -> tuple[Account, list[str], int]:
    """(account, earlier customer messages, counters already sent) for drafting the next reply."""
    return repo.load_account(s, case.account_id), repo.customer_texts(case), repo.counters_sent(case)


def record_turn(s: Session, case: CaseRow, role: str, text: str, today: date) -> TurnRow:
    """Store a turn; a customer's reply to the acknowledgment starts the diagnosis stage."""
    stage = parse_stage(case.stage)
    if stage in CLOSED:
        raise ConflictError(f"case {case.id} is closed ({stage.value}); open a new case", field="case_id")
    customer_before = len(repo.customer_texts(case))
    turn = repo.add_turn(s, case, role, text, today)
    if role == "customer":
        new = stage_after_customer_turn(stage, customer_before)
        if new is not stage:
            repo.set_stage(s, case, new, today)
    return turn


def close_with_triggers(s: Session, case: CaseRow, today: date, extra: list[TriggerPlan],
                        policy: Policy) -> list[TriggerRow]:
    """Moving to triggers_set: the last draft's triggers, the defaults and any the CSM added."""
    days = TriggerDays.from_policy(policy)
    from_draft: list[TriggerPlan] = []
    removed = False
    last = repo.latest_decision(case)
    if last is not None:
        d = last.draft
        for t in d.get("reengagement_triggers") or []:
            try:
                due = date.fromisoformat(t["due_date"])
            except (KeyError, TypeError, ValueError):
                continue
            from_draft.append(TriggerPlan(str(t.get("kind", "reengagement_90d")), max(due, today),
                                          str(t.get("description", ""))))
        counter = d.get("counter_proposal") or {}
        removed = bool(counter.get("suspended_services")) or (d.get("request") or {}).get("kind") in (
            "module_cancel", "service_removal")
    plans = merge_triggers(extra, from_draft, default_triggers(today, services_removed=removed, days=days))
    return repo.add_triggers(s, case, plans, today)


def plan_extra(triggers: list[Any], today: date, policy: Policy) -> list[TriggerPlan]:
    days = TriggerDays.from_policy(policy)
    return [plan_trigger(t.kind, today, on=t.on, note=t.note, days=days) for t in triggers]


def step_out(state: StepState) -> StepOut:
    st = state.step
    return StepOut(key=st.key, action=st.action, owner=st.owner, first_day=st.first_day,
                   last_day=st.last_day, window_start=state.window_start, window_end=state.window_end,
                   status=state.status)


def cadence_for(case: CaseRow, today: date, policy: Policy) -> tuple[CadenceOut, list[str]]:
    stage = parse_stage(case.stage)
    report = cadence_report(stage, case.opened_on, today, milestones=repo.milestones(case),
                            cadence=cadence_from_policy(policy), target_days=policy.resolution_target_days)
    out = CadenceOut(
        day=report.day, target_date=report.target_date, days_left=report.days_left,
        past_target=past_target(stage, case.opened_on, today, target_days=policy.resolution_target_days),
        steps=[step_out(s) for s in report.steps],
        next_step=step_out(report.next_step) if report.next_step else None,
    )
    return out, report.warnings


def turn_out(t: TurnRow) -> TurnOut:
    return TurnOut(id=t.id, seq=t.seq, role=t.role, text=t.text, on=t.on_date)


def trigger_out(t: TriggerRow) -> TriggerOut:
    return TriggerOut(id=t.id, case_id=t.case_id, account_id=t.account_id, kind=t.kind,
                      due_date=t.due_date, description=t.description, status=t.status, set_on=t.set_on)  # type: ignore[arg-type]


def case_out(case: CaseRow, today: date, policy: Policy) -> CaseOut:
    cadence, warnings = cadence_for(case, today, policy)
    last = repo.latest_decision(case)
    stage = Stage(case.stage)
    return CaseOut(
        id=case.id, account_id=case.account_id, stage=stage, opened_on=case.opened_on,
        allowed_next=allowed_next(stage), counters_sent=repo.counters_sent(case),
        turns=[turn_out(t) for t in case.turns], cadence=cadence, warnings=warnings,
        triggers=[trigger_out(t) for t in case.triggers],
        suggestion=draft_out(last.draft) if last else None,
    )
