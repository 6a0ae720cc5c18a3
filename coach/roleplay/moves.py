"""What each sentence of a trainee's turn does, by meaning: a nearest-neighbour vote over the
labelled examples in moves.yaml, embedded with the local model (cached on disk by content hash).

Cue patterns back the vote up where a pattern is exact (a question mark, a pushback word the
one guard also refuses). Sentences that talk to the simulated customer's machinery
("ignore your persona") are set aside first: they are never scored and never change the persona.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from coach.datafile import parse_yaml
from coach.errors import CoachInputError
from coach.guard.language import detect_language
from coach.roleplay.timing import follow_up, timing

MOVES_FILE = Path(__file__).with_name("moves.yaml")
TOPICS = ("general", "budget_cut", "org_shrinking", "usage_gap", "value_perception", "strategic_shift",
          "competitive_displacement", "hardship", "timeline")
K, TEMPERATURE = 5, 0.02
MIN_SHARE = 0.5  # a label needs at least this share of the neighbours' weight
CACHE_VERSION = "1"

_SPLIT = re.compile(r"(?<=[.!?])\s+|[\n\r]+|;\s*")
_QUESTION_START = re.compile(
    r"^(?:(?:then|so|okay|ok|well|now|and|тоді|то|а|добре|гаразд),?\s+)?"
    r"(what|why|how|which|when|who|where|is|are|was|were|do|does|did|has|have|could|can|would|will|may|"
    r"tell me|talk me|walk me|take me|help me (understand|see)|i'?d (love|like|want) to (hear|understand|know|learn)|"
    r"i'?m (curious|wondering|interested)|i wonder|i'?d be (curious|interested)|out of curiosity|"
    r"(can|could) you (share|explain|say|describe)|share (with me|a bit|more)|"
    r"що|чому|як|які|який|яка|яке|коли|хто|де|чи|скільки|розкажіть|поясніть|поділіться|підкажіть|опишіть|"
    r"цікаво|хочу (зрозуміти|дізнатися|розібратися)|хотів би (зрозуміти|дізнатися)|хотіла б (зрозуміти|дізнатися))\b",
    re.IGNORECASE)
# What a diagnosis question is about: the reason, the situation, the people, the use, the results, the
# budget, the alternatives. A question with one of these asks about the cause whatever the vote says.
_CAUSE = re.compile(
    r"\bwhy\b|reason|behind|driv(?:e|es|ing|en)|prompt\w*|\bled (?:to|you)|lead to|cause|trigger\w*|"
    r"chang\w*|happen\w*|going on|situation|decision|decid\w*|budget|spend\w*|afford|cost|price|"
    r"\bteam\b|staff|people|headcount|hiring|layoffs?|\bus(?:e|es|ed|ing|age)\b|adoption|log(?:ging)? in|"
    r"results?|working|value|worth|return|roi|deliver\w*|perform\w*|happy|satisf\w*|"
    r"competitor|alternative|another (?:provider|vendor|tool|platform|agency)|other (?:provider|vendor|"
    r"tool|platform|agency|option)|switch\w*|priorit\w*|strateg\w*|plans?\b|focus|"
    r"чому|причин\w*|стоїть за|спонука\w*|призвел\w*|викликан\w*|чим (?:викликан|пов['’]язан)\w*|пов['’]язан\w*|"
    r"змін\w*|сталос\w*|відбува\w*|"
    r"ситуац\w*|рішенн\w*|бюджет\w*|витрат\w*|вартіст\w*|цін\w*|команд\w*|персонал\w*|людей|"
    r"користу\w*|результат\w*|працю\w*|цінніст\w*|віддач\w*|задоволен\w*|влаштову\w*|конкурент\w*|"
    r"альтернатив\w*|інш\w+ (?:постачальник|компані|сервіс|рішенн)\w*|пріоритет\w*|стратегі\w*|план\w*",
    re.IGNORECASE)
# Not asking about the customer's situation: checking an offer, offering help, small talk.
_NOT_DIAGNOSIS = re.compile(
    r"\b(?:does|would|will|could) (?:that|this|it) (?:work|suit|help|sound)|\bsound (?:good|ok|fair)|"
    r"\bhow (?:does|would) (?:that|this) sound|\banything else\b|\bany (?:other )?questions\b|"
    r"\bshall (?:i|we)\b|\bshould (?:i|we) (?:send|set|go|do|book|start)|\bwould you like me to\b|\bhow about\b|"
    r"\bwhat if we\b|\b(?:can|could) we (?:do|set|book|arrange|try|look at (?:a|an|the option))\b|\bwhy don'?t we\b|"
    r"weather|weekend|\bgame\b|"
    # small talk about the season or the business in general ("How's the winter schedule treating the fleet?",
    # "How are the clubs doing this winter, by the way?", "Як у клініці, багато пацієнтів перед святами?")
    r"\bby the way\b|\btreating (?:you|the \w+|your \w+)\b|\bhow(?:'s| is| are| was| were)\b[^.?!]{0,40}\b"
    r"(?:doing|going|holding up)\b[^.?!]{0,20}\b(?:this|these|the) (?:winter|summer|spring|autumn|fall|season|"
    r"holidays?|week|weekend|days)\b|\b(?:settl\w+ down|busy|quiet) (?:after|before|over) the (?:\w+ )?"
    r"(?:rush|season|holidays?|summer|winter)\b|"
    r"(?<!\w)(?:перед святами|цієї (?:зими|весни|осені)|цього (?:літа|сезону|тижня)|до речі|як справи|"
    r"як (?:у вас )?минули)(?!\w)|"
    r"(?<!\w)(?:вам (?:таке |це |так )?підходить|вас (?:таке |це |так )?влаштовує|вас влаштовує такий|"
    r"що скажете (?:на|про|щодо)|як вам (?:така|таке|такий|це)|ще якісь питання|щось іще|надіслати вам|"
    r"як щодо|погода|вихідн\w*)(?!\w)", re.IGNORECASE)
# Carrying the request out, not asking why: which items to cut, from which date, where the invoices or papers go
# ("Which services would you want to trim, and from which month?", "З якої дати і кому надсилати документи?")
_LOGISTICS = re.compile(
    r"\b(?:which|what) (?:\w+ ){0,3}(?:would|do|should|shall) (?:you|we|i) (?:want |like |prefer )?(?:to )?"
    r"(?:trim|cut|remove|drop|cancel|switch off|turn off|disable|deactivate|stop|delete)\b|"
    r"\b(?:from|starting|as of) (?:which|what) (?:month|date|day)\b|\bwhich (?:month|date|day) should\b|"
    r"\bbilling contact\b|\binvoices?\b|\bsame (?:billing )?(?:contact|address|email)\b|"
    r"\b(?:who|where) should (?:i|we) send\b|\b(?:already )?scheduled (?:posts|emails|ads|campaigns)\b|"
    r"\bstill go out\b|"
    # the length of the pause asked for, not its cause ("For how long?", "How many months were you thinking?",
    # "На скільки саме?", "На який термін?")
    r"\bfor how long\b|\bhow long (?:for|would you (?:like|want|need)|do you (?:want|need)|are you thinking|should "
    r"(?:it|the pause|we pause))\b|\bhow many months (?:would you|do you|are you|should|were you)\b|"
    r"^(?:\W*(?:and|so|а|і|то)\s+)?how long\W*$|"
    r"(?<!\w)(?:на скільки (?:саме|місяців|часу)?(?=\s*\?)|на який (?:саме )?(?:термін|строк|період)|"
    r"скільки (?:саме )?місяців (?:вам )?(?:треба|потрібно|хочете|плануєте))|"
    r"(?<!\w)(?:з якого (?:числа|місяця|дня)|з якої дати|кому (?:надсилати|надіслати|відправ\w*)|"
    r"куди (?:надсилати|надіслати)|рахун\w*|закривальн\w*|(?:які|кого) (?:саме )?[^?]{0,40}"
    r"(?:відключити|вимкнути|прибрати|деактивувати|видалити))(?!\w)", re.IGNORECASE)


def logistics(sentence: str) -> bool:
    """Asks how or when to carry the request out, not why it was made."""
    return bool(_LOGISTICS.search(sentence)) and not asks_cause(_LOGISTICS.sub(" ", sentence))


# An open question (what, why, how, tell me ...), not a yes/no guess ("Is it the budget?", "Команда теж зменшується?").
_OPEN = re.compile(r"(?:^|[,:;—–-]\s*)(?:(?:and|so|but|then|а|і|й|то|тоді)\s+)?(?:what|why|how|which|tell me|"
                   r"walk me|що|чому|чим|навіщо|звідки|як|яка|який|які|яке|з чим|до чого|розкажіть|поясніть)\b", re.I)
_INJECTION = re.compile(
    r"\b(ignore|disregard|forget)\b.{0,40}\b(persona|instructions?|rules|prompt|role|character|script)\b"
    r"|\b(you are now|pretend (to be|you are)|break (out of )?character|stop (role-?playing|pretending)|"
    r"system prompt|developer mode|new instructions|as an ai|language model|your (hidden|secret) (facts?|"
    r"instructions?|root cause)|reveal (your|the) (hidden|secret|root)|score me|give me (full|top) marks|"
    r"mark (this|me) as)\b"
    r"|^\W*(system|assistant|developer)\s*:"
    r"|(ігноруй\w*|забудь\w* (свою|свої|усі|всі) (роль|правила|інструкції)|ти тепер|системн\w* промпт|"
    r"нові інструкції|розкрий\w* (приховані|секрет))",
    re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    text: str
    label: str  # a moves.yaml label, or "other"
    share: float  # the label's share of the neighbours' vote
    question: bool
    pushback_words: tuple[str, ...]  # what the guard refuses as pushback or contract talk

    @property
    def topic(self) -> str | None:
        """The diagnosis topic when this sentence is a question about one."""
        if self.question and self.label.startswith("ask:"):
            return self.label.split(":", 1)[1]
        return None


def language_of(text: str) -> str:
    return detect_language(text)


def sentences(text: str) -> list[str]:
    return [p.strip(" \t\"'«»") for p in _SPLIT.split(text) if p and re.search(r"\w", p)]


def is_injection(sentence: str) -> bool:
    return bool(_INJECTION.search(sentence))


# "What I'd like is a proper side-by-side", "What we can do is ...": a statement that puts something forward
_CLEFT = re.compile(r"^(?:so |then |and )?what (?:i|we)(?:'d| would| can| could| will|'ll| want| propose| suggest)?\s*"
                    r"(?:like|suggest|propose|recommend|do|offer|want|have in mind)?\w*(?: to \w+)?\s+is\b", re.I)


# "Що ж, надішліть лист", "Як жест доброї волі ...": an interjection or "as ..." at the start, not a question word
# "When your new manager starts in February, we look at it again", "Коли запрацює новий склад, ми повернемося до
# цього": a time clause and then a statement, not a question
_NOT_ASKING = re.compile(r"^(?:ну\s+)?(?:що ж|що же)\b|^як (?:жест|виняток|бонус|компенсаці\w*|подарунок)\b|"
                         r"^(?:when|коли)\b[^?]{3,80}?,\s*(?:then\s+|тоді\s+)?(?:we|i|you|let'?s|ми|я|ви|давайте|"
                         r"тоді)\b", re.I)


def is_question(sentence: str) -> bool:
    if not sentence.rstrip().endswith("?") and (_CLEFT.match(sentence.strip()) or _NOT_ASKING.match(sentence.strip())):
        return False
    return sentence.rstrip().endswith("?") or bool(_QUESTION_START.match(sentence.strip()))


# A question that puts something forward ("could we do a side-by-side?", "what if we paused?").
_PROPOSAL = re.compile(r"\b(?:i|we)\s*(?:can|could|'d|would|will|'ll)\b|\blet(?:'s| me| us)\b|\bhow about\b|"
                       r"\bwhat if\b|"
                       r"\b(?:can|could|shall|should|may) (?:we|i) (?!ask\b)|\bwould (?:it|that|a|an)\b|"
                       r"(?<!\w)(?:можемо|можу|давайте|як щодо|що як)(?!\w)", re.IGNORECASE)


def puts_forward(sentence: str) -> bool:
    """A question that puts something forward ("Could we do it the week of 12 January?")."""
    return bool(_PROPOSAL.search(sentence))


_OPEN_ANY = re.compile(r"\b(?:what|why|how|which|where|who|tell me|talk me|walk me|take me|share|explain|describe|"
                       r"help me (?:understand|see)|curious|wondering)\b|(?<!\w)(?:що|чому|як|які|який|яка|яке|якими|"
                       r"де|хто|чим|навіщо|звідки|з чим|до чого|розкажіть|поясніть|поділіться|опишіть|"
                       r"цікаво)(?!\w)", re.I)
# A question that puts two causes side by side ("Is it the budget, or are fewer people logging in?", "Це через
# бюджет, чи команда зменшилася?"): the customer chooses and explains, it is not a yes/no guess.
_EITHER = re.compile(r",\s*or\s+(?!not\b|no\b|is it not\b|isn'?t it\b)\w[^?]{2,}\?|"
                     r",\s*чи\s+(?!ні\b|не так\b)\w[^?]{2,}\?", re.I)


def open_question(sentence: str) -> bool:
    """Asks openly (what, why, how, tell me ...) rather than for a yes or no ("Is it the budget?")."""
    return bool(_OPEN_ANY.search(sentence) or _EITHER.search(sentence))


def asks_cause(sentence: str) -> bool:
    """A question (by its form) about the customer's reasons or situation, not about an offer."""
    return is_question(sentence) and bool(_CAUSE.search(sentence)) and not _NOT_DIAGNOSIS.search(sentence)


