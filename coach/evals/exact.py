"""Exact checks: the draft's request kind, root cause, hardship, eligibility, escalations and the
bounds on its counter-proposal, against the case's labels."""

from __future__ import annotations

from coach.drafting.models import Draft
from coach.evals.models import Case, ProposalSpec
from coach.evals.results import CheckResult


def _check(name: str, expected: object, got: object, passed: bool | None = None,
           detail: str = "") -> CheckResult:
    ok = (expected == got) if passed is None else passed
    return CheckResult(name=name, group="exact", passed=ok, expected=expected, got=got, detail=detail)


def exact_checks(case: Case, d: Draft) -> list[CheckResult]:
    e = case.expect
    out: list[CheckResult] = []
    if e.intent is not None:
        out.append(_check("intent", e.intent, d.intent))
    if e.kind is not None:
        out.append(_check("kind", e.kind, d.request.kind))
    if e.root_cause is not None:
        out.append(_check("root_cause", e.root_cause, d.root_cause))
    if "hardship" in e.model_fields_set:
        out.append(_check("hardship", e.hardship, d.hardship))
    if e.eligibility is not None:
        el = e.eligibility
        got: dict[str, object] = {"reduction_allowed": d.eligibility.reduction_allowed,
               "pause_allowed": d.eligibility.pause_allowed}
        want: dict[str, object] = {k: v for k, v in (("reduction_allowed", el.reduction_allowed),
                                  ("pause_allowed", el.pause_allowed)) if v is not None}
        if el.failed_rules is not None:
            want["failed_rules"] = sorted(el.failed_rules)
            got["failed_rules"] = sorted(r.id for r in d.eligibility.rules if not r.passed)
        got = {k: v for k, v in got.items() if k in want}
        out.append(_check("eligibility", want, got))
    if e.escalations is not None:
        esc = e.escalations
        out.append(_escalations(esc.exact, esc.include, esc.exclude, d.escalations))
    if e.play is not None or e.play_in is not None:
        allowed = [e.play] if e.play else list(e.play_in or [])
        out.append(_check("play", e.play or allowed, d.play, passed=d.play in allowed))
    if e.counter is not None:
        out.append(_check("counter_present", e.counter, d.counter_proposal is not None))
    if e.proposal is not None:
        out.extend(_proposal(e.proposal, d))
    if e.language is not None:
        out.append(_check("language", e.language, d.language))
    if e.citations_any is not None:
        got_sources = sorted({c.source for c in d.citations})
        out.append(_check("citations", e.citations_any, got_sources,
                          passed=any(s in got_sources for s in e.citations_any)))
    return out


def _escalations(exact: list[str] | None, include: list[str], exclude: list[str],
                 got: list[str]) -> CheckResult:
    have = set(got)
    problems = []
    if exact is not None and have != set(exact):
        problems.append(f"expected exactly {sorted(exact)}")
    missing = [x for x in include if x not in have]
    extra = [x for x in exclude if x in have]
    if missing:
        problems.append(f"missing {missing}")
    if extra:
        problems.append(f"unexpected {extra}")
    want: dict[str, list[str]] = {}
    if exact is not None:
        want["exact"] = sorted(exact)
    if include:
        want["include"] = include
    if exclude:
        want["exclude"] = exclude
    return _check("escalations", want, sorted(have), passed=not problems, detail="; ".join(problems))


def _proposal(spec: ProposalSpec, d: Draft) -> list[CheckResult]:
    c = d.counter_proposal
    if c is None:
        return [_check("proposal", "a counter-proposal", None, passed=False, detail="no counter-proposal")]
    problems: list[str] = []
    want: dict[str, object] = {}
    got: dict[str, object] = {}
    kinds = [spec.kind] if spec.kind else spec.kind_in
    if kinds:
        want["kind"], got["kind"] = kinds if len(kinds) > 1 else kinds[0], c.kind
        if c.kind not in kinds:
            problems.append(f"kind {c.kind} not in {kinds}")
    for field in ("discount_pct", "new_mrr", "term_extension_months", "pause_months", "seats"):
        bound = getattr(spec, field)
        if bound is None:
            continue
        value = getattr(c, field)
        want[field], got[field] = str(bound), value
        if not bound.holds(None if value is None else float(value)):
            problems.append(f"{field} {value} outside {bound}")
    if spec.resume_date is not None:
        want["resume_date"], got["resume_date"] = spec.resume_date, c.resume_date
        if c.resume_date != spec.resume_date:
            problems.append(f"resume_date {c.resume_date} != {spec.resume_date}")
    if spec.suspended_services is not None:
        want["suspended_services"] = sorted(spec.suspended_services)
        got["suspended_services"] = sorted(c.suspended_services)
        if want["suspended_services"] != got["suspended_services"]:
            problems.append("suspended services differ")
    return [_check("proposal", want, got, passed=not problems, detail="; ".join(problems))]
