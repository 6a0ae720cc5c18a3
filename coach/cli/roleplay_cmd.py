"""`coach roleplay [--persona ID]`: practise a downsell conversation against a simulated customer.

Turn by turn in the terminal; `/hint` toggles live hints, `/end` (or Ctrl-D) ends the session and
prints the scorecard. Sessions are stored, so `--history NAME` and `--review ID` show past work.
"""

from __future__ import annotations

import getpass
import sys
from typing import Any

import typer

from coach.cli.errors import handles_errors

HELP = ("Type what you would say to the customer. Commands: /hint toggles live hints, /next shows the "
        "next step once, /end ends the session and shows your scorecard, /help shows this.")


def register(app: typer.Typer) -> None:
    app.command("roleplay")(roleplay)


def _default_trainee() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user database entry (containers): any name will do
        return "trainee"


@handles_errors
def roleplay(
    persona: str | None = typer.Option(None, "--persona", "-p", help="Persona id (see --list)."),
    trainee: str | None = typer.Option(None, "--trainee", "-t", help="Your name, for the trainer's review."),
    engine: str = typer.Option("auto", "--engine", help="Who plays the customer: auto (the model when one is "
                               "configured), scripted (offline), llm."),
    hints: bool = typer.Option(False, "--hints/--no-hints", help="Start with live hints on (/hint toggles)."),
    list_: bool = typer.Option(False, "--list", help="List the personas and exit."),
    history: str | None = typer.Option(None, "--history", help="List a trainee's past sessions and exit."),
    review: str | None = typer.Option(None, "--review",
                                      help="Show a stored session's transcript and scorecard."),
    as_json: bool = typer.Option(False, "--json", help="With --list, --history, --review or --agreement: "
                                 "print JSON."),
    agreement: str | None = typer.Option(None, "--agreement", metavar="FILE",
                                         help="Replay judged transcripts (YAML) through the scorer and report "
                                         "agreement with the trainers' verdicts; a bare name is looked up in "
                                         "<evals>/heldout/roleplay/."),
    details: bool = typer.Option(False, "--details", help="With --agreement: list every disagreement (dev "
                                 "sets only)."),
    rules_only: bool = typer.Option(False, "--rules-only", help="With --agreement: the rules' reading alone, "
                                    "without the trainers' calibration."),
    calibrate: bool = typer.Option(False, "--calibrate", help="Retrain the scorecard calibration from the judged "
                                   "dev transcripts, print its leave-one-file-out agreement, and save it in "
                                   "<knowledge>/roleplay/model/."),
    report: str | None = typer.Option(None, "--report", metavar="TRAINEE",
                                      help="Write a trainee's progress report (self-contained HTML with a plot "
                                      "of points per component over sessions)."),
    out: str | None = typer.Option(None, "--out", help="With --report: the HTML file to write "
                                   "(default: roleplay-report-TRAINEE.html)."),
    cohort: bool = typer.Option(False, "--cohort", help="Every trainee's sessions, scores and failure modes."),
    csv: bool = typer.Option(False, "--csv", help="With --cohort or --history: every ended session as CSV."),
    check: str | None = typer.Option(None, "--check", metavar="FILE",
                                     help="Validate a persona file; errors name the file, line and field."),
) -> None:
    """Practise a downsell conversation against a simulated customer and get a scorecard."""
    from coach.config import get_settings
    from coach.roleplay.personas import load_personas
    from coach.roleplay.session import Trainer
    from coach.store import Database

    settings = get_settings()
    if check is not None:
        return _check(check)
    if agreement is not None:
        return _agreement(settings, agreement, details, as_json, rules_only)
    if calibrate:
        return _calibrate(settings)
    if list_:
        return _list(load_personas(settings.knowledge_dir / "personas"), as_json)
    trainer = Trainer(settings)
    db = Database(settings.resolved_database_url)
    try:
        if report is not None or cohort or (csv and history is not None):
            return _trainers(trainer, db, report, out, cohort, csv, history, as_json)
        if history is not None:
            return _history(trainer, db, history, as_json)
        if review is not None:
            return _review(trainer, db, review, as_json)
        if persona is None:
            persona = _choose(load_personas(settings.knowledge_dir / "personas"))
        _session(trainer, db, persona, trainee or _default_trainee(), engine, hints)
    finally:
        db.dispose()


