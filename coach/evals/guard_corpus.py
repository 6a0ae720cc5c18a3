"""The guard corpus (evals/heldout/guard_corpus.yaml dev, guard_heldout.yaml held-out): each text
run through the one guard with its case's context and facts; recall per corpus check and false
positives on clean texts. Only aggregate figures are printed for the held-out file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.datafile import parse_yaml
from coach.guard import Facts, Guard, GuardContext, Names

# Corpus categories -> the guard's check ids that answer to them.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "pushback": ("pushback", "contract_threat", "pushback.reader"),
    "unstated_number": ("unstated_number", "unstated_date", "discount_cap", "questions.no_numbers"),
    "offer_in_first_reply": ("offer_in_first_reply", "promise", "offer_in_first_reply.reader"),
    "hidden_terms": tuple(f"hidden_terms.{t}" for t in
                          ("prepayment", "lump_sum", "fees", "price_rise", "auto_renewal", "billing_change",
                           "reader")),
    "wrong_language": ("wrong_language",),
    "prompt_leak": ("prompt_leak", "prompt_leak.reader"),
    "markup": ("markup", "link"),
}
CHECK_CATEGORY = {cid: cat for cat, ids in CATEGORIES.items() for cid in ids}


@dataclass
class ItemResult:
    id: str
    expect: str
    checks: list[str]
    found: dict[str, list[str]]  # category -> findings

    @property
    def missed(self) -> list[str]:
        return [c for c in self.checks if c not in self.found]

    @property
    def false_positive(self) -> bool:
        return self.expect == "clean" and bool(self.found)


@dataclass
class CorpusReport:
    items: list[ItemResult] = field(default_factory=list)

    def recall(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for cat in CATEGORIES:
            labelled = [r for r in self.items if cat in r.checks]
            out[cat] = (sum(cat in r.found for r in labelled), len(labelled))
        return out

    def false_positives(self) -> tuple[int, int]:
        clean = [r for r in self.items if r.expect == "clean"]
        return sum(r.false_positive for r in clean), len(clean)

    def lines(self) -> list[str]:
        out = []
        for cat, (hit, n) in self.recall().items():
            out.append(f"recall {cat:22s} {hit:4d}/{n:<4d} {hit / n if n else 1.0:.3f}")
        fp, n = self.false_positives()
        out.append(f"false positives (clean)   {fp:4d}/{n:<4d} {fp / n if n else 0.0:.3f}")
        return out


def context_of(item: dict[str, Any], author: str = "coach") -> GuardContext:
    """The item's case as the guard sees it; author "model" adds the learned reader, "coach" or "person" is the
    lexicons alone."""
    c, f = item["context"], item["facts"]
    facts = Facts(currency=f.get("currency") or "USD")
    facts.allow(f.get("mrr_now"), f.get("list_mrr"), f.get("new_mrr"), f.get("discount_pct"), f.get("seats_now"),
                f.get("seats_new"), f.get("requested_mrr"), f.get("resume_date"))
    facts.allow(*(d for d in (f.get("dates") or []) if isinstance(d, str)))
    facts.allow_months(f.get("term_extension_months"), f.get("pause_months"))
    facts.allow_own(f.get("requested_mrr"), f.get("mrr_now"))  # the customer's own figures: theirs to hear back
    facts.allow_percent(f.get("discount_pct"))  # the one percentage of a case
    facts.allow_counts(f.get("seats_now"), f.get("seats_new"))  # the counts of a case: its seats
    contact = c.get("contact") or ""
    names = Names().add(c.get("company"), contact, contact.split()[0] if contact.strip() else None,
                        *(c.get("services") or []))
    return GuardContext(stage=c["stage"], facts=facts, language=c.get("customer_language"), names=names,
                        author=author)


def run_item(guard: Guard, item: dict[str, Any], author: str = "coach") -> ItemResult:
    ctx = context_of(item, author)
    only = [cid for cid in guard.rule_set(ctx.stage) if cid in CHECK_CATEGORY]
    found: dict[str, list[str]] = {}
    for v in guard.check(item["text"], ctx, only=only):
        found.setdefault(CHECK_CATEGORY[v.id], []).append(str(v))
    return ItemResult(item["id"], item["expect"], list(item.get("checks") or []), found)


def load_items(path: Path) -> list[dict[str, Any]]:
    data = parse_yaml(Path(path).read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of items")
    return data


def run_corpus(guard: Guard, path: Path, author: str = "coach") -> CorpusReport:
    return CorpusReport([run_item(guard, item, author) for item in load_items(path)])
