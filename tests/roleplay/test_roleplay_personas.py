"""Every shipped persona passes its schema and fits the policy; broken persona files fail in one line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from coach.accounts import parse_account
from coach.diagnosis.models import ROOT_CAUSES
from coach.errors import CoachInputError
from coach.policy import Policy
from coach.policy.rules import is_locked
from coach.roleplay import customer
from coach.roleplay.moves import TOPICS
from coach.roleplay.personas import UnknownPersona, get_persona, load_persona_file, load_personas
from coach.roleplay.reference import reference
from tests.roleplay.conftest import PERSONAS_DIR

FILES = sorted(PERSONAS_DIR.glob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_shipped_persona_is_valid(path: Path, policy: Policy) -> None:
    p = load_persona_file(path)
    assert p.id == path.stem
    parse_account(p.account.model_dump(mode="json"), today=p.today)  # a valid account file as well
    assert all(set(f.topics) <= set(TOPICS) for f in p.facts)
    assert any("general" in f.topics for f in p.facts), "an open question must get some answer"
    assert all(f.keywords for f in p.facts if f.root), "the model customer is checked against root keywords"
    # every beat has a line in the persona's language, placeholders filled
    for beat in ("pushback", "fair_counter", "too_small", "accept", "vague", "off_topic", "leave", "neutral"):
        line = customer.say(p, customer.new_state(p), beat, fact="x")
        assert line and "{" not in line
    # the persona accepts the policy's own answer: a fair counter wins them
    ref = reference(p, policy)
    if ref.shape in ("reduce",):
        offer = {"new_mrr": ref.new_mrr, "term_extension_months": ref.term_extension_months}
        assert customer.judge_offer(p, offer, customer.new_state(p)) == "accept", ref
    elif ref.shape == "pause":
        assert p.acceptance.pause
    elif ref.shape == "hold":
        assert "plan" in p.acceptance.moves
    elif ref.shape == "save":
        assert "save" in p.acceptance.moves and not p.acceptance.price


def test_catalogue_covers_the_brief(policy: Policy) -> None:
    personas = load_personas(PERSONAS_DIR)
    assert len(personas) >= 10
    causes = {p.root_cause for p in personas.values()}
    assert causes == set(ROOT_CAUSES) - {"unknown"}
    assert {p.language for p in personas.values()} == {"en", "uk"}
    assert any(p.hardship or p.account.hardship for p in personas.values())
    assert any(is_locked(p.account, policy, p.today) for p in personas.values())
    assert any(p.account.segment == "enterprise" for p in personas.values())
    assert any(p.root_cause == "competitive_displacement" and p.language == "uk" for p in personas.values())
    plays = {reference(p, policy).play for p in personas.values()}
    assert {"competitive_save", "pause_plan", "pause_not_cancel", "course_correct"} <= plays


def _write(tmp_path: Path, data: dict[str, Any], name: str = "acme-dental-seats") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def good() -> dict[str, Any]:
    return yaml.safe_load((PERSONAS_DIR / "acme-dental-seats.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("change, expected", [
    (lambda d: d.update(mood="grumpy"), "acme-dental-seats.yaml: mood: Extra inputs are not permitted"),
    (lambda d: d.pop("opening"), "acme-dental-seats.yaml: opening: Field required"),
    (lambda d: d["facts"][0].update(topics=["weather"]), "facts.0.topics.0: Input should be"),
    (lambda d: d["facts"][1].update(after="nope"), "facts.1.after: 'nope' is not an earlier fact"),
    (lambda d: [f.update(root=False) for f in d["facts"]], "facts: at least one fact must have root: true"),
    (lambda d: d["request"].update(modules=["Billboards"]), "request.modules: 'Billboards' is not a service"),
    (lambda d: d["account"].update(mrr=-5), "account.mrr: Input should be greater than or equal to 0"),
    (lambda d: d["account"]["contract"].update(start_date="2027-01-01"), "is after today"),
    (lambda d: d["reactions"].update(accept=[]), "reactions.accept: List should have at least 1 item"),
    (lambda d: d.update(root_cause="competitive_displacement"), "competitor: needed"),
    (lambda d: d.update(id="other-name"), "id: 'other-name' does not match the file name"),
])
def test_broken_persona_is_one_line_naming_the_field(tmp_path: Path, good: dict[str, Any], change: Any,
                                                     expected: str) -> None:
    change(good)
    with pytest.raises(CoachInputError) as err:
        load_persona_file(_write(tmp_path, good))
    message = str(err.value)
    assert expected in message and "\n" not in message


def test_unreadable_persona_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad-yaml.yaml"
    bad.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(CoachInputError, match=r"^bad-yaml.yaml: invalid YAML"):
        load_persona_file(bad)
    listy = tmp_path / "listy.yaml"
    listy.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(CoachInputError, match="expected a mapping"):
        load_persona_file(listy)
    with pytest.raises(CoachInputError, match="persona file not found"):
        load_persona_file(tmp_path / "missing.yaml")
    with pytest.raises(CoachInputError, match="persona folder not found"):
        load_personas(tmp_path / "nowhere")
    with pytest.raises(CoachInputError):  # one broken file fails the catalogue, naming the file
        load_personas(tmp_path)


def test_unknown_persona_lists_the_known_ones() -> None:
    with pytest.raises(UnknownPersona) as err:
        get_persona("no-such-persona", PERSONAS_DIR)
    assert "unknown persona 'no-such-persona'" in str(err.value) and "acme-dental-seats" in str(err.value)
    with pytest.raises(CoachInputError, match="is not a persona id"):
        get_persona("../etc/passwd", PERSONAS_DIR)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_trainee_view_gives_nothing_away(path: Path) -> None:
    """What a trainee sees before the call (id, title, brief) names neither the root cause nor a root fact."""
    p = load_persona_file(path)
    shown = " ".join(str(v) for v in p.summary().values()).casefold()
    assert p.root_cause.replace("_", " ") not in shown and p.root_cause.split("_")[0] not in p.id
    for f in p.facts:
        if f.root:
            assert not [k for k in f.keywords if k.casefold() in shown], f.id
