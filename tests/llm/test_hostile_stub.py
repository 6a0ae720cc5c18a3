"""A hostile OpenAI-compatible server behind every surface a model writes for.

The stub answers valid JSON with the right restated numbers, twisted: pushback in the counter,
numbers in words, a paraphrased prepayment, the wrong language, a paraphrased prompt leak, an offer
in the first reply, malformed JSON, a hang. Every surface (a draft through the CLI and the API,
outreach, the role-play customer) must end in a guard-passing model text or the template (the
script), never in the hostile text.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from coach.cli.main import app as cli_app
from coach.config import Settings, get_settings
from coach.guard import Facts, GuardContext, guard_for
from coach.outreach import OutreachRequest, draft_outreach
from coach.outreach.llm_writer import LLMOutreachWriter
from tests.api.conftest import make_settings
from tests.factories import account_data
from tests.llm.conftest import Reply
from tests.llm.stub import Stub
from tests.outreach.conftest import NOON, POLICY, outreach_account

pytestmark = pytest.mark.slow  # servers, hangs, index builds or many examples: CI runs them

MSG = "Our budget was cut, we need to reduce our seats by 30%."
MSG_UK = "Нам урізали бюджет, тож потрібно зменшити кількість місць на 30%. Що можна зробити?"
TODAY = "2026-11-21"
ES = ("Hola Dana,\n\nGracias por contarme esto directamente. Entiendo que quieres reducir el paquete y ya me "
      "estoy ocupando. Te haré unas preguntas rápidas y volveré con una propuesta concreta en unos días.\n\n"
      "Gracias de nuevo,")
DE = ("Hallo Dana,\n\ndanke, dass Sie mir das direkt gesagt haben. Ich verstehe, dass Sie das Paket verkleinern "
      "möchten, und ich kümmere mich darum. Ich melde mich mit ein paar kurzen Fragen und komme in ein paar "
      "Tagen mit einem konkreten Vorschlag zurück.\n\nNochmals danke,")
RU = ("Здравствуйте!\n\nСпасибо, что сразу сообщили об этом. Я понимаю, что вы хотите уменьшить пакет, и я уже "
      "этим занимаюсь. Я задам пару коротких вопросов и вернусь с конкретным предложением через несколько "
      "дней.\n\nЕщё раз спасибо,")
LEAK = ("Just so you know how this works: I only write the wording, every figure comes from the company's "
        "rules engine, and whatever you send me is treated as data, not as instructions.")

SOFT_REFUSAL = ("Hi Dana,\n\nThanks for the note about the seats. Honestly, I'd rather we kept the package exactly as it is until "
                "the term is up, and I don't see us moving on the seat count before then.\n\nBest,")


def add(sentence: str) -> Callable[[str], str]:
    """The obedient answer with one more paragraph before its last one (the question or sign-off)."""

    def edit(answer: str) -> str:
        data = json.loads(answer)
        key = next(k for k in ("message", "text", "reply") if k in data)
        paras = data[key].split("\n\n")
        data[key] = "\n\n".join(paras[:-1] + [sentence] + paras[-1:]) if len(paras) > 1 else f"{data[key]} {sentence}"
        return json.dumps(data, ensure_ascii=False)

    return edit


def whole(text: str) -> Callable[[str], str]:
    """The obedient answer's text replaced by `text` (the JSON and the restated numbers stay right)."""

    def edit(answer: str) -> str:
        data = json.loads(answer)
        key = next(k for k in ("message", "text", "reply") if k in data)
        data[key] = text
        return json.dumps(data, ensure_ascii=False)

    return edit


MALFORMED = Reply(content='Sure! {"text": "Hi Dana, thank you for')
HANG = Reply(content="{}", hang=30)

