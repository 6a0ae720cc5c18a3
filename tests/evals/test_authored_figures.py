"""evals/authored_figures.py --kind: root cause and hardship through the whole reading, by language group."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("authored_figures", ROOT / "evals" / "authored_figures.py")
af = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(af)  # type: ignore[union-attr]

BASE = {"text": "cut us to 20 seats, the budget was cut", "lang": "en", "style": "chat", "intent": "downsell",
        "kind": "seat_reduction", "agreement": "software", "root_cause": "budget_cut", "hardship": "none",
        "pushback": False, "history": [], "seats_to": 20, "seats_removed": None, "reduction_pct": None,
        "target_mrr": None, "services": [], "source": "authored"}


def test_kind_reports_root_cause_and_hardship_by_group(tmp_path):
    rows = [
        BASE,  # right cause
        {**BASE, "text": "Скоротіть нас до 20 місць, бюджет урізали", "lang": "uk",
         "root_cause": "competitive_displacement"},
        {**BASE, "text": "Bitte auf 20 Lizenzen reduzieren, das Budget wurde gekürzt", "lang": "de"},
        {**BASE, "text": "thanks for the quick help yesterday!", "intent": "feedback", "kind": None, "root_cause": None,
         "agreement": None, "seats_to": None},
    ]
    path = tmp_path / "f.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = af.kinds(af.load([path]))
    assert out["root_cause"]["all"]["n"] == 3  # downsells only
    assert out["hardship"]["all"]["n"] == 3
    assert out["cause_by_group"]["uk"] == {"acc": 0.0, "n": 1}  # labelled a competitor: read as a budget cut
    assert out["cause_by_group"]["en"] == {"acc": 1.0, "n": 1}
    assert set(out["cause_by_group"]) == {"en", "uk", "other"}
    assert "root_cause" in af.render(af.figures(af.load([path])), out)
