"""Train the guard's learned reader (coach/guard/reader.py) on the dev files of the guard corpus.

    python scripts/train_guard_reader.py             # leave-one-file-out figures, then knowledge/guard/reader/
    python scripts/train_guard_reader.py --dry-run   # the figures only

Every dev file (evals/heldout/guard_corpus.yaml, guard_dev*.yaml) is embedded with the configured embedder;
for each kind (pushback, offer in a first reply, hidden terms, prompt leak) one logistic regression reads
the whole text. The threshold per kind is the lowest at which the leave-one-file-out false positives on clean
texts stay within reader.FP_BUDGET and no text of coach's own templates (drafted here for the example
accounts and evals/messages.yaml, added to the training rows as clean) reaches it. The held-out file
(guard_heldout.yaml) is never read. The artefact is deterministic for the same files and embedder.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coach.config import REPO_ROOT, get_settings  # noqa: E402
from coach.errors import CoachError  # noqa: E402
from coach.evals.guard_corpus import load_items  # noqa: E402
from coach.guard import reader as R  # noqa: E402
from coach.knowledge.embeddings import get_embedder  # noqa: E402

DIR = REPO_ROOT / "evals" / "heldout"


def dev_files() -> list[Path]:
    numbered = sorted(DIR.glob("guard_dev*.yaml"), key=lambda p: int(re.findall(r"\d+", p.stem)[0]))
    return [DIR / "guard_corpus.yaml", *numbered]


def rows_of(files: list[Path]) -> list[R.Row]:
    return [R.Row(f.name, it["id"], it["text"], it["expect"], list(it.get("checks") or []), it["context"]["stage"])
            for f in files for it in load_items(f)]


def template_rows(settings) -> list[R.Row]:  # type: ignore[no-untyped-def]
    """Coach's own wording, clean by construction: the template drafts (acknowledgment, questions, counter)
    for the example accounts and the labelled eval messages (evals/messages.yaml)."""
    from datetime import date

    from coach.accounts.loader import load_account, parse_account
    from coach.datafile import parse_yaml
    from coach.drafting.engine import TemplateDrafter, draft

    today = date(2026, 12, 6)
    accounts = [load_account(REPO_ROOT / "examples" / "acme-dental.json", today=today)]
    for line in (REPO_ROOT / "examples" / "portfolio" / "accounts.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            accounts.append(parse_account(json.loads(line), today=today))
        except (ValueError, CoachError):
            continue  # the portfolio example keeps a broken line on purpose
    messages = [m["message"] for m in parse_yaml((REPO_ROOT / "evals" / "messages.yaml").read_text(encoding="utf-8"))]
    writer = TemplateDrafter(settings.prompts_dir)
    texts: dict[tuple[str, str], None] = {}
    for account in accounts:
        for message in messages:
            d = draft(account, message, today=today, settings=settings, drafter=writer)
            if d.acknowledgment:
                texts[("acknowledgment", d.acknowledgment)] = None
            if d.counter_proposal is not None and d.counter_proposal.message:
                texts[("counter", d.counter_proposal.message)] = None
            if d.diagnosis_questions:
                texts[("questions", "\n".join(d.diagnosis_questions))] = None
    return [R.Row(R.TEMPLATES, f"t-{i:04d}", text, "clean", [], stage) for i, (stage, text) in enumerate(texts)]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="print the leave-one-file-out figures, save nothing")
    args = ap.parse_args(argv)
    settings = get_settings()
    files = dev_files()
    rows = rows_of(files)
    own = template_rows(settings)
    embedder = get_embedder(settings)
    print(f"{len(rows)} texts from {len(files)} dev files and {len(own)} of coach's own template texts; embedding "
          f"with {embedder.name}", flush=True)
    rows += own
    vectors = np.asarray(embedder.embed_queries([r.text for r in rows]), dtype=np.float64)
    scores = R.cross_validate(vectors, rows)
    thresholds = R.choose_thresholds(rows, scores)
    print("leave one file out (the reader alone):")
    print("\n".join("  " + line for line in R.lofo_report(rows, scores, thresholds)))
    if args.dry_run:
        return
    reader = R.train(vectors, rows, embedder.name, thresholds)
    out = settings.knowledge_dir / "guard" / "reader"
    R.save(reader, out)
    print(f"saved {out}")


if __name__ == "__main__":
    main()
