"""The one place where errors become HTTP responses: always JSON {"error", "field"}, never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.schemas import ErrorOut
from coach.cases.stages import StageTransitionError
from coach.errors import CoachInputError, CoachRunError
from coach.store.repo import NotFoundError

log = logging.getLogger("coach.api")


class ConflictError(CoachInputError):
    """The request is valid but clashes with the resource's state (e.g. a closed case)."""


def error_response(status: int, message: str, field: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorOut(error=message, field=field).model_dump()
    return JSONResponse(body, status_code=status, headers=headers)


def _loc(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    return ".".join(parts)


def _validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if not errors:
        return error_response(422, "invalid request")
    err = errors[0]
    if err.get("type") == "json_invalid":
        return error_response(400, "request body is not valid JSON", "body")
    field = _loc(err.get("loc", ()))
    msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    if err.get("type") == "missing" and not field:
        return error_response(422, "request body is required", "body")
    if not field and err.get("type") in ("model_attributes_type", "dict_type", "model_type"):
        return error_response(422, "request body must be a JSON object", "body")
    # The offending value is never echoed: it may be customer text.
    return error_response(422, f"{field}: {msg}" if field else msg, field or None)


def _coach_input(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, CoachInputError)
    status = 404 if isinstance(exc, NotFoundError) else 409 if isinstance(
        exc, StageTransitionError | ConflictError) else 422
    return error_response(status, str(exc), exc.field)


def _coach_run(_: Request, exc: Exception) -> JSONResponse:
    log.warning("run failure: %s", type(exc).__name__)
    return error_response(503, str(exc).splitlines()[0] if str(exc) else "the coach could not finish")


def _integrity(_: Request, exc: Exception) -> JSONResponse:
    log.info("integrity conflict: %s", type(exc).__name__)
    return error_response(409, "the request conflicts with a concurrent change; retry it")


def _database(_: Request, exc: Exception) -> JSONResponse:
    log.error("database error: %s", type(exc).__name__)
    return error_response(503, "the database is unavailable; retry shortly")


def _http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else "request failed"
    return error_response(exc.status_code, detail, headers=getattr(exc, "headers", None))


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # Exception text can quote request data; full detail only at debug level.
    log.error("unhandled %s on %s %s", type(exc).__name__, request.method, request.url.path)
    log.debug("unhandled error detail", exc_info=exc)
    return error_response(500, "internal error")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(CoachInputError, _coach_input)
    app.add_exception_handler(CoachRunError, _coach_run)
    app.add_exception_handler(IntegrityError, _integrity)
    app.add_exception_handler(SQLAlchemyError, _database)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(Exception, _unexpected)


def _doc(description: str) -> dict[str, Any]:
    return {"model": ErrorOut, "description": description}


# Documented on every route so the OpenAPI schema lists each error a client can get.
COMMON_ERRORS: dict[int | str, dict[str, Any]] = {
    400: _doc("Malformed request (e.g. invalid JSON)"),
    401: _doc("Missing or wrong API key"),
    413: _doc("Request body too large"),
    422: _doc("Invalid field; the message names it"),
    429: _doc("Rate limit exceeded; see Retry-After"),
    503: _doc("A run failure (model, index, database); retry later"),
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: _doc("Unknown account, case or trigger")}
CONFLICT: dict[int | str, dict[str, Any]] = {409: _doc("Not allowed in the resource's current state")}
