"""Run the eval cases through the real `draft()` and score every draft.

One `Knowledge` per index per run (opening Chroma and loading the embedder is the slow part), the
poisoned indexes built once from knowledge/playbooks plus the fixture's extra documents and kept
under the data folder, so a re-run only checks them.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from coach.accounts import parse_account
from coach.config import REPO_ROOT, Settings, bundled, get_settings
from coach.drafting.engine import Drafter, TemplateDrafter, draft
from coach.drafting.models import Draft
from coach.errors import CoachError, CoachInputError
from coach.evals.compliance import compliance_checks
from coach.evals.exact import exact_checks
from coach.evals.models import Case, CaseSet, IndexFixture
from coach.evals.results import CaseResult, CheckResult, EvalRun, RetrievalResult
from coach.evals.rubric import opener_checks, rubric_checks
from coach.evals.summary import summarize
from coach.knowledge.search import Knowledge, get_knowledge
from coach.policy import policy_for

if TYPE_CHECKING:
    from coach.evals.judge import Judge

RETRIEVAL_QUERIES = bundled("evals") / "retrieval.yaml"
CaseProgress = Callable[[int, int, CaseResult], None]


class IndexPool:
    """The built-in index plus the fixture indexes, each opened (and built) once per run."""

    def __init__(self, settings: Settings, fixtures: dict[str, IndexFixture],
                 builtin: Knowledge | None = None) -> None:
        self.settings = settings
        self.fixtures = fixtures
        self._open: dict[str, Knowledge] = {}
        if builtin is not None:
            self._open["builtin"] = builtin

    def get(self, name: str) -> Knowledge:
        if name not in self._open:
            self._open[name] = self._builtin() if name == "builtin" else self._fixture(name)
        return self._open[name]

    def _builtin(self) -> Knowledge:
        kn = get_knowledge(self.settings)
        kn.ensure_ready()
        return kn

    def _fixture(self, name: str) -> Knowledge:
        fx = self.fixtures[name]
        root = self.settings.data_dir / "evals" / f"index-{name}"
        docs = root / "docs"
        docs.mkdir(parents=True, exist_ok=True)
        wanted = {doc.file for doc in fx.documents}
        for old in docs.iterdir():
            if old.name not in wanted:
                old.unlink()
        for doc in fx.documents:
            path = docs / doc.file
            if not path.exists() or path.read_text(encoding="utf-8") != doc.text:
                path.write_text(doc.text, encoding="utf-8")
        kn = Knowledge(self.settings, index_dir=root / "index")
        if kn.store.count() == 0:
            self._seed(kn)
        kn.ingest([self.settings.knowledge_dir / "playbooks", docs])  # incremental: cheap on a re-run
        kn.ensure_ready()
        return kn

    def _seed(self, kn: Knowledge) -> None:
        """Copy the built-in index's vectors, so only the extra documents are embedded."""
        builtin = self.get("builtin")
        src = builtin.store.collection()
        if src is None or builtin.embedder.name != kn.embedder.name:
            return
        got = src.get(include=["embeddings", "documents", "metadatas"])
        if not got["ids"]:
            return
        with kn.store.write_lock():
            col = kn.store.collection(create_for=kn.embedder.name)
            assert col is not None
            col.add(ids=got["ids"], embeddings=[list(map(float, e)) for e in got["embeddings"]],
                    documents=got["documents"], metadatas=got["metadatas"])


def make_drafter(kind: str, settings: Settings, knowledge: Knowledge) -> Drafter:
    if kind == "template":
        return TemplateDrafter(settings.prompts_dir)
    if kind == "llm":
        if not settings.llm_configured:
            raise CoachInputError("--drafter llm: no model configured (set COACH_LLM_MODEL and "
                                  "COACH_LLM_BASE_URL or OPENAI_API_KEY)")
        from coach.drafting.model_drafter import drafter_for  # lazy: LangChain loads only for the model path

        return drafter_for(settings, knowledge)
    raise CoachInputError(f"--drafter: unknown drafter {kind!r} (template or llm)")


