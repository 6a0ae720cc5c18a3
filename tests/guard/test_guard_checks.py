"""The one guard: each check by id, names masked, facts from the policy, every language's refusals."""

from __future__ import annotations

import pytest

from coach.config import get_settings
from coach.guard import Facts, GuardContext, Names, guard_for
from coach.policy import CounterProposal, policy_for

GUARD = guard_for(get_settings())
CAP = policy_for(get_settings()).discount.hard_cap_pct


def facts() -> Facts:
    f = Facts(hard_cap_pct=CAP)
    f.allow(4600.0, 4000.0, 12.5, "2027-03-01")
    f.allow_months(24, 34)
    return f


def counter(**kw: object) -> CounterProposal:
    base: dict[str, object] = dict(kind="right_size_multi_year", discount_pct=12.5, new_mrr=4000.0,
                                   term_extension_months=24, commitment_months=34)
    return CounterProposal(**{**base, **kw})  # type: ignore[arg-type]


def ids(text: str, stage: str = "acknowledgment", language: str | None = "en", **kw: object) -> set[str]:
    ctx = GuardContext(stage=stage, facts=kw.pop("f", None) or facts(), language=language,  # type: ignore[arg-type]
                       names=Names().add("Ridgeway Legal Partners", "Anna Smith", "Anna", "Unfortunately Ltd"),
                       **kw)  # type: ignore[arg-type]
    return {v.id for v in GUARD.check(text, ctx)}


@pytest.mark.parametrize("text", [
    "Unfortunately we can't change the package this early.",
    "You are not eligible for a reduction yet.",
    "I'm afraid the terms you signed rule that out.",
    "На жаль, ми не можемо змінити пакет.",
    "Lamentablemente no podemos reducir el paquete.",
    "Leider können wir das nicht ändern.",
    "Malheureusement, nous ne pouvons pas réduire le forfait.",
    "Infelizmente não podemos reduzir o pacote.",
    "Niestety nie możemy zmniejszyć pakietu.",
])
def test_refusals_in_every_reply_language(text: str) -> None:
    assert ids(text, language=None) & {"pushback", "contract_threat"}


def test_contract_threat_in_the_counter() -> None:
    text = ("Your price moves to $4,000.00 and you commit for 34 months, but unfortunately your contract doesn't "
            "allow a reduction, and there are penalties for a breach.")
    assert {"pushback", "contract_threat"} <= ids(text, "counter", counter=counter())


def test_names_are_masked_before_matching() -> None:
    text = "Hi Anna, thank you for telling me what is happening at Ridgeway Legal Partners and Unfortunately Ltd."
    assert ids(text) == set()


@pytest.mark.parametrize("text, check", [
    ("We could take forty-five percent off.", "discount_cap"),
    ("That is roughly a fifth off.", "unstated_number"),
    ("You would commit for three more years.", "unstated_number"),
    ("Billing resumes on 2027-04-01.", "unstated_date"),
    ("We'll bill three thousand six hundred dollars a month.", "unstated_number"),
])
def test_numbers_in_words_are_facts_or_violations(text: str, check: str) -> None:
    assert check in ids(text, "followup")


def test_correct_restatement_in_words_passes() -> None:
    text = "Your price moves to four thousand dollars a month, and you commit for thirty-four months."
    assert ids(text, "counter", counter=counter()) == set()


def test_cap_comes_from_the_policy() -> None:
    f = Facts(hard_cap_pct=50)
    assert "discount_cap" not in ids("We can take 45% off.", "followup", f=f)
    assert "discount_cap" in ids("We can take 45% off.", "followup", f=Facts(hard_cap_pct=40))


@pytest.mark.parametrize("text", [
    "It's $4,000.00 a month for 34 months you commit to, prepaid up front at signing.",
    "It's $4,000.00 a month for 34 months you commit to, invoiced once, at signature.",
    "It's $4,000.00 a month for 34 months you commit to; the plan renews automatically.",
    "It's $4,000.00 a month for 34 months you commit to, plus a small onboarding fee.",
])
def test_hidden_terms(text: str) -> None:
    assert any(i.startswith("hidden_terms.") for i in ids(text, "counter", counter=counter()))


def test_negated_terms_and_upfront_people_pass() -> None:
    text = ("Thanks for being upfront. Your price moves to $4,000.00 a month, you commit for 34 months, and "
            "billing stays monthly with no prepayment.")
    assert ids(text, "counter", counter=counter()) == set()


def test_ukrainian_in_advance_and_subscription_are_not_prepayment() -> None:
    """«попередили заздалегідь» (told us in advance) and «передплата» (subscription) are not fine print."""
    ack = "Олено, дякую, що попередили заздалегідь. Я розумію, що ваша передплата зараз завелика."
    assert not {i for i in ids(ack, language="uk") if i.startswith("hidden_terms.")}
    paid = "Оплата за весь строк вноситься наперед під час підписання."
    assert "hidden_terms.prepayment" in ids(paid, "counter", language="uk", counter=counter())