# The trainee offering the next contact in a question ("shall I call you ...?", "можу набрати вас ...?").
_I_CONTACT = re.compile(r"\b(?:shall|should|can|could|may) (?:i|we)\b|"
                        r"\bwould it (?:be (?:ok|okay|alright)|work|help) if (?:i|we)\b|"
                        r"\b(?:how about|what if) (?:i|we)\b|\bi'?ll\b|\bwe'?ll\b|\blet'?s\b|\bi will\b|"
                        r"(?<!\w)(?:можу|можемо|давайте|зателефоную|наберу|напишу|зв['’]яжуся|повернуся|"
                        r"нагадаю)(?!\w)", re.IGNORECASE)


def proposes_contact(sentence: str) -> bool:
    """Proposes a next contact with a time ("Shall I check in after your board meets?")."""
    return bool(_I_CONTACT.search(sentence)) and follow_up(sentence) and timing(sentence) != "none"


def pushback_words(sentence: str) -> tuple[str, ...]:
    """What the guard refuses as pushback or contract talk in a reply to the customer."""
    from coach.config import get_settings
    from coach.guard import guard_for

    found = guard_for(get_settings()).phrases(sentence, ["pushback", "contract_threat"])
    return tuple(dict.fromkeys(w.lower() for w in found))


class MoveBank:
    """Labelled example sentences and their vectors."""

    def __init__(self, texts: list[str], labels: list[str], vectors: np.ndarray) -> None:
        self.texts, self.labels, self.vectors = texts, labels, vectors
        self.vocab = tuple(dict.fromkeys(labels))
        pos = {lab: i for i, lab in enumerate(self.vocab)}
        self.codes = np.asarray([pos[lab] for lab in labels], dtype=np.int64)

    def vote(self, queries: np.ndarray) -> list[tuple[str, float]]:
        """Best label and its share for each query vector (similarity-weighted k nearest)."""
        return [(label, share) for label, share, _ in self.vote_asks(queries)]

    def vote_asks(self, queries: np.ndarray) -> list[tuple[str, float, str | None]]:
        """`vote`, plus the best-weighted question topic label among the neighbours (if any)."""
        sims = queries @ self.vectors.T
        k = min(K, sims.shape[1])
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        top_sims = np.take_along_axis(sims, top, axis=1)
        weights = np.exp((top_sims - top_sims.max(axis=1, keepdims=True)) / TEMPERATURE)
        out = []
        for u in range(sims.shape[0]):
            acc = np.zeros(len(self.vocab))
            np.add.at(acc, self.codes[top[u]], weights[u])
            acc /= acc.sum()
            best = int(acc.argmax())
            asks = [(acc[i], lab) for i, lab in enumerate(self.vocab) if lab.startswith("ask:") and acc[i] > 0]
            out.append((self.vocab[best], float(acc[best]), max(asks)[1] if asks else None))
        return out


