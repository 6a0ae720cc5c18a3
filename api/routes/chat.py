"""The chat page for calls (plain HTML/CSS/JS, no build step). It holds no data: all comes via the API."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, RedirectResponse

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
router = APIRouter(include_in_schema=False)

# The page may only load its own script and style, and talk to this origin.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")


@router.get("/")
def root() -> RedirectResponse:
    return RedirectResponse("/chat")


@router.get("/chat")
def chat() -> FileResponse:
    return FileResponse(STATIC_DIR / "chat.html", media_type="text/html",
                        headers={"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                                 "Cache-Control": "no-cache"})
