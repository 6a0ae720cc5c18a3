"""Ethical contact rules as pure checks: reason, cap, opt-out, quiet hours, decision maker.

Each check is a `RuleCheck` whose reason carries the numbers, like the policy rules. `now` is an
aware datetime passed in; local times come from the recipient's IANA time zone.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from pydantic import TypeAdapter, ValidationError

from coach.accounts import Account, Contact
from coach.accounts.loader import first_error_line
from coach.errors import CoachInputError
from coach.outreach.clock import hhmm, is_quiet, next_allowed, require_aware, resolve_zone
from coach.outreach.models import OFFER_KINDS, ContactRecord, OutreachRequest, Recipient, SendWindow
from coach.policy.models import RuleCheck
from coach.policy.schema import Policy

# Roles that run the product day to day but do not buy it (the hosting-company lesson:
# a support chat about a PHP upgrade is not the person with the company card).
_TECHNICAL = re.compile(
    r"\b(engineer|developer|devops|sysadmin|system administrator|it (?:admin|administrator|support|"
    r"specialist|technician)|technical|technician|webmaster|support agent|programmer)\b"
    r"|розробник|інженер|технічн|адміністратор систем|сисадмін|програміст",
    re.IGNORECASE,
)
_LOG = TypeAdapter(list[ContactRecord])
_CONTACTS = TypeAdapter(list[Contact])


def is_technical(role: str) -> bool:
    return bool(_TECHNICAL.search(role or ""))


def contact_log(account: Account) -> list[ContactRecord]:
    """The account file's `contact_log` (past contacts), oldest first."""
    raw = (account.model_extra or {}).get("contact_log") or []
    try:
        records = _LOG.validate_python(raw)
    except ValidationError as exc:
        line = first_error_line(exc, prefix="contact_log.")
        raise CoachInputError(line, field=line.split(":", 1)[0]) from None
    return sorted(records, key=lambda r: r.at)


def contacts_of(account: Account) -> list[Contact]:
    """The primary contact, then any others listed under the account file's `contacts`."""
    raw = (account.model_extra or {}).get("contacts") or []
    try:
        others = _CONTACTS.validate_python(raw)
    except ValidationError as exc:
        line = first_error_line(exc, prefix="contacts.")
        raise CoachInputError(line, field=line.split(":", 1)[0]) from None
    return [account.contact, *others]


def _label(c: Contact) -> str:
    return f"{c.name or 'the contact'}" + (f" ({c.role})" if c.role else "")


def decision_maker(account: Account, policy: Policy) -> tuple[Contact, RuleCheck]:
    """Who the offer goes to: a contact flagged as decision maker, else the primary contact if plausible."""
    rid = "decision-maker"
    people = contacts_of(account)
    flagged = [c for c in people if c.decision_maker]
    if flagged:
        return flagged[0], RuleCheck(id=rid, passed=True,
                                     reason=f"addressed to {_label(flagged[0])}, the decision maker on file")
    primary = account.contact
    if not policy.contact.require_decision_maker:
        return primary, RuleCheck(id=rid, passed=True, reason="policy does not require the decision maker")
    if primary.decision_maker is False or is_technical(primary.role):
        why = "is not the decision maker" if primary.decision_maker is False else \
            "is a technical contact without purchasing authority"
        return primary, RuleCheck(id=rid, passed=False,
                                  reason=f"{_label(primary)} {why}: address the decision maker "
                                         "(add them under contacts with decision_maker: true)")
    return primary, RuleCheck(id=rid, passed=True,
                              reason=f"{_label(primary)} is not flagged either way and the role is not "
                                     "technical: confirm purchasing authority before sending")


def check_reason(request: OutreachRequest, policy: Policy, today_local: datetime) -> RuleCheck:
    rid, reason = "contact-reason", request.reason
    allowed = policy.contact.allowed_reasons
    if reason not in allowed:
        return RuleCheck(id=rid, passed=False,
                         reason=f"'{reason}' is not a reason to contact (allowed: {', '.join(allowed)})")
    if reason == "trigger_due":
        t = request.trigger
        if t is None:
            return RuleCheck(id=rid, passed=False, reason="trigger_due needs the trigger (kind and due date)")
        if t.due_date > today_local.date():
            return RuleCheck(id=rid, passed=False,
                             reason=f"the {t.kind} trigger is due on {t.due_date}, not yet "
                                    f"(today is {today_local.date()} for the contact)")
        return RuleCheck(id=rid, passed=True, reason=f"the {t.kind} trigger was due on {t.due_date}")
    if reason in ("eligibility_change", "new_offering"):
        what = request.note or (request.offer.service if reason == "new_offering" else None)
        if not what:
            return RuleCheck(id=rid, passed=False,
                             reason=f"{reason} needs the change or the offering named (note)")
        return RuleCheck(id=rid, passed=True, reason=f"{reason.replace('_', ' ')}: {what}")
    return RuleCheck(id=rid, passed=True, reason="the customer asked to be contacted")


