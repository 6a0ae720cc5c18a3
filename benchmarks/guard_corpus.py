"""Guard corpus figures: recall per check and false positives, on the dev file and (aggregate only)
on the held-out file. Usage: .venv/bin/python benchmarks/guard_corpus.py [--heldout]"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coach.config import REPO_ROOT, get_settings  # noqa: E402
from coach.evals.guard_corpus import run_corpus  # noqa: E402
from coach.guard import guard_for  # noqa: E402

FILES = {"dev": "guard_corpus.yaml", "held-out": "guard_heldout.yaml"}


def main() -> None:
    guard = guard_for(get_settings())
    names = ["dev", "held-out"] if "--heldout" in sys.argv else ["dev"]
    for name in names:
        report = run_corpus(guard, REPO_ROOT / "evals" / "heldout" / FILES[name])
        print(f"== {name} ({len(report.items)} texts)")
        print("\n".join(report.lines()))  # aggregate figures only: no item of the held-out file is shown


if __name__ == "__main__":
    main()
