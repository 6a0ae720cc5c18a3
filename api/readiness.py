"""Readiness: named checks the server must pass before it takes traffic, and the warm-up behind one.

Liveness (`/v1/health`) says the process answers; readiness (`/v1/ready`) says a request will be
served at call speed: the embedding model is loaded, the index is open, the database answers.
Each check returns None when ready, else one line saying why not; add one with `Readiness.add`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from coach.config import Settings

log = logging.getLogger("coach.api")
Check = Callable[[], str | None]


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    reason: str | None = None


class Readiness:
    """An ordered list of named checks."""

    def __init__(self) -> None:
        self._checks: dict[str, Check] = {}

    def add(self, name: str, check: Check) -> None:
        self._checks[name] = check

    @property
    def names(self) -> list[str]:
        return list(self._checks)

    def report(self) -> list[CheckResult]:
        out = []
        for name, check in self._checks.items():
            try:
                reason = check()
            except Exception as exc:  # a check that breaks means not ready, never a 500
                reason = f"check failed: {type(exc).__name__}"
            out.append(CheckResult(name, reason is None, reason))
        return out


# A made-up account, only for the warm-up draft (nothing is stored).
WARM_ACCOUNT = {
    "id": "warm-up", "name": "Warm-up", "segment": "smb",
    "contract": {"start_date": "2025-01-01", "term_months": 24, "agreement_type": "standard"},
    "list_mrr": 1000.0, "mrr": 1000.0, "seats": 10,
}
WARM_TODAY = date(2026, 1, 15)
WARM_MESSAGE = "Our budget was cut, we need to reduce our seats by 30%."


class Warmup:
    """Loads the embedding model, opens the index and drafts once, in a background thread."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.step = "not started"
        self.error: str | None = None
        self.seconds: float | None = None
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self.run, name="coach-warmup", daemon=True)
            self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def check(self) -> str | None:
        if self.error:
            return f"warm-up failed while {self.step}: {self.error}"
        if not self._done.is_set():
            return f"warming up: {self.step}"
        return None

    def run(self) -> None:
        t0 = time.perf_counter()
        try:
            self._warm()
        except Exception as exc:
            self.error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            log.error("warm-up failed while %s: %s", self.step, self.error)
        else:
            self.seconds = time.perf_counter() - t0
            self.step = "done"
            log.info("warm-up done in %.1f s", self.seconds)
        finally:
            self._done.set()

    def _warm(self) -> None:
        from coach.accounts import parse_account
        from coach.drafting.engine import TemplateDrafter, draft
        from coach.knowledge.search import get_knowledge

        self.step = "opening the playbook index"
        kn = get_knowledge(self.settings)
        kn.ensure_ready()
        self.step = "loading the embedding model"
        kn.search(WARM_MESSAGE, k=1)
        # Before ready, not after: the build holds the GIL for ~0.5 s (seconds under load), and the
        # first requests after ready timed out behind it.
        if prepare := getattr(kn.embedder, "prepare_for_traffic", None):
            prepare()
        self.step = "drafting a first reply"
        account = parse_account(WARM_ACCOUNT, today=WARM_TODAY, source="warm-up")
        draft(account, WARM_MESSAGE, today=WARM_TODAY, knowledge=kn, settings=self.settings,
              drafter=TemplateDrafter(self.settings.prompts_dir))
