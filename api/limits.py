"""Limits that hold across workers: request rates per caller and failed authentication per client.

Counts live where every worker sees them: in the database (a `rate_counters` row per key and
minute, incremented with one upsert) or in Redis when `COACH_REDIS_URL` is set
(INCR + EXPIRE). Two workers therefore let through what one would, not twice as much.
"""

from __future__ import annotations

import logging
import random
import time
from typing import Any, Protocol

from sqlalchemy import Engine, delete, func, select

from coach.store.models import RateCounterRow

log = logging.getLogger("coach.api")
WINDOW = 60  # seconds


class Counter(Protocol):
    def incr(self, key: str, window: int) -> int: ...
    def get(self, key: str, window: int) -> int: ...


class DbCounter:
    """Counts in the `rate_counters` table (SQLite or PostgreSQL); old windows are pruned now and then."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        backend = engine.url.get_backend_name()
        from sqlalchemy.dialects import postgresql, sqlite

        self._insert: Any = postgresql.insert if backend == "postgresql" else sqlite.insert

    def incr(self, key: str, window: int) -> int:
        table: Any = RateCounterRow.__table__
        stmt = self._insert(table).values(key=key, minute=window, count=1)
        stmt = stmt.on_conflict_do_update(index_elements=["key", "minute"],
                                          set_={"count": table.c.count + 1}).returning(table.c.count)
        with self.engine.begin() as conn:
            count = int(conn.execute(stmt).scalar_one())
            if random.random() < 0.01:  # keep the table to the last two windows
                conn.execute(delete(table).where(table.c.minute < window - 1))
        return count

    def get(self, key: str, window: int) -> int:
        table = RateCounterRow.__table__
        with self.engine.connect() as conn:
            got = conn.execute(select(func.coalesce(func.max(table.c.count), 0))
                               .where(table.c.key == key, table.c.minute == window)).scalar_one()
        return int(got)


class RedisCounter:
    """Counts in Redis: `coach:rate:<key>:<window>`, expiring after two windows."""

    def __init__(self, url: str) -> None:
        import redis

        self.client = redis.Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)

    def incr(self, key: str, window: int) -> int:
        name = f"coach:rate:{key}:{window}"
        pipe = self.client.pipeline()
        pipe.incr(name)
        pipe.expire(name, 2 * WINDOW)
        return int(pipe.execute()[0])

    def get(self, key: str, window: int) -> int:
        return int(self.client.get(f"coach:rate:{key}:{window}") or 0)


class SharedRateLimiter:
    """`per_minute` requests per caller over any minute, counted across workers. 0 turns it off.

    A sliding-window counter: this minute's count plus last minute's, weighted by how much of it
    still lies within the last 60 seconds (so a burst at a minute boundary cannot pass twice).
    When the counter store itself fails, the request goes ahead and the failure is logged: a
    limiter outage must not take the service down with it.
    """

    def __init__(self, per_minute: int, counter: Counter) -> None:
        self.per_minute = per_minute
        self.counter = counter

    def acquire(self, caller: str, now: float | None = None) -> float:
        """0.0 if the request may go ahead, else seconds until it could."""
        if self.per_minute <= 0:
            return 0.0
        now = time.time() if now is None else now
        window = int(now // WINDOW)
        key = "req:" + caller
        try:
            count = self.counter.incr(key, window)
            previous = self.counter.get(key, window - 1) if count <= self.per_minute else 0
        except Exception as exc:  # noqa: BLE001 - any backend error: fail open, say so
            log.warning("rate limit store unavailable (%s); request allowed", type(exc).__name__)
            return 0.0
        weight = 1.0 - (now - window * WINDOW) / WINDOW
        if count + previous * weight <= self.per_minute:
            return 0.0
        if count > self.per_minute:
            return (window + 1) * WINDOW - now
        # Over only because of last minute: wait until enough of it has slid out.
        excess = count + previous * weight - self.per_minute
        return max(1.0, excess / max(previous, 1) * WINDOW)


class AuthThrottle:
    """After `per_minute` failed authentications from one client, refuse its requests until the window ends."""

    def __init__(self, per_minute: int, counter: Counter) -> None:
        self.per_minute = per_minute
        self.counter = counter

    def _key(self, client: str) -> str:
        return "authfail:" + client

    def blocked(self, client: str, now: float | None = None) -> float:
        """Seconds until `client` may try again (0.0: it may)."""
        if self.per_minute <= 0:
            return 0.0
        now = time.time() if now is None else now
        window = int(now // WINDOW)
        try:
            failures = self.counter.get(self._key(client), window)
        except Exception as exc:  # noqa: BLE001 - any backend error (Redis's own ConnectionError too): fail open
            log.warning("auth throttle store unavailable (%s)", type(exc).__name__)
            return 0.0
        return (window + 1) * WINDOW - now if failures >= self.per_minute else 0.0

    def failed(self, client: str, now: float | None = None) -> None:
        if self.per_minute <= 0:
            return
        now = time.time() if now is None else now
        try:
            self.counter.incr(self._key(client), int(now // WINDOW))
        except Exception as exc:  # noqa: BLE001
            log.warning("auth throttle store unavailable (%s)", type(exc).__name__)


def make_counter(engine: Engine, redis_url: str | None) -> Counter:
    return RedisCounter(redis_url) if redis_url else DbCounter(engine)
