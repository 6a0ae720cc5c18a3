"""Guard corpus figures: recall per check and false positives.

    .venv/bin/python benchmarks/guard_corpus.py                 the dev file (evals/heldout/guard_corpus.yaml)
    .venv/bin/python benchmarks/guard_corpus.py --file F [...]  other dev files (e.g. guard_dev2.yaml)
    .venv/bin/python benchmarks/guard_corpus.py --show          also the missed checks and flagged clean texts
    .venv/bin/python benchmarks/guard_corpus.py --heldout       adds the held-out file, aggregates only
    .venv/bin/python benchmarks/guard_corpus.py --reader        also the lexicons and the learned reader (what a
                                                                model's text meets) beside the lexicons alone

The learned reader was trained on every dev file: its figures on a dev file are not an estimate (the
leave-one-file-out figures of scripts/train_guard_reader.py are); on the held-out file they are.

Items of the held-out file are never shown: --show is refused for it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coach.config import REPO_ROOT, get_settings  # noqa: E402
from coach.evals.guard_corpus import CorpusReport, run_corpus  # noqa: E402
from coach.guard import guard_for  # noqa: E402

HELDOUT_DIR = REPO_ROOT / "evals" / "heldout"
DEV = HELDOUT_DIR / "guard_corpus.yaml"
HELDOUT = HELDOUT_DIR / "guard_heldout.yaml"


def details(report: CorpusReport) -> list[str]:
    """One line per missed check and per flagged clean text (dev files only)."""
    out = []
    for r in report.items:
        if r.missed:
            out.append(f"  missed {r.id}: {', '.join(r.missed)}")
        if r.false_positive:
            out.append(f"  flagged {r.id}: " + "; ".join(f for fs in r.found.values() for f in fs))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--file", action="append", type=Path, default=[],
                    help="a dev corpus file (same schema as guard_corpus.yaml); repeatable; replaces the default")
    ap.add_argument("--show", action="store_true", help="print missed checks and flagged clean texts (dev only)")
    ap.add_argument("--heldout", action="store_true", help="also the held-out file, aggregate figures only")
    ap.add_argument("--reader", action="store_true",
                    help="also with the learned reader (the texts read as a model's)")
    args = ap.parse_args(argv)
    files = [(str(f), f) for f in args.file] or [("dev", DEV)]
    if any(f.resolve() == HELDOUT.resolve() for _, f in files):
        ap.error("the held-out file is run with --heldout only (aggregates, never items)")
    guard = guard_for(get_settings())
    authors = [("lexicons", "coach")] + ([("lexicons + reader, as for a model's text", "model")] if args.reader else [])
    for name, path in files:
        for label, author in authors:
            report = run_corpus(guard, path, author)
            print(f"== {name} ({len(report.items)} texts; {label})")
            print("\n".join(report.lines()))
            if args.show:
                print("\n".join(details(report)))
    if args.heldout:
        for label, author in authors:
            report = run_corpus(guard, HELDOUT, author)
            print(f"== held-out ({len(report.items)} texts; {label})")
            print("\n".join(report.lines()))  # aggregate figures only: no item of the held-out file is shown


if __name__ == "__main__":
    main()
