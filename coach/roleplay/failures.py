"""The five failure modes of ../shared seed 003. Each verdict quotes its evidence: "triggered" quotes
the turn that shows the failure, "ok" the turn that shows it was avoided, and a mode the conversation
never got to (nothing said, no counter made) is "not_reached", never a silent "ok"."""

from __future__ import annotations

import re

from coach.roleplay.card import TITLES, Card
from coach.roleplay.models import CustomerState, Evidence, FailureMode, OfferRecord, TurnAnalysis
from coach.roleplay.offers import SENDS_PAPERS, concession, giveaway
from coach.roleplay.stance import INSISTS, THREAT, gentle_guilt, unquoted

QUOTE_CHARS = 240
# The trainee winding the conversation up: a close even with no offer made.
_SIGN_OFF = re.compile(r"\banything else\b|\bany other questions\b|\b(?:have|enjoy) (?:a |the |your )?(?:great |good |"
                       r"nice |lovely )?(?:day|week|weekend|evening|rest of)|\b(?:talk|speak) (?:soon|later)\b|"
                       r"\bbye\b|\btake care\b|\ball the best\b|\bgood luck\b|\bthanks? (?:you )?(?:again )?for "
                       r"(?:your time|the call)\b|"
                       r"(?<!\w)(?:щось іще|ще якісь питання|гарного (?:дня|тижня|вечора)|гарних вихідних|"
                       r"(?:до|на) зв['’]язку|"
                       r"до побачення|всього найкращого|на все добре|бувайте|успіхів|дякую за (?:ваш )?час|"
                       r"дякую за розмову)(?!\w)", re.I)
# The customer closing the talk in their own words (a judged transcript's recorded line, or the reply
# of either customer): an agreement ("Deal, send it over"), or leaving ("please just process the
# cancellation", "I'll take this to the owners"). "That could work" is an offer still on the table.
_CUSTOMER_CLOSE = re.compile(
    r"\b(?:deal|agreed)\b[.!]|(?<!sure )(?<!if )(?<!whether )\bthat works(?: for (?:us|me))?\b(?!\?)|"
    r"\blet'?s do (?:it|that|this)\b|"
    r"\bput (?:it|that|this|everything) in writing\b|\b(?:i'?ll|we'?ll|i will|we will) take (?:it|this|that) to\b|"
    r"\b(?:ok(?:ay)?|fine|great|good),? (?:go ahead|let'?s go)\b|"
    r"(?<!\w)(?:надішліть|пришліть|надсилайте) (?:\w+ )?(?:письмово|документ\w*|пропозицію|договір)|"
    r"\bsend (?:it|that|the (?:\w+ )?(?:agreement|contract|paperwork|proposal|amendment|order form|details))"
    r"(?: over| through)?\b|\bwe'?ll (?:go with|take|sign)\b|\bi(?:'ll| will) sign\b|\bwe accept\b|"
    r"\b(?:please )?(?:just )?(?:process|go ahead with) the (?:cancellation|reduction|request)\b|"
    r"\bwe(?:'re| are) (?:done|moving|switching|going with)\b|\bi(?:'ll| will) (?:take this|escalate|go) to\b|"
    r"\bgoodbye\b|\bi have to go\b|\bnot interested\b|"
    # "Good. That's all I wanted.", "Це саме те, що нам треба.": the customer has what they came for
    r"\bthat'?s (?:all|exactly|just) (?:what )?(?:i|we) (?:wanted|needed|asked for|was after|were after)\b|"
    r"(?<!\w)(?:це )?(?:все|усе|саме те),? що (?:я |ми )?(?:хотів|хотіла|хотіли|просив|просила|просили|"
    r"(?:мені|нам) (?:треба|потрібно|було треба|було потрібно))(?!\w)|"
    r"(?<!не )(?<!\w)(?:домовились|домовилися|згодна|згоден|згодні|підходить|надсилайте|беремо|підпишемо|"
    r"до побачення|оформлюйте|скасовуйте|ми переходимо|нас це влаштовує)(?!\w)", re.I)


