"""Rubric checks on the texts: what the playbooks ask of the words, checked deterministically.

- the first reply acknowledges without pushback and without talking eligibility or price;
- questions come before the offer (diagnosis questions, no numbers in the acknowledgment);
- a counter discloses what the customer commits to (term, pause length, resume date, discount);
- replies follow the customer's language; the case's must / must-not phrases.
"""

from __future__ import annotations

import re

from coach.drafting.models import Draft
from coach.drafting.templates import day, money
from coach.evals.models import Case
from coach.evals.results import CaseResult, CheckResult
from coach.guard import Facts, Guard, GuardContext
from coach.guard.language import identify

# Discount wording has no place in a pause plan: the pause is the concession.
_DISCOUNT_WORDS = re.compile(r"discount|off the list|знижк|descuento|Rabatt|remise|desconto|rabat|\d\s*%",
                             re.IGNORECASE)
_APOLOGY = re.compile(r"\bsorry\b|apolog|вибач|перепрош|lament|disculp|entschuldig|excuses|desculp|przeprasz",
                      re.IGNORECASE)
# Plays that keep today's price: the existing discount is not news and need not be restated.
_SAME_PRICE = ("course_correct", "creative_swap", "pause_plan", "pause_not_cancel")


def _r(name: str, passed: bool, detail: str = "", expected: object = None, got: object = None) -> CheckResult:
    return CheckResult(name=name, group="rubric", passed=passed, detail=detail, expected=expected, got=got)


def _guard(guard: Guard | None) -> Guard:
    if guard is None:
        from coach.config import get_settings
        from coach.guard import guard_for

        guard = guard_for(get_settings())
    return guard


def _pct(value: float) -> list[str]:
    """The ways a percentage can be written: 18.0 -> 18%, 18.0%, 18,0%."""
    forms = {f"{value:g}", f"{value:.1f}", f"{value:.1f}".replace(".", ",")}
    return sorted(forms)


def _own(d: Draft) -> Facts:
    f = Facts()
    f.allow_own(d.request.reduction_pct, d.request.seats)
    return f


def rubric_checks(case: Case, d: Draft, guard: Guard | None = None) -> list[CheckResult]:
    """The rubric, judged by the one guard (coach.guard) where it asks about the words."""
    g = _guard(guard)
    ack = d.acknowledgment
    c = d.counter_proposal
    msg = c.message if c else ""
    out = []

    ctx = GuardContext(stage="acknowledgment", facts=_own(d))
    problems = [str(v) for v in g.check(ack, ctx, only=["pushback", "contract_threat"])]
    out.append(_r("ack-no-pushback", bool(ack.strip()) and not problems,
                  "; ".join(problems) if ack.strip() else "empty acknowledgment"))
    offer = [v.excerpt or v.reason for v in g.check(ack, ctx, only=["offer_in_first_reply"])]
    qs = [q for q in d.diagnosis_questions if q.strip()]
    # Only a downsell is diagnosed; other intents get a short reply and a next step (contract 3a).
    need = 3 if d.intent == "downsell" else 0
    asks = len(qs) >= need and all(q.rstrip().endswith("?") for q in qs)
    out.append(_r("questions-before-offer", asks and not offer,
                  (f"the acknowledgment already offers: {', '.join(offer)}" if offer else "")
                  + ("" if asks else f"; {len(qs)} diagnosis question(s), need {need} or more ending in '?'"),
                  got=len(qs)))
    if c is not None:
        out.append(_disclosure(d, g))
        if c.pause_months:
            found = sorted({m.group(0) for m in _DISCOUNT_WORDS.finditer(msg)})
            out.append(_r("pause-no-discount", not found, f"the pause plan mentions {', '.join(found)}"
                          if found else "", got=found))
    if "outage" in case.tags:
        out.append(_r("outage-apology", bool(_APOLOGY.search(ack)),
                      "" if _APOLOGY.search(ack) else "no apology in the first reply to an outage complaint"))
    lang = case.expect.language or case.lang
    texts = [t for t in (ack, msg) if t.strip()]
    seen = [identify(t) for t in texts]
    wrong = [x for x in seen if x is not None and x != lang]
    out.append(_r("reply-language", not wrong, f"identified {', '.join(str(x) for x in seen) or 'nothing'}",
                  expected=lang, got=wrong[0] if wrong else d.language))
    out.extend(_phrases(case, d))
    return out


