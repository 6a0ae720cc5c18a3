"""Liveness and database check; the one endpoint that never needs a key."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from fastapi import APIRouter

from api.deps import DbDep
from api.schemas import HealthOut

router = APIRouter(tags=["health"])


def _version() -> str:
    try:
        return version("coach")
    except PackageNotFoundError:
        return "0"


@router.get("/v1/health", response_model=HealthOut, summary="Service health")
def health(db: DbDep) -> HealthOut:
    ok = db.ping()
    return HealthOut(status="ok" if ok else "degraded", database="ok" if ok else "unavailable",
                     version=_version())
