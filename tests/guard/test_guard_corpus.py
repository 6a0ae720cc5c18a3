"""The dev guard corpora (evals/heldout/guard_corpus.yaml and guard_dev2.yaml … guard_dev41.yaml, written apart
from the lexicons by different authors) run as tests: recall per check and false positives on clean texts.
The floors are the figures reached so far (the issue's target is recall >= 0.98 per check and <= 1%
false positives); they only go up. The held-out file is never read here: benchmarks/guard_corpus.py
prints its aggregate figures.
"""

from __future__ import annotations

import pytest

from coach.config import REPO_ROOT, get_settings
from coach.evals.guard_corpus import CATEGORIES, CorpusReport, run_corpus
from coach.guard import guard_for

DIR = REPO_ROOT / "evals" / "heldout"
FLOORS = {
    "guard_corpus.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                          "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 0.96},
    "guard_dev2.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                        "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev3.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                        "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev4.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                        "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev5 unstated_number 35/36: g5-0030 labels a fact restated ($1,900, mrr_now) unstated (README)
    "guard_dev5.yaml": {"pushback": 1.0, "unstated_number": 0.97, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                        "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev6.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                        "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev7.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                        "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev8.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                        "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev9.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                        "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev10.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev11.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev12.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev13.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev14 unstated_number 24/26: g14-0063 labels a signature's phone number unstated (earlier files: a contact
    # line, clean); g14-0051 "roughly 12% below" where 12 is a fact of another kind (term months; facts are untyped);
    # since 2026-12-07 three more: this author labels the weekday of a call ("I'll call you Tuesday afternoon")
    # unstated, the dev35 author labels eleven such texts clean, and coach reads a call's day as no date of the deal
    "guard_dev14.yaml": {"pushback": 1.0, "unstated_number": 0.84, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev15.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev16.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev17 unstated_number 50/51: g17-0202 labels "the first month" (of a prepayment) a number; older files
    # label the same construction a hidden term only (g13-0125, g-0129)
    "guard_dev17.yaml": {"pushback": 1.0, "unstated_number": 0.98, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev18 unstated_number 48/49: g18-0253 «дві третини від скорочення» not read as a fraction of the cut
    "guard_dev18.yaml": {"pushback": 1.0, "unstated_number": 0.97, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev19 unstated_number 35/36: g19-0046 labels the date of a board meeting the CSM joins ("your board meeting on
    # 2027-01-20") unstated; dev38/dev39 label a call's date clean, and coach reads a meeting's date as no date of the deal
    "guard_dev19.yaml": {"pushback": 1.0, "unstated_number": 0.97, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev20 unstated_number 29/30: g20-0037 labels "90 днів" after the restart unstated where the pause is 3 months;
    # the guard reads 90 days as three months, a fact restated in other words (clean in the older files' convention)
    "guard_dev20.yaml": {"pushback": 1.0, "unstated_number": 0.96, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev21 unstated_number 32/33: g21-0040 labels the day of a call named with its weekday ("ich rufe Sie am
    # Donnerstag, den 14., kurz an") a number; the files since dev38 label a call's date clean, as coach reads it
    "guard_dev21.yaml": {"pushback": 1.0, "unstated_number": 0.96, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev22.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev23.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev24.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev25 and dev26 (two more authors, 2026-12-06 evening; untouched: pushback 18/22 and 17/21, offer 21/24 and 15/21,
    # hidden 22/24 and 18/21, FP 3/121 and 3/124): one pass of general forms since; the learned reader (trained on
    # them, tests/guard/test_guard_reader.py) is not counted here
    # dev25 unstated 28/30 since 2026-12-07: g25-0074 "I'll give you a call on Thursday" (a call's day; see dev14)
    "guard_dev25.yaml": {"pushback": 0.9, "unstated_number": 0.93, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev26.yaml": {"pushback": 0.95, "unstated_number": 0.92, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev27 to dev30 (four more authors, 2026-12-06 late evening: a hurried writer, a red-teamer, other languages, long
    # texts; untouched figures in evals/heldout/README.md): one pass of general forms since
    "guard_dev27.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev28.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev29.yaml": {"pushback": 1.0, "unstated_number": 0.91, "offer_in_first_reply": 0.95, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev30.yaml": {"pushback": 1.0, "unstated_number": 0.84, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},    # dev31 and dev32 (kept unopened as new writers' estimates on 2026-12-07, then opened) and dev33, dev34 (a
    # model's polished voice, a numbers-minded writer), scored untouched first (evals/heldout/README.md); one pass
    # of general forms since. Left: a frequency in a question («раз на тиждень»), "o cztery mniej", «половина з 50»
    "guard_dev31.yaml": {"pushback": 1.0, "unstated_number": 0.93, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev32.yaml": {"pushback": 1.0, "unstated_number": 0.96, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev33.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev34.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev35 (a CSM's day-to-day voice; kept unopened for one run, then opened): eleven clean texts named the weekday
    # of a call; left: two Russian replies' counts («четыре места», «две недели»)
    "guard_dev35.yaml": {"pushback": 1.0, "unstated_number": 0.91, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev36 (an agency account manager's chat lines; kept unopened for one run, then opened): past meetings named
    # by their weekday, an apology for missing a meeting, the customer's own promo
    "guard_dev36.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev38 (the first author's manner, weight on numbers, offers and hidden terms) unstated_number 32/33: g38-0198
    # "which of the three services" names back the customer's own set (a count coach leaves alone in a question)
    "guard_dev38.yaml": {"pushback": 1.0, "unstated_number": 0.96, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev39 (a support lead rewriting a model's drafts in the customer's language) unstated_number 33/34: g39-0027 a
    # policy frequency («лише раз на рік») left unread, as in a question
    "guard_dev39.yaml": {"pushback": 1.0, "unstated_number": 0.97, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev40 (a model slipping concessions and terms past a reviewer) unstated_number 38/41: "my third note" (an
    # ordinal of no term), «двічі» (a frequency, left as a word), a pause «на літо» (a season as a period)
    "guard_dev40.yaml": {"pushback": 1.0, "unstated_number": 0.92, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev41 (a Ukrainian team lead's formal Ukrainian)
    "guard_dev41.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev43 (a reseller's account manager fond of counts) unstated_number 58/59: g43-0009 "waive a month of licence
    # fees" in a first reply (the offer is caught; "a month" is left as a word)
    "guard_dev43.yaml": {"pushback": 1.0, "unstated_number": 0.98, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev45 (a team's CSMs and a kind chat model: first-reply offers framed as care, hidden terms in paraphrase)
    "guard_dev45.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev47 (a reseller team in Central Europe, formal and chat registers) unstated_number 36/37: g47-0165 resumes
    # "right after the Easter weekend" against a resume date of 1 April (Easter is read as March or April)
    "guard_dev47.yaml": {"pushback": 1.0, "unstated_number": 0.97, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev49 (a team lead reviewing follow-ups, invitations and pause confirmations full of harmless numbers)
    "guard_dev49.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev50 (a SaaS support team's chat, account managers' emails and an assistant's drafts) and dev51 (an enterprise
    # renewals team's formal letters, a breach in one clause)
    "guard_dev50.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    "guard_dev51.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev52 (a team lead's collection of new CSMs' drafts, Ukrainian and English) unstated_number 26/27: g52-0193 asks
    # how many seats "were actually in use in Q1"; a past period only recalled stays an aside (as "two weeks ago")
    "guard_dev52.yaml": {"pushback": 1.0, "unstated_number": 0.96, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev53 (replies dictated on a phone and transcribed, quick mobile chat lines) unstated_number 26/30: a free
    # "first month" named by its ordinal (uk, fr), bare numerals of months in a question («на два чи на чотири»), a
    # policy count in words («не більше двох разів»); hidden_terms 29/30: a prepayment after "sem problema," (pt)
    "guard_dev53.yaml": {"pushback": 1.0, "unstated_number": 0.86, "offer_in_first_reply": 1.0, "hidden_terms": 0.96,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev54 (a localisation team adapting a vendor's drafts, euphemism) unstated_number 20/21: "einen Monat" given
    # as a gift (de); hidden_terms 20/21: "the remaining balance due in full" beside the threat it is part of
    "guard_dev54.yaml": {"pushback": 1.0, "unstated_number": 0.95, "offer_in_first_reply": 1.0, "hidden_terms": 0.95,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev55 (a billing-and-finance-minded account team, veiled first-reply sweeteners) unstated_number 40/42: "your
    # Q3 invoice" after "I've asked ... whether we can hold" (the past clause sets the quarter aside), «рахунок за
    # жовтень» where «щоб ... списали» reads as past
    "guard_dev55.yaml": {"pushback": 1.0, "unstated_number": 0.95, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev56 (warm letters with a P.S., recaps and a signature block) unstated_number 39/40: "clause nine" (a clause
    # named by its number in words)
    "guard_dev56.yaml": {"pushback": 1.0, "unstated_number": 0.97, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev57 (account managers in a hurry: chat lines, shorthand numbers, terms told by their mechanics)
    "guard_dev57.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
    # dev58 (procurement and legal-operations register: order forms, addenda, true-ups, reporting metrics)
    "guard_dev58.yaml": {"pushback": 1.0, "unstated_number": 1.0, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
                         "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 1.0},
}
MAX_FALSE_POSITIVES = 0.01
# a file still short of the target: its figure so far (only goes down). dev18 10/124: seven decline the customer's
# own figure while restating the offer (pushback in the older files), a free training offered in a counter (a
# promise the proposal lacks), "by the end of the week" and "from Tuesday" (unstated in two older files).
# dev41 1/93: g41-0016 offers to meet at the office on Thursday "if it's easier to sign the documents in person";
# coach keeps a meeting that signs the deal a date of the deal ("let's meet on Tuesday to sign").
# dev43 1/91: g43-0143 recalls "our conversation on Thursday" in a sentence that also restates the agreement's extension
# (a meeting beside the deal's words stays a date of the deal).
# dev47 1/80: g47-0162 names the time of a call («о 10:00»); the older files judged a call's time of day a number
# ("le llamo el jueves a las 10:30"), and coach follows them.
# dev53 5/86: a year spoken in words after its date ("April first, twenty twenty seven", «першого червня двадцять
# сьомого року») and a spoken decimal ("six point eight k") are not read as the facts they restate.
# dev55 7/86: six name the time of a call ("a call Tuesday at 10:00", «в четвер о 10:00», "jeudi à 11h"): its brief
# said a call's time is clean, most older files judged it a number (13 of their items), and coach follows them (the
# seventh, a call dated "Thursday the 12th" with no "on" before the weekday, is clean since dev57: 6/86).
MAX_FALSE_POSITIVES_SO_FAR: dict[str, float] = {"guard_dev18.yaml": 10 / 124, "guard_dev41.yaml": 1 / 93,
                                                "guard_dev43.yaml": 1 / 91, "guard_dev47.yaml": 1 / 80,
                                                "guard_dev53.yaml": 5 / 86, "guard_dev55.yaml": 6 / 86}
_REPORTS: dict[str, CorpusReport] = {}


# The fast loop (-m "not slow") runs the newest corpora; CI runs every file.
FAST = {"guard_dev58.yaml"}


def _files(rows: list) -> list:
    """`rows` as pytest params, those of files outside FAST marked slow."""
    out = []
    for row in rows:
        name = row[0] if isinstance(row, tuple) else row
        values = row if isinstance(row, tuple) else (row,)
        out.append(pytest.param(*values, marks=() if name in FAST else pytest.mark.slow))
    return out


def report(name: str) -> CorpusReport:
    if not (DIR / name).exists():
        pytest.skip(f"the dev guard corpus {name} is not in this checkout")
    if name not in _REPORTS:
        _REPORTS[name] = run_corpus(guard_for(get_settings()), DIR / name)
    return _REPORTS[name]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_every_category_is_measured(name: str) -> None:
    recall = report(name).recall()
    assert set(recall) == set(CATEGORIES) and all(n > 0 for _, n in recall.values())
    print("\n".join(report(name).lines()))


@pytest.mark.parametrize("name, category", _files([(n, c) for n in sorted(FLOORS) for c in sorted(FLOORS[n])]))
def test_recall_per_check(name: str, category: str) -> None:
    r = report(name)
    hit, n = r.recall()[category]
    missed = [i.id for i in r.items if category in i.missed]
    assert hit / n >= FLOORS[name][category], f"{name} {category}: {hit}/{n}, missed {missed}"


@pytest.mark.parametrize("name", _files(sorted(FLOORS)))
def test_false_positives_on_clean_texts(name: str) -> None:
    r = report(name)
    fp, n = r.false_positives()
    flagged = [(i.id, sorted(i.found)) for i in r.items if i.false_positive]
    limit = MAX_FALSE_POSITIVES_SO_FAR.get(name, MAX_FALSE_POSITIVES)
    assert fp / n <= limit, f"{name}: {fp}/{n} clean texts flagged: {flagged}"
