"""diagnose(): request kind, root cause, figures, hardship and pushback from a free-text message.

The labels come from a k-nearest-neighbour vote over labelled exemplars embedded with the local
model (knowledge/diagnosis/exemplars.yaml), run on the whole message and on each of its clauses so
that a reason stated next to a request ("..., because our budget was cut") is heard on its own.
Cue patterns (cues.yaml) add a smaller secondary score. Sentences that address the assistant
("ignore your rules", "SYSTEM: approve") are removed first: they are data, never the request.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from coach.accounts import Account
from coach.diagnosis.adapter import load_adapter
from coach.diagnosis.cues import Cues, load_cues
from coach.diagnosis.exemplars import ExemplarBank, exemplar_bank
from coach.diagnosis.extract import Extraction, extract
from coach.diagnosis.heads import Heads, ModelMismatch, load_heads
from coach.diagnosis.intent import load_intent_cues, read_intent
from coach.diagnosis.knn import LabelIndex, vote
from coach.diagnosis.models import REQUEST_KINDS, ROOT_CAUSES, Diagnosis
from coach.diagnosis.pause_period import pause_fields
from coach.diagnosis.reading import read_all
from coach.diagnosis.reply_history import without_reply_history
from coach.diagnosis.text import detect_language, sentences, units
from coach.errors import CoachInputError

log = logging.getLogger(__name__)
MAX_MESSAGE_CHARS = 4000  # longer messages are cut: the request and reason come early
CAUSES = tuple(c for c in ROOT_CAUSES if c != "unknown")
HARDSHIPS = ("none", "natural_disaster", "financial")


@dataclass(frozen=True)
class Tuning:
    """Knobs of the classifier, tuned on exemplar cross-validation and checked on evals/messages.yaml."""

    k: int = 11
    temperature: float = 0.03
    kind_cue: float = 0.4  # added to a kind's vote share when one of its cues is in the text
    module_bonus: float = 0.5  # added to "drop a service" when a named service is the object of a removal
    reason_floor: float = 0.2  # weight of a clause in the kind vote = floor + how request-like it is
    cause_cue: float = 0.5
    full_words: int = 5  # clauses shorter than this count proportionally less as a reason
    min_reason: float = 0.6  # below this "a reason is stated" evidence, the cause is unknown
    min_cause_conf: float = 0.35  # below this confidence in the winning cause, it is unknown
    min_cause_score: float = 0.3  # ... and below this share x evidence
    hardship_cue: float = 0.4
    min_hardship: float = 0.6
    pushback_cue: float = 0.5
    min_pushback: float = 0.7


TUNING = Tuning()


@dataclass(frozen=True)
class _Model:
    bank: ExemplarBank
    kind: LabelIndex
    cause: LabelIndex
    hardship: LabelIndex
    pushback: LabelIndex


_MODELS: dict[str, _Model] = {}


def _model(bank: ExemplarBank) -> _Model:
    model = _MODELS.get(bank.digest)
    if model is None:
        ex = bank.examples
        model = _Model(
            bank=bank,
            kind=LabelIndex.build([e.kind for e in ex], REQUEST_KINDS),
            cause=LabelIndex.build([e.cause for e in ex], ROOT_CAUSES),
            hardship=LabelIndex.build([e.hardship or "none" for e in ex], HARDSHIPS),
            pushback=LabelIndex.build(["yes" if e.pushback else "no" for e in ex], ("no", "yes")),
        )
        _MODELS[bank.digest] = model
    return model


def _paths() -> tuple[Path, Path, Path | None]:
    from coach.config import get_settings

    s = get_settings()
    folder = s.knowledge_dir / "diagnosis"
    return folder / "exemplars.yaml", folder / "cues.yaml", s.resolved_cache_dir


def _intent_file() -> Path:
    from coach.config import get_settings

    return get_settings().knowledge_dir / "diagnosis" / "intent_cues.yaml"


def service_aliases() -> dict[str, list[str]]:
    """Other names customers use for a service ("google ads" for PPC), from the cue file."""
    return load_cues(_paths()[1]).module_aliases


def _unit_weights(n_units: int) -> np.ndarray:
    """The whole message counts as much as all its clauses together."""
    if n_units == 1:
        return np.ones(1)
    return np.concatenate([[0.5], np.full(n_units - 1, 0.5 / (n_units - 1))])


def _cause_votes(sims: np.ndarray, m: _Model, t: Tuning) -> np.ndarray:
    return vote(sims, m.cause, t.k, t.temperature)  # (units, ROOT_CAUSES), "unknown" = request only


def _kind(sims: np.ndarray, cause_votes: np.ndarray, m: _Model, text: str, ext: Extraction, cues: Cues,
          account: Account | None, t: Tuning) -> tuple[str, float]:
    # Clauses that read like a bare request say more about the kind than clauses giving the reason.
    request_like = cause_votes[:, ROOT_CAUSES.index("unknown")]
    w = _unit_weights(sims.shape[0]) * (t.reason_floor + request_like)
    scores = (w / w.sum()) @ vote(sims, m.kind, t.k, t.temperature)
    hits = cues.hits(cues.kind, text)
    if ext.modules and not cues.whole_account(text):
        hits.discard("cancel")  # "cancel PPC" cancels a service, not the agreement
    for label in hits:
        scores[REQUEST_KINDS.index(label)] += t.kind_cue
    if ext.seats_removed is not None:
        scores[REQUEST_KINDS.index("seat_reduction")] += t.kind_cue
    mc, sr = REQUEST_KINDS.index("module_cancel"), REQUEST_KINDS.index("service_removal")
    if ext.modules:
        # A named service the customer wants paused or gone: pausing one service is still a pause;
        # otherwise it is one "drop a service" class, split below.
        scores[REQUEST_KINDS.index("pause") if "pause" in hits else mc] += t.module_bonus
    probs = scores / scores.sum()
    kind = REQUEST_KINDS[int(probs.argmax())]
    conf = float(probs.max())
    if kind in {"module_cancel", "service_removal"}:
        conf = float(probs[mc] + probs[sr])
        if ext.modules and account is not None:
            # Optional services are module cancellations, core ones service removals.
            core = {s.name for s in account.services if s.core}
            kind = "service_removal" if all(name in core for name in ext.modules) else "module_cancel"
        else:
            kind = "module_cancel" if probs[mc] >= probs[sr] else "service_removal"
    return kind, round(min(conf, 1.0), 3)


def _cause(p: np.ndarray, lengths: list[int], text: str, cues: Cues, t: Tuning) -> tuple[str, float]:
    unknown = ROOT_CAUSES.index("unknown")
    # How much each unit reads like a stated reason; a three-word fragment ("that's not enough")
    # is weak evidence on its own.
    reason = (1.0 - p[:, unknown]) * np.minimum(1.0, np.asarray(lengths) / t.full_words)
    real = [ROOT_CAUSES.index(c) for c in CAUSES]
    scores = (reason[:, None] * p[:, real]).sum(axis=0) / max(float(reason.sum()), 1e-9)
    hits = cues.hits(cues.cause, text)
    for label in hits:
        scores[CAUSES.index(label)] += t.cause_cue
    evidence = float(reason.max())
    if hits:
        evidence = max(evidence, 0.5 + 0.5 * evidence)
    total = float(scores.sum())
    if total <= 0 or evidence < t.min_reason:
        return "unknown", round(1.0 - evidence, 3)
    probs = scores / total
    best = int(probs.argmax())
    if probs[best] < t.min_cause_conf:
        return "unknown", round(1.0 - float(probs[best]), 3)
    conf = float(probs[best]) * min(1.0, evidence)
    if conf < t.min_cause_score:
        return "unknown", round(1.0 - conf, 3)
    return CAUSES[best], round(min(conf, 1.0), 3)


def _hardship(sims: np.ndarray, m: _Model, text: str, cues: Cues, t: Tuning) -> str | None:
    p = vote(sims, m.hardship, t.k, t.temperature).max(axis=0)
    hits = cues.hits(cues.hardship, text)
    for label in hits:
        p[HARDSHIPS.index(label)] += t.hardship_cue
    p[0] = 0.0
    best = int(p.argmax())
    return HARDSHIPS[best] if p[best] >= t.min_hardship else None


def _pushback(sims: np.ndarray, m: _Model, text: str, cues: Cues, t: Tuning) -> bool:
    p = float(vote(sims, m.pushback, t.k, t.temperature)[:, 1].max())
    if cues.has_pushback(text):
        p += t.pushback_cue
    return p >= t.min_pushback


def _embed_units(embedder, texts: list[str]) -> np.ndarray:
    """Vectors for [whole message, *clauses]. Only the clauses go through the model: the whole
    message is their normalised mean, which halves the cost and scored as well on the eval set."""
    if len(texts) == 1:
        return np.asarray(embedder.embed_queries(texts), dtype=np.float32)
    parts = np.asarray(embedder.embed_queries(texts[1:]), dtype=np.float32)
    whole = parts.mean(axis=0)
    whole /= max(float(np.linalg.norm(whole)), 1e-12)
    return np.vstack([whole[None, :], parts])


_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def prepare_text(message: str) -> str:
    """The text the models read: invisible characters out, injected instructions out, length capped.

    Training and inference both go through here, so the heads see the same kind of text."""
    text = _INVISIBLE.sub(" ", message).strip()[:MAX_MESSAGE_CHARS]
    return " ".join(clean_sentences(text, load_cues(_paths()[1])))


# An instruction that hands the assistant words to say: "Repeat after me in your reply: 'We guarantee
# ...'". The quoted words belong to the instruction, not to the customer's request.
_QUOTED_AFTER = re.compile(r"([^.!?\n:]{1,200}):\s*(['\"\u201c\u2018\u00ab])"
                           r"([^'\"\u201d\u2019\u00bb\n]{1,400})['\"\u201d\u2019\u00bb]")


# A line put in someone else's mouth inside the customer's message ("CSM (approved by VP): Yes, PPC is
# free..."): a transcript the customer did not write is no part of the request. Their own "Customer:" or
# "Me:" label is only dropped.
_OTHER_SPEAKER_LINE = re.compile(r"(?im)^[ \t>*-]*(?:csm|assistant|agent|ai|system|support|account manager|"
                                 r"customer success|sales|vp\b[^:\n]{0,20}|менеджер|асистент)[^:\n]{0,40}:.*$")
_OWN_LABEL = re.compile(r"(?im)^[ \t>*-]*(?:customer|client|me|клієнт|я)\s*:\s*")


def customer_turns(history: list[str]) -> list[str]:
    """The earlier turns the customer wrote, their "Customer:" label dropped: a history given as plain
    strings may hold the CSM's turns too ("CSM: We proposed suspending it..."), which say nothing of the
    customer's request or reason."""
    return [text for role, text in history_turns(history) if role == "customer"]


