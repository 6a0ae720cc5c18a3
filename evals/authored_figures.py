"""The request grammar (and, with --kind, the request kind and services) on hand-labelled messages.

    python evals/authored_figures.py [FILE.jsonl ...] [--kind] [--json] [--errors FIELD] [--lang uk]

Default files: knowledge/diagnosis/training/authored/*.jsonl (the training authors' files, which the
grammar may be tuned on); any file in the AuthoredItem schema can be given instead, e.g. a new author's
file before anything is tuned on it.

Figures: the grammar alone (`extract` on the cleaned text, no account, so a removal is only what
the message states) on single-message items, exact (within 0.5) where the author labelled a figure;
per field and per language; services: the services a downsell names (the customer's words across its
turns) matched against the stand-in account below, by the rules alone. "read, none labelled" counts
messages where a field is read although the author labelled none (a fact or a stray number taken as
the request; for the percent, only one the message states, not one worked out from stated seats).

--kind: the whole reading (`read_conversation`: heads, cue rules, grammar) with a stand-in account per
item (the item's agreement type; the services are every service the same file names for that
agreement type): intent; on downsells kind, root cause (also by language group en / uk / other) and
hardship; on every item with a CSM turn before it, pushback (is the reply a rejection of the counter). The heads were trained on the authored files, so on them these are training
figures; on a file the heads never saw they are unseen-author figures.

It also gives the figures as the whole reading returns them, conversations included (the grammar
on each customer turn, the request carried across turns).

--errors FIELD prints the misread items for one field (seats_to, seats_removed, reduction_pct, pushback,
(with --kind, a figure's misreads are the whole reading's, conversations included)
target_mrr, kind, services): for error analysis on training files only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from coach.datafile import read_jsonl_models  # noqa: E402
from coach.diagnosis.authored import AuthoredItem  # noqa: E402

AUTHORED = ROOT / "knowledge" / "diagnosis" / "training" / "authored"
FIELDS = ("seats_to", "seats_removed", "reduction_pct", "target_mrr")
LANGS = ("en", "uk", "es", "de", "fr", "pt", "pl")
GROUPS = {"en": ("en",), "uk": ("uk",), "other": ("es", "de", "fr", "pt", "pl")}


def load(paths: list[Path]) -> list[tuple[str, int, AuthoredItem]]:
    return [(p.name, n, it) for p in paths for n, it in read_jsonl_models(p, AuthoredItem)]


def _exact(want: float, got: float | None) -> bool:
    return got is not None and abs(float(want) - float(got)) < 0.51


def _sum(d: dict[str, list[int]], langs: tuple[str, ...]) -> tuple[int, int]:
    return sum(d[g][0] for g in langs if g in d), sum(d[g][1] for g in langs if g in d)


def _ratio(ok: int, n: int) -> float | None:
    return round(ok / n, 3) if n else None


def figures(items: list[tuple[str, int, AuthoredItem]], errors: str | None = None) -> dict:
    """Per-field exact accuracy of the grammar, overall and per language, on single-message items."""
    from coach.diagnosis.classifier import prepare_text
    from coach.diagnosis.extract import extract
    from coach.diagnosis.grammar import read_figures

    hits: dict[str, dict[str, list[int]]] = {f: defaultdict(lambda: [0, 0]) for f in FIELDS}
    spurious: dict[str, int] = defaultdict(int)
    for name, line, it in items:
        if it.history:
            continue
        text = prepare_text(it.text)
        ext = extract(text, None, {})
        got = {"seats_to": ext.seats_to, "seats_removed": ext.seats_removed,
               "reduction_pct": ext.reduction_pct, "target_mrr": ext.target_mrr}
        stated_pct = read_figures(text).reduction_pct
        for f in FIELDS:
            want = getattr(it, f)
            if want is None:
                # A percent worked out from stated seats ("from 40 to 30") is not a stray read.
                if got[f] is not None and (f != "reduction_pct" or stated_pct is not None):
                    spurious[f] += 1
                    if errors == f:
                        print(f"{name}:{line} [{it.lang}] want None got {got[f]} | {it.text!r}")
                continue
            ok = _exact(want, got[f])
            for key in ("all", it.lang):
                hits[f][key][0] += ok
                hits[f][key][1] += 1
            if errors == f and not ok:
                print(f"{name}:{line} [{it.lang}] want {want} got {got[f]} | {it.text!r}")
    out: dict = {"services": _services(items, errors == "services")}
    for f in FIELDS:
        out[f] = {k: {"exact": _ratio(*v), "n": v[1]} for k, v in sorted(hits[f].items(), key=_lang_order)}
        out[f]["read_none_labelled"] = spurious[f]
    seats_pct = [hits[f]["all"] for f in FIELDS[:3]]
    out["seats_pct_exact"] = _ratio(sum(v[0] for v in seats_pct), sum(v[1] for v in seats_pct))
    return out


def _services(items: list[tuple[str, int, AuthoredItem]], show: bool) -> dict:
    """Services named in a downsell, matched against the stand-in account's list (the grammar alone)."""
    from coach.diagnosis.classifier import prepare_text, service_aliases
    from coach.diagnosis.extract import modules

    accounts, aliases = stand_in_accounts(items), service_aliases()
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, line, it in items:
        if it.intent != "downsell" or not it.services:
            continue
        named, _ = modules(prepare_text(it.customer_text()), accounts[(name, it.agreement or "software")], aliases)
        ok = sorted(named) == sorted(it.services)
        for key in ("all", it.lang):
            hits[key][0] += ok
            hits[key][1] += 1
        if show and not ok:
            print(f"{name}:{line} [{it.lang}] want {sorted(it.services)} got {sorted(named)} | {it.customer_text()!r}")
    return {k: {"exact": _ratio(*v), "n": v[1]} for k, v in sorted(hits.items(), key=_lang_order)}