def _list(personas: dict[str, Any], as_json: bool) -> None:
    from coach.cli.common import print_json

    rows = [p.summary() for p in sorted(personas.values(), key=lambda p: p.id)]
    if as_json:
        return print_json(rows)
    for r in rows:
        print(f"{r['id']:28} {r['language']}  {r['difficulty']:8} {r['title']}")


def _trainers(trainer: Any, db: Any, report: str | None, out: str | None, cohort: bool, csv: bool,
              history: str | None, as_json: bool) -> None:
    from pathlib import Path

    from coach.cli.common import print_json
    from coach.roleplay import progress

    with db.session() as s:
        points = trainer.progress(s, report or history)
    if csv:
        sys.stdout.write(progress.csv_text(points))
        return None
    if report is not None:
        target = Path(out or f"roleplay-report-{''.join(c if c.isalnum() else '-' for c in report)}.html")
        target.write_text(progress.report_html(report, points), encoding="utf-8")
        print(f"{target}: {len(points)} ended session(s) for {report!r}")
        return None
    rows = progress.cohort(points)
    if as_json:
        return print_json([r.model_dump(mode="json") for r in rows])
    if not rows:
        print("no ended sessions yet")
    print(f"{'trainee':20} {'sessions':>8} {'last':>5} {'best':>5} {'avg':>6}  {'last level':15} "
          f"{'ack':>5} {'diag':>5} {'ctr':>5} {'trig':>5}  failures")
    for r in rows:
        c = r.component_average
        fails = " ".join(f"{m}x{n}" for m, n in r.failures.items() if n) or "-"
        print(f"{r.trainee[:20]:20} {r.sessions:>8} {r.last_score:>5} {r.best_score:>5} {r.average:>6.1f}  "
              f"{r.last_level:15} {c['acknowledgment']:>5.1f} {c['diagnosis']:>5.1f} {c['counter']:>5.1f} "
              f"{c['triggers']:>5.1f}  {fails}")
    return None


def _check(path: str) -> None:
    from pathlib import Path

    from coach.roleplay.persona_check import check_file

    persona = check_file(Path(path))
    print(f"{path}: ok ({persona.id}, {persona.language}, {len(persona.facts)} facts, root cause "
          f"{persona.root_cause.replace('_', ' ')})")


def _calibrate(settings: Any) -> None:
    from coach.knowledge.embeddings import get_embedder
    from coach.roleplay.calibration import agreement_of, cross_validate, embed_parts, save, train, training_rows

    folder = settings.evals_dir / "heldout" / "roleplay"
    rows = training_rows(folder)
    embedder = get_embedder(settings)
    vectors = [embed_parts(embedder, r.trainee) for r in rows]
    files = sorted({r.file for r in rows})
    print(f"{len(rows)} judged sessions from {len(files)} dev files, each with the rules' first reading")
    first = {f"{r.file}:{r.item}": r.rules for r in rows}
    left_out = cross_validate(rows, vectors)
    print("  file                          rules' first reading   calibrated, file left out   (components / flags)")
    for name in [*files, None]:
        part = [r for r in rows if name in (None, r.file)]
        a, b = agreement_of(part, first), agreement_of(part, left_out)
        print(f"  {name or 'all':28}  {a[0]:6.1%} / {a[1]:6.1%}        {b[0]:6.1%} / {b[1]:6.1%}")
    target = settings.knowledge_dir / "roleplay" / "model"
    save(train(rows, vectors, embedder.name), target)
    print(f"saved {target}")


