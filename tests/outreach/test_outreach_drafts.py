"""Outreach drafts: value first, every commitment stated, blocked drafts show reasons, the guard
catches a writer that hides a prepayment or a commitment."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from coach.config import get_settings
from coach.drafting.models import Fallback
from coach.errors import CoachInputError
from coach.outreach import OfferSpec, OutreachRequest, draft_outreach
from coach.outreach.writer import Brief, Check, TemplateOutreachWriter
from tests.outreach.conftest import NOON, POLICY, outreach_account

GAP = {"reason": "trigger_due", "trigger": {"kind": "performance_gap_review", "due_date": "2026-11-20"}}
RESTORE = {
    "kind": "restore_service",
    "service": "PPC",
    "added_list_mrr": 1500,
    "discount_pct": 10,
    "discount_months": 3,
    "term_months": 12,
    "trial": True,
}


def request(offer: dict[str, Any] | None = None, **fields: Any) -> OutreachRequest:
    return OutreachRequest.model_validate({**GAP, **fields, "offer": offer or {}})


def draft(req: OutreachRequest, account=None, now: datetime = NOON, writer=None):
    return draft_outreach(
        account or outreach_account(),
        req,
        POLICY,
        now,
        writer=writer or TemplateOutreachWriter(get_settings().prompts_dir),
    )


class Scripted:
    """A writer that returns fixed text (stands in for a careless model)."""

    name = "scripted"

    def __init__(self, text: str) -> None:
        self.text = text

    def write(self, brief: Brief, check: Check) -> tuple[str, Fallback | None]:
        return self.text, None


def test_offer_states_every_commitment_in_plain_words() -> None:
    d = draft(request(RESTORE))
    assert d.allowed and not d.violations and d.drafter == "template"
    m = d.message
    assert m.startswith("Hi Dana,")
    assert "bring PPC back for $1,350.00 a month" in m and "from $4,600.00 to $5,950.00" in m
    assert "10% off the list price for 3 months" in m
    assert "The discount ends on February 21, 2027; from then on the bill is $6,100.00 a month" in m
    assert "12-month commitment" in m and "Billing stays monthly, with no prepayment." in m
    assert "free for 30 days, until December 21, 2026" in m and "nothing is billed unless you say yes" in m
    assert "I won't follow up on this" in m  # an easy no
    assert d.offer is not None and "a 12-month commitment" in d.offer.commitments


def test_value_leads_not_only_price_and_follows_the_persona() -> None:
    owner = draft(request(), outreach_account(contact_fields={"role": "Owner"})).message
    finance = draft(request(), outreach_account(contact_fields={"role": "CFO"})).message
    assert "growth for the business" in owner and "predictable costs" in finance
    assert owner.index("What you would get") < owner.index("If it isn't the right time")
    ent = draft(request(), outreach_account(segment="enterprise")).message
    assert "governance" in ent


def test_conversation_has_no_price_and_no_commitment_words() -> None:
    d = draft(request())
    assert d.allowed and "$" not in d.message and "commit" not in d.message.lower()


def test_loyalty_is_recognised_for_long_tenure_only() -> None:
    loyal = draft(request(), outreach_account(customer_since="2019-05-01"))
    assert loyal.loyalty_months == 90 and "more than 7 years" in loyal.message
    assert draft(request()).loyalty_months is None  # 14 months: below the 24-month policy line


def test_prepayment_and_term_stated_when_included() -> None:
    d = draft(
        request(
            {
                "kind": "add_service",
                "service": "Email",
                "added_list_mrr": 400,
                "term_months": 12,
                "prepayment_months": 3,
            },
            reason="new_offering",
        )
    )
    assert d.allowed, d.blocked_by
    assert "It is paid in advance: 3 months, $15,000.00, billed up front." in d.message


def test_ukrainian_template() -> None:
    acct = outreach_account(language="uk", contact_fields={"name": "Олена Коваль", "role": "Власниця"})
    d = draft(request(RESTORE), acct)
    assert d.allowed, d.blocked_by
    assert d.language == "uk" and d.message.startswith("Вітаю, Олена!")
    assert "зобов'язання на 12 місяців" in d.message and "без передоплати" in d.message
    assert "Знижка діє до 21 лютого 2027 року;" in d.message and "6\u00a0100,00\u00a0$" in d.message


def test_blocked_draft_shows_reasons_not_text() -> None:
    late = datetime(2026, 11, 21, 22, 0, tzinfo=UTC)
    d = draft(request(RESTORE), now=late)
    assert not d.allowed and d.message == ""
    assert d.blocked_by == [
        "quiet-hours: 22:00 on 2026-11-21 in UTC is inside the quiet hours 19:00-09:00 "
        "local: send from 2026-11-22 09:00 local"
    ]


@pytest.mark.parametrize(
    "offer, rule",
    [
        ({**RESTORE, "discount_pct": 25}, "discount-cap"),
        ({"kind": "upgrade", "added_list_mrr": 500, "prepayment_months": 12}, "offer-prepayment"),
        (
            {"kind": "upgrade", "added_list_mrr": 500, "term_months": 6, "prepayment_months": 12},
            "offer-prepayment",
        ),
    ],
)
def test_offer_breaking_policy_is_blocked(offer: dict[str, Any], rule: str) -> None:
    d = draft(request(offer))
    assert not d.allowed and any(b.startswith(rule) for b in d.blocked_by)


@pytest.mark.parametrize(
    "text, problem",
    [
        ("Hi Dana, bring PPC back for $1,500.00 a month when you prepay the year up front.",
         "[hidden_terms.prepayment]"),
        ("Hi Dana, bring PPC back for $1,500.00 a month with a simple multi-year commitment.",
         "[outreach.unoffered]"),
        ("Hi Dana, bring PPC back for $1,200.00 a month.", "money 1,200.00"),
        ("Hi Dana, bring PPC back, 10% off.", "[outreach.unoffered]"),
        ("Hello, bring PPC back for $1,500.00 a month.", "[outreach.recipient]"),
    ],
)
def test_guard_blocks_hidden_conditions(text: str, problem: str) -> None:
    d = draft(
        request({"kind": "restore_service", "service": "PPC", "added_list_mrr": 1500}), writer=Scripted(text)
    )
    assert not d.allowed and d.message == ""
    assert any(problem in v for v in d.violations), d.violations


def test_guard_requires_stated_commitments() -> None:
    d = draft(request(RESTORE), writer=Scripted("Hi Dana, bring PPC back for $1,350.00 a month. Thanks!"))
    joined = " | ".join(d.violations)
    assert "[disclosure.term]" in joined and "12 months" in joined
    assert "[disclosure.discount_end]" in joined
    assert "[disclosure.trial]" in joined


@pytest.mark.parametrize(
    "offer, field",
    [
        ({"kind": "add_seats", "added_list_mrr": 100}, "seats"),
        ({"kind": "restore_service", "added_list_mrr": 100}, "service"),
        ({"kind": "upgrade"}, "added_list_mrr"),
        ({"kind": "conversation", "term_months": 24}, "kind"),
        ({"kind": "upgrade", "added_list_mrr": 100, "discount_pct": 5}, "discount_months"),
    ],
)
def test_incoherent_offers_are_bad_input(offer: dict[str, Any], field: str) -> None:
    with pytest.raises(ValueError, match=field):
        OfferSpec.model_validate(offer)


def test_unknown_zone_is_bad_input_naming_the_field() -> None:
    with pytest.raises(CoachInputError, match="contact.timezone: unknown time zone"):
        draft(request(), outreach_account(contact_fields={"timezone": "Europe/Atlantis"}))
