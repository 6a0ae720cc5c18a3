import pytest

from coach.drafting import guard
from coach.drafting.models import CounterProposal


@pytest.mark.parametrize("text", [
    "Unfortunately we can't change the package this early.",
    "You are not eligible for a reduction yet.",
    "Per the contract you are bound by a 24-month term.",
    "На жаль, ми не можемо змінити пакет.",
    "However, the agreement requires notice.",
])
def test_pushback_in_acknowledgment_fails(text):
    assert guard.check_acknowledgment(text)


def test_plain_acknowledgment_passes():
    assert guard.check_acknowledgment("Thank you for telling me. I've noted your request.") == []


def _facts():
    f = guard.Facts(hard_cap_pct=20)
    f.allow(4600.0, 4000.0, 12.5, 24, "2027-03-01")
    return f


def test_numbers_must_match_the_proposal():
    ok = "Your MRR moves from $4,600.00 to $4,000.00, 12.5% off list, for 24 months from 2027-03-01."
    assert guard.check_numbers("counter_proposal", ok, _facts()) == []
    bad = "We can do 25% off and $3,500.00 a month starting 2027-04-01."
    problems = guard.check_numbers("counter_proposal", bad, _facts())
    assert any("25" in p for p in problems)
    assert any("3,500.00" in p for p in problems)
    assert any("2027-04-01" in p for p in problems)
    assert any("above the 20% discount cap" in p for p in problems)


def _counter(**kw):
    base = dict(kind="right_size_multi_year", discount_pct=12.5, new_mrr=4000.0,
                term_extension_months=24, commitment_months=34)
    return CounterProposal(**{**base, **kw})


def test_commitment_must_be_stated():
    c = _counter()
    assert guard.check_disclosures("We'd ask you to commit for 34 months.", c, pause=False) == []
    assert guard.check_disclosures("New price is $4,000.00.", c, pause=False)


def test_hidden_prepayment_fails():
    c = _counter()
    text = "Commit for 34 months and pay upfront for three years."
    assert any("prepayment" in p for p in guard.check_disclosures(text, c, pause=False))
    text = "Commit for 34 months. There is no prepayment."
    assert guard.check_disclosures(text, c, pause=False) == []


def test_pause_needs_resume_date():
    c = _counter(kind="pause_plan", term_extension_months=3, pause_months=3, resume_date="2027-03-01")
    assert guard.check_disclosures("Pause for 3 months; billing resumes 2027-03-01.", c, pause=True) == []
    assert guard.check_disclosures("Pause for 3 months.", c, pause=True)


def test_counter_above_cap_fails():
    assert guard.check_counter(_counter(discount_pct=20.5), 20)
    assert guard.check_counter(_counter(discount_pct=20.0), 20) == []
