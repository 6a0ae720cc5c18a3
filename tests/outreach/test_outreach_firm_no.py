"""Respecting a firm no: the switch across a multi-turn case, the attempt limit at its boundary,
no-offers requests, and the gracious acceptance (no save, no hurdle, the plan named)."""

from __future__ import annotations

from datetime import date

import pytest

from coach.config import get_settings
from coach.drafting.models import Fallback
from coach.drafting.templates import day
from coach.outreach import accept_gracefully, firm_no
from coach.outreach.writer import Brief, Check, TemplateOutreachWriter
from tests.outreach.conftest import POLICY, outreach_account

TODAY = date(2026, 11, 21)


def test_the_switch_in_a_multi_turn_case() -> None:
    """Request, counter, pushback, second counter-ask, then the decision repeated: stop there."""
    history: list[tuple[str, str]] = []
    script = [
        ("We need to cancel our subscription, the budget is gone.", 0, False),  # first request: counter it
        ("Hmm, that's still too expensive for us.", 1, False),  # pushback, no decision restated
        ("Could you do a pause instead of a cut?", 1, False),  # negotiating
        ("No thanks. We've decided: please just cancel.", 1, True),  # firm no after a counter
    ]
    for message, counters, stops in script:
        d = firm_no(history, message, counters, POLICY)
        assert d.stop_saves is stops, (message, d)
        history += [("customer", message), ("csm", "(reply)")]
    assert (d.reason, d.outcome, d.attempts, d.max_attempts) == ("repeated_decision", "cancel", 1, 2)
    assert "We've decided" in d.cues


def test_repeating_the_request_after_a_counter_is_a_firm_no() -> None:
    history = [("customer", "We want to reduce our seats by 30%."), ("csm", "Could 20% work?")]
    d = firm_no(history, "We still want to reduce by 30%.", 1, POLICY)
    assert d.stop_saves and d.outcome == "reduce"
    assert not firm_no(history, "Could we reduce by 25% instead?", 1, POLICY).stop_saves


@pytest.mark.parametrize("counters, stops", [(1, False), (2, True), (3, True)])
def test_max_save_attempts_boundary(counters: int, stops: bool) -> None:
    history = [("customer", "We want to drop PPC.")]
    d = firm_no(history, "That is still too expensive.", counters, POLICY)
    assert d.stop_saves is stops
    if stops:
        assert d.reason == "max_save_attempts" and d.outcome == "reduce"


def test_attempt_limit_comes_from_the_policy() -> None:
    strict = POLICY.model_copy(update={"saves": POLICY.saves.model_copy(update={"max_save_attempts": 1})})
    assert firm_no([("customer", "cancel please")], "Too expensive.", 1, strict).stop_saves


def test_no_offers_stops_even_before_any_counter() -> None:
    d = firm_no([], "We're cancelling. Please stop sending us offers.", 0, POLICY)
    assert d.stop_saves and d.reason == "no_offers" and d.outcome == "cancel"
    d = firm_no([], "Please, no more offers.", 0, POLICY)
    assert d.stop_saves and d.outcome == "no_offers"


def test_a_first_request_always_gets_a_counter() -> None:
    assert not firm_no([], "We've decided to cancel, final decision.", 0, POLICY).stop_saves


def test_accepting_the_counter_is_not_a_no() -> None:
    history = [("customer", "We need to cut 30% of seats.")]
    assert not firm_no(history, "Sounds good, let's do it with the 20% cut.", 1, POLICY).stop_saves
    assert not firm_no(history, "Sounds good, let's do it.", 2, POLICY).stop_saves


@pytest.mark.parametrize(
    "message, stops",
    [
        ("Ні, дякую, ми вже вирішили скасувати.", True),
        ("Більше жодних пропозицій, будь ласка.", True),
        ("А якщо зменшити на 25% замість 30%?", False),
        ("Нам не підходить, ми таки скасовуємо.", True),
        ("Так, нам підходить.", False),
    ],
)
def test_ukrainian_cues(message: str, stops: bool) -> None:
    history = [("customer", "Хочемо скасувати підписку.")]
    assert firm_no(history, message, 1, POLICY).stop_saves is stops


def test_history_may_already_hold_the_message_and_accepts_any_turn_shape() -> None:
    msg = "We still want to cancel."
    shapes = [{"role": "customer", "text": "We want to cancel."}, ("csm", "Pause?"), msg]
    assert firm_no(shapes, msg, 1, POLICY).stop_saves


# --- the gracious acceptance ----------------------------------------------------------------


def writer() -> TemplateOutreachWriter:
    return TemplateOutreachWriter(get_settings().prompts_dir)


@pytest.mark.parametrize(
    "outcome, language, expect",
    [
        ("cancel", "en", "I'll close the Acme Dental Group account as you asked"),
        ("reduce", "en", "I'll make the change you asked for"),
        ("no_offers", "en", "I won't send you any more offers"),
        ("cancel", "uk", "Я закрию обліковий запис компанії «Acme Dental Group»"),
        ("reduce", "uk", "Я внесу зміну"),
    ],
)
def test_acceptance_makes_it_easy_and_names_the_plan(outcome: str, language: str, expect: str) -> None:
    acc = accept_gracefully(
        outreach_account(),
        outcome,
        POLICY,
        TODAY,
        language=language,  # type: ignore[arg-type]
        writer=writer(),
    )
    assert acc.message and not acc.violations, acc.violations
    assert expect in acc.message
    assert acc.triggers[0].kind == "reengagement_90d" and acc.triggers[0].due_date == "2027-02-19"
    assert day("2027-02-19", language) in acc.message  # the re-engagement plan is named
    for word in ("discount", "%", "pause", "instead", "reconsider", "знижк", "пауз"):
        assert word not in acc.message.lower()


def test_removed_service_adds_the_gap_review() -> None:
    acc = accept_gracefully(
        outreach_account(), "reduce", POLICY, TODAY, services_removed=True, writer=writer()
    )
    assert [t.kind for t in acc.triggers] == ["performance_gap_review", "reengagement_90d"]
    assert day("2027-01-21") in acc.message and "results since the change" in acc.message


class Scripted:
    name = "scripted"

    def __init__(self, text: str) -> None:
        self.text = text

    def write(self, brief: Brief, check: Check) -> tuple[str, Fallback | None]:
        return self.text, None


@pytest.mark.parametrize(
    "text, problem",
    [
        ("Hi Dana, before you go: 15% off if you stay? Follow-up 2027-02-19.", "[acceptance.save]"),
        ("Hi Dana, understood. You must call our retention team to cancel. Follow-up 2027-02-19.",
         "[acceptance.hurdle]"),
        ("Hi Dana, unfortunately the contract requires notice. Follow-up 2027-02-19.", "[pushback]"),
        ("Hi Dana, understood, I'll close the account.", "[acceptance.plan]"),
    ],
)
def test_acceptance_guard(text: str, problem: str) -> None:
    acc = accept_gracefully(outreach_account(), "cancel", POLICY, TODAY, writer=Scripted(text))
    assert acc.message == "" and any(problem in v for v in acc.violations), acc.violations