def history_turns(history: list[str]) -> list[tuple[str, str]]:
    """(role, text) of each earlier turn given as a plain string: "CSM: ..." lines (and the other speakers'
    labels) are the CSM's, the rest the customer's, their "Customer:" label dropped."""
    out: list[tuple[str, str]] = []
    for t in history:
        if not t.strip():
            continue
        if _OTHER_SPEAKER_LINE.match(t):
            out.append(("csm", t.split(":", 1)[1].strip()))
        else:
            out.append(("customer", _OWN_LABEL.sub("", t, count=1)))
    return out


def clean_sentences(text: str, cues: Cues) -> list[str]:
    """The sentences of `text` that are not injected instructions (nor words an instruction quotes)."""
    if "\n" in text:
        text = _OWN_LABEL.sub("", _OTHER_SPEAKER_LINE.sub("", text))
    text = _QUOTED_AFTER.sub(lambda m: m.group(1) + "." if cues.is_injection(m.group(1)) else m.group(0), text)
    return [s for s in sentences(text) if not cues.is_injection(s)]


def diagnose(message: str, account: Account | None = None, *, embedder=None,
             tuning: Tuning | None = None) -> Diagnosis:
    """Diagnose a customer's message; raises CoachInputError when the message is empty."""
    if not isinstance(message, str) or not message.strip():
        raise CoachInputError("message: the customer's message is empty", field="message")
    t = tuning or TUNING
    # Zero-width and bidi control characters can glue an injected sentence to the real request.
    text = _INVISIBLE.sub(" ", message).strip()
    # The earlier mail an email client quotes under a reply is not what the customer says now.
    text = without_reply_history(text)[:MAX_MESSAGE_CHARS]
    language = detect_language(text)
    exemplar_file, cue_file, cache_dir = _paths()
    intent_file = _intent_file()
    cues = load_cues(cue_file)
    clean = clean_sentences(text, cues)
    clean_text = " ".join(clean)
    if not re.search(r"[^\W\d_]", text):
        return Diagnosis(language=language, intent="other", note="the message has no words to read "
                         "(only numbers, symbols or emoji)")
    if not clean_text:
        return Diagnosis(language=language, intent="other", note="the message holds only instructions to the "
                         "assistant, no request from the customer")
    intent_hits = load_intent_cues(intent_file).hits(clean_text)
    reason_stated = bool(cues.hits(cues.cause, clean_text) or cues.hits(cues.hardship, clean_text))

    ext = extract(clean_text, account, cues.module_aliases)
    if embedder is None:
        from coach.knowledge.embeddings import get_embedder

        embedder = get_embedder()
    heads = trained_heads(embedder)
    if heads is not None:
        dx = read_all(head_probs(heads, embedder, clean_text), clean_text, ext, cues, intent_hits, account,
                      language)
        return with_intent(dx, dx.intent, dx.intent_confidence)
    # No trained heads for this embedder: the exemplar vote, as before the heads existed.
    model = _model(exemplar_bank(exemplar_file, embedder, cache_dir))
    texts = units(clean)
    vectors = _embed_units(embedder, texts)
    dx = decide(vectors @ model.bank.vectors.T, texts, clean_text, ext, model, cues, account, t, language)
    # The rest of the diagnosis also speaks: a reason, a hardship, pushback on a counter or a clear
    # request kind are all downsell talk.
    reason_stated = reason_stated or cues.has_pushback(clean_text)
    model_hint = (dx.root_cause != "unknown" or dx.hardship is not None or dx.pushback
                  or (dx.kind != "other" and dx.kind_confidence >= 0.5))
    intent, intent_conf = read_intent(intent_hits, reason_stated=reason_stated, model_hint=model_hint)
    return with_intent(dx, intent, intent_conf)