# Thanks with nothing asked or objected after an offer: the customer taking it ("Great, thanks.",
# "Дякую, це дуже допоможе.").
_THANKS = re.compile(r"\bthank(?:s| you)\b|(?<!\w)дяку\w*", re.I)
_OBJECTS = re.compile(r"\?|\bbut\b|\bnot\b|n't\b|\bno\b|(?<!\w)(?:але|проте|не|ні)(?!\w)", re.I)


def _customer_closed(a: list[TurnAnalysis], said: list[str]) -> bool:
    """The customer closing the talk in their own words: agreeing or leaving, or thanking the trainee for
    an offer or a granted request with nothing asked or objected."""
    offered = next((i for i, t in enumerate(a) if t.offer or t.closing or t.solution or t.vague_offer), None)
    return any(_CUSTOMER_CLOSE.search(line) or offered is not None and i >= offered and _THANKS.search(line)
               and not _OBJECTS.search(line) for i, line in enumerate(said))


# The trainee declining to act on the request ("so I can't set that up", "there's nothing I can do"): the
# case closed, unlike a statement of what the contract allows.
_WONT_ACT = re.compile(r"\b(?:i|we) (?:can'?t|cannot|won'?t) (?:set|do|process|approve|allow|action)\b|"
                       r"\bthere'?s nothing (?:i|we) can do\b|(?<!\w)(?:зробити|оформити|провести|налаштувати) не "
                       r"(?:можу|можемо|зможу|зможемо)|не (?:можу|можемо|зможу|зможемо) (?:цього |це )?(?:зробити|"
                       r"оформити|провести|налаштувати)(?!\w)", re.I)


def _refused_at_end(a: list[TurnAnalysis], said: list[str]) -> bool:
    """The trainee ending the talk on a refusal: a refusal of any change, or a last turn (after the first
    reply) that pushes back with no offer, plan or question ("that's just how the agreement works",
    "then I'll have to pass this to legal"). A first reply that pushes back is F1's business; the
    talk goes on."""
    last = a[-1]
    # a first reply that nothing followed closes the case when it refuses the request outright ("so I can't
    # set that up", read as a refusal by meaning); one that only states the contract's bar was cut off there
    return any(t.refusal for t in a[1:]) or bool(a[0].refusal) and (
        len(a) > 1 or "refuse" in a[0].moves or any(_WONT_ACT.search(q) for q in a[0].refusal)) or \
        len(a) > 1 and bool(last.refusal or last.pushback) and not (
        last.offer or last.vague_offer or last.solution or last.questions)


def _short(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1].rstrip() + "…"


def _mode(fid: str, status: str, summary: str, evidence: list[Evidence]) -> FailureMode:
    return FailureMode(id=fid, title=TITLES[fid], status=status, triggered=status == "triggered",  # type: ignore[arg-type]
                       summary=summary, evidence=evidence)


def failure_modes(card: Card, a: list[TurnAnalysis], texts: list[str], root_turn: int | None,
                  first_offer: int | None, until: int, state: CustomerState,
                  said: list[str] = ()) -> list[FailureMode]:  # type: ignore[assignment]
    """`texts`: the trainee's turns as typed (quoted where a verdict rests on a whole turn); `said`: the
    customer's reply to each."""
    if not a:
        return [_mode(fid, "not_reached", "not reached: the trainee said nothing", [])
                for fid in ("F1", "F2", "F3", "F4", "F5")]
    # A close: an agreement, a customer who left, a refusal, the request processed, or a goodbye-style
    # follow-up. An offer on the table is not one yet ("let me take that back to my team").
    closed = state.accepted or state.left or _refused_at_end(a, said) or any(
        t.closing or t.trigger for t in a) or bool(_SIGN_OFF.search(texts[-1])) or _customer_closed(a, said) or (
        # "Just the extension. I'll get the paperwork over this week.": the deal sent for signing closes the talk
        len(a) > 1 and any(t.offer for t in a) and bool(SENDS_PAPERS.search(texts[-1])) and not a[-1].questions)
    return [_f1(card, a, texts, until), _f2(card, a, root_turn, first_offer, closed), _f3(card, a),
            _f4(a, texts, closed), _f5(card, a)]


