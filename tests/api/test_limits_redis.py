"""The shared limits counted in a real Redis server (COACH_REDIS_URL): counts, expiry, the sliding
window across two limiter instances (two workers), and failing open when Redis goes away."""

from __future__ import annotations

import uuid

import pytest

from api.limits import WINDOW, AuthThrottle, RedisCounter, SharedRateLimiter


def _caller() -> str:
    return "test-" + uuid.uuid4().hex  # a fresh key per test: reruns never see old counts


def test_counts_live_in_redis_and_expire(redis_url: str) -> None:
    counter = RedisCounter(redis_url)
    key = _caller()
    assert [counter.incr(key, 7) for _ in range(3)] == [1, 2, 3]
    assert counter.get(key, 7) == 3
    assert counter.get(key, 6) == 0
    ttl = counter.client.ttl(f"coach:rate:{key}:7")
    assert 0 < ttl <= 2 * WINDOW


def test_two_limiters_on_one_redis_let_through_what_one_would(redis_url: str) -> None:
    workers = [SharedRateLimiter(5, RedisCounter(redis_url)) for _ in range(2)]
    caller, now = _caller(), 120 * WINDOW + 1.0  # early in a window: last minute weighs almost fully
    waits = [workers[i % 2].acquire(caller, now=now + i * 0.01) for i in range(12)]
    assert sum(w == 0.0 for w in waits) == 5
    assert all(w > 0 for w in waits[5:])


def test_last_minute_counts_in_the_sliding_window(redis_url: str) -> None:
    limiter = SharedRateLimiter(4, RedisCounter(redis_url))
    caller, start = _caller(), 300 * WINDOW + 50.0
    assert all(limiter.acquire(caller, now=start) == 0.0 for _ in range(4))
    # Five seconds into the next minute, 55/60 of last minute's four still count: no room yet.
    assert limiter.acquire(caller, now=start + 15.0) > 0


def test_auth_throttle_blocks_a_client_across_workers(redis_url: str) -> None:
    a, b = AuthThrottle(3, RedisCounter(redis_url)), AuthThrottle(3, RedisCounter(redis_url))
    client, now = _caller(), 400 * WINDOW + 5.0
    for throttle in (a, b, a):
        assert throttle.blocked(client, now=now) == 0.0
        throttle.failed(client, now=now)
    assert b.blocked(client, now=now) == pytest.approx(WINDOW - 5.0)


@pytest.mark.slow
def test_an_unreachable_redis_fails_open() -> None:
    limiter = SharedRateLimiter(1, RedisCounter("redis://127.0.0.1:1/0"))  # nothing listens on port 1
    assert limiter.acquire(_caller()) == 0.0
    assert AuthThrottle(1, RedisCounter("redis://127.0.0.1:1/0")).blocked(_caller()) == 0.0