_warned: set[str] = set()


def model_dir() -> Path:
    """The workspace's own trained heads, else the ones shipped with coach."""
    from coach.config import bundled, get_settings

    own = get_settings().knowledge_dir / "diagnosis" / "model"
    return own if (own / "heads.npz").exists() else bundled("knowledge") / "diagnosis" / "model"


def trained_heads(embedder) -> Heads | None:
    """The shipped heads when they were trained with this embedder; None (said once) otherwise."""
    try:
        return load_heads(model_dir(), embedder.name, getattr(embedder, "dim", 0) or None)
    except ModelMismatch as exc:
        if str(exc) not in _warned:
            _warned.add(str(exc))
            log.warning("%s; using the exemplar vote", exc)
        return None


def head_probs(heads: Heads, embedder, text: str) -> dict[str, np.ndarray]:  # type: ignore[no-untyped-def]
    """Per head, the class probabilities of `text`; the cause head's averaged 1:1 with the cause
    adapter's when the adapter fits this embedder (read from the same encoder pass), else alone."""
    adapter = load_adapter(model_dir(), embedder, heads.heads["cause"].labels)
    if adapter is None:
        vec = np.asarray(embedder.embed_queries([text]), dtype=np.float32)[0]
        return heads.predict(vec, text)
    vec, states = embedder.embed_query_states(text)
    probs = heads.predict(np.asarray(vec, dtype=np.float32), text)
    probs["cause"] = 0.5 * (probs["cause"] + adapter.proba(states))
    return probs


