"""Respecting a firm "no": when to stop proposing saves (pure; English and Ukrainian cues).

Stop when the customer says they want no offers (at any point), when the save attempts reach the
policy's maximum, or when, after a counter, they repeat their decision to cancel or reduce without
opening a negotiation ("could we...", "what about..."). A customer accepting the counter is not a "no".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from coach.outreach.models import FirmNoDecision, FirmNoReason, Outcome
from coach.policy.schema import Policy


def _re(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.IGNORECASE)


NO_OFFERS = _re(
    r"\bno more (?:offers|deals|proposals|calls|emails)\b",
    r"\bstop (?:sending|calling|emailing|messaging|contacting|pitching|offering)\b",
    r"\b(?:do not|don['’]t) (?:want|need|send)(?: me| us)? (?:any )?(?:more |other |further )?"
    r"(?:offers|deals|proposals|upsells?|discounts|counter-?offers)\b",
    r"\bnot interested in (?:any )?(?:more |other |further )?"
    r"(?:offers|deals|proposals|alternatives|options)\b",
    r"\bstop trying to (?:sell|save|keep|convince)\b", r"\bunsubscribe\b", r"\bremove (?:me|us) from\b",
    r"більше (?:не )?(?:жодних )?пропозиц", r"не (?:надсилайте|пропонуйте|телефонуйте|пишіть)",
    r"не (?:хочу|хочемо|потрібні|потрібно) (?:жодних |більше )?(?:пропозиц|знижок|варіант)",
    r"без (?:жодних )?пропозиц", r"не цікав\w* (?:ваші |жодні )?(?:пропозиц|варіант)",
)
FIRM = _re(
    r"\b(?:we|i)(?:['’]ve| have)? (?:already |definitely )?(?:decided|made (?:our|my|the|a) decision)\b",
    r"\b(?:our|my|the) decision (?:is|has been|was) (?:made|final)\b", r"\bfinal decision\b",
    r"\bdecision stands\b", r"\bnot (?:going to )?chang\w* (?:our|my) minds?\b", r"\bnon-?negotiable\b",
    r"\bjust (?:cancel|process|do it|go ahead|proceed|reduce|remove|drop)\b",
    r"\bplease (?:just )?(?:proceed|process|go ahead|cancel|confirm the cancell?ation)\b",
    r"\bas (?:i|we) (?:said|mentioned|told you|explained)\b", r"\b(?:i|we) already (?:said|told|asked)\b",
    r"\bno,? thank(?:s| you)\b", r"\bnot interested\b", r"\bend of (?:the )?discussion\b",
    r"\b(?:we|i) (?:still|really) (?:want|need) to (?:cancel|reduce|cut|drop|downgrade|leave|end)\b",
    r"\bour mind is made up\b",
    r"(?:ми|я) вже (?:все )?виріши", r"рішення (?:остаточне|прийняте|ухвалене)", r"остаточне рішення",
    r"просто (?:скасуйте|зменште|приберіть|оформіть)",
    r"як (?:я|ми) вже (?:казав|казала|казали|писав|писала|писали)",
    r"ні,? дякую", r"не цікаво", r"(?:все одно|таки) (?:скасовуємо|скасуємо|зменшуємо)",
    r"прошу (?:скасувати|оформити)",
)
CANCEL = _re(r"\bcancel\w*", r"\bterminat\w*",
             r"\bend (?:the|our) (?:contract|subscription|service|agreement)\b",
             r"\bclose (?:the|our) account\b", r"\bleav(?:e|ing) you\b", r"скасу\w*", r"розірва\w*",
             r"припини\w* (?:співпрацю|договір)")
REDUCE = _re(r"\breduc\w*", r"\bcut\w*", r"\bdowngrad\w*", r"\bdrop\w*", r"\bfewer\b", r"\bremov\w*",
             r"\bscale (?:back|down)\b", r"зменш\w*", r"скорот\w*", r"відмов\w* від", r"прибра\w*")
OPEN = _re(r"\?", r"\bcould (?:we|you)\b", r"\bwhat about\b", r"\bhow about\b", r"\bwould you\b",
           r"\bcan (?:we|you)\b", r"\bmaybe\b", r"\bif you\b", r"\binstead\b", r"\bconsider\b",
           r"а якщо", r"можливо", r"чи можна", r"замість", r"може")
ACCEPTS = _re(r"\b(?:sounds|looks) good\b", r"\blet['’]s do (?:it|that)\b", r"\bworks for (?:us|me)\b",
              r"\bwe (?:accept|agree)\b", r"\bit['’]s a deal\b", r"\bthat['’]s fine\b",
              r"\bgo with (?:the|your) (?:offer|proposal)\b",
              r"(?<!не )підходить", r"(?<!не )погоджуємос", r"(?<!не )згодні", r"домовились",
              r"(?<!не )приймаємо")


def _text(turn: Any) -> tuple[str, str]:
    """(role, text) from a dict, a (role, text) pair, an object with role/text, or a bare string."""
    if isinstance(turn, str):
        return "customer", turn
    if isinstance(turn, dict):
        return str(turn.get("role", "customer")), str(turn.get("text", ""))
    if isinstance(turn, tuple | list) and len(turn) == 2:
        return str(turn[0]), str(turn[1])
    return str(getattr(turn, "role", "customer")), str(getattr(turn, "text", ""))


def customer_texts(history: Iterable[Any]) -> list[str]:
    return [t for role, t in map(_text, history) if role == "customer"]


def _found(pattern: re.Pattern[str], text: str) -> list[str]:
    return [m.group(0).strip() for m in pattern.finditer(text)]


def intent(texts: Sequence[str]) -> Outcome | None:
    """The latest decision stated: cancel outranks reduce within one message."""
    for t in reversed(texts):
        if CANCEL.search(t):
            return "cancel"
        if REDUCE.search(t):
            return "reduce"
    return None


def firm_no(history_turns: Sequence[Any], message: str, counters_made: int, policy: Policy) -> FirmNoDecision:
    """Should the coach stop proposing saves on this customer message?"""
    mx = policy.saves.max_save_attempts
    earlier = customer_texts(history_turns)
    if earlier and earlier[-1] == message:
        earlier = earlier[:-1]  # the history may already hold this message
    said = intent([*earlier, message])

    def stop(reason: FirmNoReason, cues: list[str], why: str) -> FirmNoDecision:
        return FirmNoDecision(stop_saves=True, reason=reason, outcome=said or "no_offers",
                              attempts=counters_made, max_attempts=mx, cues=cues, explanation=why)

    def go_on(why: str, cues: list[str] | None = None) -> FirmNoDecision:
        return FirmNoDecision(stop_saves=False, attempts=counters_made, max_attempts=mx,
                              cues=cues or [], explanation=why)

    if no_offers := _found(NO_OFFERS, message):
        return stop("no_offers", no_offers, "the customer asked for no offers: stop proposing saves")
    firm, accepts, opens = _found(FIRM, message), _found(ACCEPTS, message), _found(OPEN, message)
    now_intent = intent([message])
    if accepts and not firm:
        return go_on("the customer accepts the proposal", accepts)
    if counters_made >= mx:
        return stop("max_save_attempts", firm,
                    f"{counters_made} save attempt(s) made; the maximum is {mx}: accept the decision")
    if counters_made == 0:
        return go_on("no counter made yet: answer the first request with a counter-proposal", firm)
    if firm and said:
        return stop("repeated_decision", firm,
                    f"after {counters_made} counter(s) the customer restates a clear decision to {said}")
    if now_intent and any(intent([t]) for t in earlier) and not opens:
        return stop("repeated_decision", _found(CANCEL if now_intent == "cancel" else REDUCE, message),
                    f"after {counters_made} counter(s) the customer repeats the request to {now_intent}")
    return go_on("the customer is still negotiating" if opens else "no firm decision stated", opens)