def _f1(card: Card, a: list[TurnAnalysis], texts: list[str], until: int) -> FailureMode:
    """Pushback on the request itself, in the first reply (later pushback is F5's business)."""
    t = a[0]
    gentle = gentle_guilt(t.pushback, t.guilt, t.pushback_words, t.refusal)  # guilt after empathy: F5's business
    ev = [] if gentle else [Evidence(turn=1, quote=q, note="pushback in the first reply") for q in t.pushback]
    for e in ev:
        card.mark(e.turn - 1, "F1", False, f"defensive pushback: “{e.quote}”")
    if ev:
        return _mode("F1", "triggered", "pushed back on the request", ev)
    first = a[0].acknowledgment or _short(texts[0])
    return _mode("F1", "ok", "no pushback on the request",
                 [Evidence(turn=1, quote=first, note="the first reply took the request without pushback")])


def asks_despite_pushback(i: int, t: TurnAnalysis) -> bool:
    """Whether turn `i`'s questions count as diagnosis: a turn with no pushback, or a later turn whose
    question is a sentence of its own, apart from the pushback ("I understand, but after everything we've
    done it's disappointing. Why the change?"). In the first reply, pushback drowns the question."""
    return not t.pushback or i > 0 and any(q not in t.pushback and not t.refusal for q in t.questions)


def _f2(card: Card, a: list[TurnAnalysis], root_turn: int | None, first_offer: int | None,
        closed: bool) -> FailureMode:
    """An offer before the root cause was known, or a close with no question about the cause. A question
    wrapped in pushback ("that isn't possible; what happened?") is not a diagnosis."""
    first_q = next((i for i, t in enumerate(a) if t.questions and asks_despite_pushback(i, t)), None)
    asked_first = first_q is not None and (first_offer is None or first_q < first_offer)
    if first_offer is not None and not asked_first:
        t = a[first_offer]
        quote = t.offer.quote if t.offer else (t.vague_offer or t.solution or "")
        card.mark(first_offer, "F2", False, "counter-proposal before the root cause was known")
        return _mode("F2", "triggered", "offered before the root cause was known",
                     [Evidence(turn=first_offer + 1, quote=quote, note="offered before the root cause was known")])
    if root_turn is not None and first_q is not None:
        q = a[root_turn].questions or a[first_q].questions
        return _mode("F2", "ok", "the root cause was uncovered before any offer",
                     [Evidence(turn=root_turn + 1, quote=q[-1] if q else "", note="the root cause came out here")])
    if first_q is not None:
        return _mode("F2", "ok", "the cause was asked about; no offer came before the answer",
                     [Evidence(turn=first_q + 1, quote=a[first_q].questions[-1], note="a question about the cause")])
    if closed:
        return _mode("F2", "triggered", "the conversation closed without a question about the cause",
                     [Evidence(turn=len(a), quote=(a[-1].pushback or a[-1].refusal or [""])[0],
                               note=f"no diagnosis question in {len(a)} turn(s)")])
    return _mode("F2", "not_reached", "not reached: no question and no offer yet", [])


def completes(o: OfferRecord) -> bool:
    """Adds only the commitment to the offer before ("Just the two-year extension"), no new concession."""
    return o.amended and not concession(o.quote)


def standing_offers(a: list[TurnAnalysis]) -> list[tuple[int, OfferRecord]]:
    """Each offer with its turn; an offer completed in the next turn ("what do you need from us?" "Just the
    two-year extension.") is the one offer, as completed."""
    offers = [(i, t.offer) for i, t in enumerate(a) if t.offer is not None]
    completed = {i for i, o in offers if completes(o)}
    return [(i, o) for i, o in offers if i + 1 not in completed]


