"""Everything a writer (template or model) needs for one draft, computed before any text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from coach.accounts import Account, AccountFigures
from coach.diagnosis.models import Diagnosis
from coach.drafting.listening import Heard
from coach.drafting.profile import CsmProfile
from coach.guard import Facts, Guard, GuardContext, Names
from coach.knowledge.search import Hit
from coach.policy import Decision, Policy

GREETING_FALLBACK = {"en": "there", "uk": "колего", "es": "", "de": "", "fr": "", "pt": "", "pl": ""}
COMPANY_FALLBACK = {"en": "your company", "uk": "вашої компанії", "es": "su empresa", "de": "Ihr Unternehmen",
                    "fr": "votre entreprise", "pt": "sua empresa", "pl": "Państwa firmy"}
SERVICE_REQUESTS = frozenset({"module_cancel", "service_removal", "pause"})
# Plays that put the results on the table: their closing check-in is the performance review.
REVIEW_PLAYS = frozenset({"course_correct", "creative_swap", "remove_with_review", "value_engineering"})
# What the follow-up is for, as the customer reads it (the policy's descriptions are for the CSM).
TRIGGER_LABELS = {
    "en": {
        "employee_count": "a check on your team's size", "budget_cycle": "your next budget cycle",
        "feature_release": "to share what's new", "reengagement_90d": "a check-in on how things are going",
        "performance_gap_review": "a look at your results since the change",
        "upgrade_path": "a check on whether the plan still fits", "resume_billing": "to confirm the restart",
        "plan_review": "a look at the plan's results together",
    },
    "uk": {
        "employee_count": "перевірка кількості працівників", "budget_cycle": "новий бюджетний цикл",
        "feature_release": "вихід нових можливостей", "reengagement_90d": "повторний контакт через 90 днів",
        "performance_gap_review": "огляд результатів після зміни", "upgrade_path": "перевірка готовності до підвищення",
        "resume_billing": "відновлення оплати",
        "plan_review": "спільний огляд результатів плану",
    },
    "es": {
        "employee_count": "para revisar el tamaño de su equipo", "budget_cycle": "su próximo ciclo de presupuesto",
        "feature_release": "para contarle las novedades", "reengagement_90d": "para ver cómo van las cosas",
        "performance_gap_review": "para revisar sus resultados tras el cambio",
        "upgrade_path": "para ver si el plan sigue encajando", "resume_billing": "para confirmar la reanudación",
        "plan_review": "para revisar juntos los resultados del plan",
    },
    "de": {
        "employee_count": "ein Blick auf Ihre Teamgröße", "budget_cycle": "Ihre nächste Budgetrunde",
        "feature_release": "Neuigkeiten vorstellen", "reengagement_90d": "kurz nachfragen, wie es läuft",
        "performance_gap_review": "Ihre Ergebnisse nach der Änderung ansehen",
        "upgrade_path": "prüfen, ob der Plan noch passt", "resume_billing": "den Neustart bestätigen",
        "plan_review": "gemeinsam die Ergebnisse des Plans ansehen",
    },
    "fr": {
        "employee_count": "pour faire le point sur la taille de votre équipe",
        "budget_cycle": "votre prochain cycle budgétaire",
        "feature_release": "pour vous présenter les nouveautés", "reengagement_90d": "pour prendre de vos nouvelles",
        "performance_gap_review": "pour regarder vos résultats après le changement",
        "upgrade_path": "pour vérifier que le plan convient toujours", "resume_billing": "pour confirmer la reprise",
        "plan_review": "pour regarder ensemble les résultats du plan",
    },
    "pt": {
        "employee_count": "para ver o tamanho da sua equipe", "budget_cycle": "o seu próximo ciclo de orçamento",
        "feature_release": "para apresentar as novidades", "reengagement_90d": "para saber como as coisas estão",
        "performance_gap_review": "para analisar os resultados depois da mudança",
        "upgrade_path": "para ver se o plano ainda serve", "resume_billing": "para confirmar a retomada",
        "plan_review": "para analisar juntos os resultados do plano",
    },
    "pl": {  # the counter writes "Odezwę się <date>, żeby <label>."
        "employee_count": "sprawdzić wielkość zespołu", "budget_cycle": "porozmawiać o kolejnym cyklu budżetowym",
        "feature_release": "pokazać nowości", "reengagement_90d": "zapytać, jak idą sprawy",
        "performance_gap_review": "razem przejrzeć wyniki po zmianie",
        "upgrade_path": "sprawdzić, czy plan nadal pasuje", "resume_billing": "potwierdzić wznowienie",
        "plan_review": "razem przejrzeć wyniki planu",
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
    read_as: dict | None = None  # what coach read before the CSM's corrections (None: nothing corrected)
    guard: Guard | None = None  # build_context passes the workspace's guard
    csm: CsmProfile = field(default_factory=CsmProfile)
    heard: Heard = field(default_factory=lambda: Heard("standard", None, None, 0))
    prompts_dir: Path | None = None
    customer_language: str = ""  # the language the customer wrote in (the reply may fall back)
    prior_counters: int = 0  # counters already made on this request (a later round continues the conversation)

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

    def guard_context(self, stage: str, part: str = "", author: str = "coach") -> GuardContext:
        """What a text of this draft is checked against (stage: acknowledgment, questions, counter...); author
        "model" adds the guard's learned reader."""
        return GuardContext(stage=stage, part=part or stage, facts=self.facts(), language=self.language,
                            names=self.names(), counter=self.decision.counter, author=author)

    def check(self, text: str, stage: str, part: str = "", author: str = "coach") -> list[str]:
        """The guard's findings for one text of this draft, one line each."""
        return self.the_guard().problems(text, self.guard_context(stage, part, author))

    @property
    def contact_first(self) -> str:
        name = safe_name(self.account.contact.name)
        return name.split()[0] if name else GREETING_FALLBACK.get(self.language, "there")

    @property
    def account_name(self) -> str:
        """The account name as it may appear in a reply; instruction-like names are not echoed."""
        return safe_name(self.account.name) or COMPANY_FALLBACK.get(self.language, "your company")

    def template_vars(self) -> dict:
        d, dx, c = self.decision, self.diagnosis, self.decision.counter
        trigger = d.triggers[0] if d.triggers else None
        label_key = trigger.kind if trigger is not None else ""
        if d.play in REVIEW_PLAYS:  # the check-in a results plan promises is the results review, not the soonest
            review = next((t for t in d.triggers if t.kind == "performance_gap_review"), None)
            if review is not None:
                trigger = review
                label_key = "plan_review" if d.play == "course_correct" else review.kind  # nothing changed yet
        if trigger is not None and self.language in TRIGGER_LABELS:
            label = TRIGGER_LABELS[self.language].get(label_key, trigger.kind)
            trigger = trigger.model_copy(update={"description": label})
        return {
            "contact_first": self.contact_first, "account_name": self.account_name,
            "kind": dx.kind, "hardship": d_hardship(self), "reduction_pct": dx.reduction_pct,
            "seats_requested": dx.seats_requested,
            # services are named in the texts only when the request is about services (a seat cut's
            # reading may carry a service named in passing: "we lost leads")
            "modules": [safe_name(m) or _neutral_service(self.language) for m in dx.modules]
            if dx.kind in SERVICE_REQUESTS else [],
            "play": d.play, "c": _safe_services(c, self.language),
            "current_mrr": self.account.mrr, "list_mrr": self.account.list_mrr,
            "currency": self.account.currency or "USD",
            "current_seats": self.account.seats, "requested_mrr": d.requested_mrr,
            "swap_to": d.swap_to, "pause_start": d.pause_start, "mrr_during_pause": d.mrr_during_pause,
            "pause_asked": d.pause_asked_months, "pause_max": self.policy.pause.max_months,
            "new_end_date": d.new_end_date, "trigger": trigger,
            "tier_from": d.tier_from, "tier_to": d.tier_to, "flags": list(d.flags),
            "locked": "locked" in d.flags, "lock_ends": d.lock_ends, "lock_months": self.policy.lock.months,
            "show_request": _differs(d.requested_mrr, c.new_mrr if c else None),
            "extra_discount": c is not None and c.discount_pct >= self.figures.discount_pct + 0.5,
            "below_request": "below_request" in d.flags,
            "upgrade_trigger": next((t for t in d.triggers if t.kind == "upgrade_path"), None),
            "review_trigger": next((t for t in d.triggers if t.kind == "performance_gap_review"), None),
            "tone": self.heard.tone, "topic": self.heard.topic, "topic_id": self.heard.topic_id,
            "variant": self.heard.variant,
            # a later round of the same conversation: the reply continues it instead of greeting anew
            "followup": bool(self.history) or self.prior_counters > 0, "countered": self.prior_counters > 0,
            "csm": self.csm, "sign_off": self.csm.sign_off_lines(),
            "fem": None if self.csm.gender is None else self.csm.gender == "feminine",
            "root_cause": dx.root_cause, "account_named": bool(safe_name(self.account.name)),
            **self.price_vars(),
        }

    def price_vars(self) -> dict:
        """What the counter's price means against today: the monthly saving, the customer's own
        discount (kept, or raised), how much of the asked-for saving the counter gives, the end dates."""
        c, d = self.decision.counter, self.decision
        current = current_discount(self.account)
        out: dict = {"current_discount_pct": current, "current_end_date": self.figures.end_date.isoformat(),
                     "saving": None, "same_discount": False, "raised_discount": False, "saving_share": None}
        if c is None:
            return out
        saving = round(self.account.mrr - c.new_mrr, 2)
        out["saving"] = saving if saving > 0.005 else None
        # "you keep your current 8%" only when the counter's discount reads the same: 8.1% (today's 8% on a
        # smaller package, rounded up) is stated as it is, or the text would not disclose it
        out["same_discount"] = bool(c.discount_pct) and current > 0 and abs(c.discount_pct - current) < 0.05
        out["raised_discount"] = c.discount_pct >= current + 0.5
        asked = None if d.requested_mrr is None else self.account.mrr - d.requested_mrr
        if asked is not None and d.requested_mrr is not None and asked > 0.005 and saving > 0.005 \
                and c.new_mrr > d.requested_mrr + 0.005:
            out["saving_share"] = round(saving / asked, 2)  # the counter gives this part of the cut asked
        return out

    def facts(self) -> Facts:
        """The numbers and dates any text of this draft may state."""
        a, d, dx = self.account, self.decision, self.diagnosis
        f = Facts(hard_cap_pct=self.policy.discount.hard_cap_pct, currency=a.currency or "USD")
        f.allow_own(dx.reduction_pct, dx.seats_requested, dx.target_mrr, a.mrr)  # theirs: a first reply may repeat them
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
        if d.pause_asked_months:  # the customer's own pause length, stated back beside the maximum
            f.allow(d.pause_asked_months)
            f.allow_months(d.pause_asked_months)
        f.allow(d.swap_to, self.policy.lock.months, *self.policy.performance_gap_review_months,
                *self.csm.sign_off_lines())
        # what the counter means against today: the monthly saving, the discount the customer has now,
        # the agreement's end date before the change
        if d.counter is not None and a.mrr - d.counter.new_mrr > 0.005:
            f.allow(round(a.mrr - d.counter.new_mrr, 2))
        f.allow(current_discount(a) or None, self.figures.end_date.isoformat())
        # the percentages a text of this draft may state: the cut asked for, the discount now and offered
        f.allow_percent(dx.reduction_pct, current_discount(a) or None,
                        *(c.discount_pct for c in (d.counter, d.alternative) if c is not None and c.discount_pct))
        # the counts a text may state before a counted noun: the seats (now, asked for, proposed, and the
        # differences between them), the services and modules, and the counts in the policy's trigger texts
        seats = [s for s in (a.seats, dx.seats_to, *(c.seats for c in (d.counter, d.alternative) if c is not None))
                 if s is not None]
        f.allow_counts(*seats, dx.seats_requested, *(abs(x - y) for x in seats for y in seats if x != y),
                       len(a.services), len(dx.modules),
                       *(len(c.kept_services) for c in (d.counter, d.alternative) if c is not None),
                       *(len(c.suspended_services) for c in (d.counter, d.alternative) if c is not None))
        f.allow_counts(*(t.description for t in d.triggers))
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


def current_discount(account: Account) -> float:
    """The customer's discount off list today, to one decimal as the counter's discount is (0: none)."""
    if not account.list_mrr or account.list_mrr <= 0:
        return 0.0
    return round(max(0.0, (1 - account.mrr / account.list_mrr) * 100), 1)


def _differs(a: float | None, b: float | None) -> bool:
    """Show the comparison with the customer's own request only where the numbers differ."""
    return a is not None and b is not None and abs(a - b) > 0.005


NEUTRAL_SERVICE = {"en": "that service", "uk": "цю послугу", "es": "ese servicio", "de": "diesen Service",
                   "fr": "ce service", "pt": "esse serviço", "pl": "tę usługę"}


def _neutral_service(language: str) -> str:
    return NEUTRAL_SERVICE.get(language, "that service")


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
