"""From head probabilities, cue hits and extracted figures to the labels of a Diagnosis.

Pure functions (no I/O): the heads give calibrated probabilities over the message embedding; cue
patterns and the request grammar add evidence the embedding blurs (a named service, a seat count,
"pause" next to a cancel word); thresholds turn low confidence into `unknown` with the two likeliest
causes kept, so the questions can tell them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from coach.accounts import Account
from coach.diagnosis.cues import Cues
from coach.diagnosis.extract import Extraction, removal_object
from coach.diagnosis.grammar import SEAT
from coach.diagnosis.heads import HEAD_LABELS
from coach.diagnosis.intent import read_intent
from coach.diagnosis.models import Diagnosis
from coach.diagnosis.pause_period import pause_fields

# "reduce our seats by 30%", "30% of our licences": a percentage of seats is a seat reduction (contract
# 3a: acv_cut is a cut in money or percent of spend with no seats named).
_SEATS_BY_PCT = re.compile(SEAT + r"\W+(?:[\w'’]+\W+){0,3}?\d{1,3}(?:[.,]\d+)?\s?(?:%|percent|відсот|por ?ciento|"
                           r"prozent|pour ?cent|por cento|procent)"
                           r"|\d{1,3}\s?%\s+(?:of\s+|з\s+|de\s+|der\s+|des\s+|dos\s+)?"
                           r"(?:our\s+|the\s+|наших\s+|nuestras\s+|unserer\s+|nos\s+|nossas\s+)?" + SEAT, re.I)
# A pause ruled out ("no vamos a pausar nada", "Pausieren wollen wir nichts", "Pas de pause", "żadnego
# zawieszania", "we don't want to pause"): the word is there, the request is something else.
_NO_PAUSE = re.compile(
    r"(?:\bno vamos a|\bnada de|\bpas de|\bsans|\bżadne\w*|\bbez|\bnão (?:queremos|vamos)|\bnada de|\bkeine?n?|"
    r"\bdon.t want to|\bdo not want to|\bno need to|\bnot (?:looking|asking) to|не треба|не хочемо|без)\s+"
    r"(?:\w+\s+){0,2}?(?:paus\w*|suspen\w*|zawiesz\w*|призупин\w*|пауз\w*|aussetz\w*)"
    r"|\b(?:paus\w*|aussetz\w*|suspend\w*)\s+(?:\w+\s+){0,2}?(?:nichts|nada|rien)\b", re.I)
_SERVICES_AGREEMENT = re.compile(r"marketing|servic|agency|retainer|managed|consult", re.I)


@dataclass(frozen=True)
class Reading:
    """Knobs, set on the dev set (evals/messages.yaml) and the training cross-validation; the cause cue
    weight and threshold on the leave-one-author-out predictions for the authored messages."""

    kind_cue: float = 0.25
    seats_bonus: float = 0.5
    service_bonus: float = 0.35
    cause_cue: float = 0.6
    min_cause: float = 0.3  # below this calibrated probability the cause is unknown
    min_hardship_head: float = 0.9  # the head alone, without a hardship cue
    pushback_cue: float = 0.4
    min_pushback: float = 0.6


READING = Reading()


def services_agreement(account: Account | None) -> bool:
    """Is the agreement one where the vendor delivers services (contract 3a: service_removal)?"""
    return account is not None and bool(_SERVICES_AGREEMENT.search(account.contract.agreement_type or ""))


def read_kind(p_head: np.ndarray, text: str, ext: Extraction, cues: Cues, account: Account | None,
              r: Reading = READING) -> tuple[str, float]:
    labels = HEAD_LABELS["kind"]
    p = np.asarray(p_head, dtype=float).copy()
    hits = cues.hits(cues.kind, text)
    if "pause" in hits and _NO_PAUSE.search(text):
        hits.discard("pause")
        p[labels.index("pause")] *= 0.2
    if ext.modules and not cues.whole_account(text):
        hits.discard("cancel")  # "cancel PPC" cancels a service, not the agreement
        # right beside the verb, the service is what is cancelled; named elsewhere, only likelier
        p[labels.index("cancel")] *= 0.0 if removal_object(text, ext.modules) else 0.5
    for label in hits:
        if label in ("module_cancel", "service_removal"):
            label = "drop_service"
        if label in labels:
            p[labels.index(label)] += r.kind_cue
    # "40% of our licences sit unused" is a fact: a percent of seats counts only when it is the request.
    if ext.seats_removed is not None or ext.seats_to is not None or (
            ext.reduction_pct is not None and _SEATS_BY_PCT.search(text)):
        p[labels.index("seat_reduction")] += r.seats_bonus
    if ext.modules:
        p[labels.index("pause" if "pause" in hits else "drop_service")] += r.service_bonus
    p /= p.sum()
    kind = labels[int(p.argmax())]
    if kind == "drop_service":
        kind = "service_removal" if services_agreement(account) else "module_cancel"
    return kind, round(float(p.max()), 3)


def read_cause(p_head: np.ndarray, text: str, cues: Cues, r: Reading = READING) -> tuple[str, float, list[str]]:
    """(cause, confidence, the two likeliest real causes)."""
    labels = HEAD_LABELS["cause"]
    p = np.asarray(p_head, dtype=float).copy()
    for label in cues.hits(cues.cause, text):
        if label in labels:
            p[labels.index(label)] += r.cause_cue
    p /= p.sum()
    real = [i for i, lab in enumerate(labels) if lab != "unknown"]
    top = sorted(real, key=lambda i: -p[i])[:2]
    candidates = [labels[i] for i in top]
    best = int(p.argmax())
    if labels[best] == "unknown" or p[best] < r.min_cause:
        return "unknown", round(float(1.0 - p[top[0]]), 3), candidates
    return labels[best], round(float(p[best]), 3), candidates


def read_hardship(p_head: np.ndarray, text: str, cues: Cues, r: Reading = READING, *,
                  head_alone: bool = True) -> str | None:
    """A hardship cue decides (the head breaks a tie between two); the head alone needs to be sure, as
    it learnt from few phrasings per language and mistakes a plain invoice question for distress."""
    labels = HEAD_LABELS["hardship"]
    p = np.asarray(p_head, dtype=float).copy()
    hits = [h for h in cues.hits(cues.hardship, text) if h in labels]
    if hits:
        return max(hits, key=lambda h: p[labels.index(h)])
    if not head_alone:
        return None
    p[0] = 0.0
    best = int(p.argmax())
    return labels[best] if p[best] >= r.min_hardship_head else None


def read_pushback(p_head: np.ndarray, text: str, cues: Cues, r: Reading = READING) -> bool:
    p = float(p_head[1]) + (r.pushback_cue if cues.has_pushback(text) else 0.0)
    return p >= r.min_pushback


def read_all(probs: dict[str, np.ndarray], text: str, ext: Extraction, cues: Cues, intent_hits: dict[str, int],
             account: Account | None, language: str, r: Reading = READING) -> Diagnosis:
    kind, kind_conf = read_kind(probs["kind"], text, ext, cues, account, r)
    cause, cause_conf, candidates = read_cause(probs["cause"], text, cues, r)
    pushback = read_pushback(probs["pushback"], text, cues, r)
    reason_stated = bool(cues.hits(cues.cause, text) or cues.hits(cues.hardship, text)) or pushback
    if ext.seats_removed is not None and not intent_hits.get("expansion"):
        # Fewer seats stated ("from 120 to 90 users", "take 20 off our seat count"): an explicit reduction.
        intent_hits = {**intent_hits, "downsell": intent_hits.get("downsell", 0) + 1, "stated_reduction": 1}
    elif ext.seats_to is not None or ext.reduction_pct is not None or ext.target_mrr is not None:
        # a figure of the request ("to 200 seats", "20% less", "$5,000 a month"): the head may not overrule it
        intent_hits = {**intent_hits, "stated_reduction": 1}
    intent, intent_conf = read_intent(intent_hits, probs["intent"], reason_stated=reason_stated)
    # Outside a downsell only a hardship the customer names (a cue) counts.
    hardship = read_hardship(probs["hardship"], text, cues, r, head_alone=intent == "downsell")
    if hardship == "financial" and cause != "unknown" and cues.filing_alone(text):
        # A filing or a frozen account is no business reason by itself: ask, with the head's two likeliest.
        cause, cause_conf = "unknown", round(1.0 - cause_conf, 3)
    pct = ext.reduction_pct
    dx = Diagnosis(
        intent=intent, intent_confidence=intent_conf,  # type: ignore[arg-type]
        kind=kind, kind_confidence=kind_conf,  # type: ignore[arg-type]
        reduction_pct=pct if pct is not None and 0 < pct <= 100 else None,
        seats_requested=ext.seats_removed, seats_to=ext.seats_to, target_mrr=ext.target_mrr,
        paid_mrr=ext.paid_mrr,
        **pause_fields(text),
        modules=ext.modules, root_cause=cause, root_cause_confidence=cause_conf,  # type: ignore[arg-type]
        cause_candidates=candidates if cause == "unknown" else [],
        hardship=hardship, pushback=pushback, language=language,  # type: ignore[arg-type]
    )
    return dx