def _planted_check(case: Case, d: Draft, fixtures: dict[str, IndexFixture]) -> list[CheckResult]:
    """Info only: did the planted documents reach the writer (were they among the draft's passages)?"""
    if case.knowledge == "builtin":
        return []
    planted = {doc.file for doc in fixtures[case.knowledge].documents}
    cited = sorted({c.source for c in d.citations} & planted)
    return [CheckResult(name="poison-retrieved", group="info", passed=bool(cited), expected=sorted(planted),
                        got=sorted({c.source for c in d.citations}))]


def run_case(case: Case, knowledge: Knowledge, settings: Settings, writer: Drafter,
             fixtures: dict[str, IndexFixture] | None = None) -> CaseResult:
    account = parse_account(case.account, today=case.today, source=case.id)
    result = CaseResult(id=case.id, category=case.category, tags=case.tags, lang=case.lang,
                        attack=case.attack, message=case.message)
    started = time.perf_counter()
    try:
        d = draft(account, case.message, today=case.today, knowledge=knowledge, settings=settings,
                  history=case.history, prior_counters=case.prior_counters, drafter=writer,
                  secured=case.secured)
    except CoachError as exc:
        result.error = f"{type(exc).__name__}: {exc}"
        return result
    except Exception as exc:  # a crash is a failed case, never a failed run
        result.error = f"{type(exc).__name__}: {exc}"
        return result
    finally:
        result.latency_ms = round((time.perf_counter() - started) * 1000, 2)
    policy = policy_for(settings)
    result.checks = (exact_checks(case, d) + compliance_checks(account, d, policy, case.today)
                     + rubric_checks(case, d) + _planted_check(case, d, fixtures or {}))
    result.draft = d.model_dump(mode="json")
    return result


def run_retrieval(knowledge: Knowledge, path: Path = RETRIEVAL_QUERIES, k: int = 3) -> RetrievalResult:
    from coach.knowledge.evaluate import evaluate, load_queries

    queries = load_queries(path)
    started = time.perf_counter()
    score = evaluate(knowledge, queries, k=k)
    per_query = (time.perf_counter() - started) * 1000 / max(1, len(queries))
    return RetrievalResult(k=k, queries=score.queries, recall_at_k=round(score.recall_at_k, 4),
                           mrr=round(score.mrr, 4),
                           by_lang={lang: round(v, 4) for lang, v in score.by_lang.items()},
                           misses=score.misses, latency_ms_mean=round(per_query, 2))


def _git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                             text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def run_eval(case_set: CaseSet, *, settings: Settings | None = None, drafter: str | Drafter = "template",
             knowledge: Knowledge | None = None, retrieval: bool = True, judge: Judge | None = None,
             progress: CaseProgress | None = None, label: str = "") -> EvalRun:
    """Draft every case, score it, run the retrieval eval and (optionally) the LLM judge."""
    s = settings or get_settings()
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    t0 = time.perf_counter()
    pool = IndexPool(s, case_set.fixtures.indexes, builtin=knowledge)
    builtin = pool.get("builtin")
    writers: dict[str, Drafter] = {}

    def writer_for(name: str) -> Drafter:
        if not isinstance(drafter, str):
            return drafter
        if name not in writers:
            writers[name] = make_drafter(drafter, s, pool.get(name))
        return writers[name]

    results = []
    total = len(case_set.cases)
    for i, case in enumerate(case_set.cases, 1):
        kn = pool.get(case.knowledge)
        result = run_case(case, kn, s, writer_for(case.knowledge), case_set.fixtures.indexes)
        results.append(result)
        if progress:
            progress(i, total, result)
    opener_checks(case_set.cases, results)
    retrieval_result = run_retrieval(builtin, s.evals_dir / "retrieval.yaml") if retrieval else None
    judge_result = None
    if judge is not None:
        judge_result = judge.run(case_set.cases, results)
    name = drafter if isinstance(drafter, str) else getattr(drafter, "name", type(drafter).__name__)
    return EvalRun(label=label or name, drafter=name, started_at=started_at,
                   seconds=round(time.perf_counter() - t0, 2), git_commit=_git_commit(),
                   summary=summarize(results, retrieval_result), retrieval=retrieval_result,
                   judge=judge_result, cases=results)
