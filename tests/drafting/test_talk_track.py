"""The talk track: say now is part of the checked reply, ask next follows what is unknown, push back."""

from __future__ import annotations

from typing import Any

from coach.config import get_settings
from coach.drafting.talk import body_units, load_lines, talk_track
from coach.guard import Facts, GuardContext, guard_for

ACK = ("Hi Dana,\n\nThank you for telling me this directly. I understand you'd like to bring the package "
       "down by about 30%, and I want to make sure it fits.\nI've noted your request and I'm on it.\n\n"
       "Thanks again for the trust,")
COUNTER = ("Hi Dana,\n\nThank you for walking me through what's changed. Here is what I'd like to propose:\n\n"
           "- Right-size the package from 40 to 28 seats, so you pay for what your team actually uses.\n"
           "- Your monthly investment moves from $4,600.00 to $4,000.00.\n- That is 20% off the list price.\n"
           "In exchange, we'd ask you to commit to the new package for 24 months: the agreement is extended by "
           "12 months, to 2028-09-01.\nBilling stays monthly: there is no prepayment.\n\n"
           "Does this work for you? Happy to walk through it on a call.")


def lines_file():
    return get_settings().knowledge_dir / "talk" / "lines.yaml"


def draft(**over: Any) -> dict[str, Any]:
    d = {"request": {"kind": "seat_reduction", "reduction_pct": 30.0}, "root_cause": "unknown", "hardship": None,
         "acknowledgment": ACK, "diagnosis_questions": ["What changed?", "Who decides?", "What matters most?",
                                                          "Anything else?"],
         "counter_proposal": {"message": COUNTER}, "escalations": [], "language": "en"}
    d.update(over)
    return d


def test_say_now_on_day_one_is_two_sentences_of_the_acknowledgment() -> None:
    t = talk_track(draft(), "acknowledged", asked=[], lines_file=lines_file())
    assert t.phase == "acknowledgment" and t.email == ACK
    assert t.say_now == ("Thank you for telling me this directly. I understand you'd like to bring the package "
                         "down by about 30%, and I want to make sure it fits.")


def test_say_now_for_a_counter_keeps_every_number_and_the_commitment() -> None:
    t = talk_track(draft(), "diagnosing", asked=[], lines_file=lines_file())
    assert t.phase == "counter"
    for part in ("40 to 28 seats", "$4,000.00", "20%", "24 months", "2028-09-01"):
        assert part in t.say_now
    assert "Hi Dana" not in t.say_now and "Does this work" not in t.say_now


def test_ask_next_follows_what_is_unknown_and_skips_what_was_asked() -> None:
    unsized = draft(request={"kind": "seat_reduction", "reduction_pct": None, "seats": None})
    t = talk_track(unsized, "acknowledged", asked=[], lines_file=lines_file())
    assert t.ask_next[0].startswith("Roughly how big a change")
    t = talk_track(draft(), "acknowledged", asked=["Thanks! What changed?"], lines_file=lines_file())
    assert t.ask_next == ["Who decides?", "What matters most?", "Anything else?"]
    t = talk_track(draft(request={"kind": "other"}), "acknowledged", asked=[], lines_file=lines_file())
    assert t.ask_next[0].startswith("What would you like to change")


def test_push_back_lines_pass_the_guard_in_every_language() -> None:
    table = load_lines(lines_file())
    for lang, lines in (("en", table.en), ("uk", table.uk)):
        for name, text in lines.push_back.model_dump().items():
            ctx = GuardContext("acknowledgment", Facts(), part="push_back")
            only = ["unstated_number", "unstated_date", "pushback", "contract_threat"]
            assert guard_for(get_settings()).check(text, ctx, only=only) == [], (lang, name)
        assert lines.ask_size and lines.ask_kind


def test_push_back_follows_the_situation() -> None:
    lines = load_lines(lines_file()).en
    assert talk_track(draft(), "acknowledged", asked=[], lines_file=lines_file()).push_back == \
        lines.push_back.acknowledgment
    esc = talk_track(draft(escalations=["vp_cs"]), "counter_sent", asked=[], lines_file=lines_file())
    assert esc.push_back == f"{lines.push_back.counter} {lines.push_back.escalate}"
    assert talk_track(draft(hardship="financial"), "diagnosing", asked=[],
                      lines_file=lines_file()).push_back == lines.push_back.hardship


def test_body_units_drop_greeting_and_sign_off() -> None:
    units = body_units(ACK)
    assert units[0].startswith("Thank you") and units[-1] == "I've noted your request and I'm on it."


def test_ask_next_drops_questions_the_customer_already_answered() -> None:
    d = draft(root_cause="budget_cut", diagnosis_questions=[
        "What budget are you working with for the coming months, so we can shape something that fits?",
        "Is this a temporary constraint for this budget cycle, or a longer-term change?",
        "When is your next budget review, and who takes part in it?"])
    more = ["Which results matter most to protect while spend comes down?"]
    first = talk_track(d, "acknowledged", asked=[], heard=["We need to cut seats by 30%."], more=more,
                       lines_file=lines_file()).ask_next
    assert len(first) == 3 and first[1].startswith("Is this a temporary")
    later = talk_track(d, "diagnosing", asked=[], more=more, lines_file=lines_file(),
                       heard=["We need to cut seats by 30%.", "Finance cut every tool by a third for next year."])
    assert later.ask_next == ["What budget are you working with for the coming months, so we can shape "
                              "something that fits?", "Which results matter most to protect while spend comes down?"]