def offer_contacts(log: list[ContactRecord], now: datetime, period_days: int) -> list[ContactRecord]:
    """Offers made in the `period_days` before `now` (a contact exactly that old has dropped out)."""
    start = now - timedelta(days=period_days)
    return [r for r in log if r.kind in OFFER_KINDS and start < r.at <= now]


def check_cap(log: list[ContactRecord], request: OutreachRequest, policy: Policy,
              now: datetime) -> RuleCheck:
    rid, cap, days = "contact-cap", policy.contact.max_upsell_contacts, policy.contact.period_days
    recent = offer_contacts(log, now, days)
    head = f"{len(recent)} offer contact{'s' * (len(recent) != 1)} in the last {days} days; the cap is {cap}"
    if request.reason == "customer_request":
        return RuleCheck(id=rid, passed=True, reason=f"{head}; the customer asked, so it does not count")
    if len(recent) >= cap:
        when = (f"from {(recent[-cap].at + timedelta(days=days)).isoformat(timespec='minutes')}" if cap
                else "never (the cap is 0)")
        return RuleCheck(id=rid, passed=False,
                         reason=f"{head}: cap reached; the next offer is possible {when}")
    return RuleCheck(id=rid, passed=True, reason=head)


def check_opt_out(log: list[ContactRecord], request: OutreachRequest) -> RuleCheck:
    rid = "opted-out"
    prefs = [r for r in log if r.kind in ("opt_out", "opt_in")]
    if not prefs or prefs[-1].kind == "opt_in":
        return RuleCheck(id=rid, passed=True, reason="the customer has not asked to stop offers")
    since = prefs[-1].at.date().isoformat()
    if request.reason == "customer_request":
        return RuleCheck(id=rid, passed=True,
                         reason=f"asked for no offers on {since}, but is now asking to be contacted")
    return RuleCheck(id=rid, passed=False, reason=f"the customer asked for no offers on {since}")


def check_quiet_hours(recipient: Contact, policy: Policy, now: datetime) -> tuple[RuleCheck, SendWindow]:
    zone_name = recipient.timezone or policy.contact.default_timezone
    zone = resolve_zone(zone_name)
    q = policy.contact.quiet_hours
    local = require_aware(now).astimezone(zone)
    quiet = is_quiet(local.time(), q)
    nxt = next_allowed(now, zone, q)
    window = SendWindow(local_time=local.isoformat(timespec="minutes"), timezone=zone_name, quiet=quiet,
                        next_allowed=nxt.isoformat(timespec="minutes"))
    where = f"{local:%H:%M} on {local.date()} in {zone_name}" + (
        "" if recipient.timezone else " (no time zone on file: policy default)")
    span = f"quiet hours {hhmm(q.start)}-{hhmm(q.end)} local"
    if quiet:
        return RuleCheck(id="quiet-hours", passed=False,
                         reason=f"{where} is inside the {span}: send from "
                                f"{nxt:%Y-%m-%d %H:%M} local"), window
    return RuleCheck(id="quiet-hours", passed=True, reason=f"{where} is outside the {span}"), window


def contact_checks(account: Account, request: OutreachRequest, policy: Policy, now: datetime,
                   log: list[ContactRecord] | None = None) -> tuple[list[RuleCheck], Recipient, SendWindow]:
    """Every contact rule for one outreach, in a fixed order."""
    require_aware(now)
    records = contact_log(account) if log is None else sorted(log, key=lambda r: r.at)
    person, dm = decision_maker(account, policy)
    quiet, window = check_quiet_hours(person, policy, now)
    local_now = datetime.fromisoformat(window.local_time)
    checks = [check_reason(request, policy, local_now), check_cap(records, request, policy, now),
              check_opt_out(records, request), quiet, dm]
    recipient = Recipient(name=person.name, role=person.role, decision_maker=person.decision_maker,
                          timezone=window.timezone, timezone_from_policy=not person.timezone)
    return checks, recipient, window