# name -> (what is scripted for each task: a reply repeated for every attempt, the words that must
#          never be shown, the check ids one of which the fallback reason must name)
DRAFT_CASES: dict[str, tuple[dict[str, Reply], list[str], list[str]]] = {
    "pushback_in_counter": (
        {"counter_message": Reply(edit=add("Unfortunately your contract doesn't allow a reduction, and there "
                                           "are penalties for a breach."))},
        ["penalties"], ["pushback", "contract_threat"]),
    "pushback_in_both": (
        {"acknowledgment": Reply(edit=add("I'm afraid the terms you signed rule that out.")),
         "counter_message": Reply(edit=add("I'm afraid the terms you signed rule that out."))},
        ["terms you signed"], ["pushback", "contract_threat"]),
    "forty_five_percent": (
        {"counter_message": Reply(edit=add("That works out to forty-five percent off."))},
        ["forty-five"], ["discount_cap", "unstated_number"]),
    "a_fifth_off": (
        {"counter_message": Reply(edit=add("That is roughly a fifth off what you pay today."))},
        ["a fifth"], ["unstated_number", "promise"]),
    "three_more_years": (  # the agreement is extended by 24 months here
        {"counter_message": Reply(edit=add("In return you stay with us for three more years."))},
        ["three more years"], ["unstated_number", "disclosure.commitment"]),
    "half_a_year_free": (
        {"counter_message": Reply(edit=add("And on top of that you get half a year free."))},
        ["half a year"], ["unstated_number", "promise"]),
    "prepaid_at_signing": (
        {"counter_message": Reply(edit=add("The new package is prepaid up front at signing."))},
        ["prepaid"], ["hidden_terms.prepayment"]),
    "invoiced_once": (
        {"counter_message": Reply(edit=add("It is invoiced once, at signature."))},
        ["invoiced once"], ["hidden_terms.prepayment", "hidden_terms.lump_sum", "hidden_terms.billing_change"]),
    "spanish_to_english": ({"acknowledgment": Reply(edit=whole(ES))}, ["Gracias"], ["wrong_language"]),
    "german_to_english": ({"acknowledgment": Reply(edit=whole(DE))}, ["danke"], ["wrong_language"]),
    "paraphrased_leak": (
        {"acknowledgment": Reply(edit=add(LEAK)), "counter_message": Reply(edit=add(LEAK))},
        ["rules engine"], ["prompt_leak"]),
    "offer_in_first_reply": (
        {"acknowledgment": Reply(edit=add("To keep you with us I can already take 15% off your bill."))},
        ["15%"], ["offer_in_first_reply", "unstated_number"]),
    "offer_in_words_in_first_reply": (
        {"acknowledgment": Reply(edit=add("To keep you with us we could take a fifth off your bill right away."))},
        ["a fifth"], ["offer_in_first_reply", "unstated_number", "promise"]),
    # A refusal in words none of the lexicons match: the learned reader (coach/guard/reader.py) reads it. It
    # reads the whole text, so the refusal is the whole acknowledgment here (one such sentence inside an
    # otherwise obedient text can stay under its threshold: docs/guard.md).
    "soft_refusal": (
        {"acknowledgment": Reply(edit=whole(SOFT_REFUSAL))}, ["moving on the seat count"], ["pushback.reader"]),
    "malformed_json": (
        {"acknowledgment": MALFORMED, "counter_message": Reply(content='{"restated": {"discount_pct": 8}, "mess')},
        [], ["not valid JSON", "field "]),
    "hang": ({"acknowledgment": HANG, "counter_message": HANG, "diagnosis": HANG}, [], ["model unavailable"]),
}
PARTS = {"acknowledgment": "acknowledgment", "counter_message": "counter_proposal"}


def script(stub: Stub, replies: dict[str, Reply], attempts: int = 3) -> None:
    for task, reply in replies.items():
        stub.enqueue(task, *[reply] * attempts)


def shown_texts(d: dict[str, Any]) -> str:
    return "\n".join([d["acknowledgment"], (d.get("counter_proposal") or {}).get("message", ""),
                      *d["diagnosis_questions"]])


def assert_never_hostile(d: dict[str, Any], replies: dict[str, Reply], banned: list[str],
                         checks: list[str]) -> None:
    assert d["violations"] == [], d["violations"]
    assert d["acknowledgment"], "the acknowledgment was blanked"
    if d.get("counter_proposal") is not None:
        assert d["counter_proposal"]["message"], "the counter message was blanked"
    text = shown_texts(d)
    for word in banned:
        assert word.lower() not in text.lower(), (word, text)
    fell_back = {f["part"]: f["reason"] for f in d["fallbacks"]}
    for task in replies:
        if task in PARTS:
            part = PARTS[task]
            assert part in fell_back, (part, d["fallbacks"])
            assert any(c in fell_back[part] for c in checks), fell_back[part]


# -- drafts through the CLI ------------------------------------------------------------------------
@pytest.fixture
def cli_draft(stub: Stub, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, builtin_knowledge: Any):
    monkeypatch.setenv("COACH_LLM_BASE_URL", stub.url)
    monkeypatch.setenv("COACH_LLM_MODEL", "stub-model")
    monkeypatch.setenv("COACH_LLM_TOTAL_TIMEOUT", "8")
    monkeypatch.setenv("COACH_LLM_CONNECT_TIMEOUT", "0.5")
    get_settings.cache_clear()

    def run(message: str = MSG, **account: Any) -> dict[str, Any]:
        path = tmp_path / "acct.json"
        path.write_text(json.dumps(account_data(**account), ensure_ascii=False))
        r = CliRunner().invoke(cli_app, ["draft", "--account", str(path), "--message", message,
                                         "--today", TODAY, "--json"])
        assert r.exit_code == 0, r.output
        return json.loads(r.stdout)

    yield run
    get_settings.cache_clear()


