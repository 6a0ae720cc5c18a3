"""Liveness (`/v1/health`) and readiness (`/v1/ready`); the endpoints that never need a key."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.deps import DbDep
from api.readiness import Readiness
from api.schemas import HealthOut, ReadyCheckOut, ReadyOut

router = APIRouter(tags=["health"])


def _version() -> str:
    try:
        return version("coach")
    except PackageNotFoundError:
        return "0"


@router.get("/v1/health", response_model=HealthOut, summary="Liveness: the process answers")
def health(db: DbDep) -> HealthOut:
    ok = db.ping()
    return HealthOut(status="ok" if ok else "degraded", database="ok" if ok else "unavailable",
                     version=_version())


@router.get("/v1/ready", response_model=ReadyOut, summary="Readiness: every check passes (503 until then)",
            responses={503: {"model": ReadyOut, "description": "Not ready yet; `reason` says why"}})
def ready(request: Request) -> JSONResponse:
    readiness: Readiness = request.app.state.readiness
    results = readiness.report()
    failing = [r for r in results if not r.ok]
    out = ReadyOut(ready=not failing, reason=f"{failing[0].name}: {failing[0].reason}" if failing else None,
                   checks=[ReadyCheckOut(name=r.name, ok=r.ok, reason=r.reason) for r in results])
    return JSONResponse(out.model_dump(mode="json"), status_code=503 if failing else 200,
                        headers={"Cache-Control": "no-store"})