def read_examples(path: Path = MOVES_FILE) -> tuple[list[str], list[str], bytes]:
    raw = path.read_bytes()
    try:
        data = parse_yaml(raw)
    except yaml.YAMLError as exc:
        raise CoachInputError(f"{path.name}: invalid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise CoachInputError(f"{path.name}: expected a mapping of label -> example sentences")
    texts, labels = [], []
    for label, examples in data.items():
        if label.startswith("ask:") and label[4:] not in TOPICS:
            raise CoachInputError(f"{path.name}: {label}: unknown topic (known: {', '.join(TOPICS)})")
        if not isinstance(examples, list) or not all(isinstance(e, str) and e.strip() for e in examples):
            raise CoachInputError(f"{path.name}: {label}: expected a list of sentences")
        texts += examples
        labels += [label] * len(examples)
    return texts, labels, raw


_BANKS: dict[tuple[str, str], MoveBank] = {}
_LOCK = threading.Lock()


def _cache_file(raw: bytes, embedder_name: str) -> Path | None:
    from coach.config import get_settings

    digest = hashlib.sha256(CACHE_VERSION.encode() + embedder_name.encode() + b"\0" + raw).hexdigest()[:20]
    return get_settings().resolved_cache_dir / f"roleplay-moves-{digest}.npy"


def _load_vectors(path: Path | None, n: int) -> np.ndarray | None:
    if path is None:
        return None
    try:
        arr = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return None
    return arr if arr.ndim == 2 and arr.shape[0] == n and arr.dtype == np.float32 else None


def _save_vectors(path: Path | None, arr: np.ndarray) -> None:
    """Atomic write; a read-only or full disk only means no cache."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, arr, allow_pickle=False)
        os.replace(tmp, path)
    except OSError:
        pass


def move_bank(embedder) -> MoveBank:
    """The example bank embedded by `embedder`: memory, then the disk cache, then the model."""
    texts, labels, raw = read_examples()
    key = (hashlib.sha256(raw).hexdigest(), embedder.name)
    with _LOCK:
        bank = _BANKS.get(key)
        if bank is None:
            cache = _cache_file(raw, embedder.name)
            vectors = _load_vectors(cache, len(texts))
            if vectors is None:
                vectors = np.asarray(embedder.embed_queries(texts), dtype=np.float32)
                _save_vectors(cache, vectors)
            bank = _BANKS[key] = MoveBank(texts, labels, vectors)
    return bank


def classify(parts: list[str], embedder) -> list[Sentence]:
    """One `Sentence` per piece of text (injections must be removed before)."""
    if not parts:
        return []
    bank = move_bank(embedder)
    votes = bank.vote_asks(np.asarray(embedder.embed_queries(parts), dtype=np.float32))
    out = []
    for text, (label, share, ask) in zip(parts, votes, strict=True):
        question = is_question(text)
        if share < MIN_SHARE:
            # An open question the examples are unsure about ("А з чим порівнюєте?") still asks about
            # the request: its nearest question topic, or a general one.
            label = (ask or "ask:general") if question and _OPEN.search(text) else "other"
        if question and label in ("other", "acknowledge", "trigger", "save", "plan", "escalate", "offer") \
                and asks_cause(text) and not (label != "other" and _PROPOSAL.search(text)) \
                and not proposes_contact(text):  # "Shall I call in June, at the review?"
            # "Is it the price, the results, or something else?": a question about the situation is a
            # diagnosis question whatever the nearest examples say.
            label = ask or "ask:general"
        if label.startswith("ask:") and proposes_contact(text):
            label = "trigger"  # "Shall I ring you in June, after the budget review?" sets the next contact
        if label.startswith("ask:") and not question:
            label = "other"  # a statement about the budget is not a question about it
        if label.startswith("ask:") and _NOT_DIAGNOSIS.search(text) and not asks_cause(_NOT_DIAGNOSIS.sub(" ", text)):
            label = "other"  # "Would that help?", "як вам таке?": checking an offer, not asking about the cause
        if label.startswith("ask:") and logistics(text):
            label = "other"  # "From which date, and who gets the invoices?": carrying the request out
        out.append(Sentence(text, label, round(share, 3), question, pushback_words(text)))
    return out