def _disclosure(d: Draft, g: Guard) -> CheckResult:
    c = d.counter_proposal
    assert c is not None
    msg = c.message
    flat = msg.replace("\u00a0", " ").replace("\u202f", " ")  # as written in the reply's language
    missing = []
    if c.pause_months:
        if str(c.pause_months) not in msg:
            missing.append(f"pause length ({c.pause_months} months)")
        if c.resume_date and c.resume_date not in msg and day(c.resume_date, d.language) not in flat:
            missing.append(f"resume-billing date ({c.resume_date})")
    elif c.term_extension_months:
        ctx = GuardContext(stage="counter", facts=Facts(), counter=c)
        if g.check(msg, ctx, only=["disclosure.commitment"]):
            missing.append(f"commitment ({c.commitment_months} months)")
        if str(c.term_extension_months) not in msg:
            missing.append(f"extension ({c.term_extension_months} months)")
    stated = any(f + "%" in flat.replace(" %", "%") for f in _pct(c.discount_pct))
    if c.discount_pct and c.kind not in _SAME_PRICE and not stated:
        missing.append(f"discount ({c.discount_pct}% off list)")
    shown = {f"{c.new_mrr:,.2f}", f"{c.new_mrr:.2f}", f"{c.new_mrr:,.2f}".replace(",", " "),
             money(c.new_mrr, d.language).replace("\u00a0", " ")} if c.new_mrr else set()
    if c.new_mrr and not any(form in flat for form in shown):
        missing.append(f"new monthly price ({c.new_mrr:,.2f})")
    hidden = g.check(msg, GuardContext(stage="counter", facts=Facts()),
                     only=[f"hidden_terms.{t}" for t in ("prepayment", "lump_sum", "auto_renewal")])
    missing += [v.reason for v in hidden]
    if not msg.strip():
        missing = ["the counter-proposal message is empty"]
    return _r("commitments-disclosed", not missing, "; ".join(missing))


def _part_text(d: Draft, part: str) -> str:
    counter = d.counter_proposal.message if d.counter_proposal else ""
    questions = "\n".join(d.diagnosis_questions)
    return {"acknowledgment": d.acknowledgment, "counter": counter, "questions": questions,
            "any": "\n".join((d.acknowledgment, counter, questions))}[part]


def _phrases(case: Case, d: Draft) -> list[CheckResult]:
    out = []
    e = case.expect
    missing = [f"{part}: {p!r}" for part, p in e.must_include.items()
               if p.casefold() not in _part_text(d, part).casefold()]
    if e.must_include.items():
        out.append(_r("must-include", not missing, "missing " + ", ".join(missing) if missing else ""))
    found = [f"{part}: {p!r}" for part, p in e.must_not_include.items()
             if p.casefold() in _part_text(d, part).casefold()]
    if e.must_not_include.items():
        out.append(_r("must-not-include", not found, "found " + ", ".join(found) if found else ""))
    return out


def opener(ack: str) -> str:
    """The first sentence after the greeting: the part of a first reply a customer reads first."""
    lines = [ln.strip() for ln in ack.strip().splitlines() if ln.strip()]
    body = " ".join(lines[1:]) if len(lines) > 1 else ""
    m = re.match(r"(.+?[.!?])(\s|$)", body)
    return (m.group(1) if m else body).strip()


def opener_checks(cases: list[Case], results: list[CaseResult]) -> None:
    """Cases tagged `opener-group:<name>` (different messages, one account) must not share an opener."""
    groups: dict[str, list[tuple[CaseResult, str]]] = {}
    for case, res in zip(cases, results, strict=True):
        for tag in case.tags:
            if tag.startswith("opener-group:") and res.draft:
                groups.setdefault(tag, []).append((res, opener(res.draft.get("acknowledgment") or "")))
    for members in groups.values():
        for res, text in members:
            twins = [r.id for r, t in members if r is not res and t and t == text]
            res.checks.append(_r("opener-unique", bool(text) and not twins,
                                 f"same opener as {', '.join(twins)}: {text!r}" if twins else "",
                                 got=text))
