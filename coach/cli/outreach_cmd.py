"""`coach outreach draft|accept|firm-no`: re-engagement and upsell drafts under the contact rules,
the gracious acceptance of a firm "no", and the check that decides when to stop proposing saves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from coach.cli.errors import handles_errors

outreach_app = typer.Typer(help="Re-engagement and upsell outreach; respecting a firm no.",
                           no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(outreach_app, name="outreach")


def _now(value: str | None) -> Any:
    """`--now` with a UTC offset (default: the real time, read here and never inside the rules)."""
    from datetime import UTC, datetime

    from coach.errors import CoachInputError
    from coach.outreach.clock import require_aware

    if value is None:
        return datetime.now(UTC)
    try:
        return require_aware(datetime.fromisoformat(value.replace("Z", "+00:00")), field="--now")
    except ValueError:
        raise CoachInputError(f"--now: '{value}' is not a date-time like 2026-11-21T14:00:00+00:00") from None


def _policy() -> Any:
    from coach.config import get_settings
    from coach.policy import policy_for

    return policy_for(get_settings())


def _input(model: Any, data: dict[str, Any], prefix: str = "") -> Any:
    from pydantic import ValidationError

    from coach.accounts.loader import first_error_line
    from coach.errors import CoachInputError

    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise CoachInputError(first_error_line(exc, prefix=prefix)) from None


@outreach_app.command("draft")
@handles_errors
def draft(
    account: Path = typer.Option(..., "--account", help="Account file; its contact_log counts."),
    reason: str = typer.Option(..., "--reason", help="eligibility_change | new_offering | trigger_due | "
                                                     "customer_request"),
    trigger: str | None = typer.Option(None, "--trigger", help="Trigger kind, with --reason trigger_due."),
    trigger_due: str | None = typer.Option(None, "--trigger-due", help="Its due date (YYYY-MM-DD; default: today)."),
    note: str | None = typer.Option(None, "--note", help="What changed, or what is new (for the record)."),
    now: str | None = typer.Option(None, "--now", help="Send time with offset (default: now)."),
    language: str | None = typer.Option(None, "--language", help="en | uk (default: the account's)."),
    offer: str = typer.Option("conversation", "--offer", help="conversation | add_seats | add_service | "
                                                             "restore_service | upgrade"),
    service: str | None = typer.Option(None, "--service", help="Service or package offered."),
    seats: int | None = typer.Option(None, "--seats", help="Seats added (add_seats)."),
    price: float | None = typer.Option(None, "--price", help="List price per month of what is added."),
    discount: float | None = typer.Option(None, "--discount", help="Percent off the added list price."),
    discount_months: int | None = typer.Option(None, "--discount-months", help="Months it lasts."),
    term: int | None = typer.Option(None, "--term", help="Commitment in months (default: none)."),
    prepay: int | None = typer.Option(None, "--prepay", help="Months paid in advance (default: monthly)."),
    trial: bool = typer.Option(False, "--trial", help="Offer the policy's free trial."),
    as_json: bool = typer.Option(False, "--json", help="Print the draft JSON."),
) -> None:
    """Draft a re-engagement or upsell message, or say which contact rule forbids it."""
    from coach.accounts import load_account
    from coach.config import get_settings
    from coach.errors import CoachInputError
    from coach.outreach import draft_outreach
    from coach.outreach.models import OutreachRequest

    when = _now(now)
    acct = load_account(account)
    data: dict[str, Any] = {"reason": reason, "note": note, "language": language, "offer": {
        k: v for k, v in {"kind": offer, "service": service, "seats": seats, "added_list_mrr": price,
                          "discount_pct": discount, "discount_months": discount_months, "term_months": term,
                          "prepayment_months": prepay, "trial": trial}.items() if v is not None}}
    if trigger or trigger_due:
        # A trigger named without a date is taken as due now (that is why the CSM is drafting).
        data["trigger"] = {"kind": trigger or "", "due_date": trigger_due or when.date().isoformat()}
    policy = _policy()
    if reason not in policy.contact.allowed_reasons:  # a typo is bad input, not a blocked contact
        raise CoachInputError(f"--reason: {reason!r} is not a reason to contact "
                              f"(one of: {', '.join(policy.contact.allowed_reasons)})")
    result = draft_outreach(acct, _input(OutreachRequest, data), policy, when, settings=get_settings())
    if as_json:
        from coach.cli.common import print_json

        print_json(result.model_dump(mode="json"))
        return
    typer.echo("\n".join(f"{'✔' if c.passed else '✘'} {c.id}: {c.reason}" for c in result.checks))
    if not result.allowed:
        typer.echo("\nNot shown: " + "; ".join(result.blocked_by))
        return
    if result.offer and result.offer.commitments:
        typer.echo("\nCommitments: " + "; ".join(result.offer.commitments))
    typer.echo(f"\nTo {result.recipient.name if result.recipient else '-'} "
               f"({result.send_window.local_time if result.send_window else '-'}):\n")
    typer.echo(result.message)


@outreach_app.command("accept")
@handles_errors
def accept(
    account: Path = typer.Option(..., "--account", help="Account file (JSON or YAML)."),
    outcome: str = typer.Option(..., "--outcome", help="cancel | reduce | no_offers"),
    today: str | None = typer.Option(None, "--today", help="YYYY-MM-DD (default: the real date)."),
    services_removed: bool = typer.Option(False, "--services-removed", help="Add a performance-gap review."),
    language: str | None = typer.Option(None, "--language", help="en | uk (default: the account's)."),
    as_json: bool = typer.Option(False, "--json", help="Print the acceptance JSON."),
) -> None:
    """Draft the gracious acceptance of the customer's decision, with the re-engagement plan."""
    from coach.accounts import load_account
    from coach.cli.common import parse_today
    from coach.config import get_settings
    from coach.errors import CoachInputError
    from coach.outreach import accept_gracefully

    if outcome not in ("cancel", "reduce", "no_offers"):
        raise CoachInputError(f"--outcome: expected cancel, reduce or no_offers, got {outcome!r}")
    day = parse_today(today)
    result = accept_gracefully(load_account(account, today=day), outcome, _policy(), day,  # type: ignore[arg-type]
                               language=language, services_removed=services_removed, settings=get_settings())
    if as_json:
        from coach.cli.common import print_json

        print_json(result.model_dump(mode="json"))
        return
    if not result.message:
        typer.echo("Not shown: " + "; ".join(result.violations))
        return
    typer.echo(result.message)
    typer.echo("\nRe-engagement plan: " + "; ".join(f"{t.due_date} {t.kind}" for t in result.triggers))


@outreach_app.command("firm-no")
@handles_errors
def firm_no_cmd(
    message: str = typer.Option(..., "--message", "-m", help="The customer's latest message."),
    history: list[str] = typer.Option([], "--history", help="Earlier customer messages, oldest first "
                                                            "(repeat the option)."),
    counters: int = typer.Option(0, "--counters", min=0, max=100, help="Counters (save attempts) made."),
    as_json: bool = typer.Option(False, "--json", help="Print the decision JSON."),
) -> None:
    """Should the coach stop proposing saves? (a firm no, no offers wanted, or the attempts used up)"""
    from coach.errors import CoachInputError
    from coach.outreach import firm_no

    if not message.strip():
        raise CoachInputError("--message: the customer's message is empty")
    decision = firm_no(list(history), message, counters, _policy())
    if as_json:
        from coach.cli.common import print_json

        print_json(decision.model_dump(mode="json"))
        return
    verdict = (f"stop proposing saves ({decision.reason}; outcome: {decision.outcome})"
               if decision.stop_saves else "keep going")
    typer.echo(f"{verdict}: {decision.explanation}")
