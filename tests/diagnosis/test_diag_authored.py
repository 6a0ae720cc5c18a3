"""The authored training messages: their schema, the loader's one-line errors, the mapping to head rows."""

import json

import pytest

from coach.config import get_settings
from coach.diagnosis.authored import AuthoredItem, read_authored, training_items
from coach.errors import CoachInputError

FOLDER = get_settings().knowledge_dir / "diagnosis" / "training" / "authored"
BASE = {"text": "cut us to 20 seats, the budget was cut", "lang": "en", "style": "chat", "intent": "downsell",
        "kind": "seat_reduction", "agreement": "software", "root_cause": "budget_cut", "hardship": "none",
        "pushback": False, "history": [], "seats_to": 20, "seats_removed": None, "reduction_pct": None,
        "target_mrr": None, "services": [], "source": "authored"}


def _write(tmp_path, *objs, name="a.jsonl"):
    (tmp_path / name).write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in objs) + "\n", encoding="utf-8")


def test_the_shipped_files_load_and_cover_every_language_and_label():
    items = read_authored(FOLDER)
    assert len(items) >= 1500
    assert {a.item.lang for a in items} == {"en", "uk", "es", "de", "fr", "pt", "pl"}
    assert {a.item.intent for a in items} == {"downsell", "expansion", "renewal", "support", "billing", "feedback",
                                             "other"}
    assert len({a.file for a in items}) >= 2  # several authors: the leave-one-author-out groups


def test_a_bad_line_names_file_line_and_field(tmp_path):
    _write(tmp_path, BASE, {**BASE, "root_cause": "weather"})
    with pytest.raises(CoachInputError, match=r"^a\.jsonl:2: root_cause: "):
        read_authored(tmp_path)


def test_an_unknown_key_is_refused(tmp_path):
    _write(tmp_path, {**BASE, "mood": "angry"})
    with pytest.raises(CoachInputError, match=r"a\.jsonl:1: mood"):
        read_authored(tmp_path)


def test_labels_must_fit_the_intent():
    with pytest.raises(ValueError, match="must be null"):
        AuthoredItem.model_validate({**BASE, "intent": "expansion"})
    with pytest.raises(ValueError, match="needs a root cause"):
        AuthoredItem.model_validate({**BASE, "root_cause": None})


def test_a_conversation_gives_a_latest_row_and_a_whole_conversation_row(tmp_path):
    convo = {**BASE, "text": "no, 20% still feels like a lot", "pushback": True, "seats_to": None,
             "history": [{"role": "customer", "text": "our budget was cut, cut us to 20 seats"},
                         {"role": "csm", "text": "we could do 10% off instead"}]}
    _write(tmp_path, BASE, convo, name="b.jsonl")
    items, files = training_items(read_authored(tmp_path))
    assert files == ["b.jsonl"] * 3
    latest, whole = items[1], items[2]
    assert latest.pushback is True and latest.root_cause is None and latest.kind is None
    assert whole.text.startswith("our budget was cut") and whole.root_cause == "budget_cut" and whole.pushback is None
