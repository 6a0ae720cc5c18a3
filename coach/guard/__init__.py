"""The one guard: every text that reaches a customer (template, model, or a person's own reply) is
checked here, against lexicons kept as data (knowledge/guard/*.yaml) and the facts the policy
engine computed. Nothing heavy is imported: the language identifier loads on first use.

    guard = Guard(knowledge_dir, prompts_dir)      (or guard_for(settings))
    guard.check(text, GuardContext(stage="counter", facts=..., language="en", names=...))
        -> [Violation(id, reason, excerpt, part)]

Stages (rule sets in knowledge/guard/rules.yaml): acknowledgment, questions, counter, pause_plan,
followup, outreach, acceptance, roleplay_customer.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach.guard.checks import CHECKS, GuardContext, OfferTerms, Violation, prepare
from coach.guard.facts import Facts, Names
from coach.guard.leak import PromptLeak, prompt_leak
from coach.guard.lexicon import GuardData, guard_data
from coach.guard.reader import CHECK_IDS as READER_CHECKS
from coach.guard.reader import applies

if TYPE_CHECKING:
    from coach.config import Settings

__all__ = ["Facts", "Guard", "GuardContext", "Names", "OfferTerms", "Violation", "guard_for"]


class Guard:
    """The checks, the lexicons and the prompt files for one workspace (knowledge and prompts dirs); with an
    embedder (a function returning one, called on first need), the learned reader too (reader.py)."""

    def __init__(self, knowledge_dir: Path, prompts_dir: Path | None = None,
                 embedder: Callable[[], Any] | None = None, embedder_key: str | None = None) -> None:
        self.knowledge_dir, self.prompts_dir = Path(knowledge_dir), prompts_dir
        self._embedder = embedder
        # which embedder the reader's findings came from (part of the recent-checks key)
        self._embedder_key = None if embedder is None else (embedder_key or repr(embedder))

    @property
    def data(self) -> GuardData:
        return guard_data(self.knowledge_dir)

    def rule_set(self, stage: str) -> list[str]:
        return self.data.rules.expand(stage)

    def category(self, check_id: str) -> str:
        return self.data.rules.checks[check_id].category

    def check(self, text: str, ctx: GuardContext, *, only: list[str] | None = None) -> list[Violation]:
        data = self.data
        leak = prompt_leak(self.prompts_dir, data.compiled.leak_markers) if self.prompts_dir is not None else None
        # The findings are a function of the text, the context, the lexicons and the prompt files: a text
        # checked again (a template's acknowledgment for the same account and cause, a live suggestion
        # re-drafted on the next turn) is answered from the last few hundred checks.
        key = (text, repr(ctx), tuple(only) if only is not None else None,
               self._embedder_key if ctx.author == "model" else None)
        with _RECENT_LOCK:
            hit = _RECENT.get(key)
            if hit is not None and hit[0] is data and hit[1] is leak:
                _RECENT.move_to_end(key)
                return list(hit[2])
        found = self._check(text, ctx, data, leak, only)
        with _RECENT_LOCK:
            _RECENT[key] = (data, leak, tuple(found))
            while len(_RECENT) > _RECENT_SIZE:
                _RECENT.popitem(last=False)
        return found

    def _check(self, text: str, ctx: GuardContext, data: GuardData, leak: PromptLeak | None,
               only: list[str] | None) -> list[Violation]:
        p = prepare(text, ctx, data, leak)
        out: list[Violation] = []
        ids = only or data.rules.expand(ctx.stage)
        readers = [cid for cid in ids if cid in READER_CHECKS]
        if readers:
            ids = [cid for cid in ids if cid not in READER_CHECKS]
        for cid in ids:
            spec = data.rules.checks[cid]
            findings = CHECKS[cid](p)
            if findings:
                excerpt, detail = findings[0]
                reason = spec.reason + (f": {detail}" if detail else "")
                out.append(Violation(id=cid, reason=reason, excerpt=excerpt, part=ctx.part or ctx.stage))
        if readers and ctx.author == "model" and text.strip():
            out += self._read(text, ctx, data, readers)
        return out

    def _read(self, text: str, ctx: GuardContext, data: GuardData, check_ids: list[str]) -> list[Violation]:
        """The learned reader's findings (a model's texts only; off without an embedder or a reader trained
        with it)."""
        if self._embedder is None:
            return []
        from coach.guard.reader import load_reader, strongest_sentence

        embedder = self._embedder()
        reader = load_reader(self.knowledge_dir, getattr(embedder, "name", None))
        if reader is None:
            return []
        kinds = [READER_CHECKS[cid] for cid in check_ids if applies(READER_CHECKS[cid], ctx.stage)]
        probs = reader.probabilities(embedder.embed_queries([text])[0], kinds)
        out = []
        for cid in check_ids:
            kind = READER_CHECKS[cid]
            p = probs.get(kind)
            if p is None or p < reader.thresholds.get(kind, 1.01):
                continue
            excerpt = strongest_sentence(reader, embedder.embed_queries, text, kind)
            reason = f"{data.rules.checks[cid].reason}: p {p:.2f} from {reader.meta.get('rows', 0):,} judged texts"
            out.append(Violation(id=cid, reason=reason, excerpt=excerpt, part=ctx.part or ctx.stage))
        return out

    def phrases(self, text: str, check_ids: list[str], language: str | None = None) -> list[str]:
        """The words that a lexicon check matched (e.g. the pushback words in a trainee's sentence)."""
        from coach.guard.checks import CHECKS

        p = prepare(text, GuardContext(stage="followup", facts=Facts(), language=language), self.data, None)
        return [detail for cid in check_ids for _, detail in CHECKS[cid](p)]

    def problems(self, text: str, ctx: GuardContext) -> list[str]:
        """The findings as one line each ("part: reason (excerpt) [id]"), as drafts record them."""
        return [str(v) for v in self.check(text, ctx)]


_RECENT_SIZE = 512
_Key = tuple[str, str, tuple[str, ...] | None, str | None]
_RECENT: OrderedDict[_Key, tuple[GuardData, PromptLeak | None, tuple[Violation, ...]]] = OrderedDict()
_RECENT_LOCK = threading.Lock()


def guard_for(settings: Settings) -> Guard:
    def embedder() -> Any:
        from coach.knowledge.embeddings import get_embedder

        return get_embedder(settings)

    key = f"{settings.embedding_backend}:{settings.embedding_model}:{settings.embedding_base_url}"
    return Guard(settings.knowledge_dir, settings.prompts_dir, embedder, key)