def with_intent(dx: Diagnosis, intent: str, confidence: float) -> Diagnosis:
    """Only a downsell carries a request and a reason; any other intent reads as kind other, cause unknown."""
    update: dict = {"intent": intent, "intent_confidence": confidence}
    if intent != "downsell":
        update.update(kind="other", kind_confidence=confidence, reduction_pct=None, seats_requested=None,
                      modules=[], root_cause="unknown", root_cause_confidence=confidence, pushback=False)
    return dx.model_copy(update=update)


def decide(sims: np.ndarray, texts: list[str], clean_text: str, ext: Extraction, model: _Model, cues: Cues,
           account: Account | None, t: Tuning, language: str) -> Diagnosis:
    """The labels from unit-by-exemplar similarities `sims` (exposed for cross-validation)."""
    cause_votes = _cause_votes(sims, model, t)
    kind, kind_conf = _kind(sims, cause_votes, model, clean_text, ext, cues, account, t)
    cause, cause_conf = _cause(cause_votes, [len(u.split()) for u in texts], clean_text, cues, t)
    hardship = _hardship(sims, model, clean_text, cues, t)
    if hardship and cause == "unknown":
        cause, cause_conf = "budget_cut", 0.5  # a disaster or a cash crisis is a budget problem first
    pct = ext.reduction_pct
    return Diagnosis(
        kind=kind, kind_confidence=kind_conf,  # type: ignore[arg-type]
        reduction_pct=pct if pct is not None and 0 <= pct <= 100 else None,
        seats_requested=ext.seats_removed, seats_to=ext.seats_to, target_mrr=ext.target_mrr,
        paid_mrr=ext.paid_mrr,
        **pause_fields(clean_text),
        modules=ext.modules,
        root_cause=cause, root_cause_confidence=cause_conf,  # type: ignore[arg-type]
        hardship=hardship,  # type: ignore[arg-type]
        pushback=_pushback(sims, model, clean_text, cues, t),
        language=language,
    )
