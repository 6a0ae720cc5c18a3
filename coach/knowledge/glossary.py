"""An English-Ukrainian glossary of customer-success words, so lexical search crosses languages.

A Ukrainian question about "знижка" should also count passages that say "discount", and an
English question about a "downgrade" should reach a Ukrainian page about "зниження плану". Each
entry pairs the English words with the Ukrainian ones (several forms where the stem alternates,
as in договір/договору); lookup goes through the same stemmer as the index, so inflected forms
in a query find their entry.
"""

from __future__ import annotations

from functools import lru_cache

from coach.knowledge.text import tokenize

# (English words, Ukrainian words). Domain vocabulary of plans, contracts and negotiations;
# everyday words are left out because the dense embedding already bridges them.
ENTRIES: list[tuple[str, str]] = [
    ("customer client", "клієнт клієнта клієнти замовник"),
    ("plan tier", "план тариф тарифний"),
    ("package bundle", "пакет"),
    ("level", "рівень рівня"),
    ("upgrade", "підвищення підвищити апгрейд оновлення"),
    ("downgrade", "зниження знизити пониження понизити даунгрейд"),
    ("upsell", "допродаж додатковий"),
    ("cross-sell", "перехресний"),
    ("discount", "знижка знижку"),
    ("price pricing", "ціна ціну прайс вартість"),
    ("cost costs", "коштує вартість"),
    ("expensive", "дорогий дорожчий"),
    ("cheap cheaper", "дешевий дешевший"),
    ("seat seats licence license", "місце місць ліцензія"),
    ("module", "модуль"),
    ("product", "продукт"),
    ("service", "послуга послуги сервіс"),
    ("feature features", "функція функції"),
    ("contract agreement", "договір договору контракт угода"),
    ("renewal renew", "продовження продовжити поновлення"),
    ("cancel cancellation", "скасування скасувати"),
    ("churn", "відтік"),
    ("pause suspend", "пауза призупинення призупинити"),
    ("temporary temporarily", "тимчасово тимчасовий"),
    ("hardship", "скрута труднощі"),
    ("disaster flood hurricane", "лихо повінь ураган катастрофа"),
    ("month monthly", "місяць місяця щомісячний"),
    ("year annual", "рік року річний"),
    ("week", "тиждень тижня"),
    ("budget", "бюджет"),
    ("revenue MRR", "дохід виручка"),
    ("reduce reduction cut", "зменшити зменшення скоротити скорочення"),
    ("remove drop", "прибрати вилучити"),
    ("trial", "пробний тест"),
    ("free", "безкоштовний"),
    ("value", "цінність"),
    ("benefit", "користь перевага"),
    ("competitor rival", "конкурент"),
    ("manager", "менеджер керівник"),
    ("call", "дзвінок"),
    ("meeting", "зустріч"),
    ("report", "звіт"),
    ("data", "дані"),
    ("results performance", "результати результат"),
    ("trigger", "тригер"),
    ("negotiation negotiate", "переговори"),
    ("offer proposal counter-offer", "пропозиція запропонувати"),
    ("commitment", "зобов'язання"),
    ("escalation escalate", "ескалація"),
    ("approval approve", "погодження погодити схвалити"),
    ("relationship", "відносини стосунки"),
    ("loyalty loyal", "лояльність лояльний"),
    ("marketing", "маркетинг маркетинговий"),
    ("signal signals warning", "сигнал сигнали"),
    ("unhappy dissatisfied", "незадоволений"),
    ("disappointed disappointment", "розчарований розчарування"),
    ("retain keep", "втримати утримати зберегти"),
    ("lose losing", "втратити втрата"),
    ("prepayment upfront", "передоплата"),
    ("subscription", "підписка"),
    ("payment billing invoice", "оплата платіж рахунок"),
    ("maximum ceiling", "максимальний максимум"),
    ("percent", "відсоток відсотків"),
]


@lru_cache(maxsize=1)
def _links() -> dict[str, frozenset[str]]:
    links: dict[str, set[str]] = {}
    for en, uk in ENTRIES:
        en_keys, uk_keys = set(tokenize(en)), set(tokenize(uk))
        for k in en_keys:
            links.setdefault(k, set()).update(uk_keys)
        for k in uk_keys:
            links.setdefault(k, set()).update(en_keys)
    return {k: frozenset(v) for k, v in links.items()}


def translations(key: str) -> frozenset[str]:
    """Search keys in the other language for one stemmed search key (empty when unknown)."""
    return _links().get(key, frozenset())
