"""FastAPI dependencies: settings, database session, policy, access control."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from api.limits import AuthThrottle, SharedRateLimiter
from api.security import KeyRing, fingerprint
from coach.config import Settings
from coach.policy import Policy, policy_for
from coach.store import Database

log = logging.getLogger("coach.api")

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False,
                              description="Required when the server listens beyond localhost")
bearer = HTTPBearer(auto_error=False, description="Alternative to X-API-Key: Authorization: Bearer <key>")


async def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]


async def get_db(request: Request) -> Database:
    return request.app.state.db


DbDep = Annotated[Database, Depends(get_db)]


async def get_session(db: DbDep) -> AsyncIterator[Session]:
    """A session per request; routes commit before they return, so nothing acknowledged is lost.

    The session connects lazily, inside the (threaded) route; closing it only returns the connection.
    """
    session = db.sessions()
    try:
        yield session
    finally:
        session.close()


SessionDep = Annotated[Session, Depends(get_session)]


async def get_policy(request: Request, settings: SettingsDep) -> Policy:
    """The one cached policy load (coach.policy.policy_for): an edited policy.yaml reaches every route,
    as it reaches drafts. A bad file is a 422 naming the field, not a crash."""
    override = getattr(request.app.state, "policy", None)  # tests may pin a policy object
    return override if override is not None else policy_for(settings)


PolicyDep = Annotated[Policy, Depends(get_policy)]


async def require_access(
    request: Request,
    key: Annotated[str | None, Security(api_key_header)] = None,
    token: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)] = None,
) -> bool:
    """Check the key (when required) and the caller's rate limit; returns whether the caller is admin.

    Cheap dependencies are async so they run on the event loop, not in a worker thread.
    """
    ring: KeyRing = request.app.state.keys
    presented = key or (token.credentials if token else None)
    admin = not ring.required  # a local, keyless server is single-user
    if ring.required:
        client = request.client.host if request.client else "unknown"
        throttle: AuthThrottle = request.app.state.auth_throttle
        if (wait := throttle.blocked(client)) > 0:  # guessing keys: refused before the key is compared
            raise HTTPException(429, "too many failed authentications from this address; retry later",
                                headers={"Retry-After": str(max(1, round(wait + 0.5)))})
        valid, admin = ring.check(presented)
        if not valid:
            throttle.failed(client)
            raise HTTPException(401, "a valid API key is required (X-API-Key or Authorization: Bearer)",
                                headers={"WWW-Authenticate": "Bearer"})
        caller = "key:" + fingerprint(presented or "")
    else:
        caller = "ip:" + (request.client.host if request.client else "local")
    limiter: SharedRateLimiter = request.app.state.limiter
    wait = limiter.acquire(caller)
    if wait > 0:
        log.info("rate limit hit for %s", caller)
        raise HTTPException(429, "rate limit exceeded; retry later",
                            headers={"Retry-After": str(max(1, round(wait + 0.5)))})
    return admin


AccessDep = Annotated[bool, Depends(require_access)]


async def require_admin(admin: AccessDep) -> None:
    if not admin:
        raise HTTPException(403, "this endpoint needs an admin key")


def today_or(value: date | None) -> date:
    """The date the rules are computed against: the request's (bounded: date arithmetic years ahead
    must not overflow), else the real date."""
    from coach.bounds import check_day

    return check_day(value, "today") if value else date.today()


async def get_drafter() -> Callable[..., Any]:
    """draft(account, message, *, today, history, prior_counters, settings) -> Draft."""
    from api.casework import make_draft

    return make_draft


DrafterDep = Annotated[Callable[..., Any], Depends(get_drafter)]


async def get_streamer(drafter: DrafterDep) -> Callable[..., Iterator[Any]]:
    """Like the drafter, but yields text chunks and then the Draft."""
    from api.streaming import draft_streamer

    return draft_streamer(drafter)


StreamerDep = Annotated[Callable[..., Iterator[Any]], Depends(get_streamer)]
