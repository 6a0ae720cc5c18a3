"""Contact rules at their boundaries: the cap, the period, quiet hours across time zones, the
decision maker, the reason and opt-outs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from coach.errors import CoachInputError
from coach.outreach.contact_rules import contact_checks
from coach.outreach.models import ContactRecord, OutreachRequest
from tests.outreach.conftest import NOON, POLICY, outreach_account, utc

ASKED = OutreachRequest(reason="new_offering", note="Reviews module")


def checks(
    account=None,
    request: OutreachRequest = ASKED,
    now: datetime = NOON,
    log: list[ContactRecord] | None = None,
) -> dict[str, Any]:
    result, _, _ = contact_checks(account or outreach_account(), request, POLICY, now, log or [])
    return {c.id: c for c in result}


def offers(*days_ago: float, kind: str = "upsell") -> list[ContactRecord]:
    return [ContactRecord(at=NOON - timedelta(days=d), kind=kind) for d in days_ago]  # type: ignore[arg-type]


# --- the cap ---------------------------------------------------------------------------------


def test_cap_one_below_is_allowed() -> None:
    c = checks(log=offers(10))
    assert (
        c["contact-cap"].passed
        and "1 offer contact in the last 90 days; the cap is 2" in c["contact-cap"].reason
    )


def test_cap_reached_exactly_blocks() -> None:
    c = checks(log=offers(10, 40))
    assert not c["contact-cap"].passed
    assert "2 offer contacts in the last 90 days; the cap is 2: cap reached" in c["contact-cap"].reason
    assert "possible from 2027-01-10T12:00" in c["contact-cap"].reason  # the older one + 90 days


def test_a_contact_exactly_one_period_old_has_dropped_out() -> None:
    assert checks(log=offers(10, 90))["contact-cap"].passed
    assert not checks(log=offers(10, 89.99))["contact-cap"].passed


def test_reengagement_counts_service_contacts_do_not() -> None:
    assert not checks(log=offers(5, kind="reengagement") + offers(6))["contact-cap"].passed
    assert checks(log=offers(1, 2, 3, kind="service"))["contact-cap"].passed


def test_future_contacts_do_not_count() -> None:
    assert checks(log=offers(-1, -2))["contact-cap"].passed


def test_customer_request_is_not_capped() -> None:
    c = checks(request=OutreachRequest(reason="customer_request"), log=offers(1, 2, 3))
    assert c["contact-cap"].passed and "does not count" in c["contact-cap"].reason


def test_contact_log_is_read_from_the_account_file() -> None:
    log = [
        {"at": "2026-11-01T10:00:00+00:00", "kind": "upsell"},
        {"at": "2026-11-10T10:00:00Z", "kind": "upsell"},
    ]
    result, _, _ = contact_checks(outreach_account(contact_log=log), ASKED, POLICY, NOON)
    assert not {c.id: c for c in result}["contact-cap"].passed


def test_bad_contact_log_names_the_field() -> None:
    with pytest.raises(CoachInputError, match=r"contact_log\.0\.kind"):
        contact_checks(
            outreach_account(contact_log=[{"at": "2026-11-01T10:00:00Z", "kind": "spam"}]),
            ASKED,
            POLICY,
            NOON,
        )


# --- quiet hours (19:00 inclusive to 09:00 exclusive, contact's local time) --------------------


@pytest.mark.parametrize(
    "zone, utc_time, quiet",
    [
        ("America/Los_Angeles", "2026-11-21T17:00", False),  # 09:00 PST: the window has just ended
        ("America/Los_Angeles", "2026-11-21T16:59", True),  # 08:59
        ("America/Los_Angeles", "2026-11-22T02:59", False),  # 18:59
        ("America/Los_Angeles", "2026-11-22T03:00", True),  # 19:00
        ("Europe/Kyiv", "2026-11-21T07:00", False),  # 09:00 EET (+2)
        ("Europe/Kyiv", "2026-11-21T06:59", True),
        ("Europe/Kyiv", "2026-11-21T17:00", True),  # 19:00
        ("Asia/Tokyo", "2026-11-21T10:00", True),  # 19:00 JST (+9)
        ("Asia/Tokyo", "2026-11-21T09:59", False),
        ("Asia/Kathmandu", "2026-11-21T03:15", False),  # 09:00 at +5:45
        ("Asia/Kathmandu", "2026-11-21T03:14", True),
        ("Australia/Adelaide", "2026-11-21T08:30", True),  # 19:00 ACDT (+10:30)
        ("Australia/Adelaide", "2026-11-20T22:30", False),  # 09:00
    ],
)
def test_quiet_hour_edges_across_zones(zone: str, utc_time: str, quiet: bool) -> None:
    c = checks(outreach_account(contact_fields={"timezone": zone}), now=utc(utc_time))
    assert c["quiet-hours"].passed is not quiet, c["quiet-hours"].reason


def test_one_instant_is_quiet_in_one_zone_and_not_in_another() -> None:
    now = utc("2026-11-21T18:00")
    assert checks(outreach_account(contact_fields={"timezone": "America/New_York"}), now=now)[
        "quiet-hours"
    ].passed
    assert not checks(outreach_account(contact_fields={"timezone": "Europe/Kyiv"}), now=now)[
        "quiet-hours"
    ].passed


@pytest.mark.parametrize(
    "zone, utc_time, quiet",
    [
        ("America/New_York", "2026-03-07T13:30", True),  # 08:30 EST, the day before the clocks change
        ("America/New_York", "2026-03-08T13:30", False),  # 09:30 EDT: the same UTC time is now allowed
        ("America/New_York", "2026-03-08T12:59", True),  # 08:59 EDT
        ("America/New_York", "2026-03-08T13:00", False),  # 09:00 EDT
        ("Europe/Kyiv", "2026-03-29T06:00", False),  # 09:00 EEST (+3)
        ("Europe/Kyiv", "2026-03-29T05:59", True),
        ("Europe/Kyiv", "2026-10-25T06:59", True),  # 08:59 EET (+2) after the autumn change
    ],
)
def test_quiet_hours_follow_daylight_saving(zone: str, utc_time: str, quiet: bool) -> None:
    c = checks(outreach_account(contact_fields={"timezone": zone}), now=utc(utc_time))
    assert c["quiet-hours"].passed is not quiet, c["quiet-hours"].reason


def test_quiet_block_names_the_next_allowed_local_time() -> None:
    acct = outreach_account(contact_fields={"timezone": "Europe/Kyiv"})
    result, _, window = contact_checks(acct, ASKED, POLICY, utc("2026-11-21T20:30"), [])
    assert window.quiet and window.local_time == "2026-11-21T22:30+02:00"
    assert window.next_allowed == "2026-11-22T09:00+02:00"
    assert "send from 2026-11-22 09:00 local" in {c.id: c for c in result}["quiet-hours"].reason
    _, _, early = contact_checks(acct, ASKED, POLICY, utc("2026-11-21T05:00"), [])  # 07:00 local
    assert early.next_allowed == "2026-11-21T09:00+02:00"


def test_missing_zone_uses_the_policy_default_unknown_zone_is_bad_input() -> None:
    c = checks(outreach_account(contact_fields={"timezone": None}), now=utc("2026-11-21T19:00"))
    assert not c["quiet-hours"].passed and "no time zone on file" in c["quiet-hours"].reason
    with pytest.raises(CoachInputError) as exc:
        checks(outreach_account(contact_fields={"timezone": "Mars/Olympus"}))
    assert exc.value.field == "contact.timezone" and "unknown time zone 'Mars/Olympus'" in str(exc.value)


def test_naive_now_is_refused() -> None:
    with pytest.raises(CoachInputError, match="now: needs a UTC offset"):
        checks(now=datetime(2026, 11, 21, 12, 0))


# --- the decision maker ---------------------------------------------------------------------


def test_flagged_decision_maker_is_chosen_over_a_technical_primary() -> None:
    acct = outreach_account(
        contact_fields={"name": "Sam Ito", "role": "IT Administrator", "decision_maker": None},
        contacts=[
            {"name": "Maria Gomez", "role": "Owner", "decision_maker": True, "timezone": "America/Chicago"}
        ],
    )
    result, recipient, window = contact_checks(acct, ASKED, POLICY, NOON, [])
    assert recipient.name == "Maria Gomez" and window.timezone == "America/Chicago"
    assert {c.id: c for c in result}["decision-maker"].passed


@pytest.mark.parametrize(
    "role, flag",
    [("Web Developer", None), ("Support Engineer", None), ("Practice Manager", False), ("Розробник", None)],
)
def test_technical_or_non_buying_contact_is_blocked(role: str, flag: bool | None) -> None:
    c = checks(outreach_account(contact_fields={"role": role, "decision_maker": flag}))
    assert not c["decision-maker"].passed and "address the decision maker" in c["decision-maker"].reason


def test_unflagged_business_role_passes_with_a_reminder() -> None:
    c = checks(outreach_account(contact_fields={"decision_maker": None}))
    assert c["decision-maker"].passed and "confirm purchasing authority" in c["decision-maker"].reason


# --- the reason -------------------------------------------------------------------------------


def test_only_the_allowed_reasons() -> None:
    c = checks(request=OutreachRequest(reason="quarter_end_quota"))
    assert not c["contact-reason"].passed and "not a reason to contact" in c["contact-reason"].reason
    assert not checks(request=OutreachRequest(reason="eligibility_change"))["contact-reason"].passed
    assert checks(request=OutreachRequest(reason="eligibility_change", note="seats fully used"))[
        "contact-reason"
    ].passed


def test_trigger_must_be_due_in_the_contacts_own_date() -> None:
    req = OutreachRequest(reason="trigger_due", trigger={"kind": "budget_cycle", "due_date": "2026-11-22"})
    tokyo = outreach_account(contact_fields={"timezone": "Asia/Tokyo"})
    la = outreach_account(contact_fields={"timezone": "America/Los_Angeles"})
    now = utc("2026-11-21T23:30")  # already the 22nd in Tokyo, still the 21st in Los Angeles
    assert checks(tokyo, request=req, now=now)["contact-reason"].passed
    c = checks(la, request=req, now=now)["contact-reason"]
    assert not c.passed and "due on 2026-11-22, not yet" in c.reason
    assert not checks(request=OutreachRequest(reason="trigger_due"))["contact-reason"].passed


# --- opting out -------------------------------------------------------------------------------


def test_opt_out_blocks_offers_until_an_opt_in() -> None:
    out = [ContactRecord(at=NOON - timedelta(days=200), kind="opt_out")]
    assert not checks(log=out)["opted-out"].passed
    back = out + [ContactRecord(at=NOON - timedelta(days=20), kind="opt_in")]
    assert checks(log=back)["opted-out"].passed
    assert checks(request=OutreachRequest(reason="customer_request"), log=out)["opted-out"].passed


def test_all_rules_pass_for_a_well_timed_reasoned_offer() -> None:
    assert all(c.passed for c in checks(now=datetime(2026, 11, 21, 14, 0, tzinfo=UTC)).values())
