"""Everything a writer (template or model) needs for one draft, computed before any text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from coach.accounts import Account, AccountFigures
from coach.diagnosis.models import Diagnosis
from coach.guard import Facts, Guard, GuardContext, Names
from coach.knowledge.search import Hit
from coach.policy import Decision, Policy

TRIGGER_LABELS = {
    "uk": {
        "employee_count": "перевірка кількості працівників", "budget_cycle": "новий бюджетний цикл",
        "feature_release": "вихід нових можливостей", "reengagement_90d": "повторний контакт через 90 днів",
        "performance_gap_review": "огляд результатів після зміни", "upgrade_path": "перевірка готовності до підвищення",
        "resume_billing": "відновлення оплати",
    },
}


@dataclass
class DraftContext:
    account: Account
    message: str
    today: date
    figures: AccountFigures
    diagnosis: Diagnosis
    decision: Decision
    policy: Policy
    language: str
    passages: list[Hit] = field(default_factory=list)
    history: list[str] = field(default_factory=list)
    guard: Guard | None = None  # build_context passes the workspace's guard

    def the_guard(self) -> Guard:
        if self.guard is None:  # contexts built by hand (tests): the process settings' workspace
            from coach.config import get_settings
            from coach.guard import guard_for

            self.guard = guard_for(get_settings())
        return self.guard

    def counter_stage(self) -> str:
        c = self.decision.counter
        return "pause_plan" if c is not None and c.pause_months else "counter"

    def names(self) -> Names:
        a = self.account
        return Names().add(a.name, self.account_name, a.contact.name, self.contact_first,
                           *(s.name for s in a.services), *self.diagnosis.modules, self.decision.swap_to)

    def guard_context(self, stage: str, part: str = "") -> GuardContext:
        """What a text of this draft is checked against (stage: acknowledgment, questions, counter...)."""
        return GuardContext(stage=stage, part=part or stage, facts=self.facts(), language=self.language,
                            names=self.names(), counter=self.decision.counter)

    def check(self, text: str, stage: str, part: str = "") -> list[str]:
        """The guard's findings for one text of this draft, one line each."""
        return self.the_guard().problems(text, self.guard_context(stage, part))

    @property
    def contact_first(self) -> str:
        name = safe_name(self.account.contact.name)
        return name.split()[0] if name else ("there" if self.language == "en" else "колего")

    @property
    def account_name(self) -> str:
        """The account name as it may appear in a reply; instruction-like names are not echoed."""
        return safe_name(self.account.name) or ("your company" if self.language == "en" else "вашої компанії")

    def template_vars(self) -> dict:
        d, dx, c = self.decision, self.diagnosis, self.decision.counter
        trigger = d.triggers[0] if d.triggers else None
        if trigger is not None and self.language in TRIGGER_LABELS:
            label = TRIGGER_LABELS[self.language].get(trigger.kind, trigger.kind)
            trigger = trigger.model_copy(update={"description": label})
        return {
            "contact_first": self.contact_first, "account_name": self.account_name,
            "kind": dx.kind, "hardship": d_hardship(self), "reduction_pct": dx.reduction_pct,
            "seats_requested": dx.seats_requested,
            "modules": [safe_name(m) or _neutral_service(self.language) for m in dx.modules],
            "play": d.play, "c": _safe_services(c, self.language),
            "current_mrr": self.account.mrr, "list_mrr": self.account.list_mrr,
            "current_seats": self.account.seats, "requested_mrr": d.requested_mrr,
            "swap_to": d.swap_to, "pause_start": d.pause_start, "mrr_during_pause": d.mrr_during_pause,
            "new_end_date": d.new_end_date, "trigger": trigger,
        }

    def facts(self) -> Facts:
        """The numbers and dates any text of this draft may state."""
        a, d, dx = self.account, self.decision, self.diagnosis
        f = Facts(hard_cap_pct=self.policy.discount.hard_cap_pct, currency=a.currency or "USD")
        f.allow_own(dx.reduction_pct, dx.seats_requested)
        f.allow(a.mrr, a.list_mrr, a.seats, dx.reduction_pct, dx.seats_requested, d.requested_mrr,
                d.mrr_during_pause, d.pause_start, d.new_end_date, d.lock_ends, d.resolve_by,
                self.account_name, self.contact_first, *(safe_name(m) for m in dx.modules),
                *(safe_name(s.name) for s in a.services))
        for counter in (d.counter, d.alternative):
            if counter is not None:
                f.allow(counter.discount_pct, counter.new_mrr, counter.term_extension_months,
                        counter.pause_months, counter.resume_date, counter.requested_mrr,
                        counter.contract_value, counter.requested_contract_value, counter.commitment_months,
                        counter.seats, *map(safe_name, counter.kept_services),
                        *map(safe_name, counter.suspended_services))
                f.allow_months(counter.term_extension_months, counter.pause_months, counter.commitment_months)
        for t in d.triggers:  # trigger texts come from the policy engine, numbers included
            f.allow(t.due_date, t.description)
        f.allow(d.swap_to)
        return f


# Account fields are data typed by people (or pasted from a CRM): a name that reads like an
# instruction or carries an offer is not repeated to the customer, and its numbers are not
# allowed through the guard.
_INSTRUCTION_LIKE = re.compile(
    r"ignore|instruction|system|prompt|assistant|approve|discount|override|waive|free\b|%|\boff\b|"
    r"ігнор|інструкц|знижк|безкоштов|систем", re.IGNORECASE)


def safe_name(value: str | None, max_len: int = 80) -> str:
    v = " ".join((value or "").split())
    if not v or len(v) > max_len or _INSTRUCTION_LIKE.search(v):
        return ""
    return v


def _neutral_service(language: str) -> str:
    return "that service" if language == "en" else "цю послугу"


def _safe_services(c, language: str):
    """Service names go into the reply; instruction-like ones are replaced by a neutral phrase."""
    if c is None:
        return None
    neutral = _neutral_service(language)
    return c.model_copy(update={
        "kept_services": [safe_name(n) or neutral for n in c.kept_services],
        "suspended_services": [safe_name(n) or neutral for n in c.suspended_services],
    })


def d_hardship(ctx: DraftContext) -> str | None:
    return ctx.account.hardship or ctx.diagnosis.hardship
