"""How far two judges agree: a transcript file's verdicts against a second judge's, given the same sessions with the
verdicts removed and the same judging rules (BRIEF.md). Same measures as `coach roleplay --agreement`, aggregates only.

    .venv/bin/python evals/heldout/roleplay/second_judge/agreement.py            # every file judged twice
    .venv/bin/python evals/heldout/roleplay/second_judge/agreement.py heldout    # one of them
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
COMPONENTS = ("acknowledgment", "diagnosis", "counter", "triggers")
MODES = ("F1", "F2", "F3", "F4", "F5")
PAIRS = {"dev23": "transcripts_dev23", "heldout": "transcripts_heldout"}  # second judge's file: <name>_verdicts.yaml


def agreement(name: str) -> str:
    stem = PAIRS[name]
    first = {x["id"]: x["verdict"] for x in yaml.safe_load((HERE.parent / f"{stem}.yaml").read_text())}
    second = {x["id"]: x["verdict"] for x in yaml.safe_load((HERE / f"{stem}_verdicts.yaml").read_text())}
    assert first.keys() == second.keys(), f"{stem}: the two files judge different sessions"
    comp = [first[k]["components"][c] == second[k]["components"][c] for k in first for c in COMPONENTS]
    flags = [(first[k]["failure_modes"][f] == "triggered") == (second[k]["failure_modes"][f] == "triggered")
             for k in first for f in MODES]
    level = [first[k]["level"] == second[k]["level"] for k in first]
    per = ", ".join(f"{c} {sum(first[k]['components'][c] == second[k]['components'][c] for k in first) / len(first):.0%}"
                    for c in COMPONENTS)
    return (f"{stem}: {len(first)} sessions judged twice: components {sum(comp) / len(comp):.1%} ({per}), "
            f"failure flags {sum(flags) / len(flags):.1%}, level {sum(level) / len(level):.1%}")


def main() -> None:
    for name in sys.argv[1:] or list(PAIRS):
        print(agreement(name))


if __name__ == "__main__":
    main()
