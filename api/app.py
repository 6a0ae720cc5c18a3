"""The FastAPI app: `create_app(settings)` wires settings, database, access control and routes."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.middleware.trustedhost import TrustedHostMiddleware

from api.deps import require_access
from api.errors import COMMON_ERRORS, install_error_handlers
from api.limits import AuthThrottle, SharedRateLimiter, make_counter
from api.readiness import Readiness, Warmup
from api.readiness_checks import index_check, model_check
from api.routes import account_import, accounts, cases, chat, drafts, health, knowledge, policy, stream, triggers
from api.routes import outreach as outreach_routes
from api.routes import replies as reply_routes
from api.routes import risk as risk_routes
from api.routes import roleplay as roleplay_routes
from api.routes.chat import STATIC_DIR
from api.security import BodyLimitMiddleware, KeyRing
from coach.config import Settings, get_settings
from coach.errors import CoachInputError
from coach.store import Database

DESCRIPTION = """\
Coach for Customer Success Managers handling requests to cut seats, drop modules, downgrade or cancel.

Every endpoint but `/v1/health` needs an API key (`X-API-Key` or `Authorization: Bearer`) when the
server listens beyond localhost or when keys are configured (`COACH_API_KEYS`). Errors are JSON:
`{"error": "...", "field": "..."}`.
"""

PROTECTED = (drafts.router, account_import.router, accounts.router, cases.router, stream.router, policy.router,
             knowledge.router, triggers.router, risk_routes.router, outreach_routes.router, reply_routes.router)


def create_app(settings: Settings | None = None, *, public: bool = False, warm: bool = False,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """Build the app. `public`: the server listens beyond localhost, so API keys are mandatory.

    `warm`: load the embedding model, open the index and draft once at start-up, and report ready
    (`/v1/ready`) only then; otherwise they load on first use. `allowed_hosts`: the Host headers
    answered (default: Settings.allowed_hosts, else any).
    """
    settings = settings or get_settings()
    keys = KeyRing(settings.api_keys, required=public)
    if public and not keys.configured:
        raise CoachInputError("listening beyond localhost needs API keys: set COACH_API_KEYS",
                              field="api_keys")
    db = Database(settings.resolved_database_url)  # runs the migrations
    readiness = Readiness()
    readiness.add("database", lambda: None if db.ping() else "the database does not answer")
    readiness.add("index", partial(index_check, settings))
    readiness.add("model", partial(model_check, settings))
    warmup = Warmup(settings)
    if warm:
        readiness.add("warm-up", warmup.check)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm:
            warmup.start()
        yield
        db.dispose()

    # /docs and /redoc from assets shipped in a package, so they render offline.
    app = FastAPIOffline(title="coach", version="1", description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.db = db
    app.state.keys = keys
    app.state.readiness = readiness
    app.state.warmup = warmup
    counter = make_counter(db.engine, settings.redis_url)  # shared by every worker
    app.state.limiter = SharedRateLimiter(settings.rate_limit_per_minute, counter)
    app.state.auth_throttle = AuthThrottle(settings.auth_failures_per_minute, counter)
    app.state.policy = None  # None: the cached policy file (api.deps.get_policy); tests may pin one

    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_request_bytes)
    hosts = allowed_hosts or settings.allowed_hosts or ["*"]
    if hosts != ["*"]:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
    app.include_router(health.router)
    for router in PROTECTED:
        app.include_router(router, dependencies=[Depends(require_access)], responses=COMMON_ERRORS)
    app.include_router(chat.router)
    app.include_router(roleplay_routes.router)  # the API part checks access itself; /training is public
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _document_stream_events(app)
    return app


def _document_stream_events(app: FastAPI) -> None:
    """The stream routes' events, as schemas in the OpenAPI document (see api.stream_events)."""
    from api.stream_events import add_to_openapi

    generate = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            add_to_openapi(generate(), stream.STREAM_PATHS)
        return app.openapi_schema  # type: ignore[return-value]

    app.openapi = openapi  # type: ignore[method-assign]


def app_from_env() -> FastAPI:
    """The app for one of several uvicorn workers (`coach serve --workers N` sets the variables)."""
    hosts = [h for h in os.environ.get("COACH_SERVE_HOSTS", "").split(",") if h]
    return create_app(get_settings(), public=os.environ.get("COACH_SERVE_PUBLIC") == "1", warm=True,
                      allowed_hosts=hosts or None)
