"""Rubric checks on the texts: what the playbooks ask of the words, checked deterministically.

- the first reply acknowledges without pushback and without talking eligibility or price;
- questions come before the offer (diagnosis questions, no numbers in the acknowledgment);
- a counter discloses what the customer commits to (term, pause length, resume date, discount);
- replies follow the customer's language; the case's must / must-not phrases.
"""

from __future__ import annotations

import re

from coach.drafting.guard import check_acknowledgment
from coach.drafting.models import Draft
from coach.evals.models import Case
from coach.evals.results import CaseResult, CheckResult
from coach.knowledge.lang import detect_language

# Eligibility or contract talk does not belong in a first reply (it comes after the diagnosis).
_ELIGIBILITY = re.compile(
    r"\block\b|\blocked\b|eligib|nine[- ]month|\b9[- ]month|month \d+ of|\bminimum term\b|"
    r"блокуван|\b9 місяц|дев['’]ят\w* місяц|не маєте права", re.IGNORECASE)
# An offer in the acknowledgment: money, a percentage off, or the word discount.
_OFFER = re.compile(r"[$€£₴]\s?\d[\d,]*(?:\.\d{2})?|\d[\d,]*\.\d{2}\b|\d+\s*%\s*(?:off|discount)"
                    r"|\bdiscount\b|знижк", re.IGNORECASE)
_COMMIT = re.compile(r"commit|зобов['’]язан|compromis|verpflicht|engag|zobowiąz", re.IGNORECASE)
_PREPAY = re.compile(r"pre-?pay\w*|up-?front|in advance|передоплат\w*|наперед|por adelantado|Vorauszahlung|"
                     r"im Voraus|paiement anticipé|adiantad\w*|przedpłat\w*", re.IGNORECASE)
_NEGATED = re.compile(r"\b(no|without|not|never|nothing|без|не|жодн\w*|sin|ohne|sans|sem|bez)\b", re.IGNORECASE)
# Discount wording has no place in a pause plan: the pause is the concession.
_DISCOUNT_WORDS = re.compile(r"discount|off the list|знижк|descuento|Rabatt|remise|desconto|rabat|\d\s*%",
                             re.IGNORECASE)
_APOLOGY = re.compile(r"\bsorry\b|apolog|вибач|перепрош|lament|disculp|entschuldig|excuses|desculp|przeprasz",
                      re.IGNORECASE)
# Plays that keep today's price: the existing discount is not news and need not be restated.
_SAME_PRICE = ("course_correct", "creative_swap", "pause_plan", "pause_not_cancel")
_CYRILLIC = re.compile(r"[а-яіїєґ]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)


def _r(name: str, passed: bool, detail: str = "", expected: object = None, got: object = None) -> CheckResult:
    return CheckResult(name=name, group="rubric", passed=passed, detail=detail, expected=expected, got=got)


def cyrillic_share(text: str) -> float:
    cyr, lat = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
    return cyr / (cyr + lat) if cyr + lat else 0.0


def _pct(value: float) -> list[str]:
    """The ways a percentage can be written: 18.0 -> 18%, 18.0%, 18,0%."""
    forms = {f"{value:g}", f"{value:.1f}", f"{value:.1f}".replace(".", ",")}
    return sorted(forms)


def rubric_checks(case: Case, d: Draft) -> list[CheckResult]:
    ack = d.acknowledgment
    c = d.counter_proposal
    msg = c.message if c else ""
    out = []

    pushback = check_acknowledgment(ack)
    talk = sorted({m.group(0).lower() for m in _ELIGIBILITY.finditer(ack)})
    problems = pushback + [f"talks eligibility: {t}" for t in talk]
    out.append(_r("ack-no-pushback", bool(ack.strip()) and not problems,
                  "; ".join(problems) if ack.strip() else "empty acknowledgment"))
    offer = sorted({m.group(0) for m in _OFFER.finditer(ack)})
    qs = [q for q in d.diagnosis_questions if q.strip()]
    asks = len(qs) >= 3 and all(q.rstrip().endswith("?") for q in qs)
    out.append(_r("questions-before-offer", asks and not offer,
                  (f"the acknowledgment already offers: {', '.join(offer)}" if offer else "")
                  + ("" if asks else f"; {len(qs)} diagnosis question(s), need 3 or more ending in '?'"),
                  got=len(qs)))
    if c is not None:
        out.append(_disclosure(d))
        if c.pause_months:
            found = sorted({m.group(0) for m in _DISCOUNT_WORDS.finditer(msg)})
            out.append(_r("pause-no-discount", not found, f"the pause plan mentions {', '.join(found)}"
                          if found else "", got=found))
    if "outage" in case.tags:
        out.append(_r("outage-apology", bool(_APOLOGY.search(ack)),
                      "" if _APOLOGY.search(ack) else "no apology in the first reply to an outage complaint"))
    lang = case.expect.language or case.lang
    texts = [t for t in (ack, msg) if t.strip()]
    share = min((cyrillic_share(t) for t in texts), default=0.0) if lang == "uk" else \
        max((cyrillic_share(t) for t in texts), default=0.0)
    ok = share >= 0.6 if lang == "uk" else share <= 0.2  # names may be in Cyrillic
    if lang not in ("en", "uk"):
        guessed = [detect_language(t) for t in texts]
        ok = ok and d.language == lang and all(g == lang for g in guessed)
    out.append(_r("reply-language", ok, f"Cyrillic share {share:.2f}", expected=lang, got=d.language))
    out.extend(_phrases(case, d))
    return out


def _disclosure(d: Draft) -> CheckResult:
    c = d.counter_proposal
    assert c is not None
    msg = c.message
    missing = []
    if c.pause_months:
        if str(c.pause_months) not in msg:
            missing.append(f"pause length ({c.pause_months} months)")
        if c.resume_date and c.resume_date not in msg:
            missing.append(f"resume-billing date ({c.resume_date})")
    elif c.term_extension_months:
        if not _COMMIT.search(msg) or str(c.commitment_months or c.term_extension_months) not in msg:
            missing.append(f"commitment ({c.commitment_months} months)")
        if str(c.term_extension_months) not in msg:
            missing.append(f"extension ({c.term_extension_months} months)")
    stated = any(f + "%" in msg.replace(" %", "%") for f in _pct(c.discount_pct))
    if c.discount_pct and c.kind not in _SAME_PRICE and not stated:
        missing.append(f"discount ({c.discount_pct}% off list)")
    if c.new_mrr and f"{c.new_mrr:,.2f}" not in msg and f"{c.new_mrr:.2f}" not in msg and \
            f"{c.new_mrr:,.2f}".replace(",", " ") not in msg.replace("\u00a0", " "):
        missing.append(f"new monthly price ({c.new_mrr:,.2f})")
    for m in _PREPAY.finditer(msg):
        if not _NEGATED.search(msg[max(0, m.start() - 40):m.start()]):
            missing.append("mentions a prepayment the proposal does not include")
            break
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
