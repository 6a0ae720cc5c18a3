"""An OpenAI-compatible stub server: /v1/chat/completions (streamed or not), /v1/models, /v1/embeddings.

Replies are scripted per task (the X-Coach-Task header): a `Reply` is content, an HTTP error, or a
hang. With nothing scripted for a task, `obedient` answers the way a well-behaved model would
(restating the FACTS blocks), which is what end-to-end tests and the benchmark use. A request
that finds an empty script in strict mode is recorded in `errors`, so the test fails loudly.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import socket
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse


@dataclass
class Reply:
    content: str | None = None
    status: int = 200
    hang: float = 0.0  # seconds before answering (streamed: after the headers, before the first chunk)
    headers: dict[str, str] = field(default_factory=dict)
    chunk_chars: int = 8
    edit: Callable[[str], str] | None = None  # applied to the obedient answer (a hostile model's twist)


def _line(text: str, label: str) -> str | None:
    m = re.search(rf"^{re.escape(label)}: (.+)$", text, re.M)
    return m.group(1).strip() if m else None


def obedient(task: str, system: str, user: str) -> str:
    """What a model that follows the prompt would answer (used when nothing is scripted)."""
    first = _line(user, "contact first name") or "there"
    if task == "acknowledgment":
        return json.dumps(
            {
                "text": f"Hi {first},\n\nThank you for telling me this directly. I understand "
                "you'd like to change the package, and I'm on it. I'll follow up with a few "
                "quick questions, then come back with a concrete proposal within a few "
                "days.\n\nThanks again,"
            }
        )
    if task == "counter_message":
        restated = json.loads(re.search(r'\{"restated": (\{.*?\}), "message"', system).group(1))
        lines = [
            f"Hi {first},",
            "",
            "Thanks for walking me through what changed. Here is my proposal:",
            f"- Your monthly investment moves to {_line(user, 'new monthly price')}.",
        ]
        if (pct := _line(user, "total discount off the list price")) and pct != "0%":
            lines.append(f"- That is {pct} off the list price.")
        if pause := _line(user, "pause"):
            lines.append(f"- We pause for {pause}; billing resumes on {_line(user, 'billing resumes on')}.")
            if end := _line(user, "agreement end date after the change"):
                lines.append(f"- The agreement is extended by {restated['pause_months']} months, to {end}.")
        elif commit := _line(user, "commitment"):
            lines.append(
                f"- In return you commit to the new package for {commit}"
                f"{', to ' + end if (end := _line(user, 'agreement end date after the change')) else ''}."
            )
        lines += ["- Billing stays monthly, with no prepayment.", "", "Does this work for you?"]
        return json.dumps({"restated": restated, "message": "\n".join(lines)})
    if task == "diagnosis":
        msg = user.split('<data kind="customer_message">')[-1].lower()
        cause = "budget_cut" if "budget" in msg else "unknown"
        kind = "seat_reduction" if "seat" in msg else "other"
        return json.dumps({"kind": kind, "root_cause": cause, "hardship": None, "evidence": ""})
    if task == "diagnosis_questions":
        n = int(re.search(r"Write exactly (\d+) questions", system).group(1))
        qs = [
            "What has changed on your side recently?",
            "Which results matter most to you now?",
            "Who else is involved in this decision?",
            "How is the team using the service today?",
        ]
        return json.dumps({"questions": qs[:n]})
    if task in ("outreach", "accept_gracefully"):
        m = re.search(r"REFERENCE MESSAGE:\n<<<\n(.*)\n>>>", user, re.S)
        return json.dumps({"message": m.group(1) if m else "ok"})
    if task == "roleplay_customer":
        said = _line(user, "What the scripted customer would say (you may reword it)") or "I see."
        return json.dumps({"reply": said, "stance": "firm"})
    return json.dumps({"text": "ok"})


async def _hang(seconds: float) -> bool:
    """Sleep like a stuck server; False when the server shut down meanwhile (no traceback noise)."""
    try:
        await asyncio.sleep(seconds)
        return True
    except asyncio.CancelledError:
        return False


def _vector(text: str, dim: int = 16) -> list[float]:
    digest = hashlib.sha256(text.encode()).digest()
    return [(b - 128) / 128 for b in digest[:dim]]


class Stub:
    """The script and the record of one stub server."""

    def __init__(self) -> None:
        self.queues: dict[str, deque[Reply]] = defaultdict(deque)
        self.requests: list[dict[str, Any]] = []
        self.errors: list[str] = []
        self.strict = False  # True: a task without a scripted reply is an error, not `obedient`
        self.lock = threading.Lock()
        self.url = ""

    def enqueue(self, task: str, *replies: Reply | str) -> None:
        with self.lock:
            self.queues[task].extend(r if isinstance(r, Reply) else Reply(content=r) for r in replies)

    def reset(self) -> None:
        with self.lock:
            self.queues.clear()
            self.requests.clear()
            self.errors.clear()
            self.strict = False

    def calls(self, task: str | None = None) -> list[dict[str, Any]]:
        with self.lock:
            return [r for r in self.requests if task is None or r["task"] == task]

    def next_reply(self, task: str, body: dict[str, Any]) -> Reply:
        with self.lock:
            self.requests.append({"task": task, "body": body, "at": time.monotonic()})
            scripted = self.queues[task].popleft() if self.queues[task] else None
            if scripted is None and self.strict:
                self.errors.append(f"no reply scripted for task {task!r}")
                return Reply(status=500, content="stub: no reply scripted")
        if scripted is not None and scripted.edit is None:
            return scripted
        msgs = body.get("messages", [])
        system = next((m["content"] for m in msgs if m["role"] == "system"), "")
        user = next((m["content"] for m in msgs if m["role"] == "user"), "")
        answer = obedient(task, system, user)
        if scripted is not None:
            return replace(scripted, content=scripted.edit(answer) if scripted.edit else answer)
        return Reply(content=answer)


def build_app(stub: Stub) -> FastAPI:
    app = FastAPI()

    @app.get("/v1/models")
    async def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": "stub-model", "object": "model", "owned_by": "stub"}]}

    @app.post("/v1/embeddings")
    async def embeddings(request: Request) -> dict[str, Any]:
        body = await request.json()
        inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
        return {
            "object": "list",
            "model": body.get("model", "stub"),
            "data": [
                {"object": "embedding", "index": i, "embedding": _vector(str(t))}
                for i, t in enumerate(inputs)
            ],
            "usage": {"prompt_tokens": 1, "total_tokens": 1},
        }

    @app.post("/v1/chat/completions")
    async def chat(request: Request) -> Response:
        body = await request.json()
        task = request.headers.get("x-coach-task", "default")
        reply = stub.next_reply(task, body)
        if reply.status != 200:
            if reply.hang:
                await _hang(reply.hang)
            return JSONResponse(
                {"error": {"message": reply.content or "stub error", "type": "server_error"}},
                status_code=reply.status,
                headers=reply.headers,
            )
        content = reply.content or ""
        base = {"id": "chatcmpl-stub", "created": int(time.time()), "model": body.get("model", "stub")}
        if not body.get("stream"):
            if reply.hang and not await _hang(reply.hang):
                return Response(status_code=503)
            return JSONResponse(
                {
                    **base,
                    "object": "chat.completion",
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": content},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
                }
            )

        async def events():
            def chunk(delta: dict[str, Any], finish: str | None = None) -> str:
                data = {
                    **base,
                    "object": "chat.completion.chunk",
                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                }
                return f"data: {json.dumps(data)}\n\n"

            yield chunk({"role": "assistant", "content": ""})
            if reply.hang and not await _hang(reply.hang):
                return
            for i in range(0, len(content), reply.chunk_chars):
                yield chunk({"content": content[i : i + reply.chunk_chars]})
            yield chunk({}, "stop")
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return app


class StubServer:
    """uvicorn on 127.0.0.1 (a free port) in a daemon thread."""

    def __init__(self, stub: Stub | None = None) -> None:
        self.stub = stub or Stub()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        port = self.sock.getsockname()[1]
        self.stub.url = f"http://127.0.0.1:{port}/v1"
        config = uvicorn.Config(
            build_app(self.stub),
            log_level="critical",
            access_log=False,
            timeout_graceful_shutdown=1,
            lifespan="off",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> Stub:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("stub server did not start")
            time.sleep(0.01)
        return self.stub

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=5)
        self.sock.close()


def main() -> None:  # pragma: no cover - used by benchmarks/llm_overhead.py
    """Serve the obedient stub on 127.0.0.1 until killed; prints its base URL on the first line."""
    import sys

    with StubServer() as stub:
        print(stub.url, flush=True)
        try:
            sys.stdin.read()  # until the parent closes our stdin
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
