"""Re-engagement timing from general language patterns (coach/roleplay/timing.py): a date or an
event is "dated", a rough time "rough", nothing "none". Phrasings written for this test, in English
and Ukrainian, none taken from the judged transcripts."""

from __future__ import annotations

import pytest

from coach.roleplay.timing import follow_up, timing

DATED = [
    # months, with and without a day, abbreviations, "may" as a month
    "I'll ring you on the 3rd of February to see how the new rota is working.",
    "Can we put a call in for Feb 12?",
    "I'll check in early May, before your summer bookings start.",
    "Let's look at the numbers again in mid-September.",
    "I'll email you on 14/10 with the usage report.",
    # weekdays and relative dates
    "I'll call you next Tuesday to hear what the partners decided.",
    "Let me follow up on Friday with the revised figures.",
    "I'll send you an invite for tomorrow afternoon to go through it.",
    "Let's reconnect in two weeks once you've seen the first report.",
    "I'll check back in 6 weeks.",
    "We can review this again in ten days.",
    "Let's book a 30-day check-in to see whether the smaller team copes.",
    "I'll touch base next month.",
    "Let's reassess at the end of the quarter.",
    "Let's schedule a review for Q3.",
    "I'll reach out in the second quarter when your new fiscal year starts.",
    "Let me get back to you at year-end.",
    # events
    "I'll reach out as soon as your new location opens.",
    "Let's talk again once the merger is signed off.",
    "I'll follow up after your board meets.",
    "I'll check in when Priya is back from leave.",
    "Let's revisit the seat count ahead of your renewal.",
    "I'll put a review in the diary around your annual budget review.",
    "Let's catch up after the audit to see what you need.",
    # Ukrainian
    "Я зателефоную вам у вівторок, щоб дізнатися, що вирішила рада.",
    "Наберу вас 5 березня, коли будуть квартальні цифри.",
    "Давайте повернемося до цього питання наприкінці кварталу.",
    "Зв'яжуся з вами через два тижні.",
    "Поговоримо через місяць.",
    "Заплануємо зустріч на початку червня.",
    "Повернуся до вас, щойно затвердять новий бюджет.",
    "Обговоримо це після запуску нового магазину.",
    "Напишу вам наступного тижня.",
    "Давайте зідзвонимося у другому кварталі.",
]

ROUGH = [
    "I'll check back in a couple of months.",
    "Let's talk again in a few weeks.",
    "I'll circle back later this year.",
    "We can look at adding seats back down the road.",
    "Let's revisit it sometime next year.",
    "I'll reach out once things settle down for you.",
    "Let's pick this up again in the autumn.",
    "I'll be in touch to set up the next step.",
    "Зв'яжемося згодом.",
    "Повернемося до цього через кілька місяців.",
    "Наберу вас пізніше, коли все налагодиться.",
    "Поговоримо восени.",
]

NONE = [
    "Let's stay in touch.",
    "Reach out whenever you're ready.",
    "Let me know if anything changes.",
    "Будемо на зв'язку.",
    "Пишіть, коли будете готові.",
    "Thanks, Dana.",
    "We may need to look at this again.",  # "may" the verb is no month
    "That comes to $2025 a month.",  # a price is not a year
]


@pytest.mark.parametrize("sentence", DATED)
def test_a_date_or_an_event_is_dated(sentence: str) -> None:
    assert timing(sentence) == "dated"


@pytest.mark.parametrize("sentence", ROUGH)
def test_a_rough_time_is_rough(sentence: str) -> None:
    assert timing(sentence) == "rough"


@pytest.mark.parametrize("sentence", NONE)
def test_no_time_at_all_is_none(sentence: str) -> None:
    assert timing(sentence) == "none"


@pytest.mark.parametrize("sentence", [s for s in DATED + ROUGH if "set up the next step" not in s])
def test_every_follow_up_above_arranges_a_contact(sentence: str) -> None:
    assert follow_up(sentence)


@pytest.mark.parametrize("sentence", ["We can do 32 seats on a 24-month term.", "Дякую, що розповіли.",
                                      "That works out at $3,680 a month."])
def test_an_offer_or_a_thanks_is_no_follow_up(sentence: str) -> None:
    assert not follow_up(sentence)


# --- through the turn analysis and the scorecard --------------------------------------------------

from coach.policy import Policy  # noqa: E402
from coach.roleplay.analysis import analyse  # noqa: E402
from coach.roleplay.personas import get_persona  # noqa: E402
from coach.roleplay.replay import replay  # noqa: E402


@pytest.mark.parametrize(("persona", "sentence", "flags"), [
    ("acme-dental-seats", "Once the new clinic is up and running, I'll call you to look at the seats again.", "dated"),
    ("acme-dental-seats", "I'll give you a ring on Thursday the 4th to confirm.", "dated"),
    ("acme-dental-seats", "Let's pencil in a check-in for the week after your budget review.", "dated"),
    ("acme-dental-seats", "I'll check in with you in a month or two.", "rough"),
    ("acme-dental-seats", "Feel free to reach out whenever you're ready.", "none"),
    ("usmishka-seats", "Я наберу вас у середу, щоб звірити кількість місць.", "dated"),
    ("usmishka-seats", "Давайте повернемося до цього через кілька тижнів.", "rough"),
    ("usmishka-seats", "Будемо на зв'язку.", "none"),
    # a question about the timeline asks, it sets nothing; a refusal that defers the request stalls
    ("acme-dental-seats", "When is your next budget review?", "no trigger"),
    ("acme-dental-seats", "No, the seats stay as they are; we can revisit it at your renewal.", "no trigger"),
])
def test_a_trigger_is_read_from_its_timing(persona: str, sentence: str, flags: str, policy: Policy,
                                           embedder) -> None:
    a = analyse(sentence, get_persona(persona), policy, embedder=embedder, requested_mrr=0.0)
    got = "no trigger" if a.trigger is None else "dated" if a.trigger_concrete else "rough" if a.trigger_loose \
        else "none"
    assert got == flags or flags == "none" and got == "no trigger", a  # a vague one is no trigger either way


def test_the_customer_agreeing_in_their_own_words_is_a_close(policy: Policy, embedder) -> None:
    persona = get_persona("acme-dental-seats")
    turns = ["Thanks for telling me, Dana.", "What's behind the change?", "Could it be about the budget?",
             "We can take you to $4,300 a month if you extend by 24 months."]
    said = ["Sure.", "It's been a tough year.", "Our board cut the marketing budget by 20% for next year.",
            "Deal. Send over the amendment and I'll sign it."]
    closed, _ = replay(persona, policy, embedder, turns, recorded=said)
    open_, _ = replay(persona, policy, embedder, turns, recorded=[*said[:3], "Let me take it to the owners first."])
    f4 = {m.id: m for m in closed.failure_modes}["F4"]
    assert f4.status == "triggered" and f4.evidence[0].turn == 4
    assert {m.id: m for m in open_.failure_modes}["F4"].status == "not_reached"
