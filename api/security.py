"""API keys and the request-size limit (rate limits: api/limits.py). Keys are never logged or echoed."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ADMIN_PREFIX = "admin:"  # a key configured as "admin:<secret>" may also ingest knowledge


def fingerprint(secret: str) -> str:
    """A short, irreversible id for a key (rate-limit buckets, debug logs)."""
    return hashlib.sha256(secret.encode()).hexdigest()[:12]


class KeyRing:
    """The configured keys; `required` when the server listens beyond localhost or keys are set."""

    def __init__(self, keys: Iterable[str], *, required: bool) -> None:
        self._keys: list[tuple[bytes, bool]] = []
        for n, key in enumerate(keys, 1):
            admin = key.strip().startswith(ADMIN_PREFIX)
            secret = key.strip().removeprefix(ADMIN_PREFIX) if admin else key.strip()
            if not secret:  # '["admin:"]' would otherwise start a server whose key is the empty string
                from coach.errors import CoachInputError

                raise CoachInputError(f"api_keys: key {n} has an empty secret; give every key a secret",
                                      field="api_keys")
            self._keys.append((secret.encode(), admin))
        self.required = required or bool(self._keys)

    @property
    def configured(self) -> bool:
        return bool(self._keys)

    def check(self, presented: str | None) -> tuple[bool, bool]:
        """(valid, admin) for a presented secret; compares in constant time against every key."""
        if presented is None:
            return False, False
        given = presented.encode()
        valid = admin = False
        for secret, is_admin in self._keys:
            if hmac.compare_digest(given, secret):
                valid, admin = True, admin or is_admin
        return valid, admin


class BodyLimitMiddleware:
    """Refuse request bodies over `max_bytes` with a JSON 413, before any route reads them."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.max_bytes <= 0:
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await self._reject(send, 400, "invalid Content-Length header")
                    return
                if declared > self.max_bytes:
                    await self._reject(send, 413, self._too_large())
                    return
        # Bodies without a (truthful) length are read up to the limit and replayed to the app.
        chunks: list[Message] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                chunks.append(message)
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._reject(send, 413, self._too_large())
                return
            chunks.append(message)
            more = message.get("more_body", False)

        async def replay() -> Message:
            return chunks.pop(0) if chunks else await receive()

        await self.app(scope, replay, send)

    def _too_large(self) -> str:
        return f"request body is larger than the limit of {self.max_bytes} bytes"

    @staticmethod
    async def _reject(send: Send, status: int, message: str) -> None:
        body = json.dumps({"error": message, "field": "body"}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
