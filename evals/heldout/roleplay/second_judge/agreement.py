"""How far two judges agree: the dev-23 author's verdicts against a second judge's, given the same sessions with the
verdicts removed and the same judging rules (BRIEF.md). Same measures as `coach roleplay --agreement`.

    .venv/bin/python evals/heldout/roleplay/second_judge/agreement.py
"""

from __future__ import annotations

from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
COMPONENTS = ("acknowledgment", "diagnosis", "counter", "triggers")
MODES = ("F1", "F2", "F3", "F4", "F5")


def main() -> None:
    first = {x["id"]: x["verdict"] for x in yaml.safe_load((HERE.parent / "transcripts_dev23.yaml").read_text())}
    second = {x["id"]: x["verdict"] for x in yaml.safe_load((HERE / "transcripts_dev23_verdicts.yaml").read_text())}
    assert first.keys() == second.keys(), "the two files judge different sessions"
    comp = [first[k]["components"][c] == second[k]["components"][c] for k in first for c in COMPONENTS]
    flags = [(first[k]["failure_modes"][f] == "triggered") == (second[k]["failure_modes"][f] == "triggered")
             for k in first for f in MODES]
    level = [first[k]["level"] == second[k]["level"] for k in first]
    print(f"{len(first)} sessions judged twice: components {sum(comp) / len(comp):.1%}, "
          f"failure flags {sum(flags) / len(flags):.1%}, level {sum(level) / len(level):.1%}")


if __name__ == "__main__":
    main()
