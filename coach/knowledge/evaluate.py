"""Retrieval quality against labelled queries: recall@k and MRR."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from coach.datafile import parse_yaml
from coach.errors import CoachInputError
from coach.knowledge.search import Hit, Knowledge


class Relevant(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str
    section: str | None = None  # None: any chunk of the source counts

    def matches(self, hit: Hit) -> bool:
        return hit.source == self.source and (self.section is None or hit.section == self.section)


class LabelledQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    query: str = Field(min_length=1)
    lang: str = "en"
    relevant: list[Relevant] = Field(min_length=1)


def load_queries(path: Path) -> list[LabelledQuery]:
    try:
        data = parse_yaml(Path(path).read_text(encoding="utf-8"))
        return [LabelledQuery.model_validate(q) for q in data]
    except (OSError, yaml.YAMLError) as exc:
        raise CoachInputError(f"{path}: cannot load labelled queries ({exc})") from None
    except ValidationError as exc:
        raise CoachInputError(f"{path}: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from None


@dataclass
class RetrievalScore:
    k: int
    queries: int = 0
    recall_at_k: float = 0.0
    mrr: float = 0.0
    misses: list[str] = field(default_factory=list)
    by_lang: dict[str, float] = field(default_factory=dict)


def evaluate(knowledge: Knowledge, queries: list[LabelledQuery], *, k: int = 3,
             hybrid: bool | None = None, depth: int = 10) -> RetrievalScore:
    hits_at_k = 0
    rr_sum = 0.0
    lang_hits: dict[str, list[int]] = {}
    misses = []
    for q in queries:
        hits = knowledge.search(q.query, depth, hybrid=hybrid)
        rank = next((i for i, h in enumerate(hits) if any(r.matches(h) for r in q.relevant)), None)
        ok = rank is not None and rank < k
        hits_at_k += ok
        rr_sum += 1.0 / (rank + 1) if rank is not None else 0.0
        lang_hits.setdefault(q.lang, []).append(int(ok))
        if not ok:
            top = hits[0] if hits else None
            misses.append(f"{q.query!r} -> {top.source + ' / ' + top.section if top else 'nothing'}")
    n = len(queries) or 1
    return RetrievalScore(k=k, queries=len(queries), recall_at_k=hits_at_k / n, mrr=rr_sum / n,
                          misses=misses, by_lang={lg: sum(v) / len(v) for lg, v in lang_hits.items()})
