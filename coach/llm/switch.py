"""The request switch: with COACH_ALLOW_MODEL_REQUESTS=0 (set by the test suite) no model call may
leave the machine. Loopback servers (a stub, a local vLLM/Ollama/llama.cpp) stay allowed."""

from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit

from coach.llm.errors import ModelRequestsForbidden

ENV = "COACH_ALLOW_MODEL_REQUESTS"
OPENAI_DEFAULT = "https://api.openai.com/v1"


def requests_allowed() -> bool:
    """Read on every call (cheap), so a test can flip it with monkeypatch.setenv."""
    return os.environ.get(ENV, "1").strip().lower() not in ("0", "false", "no", "off")


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str | None) -> None:
    """Raise ModelRequestsForbidden when the switch is off and `url` is not on this machine."""
    if requests_allowed():
        return
    target = url or OPENAI_DEFAULT
    host = urlsplit(target).hostname
    if not is_loopback(host):
        raise ModelRequestsForbidden(
            f"model requests are disabled ({ENV}=0): refusing to call {host or target}. "
            "Point COACH_LLM_BASE_URL at a server on 127.0.0.1 (the test stub) or use the fake model."
        )
