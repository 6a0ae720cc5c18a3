"""Readable terminal output for a draft (the JSON form is `--json`)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from coach.accounts import Account
from coach.drafting.models import Draft
from coach.drafting.templates import plain_money


def render_draft(d: Draft, account: Account, console: Console | None = None) -> None:
    con = console or Console()

    def cash(x: float) -> str:
        return plain_money(x, account.currency)

    req = d.request
    size = ", ".join(x for x in (
        f"{req.reduction_pct:g}%" if req.reduction_pct is not None else "",
        f"{req.seats} seats" if req.seats else "", " + ".join(req.modules)) if x)
    head = Text.assemble(
        (f"{account.name}", "bold"), f"  ·  request: {req.kind}" + (f" ({size})" if size else ""),
        f"  ·  root cause: {d.root_cause}", f"  ·  hardship: {d.hardship}" if d.hardship else "",
        f"  ·  play: {d.play}" if d.play else "",
    )
    con.print(head)

    if d.eligibility.rules:  # none for a message that is no downsell request
        rules = Table(show_header=False, box=None, padding=(0, 1))
        for r in d.eligibility.rules:
            rules.add_row(Text("✔", style="green") if r.passed else Text("✘", style="red"), r.id,
                          Text(r.reason, style="dim"))
        con.print(Panel(rules, title="Rule checks", title_align="left"))

    con.print(Panel(d.acknowledgment or Text("(withheld: failed the guard)", style="red"),
                    title="1. Acknowledge now", title_align="left", border_style="green"))
    if d.diagnosis_questions:
        con.print(Panel("\n".join(f"• {q}" for q in d.diagnosis_questions),
                        title="2. Diagnosis questions", title_align="left", border_style="cyan"))
    c = d.counter_proposal
    if c is None:
        if d.escalations:
            con.print(Panel("No standard counter: loop in " + ", ".join(d.escalations), title="3. Counter-proposal",
                            title_align="left", border_style="yellow"))
        elif d.eligibility.rules:  # a downsell with nothing to counter (the notes say why)
            con.print(Panel("No counter-proposal: see the notes below", title="3. Counter-proposal",
                            title_align="left", border_style="yellow"))
    else:
        nums = Table(show_header=False, box=None, padding=(0, 1))
        nums.add_row("new MRR", f"{cash(c.new_mrr)}  (now {cash(account.mrr)})")
        nums.add_row("discount off list", f"{c.discount_pct:g}%" + (f"  · needs {c.needs_approval}"
                                                                     if c.needs_approval else ""))
        if c.term_extension_months:
            nums.add_row("term extension", f"{c.term_extension_months} months")
        if c.pause_months:
            nums.add_row("pause", f"{c.pause_months} months, billing resumes {c.resume_date}")
        if c.contract_value is not None:
            nums.add_row("contract value", f"{cash(c.contract_value)} over {c.commitment_months} committed months")
        if c.requested_contract_value is not None and c.requested_mrr is not None:
            nums.add_row("customer's request", f"{cash(c.requested_mrr)}/month, "
                         f"{cash(c.requested_contract_value)} over the remaining term")
        body = Group(nums, Text(""), Text(c.message or "(withheld: failed the guard)"))
        con.print(Panel(body, title=f"3. Counter-proposal · {c.kind}", title_align="left",
                        border_style="magenta"))
    side = Table(show_header=False, box=None, padding=(0, 1))
    side.add_row("loop in", ", ".join(d.escalations) or "-")
    for t in d.reengagement_triggers:
        side.add_row("trigger", f"{t.due_date}  {t.kind}: {t.description}")
    for n in d.notes:
        side.add_row("note", n)
    side.add_row("sources", "; ".join(f"{c.source} › {c.section}" for c in d.citations) or "-")
    if d.fallbacks:
        side.add_row("fallbacks", "; ".join(f"{f.part}: {f.reason}" for f in d.fallbacks))
    if d.violations:
        side.add_row(Text("violations", style="red"), "; ".join(d.violations))
    con.print(Panel(side, title="Next steps", title_align="left"))
