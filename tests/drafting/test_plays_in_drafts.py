"""The play a customer's words call for, through the real template drafter and the play table, in every
reply language: a budget cut is right-sized (never a swap), an unknown reason is diagnosed first, a
competitor switch gets the competitive save, a later round continues the conversation, and a Polish
reply never guesses the contact's gender."""

from __future__ import annotations

import re
from typing import Any

import pytest

from coach.accounts import Account
from coach.config import get_settings
from coach.diagnosis.questions import questions_for
from coach.drafting.engine import TemplateDrafter, draft
from coach.drafting.listening import cause_questions, listening_for
from coach.drafting.models import Draft
from coach.drafting.profile import CsmProfile
from tests.conftest import TODAY
from tests.factories import make_account

LANGS = ("en", "uk", "es", "de", "fr", "pt", "pl")
CSM = CsmProfile(name="Maria Santos", title="Customer Success Manager", gender="feminine")
RIGHT_SIZE = ("suspend_module", "right_size_multi_year", "right_size_retention")


class _NoPassages:
    """The words do not depend on retrieval; no index is built."""

    def search(self, query: str, k: int = 5, **_: Any) -> list:
        return []


def accounts() -> list[Account]:
    """Two service mixes: the Social Media budget could go to PPC on one, to Email Marketing on the other."""
    return [
        make_account(),
        make_account(id="harbor-dental", name="Harbor Dental", list_mrr=6200.0, mrr=5580.0, seats=None,
                     contact={"name": "Sam Rivera", "role": "Owner"},
                     services=[{"name": "SEO", "mrr": 2400.0, "core": True},
                               {"name": "Email Marketing", "mrr": 1680.0, "core": False},
                               {"name": "Social Media", "mrr": 1500.0, "core": False}]),
    ]


def write(account: Account, message: str, *, history: list[str] | None = None, prior_counters: int = 0) -> Draft:
    s = get_settings()
    return draft(account, message, today=TODAY, knowledge=_NoPassages(), settings=s,  # type: ignore[arg-type]
                 history=history, prior_counters=prior_counters, drafter=TemplateDrafter(s.prompts_dir), csm=CSM)


