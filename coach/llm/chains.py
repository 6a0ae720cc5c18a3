"""The LCEL pieces: retriever + account context + the policy's decision -> prompt -> model -> parse.

    prompt_chain(task) = {ctx, passages: retriever} | variables | ChatPromptTemplate
    attempt            = model (bounded by the draft's budget) | parse_output(schema)

The drafter runs `prompt_chain` once and `attempt` up to 1 + COACH_LLM_REASKS times, adding the
failures to the conversation between attempts.
"""

from __future__ import annotations

import json
import re
from functools import partial
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.messages import BaseMessage
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import (
    Runnable,
    RunnableConfig,
    RunnableLambda,
    RunnableParallel,
    RunnablePassthrough,
)
from pydantic import BaseModel, ValidationError

from coach.drafting.context import DraftContext
from coach.knowledge.search import Hit
from coach.llm import blocks
from coach.llm.prompts import Prompt

_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.I)


class PlaybookRetriever(BaseRetriever):
    """The Chroma playbook index (coach.knowledge) as a LangChain retriever."""

    knowledge: Any = None
    k: int = blocks.MAX_PASSAGES

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return hits_to_documents(self.knowledge.search(query, self.k) if self.knowledge is not None else [])


def hits_to_documents(hits: list[Hit]) -> list[Document]:
    return [
        Document(
            page_content=h.text,
            metadata={"source": h.source, "section": h.section, "score": h.score, "language": h.language},
        )
        for h in hits
    ]


def documents_to_hits(docs: list[Document]) -> list[Hit]:
    return [
        Hit(
            source=d.metadata.get("source", ""),
            section=d.metadata.get("section", ""),
            text=d.page_content,
            score=float(d.metadata.get("score", 0.0)),
            language=d.metadata.get("language", "en"),
        )
        for d in docs
    ]


def _passages(retriever: PlaybookRetriever | None, ctx: DraftContext) -> list[Document]:
    """The engine already retrieved for this draft (those passages are the citations): reuse them,
    so what the model read is what the draft cites. Query the index only when there are none."""
    if ctx.passages:
        return hits_to_documents(ctx.passages[: blocks.MAX_PASSAGES])
    return retriever.invoke(ctx.message[:500]) if retriever is not None else []


def _variables(task: str, n_questions: int, x: dict[str, Any]) -> dict[str, str]:
    return blocks.variables(task, x["ctx"], documents_to_hits(x["passages"]), n_questions)


def prompt_chain(
    prompt: Prompt, retriever: PlaybookRetriever | None = None, n_questions: int = 3
) -> Runnable[DraftContext, Any]:
    """DraftContext -> ChatPromptValue for one task."""
    return (
        RunnableParallel(ctx=RunnablePassthrough(), passages=RunnableLambda(partial(_passages, retriever)))
        | RunnableLambda(partial(_variables, prompt.task, n_questions))
        | prompt.template
    ).with_config(run_name=f"coach.prompt.{prompt.task}")


def prompt_messages(
    chain: Runnable[DraftContext, Any], ctx: DraftContext, config: dict[str, Any] | None = None
) -> list[BaseMessage]:
    return chain.invoke(ctx, RunnableConfig(**config) if config else None).to_messages()  # type: ignore[typeddict-item]


def _json_object(text: str) -> Any:
    """The first JSON object in a reply; tolerates code fences and chatter around it, not truncation."""
    stripped = _FENCE.sub("", text.strip())
    try:
        return json.loads(stripped)
    except json.JSONDecodeError:
        start = stripped.find("{")
        if start < 0:
            raise
        obj, _ = json.JSONDecoder().raw_decode(stripped[start:])
        return obj


def parse_output(schema: type[BaseModel], text: str) -> tuple[BaseModel | None, list[str]]:
    """(parsed, []) or (None, problems worded for the model)."""
    try:
        data = _json_object(text)
    except json.JSONDecodeError as exc:
        return None, [
            f"the reply is not valid JSON ({exc.msg} at character {exc.pos}); "
            "answer with the JSON object only"
        ]
    if not isinstance(data, dict):
        return None, ["the reply must be one JSON object"]
    try:
        return schema.model_validate(data), []
    except ValidationError as exc:
        return None, [
            f"field '{'.'.join(str(p) for p in e['loc']) or '(root)'}': {e['msg']}" for e in exc.errors()[:5]
        ]
