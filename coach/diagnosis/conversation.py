"""The conversation, not the last message: what the customer asks for across a case's turns.

The first stated request persists; a later customer turn changes it only when it states a new one
(a figure, a service, a pause or cancel); pushback on a counter keeps the request (or replaces its
figure when the customer names a new one) and marks the turn as pushback; the reason and a hardship
may come from any turn, the latest stated reason winning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.accounts import Account
from coach.diagnosis.models import Diagnosis

_FIGURES = ("reduction_pct", "seats_requested", "seats_to", "target_mrr")
_REQUEST_FIELDS = ("kind", "kind_confidence", "reduction_pct", "seats_requested", "seats_to", "target_mrr", "modules",
                   "pause_start_month", "pause_months", "pause_resume_month")


# A CSM turn that offers something (a figure, a discount, a pause, an alternative) is a counter a reply can
# push back on; a turn that only asks why or promises to come back is not ("Can I ask what's changed?",
# "I'll prepare the change and get back to you").
_OFFER = re.compile(
    r"\d|%|\b(?:offer\w*|propos\w*|suggest\w*|instead|alternative|discount\w*|pause|paus\w*|freeze|how about|what if|"
    r"could (?:we|you) (?:keep|try|move|pause|switch|go)|would you (?:consider|be open)|lock|extend\w*|months? free|"
    r"descuento|ofrec\w*|propuesta|en lugar|en vez|rabatt|angebot|anbieten|statt|remise|offre|au lieu|desconto|oferta|"
    r"proposta|em vez|rabat\w*|ofert\w*|zamiast|zawiesz\w*)\b"
    r"|(?<!\w)(?:знижк\w*|пропону\w*|пропозиц\w*|запропон\w*|замість|пауз\w*|заморо\w*|а якщо|як щодо)", re.I)
# The reply takes the counter ("sounds fair, let's do that", "Добре, годиться", "Aceitamos os 10%").
_ACCEPTS = re.compile(
    r"\b(?:sounds (?:reasonable|fair|good|great|ok)|let'?s do (?:it|that)|that works|works for us|(?:we|i) accept|"
    r"we'?ll take (?:it|that)|deal\b|agreed|happy with (?:that|this)|let'?s go with|fine by (?:us|me)|"
    r"aceptamos|de acuerdo|nos vale|nos sirve|einverstanden|passt (?:uns|so)|nehmen wir|akzeptieren|"
    r"ça nous va|nous acceptons|marché conclu|aceitamos|combinado|fechado|pode ser|przyjmujemy|zgoda|pasuje|"
    r"akceptujemy|w porządku)\b"
    r"|(?<!\w)(?:згода|годиться|нас влаштовує|домовились|домовилися|приймаємо|погоджуємось|погоджуємося|підходить)(?!\w)",
    re.I)
_STILL_NO = re.compile(r"\b(?:but|however|though|still|aber|pero|mais|mas|ale)\b|(?<!\w)(?:але|проте|однак|все одно)(?!\w)",
                       re.I)


def offers(text: str) -> bool:
    """Does a CSM turn make an offer the customer could push back on?"""
    return bool(_OFFER.search(text))


def accepts(text: str) -> bool:
    """Does a customer's reply take the counter, with no "but" after it?"""
    return bool(_ACCEPTS.search(text)) and not _STILL_NO.search(text)


@dataclass(frozen=True)
class Turn:
    role: str  # customer | csm
    text: str


def states_request(dx: Diagnosis) -> bool:
    """Does this turn state a request of its own (not only a reason, a thank-you or a no)?"""
    if dx.intent != "downsell":
        return False
    figures = (dx.reduction_pct, dx.seats_requested, dx.seats_to, dx.target_mrr)
    return any(v is not None for v in figures) or bool(dx.modules) or (
        not dx.pushback and dx.kind in ("pause", "cancel", "tier_downgrade") and dx.kind_confidence >= 0.5)


