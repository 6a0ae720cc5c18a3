"""`coach diagnosis train | eval`: rebuild the diagnosis heads, measure them on a labelled set."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coach.cli.errors import handles_errors

diagnosis_app = typer.Typer(help="Train and evaluate the diagnosis model (intent, kind, root cause, hardship).",
                            no_args_is_help=True)
Opt = typer.Option


def register(app: typer.Typer) -> None:
    app.add_typer(diagnosis_app, name="diagnosis")


@diagnosis_app.command("train")
@handles_errors
def train(
    regenerate: Annotated[bool, Opt("--regenerate/--no-regenerate", help="Rebuild the generated training "
                                                                         "messages from the phrase tables.")] = True,
    corrections: Annotated[bool, Opt("--corrections/--no-corrections", help="Add the corrections stored in this "
                                                                            "deployment's database.")] = False,
    author_cv: Annotated[bool, Opt("--author-cv/--no-author-cv", help="Also cross-validate leaving each "
                                                                     "author's file out (slower).")] = True,
    as_json: Annotated[bool, Opt("--json", help="Print the training report as JSON.")] = False,
) -> None:
    """Rebuild the heads reproducibly (fixed seed); prints training time and cross-validated / dev figures."""
    import dataclasses
    import os
    import sys

    # Small matrices: one BLAS thread fits faster than several fighting for two busy cores.
    for var in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")

    from coach.cli.common import print_json
    from coach.config import get_settings
    from coach.diagnosis.training import rebuild

    s = get_settings()
    extra = None
    if corrections:
        from coach.diagnosis.corrections import stored_training_items

        extra = stored_training_items(s)

    def progress(done: int, total: int) -> None:
        if not as_json:
            sys.stderr.write(f"\rembedding {done}/{total}")
            sys.stderr.flush()

    rep = rebuild(s, regenerate=regenerate, corrections=extra, progress=progress, author_cv=author_cv)
    if as_json:
        print_json(dataclasses.asdict(rep))
        return
    sys.stderr.write("\n")
    typer.echo(f"trained on {rep.n_items} rows ({rep.n_authored} authored, a conversation giving two; "
               f"{rep.n_generated} generated (weighted down); {rep.n_hand} exemplars, {rep.n_corrections} "
               f"corrections) with {rep.embedder}")
    typer.echo(f"training time: embedding {rep.seconds_embed} s (cached after the first run), fitting and "
               f"cross-validating {rep.seconds_fit} s")
    typer.echo("figures on the authored messages: random 5-fold CV | leave-one-author-out (en, uk, other)")
    for name, h in rep.heads.items():
        dev = f"; dev (evals/messages.yaml) {h.dev_accuracy} on {h.dev_n}" if h.dev_n else ""
        lao = f"{h.author_accuracy} {_groups(h.author_by_group)}" if h.author_accuracy is not None else "-"
        typer.echo(f"  {name:<9} n={h.cv_n:<5} CV {h.cv_accuracy} {_groups(h.cv_by_group)} | {lao}  "
                   f"T={h.temperature}{dev}")


def _groups(by: dict[str, float]) -> str:
    return "(" + ", ".join(f"{v}" for v in by.values()) + ")"


@diagnosis_app.command("eval")
@handles_errors
def eval_cmd(
    items: Annotated[Path | None, Opt("--items", help="Labelled items (default: "
                                                      "evals/heldout/diagnosis.yaml).")] = None,
    accounts: Annotated[Path | None, Opt("--accounts", help="Account folder (default: next to the items).")] = None,
    as_json: Annotated[bool, Opt("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Aggregate figures on a labelled set (intent, kind, root cause by language group, hardship, figures)."""
    run_eval(items, accounts, as_json)


def run_eval(items: Path | None, accounts: Path | None, as_json: bool) -> dict:
    from coach.cli.common import print_json
    from coach.config import get_settings
    from coach.diagnosis.evaluation import evaluate, load_items, render

    s = get_settings()
    path = items or s.evals_dir / "heldout" / "diagnosis.yaml"
    fig = evaluate(load_items(path), accounts or path.parent / "accounts")
    training = _model_meta()
    if as_json:
        print_json({**fig, "training": {k: training.get(k) for k in ("cv", "leave_author_out", "n_authored")}})
    else:
        typer.echo(render(fig, training))
    return fig


def _model_meta() -> dict:
    """The shipped model's heads.json (its training figures), or nothing."""
    import json

    from coach.diagnosis.classifier import model_dir

    try:
        return json.loads((model_dir() / "heads.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@diagnosis_app.command("corrections-experiment")
@handles_errors
def corrections_experiment_cmd(
    as_json: Annotated[bool, Opt("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Measure whether corrections of misread dev messages improve accuracy on unseen similar ones."""
    from coach.cli.common import print_json
    from coach.config import get_settings
    from coach.diagnosis.training import corrections_experiment

    out = corrections_experiment(get_settings())
    if as_json:
        print_json(out)
        return
    for r in out["runs"]:
        c, k = r["cause"], r["kind"]
        typer.echo(f"seed {r['seed']}: {r['corrections']} corrections, {r['unseen']} unseen; cause "
                   f"{c['before']} -> {c['after']}, kind {k['before']} -> {k['after']}")
    typer.echo(f"mean: cause {out['cause']['before']} -> {out['cause']['after']}, "
               f"kind {out['kind']['before']} -> {out['kind']['after']}")