def _lang_order(kv: tuple[str, list[int]]) -> int:
    return -1 if kv[0] == "all" else LANGS.index(kv[0]) if kv[0] in LANGS else 99


def stand_in_accounts(items: list[tuple[str, int, AuthoredItem]]) -> dict[tuple[str, str], object]:
    """One account per (file, agreement): the agreement type, and every service that file names for it."""
    from coach.accounts.loader import parse_account

    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, _, it in items:
        key = (name, it.agreement or "software")
        for svc in it.services:
            if svc not in names[key]:
                names[key].append(svc)
    accounts = {}
    for (name, agreement), svcs in {**{(n, a): [] for n, _, it in items for a in ("software", "services")},
                                     **names}.items():
        accounts[(name, agreement)] = parse_account({
            "id": "stand-in", "name": "Stand-in", "list_mrr": 5000, "mrr": 5000,
            "contract": {"start_date": "2025-01-01", "term_months": 12, "agreement_type":
                         "marketing_services" if agreement == "services" else "software_subscription"},
            "services": [{"name": s, "mrr": 100} for s in svcs]}, today=date(2026, 11, 21))
    return accounts


def kinds(items: list[tuple[str, int, AuthoredItem]], errors: str | None = None) -> dict:
    """Intent, request kind and services exact through the whole reading, per language."""
    from coach.diagnosis import diagnose
    from coach.diagnosis.conversation import Turn, read_conversation

    accounts = stand_in_accounts(items)
    acc: dict[str, dict[str, list[int]]] = {k: defaultdict(lambda: [0, 0])
                                            for k in ("intent", "kind", "root_cause", "hardship", "services", "pushback",
                                                      *FIELDS)}
    confusion: dict[str, int] = defaultdict(int)
    for name, line, it in items:
        acct = accounts[(name, it.agreement or "software")]
        dx = read_conversation([Turn(t.role, t.text) for t in it.history], it.text, acct, diagnose)
        checks = [("intent", it.intent, dx.intent)]
        if it.intent == "downsell":
            checks.append(("kind", it.kind, dx.kind))
            checks.append(("root_cause", it.root_cause, dx.root_cause))
            checks.append(("hardship", it.hardship, dx.hardship or "none"))
            if it.services:
                checks.append(("services", sorted(it.services), sorted(dx.modules)))
        if any(t.role == "csm" for t in it.history):
            checks.append(("pushback", it.pushback, bool(dx.pushback)))  # a reply to a CSM: is it pushback?
        got = {"seats_to": dx.seats_to, "seats_removed": dx.seats_requested, "reduction_pct": dx.reduction_pct,
               "target_mrr": dx.target_mrr}
        checks += [(f, True, _exact(getattr(it, f), got[f])) for f in FIELDS if getattr(it, f) is not None]
        for key, want, got in checks:
            ok = want == got
            for g in ("all", it.lang):
                acc[key][g][0] += ok
                acc[key][g][1] += 1
            if key == "kind" and not ok:
                confusion[f"{want} -> {got}"] += 1
            if errors == key and not ok:
                print(f"{name}:{line} [{it.lang}] want {want} got {got} | {it.customer_text()!r}")
    out: dict = {k: {g: {"acc": _ratio(*v), "n": v[1]} for g, v in sorted(d.items(), key=_lang_order)}
                 for k, d in acc.items()}
    cause = acc["root_cause"]
    out["cause_by_group"] = {g: {"acc": _ratio(*_sum(cause, langs)), "n": _sum(cause, langs)[1]}
                             for g, langs in GROUPS.items() if _sum(cause, langs)[1]}
    out["kind_confusions"] = dict(sorted(confusion.items(), key=lambda kv: -kv[1]))
    return out