_DEFERS_PROPOSAL = re.compile(r"\b(?:come|get) back (?:to you )?with (?:a |an |some )?(?:proposal|offer|options?|"
                              r"numbers|figures)\b|(?<!\w)повернус\w* (?:до вас )?(?:з|із) (?:пропозиц|варіант)\w*",
                              re.I)


def _f3(card: Card, a: list[TurnAnalysis]) -> FailureMode:
    """An offer lowers MRR with nothing in exchange (a later offer with a term does not undo it: the
    customer has already heard that the discount comes free)."""
    offers = standing_offers(a)
    after = [(i, t) for i, t in enumerate(a) if t.vague_offer and not t.vague_exchanged
             and offers and (i > offers[-1][0] or giveaway(t.vague_offer))]  # "next month free", then the offer
    if after:  # a concession added after the offer ("as a thank-you, I'll waive January") with nothing asked
        i, t = after[0]
        card.mark(i, "F3", False, "a concession with nothing asked in return")
        return _mode("F3", "triggered", "a concession given with nothing asked in return",
                     [Evidence(turn=i + 1, quote=t.vague_offer or "", note="no commitment asked in return")])
    if offers:
        last_pause = max((i for i, o in offers if o.shape == "pause"), default=None)
        for i, o in offers:
            # "Would it help to pause it for a while instead?": a pause floated with no length, then a real
            # counter tied to a commitment, is an idea the final offer replaced, not a concession given
            floated = any(n.startswith("pause length not stated") for n in o.notes) and any(
                j > i and (p.offer.get("term_extension_months") or p.shape == "hold") for j, p in offers)
            if floated:
                continue
            # the pause as finally put (a first "could we pause instead?" may get its terms a turn later)
            if i == last_pause and not o.offer.get("term_extension_months"):
                card.mark(i, "F3", False, "a pause with no extension of the agreement in return")
                return _mode("F3", "triggered", "a pause given with nothing asked in return",
                             [Evidence(turn=i + 1, quote=o.quote, note="no month-for-month extension of the "
                                       "agreement for the paused months")])
            exchange = o.check("multi-year-exchange")
            if exchange is not None and not exchange.passed:
                card.mark(i, "F3", False, f"no multi-year exchange: {exchange.reason}")
                return _mode("F3", "triggered", "the downsell gave away MRR with no commitment in return",
                             [Evidence(turn=i + 1, quote=o.quote, note=exchange.reason)])
        i, o = offers[-1]
        term = o.offer.get("term_extension_months") or o.offer.get("pause_months")
        note = f"a {term}-month commitment in exchange" if term else "MRR kept: nothing given away"
        return _mode("F3", "ok", "every MRR reduction came with a commitment",
                     [Evidence(turn=i + 1, quote=o.quote, note=note)])
    vague = [(i, t) for i, t in enumerate(a) if t.vague_offer]
    # "I'd need to check with Deal Desk" after "a smaller package for a while": the concession was already given
    # "Let me take this to our AE and come back to you with a proposal": the counter put off, none made yet
    plans = [(i, t.solution) for i, t in enumerate(a) if t.solution and not (
        t.escalation == t.solution and any(j < i and not v.vague_exchanged for j, v in vague)) and not (
        t.escalation == t.solution and _DEFERS_PROPOSAL.search(t.solution))]
    if vague and not plans:
        i, t = vague[-1]
        if not any(v.vague_exchanged for _, v in vague):
            card.mark(i, "F3", False, "a concession with nothing asked in return")
            return _mode("F3", "triggered", "a concession offered with nothing asked in return",
                         [Evidence(turn=i + 1, quote=t.vague_offer or "", note="no commitment asked in return")])
        return _mode("F3", "ok", "the concession was tied to a commitment",
                     [Evidence(turn=i + 1, quote=t.vague_offer or "", note="a commitment asked in return")])
    if plans:
        i, q = plans[-1]
        return _mode("F3", "ok", "no MRR was given away: a plan instead of a discount",
                     [Evidence(turn=i + 1, quote=q or "", note="plan / save / escalation, price kept")])
    return _mode("F3", "not_reached", "not reached: no counter-proposal was made", [])