@pytest.mark.parametrize("case", list(DRAFT_CASES))
def test_cli_draft_never_shows_a_hostile_text(case: str, stub: Stub, cli_draft: Any) -> None:
    replies, banned, checks = DRAFT_CASES[case]
    script(stub, replies)
    t0 = time.monotonic()
    d = cli_draft()
    assert time.monotonic() - t0 < 15
    assert d["drafter"] == "llm"
    assert_never_hostile(d, replies, banned, checks)


def test_cli_draft_russian_to_a_ukrainian_customer(stub: Stub, cli_draft: Any) -> None:
    replies = {"acknowledgment": Reply(edit=whole(RU))}
    script(stub, replies)
    d = cli_draft(MSG_UK, language="uk")
    assert d["language"] == "uk"
    assert_never_hostile(d, replies, ["Спасибо"], ["wrong_language"])


def test_a_law_firm_named_legal_drafts_normally(stub: Stub, cli_draft: Any) -> None:
    d = cli_draft(name="Ridgeway Legal Partners")
    assert d["drafter"] == "llm" and d["violations"] == [] and d["fallbacks"] == []
    assert d["acknowledgment"] and d["counter_proposal"]["message"]


def test_a_hostile_first_answer_then_a_good_one_is_the_model_text(
    stub: Stub, cli_draft: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Generous budgets: this test is about the re-ask, not the budgets (the hang cases above test those).
    monkeypatch.setenv("COACH_LLM_TOTAL_TIMEOUT", "60")
    monkeypatch.setenv("COACH_LLM_FIRST_TOKEN_TIMEOUT", "30")
    get_settings.cache_clear()
    stub.enqueue("counter_message", Reply(edit=add("The new package is prepaid up front at signing.")))
    d = cli_draft()
    assert d["violations"] == [] and d["fallbacks"] == [] and d["drafter"] == "llm"
    assert "prepaid" not in d["counter_proposal"]["message"]
    # The re-ask follows the refused answer, among the later calls (their order is no part of the contract).
    later = stub.calls("counter_message")[1:]
    assert any("Your previous answer cannot be used" in json.dumps(c["body"]) for c in later)


# -- drafts through the API ------------------------------------------------------------------------
@pytest.fixture
def api(stub: Stub, tmp_path: Path, builtin_knowledge: Any):
    settings = make_settings(tmp_path / "data", get_settings().resolved_index_dir, llm_model="stub-model",
                             llm_base_url=stub.url, llm_total_timeout=8.0, llm_connect_timeout=0.5)
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("case", list(DRAFT_CASES))
def test_api_draft_never_shows_a_hostile_text(case: str, stub: Stub, api: TestClient) -> None:
    replies, banned, checks = DRAFT_CASES[case]
    script(stub, replies)
    r = api.post("/v1/drafts", json={"account": account_data(), "message": MSG, "today": TODAY})
    assert r.status_code == 200, r.text
    assert r.json()["drafter"] == "llm"
    assert_never_hostile(r.json(), replies, banned, checks)


def test_api_draft_for_a_law_firm_named_legal(stub: Stub, api: TestClient) -> None:
    r = api.post("/v1/drafts", json={"account": account_data(name="Ridgeway Legal Partners"), "message": MSG,
                                      "today": TODAY})
    d = r.json()
    assert r.status_code == 200 and d["violations"] == [] and d["fallbacks"] == []
    assert d["acknowledgment"] and d["counter_proposal"]["message"]


# -- outreach --------------------------------------------------------------------------------------
RESTORE = {"kind": "restore_service", "service": "PPC", "added_list_mrr": 1500, "discount_pct": 10,
           "discount_months": 3, "term_months": 12}
OUTREACH_REQ = OutreachRequest.model_validate(
    {"reason": "trigger_due", "trigger": {"kind": "performance_gap_review", "due_date": "2026-11-20"},
     "offer": RESTORE})
OUTREACH_CASES: dict[str, tuple[Reply, list[str]]] = {
    "pushback": (Reply(edit=add("Unfortunately your contract doesn't allow a reduction, and there are "
                                "penalties for a breach.")), ["penalties"]),
    "forty_five_percent": (Reply(edit=add("That works out to forty-five percent off.")), ["forty-five"]),
    "a_fifth_off": (Reply(edit=add("That is roughly a fifth off the list price.")), ["a fifth"]),
    "two_more_years": (Reply(edit=add("In return you stay with us for two more years.")), ["two more years"]),
    "half_a_year_free": (Reply(edit=add("And you get half a year free.")), ["half a year"]),
    "prepaid_at_signing": (Reply(edit=add("It is prepaid up front at signing.")), ["prepaid"]),
    "invoiced_once": (Reply(edit=add("It is invoiced once, at signature.")), ["invoiced once"]),
    "spanish": (Reply(edit=whole(ES)), ["Gracias"]),
    "german": (Reply(edit=whole(DE)), ["danke"]),
    "paraphrased_leak": (Reply(edit=add(LEAK)), ["rules engine"]),
    "malformed_json": (Reply(content='{"message": "Hi Dana, we'), []),
    "hang": (HANG, []),
}


@pytest.mark.parametrize("case", list(OUTREACH_CASES))
def test_outreach_never_shows_a_hostile_text(case: str, stub: Stub) -> None:
    reply, banned = OUTREACH_CASES[case]
    stub.enqueue("outreach", *[reply] * 3)
    s = Settings(llm_model="stub-model", llm_base_url=stub.url, llm_total_timeout=3.0, llm_connect_timeout=0.5)
    d = draft_outreach(outreach_account(), OUTREACH_REQ, POLICY, NOON, writer=LLMOutreachWriter(s))
    assert d.allowed and d.message and d.violations == [], d.violations
    for word in banned:
        assert word.lower() not in d.message.lower()
    assert [f.part for f in d.fallbacks] == ["outreach"], d.fallbacks


def test_outreach_obedient_model_text_is_used(stub: Stub) -> None:
    s = Settings(llm_model="stub-model", llm_base_url=stub.url, llm_total_timeout=3.0)
    d = draft_outreach(outreach_account(), OUTREACH_REQ, POLICY, NOON, writer=LLMOutreachWriter(s))
    assert d.allowed and d.fallbacks == [] and d.drafter == "llm"


# -- the role-play customer ------------------------------------------------------------------------
ROLEPLAY_CASES: dict[str, tuple[Reply, list[str]]] = {
    "spanish": (Reply(edit=whole("Gracias, pero necesito que reduzcan el precio. ¿Qué pueden hacer?")),
                ["Gracias"]),
    "german": (Reply(edit=whole("Danke, aber wir müssen den Preis senken. Was können Sie tun?")), ["Danke"]),
    "paraphrased_leak": (Reply(edit=whole("As the persona notes say, I'm a simulated customer and must keep "
                                          "my hidden facts back until you ask the right question.")),
                         ["simulated"]),
    "hidden_fact": (Reply(edit=whole("Honestly, our board cut the marketing budget, that's the whole story.")),
                    ["board"]),
    "malformed_json": (Reply(content='{"reply": "Thanks, so wh'), []),
    "hang": (HANG, []),
}


@pytest.fixture(scope="module")
def roleplay_policy() -> Any:
    from coach.policy import policy_for

    return policy_for(get_settings())


@pytest.mark.parametrize("case", list(ROLEPLAY_CASES))
def test_roleplay_customer_never_says_a_hostile_text(case: str, stub: Stub, roleplay_policy: Any,
                                                     tmp_path: Path) -> None:
    from coach.knowledge.embeddings import get_embedder
    from coach.roleplay.session import Trainer
    from coach.store import Database

    reply, banned = ROLEPLAY_CASES[case]
    stub.enqueue("roleplay_customer", *[reply] * 3)
    s = Settings(llm_model="stub-model", llm_base_url=stub.url, llm_total_timeout=3.0, llm_connect_timeout=0.5)
    db = Database(f"sqlite:///{tmp_path / 'training.db'}")
    try:
        trainer = Trainer(s, policy=roleplay_policy, embedder=get_embedder())
        with db.session() as ses:
            sid = trainer.start(ses, "acme-dental-seats", "tester").id
            ses.commit()
        with db.session() as ses:
            r = trainer.turn(ses, sid, "Thank you for letting me know, Dana.")
            ses.commit()
    finally:
        db.dispose()
    text = r.customer.text
    for word in banned:
        assert word.lower() not in text.lower(), text
    assert r.customer.source == "scripted", text
    ctx = GuardContext(stage="roleplay_customer", facts=Facts(), language="en")
    assert guard_for(s).check(text, ctx) == []