def _agreement(settings: Any, name: str, details: bool, as_json: bool, raw: bool = False) -> None:
    from pathlib import Path

    from coach.cli.common import print_json
    from coach.drafting.engine import policy_for
    from coach.knowledge.embeddings import get_embedder
    from coach.roleplay.agreement import measure, render
    from coach.roleplay.calibration import load_calibration, model_dir
    from coach.roleplay.own_words import own_words

    path = Path(name)
    if not path.exists() and not path.is_absolute() and len(path.parts) == 1:
        path = settings.evals_dir / "heldout" / "roleplay" / path.name
    if details and path.name.startswith("transcripts_heldout"):
        from coach.errors import CoachInputError

        raise CoachInputError(f"{path.name}: a held-out file gives aggregate figures only (no --details)")
    embedder = get_embedder(settings)
    use = not raw and settings.roleplay_calibration
    cal = load_calibration(model_dir(settings.knowledge_dir), embedder) if use else None
    result = measure(path, policy_for(settings), embedder, personas_dir=settings.knowledge_dir / "personas",
                     own=own_words(settings.prompts_dir), calibration=cal)
    if as_json:
        return print_json(result.model_dump(mode="json", exclude=set() if details else {"disagreements"}))
    print(render(result, details=details))


def _choose(personas: dict[str, Any]) -> str:
    ids = sorted(personas)
    for i, pid in enumerate(ids, 1):
        print(f"{i:>3}. {pid:28} {personas[pid].title}")
    answer = input("Persona (number or id): ").strip()
    if answer.isdigit() and 1 <= int(answer) <= len(ids):
        return ids[int(answer) - 1]
    return answer


def _history(trainer: Any, db: Any, trainee: str, as_json: bool) -> None:
    from coach.cli.common import print_json

    with db.session() as s:
        rows = trainer.history(s, trainee=trainee)
        data = [{"id": r.id, "persona_id": r.persona_id, "status": r.status, "score": r.score,
                 "level": r.level, "created_at": r.created_at.isoformat()} for r in rows]
    if as_json:
        return print_json(data)
    if not data:
        print(f"no sessions for {trainee!r}")
    for d in data:
        score = "-" if d["score"] is None else f"{d['score']:>3}"
        print(f"{d['id']}  {d['created_at'][:16]}  {d['persona_id']:28} {d['status']:7} {score}  "
              f"{d['level'] or ''}")


def _review(trainer: Any, db: Any, session_id: str, as_json: bool) -> None:
    from coach.cli.common import print_json
    from coach.roleplay.report import render_text

    with db.session() as s:
        v = trainer.get(s, session_id)
    if as_json:
        return print_json(v.model_dump(mode="json"))
    for t in v.turns:
        print(f"{'Customer' if t.role == 'customer' else 'You':>8}: {t.text}")
    print()
    print(render_text(v.scorecard) if v.scorecard else "(session still active: no scorecard yet)")


def _session(trainer: Any, db: Any, persona_id: str, trainee: str, engine: str, hints: bool) -> None:
    from coach.roleplay.report import render_text
    from coach.roleplay.session import TurnResult

    with db.session() as s:
        v = trainer.start(s, persona_id, trainee, engine)
        s.commit()
    p = v.persona
    print(f"{p['title']} [{p['id']}, {p['language']}, {p['difficulty']}], customer played by: {v.engine}")
    print(p["brief"].strip())
    print(HELP)
    print(f"\nCustomer: {v.turns[0].text}")
    card = None
    while card is None:
        try:
            text = input("You: ")
        except EOFError:
            print()
            text = "/end"
        command = text.strip().lower()
        if command in ("/end", "/quit", "/exit"):
            break
        if command == "/help":
            print(HELP)
            continue
        if command == "/hint":
            hints = not hints
            print(f"(live hints {'on' if hints else 'off'})")
            continue
        if command == "/next":
            with db.session() as s:
                print(f"  hint: {trainer.hint(s, v.id)}")
            continue
        try:
            with db.session() as s:
                r: TurnResult = trainer.turn(s, v.id, text)
                s.commit()
        except Exception as exc:  # bad input ends nothing: say it in one line and go on
            from coach.errors import CoachInputError

            if not isinstance(exc, CoachInputError):
                raise
            print(f"error: {exc}", file=sys.stderr)
            continue
        print(f"Customer: {r.customer.text}")
        if hints:
            for h in r.hints:
                print(f"  ! {h}")
            print(f"  hint: {r.next_step}")
        card = r.scorecard
    if card is None:
        with db.session() as s:
            card = trainer.end(s, v.id)
            s.commit()
    print()
    print(render_text(card))
    print(f"\nSession {v.id} saved (coach roleplay --review {v.id}).")