def combine(turns: list[Diagnosis], latest: Diagnosis, accepted: bool = False) -> Diagnosis:
    """One diagnosis for the conversation from the diagnoses of its customer turns (oldest first). With
    `accepted` (the latest turn takes the CSM's counter) the request in force stays the customer's own: the
    figures of the counter being accepted are not a new request."""
    earlier = [d for d in turns if d.note is None]
    if not earlier:
        return latest
    update: dict = {}
    downsell_before = any(d.intent == "downsell" for d in earlier)
    if latest.intent != "downsell" and downsell_before and latest.intent in ("feedback", "other", "support"):
        update.update(intent="downsell", intent_confidence=max(d.intent_confidence for d in earlier
                                                               if d.intent == "downsell"))
    requests = [d for d in earlier if states_request(d)]
    base = requests[0] if requests else None
    # The latest request stated before this turn is the one in force (the first, unless changed).
    if requests:
        base = requests[-1]
    # An accepted pause is the request now ("Pausing the app for three months is fine by us"); an accepted
    # discount for keeping a service is not a new request (the figures are the counter's).
    # a seat count the customer agrees to in their own words is the request now; an accepted discount's
    # percentage is the counter's figure, not a request
    own = latest.seats_to is not None or latest.seats_requested is not None
    if base is not None and ((accepted and latest.kind != "pause" and not own)
                             or (not states_request(latest) and not (accepted and own))):
        update.update({f: getattr(base, f) for f in _REQUEST_FIELDS})
    elif base is not None and (latest.pushback or accepted):
        # "can't you do 30% off", and a figure the customer agrees to in their own words ("Fine, 200 it is",
        # "давайте 70 місць, як ви запропонували"): the new figure replaces the old one; the kind stays the
        # request's, and a target against the seats held before gives the seats removed.
        kept = {f: getattr(base, f) for f in _REQUEST_FIELDS}
        for f in (_FIGURES if latest.pushback else ("seats_requested", "seats_to")):
            if getattr(latest, f) is not None:
                kept[f] = getattr(latest, f)
        if latest.seats_to is not None and latest.seats_requested is None:
            kept["seats_requested"] = None  # the earlier removal went with the earlier target (worked out below)
        update.update(kept)
    elif base is not None and latest.modules and base.modules and base.kind in ("module_cancel", "service_removal"):
        update["modules"] = list(dict.fromkeys([*base.modules, *latest.modules]))  # "take PPC off too"
    # a new target against the seats held stated before ("from 200 seats to 120" ... "150 it is"): the removal
    to = update.get("seats_to", latest.seats_to)
    if base is not None and to is not None and update.get("seats_requested", latest.seats_requested) is None \
            and base.seats_to is not None and base.seats_requested is not None and base.seats_to + base.seats_requested > to:
        update["seats_requested"] = base.seats_to + base.seats_requested - to
    stated = [d for d in earlier if d.root_cause != "unknown"]
    # A reply to a counter (pushback or taking it) talks about the offer ("10% off doesn't fix anything"): the
    # reason stated before it stands.
    if latest.root_cause == "unknown" or (stated and (latest.pushback or accepted)):
        if stated:
            update.update(root_cause=stated[-1].root_cause, root_cause_confidence=stated[-1].root_cause_confidence,
                          cause_candidates=[])
    if latest.hardship is None:
        hard = [d.hardship for d in earlier if d.hardship]
        if hard:
            update["hardship"] = hard[-1]
    return latest.model_copy(update=update) if update else latest


def read_conversation(history: list[Turn], message: str, account: Account | None, diagnose) -> Diagnosis:
    """Diagnose `message` in the light of the earlier turns (customer turns are diagnosed; a CSM turn
    before the message makes a rejection pushback)."""
    latest = diagnose(message, account)
    customer = [t.text for t in history if t.role == "customer" and t.text.strip()]
    countered = any(t.role == "csm" and offers(t.text) for t in history)
    accepted = countered and accepts(message)
    if latest.pushback and (not countered or accepted):
        # nothing was offered yet to push back on, or the reply takes the offer
        latest = latest.model_copy(update={"pushback": False})
    if not customer:
        return latest
    return combine([diagnose(t, account) for t in customer[-6:]], latest, accepted)
