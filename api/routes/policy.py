"""Policy checks: a proposed offer against the rules (lock period, discount caps, pause limits...)."""

from __future__ import annotations

from fastapi import APIRouter

from api.casework import resolve_account
from api.deps import PolicyDep, SessionDep, today_or
from api.errors import NOT_FOUND
from api.schemas import PolicyCheckIn, PolicyCheckOut, RuleCheckOut

router = APIRouter(prefix="/v1/policy", tags=["policy"])


@router.post("/check", response_model=PolicyCheckOut, responses=NOT_FOUND,
             summary="Check a proposed offer against the rules")
def check(body: PolicyCheckIn, s: SessionDep, policy: PolicyDep) -> PolicyCheckOut:
    from coach.policy import ProposedOffer, check_offer

    today = today_or(body.today)
    account = resolve_account(s, body, today)
    s.close()
    offer = ProposedOffer.model_validate(body.offer.model_dump())
    checks = [RuleCheckOut.model_validate(c.model_dump()) for c in check_offer(account, offer, policy, today)]
    return PolicyCheckOut(passed=all(c.passed for c in checks), checks=checks)
