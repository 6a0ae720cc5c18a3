"""Tiny language guess: enough to tag chunks and pick a reply template.

Cyrillic -> 'uk'. Latin text is 'en' unless the function words of Spanish, German, French,
Portuguese or Polish clearly outnumber the English ones (and their letters agree).
"""

from __future__ import annotations

import re

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# Frequent function words that are rare in the other languages of the list.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and we our you your is are to of for with this that it not have be please".split()),
    "es": frozenset("el los las nuestro nuestra nuestros queremos necesitamos para con por una del que "
                    "pero muy también gracias podemos hemos está están hola buenos buenas".split()),
    "de": frozenset("der die das und wir unser unsere unseren nicht ist sind für mit ein eine auch "
                    "bitte können müssen haben den dem vielen danke hallo guten".split()),
    "fr": frozenset("le les nous notre nos vous votre est sont pour avec une des pas que mais très "
                    "aussi merci pouvons devons avons bonjour salut on".split()),
    "pt": frozenset("o os nós nosso nossa nossos queremos precisamos para com uma não que mas muito "
                    "também obrigado obrigada podemos temos está estão olá bom boa".split()),
    "pl": frozenset("i w na nie jest są się nasz nasza nasze naszej chcemy musimy dla z że ale bardzo "
                    "też dziękuję możemy mamy to dzień dobry witam".split()),
}
# Letters that only some of the languages use: a tie-breaker and a guard against false positives.
_LETTERS = {"es": "ñ¿¡", "de": "äöüß", "fr": "àâçèêëîïôûœ", "pt": "ãõçáâêô", "pl": "ąćęłńóśźż"}


def detect_language(text: str) -> str:
    """'uk' when Cyrillic letters dominate, else en / es / de / fr / pt / pl by function words."""
    cyr = len(_CYRILLIC.findall(text))
    lat = len(_LATIN.findall(text))
    if cyr > lat:
        return "uk"
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return "en"
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    lower = text.casefold()
    for lang, letters in _LETTERS.items():
        scores[lang] += sum(lower.count(ch) for ch in letters) * 0.5
    best = max(scores, key=lambda k: (scores[k], k == "en"))
    if best == "en" or scores[best] < 2 or scores[best] <= scores["en"]:
        return "en"
    return best