def render(fig: dict, kind: dict | None) -> str:
    lines = [f"{'field':<15} " + " ".join(f"{k:>11}" for k in ("all", *LANGS)) + "   read, none labelled"]

    def row(label: str, d: dict, key: str) -> str:
        cells = []
        for g in ("all", *LANGS):
            v = d.get(g)
            cells.append(f"{v[key]:.3f} ({v['n']:>3})" if v and v[key] is not None else f"{'-':>11}")
        return f"{label:<15} " + " ".join(f"{c:>11}" for c in cells)

    for f in FIELDS:
        lines.append(row(f, fig[f], "exact") + f"   {fig[f]['read_none_labelled']}")
    lines.append(f"seats & % exact {fig['seats_pct_exact']}")
    lines.append(row("services (rules)", fig["services"], "exact"))
    if kind:
        for k in ("intent", "kind", "root_cause", "hardship", "services", "pushback"):
            lines.append(row(k, kind[k], "acc"))
        lines.append(row("cause by group", kind["cause_by_group"], "acc"))
        lines.append("the whole reading, conversations included (exact):")
        for f in FIELDS:
            lines.append(row(f, kind[f], "acc"))
        lines.append("kind confusions: " + ", ".join(f"{k} {v}" for k, v in list(kind["kind_confusions"].items())[:12]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--kind", action="store_true", help="also intent, kind and services through the whole reading")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", choices=[*FIELDS, "kind", "intent", "root_cause", "hardship", "services", "pushback"])
    ap.add_argument("--lang", choices=LANGS, help="only items in this language")
    a = ap.parse_args(argv)
    paths = a.files or sorted(AUTHORED.glob("*.jsonl"))
    items = load(paths)
    if a.lang:
        items = [x for x in items if x[2].lang == a.lang]
    fig = figures(items, a.errors if a.errors in (*FIELDS, "services") and not a.kind else None)
    whole = ("kind", "intent", "root_cause", "hardship", "services", "pushback", *FIELDS)  # FIELDS: the whole reading's
    kind = kinds(items, a.errors if a.errors in whole else None) if a.kind else None
    if a.errors:
        return 0
    print(json.dumps({"figures": fig, "kind": kind}, ensure_ascii=False, indent=1) if a.json
          else f"{len(items)} items from {len(paths)} file(s)\n" + render(fig, kind))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