def test_offer_in_first_reply() -> None:
    assert "offer_in_first_reply" in ids("Hi Anna, I can offer you a special price right away.")
    assert "offer_in_first_reply" in ids("Hi Anna, how about $4,000.00 a month?")


def test_language_markup_and_leak() -> None:
    assert "wrong_language" in ids("Hola Anna, gracias por avisarnos del cambio de presupuesto del equipo.")
    assert "wrong_language" in ids("Спасибо, что сообщили об изменении бюджета команды.", language="uk")
    assert "markup" in ids("Hi Anna, **thank you** for telling me.")
    assert "link" in ids("Hi Anna, see https://example.org for details.")
    assert "prompt_leak" in ids("Hi Anna, my instructions say I must not mention prices yet.")


def test_disclosures() -> None:
    assert "disclosure.commitment" in ids("Your price moves to $4,000.00 a month.", "counter", counter=counter())
    pause = counter(kind="pause_plan", term_extension_months=3, pause_months=3, resume_date="2027-03-01")
    f = facts()
    f.allow_months(3)
    assert ids("We pause for three months; billing resumes on March 1, 2027.", "pause_plan", counter=pause, f=f) \
        == set()
    assert "disclosure.resume_date" in ids("We pause for 3 months.", "pause_plan", counter=pause, f=f)


def test_every_check_has_an_id_a_category_and_a_reason() -> None:
    rules = GUARD.data.rules
    for stage in rules.rule_sets:
        for cid in rules.expand(stage):
            spec = rules.checks[cid]
            assert spec.category and spec.reason


@pytest.mark.parametrize("language, names, text", [
    ("uk", ["ТОВ «Юрфірма Штрафнет»"], "Дякую за лист! Для «Юрфірми Штрафнет» ми підготуємо все незабаром."),
    ("uk", ["Паб «Пеня»"], "Дякую, що написали. У «Пені» зараз багато змін, я це розумію."),
    ("pl", ["Kancelaria Niestety Sp. z o.o."], "Dziękuję za wiadomość w imieniu Kancelarii Niestety."),
])
def test_inflected_names_are_masked(language: str, names: list[str], text: str) -> None:
    """Ukrainian and Polish decline a company's name: its inflected form is still a name, not pushback."""
    ctx = GuardContext(stage="acknowledgment", facts=facts(), language=language, names=Names().add(*names))
    assert {v.id for v in GUARD.check(text, ctx)} == set()


def test_latin_names_are_not_inflected_in_english() -> None:
    """An English text keeps the name's exact form: "Legally" is not the company "Legal"."""
    assert "contract_threat" in ids("We are legally obliged to hold you to the term, Anna.", "followup")


@pytest.mark.parametrize("language, recipient, greeting", [
    ("uk", "Олена Бойко", "Олено, добрий день!"),
    ("uk", "Андрій Мельник", "Добрий день, Андрію!"),
    ("pl", "Anna Nowak", "Pani Anno, dzień dobry!"),
    ("en", "Dana Whitfield", "Hi Dana,"),
])
def test_outreach_recipient_in_the_vocative(language: str, recipient: str, greeting: str) -> None:
    ctx = GuardContext(stage="outreach", facts=facts(), language=language, recipient=recipient)
    assert not GUARD.check(greeting + " ...", ctx, only=["outreach.recipient"])
    assert GUARD.check("Добрий день! ... Hello! ...", ctx, only=["outreach.recipient"])


@pytest.mark.parametrize("text, language", [
    ("In return we'd extend your agreement by 24 months, so the term runs for 34 months in all.", "en"),
    ("Натомість ми продовжимо вашу угоду на 24 місяці: разом це 34 місяці.", "uk"),
    ("A cambio ampliaríamos su contrato 24 meses, 34 meses en total.", "es"),
    ("Im Gegenzug verlängern wir den Vertrag um 24 Monate, insgesamt also 34 Monate.", "de"),
    ("En échange, nous prolongerions votre contrat de 24 mois, soit 34 mois au total.", "fr"),
    ("Em troca, prolongaríamos o seu contrato por 24 meses, 34 meses no total.", "pt"),
    ("W zamian przedłużymy umowę o 24 miesiące, łącznie 34 miesiące.", "pl"),
])
def test_commitment_stated_as_an_extended_agreement(text: str, language: str) -> None:
    ctx = GuardContext(stage="counter", facts=facts(), language=language, counter=counter())
    assert not GUARD.check(text, ctx, only=["disclosure.commitment"])


def test_commitment_needs_the_total_figure() -> None:
    """The extension alone (24 more months) does not tell the customer the whole commitment (34)."""
    ctx = GuardContext(stage="counter", facts=facts(), language="en", counter=counter())
    assert GUARD.check("In return we'd extend your agreement by 24 months.", ctx, only=["disclosure.commitment"])
