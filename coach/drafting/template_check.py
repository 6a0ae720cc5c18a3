"""Render every reply template of a workspace with real drafting contexts, before a customer sees one.

The contexts are the play table's own cells (coach.policy.coverage: every request kind x root cause x
eligibility decided on a sample account), drafted in every language the workspace has templates
for, with every tone and topic the listening file knows, and the intent replies, gracious
acceptances and outreach drafts beside them. No model, no index, no network: the template drafter
and the policy only.
A template that raises (an undefined variable, a filter or type error) is reported once, with the
template's file and line and what it was rendering.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach.accounts import Account, derive
from coach.diagnosis.models import Diagnosis
from coach.drafting.context import DraftContext
from coach.drafting.engine import TemplateDrafter
from coach.drafting.intents import intent_vars
from coach.drafting.listening import Heard, Tone, listening_for
from coach.drafting.profile import CsmProfile
from coach.drafting.templates import LANGUAGES, render
from coach.policy.coverage import Case, sample_account, sample_day, sample_decisions
from coach.policy.decision import Decision
from coach.policy.playdoc import COLUMNS
from coach.policy.schema import Policy

if TYPE_CHECKING:
    from coach.outreach.models import Outcome

INTENTS = ("expansion", "renewal", "support", "billing", "feedback", "other")
OUTCOMES: tuple[Outcome, ...] = ("cancel", "reduce", "no_offers")
TONES: tuple[Tone, ...] = ("insolvency", "outage", "disaster", "brief")
CSMS = (CsmProfile(name="Sam Lee", title="Customer Success Manager"),
        CsmProfile(name="Olena Koval", title="CSM", gender="feminine"),
        CsmProfile(name="Jan Nowak", signature="Jan Nowak\nAcme Agency", gender="masculine"))


@dataclass(frozen=True)
class TemplateFailure:
    file: Path
    line: int | None
    message: str


def languages(prompts_dir: Path) -> list[str]:
    """The reply languages the workspace has a template folder for."""
    root = prompts_dir / "templates"
    return [lang for lang in LANGUAGES if (root / lang).is_dir()]


def check_templates(prompts_dir: Path, policy: Policy) -> list[TemplateFailure]:
    """Render every template in every context below; one failure per template file and line."""
    failures: dict[tuple[Path, int | None], TemplateFailure] = {}
    for what, run in renders(prompts_dir, policy):
        try:
            run()
        except Exception as exc:  # a template may raise anything; each is reported, none escapes
            f = _failure(exc, prompts_dir, what)
            failures.setdefault((f.file, f.line), f)
    return list(failures.values())


def renders(prompts_dir: Path, policy: Policy) -> Iterator[tuple[str, Callable[[], object]]]:
    """(what is being rendered, the render) for every context the check covers."""
    drafter = TemplateDrafter(prompts_dir)
    topics = [(t.id, t.say) for t, _ in listening_for(prompts_dir).topics]
    cells: dict[tuple, tuple[Case, Account, Diagnosis, Decision]] = {}
    for case, acc, dx, d in sample_decisions(policy):  # one context per distinct shape of decision
        key = (d.play, dx.kind, dx.hardship, tuple(sorted(d.flags)), d.counter is not None, d.tier_to is None)
        cells.setdefault(key, (case, acc, dx, d))
    for lang in languages(prompts_dir):
        for n, (case, acc, dx, d) in enumerate(cells.values()):
            ctx = _context(acc, dx, d, policy, lang, case, Heard("standard", None, None, n), CSMS[n % len(CSMS)])
            what = f"{d.play} for {case}, in {lang}"
            yield f"acknowledgment: {what}", partial(drafter.acknowledgment, ctx)
            if d.counter is not None:
                yield f"counter: {what}", partial(drafter.counter_message, ctx)
        kinds = list({dx.kind: (case, acc, dx, d) for case, acc, dx, d in cells.values()}.values())
        said = [(Heard(t, None, None, k), kinds[k]) for t in TONES for k in range(len(kinds))]
        for i, (tid, say) in enumerate(topics):  # each topic said back on two kinds, one naming a service
            h = Heard("standard", say.get(lang, say["en"]).replace("{0}", "storm"), tid, i)
            said += [(h, kinds[i % len(kinds)])] + [(h, x) for x in kinds if x[2].modules][:1]
        for i, (h, (case, acc, dx, d)) in enumerate(said):  # each CSM profile meets each tone
            ctx = _context(acc, dx, d, policy, lang, case, h, CSMS[i % len(CSMS)])
            yield (f"acknowledgment: {dx.kind}, tone {h.tone}, topic {h.topic_id}, in {lang}",
                   partial(drafter.acknowledgment, ctx))
        case, acc, dx, d = next(iter(cells.values()))
        for intent in INTENTS:
            for csm in CSMS:
                ctx = _context(acc, dx.model_copy(update={"intent": intent}), d, policy, lang, case,
                               Heard("standard", None, None, 0), csm)
                yield (f"intent reply ({intent}), in {lang}",
                       partial(render, prompts_dir, lang, f"intent_{intent}", **intent_vars(ctx)))
        if (prompts_dir / "templates" / lang / "accept_gracefully.j2").is_file():
            yield from _acceptances(prompts_dir, policy, lang)
        if (prompts_dir / "templates" / lang / "outreach.j2").is_file():
            yield from _outreach(prompts_dir, policy, lang)


def _acceptances(prompts_dir: Path, policy: Policy, lang: str) -> Iterator[tuple[str, Callable[[], object]]]:
    from coach.outreach.engine import acceptance_triggers  # a sibling feature: loaded only when checked

    acc = sample_account(COLUMNS[0])
    today = date(2026, 6, 1)
    for outcome in OUTCOMES:
        for removed in (False, True):
            variables = {"contact_first": "Dana", "account_name": acc.name, "outcome": outcome,
                         "triggers": acceptance_triggers(outcome, policy, today, services_removed=removed)}
            yield (f"acceptance ({outcome}), in {lang}",
                   partial(render, prompts_dir, lang, "accept_gracefully", **variables))


class _Rendered(Exception):
    """Raised by the render-only writer once the text is written: the guard is not what is checked."""


class _RenderOnly:
    name = "template"

    def __init__(self, prompts_dir: Path) -> None:
        self.prompts_dir = prompts_dir

    def write(self, brief: Any, check: Any) -> Any:
        render(self.prompts_dir, brief.language, brief.template, **brief.variables)
        raise _Rendered


OFFERS: tuple[dict[str, Any], ...] = (  # no price; a service back with a discount, a term and a trial; prepaid
    {},
    {"kind": "restore_service", "service": "PPC", "added_list_mrr": 1500, "discount_pct": 10, "discount_months": 3,
     "term_months": 12, "trial": True},
    {"kind": "add_seats", "seats": 5, "added_list_mrr": 400, "term_months": 12, "prepayment_months": 3},
)
ROLES = (("Owner", "smb", "2019-05-01"), ("CFO", "enterprise", None), ("Practice Manager", "smb", None))


def _outreach(prompts_dir: Path, policy: Policy, lang: str) -> Iterator[tuple[str, Callable[[], object]]]:
    from coach.outreach import OutreachRequest, draft_outreach  # a sibling feature: loaded only when checked

    base = sample_account(COLUMNS[0])
    now = datetime(2026, 6, 2, 12, 0, tzinfo=UTC)  # a Tuesday noon: inside any contact window
    for offer in OFFERS:
        for role, segment, since in ROLES:
            acc = base.model_copy(update={
                "language": lang, "segment": segment, "customer_since": since,
                "contact": base.contact.model_copy(update={"role": role, "decision_maker": True, "timezone": "UTC"})})
            req = OutreachRequest.model_validate({
                "reason": "trigger_due", "trigger": {"kind": "performance_gap_review", "due_date": "2026-06-01"},
                "offer": offer, "language": lang})
            yield (f"outreach ({offer.get('kind', 'conversation')}, {role}), in {lang}",
                   partial(_until_rendered, draft_outreach, acc, req, policy, now, writer=_RenderOnly(prompts_dir)))


def _until_rendered(run: Callable[..., object], *args: Any, **kwargs: Any) -> None:
    """Run a feature up to its text: blocked before writing is a failure too (nothing was rendered)."""
    try:
        out = run(*args, **kwargs)
    except _Rendered:
        return
    raise ValueError(f"nothing was rendered: {getattr(out, 'blocked_by', None) or 'no text written'}")


def _context(acc: Account, dx: Diagnosis, d: Decision, policy: Policy, lang: str, case: Case, heard: Heard,
             csm: CsmProfile) -> DraftContext:
    today = sample_day(case.column)
    return DraftContext(account=acc, message="(check)", today=today, figures=derive(acc, today), diagnosis=dx,
                        decision=d, policy=policy, language=lang, heard=heard, csm=csm, customer_language=lang)


def _failure(exc: Exception, prompts_dir: Path, what: str) -> TemplateFailure:
    """The template frame nearest the error (Jinja rewrites tracebacks to the template's own lines)."""
    file, line = None, None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        name = frame.f_code.co_filename
        if name.endswith(".j2"):
            file, line = Path(name), lineno
    if file is None:  # raised outside a template (a missing template, a context the engine refused)
        file = prompts_dir / "templates"
    text = " ".join(str(exc).split()) or type(exc).__name__
    return TemplateFailure(file, line, f"template render: {type(exc).__name__}: {text} (rendering {what})")
