"""Suite-wide setup: no real model calls, no network, fixed dates, a private data dir."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = (REPO / ".." / "shared" / "seeds").resolve()
TODAY = date(2026, 11, 21)

# pytest keeps its assertion-rewritten test modules in __pycache__ (gitignored) only when bytecode may be written; a
# shell with PYTHONDONTWRITEBYTECODE set made every run rewrite ~680 modules again (~5 s of the fast loop).
sys.dont_write_bytecode = False

# Forbid real model calls and telemetry before anything imports the coach.
os.environ["COACH_ALLOW_MODEL_REQUESTS"] = "0"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
for var in ("COACH_LLM_MODEL", "COACH_LLM_BASE_URL", "OPENAI_API_KEY", "COACH_LLM_API_KEY",
            "COACH_INDEX_DIR", "COACH_CHROMA_URL", "COACH_DATABASE_URL", "COACH_WORKSPACE", "COACH_KNOWLEDGE_DIR",
            "COACH_PROMPTS_DIR", "COACH_EVALS_DIR"):
    os.environ.pop(var, None)


@pytest.fixture(scope="session", autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every test run gets its own data dir, so the built-in index is built once per session."""
    d = tmp_path_factory.mktemp("coach-data")
    os.environ["COACH_DATA_DIR"] = str(d)
    # Derived files keyed by their sources (model graph, tokenizer and language tables, embedded
    # exemplars) are shared between runs: rebuilding them cost every run ~10-20 s of the fast loop.
    os.environ.setdefault("COACH_CACHE_DIR", str(tmp_path_factory.getbasetemp().parent / "coach-cache"))
    from coach.config import get_settings

    get_settings.cache_clear()
    return d


@pytest.fixture(scope="session")
def builtin_knowledge(_private_data_dir: Path):
    """The built-in knowledge/ index, built once for the whole session.

    A copy is kept beside the other derived files (COACH_CACHE_DIR) and copied in at the start of the
    next run: the build embeds every playbook chunk (~7-9 s of the fast loop). `ensure_ready` still
    checks the copy against knowledge/playbooks and the embedder, and re-ingests what changed.
    """
    import shutil

    from coach.config import get_settings
    from coach.knowledge.search import get_knowledge

    index = get_settings().resolved_index_dir
    kept = Path(os.environ["COACH_CACHE_DIR"]) / "builtin-index"
    if kept.is_dir() and not index.exists():
        try:
            shutil.copytree(kept, index)
        except OSError:  # another run replaced the copy meanwhile: build instead
            shutil.rmtree(index, ignore_errors=True)
    kn = get_knowledge()
    if kn.ensure_ready() is not None or not kept.is_dir():  # built or refreshed: keep this one
        fresh, old = (kept.with_name(f"builtin-index.{tag}.{os.getpid()}") for tag in ("new", "old"))
        try:
            shutil.copytree(index, fresh)
            if kept.is_dir():
                kept.rename(old)
            fresh.rename(kept)
        except OSError:  # another run is doing the same: its copy will do
            pass
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return kn


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Browser tests, and tests that embed a private index of their own (the seeds, the playbooks),
    are slow tests: `pytest -m "not slow"` is the fast loop."""
    own_index = {"seeds_knowledge", "playbooks_knowledge"}
    for item in items:
        if item.get_closest_marker("browser") is not None or own_index & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def postgres_url():
    """A PostgreSQL URL with a private schema (skips when COACH_TEST_POSTGRES_URL is unset or down)."""
    from tests.pg import fresh_schema

    yield from fresh_schema()


@pytest.fixture
def redis_url() -> str:
    """The Redis server named by COACH_TEST_REDIS_URL (.ci/run sets it); skips, saying why, without one."""
    import os

    url = os.environ.get("COACH_TEST_REDIS_URL")
    if not url:
        pytest.skip("Redis tests need COACH_TEST_REDIS_URL (.ci/run sets it to the machine's server)")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis at {url} unreachable: {type(exc).__name__}: {exc}")
    return url
