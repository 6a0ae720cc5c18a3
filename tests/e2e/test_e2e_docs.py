"""/docs and /redoc render in Chromium with every request outside the server blocked (offline)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.browser import BROWSER_MARKS, chromium_page
from tests.e2e.conftest import Server

pytestmark = BROWSER_MARKS


def _offline(page: Any, server: Server) -> list[str]:
    """Abort every request that does not go to the server; return the scripts, styles and fonts tried.

    ReDoc's "powered by" badge is an image from its CDN: it may fail without harm, so images are
    aborted but not counted.
    """
    tried: list[str] = []

    def handle(route: Any) -> None:
        url = route.request.url
        if url.startswith(server.url + "/") or url.startswith("data:"):
            route.continue_()
        else:
            if route.request.resource_type != "image":
                tried.append(url)
            route.abort()

    page.route("**/*", handle)
    return tried


def test_swagger_ui_and_redoc_render_offline(server: Server, tmp_path: Path) -> None:
    with chromium_page(tmp_path / "profile") as page:
        outside = _offline(page, server)
        page.goto(f"{server.url}/docs")
        page.locator(".swagger-ui .opblock").first.wait_for(timeout=30_000)
        assert page.locator(".swagger-ui .opblock").count() > 10  # the operations, not an empty shell
        assert "coach" in page.locator(".swagger-ui .title").inner_text()

        page.goto(f"{server.url}/redoc")
        page.locator(".api-content").first.wait_for(timeout=30_000)
        assert "/v1/cases" in page.locator("body").inner_text()
        assert outside == [], outside