def body(text: str) -> list[str]:
    """The lines between the greeting and the sign-off."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[1:-3]


# 1. A budget cut: a right-sized package inside the rules, never the same spend moved elsewhere ----------

NO_BUDGET = {
    "en": "We want to drop Social Media, there is no budget for it this year.",
    "uk": "Хочемо відмовитися від Social Media, цього року на це немає бюджету.",
    "es": "Queremos dar de baja Social Media, este año no tenemos presupuesto para ello.",
    "de": "Wir möchten Social Media streichen, dafür ist dieses Jahr kein Budget da.",
    "fr": "Nous voulons arrêter Social Media, nous n'avons pas le budget cette année.",
    "pt": "Queremos cancelar o Social Media, não temos orçamento para isso este ano.",
    "pl": "Dzień dobry, chcemy zrezygnować z Social Media, nie mamy na to budżetu w tym roku.",
}


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_no_budget_for_a_service_gets_a_right_sized_package_not_a_swap(lang: str) -> None:
    for acc in accounts():
        d = write(acc, NO_BUDGET[lang])
        c = d.counter_proposal
        assert d.language == lang and d.play in RIGHT_SIZE, (acc.id, d.play, d.root_cause)
        assert c is not None and c.message and d.violations == []
        assert c.requested_mrr is not None and c.requested_mrr <= c.new_mrr < acc.mrr  # a saving, not below the ask
        assert "Social Media" in c.message and c.term_extension_months
        assert c.suspended_services in ([], ["Social Media"])  # suspended or scaled back, never swapped
        if c.suspended_services and acc.seats:  # fewer services, same seats: "the smaller package", not "40-seat"
            assert not re.search(rf"(?<!\d){acc.seats}(?!\d)", c.message), c.message


# 2. No reason stated: diagnose first, and the counter is the generic right-size -----------------------

NO_REASON = {
    "en": "Please cancel Social Media.",
    "uk": "Просимо відключити Social Media з наступного місяця.",
    "es": "Por favor, cancelen Social Media.",
    "de": "Bitte kündigen Sie Social Media.",
    "fr": "Merci d'annuler Social Media, s'il vous plaît.",
    "pt": "Por favor, cancelem o Social Media.",
    "pl": "Proszę anulować Social Media.",
}


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_no_reason_stated_asks_why_first_and_never_swaps(lang: str) -> None:
    why = (cause_questions(listening_for(get_settings().prompts_dir), "unknown", lang, 4)
           or questions_for("unknown", lang, 4))[0]
    for acc in accounts():
        d = write(acc, NO_REASON[lang])
        assert d.language == lang
        if d.root_cause == "unknown":
            assert d.diagnosis_questions[0] == why  # the first question asks what is behind the decision
        c = d.counter_proposal
        assert d.play in RIGHT_SIZE and c is not None and c.new_mrr < acc.mrr, d.play
        assert c.suspended_services in ([], ["Social Media"]) and "Social Media" in c.message


@pytest.mark.slow
def test_dropping_the_core_service_scales_it_back_and_says_so() -> None:
    d = write(make_account(), "We want to drop SEO, there is no budget for it this year.")
    c = d.counter_proposal
    assert d.play == "right_size_multi_year" and c is not None and not c.suspended_services
    assert "Scale SEO back rather than stopping it" in c.message and "seats" not in c.message


# 3. A competitor switch: the competitive save (side-by-side, the product), no price cut first ---------

COMPETITOR = {
    "en": "We're moving to another agency next month.",
    "uk": "Наступного місяця ми переходимо до іншої агенції.",
    "es": "El mes que viene nos cambiamos a otra agencia.",
    "de": "Wir wechseln nächsten Monat zu einer anderen Agentur.",
    "fr": "Le mois prochain, nous passons chez une autre agence.",
    "pt": "No próximo mês vamos mudar para outra agência, que nos ofereceu mais resultados.",
    "pl": "W przyszłym miesiącu przechodzimy do innej agencji, która zaproponowała nam więcej.",
}
SIDE_BY_SIDE = {"en": "side-by-side", "uk": "порівняння", "es": "comparación", "de": "Vergleich",
                "fr": "comparaison", "pt": "comparação", "pl": "porównanie"}
TRIM = {"en": "step back from", "uk": "відмовитися від", "es": "dejar ", "de": "beenden",
        "fr": "arrêter", "pt": "deixar ", "pl": "zrezygnować z"}


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_a_competitor_switch_gets_the_competitive_save_not_a_trim(lang: str) -> None:
    for acc in accounts():
        d = write(acc, COMPETITOR[lang])
        assert d.play == "competitive_save" and d.counter_proposal is None, (d.play, d.root_cause)
        assert "competitive_save" in d.escalations
        assert any(n.startswith("competitive save: bring a side-by-side") for n in d.notes)
        ack = d.acknowledgment
        assert SIDE_BY_SIDE[lang] in ack and TRIM[lang] not in ack
        assert not re.search(r"\d|%|\$", "\n".join(body(ack))), "no price, discount or figure as the first move"


# 4. A later round continues the conversation --------------------------------------------------------

ROUNDS = {
    "en": ("Honestly we are getting zero new leads from PPC. We want to stop it.",
           "Thanks for the plan, but we still want to drop PPC."),
    "uk": ("PPC не приносить нам жодних нових клієнтів. Хочемо від нього відмовитися.",
           "Дякуємо за план, але ми все одно хочемо відмовитися від PPC."),
    "es": ("El PPC no nos trae ningún cliente nuevo. Queremos dejarlo.",
           "Gracias por el plan, pero seguimos queriendo dejar el PPC."),
    "de": ("PPC bringt uns keine neuen Kunden. Wir wollen es beenden.",
           "Danke für den Plan, aber wir wollen PPC trotzdem beenden."),
    "fr": ("Le PPC ne nous apporte aucun nouveau client. Nous voulons l'arrêter.",
           "Merci pour le plan, mais nous voulons toujours arrêter le PPC."),
    "pt": ("O PPC não nos traz nenhum cliente novo. Queremos parar com ele.",
           "Obrigado pelo plano, mas continuamos querendo deixar o PPC."),
    "pl": ("PPC nie przynosi nam żadnych nowych klientów. Chcemy z niego zrezygnować.",
           "Dziękujemy za plan, ale nadal chcemy zrezygnować z PPC."),
}
MY_PROPOSAL = {"en": "my proposal", "uk": "моєї пропозиції", "es": "mi propuesta", "de": "meinen Vorschlag",
               "fr": "ma proposition", "pt": "minha proposta", "pl": "mojej propozycji"}
LAST_PROPOSAL = {"en": "my last proposal", "uk": "попередньої пропозиції", "es": "mi última propuesta",
                 "de": "meinen letzten Vorschlag", "fr": "ma dernière proposition", "pt": "minha última proposta",
                 "pl": "poprzedniej propozycji"}


def _first_contact_lines(acc: Account, lang: str) -> set[str]:
    """Every body line a first reply could open with, over many first messages on this account."""
    seen: set[str] = set()
    for text in (*NO_BUDGET.values(), *NO_REASON.values(), *(r[0] for r in ROUNDS.values()), ROUNDS[lang][1]):
        d = write(acc, text)
        if d.language == lang:
            seen.update(body(d.acknowledgment))
    return seen


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_a_later_round_continues_the_conversation_instead_of_greeting_again(lang: str) -> None:
    first, second = ROUNDS[lang]
    acc = make_account()
    fresh = _first_contact_lines(acc, lang)
    after_counter = write(acc, second, history=[first], prior_counters=1)
    assert after_counter.language == lang
    assert MY_PROPOSAL[lang] in after_counter.acknowledgment
    assert not set(body(after_counter.acknowledgment)) & fresh
    c = after_counter.counter_proposal
    assert c is not None and LAST_PROPOSAL[lang] in c.message
    # what to change in the proposal, not the first round's diagnosis again
    assert not set(after_counter.diagnosis_questions) & set(write(acc, first).diagnosis_questions)
    assert len(after_counter.diagnosis_questions) == 3
    follow_up = write(acc, second, history=[first])  # a second message before any counter
    assert not set(body(follow_up.acknowledgment)) & fresh


# 5. Polish: the contact's gender is not known, so no Pani/Pan -----------------------------------------

GENDERED = re.compile(r"\b(Pani|Panie|Pana|Panu|Panem|Pan|Szanown[ay])\b")


@pytest.mark.slow
@pytest.mark.parametrize("contact", ["Anna Nowak", "Jan Kowalski", "Dana Lee", ""])
def test_polish_replies_never_guess_the_contacts_gender(contact: str) -> None:
    acc = make_account(contact={"name": contact, "role": "Owner"}, language="pl")
    for text in (NO_BUDGET["pl"], NO_REASON["pl"], COMPETITOR["pl"], *ROUNDS["pl"]):
        d = write(acc, text)
        texts = [d.acknowledgment] + ([d.counter_proposal.message] if d.counter_proposal else [])
        for t in texts:
            assert d.language == "pl" and not GENDERED.search(t), t
            greeting = t.splitlines()[0]
            assert greeting == (f"Dzień dobry, {contact.split()[0]}," if contact else "Szanowni Państwo,")
            assert t.split("\n\n")[1][:1].islower()  # after a salutation with a comma, the text goes on in lower case


# 6. The VP CS joins when the customer pushes back on a counter, never on first contact -----------------

@pytest.mark.slow
def test_a_first_message_is_never_pushback_and_a_rejected_counter_is() -> None:
    acc = make_account()
    first, second = ROUNDS["en"]
    assert "vp_cs" not in write(acc, first).escalations
    assert "vp_cs" not in write(acc, "Guten Tag, wir müssen unsere Kosten senken und brauchen 12 Plätze weniger. "
                                     "Danke für Ihre Hilfe.").escalations
    assert "vp_cs" in write(acc, second, history=[first], prior_counters=1).escalations


@pytest.mark.slow
def test_a_tier_downgrade_acknowledgment_names_the_account_once() -> None:
    d = write(make_account(), "We'd like to downgrade to a cheaper plan, the Growth package is more than we need.")
    assert d.play == "downgrade_with_upgrade_path" and d.acknowledgment.count("Acme Dental Group") == 1
