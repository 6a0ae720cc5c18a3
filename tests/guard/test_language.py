"""The language identifier read from its unpacked cache answers exactly as the shipped model."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.guard.language import detect_language, identify, load_identifier

TEXTS = [
    "We need to reduce our seats by 30% next quarter.",
    "Нам потрібно скоротити кількість місць на 30%.",
    "Нам нужно сократить количество мест на 30%.",
    "Necesitamos reducir el número de licencias.",
    "Wir müssen die Anzahl der Lizenzen reduzieren.",
    "Nous devons réduire le nombre de licences.",
    "Precisamos reduzir o número de licenças.",
    "Musimy zmniejszyć liczbę licencji.",
    "Dobbiamo ridurre il numero di licenze.",
    "We moeten het aantal licenties verminderen.",
    "ok", "", "SEO PPC 2026",
]


@pytest.mark.slow
def test_cached_identifier_matches_the_shipped_model(tmp_path: Path) -> None:
    fresh = load_identifier(tmp_path)  # unpacks the shipped model and keeps the cut tables
    assert list(tmp_path.glob("langid-*.npz"))
    cached = load_identifier(tmp_path)
    assert cached.nb_classes == fresh.nb_classes
    for text in TEXTS:
        assert cached.classify(text) == fresh.classify(text)
        assert cached.rank(text) == fresh.rank(text)


@pytest.mark.slow
def test_a_damaged_cache_is_replaced(tmp_path: Path) -> None:
    load_identifier(tmp_path)
    (cached,) = tmp_path.glob("langid-*.npz")
    cached.write_bytes(b"not a zip")
    assert load_identifier(tmp_path).classify(TEXTS[1])[0] == "uk"
    assert cached.stat().st_size > 1_000_000


@pytest.mark.parametrize(("text", "expected"), [
    ("скасуйте Social Media", None),  # the Latin words are a service's name; too little Ukrainian is left
    ("Скасуйте, будь ласка, Social Media", "uk"),
    ("Отмените, пожалуйста, Social Media", "ru"),
    ("Please cancel «Усмішка» CRM now", "en"),
    ("Будь ласка, скасуйте Social Media і SEO", "uk"),
])
def test_short_mixed_script_texts(text: str, expected: str | None) -> None:
    assert identify(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("скасуйте Social Media", "uk"),
    ("Отмените, пожалуйста, Social Media", "uk"),  # Russian is not supported: the Cyrillic one is chosen
    ("Hi Олена, please cancel Social Media", "en"),
])
def test_detect_language_of_mixed_texts(text: str, expected: str) -> None:
    assert detect_language(text, ("en", "uk")) == expected


def test_czech_is_told_from_polish() -> None:
    czech = "Dobrý den, rád bych se zeptal, jestli jste už měli čas podívat se na naši nabídku."
    assert identify(czech) == "cs"
    assert identify("Dzień dobry, chciałbym zapytać, czy mieli Państwo czas przejrzeć naszą ofertę.") == "pl"
    assert detect_language(czech, ("en", "pl")) == "pl"  # a customer's language: the nearest supported one
