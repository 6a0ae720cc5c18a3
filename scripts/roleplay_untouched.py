"""Rebuild evals/heldout/roleplay/untouched.yaml: how the scorer read each dev transcript file when it
first met it, before anything was tuned on that file.

The calibration heads (coach/roleplay/calibration.py) learn when a trainer's verdict differs from the
rules' reading. The rules have since been tuned on every dev file, so today's reading of a dev file is
nearly always right and teaches nothing; the reading at the commit where the file was first scored
untouched is what a new file gets. For each file below, this checks that commit out into a temporary
git worktree, replays the file there (`coach roleplay --agreement FILE --json --details`), and records
the scored status of every component and failure mode (the judged one where the two agreed).

    python scripts/roleplay_untouched.py            # rewrites evals/heldout/roleplay/untouched.yaml
    python scripts/roleplay_untouched.py FILE ...   # replays only these files (names), keeps the other entries
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "evals" / "heldout" / "roleplay"
TARGETS = ("acknowledgment", "diagnosis", "counter", "triggers", "F1", "F2", "F3", "F4", "F5")
# file -> the commit it was scored on untouched (evals/heldout/README.md; else the commit that added it)
FIRST_READ = {
    "transcripts_dev2.yaml": "0137a94", "transcripts_dev3.yaml": "6d835cf", "transcripts_dev4.yaml": "db4c379",
    "transcripts_dev5.yaml": "62ef830", "transcripts_dev6.yaml": "ac4bfd4", "transcripts_dev7.yaml": "ac4bfd4",
    "transcripts_dev8.yaml": "ac9533e", "transcripts_dev9.yaml": "c7d65f1", "transcripts_dev10.yaml": "3042953",
    "transcripts_dev11.yaml": "7998a47", "transcripts_dev12.yaml": "1729e9a", "transcripts_dev13.yaml": "36bfd80",
    "transcripts_dev14.yaml": "9ccd064", "transcripts_dev15.yaml": "efa1908", "transcripts_dev16.yaml": "efa1908",
    "transcripts_dev17.yaml": "9ea1820", "transcripts_dev18.yaml": "09740ae", "transcripts_dev19.yaml": "ec1f7ff",
    "transcripts_dev20.yaml": "637605b", "transcripts_dev21.yaml": "1b15ee5", "transcripts_dev22.yaml": "1b15ee5",
    "transcripts_dev23.yaml": "1f2f384", "transcripts_dev25.yaml": "48103c5", "transcripts_dev26.yaml": "48103c5",
    "transcripts_dev27.yaml": "254a2df", "transcripts_dev28.yaml": "254a2df", "transcripts_dev30.yaml": "2b97f84",
    "transcripts_dev31.yaml": "fcc2c66", "transcripts_dev32.yaml": "d21af4e", "transcripts_dev33.yaml": "187a96c",
    "transcripts_dev34.yaml": "187a96c", "transcripts_dev35.yaml": "61d9541",
    "transcripts_dev36.yaml": "368760b", "transcripts_dev37.yaml": "368760b",
    "transcripts_dev38.yaml": "5ff5139", "transcripts_dev39.yaml": "5e9e026", "transcripts_dev40.yaml": "9c15e27",
    "transcripts_dev41.yaml": "ac20024",
}
# commits that carry the calibration: the rules' own reading is asked for with --rules-only
CALIBRATED = {"48103c5", "254a2df", "2b97f84", "fcc2c66", "d21af4e", "187a96c", "61d9541", "368760b", "5ff5139",
              "5e9e026", "9c15e27", "ac20024"}


def read_at(commit: str, name: str, tmp: Path) -> dict[str, dict[str, str]]:
    tree = tmp / commit
    if not tree.exists():
        subprocess.run(["git", "worktree", "add", "-f", "-q", str(tree), commit], cwd=ROOT, check=True)
    extra = ",'--rules-only'" if commit in CALIBRATED else ""
    code = ("import sys; from coach.cli.main import app; "
            f"sys.argv=['coach','roleplay','--agreement',{str(FOLDER / name)!r},'--json','--details'{extra}]; app()")
    out = subprocess.run([sys.executable, "-c", code], cwd=tree, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, check=True).stdout
    wrong = json.loads(out)["disagreements"]
    items = yaml.safe_load((FOLDER / name).read_text(encoding="utf-8"))
    read = {}
    for it in items:
        v = it["verdict"]
        got = {t: (v["components"] | v["failure_modes"])[t] for t in TARGETS}
        for d in wrong:
            if d["item"] == it["id"] and d["on"] in got:
                got[d["on"]] = d["scored"]
        read[it["id"]] = got
    return read


def main() -> None:
    only = set(sys.argv[1:])  # file names: replay only these, keep the other entries as they are
    path = FOLDER / "untouched.yaml"
    out: dict[str, dict] = yaml.safe_load(path.read_text(encoding="utf-8")) if only and path.exists() else {}
    with tempfile.TemporaryDirectory() as tmp:
        try:
            for name, commit in FIRST_READ.items():
                if only and name not in only:
                    continue
                out[name] = {"commit": commit, "items": read_at(commit, name, Path(tmp))}
                print(name, commit, len(out[name]["items"]), flush=True)
        finally:
            subprocess.run(["git", "worktree", "prune"], cwd=ROOT, check=False)
    head = ("# How the scorer read each dev transcript file when it first met it, untouched (written by\n"
            "# scripts/roleplay_untouched.py; training data for coach/roleplay/calibration.py).\n")
    out = {name: out[name] for name in FIRST_READ if name in out}
    path.write_text(head + yaml.safe_dump(out, sort_keys=False, allow_unicode=True,
                                                                 width=200, default_flow_style=None), encoding="utf-8")


if __name__ == "__main__":
    main()