def _f4(a: list[TurnAnalysis], texts: list[str], closed: bool) -> FailureMode:
    """No re-engagement trigger by the time the conversation reached a close."""
    set_ = [(i, t.trigger, t.trigger_concrete) for i, t in enumerate(a)
            if t.trigger and (t.trigger_concrete or t.trigger_loose)]
    if set_:
        i, q, concrete = max(set_, key=lambda x: x[2])
        return _mode("F4", "ok", "a re-engagement trigger was set",
                     [Evidence(turn=i + 1, quote=q or "", note="trigger with a date or event" if concrete
                               else "follow-up with a rough time")])
    if not closed:
        return _mode("F4", "not_reached", "not reached: the conversation stopped before a close", [])
    vague = [(i, t.trigger) for i, t in enumerate(a) if t.trigger]
    if vague:
        i, q = vague[0]
        return _mode("F4", "triggered", "the conversation closed with no re-engagement trigger",
                     [Evidence(turn=i + 1, quote=q or "", note="a follow-up with no time at all")])
    return _mode("F4", "triggered", "the conversation closed with no re-engagement trigger",
                 [Evidence(turn=len(a), quote=_short(texts[-1]),
                           note=f"the last turn; no trigger in any of the {len(a)} turn(s)")])


def _f5(card: Card, a: list[TurnAnalysis]) -> FailureMode:
    """Fighting the downsell: refusing any change, insisting on the full package (pushback repeated up
    to the turn that first offers a change). Stating a limit while or after offering a change ("no
    price games, just the comparison", "I can't go beyond 10%") is not refusing one."""
    changed = next((i for i, t in enumerate(a) if t.offer or t.solution or t.vague_offer), len(a))
    # A refusal in the first reply is F1's business unless no change is ever offered after it.
    never = not any(t.offer or t.solution or t.vague_offer for t in a)
    ev = [Evidence(turn=i + 1, quote=q, note="refuses any change") for i, t in enumerate(a)
          if not (t.offer or t.solution or t.vague_offer) and (i > 0 or never) for q in t.refusal]
    ev += [Evidence(turn=i + 1, quote=q, note="insists on the full package") for i, t in enumerate(a)
           if t.offer or t.solution or t.vague_offer
           for q in [*t.refusal, *t.pushback, t.acknowledgment or "", t.offer.quote if t.offer else "",
                     t.vague_offer or "", t.solution or ""] if INSISTS.search(q)][:1]
    ev += [Evidence(turn=i + 1, quote=q, note="meets the decision with guilt")
           for i, t in enumerate(a) for q in t.guilt]
    ev += [Evidence(turn=i + 1, quote=q, note="meets the decision with a threat")  # penalties, fees, clauses
           for i, t in enumerate(a) for q in t.pushback if THREAT.search(unquoted(q)) and q not in t.guilt]
    pushing = [i for i, t in enumerate(a) if t.pushback and i <= changed]
    if len(pushing) >= 2:
        quoted = {e.turn for e in ev}  # a refusal already quoted for this turn is not counted twice
        ev += [Evidence(turn=i + 1, quote=a[i].pushback[0], note="repeated pushback") for i in pushing
               if i + 1 not in quoted]
    for e in ev:
        card.mark(e.turn - 1, "F5", False, f"treats the downsell as a failure: {e.note}")
    if ev:
        return _mode("F5", "triggered", "fought the downsell instead of right-sizing it", ev)
    worked = [(i, t.offer.quote) for i, t in enumerate(a) if t.offer] + \
        [(i, t.vague_offer) for i, t in enumerate(a) if t.vague_offer] + \
        [(i, t.solution) for i, t in enumerate(a) if t.solution] + \
        [(i, t.acknowledgment) for i, t in enumerate(a) if t.acknowledgment]
    if worked:
        i, q = min(worked)
        return _mode("F5", "ok", "treated the downsell as legitimate",
                     [Evidence(turn=i + 1, quote=q or "", note="took the request on, no refusal")])
    return _mode("F5", "not_reached", "not reached: no counter or plan yet, and no refusal", [])
